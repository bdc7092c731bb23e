/**
 * The resource provider other languages talk to: `GetSchema` answers with the schema `npm run
 * build` wrote (see `schema.ts`), and `Construct` builds the component a Python, Go, .NET, Java or
 * YAML program asked for, as Pulumi's component provider host does (`ComponentProvider.construct`:
 * same token check, `new Component(name, inputs, options)`, the outputs the schema lists as the
 * state). Serving a prebuilt schema is what keeps a start fast: the host infers the schema by
 * type-checking the sources at every start, even for a `Construct` alone.
 */
import * as pulumi from "@pulumi/pulumi";
import * as provider from "@pulumi/pulumi/provider";
import * as fs from "node:fs";
import * as path from "node:path";
import { PACKAGE } from "../common/component";
import { InputError } from "../../aws/errors";
import { PROVIDER_OPTIONS } from "./options";

/** The schema, as much of it as `Construct` reads. */
interface ServedSchema {
    readonly resources: Record<string, { readonly properties: Record<string, unknown> }>;
}

/** A component class as the provider constructs it from other languages' inputs. */
type ComponentClass = new (
    name: string,
    args: pulumi.Inputs,
    opts?: pulumi.ComponentResourceOptions,
) => pulumi.ComponentResource;

/** The schema `npm run build` wrote beside this file, or, when it is missing, inferred now. */
async function readSchema(file: string): Promise<string> {
    if (fs.existsSync(file)) {
        return fs.readFileSync(file, "utf8");
    }
    // A checkout whose build did not write the schema: infer it now (seconds, and it needs the
    // development dependencies), as the host would.
    // (Not an import: the host's analyzer follows imports, and schema.ts pulls in TypeScript's
    // own declarations, which would slow every inference down.)
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { buildSchema } = require("./schema") as { buildSchema(): Promise<unknown> };
    return JSON.stringify(await buildSchema());
}

/** Serves the package's components to the Pulumi engine. */
export class EncryptedLogsProvider implements provider.Provider {
    /** The npm package's version, which `GetPluginInfo` reports. */
    readonly version = PROVIDER_OPTIONS.version;
    private served?: Promise<string>;

    /** @param schemaFile the schema to serve. @default `schema.json` beside this module */
    constructor(private readonly schemaFile: string = path.join(__dirname, "schema.json")) {}

    /** `GetSchema`: the package schema, as JSON text. */
    getSchema(): Promise<string> {
        this.served ??= readSchema(this.schemaFile);
        return this.served;
    }

    /** `Construct`: creates the component `type` named `name` and returns its URN and outputs. */
    async construct(
        name: string,
        type: string,
        inputs: pulumi.Inputs,
        options: pulumi.ComponentResourceOptions,
    ): Promise<provider.ConstructResult> {
        const known = PROVIDER_OPTIONS.components.map((c) => `${PACKAGE}:index:${c.name}`);
        const index = known.indexOf(type);
        if (index < 0) {
            throw new InputError(
                "type",
                type,
                "this provider constructs only the components of the encrypted-logs package",
                known.join(", "),
                "regenerate the SDK from this package's schema (pulumi package add), or use the package the token names",
            );
        }
        const schema = JSON.parse(await this.getSchema()) as ServedSchema;
        const component = PROVIDER_OPTIONS.components[index] as unknown as ComponentClass;
        const instance = new component(name, inputs, options) as pulumi.ComponentResource &
            Record<string, unknown>;
        const state: pulumi.Inputs = {};
        for (const output of Object.keys(schema.resources[type].properties)) {
            state[output] = instance[output] as pulumi.Input<unknown>;
        }
        return { urn: instance.urn, state };
    }
}
