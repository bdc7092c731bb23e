/**
 * Reads each resource's properties once per request, however many policies look at them.
 *
 * `@pulumi/policy` 1.21 (`server.js`, `makeAnalyzeStackRpcFun`) rebuilds the whole resource list
 * for every stack policy: each one calls `deserializeProperties(r.getProperties(), false)` on every
 * resource of the request, and `makeAnalyzeRpcFun` does the same per resource policy. The
 * protobuf `Struct` it reads is the same object each time (`req.getResourcesList()` is read once
 * per request), so the result can be kept for that object: this pack's stack policies then pay
 * one deserialization of the stack between them instead of one each, which was most of what the
 * pack added to a large preview (BENCHMARKS.md, "Policy packs").
 *
 * Safe because nothing in this process changes a deserialized value: every policy of the pack
 * reads properties only (through `@pulumi/policy`'s unknown-checking proxy, which each policy still
 * gets afresh), and the copies kept are the library's own results for an identical input. Only
 * `proxySecrets: false` results are kept: remediations (`proxySecrets: true`) may change theirs.
 * The cache is a `WeakMap` keyed by the request's own objects, so it lives as long as the request.
 * When the library's shape is not the one this was written against (a future version), the pack
 * runs as before, each policy deserializing for itself.
 */

/** The part of `@pulumi/policy/deserialize` this reads. */
interface DeserializeModule {
    deserializeProperties: (outputsStruct: object, proxySecrets: boolean) => unknown;
}

/** Marks the replacement, so that installing twice keeps one layer. */
const INSTALLED = Symbol.for("pulumi-aws-encrypted-logs.deserializeOnce");

/**
 * Makes `@pulumi/policy`'s `deserializeProperties` keep its result per `Struct` object (see the
 * file's comment). Returns whether it did: false when the module cannot be loaded or does not have
 * the expected shape.
 */
export function deserializeOnce(load: (id: string) => unknown = require): boolean {
    let module: Partial<DeserializeModule> & { [INSTALLED]?: boolean };
    try {
        module = load("@pulumi/policy/deserialize") as typeof module;
    } catch {
        return false;
    }
    const original = module.deserializeProperties;
    if (typeof original !== "function") {
        return false;
    }
    if (module[INSTALLED] === true) {
        return true;
    }
    const kept = new WeakMap<object, unknown>();
    module.deserializeProperties = (outputsStruct: object, proxySecrets: boolean): unknown => {
        if (proxySecrets || outputsStruct === null || typeof outputsStruct !== "object") {
            return original(outputsStruct, proxySecrets);
        }
        if (kept.has(outputsStruct)) {
            return kept.get(outputsStruct);
        }
        const value = original(outputsStruct, proxySecrets);
        kept.set(outputsStruct, value);
        return value;
    };
    module[INSTALLED] = true;
    return true;
}
