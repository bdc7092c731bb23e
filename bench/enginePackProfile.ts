/**
 * A `--require` preload for `npm run bench:engine`'s profile step: where a policy pack process's
 * time goes during a real `pulumi preview --policy-pack`. Given through NODE_OPTIONS, it loads in
 * every Node process of the preview but acts only in the pack's (`run-policy-pack` in argv), where
 * it appends one JSON line per measure to `$ENCRYPTED_LOGS_BENCH_PROFILE`:
 *
 * - `listening`: ms from the process's start to the gRPC server's port (what the CLI waits for);
 * - `rpc`: each Analyze / AnalyzeStack / Remediate call, from its arrival to its answer;
 * - `deserialize`: the time in `@pulumi/policy`'s `deserializeProperties` per call of that RPC
 *   (AnalyzeStack calls it once per resource per stack policy);
 * - `rpc` lines also carry `cpuMs`, the process's CPU time (user + system) so far;
 * - `policy`: each policy's own validate function, per call.
 *
 * It only wraps functions (no change to what they return) and never writes to stdout: the pack's
 * first stdout line must be its port. Not part of the timed runs: wrapping costs time.
 */
import * as fs from "node:fs";
import Module from "node:module";
import { performance } from "node:perf_hooks";

const OUT = process.env.ENCRYPTED_LOGS_BENCH_PROFILE;
const ACTIVE = OUT !== undefined && process.argv.some((a) => a.includes("run-policy-pack"));

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Fn = (...args: any[]) => unknown;

function record(entry: Record<string, unknown>): void {
    if (OUT !== undefined) {
        fs.appendFileSync(OUT, JSON.stringify({ pid: process.pid, ...entry }) + "\n");
    }
}

function cpuMs(): number {
    const cpu = process.cpuUsage();
    return (cpu.user + cpu.system) / 1000;
}

/** The RPC being served now, for attributing deserialization time. */
let current: { name: string; deserializeMs: number; deserializeCalls: number } | undefined;
const patched = new WeakSet<object>();

function patchGrpc(grpc: { Server: { prototype: Record<string, Fn> } }): void {
    const proto = grpc.Server.prototype;
    if (patched.has(proto)) {
        return;
    }
    patched.add(proto);
    const addService = proto.addService;
    proto.addService = function (this: unknown, service: unknown, handlers: Record<string, Fn>) {
        const wrapped: Record<string, Fn> = {};
        for (const [name, handler] of Object.entries(handlers)) {
            wrapped[name] = function (this: unknown, call: unknown, callback: Fn) {
                const started = performance.now();
                const mine = { name, deserializeMs: 0, deserializeCalls: 0 };
                current = mine;
                const done = (...args: unknown[]) => {
                    record({
                        kind: "rpc",
                        name,
                        ms: performance.now() - started,
                        deserializeMs: mine.deserializeMs,
                        deserializeCalls: mine.deserializeCalls,
                        // The pack process's CPU time so far (user + system), ms.
                        cpuMs: cpuMs(),
                    });
                    if (current === mine) {
                        current = undefined;
                    }
                    return callback(...args);
                };
                return handler.call(this, call, done);
            };
        }
        return addService.call(this, service, wrapped);
    };
    const bindAsync = proto.bindAsync;
    proto.bindAsync = function (this: unknown, address: unknown, creds: unknown, cb: Fn) {
        return bindAsync.call(this, address, creds, (...args: unknown[]) => {
            record({ kind: "listening", ms: performance.now(), cpuMs: cpuMs() });
            return cb(...args);
        });
    };
}

function patchDeserialize(mod: Record<string, Fn>): void {
    if (patched.has(mod)) {
        return;
    }
    patched.add(mod);
    const original = mod.deserializeProperties;
    mod.deserializeProperties = function (this: unknown, ...args: unknown[]) {
        const started = performance.now();
        try {
            return original.apply(this, args);
        } finally {
            if (current !== undefined) {
                current.deserializeMs += performance.now() - started;
                current.deserializeCalls++;
            }
        }
    };
}

interface AnyPolicy {
    name: string;
    validateResource?: Fn | Fn[];
    validateStack?: Fn;
}

function timed(policy: string, kind: string, fn: Fn): Fn {
    return function (this: unknown, ...args: unknown[]) {
        const started = performance.now();
        const out = fn.apply(this, args);
        const finish = () =>
            record({ kind: "policy", policy, fn: kind, ms: performance.now() - started });
        if (out instanceof Promise) {
            return out.finally(finish);
        }
        finish();
        return out;
    };
}

function patchServer(mod: Record<string, Fn>): void {
    if (patched.has(mod)) {
        return;
    }
    patched.add(mod);
    const serve = mod.serve;
    mod.serve = function (this: unknown, ...args: unknown[]) {
        // serve(name, version, enforcementLevel, { policies, … }, config): copies of the policies
        // with timed validate functions; the pack's own objects are left as they are.
        const packArgs = args[3] as { policies?: AnyPolicy[] };
        const policies = (packArgs.policies ?? []).map((p) => {
            const copy: AnyPolicy = { ...p };
            if (typeof p.validateStack === "function") {
                copy.validateStack = timed(p.name, "stack", p.validateStack);
            }
            if (typeof p.validateResource === "function") {
                copy.validateResource = timed(p.name, "resource", p.validateResource);
            } else if (Array.isArray(p.validateResource)) {
                copy.validateResource = p.validateResource.map((f) => timed(p.name, "resource", f));
            }
            return copy;
        });
        return serve.call(
            this,
            args[0],
            args[1],
            args[2],
            { ...packArgs, policies },
            ...args.slice(4),
        );
    };
}

if (ACTIVE) {
    record({ kind: "start", argv: process.argv.slice(1) });
    type Loader = (this: unknown, request: string, parent: unknown, isMain: boolean) => unknown;
    const M = Module as unknown as { _load: Loader; _resolveFilename: Fn };
    const load = M._load;
    M._load = function (this: unknown, request: string, parent: unknown, isMain: boolean) {
        const exported = load.call(this, request, parent, isMain) as Record<string, Fn>;
        let file = "";
        try {
            file = String(M._resolveFilename(request, parent, isMain));
        } catch {
            return exported;
        }
        const f = file.split("\\").join("/");
        if (f.includes("/@grpc/grpc-js/") && f.endsWith("/build/src/index.js")) {
            patchGrpc(exported as unknown as { Server: { prototype: Record<string, Fn> } });
        } else if (f.endsWith("/@pulumi/policy/deserialize.js")) {
            patchDeserialize(exported);
        } else if (f.endsWith("/@pulumi/policy/server.js")) {
            patchServer(exported);
        }
        return exported;
    };
}
