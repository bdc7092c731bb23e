/**
 * Drives the real Pulumi CLI offline: finds it, gives every run its own PULUMI_HOME (with the
 * offline aws and time plugins installed in it), its own file backend and its own project folder,
 * and returns each command's exit status, output and engine events.
 *
 *     const run = await EngineRun.create();
 *     const stack = await run.stack("examples/complete", "dev", { "aws:region": "us-east-1" });
 *     const result = await stack.preview({ policyPacks: ["policypack"] });
 *     await run.dispose();
 *
 * Nothing outside the run's temporary folders is written: the project folder a stack runs in is a
 * temporary copy of the program's Pulumi.yaml whose `main` points back at the program (a relative
 * path, as pulumi/pulumi `sdk/go/common/workspace/project.go` joins `main` to the project folder),
 * so `Pulumi.<stack>.yaml` (the stack's config and its passphrase salt) lands there.
 */
import { spawn, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { schemaPackages } from "./schema";

/** The CLI version whose engine behaviour the suite and the plugins are written against. */
export const MIN_CLI_VERSION = "3.248.0";

/** How to get a CLI on this machine (../shared/realcli/README.md). */
export const HOW_TO_GET_CLI =
    "bin=$(../shared/realcli/build-cli.sh | tail -1); export PULUMI_CLI_DIR=$bin";

/** A Pulumi CLI found on this machine. */
export interface PulumiCli {
    /** The `pulumi` executable. */
    readonly pulumi: string;
    /** Its folder (the language hosts `pulumi-language-*` are expected beside it). */
    readonly dir: string;
    /** `pulumi version` without the `v`. */
    readonly version: string;
}

/** One engine event of `--json` streaming (pulumi/pulumi `sdk/go/common/apitype/events.go`). */
export type EngineEvent = Record<string, unknown> & { sequence?: number; timestamp?: number };

/** A `policyEvent`, as the suite asserts it. */
export interface PolicyEvent {
    readonly policyName: string;
    readonly enforcementLevel: string;
    /** The resource's URN; `""` for a stack policy's event about no one resource. */
    readonly urn: string;
    readonly message: string;
}

/** What one CLI command did. */
export interface CommandResult {
    readonly exitCode: number;
    readonly stdout: string;
    readonly stderr: string;
    /** The JSON objects the command printed one a line (engine events with `--json`). */
    readonly events: EngineEvent[];
    readonly policyEvents: PolicyEvent[];
    /** Wall time, milliseconds. */
    readonly millis: number;
}

function compareVersions(a: string, b: string): number {
    const pa = a.split(/[.-]/).map((x) => parseInt(x, 10) || 0);
    const pb = b.split(/[.-]/).map((x) => parseInt(x, 10) || 0);
    for (let i = 0; i < 3; i++) {
        if (pa[i] !== pb[i]) {
            return pa[i] - pb[i];
        }
    }
    return 0;
}

/**
 * The Pulumi CLI to run: `$PULUMI_CLI_DIR/pulumi`, else `pulumi` on PATH, at least
 * {@link MIN_CLI_VERSION}. Throws an Error saying how to get one when there is none.
 */
export function findCli(env: NodeJS.ProcessEnv = process.env): PulumiCli {
    const candidates: string[] = [];
    if (env.PULUMI_CLI_DIR) {
        candidates.push(path.join(env.PULUMI_CLI_DIR, "pulumi"));
    } else {
        for (const dir of (env.PATH ?? "").split(path.delimiter).filter(Boolean)) {
            candidates.push(path.join(dir, "pulumi"));
        }
    }
    const seen: string[] = [];
    for (const pulumi of candidates) {
        if (!fs.existsSync(pulumi)) {
            continue;
        }
        const out = spawnSync(pulumi, ["version"], { encoding: "utf8", env });
        const version = out.stdout?.trim().replace(/^v/, "") ?? "";
        if (out.status === 0 && compareVersions(version, MIN_CLI_VERSION) >= 0) {
            return { pulumi, dir: path.dirname(pulumi), version };
        }
        seen.push(`${pulumi} (${version || `exit ${out.status}`})`);
    }
    const where = env.PULUMI_CLI_DIR ? `in PULUMI_CLI_DIR=${env.PULUMI_CLI_DIR}` : "on PATH";
    throw new Error(
        `no Pulumi CLI >= ${MIN_CLI_VERSION} ${where}` +
            (seen.length > 0 ? ` (found ${seen.join(", ")})` : "") +
            `; from the project root, build one and point at it: ${HOW_TO_GET_CLI}`,
    );
}

/** The JSON objects among `stdout`'s lines. */
export function parseEvents(stdout: string): EngineEvent[] {
    const events: EngineEvent[] = [];
    for (const line of stdout.split("\n")) {
        const t = line.trim();
        if (t.startsWith("{") && t.endsWith("}")) {
            try {
                events.push(JSON.parse(t) as EngineEvent);
            } catch {
                // not an event line
            }
        }
    }
    return events;
}

/** The `policyEvent`s among `events`, in the suite's shape. */
export function policyEvents(events: EngineEvent[]): PolicyEvent[] {
    return events
        .map((e) => e.policyEvent as Record<string, unknown> | undefined)
        .filter((p): p is Record<string, unknown> => p !== undefined)
        .map((p) => ({
            policyName: String(p.policyName),
            enforcementLevel: String(p.enforcementLevel),
            urn: String(p.resourceUrn ?? ""),
            message: String(p.message),
        }));
}

const repoRoot = path.resolve(__dirname, "..", "..");

/** The shell script the engine starts as `pulumi-resource-<name>`. */
function pluginScript(entry: string): string {
    return `#!/bin/sh\nexec "${process.execPath}" "${entry}" "$@"\n`;
}

/** Options of a preview, update or destroy. */
export interface RunOptions {
    /** Policy pack folders (`--policy-pack`), relative to the repository root or absolute. */
    readonly policyPacks?: string[];
    /** `--policy-pack-config` files, one per pack. */
    readonly policyPackConfigs?: string[];
    /** More CLI arguments. */
    readonly args?: string[];
    /** More environment. */
    readonly env?: NodeJS.ProcessEnv;
}

/** A temporary PULUMI_HOME and file backend with the offline plugins installed. */
export class EngineRun {
    private constructor(
        readonly cli: PulumiCli,
        /** The run's temporary folder (home, backend, projects, plugins). */
        readonly root: string,
    ) {}

    /** The environment every command of this run gets. */
    get env(): NodeJS.ProcessEnv {
        return {
            ...process.env,
            PATH: `${this.cli.dir}${path.delimiter}${process.env.PATH ?? ""}`,
            PULUMI_HOME: path.join(this.root, "home"),
            PULUMI_BACKEND_URL: `file://${path.join(this.root, "backend")}`,
            PULUMI_CONFIG_PASSPHRASE: "offline-engine",
            PULUMI_SKIP_UPDATE_CHECK: "true",
            PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
            PULUMI_ENABLE_STREAMING_JSON_PREVIEW: "1",
            PULUMI_AUTOMATION_API_SKIP_VERSION_CHECK: "true",
            NO_COLOR: "1",
        };
    }

    /**
     * Finds the CLI (throws saying how to get one), makes the run's folders and installs the
     * offline `aws` and `time` plugins at the versions the programs resolve.
     */
    static async create(): Promise<EngineRun> {
        const cli = findCli();
        const root = fs.mkdtempSync(path.join(os.tmpdir(), "encrypted-logs-engine-"));
        for (const dir of ["home", "backend", "projects"]) {
            fs.mkdirSync(path.join(root, dir));
        }
        const run = new EngineRun(cli, root);
        const packages = schemaPackages();
        await run.installPlugin("aws", packages["@pulumi/aws"], "awsProvider.js");
        await run.installPlugin(
            "time",
            packages["@pulumiverse/time"].replace(/^v/, ""),
            "timeProvider.js",
        );
        return run;
    }

    private async installPlugin(name: string, version: string, entry: string): Promise<void> {
        const dir = path.join(this.root, `plugin-${name}`);
        fs.mkdirSync(dir);
        const script = path.join(dir, `pulumi-resource-${name}`);
        fs.writeFileSync(script, pluginScript(path.join(repoRoot, "bin", "engine", entry)));
        fs.chmodSync(script, 0o755);
        const r = await this.pulumi(
            ["plugin", "install", "resource", name, version, "--file", dir],
            this.root,
        );
        if (r.exitCode !== 0) {
            throw new Error(`pulumi plugin install resource ${name} ${version}: ${r.stderr}`);
        }
    }

    /** Runs `pulumi <args>` in `cwd` with the run's environment. */
    pulumi(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<CommandResult> {
        const started = Date.now();
        return new Promise((resolve, reject) => {
            const child = spawn(this.cli.pulumi, args, { cwd, env: { ...this.env, ...env } });
            let stdout = "";
            let stderr = "";
            child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
            child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
            child.on("error", reject);
            child.on("close", (code) => {
                const events = parseEvents(stdout);
                resolve({
                    exitCode: code ?? -1,
                    stdout,
                    stderr,
                    events,
                    policyEvents: policyEvents(events),
                    millis: Date.now() - started,
                });
            });
        });
    }

    /**
     * A new stack of the program in `programDir` (a folder with a Pulumi.yaml, relative to the
     * repository root or absolute), run from a temporary project folder, with `config` set.
     */
    async stack(
        programDir: string,
        stackName: string,
        config: Record<string, string> = {},
        entry?: string,
    ): Promise<Stack> {
        const program = path.resolve(repoRoot, programDir);
        const projectDir = fs.mkdtempSync(path.join(this.root, "projects", `${stackName}-`));
        const yaml = fs.readFileSync(path.join(program, "Pulumi.yaml"), "utf8");
        // `entry`: the program's file, when the caller resolved it (a folder with neither main:
        // nor package.json would otherwise run whatever Node package it sits in).
        const main = entry ?? path.join(program, mainOf(yaml) ?? ".");
        const relative = path.relative(projectDir, main) || ".";
        fs.writeFileSync(
            path.join(projectDir, "Pulumi.yaml"),
            `${yaml.replace(/^main:.*\n?/m, "").trimEnd()}\nmain: ${relative}\n`,
        );
        const stack = new Stack(this, projectDir, stackName);
        await stack.must(["stack", "init", stackName]);
        for (const [key, value] of Object.entries(config)) {
            await stack.must(["config", "set", key, value]);
        }
        return stack;
    }

    /** Deletes the run's folders. */
    dispose(): void {
        fs.rmSync(this.root, { recursive: true, force: true });
    }
}

/** The `main:` of a Pulumi.yaml, if it has one. */
function mainOf(yaml: string): string | undefined {
    return /^main:\s*(\S+)\s*$/m.exec(yaml)?.[1];
}

/** One stack of one program in an {@link EngineRun}. */
export class Stack {
    constructor(
        readonly run: EngineRun,
        /** The temporary project folder the commands run in. */
        readonly projectDir: string,
        readonly name: string,
    ) {}

    /** Runs `pulumi <args> --stack <name>` in the project folder. */
    command(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CommandResult> {
        return this.run.pulumi([...args, "--stack", this.name], this.projectDir, env);
    }

    /** Runs a command that must succeed (setup steps). */
    async must(args: string[]): Promise<CommandResult> {
        const r = await this.run.pulumi(args, this.projectDir);
        if (r.exitCode !== 0) {
            throw new Error(
                `pulumi ${args.join(" ")} failed (${r.exitCode}): ${r.stderr}${r.stdout}`,
            );
        }
        return r;
    }

    /** `pulumi config set <key> <value>` (`--path` for keys with `.` or `[`). */
    setConfig(key: string, value: string, opts: { path?: boolean } = {}): Promise<CommandResult> {
        return this.must(["config", "set", key, value, ...(opts.path ? ["--path"] : [])]);
    }

    private policyArgs(opts: RunOptions): string[] {
        const out: string[] = [];
        for (const pack of opts.policyPacks ?? []) {
            out.push("--policy-pack", path.resolve(repoRoot, pack));
        }
        for (const file of opts.policyPackConfigs ?? []) {
            out.push("--policy-pack-config", path.resolve(repoRoot, file));
        }
        return out;
    }

    /** `pulumi preview --json` (streamed engine events). */
    preview(opts: RunOptions = {}): Promise<CommandResult> {
        return this.command(
            ["preview", "--json", ...this.policyArgs(opts), ...(opts.args ?? [])],
            opts.env,
        );
    }

    /** `pulumi up --yes --skip-preview --json`. */
    up(opts: RunOptions = {}): Promise<CommandResult> {
        return this.command(
            [
                "up",
                "--yes",
                "--skip-preview",
                "--json",
                ...this.policyArgs(opts),
                ...(opts.args ?? []),
            ],
            opts.env,
        );
    }

    /** `pulumi destroy --yes --skip-preview --json`. */
    destroy(opts: RunOptions = {}): Promise<CommandResult> {
        return this.command(
            ["destroy", "--yes", "--skip-preview", "--json", ...(opts.args ?? [])],
            opts.env,
        );
    }

    /** `pulumi policy analyze --json` of the stack's current state with the given packs. */
    policyAnalyze(opts: RunOptions = {}): Promise<CommandResult> {
        return this.command(
            ["policy", "analyze", "--json", ...this.policyArgs(opts), ...(opts.args ?? [])],
            opts.env,
        );
    }
}
