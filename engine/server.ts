/**
 * Serves a {@link ProviderImpl} over the Pulumi provider protocol (`pulumirpc.ResourceProvider`,
 * pulumi/pulumi `proto/pulumi/provider.proto`) with @grpc/grpc-js and the stubs @pulumi/pulumi
 * ships, and prints the port on stdout as every plugin does (the engine reads the first line:
 * pulumi/pulumi `sdk/go/common/resource/plugin/plugin.go`, `newPlugin`).
 *
 * `@pulumi/pulumi/provider`'s `main()` is not used because it hides what a bridged provider relies
 * on: the CheckRequest's `randomSeed` and `autonaming`, the CreateRequest's `preview`, and the
 * ConfigureResponse's `supportsPreview` / `supportsAutonamingConfiguration`.
 */
import * as grpc from "@grpc/grpc-js";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { fromStruct, Props, toStruct, Value } from "./wire";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const provrpc = require("@pulumi/pulumi/proto/provider_grpc_pb");
// eslint-disable-next-line @typescript-eslint/no-require-imports
import provproto = require("@pulumi/pulumi/proto/provider_pb");
// eslint-disable-next-line @typescript-eslint/no-require-imports
import plugproto = require("@pulumi/pulumi/proto/plugin_pb");

/** How the engine asks for a resource's name (`pulumi:autonaming` stack config). */
export interface AutonamingRequest {
    readonly proposedName: string;
    readonly mode: "propose" | "enforce" | "disable";
}

/** A property the provider refuses, with why. */
export interface CheckFailure {
    readonly property: string;
    readonly reason: string;
}

/** What `Diff` answers. */
export interface DiffResult {
    readonly changed: string[];
    readonly replaces: string[];
}

/** The provider's behaviour, in plain values. */
export interface ProviderImpl {
    readonly name: string;
    readonly version: string;
    checkConfig(news: Props): { inputs: Props; failures: CheckFailure[] };
    configure(config: Props): void;
    check(req: {
        urn: string;
        type: string;
        name: string;
        olds: Props;
        news: Props;
        randomSeed: Buffer;
        autonaming?: AutonamingRequest;
    }): { inputs: Props; failures: CheckFailure[] };
    diff(req: { type: string; olds: Props; news: Props; oldInputs: Props }): DiffResult;
    create(req: { urn: string; type: string; name: string; inputs: Props; preview: boolean }): {
        id: string;
        outputs: Props;
    };
    read(req: { id: string; type: string; name: string; state: Props; inputs: Props }): {
        id: string;
        outputs: Props;
        inputs: Props;
    };
    update(req: { id: string; type: string; olds: Props; news: Props; preview: boolean }): Props;
    invoke(token: string, args: Props): Record<string, Value>;
    /** The package schema `GetSchema` answers (JSON); `{}` without one. */
    schema?(): string;
}

type Callback<T> = (err: grpc.ServiceError | null, value?: T) => void;
type Call<T> = { request: T };

const MODES: Record<number, AutonamingRequest["mode"]> = {
    0: "propose",
    1: "enforce",
    2: "disable",
};

function typeOf(req: { getType(): string; getUrn(): string }): string {
    // `type` arrived in the protocol in 2024; the URN's last type segment says the same.
    const fromUrn = req.getUrn().split("::")[2]?.split("$").pop() ?? "";
    return req.getType() || fromUrn;
}

function nameOf(req: { getName(): string; getUrn(): string }): string {
    return req.getName() || req.getUrn().split("::").slice(3).join("::");
}

function failures(list: CheckFailure[]): provproto.CheckFailure[] {
    return list.map((f) =>
        new provproto.CheckFailure().setProperty(f.property).setReason(f.reason),
    );
}

/** Runs `fn` and answers with its result, or with its error as an INTERNAL gRPC status. */
function answer<T>(callback: Callback<T>, fn: () => T): void {
    let value: T;
    try {
        value = fn();
    } catch (e) {
        const err = e as Error;
        callback({
            name: "Error",
            message: err.message,
            code: grpc.status.UNKNOWN,
            details: err.message,
            metadata: new grpc.Metadata(),
        });
        return;
    }
    callback(null, value);
}

/** The gRPC handlers of `pulumirpc.ResourceProvider` for `impl`. */
function handlers(impl: ProviderImpl): grpc.UntypedServiceImplementation {
    return { ...providerHandlers(impl), ...resourceHandlers(impl) };
}

/** The handlers about the provider itself: its info, schema, configuration and data sources. */
function providerHandlers(impl: ProviderImpl): grpc.UntypedServiceImplementation {
    return {
        invoke: (call: Call<provproto.InvokeRequest>, cb: Callback<provproto.InvokeResponse>) =>
            answer(cb, () => {
                const out = impl.invoke(call.request.getTok(), fromStruct(call.request.getArgs()));
                return new provproto.InvokeResponse().setReturn(toStruct(out));
            }),
        getPluginInfo: (_: unknown, cb: Callback<plugproto.PluginInfo>) =>
            answer(cb, () => new plugproto.PluginInfo().setVersion(impl.version)),
        getSchema: (_: unknown, cb: Callback<provproto.GetSchemaResponse>) =>
            answer(cb, () => new provproto.GetSchemaResponse().setSchema(impl.schema?.() ?? "{}")),
        attach: (_: unknown, cb: Callback<Empty>) => answer(cb, () => new Empty()),
        cancel: (_: unknown, cb: Callback<Empty>) => answer(cb, () => new Empty()),
        checkConfig: (call: Call<provproto.CheckRequest>, cb: Callback<provproto.CheckResponse>) =>
            answer(cb, () => {
                const r = impl.checkConfig(fromStruct(call.request.getNews()));
                return new provproto.CheckResponse()
                    .setInputs(toStruct(r.inputs))
                    .setFailuresList(failures(r.failures));
            }),
        diffConfig: (call: Call<provproto.DiffRequest>, cb: Callback<provproto.DiffResponse>) =>
            answer(cb, () => {
                const r = impl.diff({
                    type: "pulumi:providers:" + impl.name,
                    olds: fromStruct(call.request.getOlds()),
                    news: fromStruct(call.request.getNews()),
                    oldInputs: fromStruct(call.request.getOldInputs()),
                });
                return diffResponse(r);
            }),
        configure: (
            call: Call<provproto.ConfigureRequest>,
            cb: Callback<provproto.ConfigureResponse>,
        ) =>
            answer(cb, () => {
                const config: Props = {};
                // Older engines send `variables` ("aws:config:region" → string); newer ones `args`.
                call.request.getVariablesMap().forEach((v: string, k: string) => {
                    config[k.split(":").pop() as string] = v;
                });
                Object.assign(config, fromStruct(call.request.getArgs()));
                impl.configure(config);
                return new provproto.ConfigureResponse()
                    .setAcceptsecrets(false)
                    .setAcceptresources(false)
                    .setSupportspreview(true)
                    .setSupportsAutonamingConfiguration(true);
            }),
    };
}

/** The handlers of a resource's life: check, diff, create, read, update, delete. */
function resourceHandlers(impl: ProviderImpl): grpc.UntypedServiceImplementation {
    return {
        check: (call: Call<provproto.CheckRequest>, cb: Callback<provproto.CheckResponse>) =>
            answer(cb, () => {
                const req = call.request;
                const auto = req.getAutonaming();
                const r = impl.check({
                    urn: req.getUrn(),
                    type: typeOf(req),
                    name: nameOf(req),
                    olds: fromStruct(req.getOlds()),
                    news: fromStruct(req.getNews()),
                    randomSeed: Buffer.from(req.getRandomseed_asU8()),
                    autonaming:
                        auto === undefined
                            ? undefined
                            : { proposedName: auto.getProposedName(), mode: MODES[auto.getMode()] },
                });
                return new provproto.CheckResponse()
                    .setInputs(toStruct(r.inputs))
                    .setFailuresList(failures(r.failures));
            }),
        diff: (call: Call<provproto.DiffRequest>, cb: Callback<provproto.DiffResponse>) =>
            answer(cb, () =>
                diffResponse(
                    impl.diff({
                        type: typeOf(call.request),
                        olds: fromStruct(call.request.getOlds()),
                        news: fromStruct(call.request.getNews()),
                        oldInputs: fromStruct(call.request.getOldInputs()),
                    }),
                ),
            ),
        create: (call: Call<provproto.CreateRequest>, cb: Callback<provproto.CreateResponse>) =>
            answer(cb, () => {
                const req = call.request;
                const r = impl.create({
                    urn: req.getUrn(),
                    type: typeOf(req),
                    name: nameOf(req),
                    inputs: fromStruct(req.getProperties()),
                    preview: req.getPreview(),
                });
                return new provproto.CreateResponse()
                    .setId(r.id)
                    .setProperties(toStruct(r.outputs));
            }),
        read: (call: Call<provproto.ReadRequest>, cb: Callback<provproto.ReadResponse>) =>
            answer(cb, () => {
                const req = call.request;
                const r = impl.read({
                    id: req.getId(),
                    type: typeOf(req),
                    name: nameOf(req),
                    state: fromStruct(req.getProperties()),
                    inputs: fromStruct(req.getInputs()),
                });
                return new provproto.ReadResponse()
                    .setId(r.id)
                    .setProperties(toStruct(r.outputs))
                    .setInputs(toStruct(r.inputs));
            }),
        update: (call: Call<provproto.UpdateRequest>, cb: Callback<provproto.UpdateResponse>) =>
            answer(cb, () => {
                const req = call.request;
                const outputs = impl.update({
                    id: req.getId(),
                    type: typeOf(req),
                    olds: fromStruct(req.getOlds()),
                    news: fromStruct(req.getNews()),
                    preview: req.getPreview(),
                });
                return new provproto.UpdateResponse().setProperties(toStruct(outputs));
            }),
        delete: (_: unknown, cb: Callback<Empty>) => answer(cb, () => new Empty()),
    };
}

function diffResponse(r: DiffResult): provproto.DiffResponse {
    const resp = new provproto.DiffResponse()
        .setChanges(
            r.changed.length === 0
                ? provproto.DiffResponse.DiffChanges.DIFF_NONE
                : provproto.DiffResponse.DiffChanges.DIFF_SOME,
        )
        .setDiffsList(r.changed)
        .setReplacesList(r.replaces)
        .setHasdetaileddiff(true);
    const detailed = resp.getDetaileddiffMap();
    for (const key of r.changed) {
        detailed.set(
            key,
            new provproto.PropertyDiff()
                .setKind(
                    r.replaces.includes(key)
                        ? provproto.PropertyDiff.Kind.UPDATE_REPLACE
                        : provproto.PropertyDiff.Kind.UPDATE,
                )
                .setInputdiff(true),
        );
    }
    return resp;
}

/** Starts serving `impl` on a free localhost port and prints the port on stdout. */
export async function serve(impl: ProviderImpl): Promise<grpc.Server> {
    const server = new grpc.Server({
        "grpc.max_receive_message_length": 400 * 1024 * 1024,
        "grpc.max_send_message_length": 400 * 1024 * 1024,
    });
    server.addService(provrpc.ResourceProviderService, handlers(impl));
    const port = await new Promise<number>((resolve, reject) =>
        server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (err, p) =>
            err ? reject(err) : resolve(p),
        ),
    );
    process.stdout.write(`${port}\n`);
    return server;
}
