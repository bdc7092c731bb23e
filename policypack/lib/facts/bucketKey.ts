/**
 * Whether a trail's S3 bucket uses an S3 Bucket Key, and what CloudTrail then asks of the trail's
 * key. With a bucket key the requests carry the bucket's ARN as encryption context, not the
 * trail's: S3 User Guide, "Configuring your bucket to use an S3 Bucket Key with SSE-KMS for new
 * objects" (https://docs.aws.amazon.com/AmazonS3/latest/userguide/configuring-bucket-key.html):
 * "When an S3 Bucket Key is enabled for the source or destination bucket, the encryption context
 * will be the bucket Amazon Resource Name (ARN) and not the object ARN, for example,
 * arn:aws:s3:::bucket_ARN. You need to update your IAM policies to use the bucket ARN for the
 * encryption context." And CloudTrail User Guide, "Configure AWS KMS key policies for CloudTrail"
 * (https://docs.aws.amazon.com/awscloudtrail/latest/userguide/create-kms-key-policy-for-cloudtrail.html):
 * "If you are using an existing S3 bucket with an S3 Bucket Key, `kms:Decrypt` permissions are
 * required to create or update a trail with SSE-KMS encryption enabled."
 *
 * So a key policy whose CloudTrail statements all require `kms:EncryptionContext:aws:cloudtrail:arn`
 * (the documented encrypt statement) refuses CloudTrail under the bucket key. Event data stores
 * have no S3 bucket (CloudTrail Lake keeps their events itself), so this concerns trails only.
 */
import { S3_CONTEXT_KEY } from "../../../aws/services";
import { BUCKET_ENCRYPTION_TYPES, BUCKET_TYPES } from "../stack/targets";
import type { StackIndex, StackResource } from "../stack/stackIndex";
import { UNKNOWN, Unknown, asBoolean, readProperty, readString } from "../stack/wire";

/** A trail's bucket that uses, or may use, an S3 Bucket Key. */
export interface BucketKeyFacts {
    /** `true`: a `bucketKeyEnabled: true` is set; `UNKNOWN`: a `bucketKeyEnabled` is unknown at preview. */
    readonly enabled: true | Unknown;
    /** The bucket's name, when known (its ARN is the encryption context). */
    readonly bucketName: string | Unknown;
    /** How messages name where the setting is: `bucketKeyEnabled of <type> "<name>"`. */
    readonly source: string;
}

/** Every `bucketKeyEnabled` inside `value` (rules, configuration lists), read without the proxy. */
function bucketKeySettings(value: unknown, out: unknown[] = []): unknown[] {
    if (value === null || typeof value !== "object") {
        return out;
    }
    const keys = Array.isArray(value) ? value.map((_, i) => String(i)) : Object.keys(value);
    for (const key of keys) {
        const v = readProperty(value, key);
        if (key === "bucketKeyEnabled") {
            out.push(v);
        } else {
            bucketKeySettings(v, out);
        }
    }
    return out;
}

/** `true` if any setting is true, `UNKNOWN` if none is but one is unknown, else `undefined`. */
function anyEnabled(settings: readonly unknown[]): true | Unknown | undefined {
    const values = settings.map(asBoolean);
    return values.includes(true) ? true : values.includes(UNKNOWN) ? UNKNOWN : undefined;
}

const encryptionConfigs = new WeakMap<StackIndex, readonly StackResource[]>();

/** The stack's bucket encryption configurations, found once per stack. */
function encryptionConfigsOf(index: StackIndex): readonly StackResource[] {
    let found = encryptionConfigs.get(index);
    if (found === undefined) {
        found = index.resources.filter((r) => BUCKET_ENCRYPTION_TYPES[r.type] !== undefined);
        encryptionConfigs.set(index, found);
    }
    return found;
}

/**
 * Whether `bucket` uses an S3 Bucket Key: its own encryption settings (the bucket's inline
 * `serverSideEncryptionConfiguration`, or AWS Native's `bucketEncryption`) and every
 * `BucketServerSideEncryptionConfiguration(V2)` whose `bucket` names it (by name, or by depending
 * on it when the name is unknown at preview). `undefined` when none enables one.
 */
export function bucketKeyOf(index: StackIndex, bucket: StackResource): BucketKeyFacts | undefined {
    const bucketName = readString(bucket.props, BUCKET_TYPES[bucket.type].name) ?? UNKNOWN;
    const sources: { resource: StackResource; enabled: true | Unknown }[] = [];
    const own = anyEnabled(bucketKeySettings(bucket.props));
    if (own !== undefined) {
        sources.push({ resource: bucket, enabled: own });
    }
    for (const config of encryptionConfigsOf(index)) {
        const prop = BUCKET_ENCRYPTION_TYPES[config.type].bucket;
        const named = readString(config.props, prop);
        const names =
            (typeof named === "string" && named === bucketName) ||
            (config.propertyDependencies[prop] ?? []).includes(bucket.urn);
        const enabled = names ? anyEnabled(bucketKeySettings(config.props)) : undefined;
        if (enabled !== undefined) {
            sources.push({ resource: config, enabled });
        }
    }
    const chosen = sources.find((s) => s.enabled === true) ?? sources[0];
    if (chosen === undefined) {
        return undefined;
    }
    return {
        enabled: chosen.enabled,
        bucketName,
        source: `bucketKeyEnabled of ${chosen.resource.type} "${chosen.resource.name}"`,
    };
}

/** The encryption-context key a request under a bucket key carries (the bucket's ARN). */
export const BUCKET_KEY_CONTEXT_KEY = S3_CONTEXT_KEY;
