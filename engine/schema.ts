/**
 * The per-type facts engine/schemaTable.json holds (written by scripts/engineSchemaTable.ts from
 * the installed `@pulumi/aws` and `@pulumiverse/time` SDKs): always-present outputs and stated
 * input defaults. Read once, at the first use.
 */
import * as fs from "node:fs";
import * as path from "node:path";

/** The kind of an output's value. */
export type ValueKind = "string" | "number" | "boolean" | "array" | "object";

/** What the table says about one resource type. */
export interface TypeFacts {
    /** Outputs the schema lists as always present (required or computed), with their kind. */
    readonly computed: Record<string, ValueKind>;
    /** Defaults the Args docs state for optional properties. */
    readonly defaults: Record<string, string | number | boolean>;
    /** Whether `name` is an optional input. */
    readonly optionalName: boolean;
}

interface Table {
    readonly packages: Record<string, string>;
    readonly types: Record<string, TypeFacts>;
}

/** Where the table lives: engine/ beside this file's source (bin/engine/ → ../../engine/). */
export const SCHEMA_TABLE = path.resolve(__dirname, "..", "..", "engine", "schemaTable.json");

let table: Table | undefined;

function load(): Table {
    table ??= JSON.parse(fs.readFileSync(SCHEMA_TABLE, "utf8")) as Table;
    return table;
}

/** The facts of `type`, or `undefined` for a type the table does not know. */
export function schemaFacts(type: string): TypeFacts | undefined {
    return load().types[type];
}

/** The package versions the table was read from (`{"@pulumi/aws": "7.48.0", …}`). */
export function schemaPackages(): Record<string, string> {
    return load().packages;
}

/**
 * What `GetSchema` answers for the package `name` (`aws`, `time`): every resource type the table
 * knows under it, without properties, and the bridged providers' `moduleFormat` (`aws:kms/key:Key`
 * is in module `kms`). Enough for the CLI to bind a component package's schema that references
 * these types (`pulumi package add`, `gen-sdk`) and for the code generators to name them
 * (`pulumi_aws.kms.Key`); not the real provider's schema, which types every property.
 */
export function packageSchema(name: string, version: string): string {
    const resources: Record<string, { description: string; properties: object }> = {};
    for (const type of Object.keys(load().types).filter((t) => t.startsWith(`${name}:`))) {
        resources[type] = { description: `${type} (offline stand-in)`, properties: {} };
    }
    return JSON.stringify({
        name,
        version,
        meta: { moduleFormat: "(.*)(?:/[^/]*)" },
        resources,
    });
}
