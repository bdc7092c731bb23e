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
import * as engineGrpc from "@pulumi/pulumi/proto/engine_grpc_pb";
import * as enginePb from "@pulumi/pulumi/proto/engine_pb";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { Struct, Value } from "google-protobuf/google/protobuf/struct_pb";
import { ChildProcess, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { IN_PROCESS, InProcessPack } from "./inProcessPack";

/** The engine's unknown sentinels by property type (Go: `plugin.Unknown*Value`). */
export const UNKNOWN_SENTINEL = {
    bool: "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7",
    number: "3eeb2bf0-c639-47a8-9e75-3b44932eb421",
    string: "04da6b54-80e4-46f7-96ec-b56ff0331ba9",
    array: "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2",
    object: "dd056dcd-154b-4c76-9bd3-c8f88648b5ff",
} as const;
/** The signature key and value the engine marks secrets with (Go: `resource.SigKey`, `SecretSig`). */
export const SECRET_SIG = {
    key: "4dabf18193072939515e22adb298388d",
    value: "1b47061264138c4ac30d75fd1eb44270",
};

/** A property value unknown at preview. */
export class UnknownValue {
    constructor(readonly kind: keyof typeof UNKNOWN_SENTINEL = "string") {}
}
/** A secret property value. */
export class SecretValue {
    constructor(readonly value: unknown) {}
}
/** An unknown string (the usual case: an ARN or id computed by the provider). */
export const unknown = (kind: keyof typeof UNKNOWN_SENTINEL = "string") => new UnknownValue(kind);
/** A secret. */
export const secret = (value: unknown) => new SecretValue(value);

/** A resource of a fixture stack, as the engine knows it. */
export interface FixtureResource {
    readonly urn: string;
    readonly type: string;
    readonly name: string;
    /** Checked inputs: what Analyze and Remediate receive. */
    readonly inputs: Record<string, unknown>;
    /** Outputs: what AnalyzeStack receives. @default the inputs */
    readonly outputs?: Record<string, unknown>;
    readonly parent?: string;
    /** URN of the provider resource (it must be in the same stack). */
    readonly provider?: string;
    readonly dependencies?: readonly string[];
    readonly propertyDependencies?: Readonly<Record<string, readonly string[]>>;
    readonly protect?: boolean;
}

/** A diagnostic as the pack returned it. */
export interface Diagnostic {
    readonly policyName: string;
    readonly policyPackName: string;
    readonly message: string;
    readonly urn: string;
    readonly enforcementLevel: "advisory" | "mandatory" | "disabled" | "remediate";
}

/** What a preview produced: per-resource diagnostics and the stack diagnostics. */
export interface PreviewResult {
    /** Diagnostics from Analyze, by resource URN (only resources with diagnostics). */
    readonly analyze: ReadonlyMap<string, Diagnostic[]>;
    /** Diagnostics from AnalyzeStack. */
    readonly stack: readonly Diagnostic[];
    /** Every diagnostic, Analyze first. */
    readonly all: readonly Diagnostic[];
}

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

/** A recorded `Log` call from the pack to the engine. */
export interface EngineLog {
    readonly severity: number;
    readonly message: string;
    readonly urn: string;
}

const LEVELS = ["advisory", "mandatory", "disabled", "remediate"] as const;
const LEVEL_NUMBER: Record<string, number> = {
    advisory: 0,
    mandatory: 1,
    disabled: 2,
    remediate: 3,
};

/** The enforcement level the pack receives for a configured level, after the wire's round trip. */
export function enforcementLevelOf(level: string | undefined): Diagnostic["enforcementLevel"] {
    return LEVELS[LEVEL_NUMBER[level ?? "mandatory"] ?? 0];
}

/** Marshals a JS value the way the engine does for analyzers. */
export function toWire(value: unknown): unknown {
    if (value instanceof UnknownValue) {
        return UNKNOWN_SENTINEL[value.kind];
    }
    if (value instanceof SecretValue) {
        return { [SECRET_SIG.key]: SECRET_SIG.value, value: toWire(value.value) ?? null };
    }
    if (Array.isArray(value)) {
        return value.map((v) => toWire(v) ?? null);
    }
    if (value !== null && typeof value === "object") {
        const out: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(value)) {
            if (v !== undefined) {
                out[k] = toWire(v);
            }
        }
        return out;
    }
    return value;
}

/** The properties `Struct` of a request, marshalled as the engine marshals them. */
export function struct(props: Record<string, unknown>): Struct {
    return Struct.fromJavaScript(toWire(props) as Record<string, never>);
}

/** The pack directory this repository ships. */
export const PACK_DIR = path.resolve(__dirname, "..", "..", "policypack");

/** The provider resource of `r` in its stack, if it has one; a fixture error if it is not there. */
export function fixtureProvider(
    r: FixtureResource,
    byUrn: ReadonlyMap<string, FixtureResource>,
): FixtureResource | undefined {
    if (r.provider === undefined) {
        return undefined;
    }
    const p = byUrn.get(r.provider);
    if (p === undefined) {
        throw new Error(`fixture ${r.urn} names provider ${r.provider}, which is not in the stack`);
    }
    return p;
}

/** What the tests drive a pack with, over gRPC ({@link PolicyPackHarness}) or in process. */
export type PolicyPackRunner = Pick<
    PolicyPackHarness,
    "preview" | "analyze" | "analyzeStack" | "configure" | "info" | "stop"
>;

/** Options for {@link PolicyPackHarness.start}. */
export interface StartOptions {
    /** Extra environment (e.g. `PULUMI_CONFIG`, as the Node.js language host sets it). */
    readonly env?: Record<string, string>;
    /** The program argument: `.` (the package's `main`) as the CLI passes it. */
    readonly program?: string;
    /** How long to wait for the port. @default 60 s */
    readonly timeoutMs?: number;
}

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
        const engine = new grpc.Server();
        engine.addService(engineGrpc.EngineService, {
            log: (
                call: grpc.ServerUnaryCall<enginePb.LogRequest, Empty>,
                cb: grpc.sendUnaryData<Empty>,
            ) => {
                logs.push({
                    severity: call.request.getSeverity(),
                    message: call.request.getMessage(),
                    urn: call.request.getUrn(),
                });
                cb(null, new Empty());
            },
            getRootResource: (
                _: unknown,
                cb: grpc.sendUnaryData<enginePb.GetRootResourceResponse>,
            ) => cb(null, new enginePb.GetRootResourceResponse()),
            setRootResource: (
                _: unknown,
                cb: grpc.sendUnaryData<enginePb.SetRootResourceResponse>,
            ) => cb(null, new enginePb.SetRootResourceResponse()),
            startDebugging: (_: unknown, cb: grpc.sendUnaryData<Empty>) => cb(null, new Empty()),
            requirePulumiVersion: (_: unknown, cb: grpc.sendUnaryData<Empty>) =>
                cb(null, new Empty()),
        });
        const enginePort = await new Promise<number>((resolve, reject) =>
            engine.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (err, port) =>
                err ? reject(err) : resolve(port),
            ),
        );
        const started = process.hrtime.bigint();
        const child = spawn(
            process.execPath,
            [runner, `127.0.0.1:${enginePort}`, opts.program ?? "."],
            {
                cwd: packDir,
                env: { ...process.env, ...opts.env },
                stdio: ["ignore", "pipe", "pipe"],
            },
        );
        let stdout = "";
        let stderr = "";
        child.stderr!.on("data", (d: Buffer) => (stderr += d.toString()));
        const portLine = await new Promise<string>((resolve, reject) => {
            const timer = setTimeout(() => {
                child.kill();
                reject(
                    new Error(
                        `no port from the pack within ${opts.timeoutMs ?? 60000} ms; stderr: ${stderr}`,
                    ),
                );
            }, opts.timeoutMs ?? 60000);
            child.stdout!.on("data", (d: Buffer) => {
                stdout += d.toString();
                const nl = stdout.indexOf("\n");
                if (nl >= 0) {
                    clearTimeout(timer);
                    resolve(stdout.slice(0, nl));
                }
            });
            child.on("exit", (code) => {
                clearTimeout(timer);
                reject(
                    new Error(
                        `the pack exited (${code}) before printing its port; stderr: ${stderr}`,
                    ),
                );
            });
        });
        const startupMs = Number(process.hrtime.bigint() - started) / 1e6;
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

    /**
     * `Configure`, as the CLI sends a policy configuration file: policy name → enforcement level
     * and properties.
     */
    async configure(
        config: Record<string, { enforcementLevel?: string; [k: string]: unknown }>,
    ): Promise<void> {
        const req = new analyzerPb.ConfigureAnalyzerRequest();
        for (const [name, { enforcementLevel, ...props }] of Object.entries(config)) {
            const pc = new analyzerPb.PolicyConfig();
            pc.setEnforcementlevel(
                LEVEL_NUMBER[enforcementLevelOf(enforcementLevel)] as analyzerPb.EnforcementLevel,
            );
            pc.setProperties(Struct.fromJavaScript(props as Record<string, never>));
            req.getPolicyconfigMap().set(name, pc);
        }
        await this.unary("configure", req);
    }

    private providerOf(
        r: FixtureResource,
        byUrn: Map<string, FixtureResource>,
    ): analyzerPb.AnalyzerProviderResource | undefined {
        const p = fixtureProvider(r, byUrn);
        if (p === undefined) {
            return undefined;
        }
        const out = new analyzerPb.AnalyzerProviderResource();
        out.setUrn(p.urn);
        out.setType(p.type);
        out.setName(p.name);
        out.setProperties(struct(p.inputs));
        return out;
    }

    private options(r: FixtureResource): analyzerPb.AnalyzerResourceOptions {
        const o = new analyzerPb.AnalyzerResourceOptions();
        o.setProtect(r.protect ?? false);
        o.setParent(r.parent ?? "");
        o.setCustomtimeouts(new analyzerPb.AnalyzerResourceOptions.CustomTimeouts());
        return o;
    }

    /** The AnalyzeRequest the engine sends for `r` (its inputs). */
    analyzeRequest(
        r: FixtureResource,
        byUrn: Map<string, FixtureResource>,
    ): analyzerPb.AnalyzeRequest {
        const req = new analyzerPb.AnalyzeRequest();
        req.setUrn(r.urn);
        req.setType(r.type);
        req.setName(r.name);
        req.setProperties(struct(r.inputs));
        req.setOptions(this.options(r));
        const provider = this.providerOf(r, byUrn);
        if (provider !== undefined) {
            req.setProvider(provider);
        }
        return req;
    }

    /** The AnalyzeStackRequest the engine sends for `stack` (every resource's outputs). */
    analyzeStackRequest(stack: readonly FixtureResource[]): analyzerPb.AnalyzeStackRequest {
        const byUrn = new Map(stack.map((r) => [r.urn, r]));
        const req = new analyzerPb.AnalyzeStackRequest();
        req.setResourcesList(
            stack.map((r) => {
                const res = new analyzerPb.AnalyzerResource();
                res.setUrn(r.urn);
                res.setType(r.type);
                res.setName(r.name);
                res.setProperties(struct(r.outputs ?? r.inputs));
                res.setOptions(this.options(r));
                const provider = this.providerOf(r, byUrn);
                if (provider !== undefined) {
                    res.setProvider(provider);
                }
                res.setParent(r.parent ?? "");
                res.setDependenciesList([...(r.dependencies ?? [])]);
                for (const [k, urns] of Object.entries(r.propertyDependencies ?? {})) {
                    if (urns.length > 0) {
                        const deps = new analyzerPb.AnalyzerPropertyDependencies();
                        deps.setUrnsList([...urns]);
                        res.getPropertydependenciesMap().set(k, deps);
                    }
                }
                return res;
            }),
        );
        return req;
    }

    /** `Analyze` for one resource. */
    async analyze(
        r: FixtureResource,
        stack: readonly FixtureResource[] = [r],
    ): Promise<Diagnostic[]> {
        const res: analyzerPb.AnalyzeResponse = await this.unary(
            "analyze",
            this.analyzeRequest(r, new Map(stack.map((s) => [s.urn, s]))),
        );
        return res.getDiagnosticsList().map(fromProto);
    }

    /** `AnalyzeStack` for the whole stack. */
    async analyzeStack(stack: readonly FixtureResource[]): Promise<Diagnostic[]> {
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
        r: FixtureResource,
        stack: readonly FixtureResource[] | ReadonlyMap<string, FixtureResource> = [r],
    ): Promise<RemediationResult[]> {
        const byUrn =
            stack instanceof Map
                ? stack
                : new Map((stack as readonly FixtureResource[]).map((s) => [s.urn, s]));
        const res: analyzerPb.RemediateResponse = await this.unary(
            "remediate",
            this.analyzeRequest(r, byUrn as Map<string, FixtureResource>),
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
    async preview(stack: readonly FixtureResource[]): Promise<PreviewResult> {
        const byUrn = new Map(stack.map((r) => [r.urn, r]));
        return previewWith(stack, this, async (r) => {
            await this.remediate(r, byUrn);
            return this.analyzeIn(r, byUrn);
        });
    }

    /** `Analyze` for one resource of a stack indexed by URN (see {@link analyze}). */
    async analyzeIn(
        r: FixtureResource,
        byUrn: Map<string, FixtureResource>,
    ): Promise<Diagnostic[]> {
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

/**
 * A preview: `analyze` for each resource in registration order (a diagnostic without a URN is the
 * resource's), then one AnalyzeStack.
 */
export async function previewWith(
    stack: readonly FixtureResource[],
    pack: Pick<PolicyPackRunner, "analyzeStack">,
    analyze: (r: FixtureResource) => Promise<Diagnostic[]>,
): Promise<PreviewResult> {
    const byResource = new Map<string, Diagnostic[]>();
    for (const r of stack) {
        const ds = await analyze(r);
        if (ds.length > 0) {
            byResource.set(
                r.urn,
                ds.map((d) => ({ ...d, urn: d.urn || r.urn })),
            );
        }
    }
    const stackDs = await pack.analyzeStack(stack);
    return {
        analyze: byResource,
        stack: stackDs,
        all: [...[...byResource.values()].flat(), ...stackDs],
    };
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
