// ESLint: typescript-eslint's recommended rules, Pulumi's rules against Outputs in template
// literals (type-aware), and eslint-config-prettier so formatting is Prettier's job alone.
import pulumi from "@pulumi/eslint-plugin";
import prettier from "eslint-config-prettier";
import tseslint from "typescript-eslint";

export default tseslint.config(
    {
        ignores: [
            "**/bin/**",
            "**/node_modules/**",
            "docs/**",
            "reports/**",
            ".stryker-tmp/**",
            "**/*.js",
            "**/*.mjs",
            // Programs that must fail to compile or run (tests/programRunner.test.ts); each is
            // compiled by the check itself, with its own tsconfig.
            "tests/fixtures/run/**",
        ],
    },
    ...tseslint.configs.recommended,
    {
        languageOptions: {
            parserOptions: {
                project: ["./tsconfig.json", "./examples/tsconfig.json"],
                tsconfigRootDir: import.meta.dirname,
            },
        },
        plugins: { "@pulumi": pulumi },
        rules: {
            "@pulumi/no-output-in-template-literal": "error",
            "@pulumi/no-output-instance-in-template-literal": "error",
            "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
        },
    },
    {
        // Tests, and the mock engine that wraps Pulumi's mock monitor, reach into its protobuf
        // requests, which have no types.
        files: [
            "tests/**/*.ts",
            "scripts/**/*.ts",
            "harness/**/*.ts",
            "testing/mockEngine.ts",
            "testing/mockAccount.ts",
            "testing/recorded.ts",
            "testing/transformEngine.ts",
        ],
        rules: { "@typescript-eslint/no-explicit-any": "off" },
    },
    {
        // The house's size limits (CONTRIBUTING.md, Layout, "Size"): no source file over 400 lines, no
        // function over 80. Tests are exempt: a test file is a table of cases, a describe block
        // one function.
        files: ["**/*.ts"],
        ignores: ["tests/**"],
        rules: {
            "max-lines": ["error", { max: 400, skipBlankLines: false, skipComments: false }],
            "max-lines-per-function": [
                "error",
                { max: 80, skipBlankLines: false, skipComments: false, IIFEs: true },
            ],
        },
    },
    prettier,
);
