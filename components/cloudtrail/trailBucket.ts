/**
 * The S3 bucket steps of `EncryptedTrail`: the settings that lock the bucket down (public access
 * block, ownership, versioning, the opt-in lifecycle, default encryption with the trail's key) and
 * the bucket policy CloudTrail needs. Resource names are `${name}-bucket-<role>`, as they always were.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { AwsLocation } from "../../aws/arn";
import { checked } from "../common/component";
import { ChosenKey } from "../common/keyArn";
import { cloudTrailBucketPolicy } from "./policies";
import { LogFileLifecycle } from "./trailOptions";

/** The trail's bucket `${name}-bucket`, a child of `parent`. */
export function trailBucket(
    parent: pulumi.Resource,
    name: string,
    args: aws.s3.BucketArgs,
): aws.s3.Bucket {
    return new aws.s3.Bucket(`${name}-bucket`, args, { parent });
}

/** What the bucket policy is made from. */
export interface TrailBucketPolicyInputs {
    readonly trailName: pulumi.Input<string>;
    readonly s3KeyPrefix?: pulumi.Input<string>;
    readonly region?: pulumi.Input<string>;
    readonly isOrganizationTrail: boolean;
    readonly where: pulumi.Output<AwsLocation>;
    /** The bucket settings the policy is judged by, created first. */
    readonly after: pulumi.Resource[];
}

/** The settings of the trail's bucket that its policy and the trail wait for. */
export interface BucketSettings {
    readonly publicAccessBlock: aws.s3.BucketPublicAccessBlock;
    readonly ownership: aws.s3.BucketOwnershipControls;
    readonly encryption: aws.s3.BucketServerSideEncryptionConfiguration;
}

/**
 * Locks down the trail's bucket: public access blocked, ownership enforced, versioning, the
 * opt-in lifecycle, and default encryption with the trail's key under an S3 Bucket Key.
 */
export function secureBucket(
    parent: pulumi.Resource,
    name: string,
    trailBucket: aws.s3.Bucket,
    region: pulumi.Input<string> | undefined,
    lifecycle: LogFileLifecycle | undefined,
    key: ChosenKey,
): BucketSettings {
    const bucket = trailBucket.id;
    const publicAccessBlock = new aws.s3.BucketPublicAccessBlock(
        `${name}-bucket-public-access`,
        {
            bucket,
            region,
            blockPublicAcls: true,
            blockPublicPolicy: true,
            ignorePublicAcls: true,
            restrictPublicBuckets: true,
        },
        { parent },
    );
    const ownership = new aws.s3.BucketOwnershipControls(
        `${name}-bucket-ownership`,
        { bucket, region, rule: { objectOwnership: "BucketOwnerEnforced" } },
        { parent },
    );
    const versioning = new aws.s3.BucketVersioning(
        `${name}-bucket-versioning`,
        { bucket, region, versioningConfiguration: { status: "Enabled" } },
        { parent },
    );
    if (lifecycle !== undefined) {
        logFileLifecycle(parent, name, bucket, region, lifecycle, versioning);
    }
    const encryption = new aws.s3.BucketServerSideEncryptionConfiguration(
        `${name}-bucket-encryption`,
        {
            bucket,
            region,
            rules: [
                {
                    applyServerSideEncryptionByDefault: {
                        sseAlgorithm: "aws:kms",
                        kmsMasterKeyId: key.arn,
                    },
                    bucketKeyEnabled: true,
                },
            ],
        },
        { parent, dependsOn: key.dependsOn },
    );
    return { publicAccessBlock, ownership, encryption };
}

/**
 * The bucket's lifecycle rule for `logFileTransitions` / `logFileExpirationDays`. Opt-in only: by
 * default the log files are kept forever. The same days apply to older versions (versioning is
 * on), counted from when they were replaced.
 */
function logFileLifecycle(
    parent: pulumi.Resource,
    name: string,
    bucket: pulumi.Input<string>,
    region: pulumi.Input<string> | undefined,
    lifecycle: LogFileLifecycle,
    versioning: aws.s3.BucketVersioning,
): aws.s3.BucketLifecycleConfiguration {
    return new aws.s3.BucketLifecycleConfiguration(
        `${name}-bucket-lifecycle`,
        {
            bucket,
            region,
            rules: [
                {
                    id: "log-files",
                    status: "Enabled",
                    filter: {},
                    transitions: lifecycle.transitions.map((t) => ({
                        days: t.days,
                        storageClass: t.storageClass,
                    })),
                    noncurrentVersionTransitions: lifecycle.transitions.map((t) => ({
                        noncurrentDays: t.days,
                        storageClass: t.storageClass,
                    })),
                    ...(lifecycle.expirationDays === undefined
                        ? {}
                        : {
                              expiration: { days: lifecycle.expirationDays },
                              noncurrentVersionExpiration: {
                                  noncurrentDays: lifecycle.expirationDays,
                              },
                          }),
                },
            ],
        },
        // Lifecycle rules for older versions presuppose versioning.
        { parent, dependsOn: [versioning] },
    );
}

/**
 * The bucket policy CloudTrail needs (TLS only, ACL check, writes under the trail's prefix, and
 * the organisation's prefix for an organisation trail), after the settings it is judged by.
 */
export function trailBucketPolicy(
    parent: pulumi.Resource,
    label: string,
    name: string,
    bucket: aws.s3.Bucket,
    inputs: TrailBucketPolicyInputs,
): aws.s3.BucketPolicy {
    const { isOrganizationTrail } = inputs;
    const organizationId = isOrganizationTrail
        ? aws.organizations.getOrganizationOutput({}, { parent }).id
        : undefined;
    return new aws.s3.BucketPolicy(
        `${name}-bucket-policy`,
        {
            bucket: bucket.id,
            region: inputs.region,
            policy: pulumi
                .all([
                    inputs.where,
                    bucket.bucket,
                    inputs.trailName,
                    inputs.s3KeyPrefix,
                    organizationId,
                ])
                .apply(([loc, bucket, trail, prefix, orgId]) =>
                    checked(parent, label, () =>
                        JSON.stringify(
                            cloudTrailBucketPolicy({
                                ...loc,
                                bucketName: bucket,
                                trailName: trail,
                                s3KeyPrefix: prefix,
                                isOrganizationTrail,
                                organizationId: orgId,
                            }),
                        ),
                    ),
                ),
        },
        // After the public access block, so the policy is judged by the final settings.
        { parent, dependsOn: inputs.after },
    );
}
