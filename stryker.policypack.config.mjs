// `npm run mutation:policypack`: Stryker over the policy pack alone (policypack/index.ts,
// deserializeOnce.ts, policies/*.ts, lib/**/*.ts), reported to reports/mutation/policypack.{html,json}.
//
// Tests: every test file that runs the pack's code in this process and finishes in well under a
// minute: one file per rule (tests/rules/), one per destination service (tests/destinations/), and
// the facts-, stack- and policy-level files, listed in stryker.policypack.tests.json. Its `leftOut`
// names, each with its reason, the files Stryker cannot use: those that run the pack, the CLI or npm
// as child processes (Stryker can neither see nor switch a mutant there) and those that cost a
// minute per mutant. tests/strykerPackTests.test.ts fails on a test file of the pack in neither.
//
// coverageAnalysis "perTest": each mutant runs only the tests that reached it. Static mutants
// (module-level tables and schemas, executed only while a file loads) need every test after a
// reload, which over this test set is hours on 2 cores: they are ignored (reported "Ignored", not
// in the score) unless STRYKER_STATIC=1. incremental: results are kept in
// reports/stryker-incremental-policypack.json (git-ignored with reports/: it is per machine and
// goes stale with every change to a test), so a rerun only tests mutants whose code or covering
// tests changed; `-- --force` redoes them all. `-- --mutate <file>` narrows the run. bin/tests is
// in the sandbox (see ignorePatterns), so Stryker diffs the compiled test files and reuses the
// results of unchanged tests: build first, since it reads the test files from bin/tests.
import { readFileSync } from "node:fs";

const base = JSON.parse(readFileSync(new URL("./stryker.config.json", import.meta.url), "utf8"));
const { tests: PACK_TESTS } = JSON.parse(
    readFileSync(new URL("./stryker.policypack.tests.json", import.meta.url), "utf8"),
);

export default {
    ...base,
    mutate: [
        "policypack/index.ts",
        "policypack/deserializeOnce.ts",
        ...base.mutate.filter((f) => f.startsWith("policypack/")),
    ],
    mochaOptions: {
        ...base.mochaOptions,
        spec: PACK_TESTS.map((t) => `bin/tests/${t}`),
    },
    // errors.test reads docs/errors.md; only the generated docs/api stays out of the sandbox.
    // bin/tests is let in (the rest of bin/ stays out): the sandbox's build compiles it again, but
    // Stryker then knows the compiled test files' text and diffs them for the incremental file,
    // instead of counting every test as changed. So build (`npm run build`) before a run.
    ignorePatterns: [
        ...base.ignorePatterns.filter((p) => p !== "docs" && p !== "bin"),
        "bin/*",
        "!bin/tests",
        "policypack/bin",
        "docs/api",
    ],
    coverageAnalysis: "perTest",
    ignoreStatic: process.env.STRYKER_STATIC !== "1",
    incremental: true,
    incrementalFile: "reports/stryker-incremental-policypack.json",
    htmlReporter: { fileName: "reports/mutation/policypack.html" },
    jsonReporter: { fileName: "reports/mutation/policypack.json" },
};
