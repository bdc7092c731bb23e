/**
 * A fake of the engine's resource monitor (pulumi/pulumi `pkg/resource/deploy/source_eval.go`) for
 * a component package under test: the `SupportsFeature` list, URNs
 * `urn:pulumi:<stack>::<project>::<parent types$>type::<name>`, invokes and resource outputs
 * computed by {@link MockEngine}; it records every registration and invoke. With it, the engine's
 * property encoding read back as plain data ({@link plainValue}).
 */
import * as grpc from "@grpc/grpc-js";
import * as providerPb from "@pulumi/pulumi/proto/provider_pb";
import * as resourceGrpc from "@pulumi/pulumi/proto/resource_grpc_pb";
import * as resourcePb from "@pulumi/pulumi/proto/resource_pb";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { MockEngine } from "../testing/mockEngine";
import { RESOURCE_REFERENCE_SIG, SECRET_SIG } from "../policypack/lib/stack/wire";

/** Signatures of the special values in the engine's property encoding (Go: `resource.SigKey`...). */
const SIG_KEY = SECRET_SIG.key;
const SIG = {
    secret: SECRET_SIG.value,
    resourceReference: RESOURCE_REFERENCE_SIG,
    outputValue: "d0e6a833031e9bbcd3f4e8bde6ca49a4",
} as const;
const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** What the engine's monitor answers `true` to (source_eval.go `supportsFeatureID`). */
const ENGINE_FEATURES = new Set([
    "secrets",
    "resourceReferences",
    "outputValues",
    "aliasSpecs",
    "replacementTrigger",
    "deletedWith",
    "replaceWith",
    "transforms",
    "invokeTransforms",
    "parameterization",
    "resourceHooks",
]);

/** A marker for a value the engine has as unknown. */
export const UNKNOWN_VALUE = "<unknown>";

/**
 * A property value in the engine's wire form as plain data: secrets and output values become their
 * value, resource references their URN, unknowns {@link UNKNOWN_VALUE}.
 */
export function plainValue(value: unknown): unknown {
    if (value === UNKNOWN) {
        return UNKNOWN_VALUE;
    }
    if (Array.isArray(value)) {
        return value.map(plainValue);
    }
    if (value !== null && typeof value === "object") {
        const object = value as Record<string, unknown>;
        switch (object[SIG_KEY]) {
            case SIG.secret:
                return plainValue(object.value);
            case SIG.resourceReference:
                return object.urn;
            case SIG.outputValue:
                return "value" in object ? plainValue(object.value) : UNKNOWN_VALUE;
        }
        return Object.fromEntries(Object.entries(object).map(([k, v]) => [k, plainValue(v)]));
    }
    return value;
}

/** One `RegisterResource` the monitor received. */
export interface Registration {
    readonly type: string;
    readonly name: string;
    readonly urn: string;
    readonly parent: string;
    readonly custom: boolean;
    readonly provider: string;
    /** The inputs, as plain data (see {@link plainValue}). */
    readonly inputs: Record<string, unknown>;
    readonly dependencies: string[];
    readonly retainOnDelete: boolean | undefined;
    readonly replaceOnChanges: string[];
}

/**
 * A resource monitor answering as the engine's does, recording into `registrations` and
 * `invokes`; URNs are under `stack` of `project`.
 */
export function fakeMonitor(
    answers: MockEngine,
    registrations: Registration[],
    invokes: string[],
    stack: string,
    project: string,
): grpc.Server {
    const monitor = new grpc.Server();
    monitor.addService(resourceGrpc.ResourceMonitorService, {
        supportsFeature: (
            call: grpc.ServerUnaryCall<resourcePb.SupportsFeatureRequest, unknown>,
            cb: grpc.sendUnaryData<resourcePb.SupportsFeatureResponse>,
        ) =>
            cb(
                null,
                new resourcePb.SupportsFeatureResponse().setHassupport(
                    ENGINE_FEATURES.has(call.request.getId()),
                ),
            ),
        registerPackage: (_: unknown, cb: grpc.sendUnaryData<resourcePb.RegisterPackageResponse>) =>
            cb(null, new resourcePb.RegisterPackageResponse().setRef("package-ref")),
        invoke: invokeHandler(answers, invokes),
        registerResource: registerResourceHandler(answers, registrations, stack, project),
        registerResourceOutputs: (_: unknown, cb: grpc.sendUnaryData<Empty>) =>
            cb(null, new Empty()),
    });
    return monitor;
}

/** `Invoke`: the token recorded in `invokes`, the result {@link MockEngine}'s. */
function invokeHandler(answers: MockEngine, invokes: string[]) {
    return (
        call: grpc.ServerUnaryCall<resourcePb.ResourceInvokeRequest, unknown>,
        cb: grpc.sendUnaryData<providerPb.InvokeResponse>,
    ) => {
        try {
            const token = call.request.getTok();
            invokes.push(token);
            const result = answers.call({
                token,
                inputs: plainValue(call.request.getArgs()?.toJavaScript() ?? {}) as Record<
                    string,
                    unknown
                >,
                provider: call.request.getProvider() || undefined,
            });
            cb(null, new providerPb.InvokeResponse().setReturn(Struct.fromJavaScript(result)));
        } catch (e) {
            cb(e as Error, null);
        }
    };
}

/**
 * `RegisterResource`: the engine's URN, the registration recorded in `registrations`, and for a
 * custom resource the id and state {@link MockEngine} computes.
 */
function registerResourceHandler(
    answers: MockEngine,
    registrations: Registration[],
    stack: string,
    project: string,
) {
    return (
        call: grpc.ServerUnaryCall<resourcePb.RegisterResourceRequest, unknown>,
        cb: grpc.sendUnaryData<resourcePb.RegisterResourceResponse>,
    ) => {
        const req = call.request;
        const parent = req.getParent();
        const parentType = parent === "" ? "" : parent.split("::")[2];
        const qualified =
            parentType === "" || parentType === "pulumi:pulumi:Stack"
                ? req.getType()
                : `${parentType}$${req.getType()}`;
        const urn = `urn:pulumi:${stack}::${project}::${qualified}::${req.getName()}`;
        const inputs = plainValue(req.getObject()?.toJavaScript() ?? {}) as Record<string, unknown>;
        registrations.push({
            type: req.getType(),
            name: req.getName(),
            urn,
            parent,
            custom: req.getCustom(),
            provider: req.getProvider(),
            inputs,
            dependencies: req.getDependenciesList(),
            retainOnDelete: req.hasRetainondelete() ? req.getRetainondelete() : undefined,
            replaceOnChanges: req.getReplaceonchangesList(),
        });
        const resp = new resourcePb.RegisterResourceResponse().setUrn(urn);
        if (req.getCustom()) {
            const { id, state } = answers.newResource({
                type: req.getType(),
                name: req.getName(),
                inputs,
                provider: req.getProvider(),
                custom: true,
            });
            resp.setId(id ?? "").setObject(Struct.fromJavaScript(state));
        } else {
            resp.setObject(Struct.fromJavaScript({}));
        }
        cb(null, resp);
    };
}
