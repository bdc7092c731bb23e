/**
 * Reading resource properties as the engine sent them, without tripping `@pulumi/policy`'s
 * unknown-checking proxy.
 *
 * `@pulumi/policy` hands policies `props` wrapped in a Proxy whose `get` trap throws
 * `UnknownValueError` when the value read is one of the engine's "unknown" sentinels (a value that
 * is only known after deploy, such as the ARN of a key created in the same preview). A resource
 * policy that throws it is turned into an advisory "can't run policy ... during preview", and in a
 * stack policy the first such read aborts the policy for every resource after it. The Proxy has
 * no `has`, `ownKeys` or `getOwnPropertyDescriptor` trap, so `key in props`, `Object.keys(props)`
 * and `Object.getOwnPropertyDescriptor(props, key)` reach the target object directly: that is how
 * this module reads values, and unknowns come back as {@link UNKNOWN}.
 */

/**
 * The engine's unknown sentinels, one per property type (`UnknownStringValue`, ... in the Pulumi
 * engine's `sdk/go/common/resource/plugin/rpc.go`; the same strings are `unknown*Value` in
 * `@pulumi/policy`'s `proxy.js`). A property that is unknown at preview arrives as one of these.
 */
export const UNKNOWN_SENTINELS: readonly string[] = [
    "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7", // boolean
    "3eeb2bf0-c639-47a8-9e75-3b44932eb421", // number
    "04da6b54-80e4-46f7-96ec-b56ff0331ba9", // string
    "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2", // array
    "030794c1-ac77-496b-92df-f27374a8bd58", // asset
    "e48ece36-62e2-4504-bad9-02848725956a", // archive
    "dd056dcd-154b-4c76-9bd3-c8f88648b5ff", // object
];
const sentinels = new Set(UNKNOWN_SENTINELS);

/** A value that is not known yet (at preview): returned by the readers below instead of a sentinel. */
export const UNKNOWN: unique symbol = Symbol("unknown at preview");
/** The type of {@link UNKNOWN}. */
export type Unknown = typeof UNKNOWN;

/** Whether `value` is one of the engine's unknown sentinels. */
export function isUnknownSentinel(value: unknown): boolean {
    return typeof value === "string" && sentinels.has(value);
}

/**
 * The property `key` of `props` (a `@pulumi/policy` props proxy or a plain object) without going
 * through the proxy's `get` trap: `undefined` when absent or null, {@link UNKNOWN} when unknown.
 * Never throws.
 */
export function readProperty(props: unknown, key: string): unknown {
    if (props === null || typeof props !== "object") {
        return undefined;
    }
    let value: unknown;
    try {
        value = Object.getOwnPropertyDescriptor(props, key)?.value;
    } catch {
        return undefined;
    }
    if (value === null || value === undefined) {
        return undefined;
    }
    return isUnknownSentinel(value) ? UNKNOWN : value;
}

/** {@link readProperty} of each of `keys`, in order. */
export function readProperties(props: unknown, keys: readonly string[]): unknown[] {
    return keys.map((key) => readProperty(props, key));
}

/** {@link readProperty} narrowed to a string: a known string, {@link UNKNOWN}, or `undefined` (absent or another type). */
export function readString(props: unknown, key: string): string | Unknown | undefined {
    return asString(readProperty(props, key));
}

/** A value read with {@link readProperty}, narrowed to a string (or unknown). */
export function asString(value: unknown): string | Unknown | undefined {
    return value === UNKNOWN || typeof value === "string" ? value : undefined;
}

/** {@link readProperty} narrowed to a boolean (`"true"`/`"false"` strings accepted, as the engine may send them). */
export function readBoolean(props: unknown, key: string): boolean | Unknown | undefined {
    return asBoolean(readProperty(props, key));
}

/** A value read with {@link readProperty}, narrowed to a boolean as {@link readBoolean} does. */
export function asBoolean(value: unknown): boolean | Unknown | undefined {
    if (value === UNKNOWN || typeof value === "boolean") {
        return value;
    }
    if (value === "true" || value === "false") {
        return value === "true";
    }
    return undefined;
}

/** Whether `value` (read with {@link readProperty}) contains an unknown anywhere inside it. */
export function containsUnknown(value: unknown): boolean {
    if (value === UNKNOWN || isUnknownSentinel(value)) {
        return true;
    }
    if (Array.isArray(value)) {
        return value.some(containsUnknown);
    }
    if (value !== null && typeof value === "object") {
        return Object.values(value).some(containsUnknown);
    }
    return false;
}

/**
 * The signature key and value the engine marks a secret with on the wire (Go `resource.SigKey`
 * and `resource.SecretSig`; `specialSigKey` and `specialSecretSig` in `@pulumi/pulumi`'s
 * `runtime/rpc.js`): `{ "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", value }`.
 */
export const SECRET_SIG = {
    key: "4dabf18193072939515e22adb298388d",
    value: "1b47061264138c4ac30d75fd1eb44270",
} as const;

/** The signature of a resource reference on the wire (Go `resource.ResourceReferenceSig`), under {@link SECRET_SIG}'s key. */
export const RESOURCE_REFERENCE_SIG = "5cf8f73096256a8f31e491e813e4eb8e";

/**
 * Whether `value` is a secret as the pack may receive it: the wire's secret object, or
 * `@pulumi/policy`'s `Secret` (what `Remediate` hands policies, `deserializeProperties(..., true)`:
 * `value = new policy_1.Secret(value)`), recognised by its class name and its one `value` field so
 * that this module needs no runtime import of `@pulumi/policy`.
 */
function isSecretWrapper(value: object): value is { value: unknown } {
    const record = value as Record<string, unknown>;
    if (record[SECRET_SIG.key] === SECRET_SIG.value) {
        return true;
    }
    const keys = Object.keys(value);
    return value.constructor?.name === "Secret" && keys.length === 1 && keys[0] === "value";
}

/**
 * `value` with every secret inside it replaced by its plain value, deeply (a copy; `value` is
 * not changed). Unknowns stay as they are.
 */
export function unwrapSecrets(value: unknown): unknown {
    if (value === null || typeof value !== "object") {
        return value;
    }
    if (isSecretWrapper(value)) {
        return unwrapSecrets(value.value);
    }
    // Read through property descriptors, never the props proxy's `get` trap, which throws on an
    // unknown value (a stack output unknown at preview, say): see this file's comment.
    const own = (k: string | number): unknown =>
        Object.getOwnPropertyDescriptor(value, String(k))?.value;
    if (Array.isArray(value)) {
        return Array.from({ length: value.length }, (_, i) => unwrapSecrets(own(i)));
    }
    return Object.fromEntries(Object.keys(value).map((k) => [k, unwrapSecrets(own(k))]));
}

/** A plain object (not an array), or UNKNOWN, or undefined. */
export function readObject(
    props: unknown,
    key: string,
): Record<string, unknown> | Unknown | undefined {
    const value = readProperty(props, key);
    if (value === UNKNOWN) {
        return UNKNOWN;
    }
    return value !== null && typeof value === "object" && !Array.isArray(value)
        ? (value as Record<string, unknown>)
        : undefined;
}
