/**
 * The facts of a target's key, by how it was found: a key of the stack (its spec, rotation,
 * multi-Region-ness, region, policy and the component that owns it), a key another stack publishes
 * (`PublishedKey`), or a reference that is all there is (an alias, a key id, an ARN from outside).
 */
import { parse as parseArn } from "@aws-sdk/util-arn-parser";
import {
    CloudTrailKeyReference,
    parseCloudTrailKeyReference,
    parseKmsKeyArn,
} from "../../../aws/arn";
import { KeyResolution } from "../stack/keyResolution";
import { Region, StackConfiguration, resolveRegion } from "../stack/location";
import { PublishedKey, describeStackReference } from "../stack/publishedKeys";
import { StackIndex, StackKey, StackResource } from "../stack/stackIndex";
import { TargetType } from "../stack/targets";
import {
    UNKNOWN,
    Unknown,
    asBoolean,
    asString,
    containsUnknown,
    readProperty,
    readString,
} from "../stack/wire";

import type { KeyFacts, KeyPolicyFacts, RotationFact, TargetFacts } from "./types";

function describeKey(key: StackKey): string {
    return `KMS key "${key.resource.name}" (${key.resource.type})`;
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

/** The key's reference as the service reads it and the key's facts, by how the key was found. */
export function keyOf(
    resolution: KeyResolution,
    type: TargetType,
    config: StackConfiguration,
    index: StackIndex,
): { keyArn: TargetFacts["keyArn"]; key: KeyFacts | undefined } {
    // The reference as the service reads it, without the trail form's parts.
    const asKeyArn = (parsed: ReturnType<typeof keyArnOf>): TargetFacts["keyArn"] => ({
        arn: parsed.arn,
        error: parsed.error,
        form: parsed.form,
    });
    const referenced = (reference: unknown) => asKeyArn(keyArnOf(reference, type));
    switch (resolution.kind) {
        case "invalid":
            return { keyArn: keyArnOf(resolution.value, type), key: undefined };
        case "external": {
            const parsed = keyArnOf(resolution.reference, type);
            const key =
                parsed.trail !== undefined
                    ? referencedKeyFacts(parsed.trail)
                    : parsed.arn !== undefined
                      ? referencedKeyFacts({ form: "key ARN", key: parsed.arn })
                      : undefined;
            return { keyArn: asKeyArn(parsed), key };
        }
        case "published-key":
            return {
                keyArn: referenced(resolution.reference),
                key: publishedKeyFacts(resolution.published),
            };
        case "stack-key":
            return {
                keyArn:
                    resolution.reference !== UNKNOWN ? referenced(resolution.reference) : undefined,
                key: stackKeyFacts(resolution.key, config, index),
            };
        default:
            return { keyArn: undefined, key: undefined };
    }
}
