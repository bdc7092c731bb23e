/**
 * The package booted as the Pulumi CLI boots a source-based Node.js component package for a
 * Python, Go, .NET or YAML program, and a fake engine and resource monitor it talks to over gRPC.
 *
 * - Start-up (pulumi/pulumi `sdk/nodejs/cmd/pulumi-language-nodejs/main.go`, `RunPlugin`):
 *   `node <require.resolve("@pulumi/pulumi/cmd/run-plugin") from the plugin directory>
 *   <plugin directory> <engine address>`, working directory = the user's project, environment +
 *   `PULUMI_NODEJS_TYPESCRIPT=true`; the first line on stdout is the port.
 * - Requests: the engine's (`sdk/go/common/resource/plugin/provider_plugin.go`): `Handshake` (a
 *   provider that does not implement it answers UNIMPLEMENTED and the engine carries on),
 *   `GetPluginInfo`, `GetSchema`, `Configure`, then `Construct` with the monitor's address.
 * - The monitor answers what the engine's does (`pkg/resource/deploy/source_eval.go`): the
 *   `SupportsFeature` list, URNs `urn:pulumi:<stack>::<project>::<parent types$>type::<name>`,
 *   invokes and resource outputs computed by {@link MockEngine} (the same account and ARNs as the
 *   in-process component tests), and it records every registration.
 */
import * as grpc from "@grpc/grpc-js";
import * as pluginPb from "@pulumi/pulumi/proto/plugin_pb";
import * as providerGrpc from "@pulumi/pulumi/proto/provider_grpc_pb";
import * as providerPb from "@pulumi/pulumi/proto/provider_pb";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { ChildProcess, spawn } from "node:child_process";
import * as path from "node:path";
import { EngineLog, bindLocal, fakeEngine } from "./fakeEngine";
import { MockAccount, MockEngine } from "../testing/mockEngine";
import { Registration, fakeMonitor, plainValue } from "./fakeMonitor";

export { Registration, UNKNOWN_VALUE, plainValue } from "./fakeMonitor";

/** A running plugin process and what it printed. */
export interface PluginProcess {
    readonly child: ChildProcess;
    /** The first stdout line. */
    readonly portLine: string;
    /** Milliseconds from spawn to the port line. */
    readonly startupMs: number;
    /** stderr so far, and stdout after the port line. */
    output(): string;
}

/**
 * Spawns `node <args>` and resolves once it printed its first stdout line (the port), as the
 * engine waits for a plugin.
 */
export function spawnPlugin(
    args: readonly string[],
    opts: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs: number },
): Promise<PluginProcess> {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, args, {
        cwd: opts.cwd,
        env: opts.env,
        stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let rest = "";
    child.stderr!.on("data", (d: Buffer) => (rest += d.toString()));
    return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
            child.kill();
            reject(new Error(`no port within ${opts.timeoutMs} ms; stderr: ${rest}`));
        }, opts.timeoutMs);
        const onExit = (code: number | null) => {
            clearTimeout(timer);
            reject(new Error(`the plugin exited (${code}) before printing its port: ${rest}`));
        };
        child.on("exit", onExit);
        child.stdout!.on("data", (d: Buffer) => {
            if (stdout.includes("\n")) {
                rest += d.toString();
                return;
            }
            stdout += d.toString();
            const nl = stdout.indexOf("\n");
            if (nl >= 0) {
                clearTimeout(timer);
                child.off("exit", onExit);
                rest += stdout.slice(nl + 1);
                resolve({
                    child,
                    portLine: stdout.slice(0, nl),
                    startupMs: Number(process.hrtime.bigint() - started) / 1e6,
                    output: () => rest,
                });
            }
        });
    });
}

/** Options for {@link ComponentProviderBoot.start}. */
export interface BootOptions {
    /** The plugin directory (`pulumi package add <dir>`). */
    readonly pluginDir: string;
    /** The user's project directory: the process's working directory. */
    readonly projectDir: string;
    /** The account, region and partition the invokes answer with. */
    readonly account: MockAccount;
    /** How long to wait for the port. @default 120 s */
    readonly timeoutMs?: number;
}

/** The package booted as the CLI boots it, with a fake engine and resource monitor. */
export class ComponentProviderBoot {
    /** Every `RegisterResource`, in the order received. */
    readonly registrations: Registration[] = [];
    /** Every `Log` call. */
    readonly logs: EngineLog[] = [];
    /** Every invoke token, in order. */
    readonly invokes: string[] = [];
    readonly project = "consumer";
    readonly stack = "dev";

    private constructor(
        readonly plugin: PluginProcess,
        private readonly client: providerGrpc.ResourceProviderClient,
        private readonly servers: grpc.Server[],
        readonly monitorAddress: string,
        readonly engineAddress: string,
        /** The run-plugin path the boot resolved from the plugin directory. */
        readonly runPlugin: string,
    ) {}

    /** The URN of the stack the components are constructed under. */
    get stackUrn(): string {
        return `urn:pulumi:${this.stack}::${this.project}::pulumi:pulumi:Stack::${this.project}-${this.stack}`;
    }

    /** Starts the fake engine and monitor, then the plugin as the Node.js language host does. */
    static async start(opts: BootOptions): Promise<ComponentProviderBoot> {
        const answers = await MockEngine.start(opts.account);
        const registrations: Registration[] = [];
        const logs: EngineLog[] = [];
        const invokes: string[] = [];
        const project = "consumer";
        const stack = "dev";
        const stackUrn = `urn:pulumi:${stack}::${project}::pulumi:pulumi:Stack::${project}-${stack}`;

        const engine = fakeEngine(logs, stackUrn);

        const monitor = fakeMonitor(answers, registrations, invokes, stack, project);
        const [enginePort, monitorPort] = await Promise.all([
            bindLocal(engine),
            bindLocal(monitor),
        ]);
        const engineAddress = `127.0.0.1:${enginePort}`;

        // What RunPlugin runs: run-plugin located from the plugin directory (locateModule).
        const runPlugin = require.resolve("@pulumi/pulumi/cmd/run-plugin", {
            paths: [opts.pluginDir],
        });
        let plugin: PluginProcess;
        try {
            plugin = await spawnPlugin([runPlugin, opts.pluginDir, engineAddress], {
                cwd: opts.projectDir,
                env: { ...process.env, PULUMI_NODEJS_TYPESCRIPT: "true" },
                timeoutMs: opts.timeoutMs ?? 120_000,
            });
        } catch (e) {
            engine.forceShutdown();
            monitor.forceShutdown();
            throw e;
        }
        const client = new providerGrpc.ResourceProviderClient(
            `127.0.0.1:${plugin.portLine.trim()}`,
            grpc.credentials.createInsecure(),
        );
        const boot = new ComponentProviderBoot(
            plugin,
            client,
            [engine, monitor],
            `127.0.0.1:${monitorPort}`,
            engineAddress,
            path.resolve(runPlugin),
        );
        (boot.registrations as Registration[]) = registrations;
        (boot.logs as EngineLog[]) = logs;
        (boot.invokes as string[]) = invokes;
        return boot;
    }

    private unary<Req, Res>(method: string, req: Req): Promise<Res> {
        type Unary = (req: Req, cb: (err: grpc.ServiceError | null, res: Res) => void) => void;
        const fn = (this.client as unknown as Record<string, Unary>)[method].bind(this.client);
        return new Promise((resolve, reject) =>
            fn(req, (err, res) => (err ? reject(err) : resolve(res))),
        );
    }

    /** `Handshake`, as the engine sends it first. */
    handshake(): Promise<providerPb.ProviderHandshakeResponse> {
        const req = new providerPb.ProviderHandshakeRequest()
            .setEngineAddress(this.engineAddress)
            .setConfigureWithUrn(true)
            .setSupportsViews(true)
            .setSupportsRefreshBeforeUpdate(true)
            .setInvokeWithPreview(true);
        return this.unary("handshake", req);
    }

    /** `GetPluginInfo`: the plugin's version. */
    async pluginInfo(): Promise<string> {
        return (
            await this.unary<Empty, pluginPb.PluginInfo>("getPluginInfo", new Empty())
        ).getVersion();
    }

    /** `GetSchema` (version 0): the schema as parsed JSON. */
    async schema(): Promise<Record<string, any>> {
        const resp = await this.unary<providerPb.GetSchemaRequest, providerPb.GetSchemaResponse>(
            "getSchema",
            new providerPb.GetSchemaRequest().setVersion(0),
        );
        return JSON.parse(resp.getSchema());
    }

    /** `Configure` with no provider configuration, as for a component package. */
    configure(): Promise<providerPb.ConfigureResponse> {
        const req = new providerPb.ConfigureRequest()
            .setAcceptsecrets(true)
            .setAcceptresources(true)
            .setArgs(Struct.fromJavaScript({}));
        return this.unary("configure", req);
    }

    /**
     * `Construct` of `type` named `name` under the stack, as `pulumi up` (not a preview) sends it
     * for a component a Python program declared with `inputs`.
     */
    async construct(
        type: string,
        name: string,
        inputs: Record<string, unknown>,
    ): Promise<{ urn: string; state: Record<string, unknown>; children: Registration[] }> {
        const before = this.registrations.length;
        const req = new providerPb.ConstructRequest()
            .setProject(this.project)
            .setStack(this.stack)
            .setOrganization("organization")
            .setDryrun(false)
            .setParallel(48)
            .setMonitorendpoint(this.monitorAddress)
            .setType(type)
            .setName(name)
            .setParent(this.stackUrn)
            .setInputs(Struct.fromJavaScript(inputs as Record<string, never>))
            .setAcceptsOutputValues(true);
        const resp = await this.unary<providerPb.ConstructRequest, providerPb.ConstructResponse>(
            "construct",
            req,
        );
        const urn = resp.getUrn();
        return {
            urn,
            state: plainValue(resp.getState()?.toJavaScript() ?? {}) as Record<string, unknown>,
            children: this.registrations.slice(before).filter((r) => r.urn !== urn),
        };
    }

    /** Stops the plugin (as the engine does at the end of an update) and the fake servers. */
    async stop(): Promise<void> {
        this.client.close();
        if (this.plugin.child.exitCode === null) {
            const exited = new Promise((resolve) => this.plugin.child.once("exit", resolve));
            this.plugin.child.kill();
            await exited;
        }
        for (const server of this.servers) {
            server.forceShutdown();
        }
    }
}
