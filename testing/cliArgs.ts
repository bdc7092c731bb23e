/**
 * The arguments of `encrypted-logs check`, parsed without loading anything else (a usage error
 * answers at once). Flags take their value as the next argument or after `=`, as the Pulumi CLI's
 * do (`--stack dev`, `--stack=dev`); `--config` and `--stack-outputs` repeat.
 */

/** Parses `key=value` (a --config or --stack-outputs argument), naming the flag when it is not one. */
function keyValue(flag: string, arg: string | undefined): [string, string] {
    const at = arg?.indexOf("=") ?? -1;
    if (arg === undefined || at <= 0) {
        throw new Error(
            `${flag} is ${JSON.stringify(arg)}; allowed: key=value (e.g. ${flag === "--config" ? "--config aws:region=eu-west-1" : "--stack-outputs acme/platform-keys/prod=platform.json"})`,
        );
    }
    return [arg.slice(0, at), arg.slice(at + 1)];
}

/** The parsed arguments. */
export interface CheckArgs {
    /** The program directory (or entry file). */
    readonly dir: string;
    readonly full: boolean;
    readonly json: boolean;
    readonly engine: "auto" | "cli" | "mocks";
    /** `--stack`. @default "dev" */
    readonly stack: string;
    /** `--config-file`: the stack config file to read instead of `Pulumi.<stack>.yaml`. */
    readonly configFile?: string;
    /** `--config key=value`, in order. */
    readonly config: Readonly<Record<string, string>>;
    /** `--policy-pack-config <file>`. */
    readonly policyPackConfig?: string;
    /** `--stack-outputs <stack>=<file>`, by stack name. */
    readonly stackOutputs: Readonly<Record<string, string>>;
    /** `--invokes <file.json>`: answers to invokes the check cannot answer offline, by token. */
    readonly invokes?: string;
}

/** A usage error: exit status 2, with the usage text. */
export class UsageError extends Error {}

const BOOLEAN = ["--full", "--json"];
const VALUED = [
    "--engine",
    "--stack",
    "--config",
    "--config-file",
    "--policy-pack-config",
    "--stack-outputs",
    "--invokes",
];
const SHORT: Record<string, string> = { "-s": "--stack", "-c": "--config" };

/** `[flag, value]` pairs and the positional arguments of `argv`. */
function split(argv: readonly string[]): { flags: [string, string | undefined][]; rest: string[] } {
    const flags: [string, string | undefined][] = [];
    const rest: string[] = [];
    for (let i = 0; i < argv.length; i++) {
        const a = argv[i];
        if (!a.startsWith("-")) {
            rest.push(a);
            continue;
        }
        const eq = a.indexOf("=");
        const name = SHORT[eq < 0 ? a : a.slice(0, eq)] ?? (eq < 0 ? a : a.slice(0, eq));
        if (BOOLEAN.includes(name) && eq < 0) {
            flags.push([name, undefined]);
        } else if (VALUED.includes(name)) {
            flags.push([name, eq < 0 ? argv[++i] : a.slice(eq + 1)]);
        } else {
            throw new UsageError(
                `unknown option ${JSON.stringify(a)}; the options are ${[...BOOLEAN, ...VALUED].join(", ")} and --help (e.g. encrypted-logs check ./my-program --full)`,
            );
        }
    }
    return { flags, rest };
}

function engineOf(value: string | undefined): CheckArgs["engine"] {
    if (value !== "auto" && value !== "cli" && value !== "mocks") {
        throw new UsageError(
            `--engine is ${JSON.stringify(value)}; allowed: auto, cli, mocks (e.g. encrypted-logs check ./my-program --engine cli)`,
        );
    }
    return value;
}

function valueOf(flag: string, value: string | undefined, example: string): string {
    if (value === undefined || value === "" || value.startsWith("-")) {
        throw new UsageError(
            `${flag} is ${JSON.stringify(value)}; it takes a value (e.g. encrypted-logs check ./my-program ${flag} ${example})`,
        );
    }
    return value;
}

/** Whether `argv` asks for help (`--help`, `-h`), which wins over every other argument. */
export function wantsHelp(argv: readonly string[]): boolean {
    return argv.includes("--help") || argv.includes("-h");
}

/** Parses `check`'s arguments (after `check`), throwing a {@link UsageError}. */
export function parseCheckArgs(argv: readonly string[]): CheckArgs {
    const { flags, rest } = split(argv);
    const config: Record<string, string> = {};
    const stackOutputs: Record<string, string> = {};
    const one = (flag: string) => flags.filter(([f]) => f === flag).pop()?.[1];
    const has = (flag: string) => flags.some(([f]) => f === flag);
    for (const [flag, value] of flags) {
        try {
            if (flag === "--config") {
                const [k, v] = keyValue(flag, value);
                config[k] = v;
            } else if (flag === "--stack-outputs") {
                const [k, v] = keyValue(flag, value);
                stackOutputs[k] = v;
            }
        } catch (e) {
            throw new UsageError((e as Error).message);
        }
    }
    if (rest.length !== 1) {
        throw new UsageError(
            `check takes one program directory, got ${rest.length === 0 ? "none" : rest.map((d) => JSON.stringify(d)).join(", ")}; e.g. encrypted-logs check ./my-program`,
        );
    }
    return {
        dir: rest[0],
        full: has("--full"),
        json: has("--json"),
        engine: has("--engine") ? engineOf(one("--engine")) : "auto",
        stack: has("--stack") ? valueOf("--stack", one("--stack"), "dev") : "dev",
        ...(has("--config-file")
            ? { configFile: valueOf("--config-file", one("--config-file"), "Pulumi.prod.yaml") }
            : {}),
        config,
        ...(has("--policy-pack-config")
            ? {
                  policyPackConfig: valueOf(
                      "--policy-pack-config",
                      one("--policy-pack-config"),
                      "policy-config.json",
                  ),
              }
            : {}),
        stackOutputs,
        ...(has("--invokes")
            ? { invokes: valueOf("--invokes", one("--invokes"), "answers.json") }
            : {}),
    };
}
