/**
 * A stack's configuration as `pulumi preview --stack <name> [--config key=value]` takes it, for the
 * offline check: `Pulumi.<stack>.yaml` beside the program's Pulumi.yaml (its `config:` map), then
 * each `--config key=value`, keys without a namespace getting the project's name (the CLI's
 * `parseConfigKey`, pkg/cmd/pulumi/config/io.go: "we'll treat any key with no delimiter as if:
 * <program-name>:<key> had been written instead"). Structured values (maps, lists) become their
 * JSON text, as the Node SDK reads them (`config.getObject`).
 *
 * `secure:` values are encrypted with the stack's secrets provider and cannot be read offline (a
 * real preview decrypts them with the passphrase or the service): they are not set, and the check
 * names them, unless a `--config key=value` gives the value, which is then set as a secret
 * (`setAllConfig(config, secretKeys)`, as the language host passes them).
 *
 * `aws:region` sets the region (and so the partition) of the default AWS provider for the run.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { pulumiYaml } from "./programRunner";

/**
 * js-yaml, from the `@pulumi/pulumi` this package depends on (which reads Pulumi.yaml files with
 * it), so that the package needs no YAML parser of its own.
 */
function parseYaml(text: string): unknown {
    const from = path.dirname(require.resolve("@pulumi/pulumi"));
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const yaml = require(require.resolve("js-yaml", { paths: [from] })) as {
        load(text: string): unknown;
    };
    return yaml.load(text);
}

/** What to read: a stack name, its file, `--config` pairs. */
export interface StackConfigOptions {
    /** The stack (`--stack`). @default "dev" */
    readonly stack?: string;
    /** The stack's config file. @default `Pulumi.<stack>.yaml` beside the program's Pulumi.yaml */
    readonly configFile?: string;
    /** `--config key=value` pairs, in order; a key without `:` gets the project's name. */
    readonly config?: Readonly<Record<string, string>>;
}

/** A stack's configuration, as the check gives it to the program. */
export interface StackConfig {
    /** The stack name. */
    readonly stack: string;
    /** The config file read, or `undefined` when there is none. */
    readonly file?: string;
    /** Every value set for the run, by full key (`project:key`, `aws:region`). */
    readonly config: Readonly<Record<string, string>>;
    /** The keys whose values are secrets (`secure:` in the file, given with --config). */
    readonly secretKeys: readonly string[];
    /** `secure:` keys that could not be read (no --config for them): not set. */
    readonly unreadSecrets: readonly string[];
    /** `aws:region`, when set. */
    readonly region?: string;
}

/** The full key of `key` (`name` → `<project>:name`), as `pulumi config set` and `--config` make it. */
export function fullKey(key: string, project: string): string {
    return key.includes(":") ? key : `${project}:${key}`;
}

/** A config value as the language host gives it to the program: strings as they are, the rest as JSON. */
function asString(value: unknown): string {
    return typeof value === "string" ? value : JSON.stringify(value);
}

function isSecure(value: unknown): boolean {
    return (
        value !== null &&
        typeof value === "object" &&
        !Array.isArray(value) &&
        Object.keys(value).length === 1 &&
        typeof (value as { secure?: unknown }).secure === "string"
    );
}

/** The `config:` map of a stack file, checked to be a map. */
function readFileConfig(file: string): Record<string, unknown> {
    let parsed: unknown;
    try {
        parsed = parseYaml(fs.readFileSync(file, "utf8"));
    } catch (e) {
        throw new Error(
            `${file} is not valid YAML: ${(e as Error).message.split("\n")[0]}; fix the file (it is what \`pulumi config\` writes)`,
        );
    }
    const config = (parsed as { config?: unknown } | null)?.config ?? {};
    if (typeof config !== "object" || config === null || Array.isArray(config)) {
        throw new Error(
            `${file}: config is ${JSON.stringify(config)}; allowed: a map of keys to values (e.g. config:\\n  aws:region: us-east-1)`,
        );
    }
    return config as Record<string, unknown>;
}

/** Reads the stack configuration of the program in `dir` (project `project`). */
export function readStackConfig(
    dir: string,
    project: string,
    opts: StackConfigOptions = {},
): StackConfig {
    const stack = opts.stack ?? "dev";
    const named = opts.configFile ?? path.join(dir, `Pulumi.${stack}.yaml`);
    const file = fs.existsSync(named) ? named : undefined;
    if (opts.configFile !== undefined && file === undefined) {
        throw new Error(
            `the stack config file ${JSON.stringify(opts.configFile)} does not exist; give the Pulumi.<stack>.yaml to read`,
        );
    }
    const config: Record<string, string> = {};
    const secure = new Set<string>();
    for (const [key, value] of Object.entries(file ? readFileConfig(file) : {})) {
        const full = fullKey(key, project);
        if (isSecure(value)) {
            secure.add(full);
        } else {
            config[full] = asString(value);
        }
    }
    const given = new Set<string>();
    for (const [key, value] of Object.entries(opts.config ?? {})) {
        const full = fullKey(key, project);
        config[full] = value;
        given.add(full);
    }
    return {
        stack,
        file,
        config,
        secretKeys: [...secure].filter((k) => given.has(k)),
        unreadSecrets: [...secure].filter((k) => !given.has(k)),
        region: config["aws:region"],
    };
}

/**
 * The outputs of another stack from a `pulumi stack output --json` file (`--stack-outputs
 * <stack>=<file>`), for the program's StackReferences.
 */
export function readStackOutputs(name: string, file: string): Record<string, unknown> {
    let parsed: unknown;
    try {
        parsed = JSON.parse(fs.readFileSync(file, "utf8"));
    } catch (e) {
        throw new Error(
            `--stack-outputs ${name}=${file}: ${(e as Error).message}; give the file \`pulumi stack output --json --stack ${name} > ${file}\` writes`,
        );
    }
    if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
        throw new Error(
            `--stack-outputs ${name}=${file}: the file holds ${JSON.stringify(parsed)?.slice(0, 40)}, not an object of outputs; give the file \`pulumi stack output --json\` writes`,
        );
    }
    return parsed as Record<string, unknown>;
}

/**
 * `opts` for running the program in `program` (a directory or its entry file) with its stack's
 * configuration: `Pulumi.<stack>.yaml` (or `configFile`) read when it exists, `config` on top (keys
 * without a namespace get the project's), `aws:region` as the region unless `region` is given.
 * Returns the options unchanged when there is no file and no config.
 */
export function withStackConfig<
    T extends {
        stack?: string;
        configFile?: string;
        config?: Readonly<Record<string, string>>;
        region?: string;
        project?: string;
    },
>(
    program: string,
    opts: T,
    defaultStack = "test",
): { options: T & { secretKeys?: string[] }; stack: StackConfig } {
    const at = path.resolve(program);
    const dir = fs.existsSync(at) && fs.statSync(at).isFile() ? path.dirname(at) : at;
    const project = opts.project ?? pulumiYaml(dir)?.name ?? "project";
    const stack = readStackConfig(dir, project, {
        stack: opts.stack ?? defaultStack,
        configFile: opts.configFile,
        config: opts.config,
    });
    if (stack.file === undefined && opts.config === undefined) {
        return { options: opts, stack };
    }
    return {
        options: {
            ...opts,
            config: stack.config,
            secretKeys: [...stack.secretKeys],
            ...((opts.region ?? stack.region) ? { region: opts.region ?? stack.region } : {}),
        },
        stack,
    };
}
