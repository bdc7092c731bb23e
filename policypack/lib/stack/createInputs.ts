/**
 * What a key's creation leaves to AWS. At `pulumi preview` the engine sends `AnalyzeStack` the
 * outputs the provider planned, and the aws provider plans an optional input it computes itself
 * (an `aws.kms.Key` without `policy` or `multiRegion`) as unknown until the key exists; the
 * inputs, which say the program left it out, reach only `Analyze` (the analyzer protocol's
 * `AnalyzeStackRequest` carries each resource's `properties`, its outputs, and nothing else). So
 * the pack records, per key, which of these properties its inputs leave out, when `Analyze` sees
 * the key, and the key's facts then read such an unknown output as absent: AWS's default at create.
 *
 * The defaults (AWS KMS API Reference, CreateKey,
 * https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateKey.html): `Policy`: "If you do not
 * provide a key policy, AWS KMS attaches a default key policy to the KMS key"; `MultiRegion`:
 * "Default: False"; `KeySpec`: "Default: SYMMETRIC_DEFAULT"; `KeyUsage`: "Default: ENCRYPT_DECRYPT";
 * `Origin`: "Default: AWS_KMS"; `CustomKeyStoreId` and `XksKeyId` absent: a key in AWS KMS's own
 * store. Rotation (EnableKeyRotation, https://docs.aws.amazon.com/kms/latest/APIReference/API_EnableKeyRotation.html)
 * is off until enabled: the aws.kms.Key documentation's `enableKeyRotation` "Defaults to `false`".
 *
 * The record lives in the analyzer process, which serves one command (`pulumi preview`, `up`,
 * `policy analyze`); the first `Analyze` of a run (the stack resource's) clears it. A pack that
 * reuses the usable policy without `log-encryption-key-required` records nothing, and such keys
 * stay "cannot verify yet", as before.
 *
 * The same holds for the resources that write logs (`destinations/`): a row's `defaultedInputs`
 * (a Step Functions state machine's `loggingConfiguration`, which the provider computes and a
 * preview reports unknown when the program leaves it out: measured under the real CLI v3.248.0,
 * tests/engine/readGroup.test.ts) are read as absent, AWS's default, when the inputs leave them out.
 */
import { KEY_TYPES } from "./targets";
import { UNKNOWN, readProperty } from "./wire";

/** The key properties whose absence at create means AWS's documented default. */
const DEFAULTED_AT_CREATE: readonly string[] = [
    "policy",
    "keyPolicy",
    "multiRegion",
    "customerMasterKeySpec",
    "keySpec",
    "keyUsage",
    "origin",
    "customKeyStoreId",
    "xksKeyId",
    "enableKeyRotation",
];

const NONE: ReadonlySet<string> = new Set();
const absent = new Map<string, ReadonlySet<string>>();

/** Forgets every record (at the start of a run). */
export function forgetKeyInputs(): void {
    absent.clear();
}

/**
 * The properties of a resource type whose absence at create means AWS's default: a key's, or
 * those `writerDefaults` gives for a resource that writes logs (a destination row's
 * `defaultedInputs`; passed in so that reading the stack does not depend on the destination table).
 */
export function defaultedProperties(
    type: string,
    writerDefaults: (type: string) => readonly string[] | undefined,
): readonly string[] | undefined {
    return KEY_TYPES[type] !== undefined ? DEFAULTED_AT_CREATE : writerDefaults(type);
}

/**
 * Records which defaulted properties the inputs of `urn` (a key, or a resource that writes logs,
 * as `Analyze` sees it) leave out.
 */
export function recordKeyInputs(
    urn: string,
    properties: readonly string[] | undefined,
    inputs: unknown,
): void {
    if (properties === undefined || properties.length === 0) {
        return;
    }
    absent.set(urn, new Set(properties.filter((p) => readProperty(inputs, p) === undefined)));
}

/**
 * A resource's properties with the unknown ones its inputs left to AWS's default removed (read as
 * absent); `props` itself when there are none. The copy is shallow and plain: values are read
 * through {@link readProperty}'s path, never the `@pulumi/policy` proxy's `get` trap.
 */
export function inputsFirst(urn: string, props: unknown): unknown {
    const left = absent.get(urn);
    if (left === undefined || props === null || typeof props !== "object") {
        return props;
    }
    const dropped = [...left].filter((p) => readProperty(props, p) === UNKNOWN);
    if (dropped.length === 0) {
        return props;
    }
    const copy: Record<string, unknown> = {};
    for (const key of Object.keys(props)) {
        if (!dropped.includes(key)) {
            copy[key] = Object.getOwnPropertyDescriptor(props, key)?.value;
        }
    }
    return copy;
}

/** The properties the inputs of key `urn` leave to AWS's default (none when `Analyze` did not see it). */
export function defaultedAtCreate(urn: string): ReadonlySet<string> {
    return absent.get(urn) ?? NONE;
}
