/**
 * The resource types the pack polices: the resources that are encrypted with a KMS key (log
 * groups, anomaly detectors, trails, CloudTrail Lake event data stores), the keys, the aliases that point at keys, the stand-alone key
 * policies and the buckets trails write to. One table per role, so supporting a new type is one row.
 */

/** The AWS service that uses the key: it decides the principal and the encryption context. */
export type Service = "logs" | "cloudtrail";

/** A resource type that must be encrypted with a customer-managed key. */
export interface TargetType {
    /** What a person calls it, for messages: "log group", "anomaly detector", "trail", "event data store". */
    readonly kind:
        "log group" | "anomaly detector" | "trail" | "event data store" | "centralization rule";
    readonly service: Service;
    /** The property holding the resource's own name (used in the encryption context). */
    readonly nameProperty: string;
    /** The property holding the key reference. */
    readonly keyProperty: string;
    /** The property naming the S3 bucket (trails: the key must be in the bucket's region). */
    readonly bucketProperty?: string;
}

/**
 * Log groups, anomaly detectors, trails and CloudTrail Lake event data stores, in the AWS and AWS
 * Native providers. Event data stores have no bucket: the key must be in the store's own region
 * (AWS::CloudTrail::EventDataStore `KmsKeyId` and `Name`, which AWS Native names `kmsKeyId` and
 * `name`, as @pulumi/aws does).
 */
export const TARGET_TYPES: Readonly<Record<string, TargetType>> = {
    "aws:cloudwatch/logGroup:LogGroup": {
        kind: "log group",
        service: "logs",
        nameProperty: "name",
        keyProperty: "kmsKeyId",
    },
    "aws-native:logs:LogGroup": {
        kind: "log group",
        service: "logs",
        nameProperty: "logGroupName",
        keyProperty: "kmsKeyId",
    },
    "aws:cloudwatch/logAnomalyDetector:LogAnomalyDetector": {
        kind: "anomaly detector",
        service: "logs",
        nameProperty: "detectorName",
        keyProperty: "kmsKeyId",
    },
    "aws:cloudtrail/trail:Trail": {
        kind: "trail",
        service: "cloudtrail",
        nameProperty: "name",
        keyProperty: "kmsKeyId",
        bucketProperty: "s3BucketName",
    },
    "aws-native:cloudtrail:Trail": {
        kind: "trail",
        service: "cloudtrail",
        nameProperty: "trailName",
        keyProperty: "kmsKeyId",
        bucketProperty: "s3BucketName",
    },
    "aws:cloudtrail/eventDataStore:EventDataStore": {
        kind: "event data store",
        service: "cloudtrail",
        nameProperty: "name",
        keyProperty: "kmsKeyId",
    },
    "aws-native:cloudtrail:EventDataStore": {
        kind: "event data store",
        service: "cloudtrail",
        nameProperty: "name",
        keyProperty: "kmsKeyId",
    },
    // An organisation centralization rule: its key is nested in `rule` (two keys with a backup
    // region); the stack index gives the key rules one flattened view per key
    // (`centralization.ts`), whose `kmsKeyArn` and `region` are that key's and its region's, and
    // `log-encryption-key-required` reads the rule's encryption configuration itself. The
    // destination groups are CloudWatch Logs log groups: the service that uses the key is "logs".
    "aws:observabilityadmin/centralizationRuleForOrganization:CentralizationRuleForOrganization": {
        kind: "centralization rule",
        service: "logs",
        nameProperty: "destinationLogGroupName",
        keyProperty: "kmsKeyArn",
    },
};

/** A KMS key resource type and where its settings live. */
export interface KeyType {
    /** Property holding the key spec (`SYMMETRIC_DEFAULT`, `RSA_2048`, ...); absent means symmetric. */
    readonly specProperties: readonly string[];
    /** Property holding the key policy (a JSON string, or an object for AWS Native). */
    readonly policyProperty: string;
    /** Always a multi-Region key (replicas). */
    readonly alwaysMultiRegion: boolean;
    /** Imported key material: automatic rotation is impossible. */
    readonly importedMaterial: boolean;
    /** A replica: rotation is managed on the primary key. */
    readonly replica: boolean;
}

/** KMS keys in the AWS and AWS Native providers. */
export const KEY_TYPES: Readonly<Record<string, KeyType>> = {
    "aws:kms/key:Key": {
        specProperties: ["customerMasterKeySpec", "keySpec"],
        policyProperty: "policy",
        alwaysMultiRegion: false,
        importedMaterial: false,
        replica: false,
    },
    "aws:kms/externalKey:ExternalKey": {
        specProperties: ["keySpec"],
        policyProperty: "policy",
        alwaysMultiRegion: false,
        importedMaterial: true,
        replica: false,
    },
    "aws:kms/replicaKey:ReplicaKey": {
        specProperties: ["keySpec"],
        policyProperty: "policy",
        alwaysMultiRegion: true,
        importedMaterial: false,
        replica: true,
    },
    "aws:kms/replicaExternalKey:ReplicaExternalKey": {
        specProperties: ["keySpec"],
        policyProperty: "policy",
        alwaysMultiRegion: true,
        importedMaterial: true,
        replica: true,
    },
    "aws-native:kms:Key": {
        specProperties: ["keySpec"],
        policyProperty: "keyPolicy",
        alwaysMultiRegion: false,
        importedMaterial: false,
        replica: false,
    },
    "aws-native:kms:ReplicaKey": {
        specProperties: ["keySpec"],
        policyProperty: "keyPolicy",
        alwaysMultiRegion: true,
        importedMaterial: false,
        replica: true,
    },
};

/** KMS aliases: the property with the alias name and the one with the target key. */
export const ALIAS_TYPES: Readonly<Record<string, { name: string; target: string }>> = {
    "aws:kms/alias:Alias": { name: "name", target: "targetKeyId" },
    "aws-native:kms:Alias": { name: "aliasName", target: "targetKeyId" },
};

/** Stand-alone key policies (they replace the key's own policy). */
export const KEY_POLICY_TYPES: Readonly<Record<string, { key: string; policy: string }>> = {
    "aws:kms/keyPolicy:KeyPolicy": { key: "keyId", policy: "policy" },
};

/** S3 buckets (trails): the property with the bucket name. */
export const BUCKET_TYPES: Readonly<Record<string, { name: string }>> = {
    "aws:s3/bucket:Bucket": { name: "bucket" },
    "aws:s3/bucketV2:BucketV2": { name: "bucket" },
    "aws-native:s3:Bucket": { name: "bucketName" },
};

/**
 * Stand-alone bucket encryption settings (a trail's bucket key, `bucketKey.ts`): the property
 * naming the bucket. Their `rules[].bucketKeyEnabled` turns on the S3 Bucket Key.
 */
export const BUCKET_ENCRYPTION_TYPES: Readonly<Record<string, { bucket: string }>> = {
    "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration": {
        bucket: "bucket",
    },
    "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2": {
        bucket: "bucket",
    },
};
