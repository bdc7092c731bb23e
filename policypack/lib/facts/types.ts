/**
 * The facts records the rules read (`facts.ts` computes them): a target's, its key's, the
 * region its key must be in.
 */
import type { CloudTrailKeyReference, KmsKeyArn } from "../../../aws/arn";
import type { BucketKeyFacts } from "./bucketKey";
import type { KeyResolution } from "../stack/keyResolution";
import type { Region } from "../stack/location";
import type { StackResource } from "../stack/stackIndex";
import type { TargetType } from "../stack/targets";
import type { Unknown } from "../stack/wire";

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
