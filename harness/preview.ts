/**
 * Previewing a Pulumi TypeScript program offline, the way `pulumi preview` runs it, under the
 * recording mock engine, and running the policy pack over what it registered: what the demo, the
 * program tests and the bench share.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { stackFromMockEngine } from "../testing/fromMockEngine";
import { COMMERCIAL, MockEngine } from "../testing/mockEngine";
import { PolicyPackRunner } from "./policyHarness";
import { StackResource, PreviewResult } from "../testing/resources";
import { runUnderMocks } from "../testing/programRunner";

const root = path.resolve(__dirname, "..", "..");

/** The program the root Pulumi.yaml points at (`main:`). */
export function rootProgram(): string {
    const yaml = fs.readFileSync(path.join(root, "Pulumi.yaml"), "utf8");
    const main = /^main:\s*(\S+)\s*$/m.exec(yaml);
    if (main === null) {
        throw new Error("Pulumi.yaml has no `main:` entry pointing at the quick-start program");
    }
    return path.join(root, main[1]);
}

/** The deliberately broken program the demo runs the pack over. */
export function brokenProgram(): string {
    return path.join(root, "scripts", "broken-stack", "index.ts");
}

/** The demo's Lambda function, refused without its encrypted group and passed with it (config `fixed`). */
export function lambdaProgram(): string {
    return path.join(root, "scripts", "lambda-stack", "index.ts");
}

/** Options of {@link previewProgram}. */
export interface ProgramRunOptions {
    /**
     * Run it as `pulumi up` would (outputs the provider computes are known) instead of a preview.
     * @default true (a preview)
     */
    readonly preview?: boolean;
    /** @default "encrypted-logs-quickstart" */
    readonly project?: string;
    /** @default "demo" */
    readonly stack?: string;
    /** Outputs of other stacks, by stack name, for the program's `StackReference`s (wire form, e.g. another run's {@link MockEngine.stackExports}). */
    readonly stackOutputs?: Readonly<Record<string, Record<string, unknown>>>;
    /** Stack configuration, full keys to string values (as `runUnderMocks` takes it). */
    readonly config?: Readonly<Record<string, string>>;
}

/**
 * Runs a Pulumi TypeScript program in preview mode (or, with `preview: false`, as an update)
 * under the recording mock engine, with the engine's side of stack transforms
 * (`pulumi.runtime.registerResourceTransform`) as the CLI has it ({@link runUnderMocks}).
 */
export async function previewProgram(
    program: string,
    opts: ProgramRunOptions = {},
): Promise<MockEngine> {
    return runUnderMocks(program, {
        dryRun: opts.preview ?? true,
        project: opts.project ?? "encrypted-logs-quickstart",
        stack: opts.stack ?? "demo",
        region: COMMERCIAL.region,
        accountId: COMMERCIAL.accountId,
        config: opts.config,
        stackOutputs: opts.stackOutputs,
    });
}

/** Runs the pack over a previewed program as a preview would; returns the stack and verdicts. */
export async function judge(
    pack: PolicyPackRunner,
    engine: MockEngine,
): Promise<{ stack: StackResource[]; result: PreviewResult }> {
    const stack = stackFromMockEngine(engine);
    return { stack, result: await pack.preview(stack) };
}
