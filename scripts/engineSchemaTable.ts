/**
 * Writes engine/schemaTable.json: for every resource type of the installed `@pulumi/aws` and
 * `@pulumiverse/time`, which outputs the provider's schema lists as always present, which input
 * defaults the schema states, and which input the provider auto-names. The offline provider
 * (engine/) reads it at start-up, so it needs no TypeScript at run time.
 *
 *     npm run build && node bin/scripts/engineSchemaTable.js
 *
 * Neither package ships its schema.json, but their generated SDKs say it:
 * - the type token is the class's `static __pulumiType = '<token>'` in the `.js` beside the `.d.ts`
 *   (`Key.__pulumiType = 'aws:kms/key:Key'` in `@pulumi/aws/kms/key.js`);
 * - `readonly x: pulumi.Output<T>` on the class means the schema lists `x` in `required` (always
 *   present: a required input, or an output the provider computes when it is not set), while
 *   `pulumi.Output<T | undefined>` means optional (pulumi/pulumi `pkg/codegen/nodejs/gen.go`,
 *   `genResource`: an output property not in `required` is printed with `| undefined`);
 * - the Args interface's TSDoc states the schema default in words taken from the Terraform
 *   provider's docs ("Defaults to `ENCRYPT_DECRYPT`", "The default value is `false`").
 * Only the syntax is read (no type checking), so the whole SDK parses in seconds.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as ts from "typescript";
import { TypeFacts, ValueKind } from "../engine/schema";

/** The table engine/schemaTable.json holds. */
export interface SchemaTable {
    /** Which package versions the table was read from. */
    readonly packages: Record<string, string>;
    /** Facts by type token. */
    readonly types: Record<string, TypeFacts>;
}

const root = path.resolve(__dirname, "..", "..");
const PACKAGES = ["@pulumi/aws", "@pulumiverse/time"];
const TOKEN = /\.__pulumiType = '([^']+)';|static __pulumiType = '([^']+)';/;
const DEFAULT_PATTERNS = [
    /Defaults? to `([^`]+)`/i,
    /The default value is `([^`]+)`/i,
    /Default(?: value)?: `([^`]+)`/i,
];

function packageDir(pkg: string): string {
    return path.dirname(require.resolve(`${pkg}/package.json`, { paths: [root] }));
}

function* jsFiles(dir: string): Generator<string> {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory() && e.name !== "node_modules" && e.name !== "types") {
            yield* jsFiles(p);
        } else if (e.isFile() && e.name.endsWith(".js")) {
            yield p;
        }
    }
}

/** The kind of `T` in `pulumi.Output<T>`, and whether `T` includes `undefined`. */
function outputType(node: ts.TypeNode | undefined): { kind: ValueKind; optional: boolean } | null {
    if (
        node === undefined ||
        !ts.isTypeReferenceNode(node) ||
        node.typeName.getText() !== "pulumi.Output" ||
        node.typeArguments?.length !== 1
    ) {
        return null;
    }
    let inner = node.typeArguments[0];
    let optional = false;
    if (ts.isUnionTypeNode(inner)) {
        const rest = inner.types.filter((t) => t.kind !== ts.SyntaxKind.UndefinedKeyword);
        optional = rest.length !== inner.types.length;
        inner = rest[0];
    }
    return { kind: kindOf(inner), optional };
}

function kindOf(node: ts.TypeNode): ValueKind {
    switch (node.kind) {
        case ts.SyntaxKind.StringKeyword:
        case ts.SyntaxKind.LiteralType:
            return "string";
        case ts.SyntaxKind.NumberKeyword:
            return "number";
        case ts.SyntaxKind.BooleanKeyword:
            return "boolean";
        case ts.SyntaxKind.ArrayType:
            return "array";
        default:
            return ts.isTypeReferenceNode(node) && node.typeName.getText().startsWith("enums.")
                ? "string"
                : "object";
    }
}

function docOf(node: ts.Node): string {
    return ts
        .getJSDocCommentsAndTags(node)
        .map((d) => d.getText())
        .join("\n");
}

function literalDefault(doc: string, kind: ValueKind): string | number | boolean | undefined {
    for (const pattern of DEFAULT_PATTERNS) {
        const m = pattern.exec(doc);
        if (m === null) {
            continue;
        }
        const text = m[1].trim();
        switch (kind) {
            case "boolean":
                return text === "true" ? true : text === "false" ? false : undefined;
            case "number":
                return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : undefined;
            case "string":
                return text.replace(/^"(.*)"$/, "$1");
            default:
                return undefined;
        }
    }
    return undefined;
}

function factsOf(dts: string, className: string): TypeFacts | null {
    const source = ts.createSourceFile(
        dts,
        fs.readFileSync(dts, "utf8"),
        ts.ScriptTarget.ES2022,
        true,
    );
    let cls: ts.ClassDeclaration | undefined;
    let args: ts.InterfaceDeclaration | undefined;
    for (const s of source.statements) {
        if (ts.isClassDeclaration(s) && s.name?.text === className) {
            cls = s;
        } else if (ts.isInterfaceDeclaration(s) && s.name.text === `${className}Args`) {
            args = s;
        }
    }
    if (cls === undefined) {
        return null;
    }
    const argDocs = new Map<string, string>();
    const optionalInputs = new Set<string>();
    for (const m of args?.members ?? []) {
        if (ts.isPropertySignature(m) && m.name !== undefined) {
            const name = m.name.getText();
            argDocs.set(name, docOf(m));
            if (m.questionToken !== undefined) {
                optionalInputs.add(name);
            }
        }
    }
    const computed: Record<string, ValueKind> = {};
    const defaults: Record<string, string | number | boolean> = {};
    for (const m of cls.members) {
        if (!ts.isPropertyDeclaration(m) || m.name === undefined) {
            continue;
        }
        const isStatic = m.modifiers?.some((x) => x.kind === ts.SyntaxKind.StaticKeyword);
        const type = outputType(m.type);
        if (isStatic || type === null) {
            continue;
        }
        const name = m.name.getText();
        if (!type.optional) {
            computed[name] = type.kind;
            continue;
        }
        const value = literalDefault(argDocs.get(name) ?? docOf(m), type.kind);
        if (value !== undefined) {
            defaults[name] = value;
        }
    }
    return {
        computed,
        defaults,
        optionalName: optionalInputs.has("name") && "name" in computed,
    };
}

/** Reads the table from the installed packages. */
export function readSchemaTable(): SchemaTable {
    const packages: Record<string, string> = {};
    const types: Record<string, TypeFacts> = {};
    for (const pkg of PACKAGES) {
        const dir = packageDir(pkg);
        packages[pkg] = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")).version;
        for (const js of jsFiles(dir)) {
            const m = TOKEN.exec(fs.readFileSync(js, "utf8"));
            const token = m?.[1] ?? m?.[2];
            if (token === undefined || !token.includes(":")) {
                continue; // providers are `aws` and `time`, not `pkg:module:Type`
            }
            const facts = factsOf(js.replace(/\.js$/, ".d.ts"), token.split(":")[2]);
            if (facts !== null) {
                types[token] = facts;
            }
        }
    }
    return {
        packages,
        types: Object.fromEntries(Object.entries(types).sort(([a], [b]) => a.localeCompare(b))),
    };
}

if (require.main === module) {
    const started = Date.now();
    const table = readSchemaTable();
    const out = path.join(root, "engine", "schemaTable.json");
    fs.writeFileSync(out, `${JSON.stringify(table, null, 1)}\n`);
    console.log(
        `wrote ${path.relative(root, out)}: ${Object.keys(table.types).length} types from ${Object.entries(
            table.packages,
        )
            .map(([p, v]) => `${p}@${v}`)
            .join(", ")} (${Date.now() - started} ms, ${fs.statSync(out).size} bytes)`,
    );
}
