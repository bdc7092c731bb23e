/**
 * The facts of one log group, anomaly detector or trail: everything the rules judge, read from the
 * stack once per target. How its key was found, the key's reference and ARN, the target's own
 * region and the region its key must be in (a trail's: its S3 bucket's), the key's region, spec,
 * multi-Region-ness, rotation and policy, and the account. Rules read only this record.
 */
import { parse as parseArn } from "@aws-sdk/util-arn-parser";
import {
    CloudTrailKeyReference,
    KmsKeyArn,
    parseCloudTrailKeyReference,
    parseKmsKeyArn,
} from "../../../aws/arn";
import { BucketKeyFacts, bucketKeyOf } from "./bucketKey";
import { KeyResolution, resolveKey } from "../stack/keyResolution";
import {
    Region,
    StackConfiguration,
    partitionOfRegion,
    providerAccount,
    regionOf,
    resolveRegion,
} from "../stack/location";
import { PublishedKey, describeStackReference } from "../stack/publishedKeys";
import { StackIndex, StackKey, StackResource } from "../stack/stackIndex";
import { TARGET_TYPES, TargetType } from "../stack/targets";
import {
    UNKNOWN,
    Unknown,
    asBoolean,
    asString,
    containsUnknown,
    readProperties,
    readProperty,
    readString,
} from "../stack/wire";

/** The region a target's key must be in, or why it cannot be known. */
export interface RequiredRegion {
    readonly region: Region | Unknown | undefined;
    /** Why the required region cannot be verified (a trail whose bucket is not in the stack). */
    readonly unverifiable?: string;
}

/** Whether a key rotates, as far as its inputs tell. */
export type RotationFact =
    /** Asymmetric, HMAC, imported-material, replica or custom-key-store keys cannot rotate automatically. */
    | { readonly kind: "cannot-rotate" }
    /** An input that decides it is unknown at preview. */
    | { readonly kind: "unknown" }
    /** `enableKeyRotation` as set (`undefined`: not set, which means off). */
    | { readonly kind: "known"; readonly enabled: boolean | undefined };

/** A key policy that applies, or may apply, to a target's key. */
export interface KeyPolicyFacts {
    /** The policy as written (a JSON string, or an object for AWS Native); `undefined`: none. */
    readonly value: unknown;
    /** How messages name it: `its key policy` or `the KMS key policy "p" (aws:kms/keyPolicy:KeyPolicy)`. */
    readonly source: string;
    /** Whether any part of it is unknown at preview. */
    readonly unknown: boolean;
}

/** What only a key the pack can read (a key in this stack) tells. */
export interface KeySettings {
    /** The key's ARN when known. */
    readonly arn: string | undefined;
    /** Key spec; absent means the provider's default, `SYMMETRIC_DEFAULT`. */
    readonly spec: string | Unknown;
    /** Key usage; absent means `ENCRYPT_DECRYPT`. */
    readonly usage: string | Unknown;
    readonly rotation: RotationFact;
    /** The policy that applies: a KeyPolicy whose keyId names the key, else the key's own. */
    readonly policy: KeyPolicyFacts;
    /** KeyPolicies whose keyId is unknown at preview and depends on the key: they may replace {@link policy}. */
    readonly possiblePolicies: readonly KeyPolicyFacts[];
    /**
     * A replica key: its id is its primary key's, not a new one.
     * @default false
     */
    readonly replica?: boolean;
}

/** The key of a target, when it is known: a key in the stack, a key another stack publishes, or a key ARN. */
export interface KeyFacts {
    /** How messages name the key: `KMS key "k" (aws:kms/key:Key)` or `KMS key arn:...`. */
    readonly description: string;
    readonly region: Region | Unknown | undefined;
    readonly multiRegion: boolean | Unknown;
    /** Why it counts as multi-Region, for messages (`its key id starts with mrk-`). */
    readonly multiRegionReason: string;
    /** Present for a key in this stack or a published one; a key known only by its ARN has no settings to judge. */
    readonly settings?: KeySettings;
    /** The component resource the key belongs to (its parent), e.g. `encrypted-logs:index:LogsKey`. */
    readonly owner?: { readonly type: string; readonly name: string };
}

/** Everything the rules judge about one target. */
export interface TargetFacts {
    /** The target itself (its URN and name decide exemptions and where findings are reported). */
    readonly target: StackResource;
    readonly type: TargetType;
    /** How messages name the target: `log group "app" (aws:cloudwatch/logGroup:LogGroup)`. */
    readonly subject: string;
    /** How the key was found, or why not. */
    readonly resolution: KeyResolution;
    /**
     * The key reference parsed, or why it is not in a form the service accepts: a key ARN for
     * CloudWatch Logs; for CloudTrail any of its four forms ({@link CloudTrailKeyReference}).
     * Absent when there is no known reference.
     */
    readonly keyArn?: {
        readonly arn?: KmsKeyArn;
        readonly error?: string;
        /** The form of a trail's reference. */
        readonly form?: CloudTrailKeyReference["form"];
    };
    /** The target's own name (it is in the encryption context). */
    readonly name: string | Unknown | undefined;
    /** The target's own ARN, when known (deployed anomaly detectors). */
    readonly arn: string | Unknown | undefined;
    /** The target's region. */
    readonly region: Region | Unknown | undefined;
    /** The partition and DNS suffix of that region, when it is known. */
    readonly partition?: { readonly partition: string; readonly dnsSuffix: string };
    /** The region its key must be in. */
    readonly requiredRegion: RequiredRegion;
    /** The account, from known ARNs or the provider; the key policy may name it when these do not. */
    readonly account: string | undefined;
    /** The key, when known. */
    readonly key?: KeyFacts;
    /** A trail's bucket that uses (or may use) an S3 Bucket Key (`bucketKey.ts`). */
    readonly bucketKey?: BucketKeyFacts;
}

/** `log group "app" (aws:cloudwatch/logGroup:LogGroup)`: how messages name a target. */
export function describeTarget(target: { readonly type: string; readonly name: string }): string {
    const type = TARGET_TYPES[target.type];
    return `${type?.kind ?? target.type} "${target.name}" (${target.type})`;
}

function describeKey(key: StackKey): string {
    return `KMS key "${key.resource.name}" (${key.resource.type})`;
}

/** The account in a known ARN, if it has a 12-digit one. */
function accountOfArn(arn: string | Unknown | undefined): string | undefined {
    if (typeof arn !== "string") {
        return undefined;
    }
    const account = arn.split(":")[4];
    return /^\d{12}$/.test(account ?? "") ? account : undefined;
}

/** The key reference in the forms the target's service accepts, or why it is none of them. */
function keyArnOf(
    reference: unknown,
    type: TargetType,
): NonNullable<TargetFacts["keyArn"]> & { trail?: CloudTrailKeyReference } {
    try {
        if (type.service === "cloudtrail") {
            const trail = parseCloudTrailKeyReference(type.keyProperty, reference);
            return {
                arn: trail.form === "key ARN" ? trail.key : undefined,
                form: trail.form,
                trail,
            };
        }
        return { arn: parseKmsKeyArn(type.keyProperty, reference) };
    } catch (e) {
        return { error: (e as Error).message };
    }
}

/**
 * A trail's key known only by a reference that is not a key ARN: an alias ARN tells the region
 * (the alias's, which is its key's), a key id whether it is multi-Region, an alias name neither.
 */
function referencedKeyFacts(trail: CloudTrailKeyReference): KeyFacts {
    switch (trail.form) {
        case "key ARN":
            return {
                description: `KMS key ${trail.key.arn}`,
                region: { region: trail.key.region, source: "its ARN" },
                multiRegion: trail.key.multiRegion,
                multiRegionReason: "its key id starts with mrk-",
            };
        case "alias ARN":
            return {
                description: `KMS alias ${trail.arn}`,
                region: { region: trail.region, source: "its alias ARN" },
                multiRegion: UNKNOWN,
                multiRegionReason: "",
            };
        case "alias name":
            return {
                description: `KMS alias ${trail.aliasName}`,
                region: undefined,
                multiRegion: UNKNOWN,
                multiRegionReason: "",
            };
        case "key id":
            return {
                description: `KMS key ${trail.keyId}`,
                region: undefined,
                multiRegion: trail.multiRegion,
                multiRegionReason: "its key id starts with mrk-",
            };
    }
}

/** The component a key belongs to: its parent, from the stack or (if absent) the parent's URN. */
function ownerOf(key: StackKey, index: StackIndex): KeyFacts["owner"] {
    const urn = key.resource.parentUrn;
    if (urn === undefined) {
        return undefined;
    }
    const parent = index.get(urn);
    if (parent !== undefined) {
        return { type: parent.type, name: parent.name };
    }
    // urn:pulumi:<stack>::<project>::<type chain, innermost last>::<name>
    const parts = urn.split("::");
    const chain = parts[2]?.split("$") ?? [];
    return parts.length >= 4 && chain.length > 0
        ? { type: chain[chain.length - 1], name: parts.slice(3).join("::") }
        : undefined;
}

/** The key's region: from its known ARN, else like any resource's. */
function keyRegion(key: StackKey, config: StackConfiguration): Region | Unknown | undefined {
    const arn = readString(key.resource.props, "arn");
    if (typeof arn === "string") {
        try {
            const parts = parseArn(arn);
            if (parts.region !== "") {
                return { region: parts.region, source: "its ARN" };
            }
        } catch {
            // fall through to the inputs
        }
    }
    return resolveRegion(key.resource.type, key.resource.props, key.resource.provider, config);
}

/**
 * A key property as the key will have it: an output unknown at preview whose input the program
 * left out is absent (AWS's default at create, `createInputs.ts`), not unknown.
 */
function keyProperty(key: StackKey, prop: string): unknown {
    const v = readProperty(key.resource.props, prop);
    return v === UNKNOWN && key.defaulted.has(prop) ? undefined : v;
}

/** {@link keyProperty} as a string (or unknown). */
function keyString(key: StackKey, prop: string): string | Unknown | undefined {
    return asString(keyProperty(key, prop));
}

/** {@link keyProperty} as a boolean (or unknown), `"true"`/`"false"` included. */
function keyBoolean(key: StackKey, prop: string): boolean | Unknown | undefined {
    return asBoolean(keyProperty(key, prop));
}

function keySpec(key: StackKey): { spec: string | Unknown; usage: string | Unknown } {
    // Absent means the provider's default (symmetric); present but not a string is shown as is.
    const read = (prop: string): string | Unknown | undefined => {
        const v = keyProperty(key, prop);
        return v === undefined || v === UNKNOWN || typeof v === "string" ? v : JSON.stringify(v);
    };
    let spec: string | Unknown = "SYMMETRIC_DEFAULT";
    for (const prop of key.type.specProperties) {
        const v = read(prop);
        if (v !== undefined) {
            spec = v;
            break;
        }
    }
    return { spec, usage: read("keyUsage") ?? "ENCRYPT_DECRYPT" };
}

function rotationOf(key: StackKey, spec: string | Unknown): RotationFact {
    if (key.type.importedMaterial || key.type.replica || spec !== "SYMMETRIC_DEFAULT") {
        return { kind: "cannot-rotate" }; // rotation is the primary's; asymmetric and HMAC keys cannot rotate
    }
    const store = keyString(key, "customKeyStoreId");
    const xks = keyString(key, "xksKeyId");
    const origin = keyString(key, "origin");
    if (
        (typeof store === "string" && store !== "") ||
        (typeof xks === "string" && xks !== "") ||
        (typeof origin === "string" && origin !== "AWS_KMS")
    ) {
        return { kind: "cannot-rotate" }; // keys in a custom key store or with imported material
    }
    const rotation = keyBoolean(key, "enableKeyRotation");
    if (rotation === UNKNOWN || store === UNKNOWN || origin === UNKNOWN) {
        return { kind: "unknown" };
    }
    return { kind: "known", enabled: rotation };
}

function policyFacts(key: StackKey, standAlone: StackResource | undefined): KeyPolicyFacts {
    const value =
        standAlone === undefined
            ? keyProperty(key, key.type.policyProperty)
            : readProperty(standAlone.props, "policy");
    return {
        value,
        source:
            standAlone === undefined
                ? "its key policy"
                : `the KMS key policy "${standAlone.name}" (${standAlone.type})`,
        unknown: value !== undefined && containsUnknown(value),
    };
}

function stackKeyFacts(key: StackKey, config: StackConfiguration, index: StackIndex): KeyFacts {
    const arn = readString(key.resource.props, "arn");
    const { spec, usage } = keySpec(key);
    let multiRegion: boolean | Unknown;
    let multiRegionReason: string;
    if (key.type.alwaysMultiRegion) {
        multiRegion = true;
        multiRegionReason = `${key.resource.type} is a replica of a multi-Region key`;
    } else if (typeof arn === "string" && /:key\/mrk-/.test(arn)) {
        multiRegion = true;
        multiRegionReason = "its key id starts with mrk-";
    } else {
        multiRegion = keyBoolean(key, "multiRegion") ?? false;
        multiRegionReason = "multiRegion: true";
    }
    return {
        description: describeKey(key),
        region: keyRegion(key, config),
        multiRegion,
        multiRegionReason,
        settings: {
            arn: typeof arn === "string" ? arn : undefined,
            spec,
            usage,
            rotation: rotationOf(key, spec),
            policy: policyFacts(key, key.keyPolicy),
            possiblePolicies: (key.possibleKeyPolicies ?? []).map((kp) => policyFacts(key, kp)),
            replica: key.type.replica,
        },
        owner: ownerOf(key, index),
    };
}

/**
 * The facts of a key another stack publishes (`publishedKeys.ts`), in the form a key of this
 * stack has, so every rule judges it the same way: its spec, usage, rotation and policy are the
 * published ones, its region the published region (checked against its ARN when read).
 */
function publishedKeyFacts(published: PublishedKey): KeyFacts {
    const { facts, path, stackReference } = published;
    const where = `published at ${path} of ${describeStackReference(stackReference)}`;
    const mrkId = /:key\/mrk-/.test(facts.arn);
    const symmetric = facts.keySpec === "SYMMETRIC_DEFAULT";
    return {
        description: `KMS key ${facts.arn} (${where})`,
        region: { region: facts.region, source: `its published facts` },
        multiRegion: facts.multiRegion || mrkId,
        multiRegionReason: mrkId
            ? "its key id starts with mrk-"
            : "its published facts say multiRegion: true",
        settings: {
            arn: facts.arn,
            spec: facts.keySpec,
            usage: facts.keyUsage,
            // Asymmetric and HMAC keys cannot rotate automatically, as for a key of this stack.
            rotation: symmetric
                ? { kind: "known", enabled: facts.enableKeyRotation }
                : { kind: "cannot-rotate" },
            policy: { value: facts.policy, source: "its published key policy", unknown: false },
            possiblePolicies: [],
        },
    };
}

/**
 * The facts of one target of the stack. Never throws. Reads the target's own properties once, then
 * finds its key and its bucket in the index, then works out regions and the account.
 */
export function targetFacts(
    index: StackIndex,
    target: StackResource,
    config: StackConfiguration,
): TargetFacts {
    const type = TARGET_TYPES[target.type];
    const own = readProperties(target.props, [
        type.keyProperty,
        type.nameProperty,
        "arn",
        "region",
        type.bucketProperty ?? "",
    ]);
    const [, name, arn, regionInput, bucketName] = own.map((v: unknown) =>
        v === UNKNOWN || typeof v === "string" ? v : undefined,
    );

    const resolution = resolveKey(index, target, type, own[0]);
    const bucket =
        type.bucketProperty === undefined
            ? undefined
            : index.bucketOf(target, type.bucketProperty, bucketName);

    const region = regionOf(target.type, regionInput, target.provider, config);
    // Trails: the key must be in the bucket's region
    // (https://docs.aws.amazon.com/awscloudtrail/latest/userguide/encrypting-cloudtrail-log-files-with-aws-kms.html); everything else: its own.
    let requiredRegion: RequiredRegion = { region };
    if (type.bucketProperty !== undefined && bucket === undefined) {
        requiredRegion = {
            region: undefined,
            unverifiable: `its S3 bucket ${typeof bucketName === "string" ? `"${bucketName}"` : "(unknown at preview)"} is not in this stack, and CloudTrail needs the key in the bucket's region`,
        };
    } else if (bucket !== undefined) {
        const r = resolveRegion(bucket.type, bucket.props, bucket.provider, config);
        requiredRegion = {
            region:
                r === UNKNOWN || r === undefined
                    ? r
                    : { region: r.region, source: `its S3 bucket "${bucket.name}", ${r.source}` },
        };
    }
    const partition =
        region === UNKNOWN || region === undefined ? undefined : partitionOfRegion(region.region);
    const providerAccountId = providerAccount(target.provider);

    let keyArn: TargetFacts["keyArn"];
    let key: KeyFacts | undefined;
    if (resolution.kind === "invalid") {
        keyArn = keyArnOf(resolution.value, type);
    } else if (resolution.kind === "external") {
        const parsed = keyArnOf(resolution.reference, type);
        keyArn = { arn: parsed.arn, error: parsed.error, form: parsed.form };
        if (parsed.trail !== undefined) {
            key = referencedKeyFacts(parsed.trail);
        } else if (parsed.arn !== undefined) {
            key = referencedKeyFacts({ form: "key ARN", key: parsed.arn });
        }
    } else if (resolution.kind === "published-key") {
        const parsed = keyArnOf(resolution.reference, type);
        keyArn = { arn: parsed.arn, error: parsed.error, form: parsed.form };
        key = publishedKeyFacts(resolution.published);
    } else if (resolution.kind === "stack-key") {
        if (resolution.reference !== UNKNOWN) {
            const parsed = keyArnOf(resolution.reference, type);
            keyArn = { arn: parsed.arn, error: parsed.error, form: parsed.form };
        }
        key = stackKeyFacts(resolution.key, config, index);
    }
    return {
        target,
        type,
        subject: describeTarget(target),
        resolution,
        keyArn,
        name,
        arn,
        region,
        partition,
        requiredRegion,
        // A key of the stack is in the stack's account; a key another stack publishes may be in
        // another account (a platform account's key), so its ARN says nothing of the target's.
        account:
            accountOfArn(arn) ??
            (resolution.kind === "published-key"
                ? providerAccountId
                : (accountOfArn(key?.settings?.arn) ?? providerAccountId)),
        key,
        bucketKey: bucket === undefined ? undefined : bucketKeyOf(index, bucket),
    };
}
