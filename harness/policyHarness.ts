/**
 * A runtime-faithful harness for the policy pack: it starts the pack exactly as the Pulumi CLI
 * does and talks to it over gRPC exactly as the engine does during a preview.
 *
 * - Start-up: `node <pack>/node_modules/@pulumi/pulumi/cmd/run-policy-pack <engine-address> .`
 *   with the pack directory as working directory (what `pulumi-analyzer-policy` and the Node.js
 *   language host's RunPlugin do); the engine address is a fake engine served here (the `Log` RPC
 *   and friends, recorded); the first line on stdout is the port.
 * - Requests: the generated stubs from `@pulumi/pulumi/proto` (`AnalyzerClient`), with properties
 *   marshalled as the engine marshals them for analyzers (`MarshalProperties` with KeepUnknowns and
 *   KeepSecrets): unknowns as the engine's unknown sentinels, secrets as the secret signature
 *   object, the resource's provider with its inputs (so its region), parent, dependencies and
 *   property dependencies. A preview sends Remediate then Analyze for every resource as it is
 *   registered, then one AnalyzeStack with every resource's outputs.
 */
import * as grpc from "@grpc/grpc-js";
import * as analyzerGrpc from "@pulumi/pulumi/proto/analyzer_grpc_pb";
import * as analyzerPb from "@pulumi/pulumi/proto/analyzer_pb";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { Struct, Value } from "google-protobuf/google/protobuf/struct_pb";
import { ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { analyzeRequest, analyzeStackRequest } from "./analyzerRequests";
import { EngineLog, bindLocal, fakeEngine } from "./fakeEngine";
export { EngineLog } from "./fakeEngine";
import { IN_PROCESS, InProcessPack, PACK_DIR } from "./inProcessPack";
export { PACK_DIR, struct } from "./inProcessPack";
import { StartOptions, spawnPack } from "./packProcess";
export { StartOptions } from "./packProcess";
import {
    Diagnostic,
    LEVELS,
    LEVEL_NUMBER,
    PreviewResult,
    StackResource,
    enforcementLevelOf,
    previewWith,
} from "../testing/resources";

export {
    Diagnostic,
    PreviewResult,
    SECRET_SIG,
    SecretValue,
    StackResource,
    UNKNOWN_SENTINEL,
    UnknownValue,
    enforcementLevelOf,
    fixtureProvider,
    previewWith,
    secret,
    toWire,
    unknown,
} from "../testing/resources";

/** One remediation a `Remediate` call returned. */
export interface RemediationResult {
    readonly policyName: string;
    readonly policyPackName: string;
    readonly description: string;
    /** Why the remediation could not be applied (the engine reports it as an advisory). */
    readonly diagnostic: string;
    /** The properties the remediation would set, when it made any. */
    readonly properties?: Record<string, unknown>;
}

/** What the tests drive a pack with, over gRPC ({@link PolicyPackHarness}) or in process. */
export type PolicyPackRunner = Pick<
    PolicyPackHarness,
    "preview" | "analyze" | "analyzeStack" | "configure" | "info" | "stop"
>;

/** A running policy pack and the fake engine it was given. */
export class PolicyPackHarness {
    /** `Log` calls the pack made to the engine. */
    readonly engineLogs: EngineLog[] = [];
    /** Everything the pack wrote to stdout after the port line, and to stderr. */
    stdoutAfterPort = "";
    stderr = "";

    private constructor(
        readonly packDir: string,
        private readonly child: ChildProcess,
        private readonly client: analyzerGrpc.AnalyzerClient,
        private readonly engine: grpc.Server,
        /** Milliseconds from spawn to the port line. */
        readonly startupMs: number,
        /** The first stdout line. */
        readonly portLine: string,
    ) {}

    /** Starts the pack in `packDir` as the CLI does, with a fake engine. */
    static async start(
        packDir: string = PACK_DIR,
        opts: StartOptions = {},
    ): Promise<PolicyPackHarness> {
        const runner = path.join(
            packDir,
            "node_modules",
            "@pulumi",
            "pulumi",
            "cmd",
            "run-policy-pack",
        );
        if (!fs.existsSync(runner)) {
            throw new Error(
                `${runner} is missing: the pack's dependencies are not installed. Run \`npm run policypack:install\` (npm ci in ${packDir}).`,
            );
        }
        const logs: EngineLog[] = [];
        const engine = fakeEngine(logs);
        const enginePort = await bindLocal(engine);
        const { child, portLine, stdout, stderr, startupMs } = await spawnPack(
            runner,
            enginePort,
            packDir,
            opts,
        );
        const client = new analyzerGrpc.AnalyzerClient(
            `127.0.0.1:${portLine.trim()}`,
            grpc.credentials.createInsecure(),
            { "grpc.max_receive_message_length": -1, "grpc.max_send_message_length": -1 },
        );
        const harness = new PolicyPackHarness(packDir, child, client, engine, startupMs, portLine);
        (harness.engineLogs as EngineLog[]) = logs;
        harness.stdoutAfterPort = stdout.slice(stdout.indexOf("\n") + 1);
        harness.stderr = stderr;
        child.stdout!.on("data", (d: Buffer) => (harness.stdoutAfterPort += d.toString()));
        child.stderr!.removeAllListeners("data");
        child.stderr!.on("data", (d: Buffer) => (harness.stderr += d.toString()));
        return harness;
    }

    /** The pack process's pid (the bench reads its CPU time from /proc). */
    get pid(): number | undefined {
        return this.child.pid;
    }

    private unary<Req, Res>(method: string, req: Req): Promise<Res> {
        return new Promise((resolve, reject) => {
            type Unary = (
                req: Req,
                callback: (err: grpc.ServiceError | null, res: Res) => void,
            ) => void;
            const fn = (this.client as unknown as Record<string, Unary>)[method].bind(this.client);
            fn(req, (err: grpc.ServiceError | null, res: Res) =>
                err ? reject(err) : resolve(res),
            );
        });
    }

    /** `GetAnalyzerInfo`: the pack's name, version and policies. */
    async info(): Promise<analyzerPb.AnalyzerInfo> {
        return this.unary("getAnalyzerInfo", new Empty());
    }

    private declared: Promise<Map<string, analyzerPb.EnforcementLevel>> | undefined;

    /**
     * Each policy's declared enforcement level, from `GetAnalyzerInfo` (asked once: the pack
     * builds it from its policies, whatever `Configure` later says).
     */
    private declaredLevels(): Promise<Map<string, analyzerPb.EnforcementLevel>> {
        this.declared ??= this.info().then(
            (info) =>
                new Map(info.getPoliciesList().map((p) => [p.getName(), p.getEnforcementlevel()])),
        );
        return this.declared;
    }

    /**
     * `Configure`, as the CLI sends a policy configuration file: policy name → enforcement level
     * and properties.
     */
    async configure(
        config: Record<string, { enforcementLevel?: string; [k: string]: unknown }>,
    ): Promise<void> {
        const req = new analyzerPb.ConfigureAnalyzerRequest();
        // As the CLI sends it: a policy given without a level keeps its declared one
        // (`ReconcilePolicyPackConfig`, pkg/resource/analyzer/config.go, v3.248.0).
        const declared = await this.declaredLevels();
        for (const [name, { enforcementLevel, ...props }] of Object.entries(config)) {
            const pc = new analyzerPb.PolicyConfig();
            pc.setEnforcementlevel(
                enforcementLevel === undefined && declared.has(name)
                    ? declared.get(name)!
                    : (LEVEL_NUMBER[
                          enforcementLevelOf(enforcementLevel)
                      ] as analyzerPb.EnforcementLevel),
            );
            pc.setProperties(Struct.fromJavaScript(props as Record<string, never>));
            req.getPolicyconfigMap().set(name, pc);
        }
        await this.unary("configure", req);
    }

    /** The AnalyzeRequest the engine sends for `r` (its inputs). */
    analyzeRequest(r: StackResource, byUrn: Map<string, StackResource>): analyzerPb.AnalyzeRequest {
        return analyzeRequest(r, byUrn);
    }

    /** The AnalyzeStackRequest the engine sends for `stack` (every resource's outputs). */
    analyzeStackRequest(stack: readonly StackResource[]): analyzerPb.AnalyzeStackRequest {
        return analyzeStackRequest(stack);
    }

    /** `Analyze` for one resource. */
    async analyze(r: StackResource, stack: readonly StackResource[] = [r]): Promise<Diagnostic[]> {
        const res: analyzerPb.AnalyzeResponse = await this.unary(
            "analyze",
            this.analyzeRequest(r, new Map(stack.map((s) => [s.urn, s]))),
        );
        return res.getDiagnosticsList().map(fromProto);
    }

    /** `AnalyzeStack` for the whole stack. */
    async analyzeStack(stack: readonly StackResource[]): Promise<Diagnostic[]> {
        const res: analyzerPb.AnalyzeResponse = await this.unary(
            "analyzeStack",
            this.analyzeStackRequest(stack),
        );
        return res.getDiagnosticsList().map(fromProto);
    }

    /** Sends raw bytes as an `AnalyzeStack` request (the bench pre-serializes large stacks once). */
    analyzeStackBytes(bytes: Uint8Array): Promise<analyzerPb.AnalyzeResponse> {
        return new Promise((resolve, reject) =>
            this.client.makeUnaryRequest(
                "/pulumirpc.Analyzer/AnalyzeStack",
                (b: Uint8Array) => Buffer.from(b),
                (b: Buffer) => analyzerPb.AnalyzeResponse.deserializeBinary(b),
                bytes,
                (err, res) => (err ? reject(err) : resolve(res!)),
            ),
        );
    }

    /** Sends raw bytes as an `Analyze` or `Remediate` request. */
    unaryBytes(method: "Analyze" | "Remediate", bytes: Uint8Array): Promise<unknown> {
        return new Promise((resolve, reject) =>
            this.client.makeUnaryRequest(
                `/pulumirpc.Analyzer/${method}`,
                (b: Uint8Array) => Buffer.from(b),
                (b: Buffer) => b,
                bytes,
                (err, res) => (err ? reject(err) : resolve(res)),
            ),
        );
    }

    /** `Remediate` for one resource (the same request as `Analyze`: its inputs). */
    async remediate(
        r: StackResource,
        stack: readonly StackResource[] | ReadonlyMap<string, StackResource> = [r],
    ): Promise<RemediationResult[]> {
        const byUrn =
            stack instanceof Map
                ? stack
                : new Map((stack as readonly StackResource[]).map((s) => [s.urn, s]));
        const res: analyzerPb.RemediateResponse = await this.unary(
            "remediate",
            this.analyzeRequest(r, byUrn as Map<string, StackResource>),
        );
        return res.getRemediationsList().map((m) => ({
            policyName: m.getPolicyname(),
            policyPackName: m.getPolicypackname(),
            description: m.getDescription(),
            diagnostic: m.getDiagnostic(),
            properties: m.getProperties()?.toJavaScript(),
        }));
    }

    /**
     * What a preview sends: Remediate then Analyze for each resource in registration order, then
     * one AnalyzeStack.
     */
    async preview(stack: readonly StackResource[]): Promise<PreviewResult> {
        const byUrn = new Map(stack.map((r) => [r.urn, r]));
        return previewWith(stack, this, async (r) => {
            await this.remediate(r, byUrn);
            return this.analyzeIn(r, byUrn);
        });
    }

    /** `Analyze` for one resource of a stack indexed by URN (see {@link analyze}). */
    async analyzeIn(r: StackResource, byUrn: Map<string, StackResource>): Promise<Diagnostic[]> {
        const res: analyzerPb.AnalyzeResponse = await this.unary(
            "analyze",
            this.analyzeRequest(r, byUrn),
        );
        return res.getDiagnosticsList().map(fromProto);
    }

    /** Stops the pack and the fake engine. */
    async stop(): Promise<void> {
        this.client.close();
        if (this.child.exitCode === null) {
            const exited = new Promise((resolve) => this.child.once("exit", resolve));
            this.child.kill();
            await exited;
        }
        await new Promise<void>((resolve) => this.engine.tryShutdown(() => resolve()));
    }
}

function fromProto(d: analyzerPb.AnalyzeDiagnostic): Diagnostic {
    return {
        policyName: d.getPolicyname(),
        policyPackName: d.getPolicypackname(),
        message: d.getMessage(),
        urn: d.getUrn(),
        enforcementLevel: LEVELS[d.getEnforcementlevel()] ?? "advisory",
    };
}

/** Converts a `Value` back to JS (for assertions on what was sent). */
export function fromWire(v: Value): unknown {
    return v.toJavaScript();
}

/**
 * Starts the pack once for the enclosing mocha `describe` (not once per test) and stops it after;
 * returns a getter for the running pack. With `POLICY_PACK_IN_PROCESS=1` (mutation testing) the
 * pack runs in this process instead ({@link InProcessPack}); tests about the protocol itself use
 * {@link overGrpc} to skip there.
 */
export function usePolicyPack(
    packDir: string = PACK_DIR,
    opts: StartOptions = {},
): () => PolicyPackHarness | InProcessPack {
    let pack: PolicyPackHarness | InProcessPack | undefined;
    before(async () => {
        pack = IN_PROCESS ? new InProcessPack() : await PolicyPackHarness.start(packDir, opts);
    });
    after(async () => {
        await pack?.stop();
    });
    return () => {
        if (pack === undefined) {
            throw new Error("the policy pack is not running (used outside the describe?)");
        }
        return pack;
    };
}

/**
 * {@link usePolicyPack} for a `describe` whose tests each configure the pack: after each test the
 * configuration goes back to the policies' own defaults (`configure({})`), so no test sees the
 * configuration of the one before it.
 */
export function usePolicyPackResetPerTest(): () => PolicyPackHarness | InProcessPack {
    const running = usePolicyPack();
    afterEach(async () => {
        await running().configure({});
    });
    return running;
}

/** The pack as a child process, or a skip of the current test when it runs in process. */
export function overGrpc(
    ctx: Mocha.Context,
    pack: PolicyPackHarness | InProcessPack,
): PolicyPackHarness {
    if (!(pack instanceof PolicyPackHarness)) {
        ctx.skip();
    }
    return pack as PolicyPackHarness;
}
