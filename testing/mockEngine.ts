/**
 * A recording mock engine for component tests: `pulumi.runtime.setMocks` answers the invokes the
 * components make and computes the outputs AWS would (key ARNs, log group ARNs), and a hook on the
 * mock monitor records every RegisterResource request as the engine receives it: type, name,
 * parent, provider, inputs, dependencies, property dependencies and resource options
 * (`retainOnDelete`, `replaceOnChanges`, ...), which `setMocks`' own callback does not show.
 */
import * as pulumi from "@pulumi/pulumi";
import { createRequire } from "node:module";
import { UnansweredInvoke, invoke } from "../engine/awsInvokes";
import { createOutputs } from "../engine/awsResources";
import {
    InvokeAnswers,
    RecordedInvoke,
    RecordedResource,
    RemoteComponent,
    UnansweredCall,
    hasSecrets,
    optionalBool,
    requested,
} from "./recorded";

export {
    InvokeAnswers,
    RecordedInvoke,
    RecordedResource,
    RemoteComponent,
    UnansweredCall,
    isKnown,
    isUnknownInput,
    optionalBool,
    valueOf,
} from "./recorded";
import {
    COMMERCIAL,
    MOCK_ORGANIZATION_ID,
    MockAccount,
    checkedByProvider,
    deployedState,
    partitionOfRegion,
} from "./mockAccount";

export {
    CHINA,
    COMMERCIAL,
    GOVCLOUD,
    MOCK_ORGANIZATION_ID,
    MockAccount,
    checkedByProvider,
    partitionOfRegion,
    uuidFrom,
} from "./mockAccount";

/**
 * A module loaded the way `@pulumi/pulumi` itself resolves it: its own dependencies
 * (`@grpc/grpc-js`, `google-protobuf`), so the shipped testing export uses the SDK's copies and the
 * package declares no dependency of its own on them. Node.js: "`module.createRequire(filename)`
 * ... Filename to be used to construct the require function."
 */
export function sdkRequire<T>(id: string): T {
    return createRequire(require.resolve("@pulumi/pulumi"))(id) as T;
}

// A program whose inputs fail validation inside an apply never registers the resource: the error
// reaches the runtime as an unhandled rejection, which ends a real `pulumi up`. Tests read it here.
// The listener is added when the first engine starts, not when this module loads: the
// `pulumi-aws-encrypted-logs/testing` export loads it in a user's test process.
let current: MockEngine | undefined;
let listening = false;
function recordUnhandledRejections(): void {
    if (!listening) {
        listening = true;
        process.on("unhandledRejection", (reason: unknown) => {
            current?.failures.push(reason instanceof Error ? reason : new Error(String(reason)));
        });
    }
}

/** The recording engine. Start one per test with {@link MockEngine.start}. */
export class MockEngine {
    readonly resources: RecordedResource[] = [];
    readonly invokes: RecordedInvoke[] = [];
    /** The invokes nobody answered (each also failed the program's call). */
    readonly unanswered: UnansweredCall[] = [];
    /** The components registered `remote: true`, whose children the mocks never see. */
    readonly remote: RemoteComponent[] = [];
    /** Errors that would have ended the deployment (unhandled rejections from the program). */
    readonly failures: Error[] = [];
    /** The outputs each component or stack registered (`registerOutputs`, a stack's exports), by URN, as sent over the wire. */
    readonly registeredOutputs = new Map<string, Record<string, unknown>>();
    private readonly providerRegions = new Map<string, string>();

    private constructor(
        readonly account: MockAccount,
        readonly preview: boolean,
        /** What `aws.getCallerIdentity` answers as `arn`; by default the user `deployer`. */
        readonly callerArn: string = `arn:${account.partition}:iam::${account.accountId}:user/deployer`,
        /** The outputs of the stacks a `StackReference` may read, by stack name (wire form). */
        readonly stackOutputs: Readonly<Record<string, Record<string, unknown>>> = {},
        /** The program's canned answers to invokes, by token. */
        readonly answers: InvokeAnswers = {},
    ) {}

    /**
     * Installs fresh mocks. `preview: true` behaves as `pulumi preview` does for new resources:
     * outputs the provider computes (ARNs, ids) are unknown.
     */
    static async start(
        account: MockAccount = COMMERCIAL,
        opts: {
            preview?: boolean;
            project?: string;
            stack?: string;
            callerArn?: string;
            /** Outputs of other stacks, by stack name, for `StackReference` reads. */
            stackOutputs?: Readonly<Record<string, Record<string, unknown>>>;
            /** Canned answers to invokes, by token. */
            invokes?: InvokeAnswers;
        } = {},
    ): Promise<MockEngine> {
        const engine = new MockEngine(
            account,
            opts.preview ?? false,
            opts.callerArn,
            opts.stackOutputs,
            opts.invokes,
        );
        await pulumi.runtime.setMocks(
            {
                newResource: (args) => engine.newResource(args),
                call: (args) => engine.call(args),
            },
            opts.project ?? "encrypted-logs-test",
            opts.stack ?? "test",
            engine.preview,
        );
        engine.hookMonitor();
        recordUnhandledRejections();
        current = engine;
        return engine;
    }

    /** The first error that would end the deployment; fails if none comes within `timeoutMs`. */
    async firstFailure(timeoutMs = 5000): Promise<Error> {
        const deadline = Date.now() + timeoutMs;
        while (this.failures.length === 0) {
            if (Date.now() > deadline) {
                throw new Error(`the program did not fail within ${timeoutMs} ms`);
            }
            await new Promise((resolve) => setTimeout(resolve, 10));
        }
        return this.failures[0];
    }

    /**
     * Waits until every registration and invoke the program started has finished. Rejects with
     * the program's error as soon as one would have ended the deployment (the registrations it
     * blocked would otherwise never finish).
     */
    async settle(): Promise<void> {
        const drained = (
            pulumi.runtime as unknown as { waitForRPCs(): Promise<void> }
        ).waitForRPCs();
        let timer: NodeJS.Timeout | undefined;
        const failed = new Promise<never>((_, reject) => {
            const poll = () => {
                if (this.failures.length > 0) {
                    reject(this.failures[0]);
                } else {
                    timer = setTimeout(poll, 10);
                }
            };
            poll();
        });
        try {
            await Promise.race([drained, failed]);
        } finally {
            clearTimeout(timer);
        }
    }

    /** Every recorded resource of `type`. */
    ofType(type: string): RecordedResource[] {
        return this.resources.filter((r) => r.type === type);
    }

    /** The one resource of `type` named `name`; fails if there is not exactly one. */
    get(type: string, name: string): RecordedResource {
        const found = this.resources.filter((r) => r.type === type && r.name === name);
        if (found.length !== 1) {
            const seen = this.resources.map((r) => `${r.type}::${r.name}`).join(", ");
            throw new Error(
                `expected one ${type} named ${name}, found ${found.length}; recorded: ${seen}`,
            );
        }
        return found[0];
    }

    /** `type::name` of every resource, sorted (registration order varies between components). */
    summary(): string[] {
        return this.resources.map((r) => `${r.type}::${r.name}`).sort();
    }

    /** The region a provider reference (`urn::id`) was configured with. */
    regionOfProvider(ref: string | undefined): string {
        if (ref === undefined || ref === "") {
            return this.account.region;
        }
        const urn = ref.split("::").slice(0, -1).join("::");
        return this.providerRegions.get(urn) ?? this.account.region;
    }

    /** The exports of the stack this engine ran (the root stack's registered outputs). */
    stackExports(): Record<string, unknown> {
        const stack = this.resources.find((r) => r.type === "pulumi:pulumi:Stack");
        const outputs = stack === undefined ? undefined : this.registeredOutputs.get(stack.urn);
        if (outputs === undefined) {
            throw new Error("the program's stack registered no outputs");
        }
        return outputs;
    }

    private hookMonitor(): void {
        const monitor = pulumi.runtime.getMonitor() as any;
        const originalOutputs = monitor.registerResourceOutputs.bind(monitor);
        monitor.registerResourceOutputs = (req: any, callback: (err: any, resp: any) => void) => {
            this.registeredOutputs.set(req.getUrn(), req.getOutputs()?.toJavaScript() ?? {});
            return originalOutputs(req, callback);
        };
        // A StackReference is a read (`ReadResource`), which `setMocks` answers through
        // `newResource` too: record it with the properties it was answered with.
        const originalRead = monitor.readResource.bind(monitor);
        monitor.readResource = (req: any, callback: (err: any, resp: any) => void) => {
            const record: RecordedResource = {
                ...requested(req, req.getProperties()),
                read: true,
                custom: true,
                propertyDependencies: {},
                retainOnDelete: undefined,
                replaceOnChanges: [],
                deleteBeforeReplace: false,
                protect: undefined,
            };
            this.resources.push(record);
            return originalRead(req, (err: any, resp: any) => {
                if (resp) {
                    record.urn = resp.getUrn();
                    record.outputs = resp.getProperties()?.toJavaScript() ?? {};
                }
                callback(err, resp);
            });
        };
        const original = monitor.registerResource.bind(monitor);
        monitor.registerResource = (req: any, callback: (err: any, resp: any) => void) => {
            const propertyDependencies: Record<string, string[]> = {};
            req.getPropertydependenciesMap().forEach((deps: any, key: string) => {
                propertyDependencies[key] = deps.getUrnsList();
            });
            const asked = requested(req, req.getObject());
            if (!req.getCustom() && req.getRemote?.() === true) {
                this.remote.push({ type: asked.type, name: asked.name });
            }
            const record: RecordedResource = {
                ...asked,
                inputs: req.getCustom()
                    ? checkedByProvider(asked.type, asked.name, asked.inputs)
                    : asked.inputs,
                custom: req.getCustom(),
                propertyDependencies,
                retainOnDelete: optionalBool(req, "Retainondelete"),
                replaceOnChanges: req.getReplaceonchangesList(),
                deleteBeforeReplace: req.getDeletebeforereplace(),
                protect: req.getProtect(),
            };
            this.resources.push(record);
            return original(req, (err: any, resp: any) => {
                if (resp) {
                    record.urn = resp.getUrn();
                    const object = resp.getObject();
                    if (object) {
                        record.outputs = (pulumi.runtime as any).deserializeProperties(object);
                    }
                    record.answered = {
                        id: resp.getId(),
                        outputs: resp.getObject()?.toJavaScript() ?? {},
                    };
                    if (record.type === "pulumi:providers:aws") {
                        this.providerRegions.set(
                            record.urn,
                            record.inputs.region ?? this.account.region,
                        );
                    }
                }
                callback(err, resp);
            });
        };
    }

    /**
     * The answer to an invoke (also what the gRPC fake engine of componentProvider.ts answers):
     * the program's own canned answer for its token if it gave one (`invokes`), else the offline
     * aws provider's (engine/awsInvokes.ts). One nobody answers is recorded in `unanswered` and
     * fails the invoke with a message naming its token.
     */
    call(args: pulumi.runtime.MockCallArgs): Record<string, any> {
        this.invokes.push({ token: args.token, provider: args.provider, inputs: args.inputs });
        const canned = this.answers[args.token];
        if (canned !== undefined) {
            return typeof canned === "function" ? canned(args.inputs) : { ...canned };
        }
        const settings = {
            region: this.regionOfProvider(args.provider),
            accountId: this.account.accountId,
            defaultTags: {},
        };
        try {
            return invoke(args.token, args.inputs, settings, {
                callerArn: this.callerArn,
                organizationId: MOCK_ORGANIZATION_ID,
            });
        } catch (e) {
            const why = e instanceof UnansweredInvoke ? e.why : (e as Error).message;
            this.unanswered.push({ token: args.token, inputs: args.inputs, why });
            throw e;
        }
    }

    /**
     * The read of a `pulumi:pulumi:StackReference`, answered as the engine's builtin provider
     * answers it (pulumi/pulumi `pkg/resource/deploy/builtins.go`, `readStackReference`): the id
     * is the stack name, and the properties are
     *
     *     "name":              name,
     *     "outputs":           property.New(outputs),
     *     "secretOutputNames": property.New(secretOutputs),
     *
     * where `secretOutputs` are the names of the outputs whose value `HasSecrets()`, sorted. Known
     * at preview too: a read happens in every preview.
     */
    private readStackReference(name: string): { id: string; state: Record<string, any> } {
        const outputs = this.stackOutputs[name];
        if (outputs === undefined) {
            throw new Error(
                `unknown stack "${name}": the mock engine knows ${Object.keys(this.stackOutputs).join(", ") || "no stacks"}`,
            );
        }
        const secretOutputNames = Object.entries(outputs)
            .filter(([, v]) => hasSecrets(v))
            .map(([k]) => k)
            .sort();
        return { id: name, state: { name, outputs, secretOutputNames } };
    }

    /** The id and outputs of a new resource (also what the gRPC fake engine answers). */
    newResource(args: pulumi.runtime.MockResourceArgs): {
        id: string | undefined;
        state: Record<string, any>;
    } {
        const inputs = args.custom
            ? checkedByProvider(args.type, args.name, args.inputs)
            : args.inputs;
        const region: string = inputs.region ?? this.regionOfProvider(args.provider);
        const partition =
            region === this.account.region
                ? this.account.partition
                : partitionOfRegion(region).partition;
        if (args.type === "pulumi:pulumi:StackReference") {
            return this.readStackReference(args.inputs.name);
        }
        if (this.preview && args.type !== "pulumi:providers:aws") {
            // A new resource in a preview: what the aws provider plans (the offline provider's
            // code): its inputs, schema defaults, region and tagsAll known, every other output
            // it always has unknown (an aws.kms.Key without `policy` has it unknown).
            if (args.custom && args.type.startsWith("aws:")) {
                const settings = { region, accountId: this.account.accountId, defaultTags: {} };
                return {
                    id: undefined,
                    state: createOutputs(args.type, inputs, settings, true).outputs,
                };
            }
            return { id: undefined, state: { ...inputs } };
        }
        return deployedState(args.type, args.name, inputs, {
            partition,
            region,
            accountId: this.account.accountId,
        });
    }
}
