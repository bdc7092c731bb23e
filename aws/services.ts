/**
 * What this package knows about the AWS services that use a log key: their principals, the
 * encryption-context keys they set and the KMS actions they call. One vocabulary, used by the
 * key-policy builders (components) and by the policy pack, which imports it as public API.
 * Pure: no Pulumi runtime imports.
 */

/** A partition's region and DNS suffix: what a regional service principal is built from. */
export interface ServiceLocation {
    /** Region, e.g. `us-east-1`. */
    readonly region: string;
    /** DNS suffix of the partition, e.g. `amazonaws.com` or `amazonaws.com.cn`. */
    readonly dnsSuffix: string;
}

/**
 * The CloudWatch Logs service principal of a region, `logs.<region>.<dnsSuffix>`
 * (`logs.cn-north-1.amazonaws.com.cn` in China). Seed 000: "Principal": { "Service":
 * "logs.region.amazonaws.com" }.
 */
export function logsServicePrincipal(where: ServiceLocation): string {
    return `logs.${where.region}.${where.dnsSuffix}`;
}

/**
 * The CloudTrail service principal: `cloudtrail.amazonaws.com` in every partition, including
 * aws-cn (whose DNS suffix is `amazonaws.com.cn`) and aws-us-gov; only the ARNs change partition
 * (`arn:aws-cn:cloudtrail:cn-north-1:<account>:trail/<name>`). Sources: the China CloudTrail user
 * guide's default key policy and bucket policy
 * (https://docs.amazonaws.cn/en_us/awscloudtrail/latest/userguide/default-kms-key-policy.html,
 * .../create-s3-bucket-policy-for-cloudtrail.html), which use `"Service": "cloudtrail.amazonaws.com"`
 * with `arn:aws-cn:` SourceArns; and aws-cdk's region-info `Default.servicePrincipal`, where only
 * a few services (logs, codedeploy, ec2) take the partition's suffix and every other one, CloudTrail
 * included, is `<service>.amazonaws.com` in all partitions. So, unlike the logs principal, this one
 * is deliberately not built from a DNS suffix.
 */
export function cloudTrailServicePrincipal(): string {
    return ["cloudtrail", "amazonaws", "com"].join(".");
}

/**
 * The value of `kms:ViaService` for requests a service makes to KMS on a caller's behalf:
 * `<service>.<region>.amazonaws.com` in every partition, China included. KMS Developer Guide,
 * "Services that support the kms:ViaService condition key": "Use the `.amazonaws.com` suffix of
 * the AWS KMS ViaService name in all AWS partitions." So, unlike the service principal
 * ({@link logsServicePrincipal}: `logs.cn-north-1.amazonaws.com.cn` in aws-cn), this name never
 * takes the partition's DNS suffix.
 */
export function viaServiceName(service: string, where: { readonly region: string }): string {
    return `${service}.${where.region}.${VIA_SERVICE_SUFFIX}`;
}

/** The suffix of every `kms:ViaService` name, in all partitions (see {@link viaServiceName}). */
export const VIA_SERVICE_SUFFIX = ["amazonaws", "com"].join(".");

/**
 * The condition key that names the service a request reached KMS through, `kms:ViaService`
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html).
 */
export const VIA_SERVICE_CONTEXT_KEY = "kms:ViaService";

/**
 * Actions the CloudWatch Logs principal needs on a log group key
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html).
 */
export const LOG_GROUP_KEY_ACTIONS: readonly string[] = [
    "kms:Encrypt",
    "kms:Decrypt",
    "kms:ReEncrypt*",
    "kms:GenerateDataKey*",
    "kms:Describe*",
];

/**
 * Actions a role calling CloudWatch Logs needs through `kms:ViaService`
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html).
 */
export const VIA_SERVICE_ACTIONS: readonly string[] = [
    "kms:Encrypt",
    "kms:ReEncrypt*",
    "kms:Decrypt",
    "kms:GenerateDataKey*",
    "kms:Describe*",
];

/**
 * Actions of the first anomaly-detector statement, under the `aws:logs:arn` context
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/LogsAnomalyDetection-KMS.html).
 */
export const ANOMALY_DETECTOR_ACTIONS: readonly string[] = [
    "kms:Encrypt",
    "kms:Decrypt",
    "kms:GenerateDataKey*",
    "kms:DescribeKey",
];

/**
 * Actions of the second anomaly-detector statement, under the `aws-crypto-ec:aws:logs:arn` context
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/LogsAnomalyDetection-KMS.html).
 */
export const ANOMALY_DETECTOR_CRYPTO_ACTIONS: readonly string[] = [
    "kms:Encrypt",
    "kms:Decrypt",
    "kms:ReEncrypt*",
    "kms:GenerateDataKey*",
    "kms:DescribeKey",
];

/** The encryption-context key CloudWatch Logs sets to the log group (or detector) ARN. */
export const LOGS_CONTEXT_KEY = "kms:EncryptionContext:aws:logs:arn";
/**
 * The encryption-context key anomaly detectors also set
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/LogsAnomalyDetection-KMS.html).
 */
export const LOGS_CRYPTO_CONTEXT_KEY = "kms:EncryptionContext:aws-crypto-ec:aws:logs:arn";
/** The encryption-context key CloudTrail sets to the trail's ARN when it encrypts a log file. */
export const CLOUDTRAIL_CONTEXT_KEY = "kms:EncryptionContext:aws:cloudtrail:arn";
/**
 * The encryption-context key S3 sets to the object's ARN, or with an S3 Bucket Key to the bucket's
 * ARN (S3 User Guide, https://docs.aws.amazon.com/AmazonS3/latest/userguide/configuring-bucket-key.html:
 * "the encryption context will be the bucket Amazon Resource Name (ARN) and not the object ARN").
 */
export const S3_CONTEXT_KEY = "kms:EncryptionContext:aws:s3:arn";

/*
 * CloudTrail Lake event data stores. CloudTrail User Guide, "Configure AWS KMS key policies for
 * CloudTrail", "Required KMS key policy elements for event data stores". Unlike a trail, an event
 * data store's key use carries no documented encryption context and no `aws:SourceArn`.
 */

/**
 * What CloudTrail needs on an event data store's key: "Allow CloudTrail to encrypt event data
 * store" (`kms:GenerateDataKey`) and "Allow CloudTrail to decrypt an event data store"
 * (`kms:Decrypt`), the two actions of the console's default key policy for event data stores.
 */
export const EVENT_DATA_STORE_SERVICE_ACTIONS: readonly string[] = [
    "kms:GenerateDataKey",
    "kms:Decrypt",
];

/** "Enable CloudTrail to describe KMS key properties": required for event data stores too. */
export const EVENT_DATA_STORE_DESCRIBE_ACTIONS: readonly string[] = ["kms:DescribeKey"];

/**
 * Condition keys a key policy for an event data store must not rely on: "The `aws:SourceArn` and
 * `aws:SourceAccount` condition keys are not supported in KMS key policies for event data stores."
 * (No encryption-context key is documented for event data stores either.)
 */
export const EVENT_DATA_STORE_UNSUPPORTED_CONDITION_KEYS: readonly string[] = [
    "aws:SourceArn",
    "aws:SourceAccount",
];
