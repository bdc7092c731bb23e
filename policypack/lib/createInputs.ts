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
 */
import { KEY_TYPES } from "./targets";
import { readProperty } from "./wire";

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

/** Records which defaulted properties the inputs of `urn` (a key, as `Analyze` sees it) leave out. */
export function recordKeyInputs(urn: string, type: string, inputs: unknown): void {
    if (KEY_TYPES[type] === undefined) {
        return;
    }
    absent.set(
        urn,
        new Set(DEFAULTED_AT_CREATE.filter((p) => readProperty(inputs, p) === undefined)),
    );
}

/** The properties the inputs of key `urn` leave to AWS's default (none when `Analyze` did not see it). */
export function defaultedAtCreate(urn: string): ReadonlySet<string> {
    return absent.get(urn) ?? NONE;
}
