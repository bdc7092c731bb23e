/**
 * Stack transforms under the mock engine. `pulumi.runtime.setMocks` does not support transforms
 * (`supportsTransforms = false`, and its monitor has no `RegisterStackTransform`), so this adds
 * what the Pulumi engine does for them, on top of a started {@link MockEngine}:
 *
 * - `RegisterStackTransform`: the program's callback server (the SDK's own `CallbackServer`, a real
 *   gRPC server on 127.0.0.1) registers the transform; the engine keeps its token.
 * - For every later `RegisterResource`, before the engine records it, each stack transform is
 *   called over gRPC (`Callbacks.Invoke` with a `TransformRequest`: type, name, custom, parent, the
 *   request's properties and its options), in registration order, each seeing the previous one's
 *   result, as `pkg/resource/deploy/source_eval.go` (pulumi/pulumi 1b59498) does.
 * - The response's properties replace the request's; its options replace the request's options.
 *   As in the engine, a resource's `dependencies` and `propertyDependencies` are rebuilt from a
 *   transform's result only when the resource itself carries `transforms` (`len(req.Transforms) >
 *   0`); for stack transforms they stay those of the request. That is why the components order a
 *   transform-created group by data flow (the function's inputs wait for the group), not by the
 *   `dependsOn` they also return.
 *
 * It also logs, in order, when each request reaches the engine (after its transforms) and when
 * the engine answers it (`registered`/`done`), so tests can assert what existed before what.
 */
import type * as grpcTypes from "@grpc/grpc-js";
import * as callbackGrpc from "@pulumi/pulumi/proto/callback_grpc_pb";
import * as callbackPb from "@pulumi/pulumi/proto/callback_pb";
import * as resourcePb from "@pulumi/pulumi/proto/resource_pb";
import * as pulumi from "@pulumi/pulumi";
import type * as emptyTypes from "google-protobuf/google/protobuf/empty_pb";
import { optionalBool, sdkRequire } from "./mockEngine";

// The SDK's own copies (this module ships in the testing export).
const grpc = sdkRequire<typeof grpcTypes>("@grpc/grpc-js");
const { Empty } = sdkRequire<typeof emptyTypes>("google-protobuf/google/protobuf/empty_pb");
type Empty = emptyTypes.Empty;

/** The engine side of stack transforms, added to the current mock monitor. */
export class TransformEngine {
    /** `registered <type>::<name>` when a request reaches the engine; `done <type>::<name>` when answered. */
    readonly events: string[] = [];
    /** Every transform call: the resource, and whether the transform changed it. */
    readonly calls: { resource: string; changed: boolean }[] = [];
    private readonly transforms: { target: string; token: string }[] = [];
    private readonly clients = new Map<string, callbackGrpc.CallbacksClient>();

    private constructor() {}

    /** Adds stack transforms to the mock monitor of the engine started last. */
    static install(): TransformEngine {
        const engine = new TransformEngine();
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const state = require("@pulumi/pulumi/runtime/state") as {
            getStore(): { supportsTransforms: boolean };
        };
        state.getStore().supportsTransforms = true;
        const monitor = pulumi.runtime.getMonitor() as any;
        monitor.registerStackTransform = (
            req: callbackPb.Callback,
            callback: (err: Error | null, resp: Empty) => void,
        ) => {
            engine.transforms.push({ target: req.getTarget(), token: req.getToken() });
            callback(null, new Empty());
        };
        const recordAndRegister = monitor.registerResource.bind(monitor);
        monitor.registerResource = (
            req: resourcePb.RegisterResourceRequest,
            callback: (err: unknown, resp: unknown) => void,
        ) => {
            const label = `${req.getType()}::${req.getName()}`;
            engine.applyTransforms(req).then(
                () => {
                    engine.events.push(`registered ${label}`);
                    recordAndRegister(req, (err: unknown, resp: unknown) => {
                        engine.events.push(`done ${label}`);
                        callback(err, resp);
                    });
                },
                (err: unknown) => callback(err, undefined),
            );
        };
        return engine;
    }

    /** Closes the gRPC clients this engine opened. */
    close(): void {
        for (const client of this.clients.values()) {
            client.close();
        }
    }

    private client(target: string): callbackGrpc.CallbacksClient {
        let client = this.clients.get(target);
        if (client === undefined) {
            client = new callbackGrpc.CallbacksClient(target, grpc.credentials.createInsecure());
            this.clients.set(target, client);
        }
        return client;
    }

    private async applyTransforms(req: resourcePb.RegisterResourceRequest): Promise<void> {
        if (this.transforms.length === 0) {
            return;
        }
        let properties = req.getObject();
        let options = optionsOf(req);
        for (const { target, token } of this.transforms) {
            const request = new resourcePb.TransformRequest();
            request.setType(req.getType());
            request.setName(req.getName());
            request.setCustom(req.getCustom());
            request.setParent(req.getParent());
            request.setProperties(properties);
            request.setOptions(options);
            const invoke = new callbackPb.CallbackInvokeRequest();
            invoke.setToken(token);
            invoke.setRequest(request.serializeBinary());
            const bytes = await new Promise<Uint8Array>((resolve, reject) =>
                this.client(target).invoke(invoke, (err, resp) =>
                    err ? reject(err) : resolve(resp.getResponse_asU8()),
                ),
            );
            const response = resourcePb.TransformResponse.deserializeBinary(bytes);
            const before = JSON.stringify(properties?.toJavaScript());
            properties = response.getProperties() ?? properties;
            options = response.getOptions() ?? options;
            this.calls.push({
                resource: `${req.getType()}::${req.getName()}`,
                changed: JSON.stringify(properties?.toJavaScript()) !== before,
            });
        }
        req.setObject(properties);
        // The options the engine takes from a stack transform's result (dependencies excepted).
        req.setProvider(options.getProvider());
        req.setIgnorechangesList(options.getIgnoreChangesList());
        req.setReplaceonchangesList(options.getReplaceOnChangesList());
        req.setAdditionalsecretoutputsList(options.getAdditionalSecretOutputsList());
        if (options.hasProtect()) {
            req.setProtect(options.getProtect() === true);
        }
        if (options.hasRetainOnDelete()) {
            req.setRetainondelete(options.getRetainOnDelete() === true);
        }
    }
}

/** The options the engine passes to a transform, from the request (`TransformResourceOptions{...}`). */
function optionsOf(req: resourcePb.RegisterResourceRequest): resourcePb.TransformResourceOptions {
    const options = new resourcePb.TransformResourceOptions();
    options.setDependsOnList(req.getDependenciesList());
    options.setProvider(req.getProvider());
    options.setIgnoreChangesList(req.getIgnorechangesList());
    options.setReplaceOnChangesList(req.getReplaceonchangesList());
    options.setVersion(req.getVersion());
    options.setPluginDownloadUrl(req.getPlugindownloadurl());
    options.setDeletedWith(req.getDeletedwith());
    options.setAdditionalSecretOutputsList(req.getAdditionalsecretoutputsList());
    const protect = optionalBool(req, "Protect");
    if (protect !== undefined) {
        options.setProtect(protect);
    }
    const retainOnDelete = optionalBool(req, "Retainondelete");
    if (retainOnDelete !== undefined) {
        options.setRetainOnDelete(retainOnDelete);
    }
    if (req.getDeletebeforereplace()) {
        options.setDeleteBeforeReplace(true);
    }
    return options;
}
