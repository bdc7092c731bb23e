/**
 * The package schema Python, Go, .NET, Java and YAML programs are generated from (`pulumi package
 * add`), built once by `npm run build` into `bin/components/provider/schema.json`.
 *
 * It starts from what Pulumi's component provider host infers from the TypeScript sources
 * (`ComponentProvider.getSchema()`, the host's own analyzer: types, descriptions, plain inputs,
 * enums from `as const` objects) and adds what that analyzer leaves out:
 * - each optional input's `@default`, which the analyzer drops with every other TSDoc tag, at the
 *   end of its description (`Default: 365.`), so a Python or YAML user sees it;
 * - `integer` for the whole-number inputs (the analyzer only knows `number`);
 * - the package metadata: description, license, repository, publisher, keywords, and a namespace
 *   taken from the repository's owner, which is what the CLI would set for a git URL
 *   (`setSpecNamespace`), so a checkout path and a git URL generate the same SDK names;
 * - each language's package name in the schema's `language` section ({@link languageNames}), so the
 *   SDK `pulumi package add` generates is named as that language's users expect rather than
 *   `<namespace>_<name>` (Python's default made `pulumi_aws_encrypted_logs_encrypted_logs`).
 *
 * Inferring takes the host's analyzer several seconds (it type-checks the sources), which is why the
 * provider serves the file instead of inferring at every start. Build-time only: it needs
 * `typescript`, a development dependency.
 */
import { ComponentProvider } from "@pulumi/pulumi/provider/experimental";
import * as fs from "node:fs";
import * as path from "node:path";
import * as ts from "typescript";
import { PROVIDER_OPTIONS, sourceRoot } from "./options";

/** A property of the schema (the subset this module reads or writes). */
export interface SchemaProperty {
    type?: string;
    $ref?: string;
    items?: SchemaProperty;
    additionalProperties?: SchemaProperty;
    description?: string;
    plain?: boolean;
}

/** A resource of the schema. */
export interface SchemaResource {
    isComponent: boolean;
    description?: string;
    inputProperties: Record<string, SchemaProperty>;
    requiredInputs?: string[];
    properties: Record<string, SchemaProperty>;
    required?: string[];
}

/** An enum type of the schema. */
export interface SchemaEnum {
    type: string;
    enum: { name: string; value: string | number; description?: string }[];
    description?: string;
}

/** The package schema (the subset this module reads or writes). */
export interface PackageSchema {
    name: string;
    version: string;
    displayName?: string;
    description?: string;
    namespace?: string;
    license?: string;
    repository?: string;
    publisher?: string;
    keywords?: string[];
    resources: Record<string, SchemaResource>;
    types: Record<string, SchemaEnum>;
    [key: string]: unknown;
}

/**
 * Inputs that take whole numbers (days), per component: the schema types them `integer`, so Python
 * gets `int` and Go `int`. Each must exist and be a `number` in the inferred schema.
 */
export const INTEGER_INPUTS: Readonly<Record<string, readonly string[]>> = {
    LogsKey: ["rotationPeriodInDays", "deletionWindowInDays"],
    CloudTrailKey: ["rotationPeriodInDays", "deletionWindowInDays"],
    EncryptedLogGroup: ["retentionInDays"],
    EncryptedAnomalyDetector: ["anomalyVisibilityTime"],
    EncryptedTrail: ["cloudWatchLogsRetentionInDays"],
};

/** Keywords the Pulumi registry reads besides the npm package's own. */
const REGISTRY_KEYWORDS = ["kind/component", "category/cloud"];

interface Manifest {
    name: string;
    version: string;
    description: string;
    license: string;
    author: string;
    keywords: string[];
    repository: { url: string };
}

/** `git+https://github.com/owner/repo.git` → `https://github.com/owner/repo` and its owner. */
export function repositoryOf(url: string): { url: string; owner: string } {
    const m = /^(?:git\+)?(https:\/\/github\.com\/([^/]+)\/[^/]+?)(?:\.git)?$/.exec(url);
    if (m === null) {
        throw new Error(
            `package.json repository.url is "${url}": the schema's repository and namespace are read from a GitHub URL. Allowed: https://github.com/<owner>/<repo>(.git). Fix: set repository.url to the repository's GitHub URL.`,
        );
    }
    return { url: m[1], owner: m[2].toLowerCase() };
}

/** The language-specific names of the schema's `language` section (see {@link languageNames}). */
export interface LanguageNames {
    nodejs: { packageName: string };
    python: { packageName: string };
    go: { importBasePath: string };
    csharp: { rootNamespace: string };
}

/**
 * What each language's SDK is called, by the field Pulumi's code generators read (pulumi/pulumi
 * v3.248.0 `pkg/codegen`, pulumi/pulumi-dotnet `pulumi-language-dotnet/codegen`):
 * - nodejs `packageName` (`NodePackageInfo`; default `@<namespace>/<name>`): the npm package's own
 *   name, so a generated Node SDK is imported as the package is;
 * - python `packageName` (`PackageInfo`; default `PyPack(namespace, name)`, i.e.
 *   `pulumi_aws_encrypted_logs_encrypted_logs`): the npm name with `_` for `-`, the module and the
 *   distribution name (`import pulumi_aws_encrypted_logs`), as `pulumi-aws` is `pulumi_aws`;
 * - go `importBasePath` (`GoPackageInfo`): `<repository>/sdk/go[/v<major>]/<name without dashes>`,
 *   what `ExtractImportBasePath` gives for the repository with `supportPack` (which `pulumi package
 *   add` always sets), so the Go module (`path.Dir` of it) is the repository's `sdk/go` and the
 *   package `encryptedlogs`; the `/v<major>` Go requires from v2 on follows package.json's version;
 * - csharp `rootNamespace` (`CSharpPackageInfo`; the namespace is `<rootNamespace>.<Name>`): the
 *   repository owner in PascalCase, `<Company>.<Product>` as .NET names namespaces and as the
 *   generator itself derives it from the schema's namespace (`normalizePackageInfo`); not
 *   `Pulumi`, whose namespace and NuGet prefix belong to Pulumi's own packages.
 */
export function languageNames(
    manifest: Pick<Manifest, "name" | "version">,
    repository: { url: string; owner: string },
    packageName: string,
): LanguageNames {
    const major = parseInt(manifest.version.split(".")[0], 10);
    const goModule = `${repository.url.replace(/^https:\/\//, "")}/sdk/go${major > 1 ? `/v${major}` : ""}`;
    const pascal = (s: string) =>
        s
            .split(/[^A-Za-z0-9]+/)
            .filter(Boolean)
            .map((w) => w[0].toUpperCase() + w.slice(1))
            .join("");
    return {
        nodejs: { packageName: manifest.name },
        python: { packageName: manifest.name.replace(/-/g, "_") },
        go: { importBasePath: `${goModule}/${packageName.replace(/-/g, "")}` },
        csharp: { rootNamespace: pascal(repository.owner) },
    };
}

/** An interface declared in the components' sources: its own properties' `@default`s, its bases. */
export interface DeclaredInterface {
    /** Property name → its `@default` text (undefined when it has none). */
    readonly defaults: Map<string, string | undefined>;
    /** The names of the interfaces it extends. */
    readonly bases: string[];
}

/**
 * Every interface declared in the `.ts` files under `dir`, by name, read with the TypeScript parser
 * alone (no type checking: milliseconds).
 */
export function declaredInterfaces(dir: string): Map<string, DeclaredInterface> {
    const found = new Map<string, DeclaredInterface>();
    const visit = (file: string) => {
        const source = ts.createSourceFile(
            file,
            fs.readFileSync(file, "utf8"),
            ts.ScriptTarget.ES2022,
            true,
        );
        for (const node of source.statements) {
            if (!ts.isInterfaceDeclaration(node)) {
                continue;
            }
            const defaults = new Map<string, string | undefined>();
            for (const member of node.members) {
                if (ts.isPropertySignature(member) && ts.isIdentifier(member.name)) {
                    const tag = ts.getJSDocTags(member).find((t) => t.tagName.text === "default");
                    const text =
                        tag === undefined ? undefined : ts.getTextOfJSDocComment(tag.comment);
                    defaults.set(member.name.text, text?.trim());
                }
            }
            const bases = (node.heritageClauses ?? []).flatMap((c) =>
                c.types.map((t) => t.expression.getText(source)),
            );
            found.set(node.name.text, { defaults, bases });
        }
    };
    const walk = (d: string) => {
        for (const e of fs.readdirSync(d, { withFileTypes: true })) {
            const p = path.join(d, e.name);
            if (e.isDirectory()) {
                walk(p);
            } else if (e.name.endsWith(".ts") && !e.name.endsWith(".d.ts")) {
                visit(p);
            }
        }
    };
    walk(dir);
    return found;
}

/** The `@default` of every property of interface `name`, its bases' included. */
function defaultsOf(
    interfaces: Map<string, DeclaredInterface>,
    name: string,
): Map<string, string | undefined> {
    const declared = interfaces.get(name);
    if (declared === undefined) {
        throw new Error(`interface ${name} is not declared in the components' sources`);
    }
    const merged = new Map<string, string | undefined>();
    for (const base of declared.bases) {
        for (const [k, v] of defaultsOf(interfaces, base)) {
            merged.set(k, v);
        }
    }
    for (const [k, v] of declared.defaults) {
        merged.set(k, v);
    }
    return merged;
}

/**
 * A `@default` as a sentence for the schema: `365` → `Default: 365.`; a prose default written the
 * AWS CDK way (`- the region of the AWS provider`) loses its dash.
 */
export function defaultSentence(tag: string): string {
    const text = tag.replace(/^-\s*/, "").replace(/\s+/g, " ").trim();
    return `Default: ${text}${/[.!?]$/.test(text) ? "" : "."}`;
}

/**
 * The inferred schema completed as described above. Fails, naming the input, when an optional
 * input has no `@default` or an integer input is missing or not a number.
 */
export function completeSchema(
    inferred: PackageSchema,
    manifest: Manifest,
    interfaces: Map<string, DeclaredInterface>,
): PackageSchema {
    const repository = repositoryOf(manifest.repository.url);
    const schema: PackageSchema = {
        ...inferred,
        displayName: "AWS Encrypted Logs",
        description: manifest.description,
        namespace: repository.owner,
        license: manifest.license,
        repository: repository.url,
        publisher: manifest.author,
        keywords: [...manifest.keywords, ...REGISTRY_KEYWORDS],
        language: mergeLanguages(
            inferred.language as Record<string, Record<string, unknown>> | undefined,
            languageNames(manifest, repository, inferred.name),
        ),
        resources: {},
    };
    for (const [token, resource] of Object.entries(inferred.resources)) {
        const component = token.split(":")[2];
        const defaults = defaultsOf(interfaces, `${component}Args`);
        const required = new Set(resource.requiredInputs ?? []);
        const inputs: Record<string, SchemaProperty> = {};
        for (const [name, property] of Object.entries(resource.inputProperties)) {
            const tag = defaults.get(name);
            if (!required.has(name) && (tag === undefined || tag === "")) {
                throw new Error(
                    `${component}Args.${name} has no @default: every optional input states its default, which the schema's description carries to other languages. Fix: add a @default tag to its TSDoc.`,
                );
            }
            inputs[name] =
                tag === undefined
                    ? { ...property }
                    : {
                          ...property,
                          description:
                              `${property.description ?? ""}\n\n${defaultSentence(tag)}`.trim(),
                      };
        }
        for (const name of INTEGER_INPUTS[component] ?? []) {
            if (inputs[name]?.type !== "number") {
                throw new Error(
                    `INTEGER_INPUTS lists ${component}.${name}, but the inferred schema has ${JSON.stringify(inputs[name])} there. Fix: list only number inputs of ${component}.`,
                );
            }
            inputs[name] = { ...inputs[name], type: "integer" };
        }
        schema.resources[token] = { ...resource, inputProperties: inputs };
    }
    return schema;
}

/** The host's per-language settings (`respectSchemaVersion`) with {@link languageNames} added. */
function mergeLanguages(
    inferred: Record<string, Record<string, unknown>> | undefined,
    names: LanguageNames,
): Record<string, Record<string, unknown>> {
    const merged: Record<string, Record<string, unknown>> = { ...inferred };
    for (const [language, fields] of Object.entries(names)) {
        merged[language] = { ...merged[language], ...fields };
    }
    return merged;
}

/** The package.json at the repository root. */
export function rootManifest(): Manifest {
    return JSON.parse(fs.readFileSync(path.join(sourceRoot(), "package.json"), "utf8")) as Manifest;
}

/** Infers the schema with the component provider host and completes it. Takes a few seconds. */
export async function buildSchema(): Promise<PackageSchema> {
    const inferred = JSON.parse(
        await new ComponentProvider(PROVIDER_OPTIONS).getSchema(),
    ) as PackageSchema;
    return completeSchema(
        inferred,
        rootManifest(),
        declaredInterfaces(path.join(sourceRoot(), "components")),
    );
}

/** Where the built schema lives: beside the compiled provider. */
export const SCHEMA_FILE = path.join(__dirname, "schema.json");

/** `node bin/components/provider/schema.js`: writes {@link SCHEMA_FILE} (what `npm run build` runs). */
async function main(): Promise<void> {
    const started = Date.now();
    const schema = await buildSchema();
    fs.writeFileSync(SCHEMA_FILE, `${JSON.stringify(schema, null, 4)}\n`);
    console.error(
        `wrote ${path.relative(process.cwd(), SCHEMA_FILE)}: ${Object.keys(schema.resources).length} components, ${Object.keys(schema.types).length} enums (${Date.now() - started} ms)`,
    );
}

if (require.main === module) {
    main().catch((e: Error) => {
        console.error(`building the schema failed: ${e.stack ?? e.message}`);
        process.exit(1);
    });
}
