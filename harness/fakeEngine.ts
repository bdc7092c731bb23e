/**
 * The engine side of the gRPC conversation every plugin has with the Pulumi CLI: a policy pack and
 * a component provider both get the engine's address and call `Log`, `GetRootResource` and
 * `SetRootResource` on it (`proto/pulumi/engine.proto`). One fake serves both harnesses.
 */
import * as grpc from "@grpc/grpc-js";
import * as engineGrpc from "@pulumi/pulumi/proto/engine_grpc_pb";
import * as enginePb from "@pulumi/pulumi/proto/engine_pb";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";

/** A recorded `Log` call from a plugin to the engine. */
export interface EngineLog {
    readonly severity: number;
    readonly message: string;
    readonly urn: string;
}

/**
 * A fake engine service that appends every `Log` call to `logs` and answers `GetRootResource` with
 * `rootUrn` (`""`: none). Not bound yet: pass it to {@link bindLocal}.
 */
export function fakeEngine(logs: EngineLog[], rootUrn = ""): grpc.Server {
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
        getRootResource: (_: unknown, cb: grpc.sendUnaryData<enginePb.GetRootResourceResponse>) =>
            cb(null, new enginePb.GetRootResourceResponse().setUrn(rootUrn)),
        setRootResource: (_: unknown, cb: grpc.sendUnaryData<enginePb.SetRootResourceResponse>) =>
            cb(null, new enginePb.SetRootResourceResponse()),
        startDebugging: (_: unknown, cb: grpc.sendUnaryData<Empty>) => cb(null, new Empty()),
        requirePulumiVersion: (_: unknown, cb: grpc.sendUnaryData<Empty>) => cb(null, new Empty()),
    });
    return engine;
}

/** Binds a server to a free port on 127.0.0.1 and returns the port. */
export function bindLocal(server: grpc.Server): Promise<number> {
    return new Promise((resolve, reject) =>
        server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (err, port) =>
            err ? reject(err) : resolve(port),
        ),
    );
}
