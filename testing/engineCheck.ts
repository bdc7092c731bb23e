/**
 * The offline check through the real Pulumi engine: `pulumi preview --policy-pack` of a program
 * with the Pulumi CLI found on this machine (>= 3.248.0), an isolated PULUMI_HOME holding the
 * offline aws and time providers (engine/), and a throwaway file backend. Compilation and
 * type-checking, the program's tsconfig, stack configuration, auto-naming and component expansion
 * are then the engine's own; only AWS itself is stood in for (engine/README.md says how).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { EngineRun, PulumiCli, findCli } from "../engine/cli";
import { programEntry } from "./programRunner";

/** One policy violation the engine reported. */
export interface EngineDiagnostic {
    /** The policy, e.g. `log-encryption-key-required`. */
    readonly policyName: string;
    /** `mandatory` fails the preview; `advisory` is printed only. */
    readonly enforcementLevel: "advisory" | "mandatory";
    /** The resource's URN (`""` for a finding about the stack). */
    readonly urn: string;
    /** The policy's description and what it reported, as the engine's policy event carries them. */
    readonly message: string;
}

/** What a real preview of a program gave. */
export interface EngineCheck {
    /** The CLI that ran it. */
    readonly cli: PulumiCli;
    /** `pulumi preview`'s exit status (1 on a mandatory violation or a failed program). */
    readonly exitCode: number;
    /** Every policy violation, as the engine's `policyEvent`s report them. */
    readonly diagnostics: readonly EngineDiagnostic[];
    /** The mandatory ones: the preview fails when there is any. */
    readonly mandatory: readonly EngineDiagnostic[];
    /** The resources the preview would create, update or keep (from its summary). */
    readonly resources: number;
    /** The engine's error diagnostics (a failed program: a type error, a thrown error). */
    readonly errors: readonly string[];
    /** Wall time of the whole check, milliseconds (plugin install, stack init, preview). */
    readonly millis: number;
}

/** Options of {@link checkWithEngine}. */
export interface EngineCheckOptions {
    /** The policy pack folder (`--policy-pack`). @default this package's `policypack/` */
    readonly policyPack?: string;
    /** A `--policy-pack-config` file. */
    readonly policyPackConfig?: string;
    /** Stack configuration, `pulumi config set` keys to values. @default `aws:region` us-east-1 */
    readonly config?: Readonly<Record<string, string>>;
}

/** This package's pack folder, when it can be run by the CLI (its dependencies installed). */
export function runnablePackFolder(): string | undefined {
    const dir = path.resolve(__dirname, "..", "..", "policypack");
    return fs.existsSync(path.join(dir, "PulumiPolicy.yaml")) &&
        fs.existsSync(path.join(dir, "node_modules", "@pulumi", "policy"))
        ? dir
        : undefined;
}

/**
 * Why the engine cannot run here (no CLI of a recent enough version, no runnable pack folder), or
 * `undefined` when it can.
 */
export function engineUnavailable(policyPack?: string): string | undefined {
    try {
        findCli();
    } catch (e) {
        // The part of findCli's message a user of the package can act on (the rest says how this
        // repository's developers build a CLI).
        return (e as Error).message.split("; from the project root")[0];
    }
    if (policyPack === undefined && runnablePackFolder() === undefined) {
        return "this package's policypack/ folder is not installed here (it ships in the repository, with `npm run build`)";
    }
    return undefined;
}

/** Runs `pulumi preview --policy-pack` on the program in `dir` offline; see the module doc. */
export async function checkWithEngine(
    dir: string,
    opts: EngineCheckOptions = {},
): Promise<EngineCheck> {
    const started = Date.now();
    const pack = opts.policyPack ?? runnablePackFolder();
    if (pack === undefined) {
        throw new Error(engineUnavailable() ?? "no policy pack folder");
    }
    const run = await EngineRun.create();
    try {
        const stack = await run.stack(
            path.resolve(dir),
            "check",
            { "aws:region": "us-east-1", ...(opts.config ?? {}) },
            programEntry(dir),
        );
        const r = await stack.preview({
            policyPacks: [path.resolve(pack)],
            policyPackConfigs: opts.policyPackConfig ? [path.resolve(opts.policyPackConfig)] : [],
        });
        const diagnostics = r.policyEvents.map((p): EngineDiagnostic => ({
            policyName: p.policyName,
            enforcementLevel: p.enforcementLevel === "mandatory" ? "mandatory" : "advisory",
            urn: p.urn,
            message: p.message,
        }));
        const summary = r.events.find((e) => e.summaryEvent !== undefined)?.summaryEvent as
            { resourceChanges?: Record<string, number> } | undefined;
        const errors = r.events
            .map((e) => e.diagnosticEvent as { severity: string; message: string } | undefined)
            .filter((d) => d?.severity === "error")
            .map((d) => (d?.message ?? "").trim());
        return {
            cli: run.cli,
            exitCode: r.exitCode,
            diagnostics,
            mandatory: diagnostics.filter((d) => d.enforcementLevel === "mandatory"),
            resources: Object.values(summary?.resourceChanges ?? {}).reduce((a, b) => a + b, 0),
            errors: errors.length > 0 || r.exitCode === 0 ? errors : [r.stderr.trim()],
            millis: Date.now() - started,
        };
    } finally {
        run.dispose();
    }
}
