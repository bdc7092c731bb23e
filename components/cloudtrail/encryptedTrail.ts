import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { PACKAGE, checked, checkedInput, checkedOptionalInput } from "../common/component";
import { awsLocation } from "../common/environment";
import { InputError } from "../../aws/errors";
import { validateRetentionInDays } from "../common/validation";
import { AwsLocation, COMPONENT_NEEDS_KEY_ARN } from "../../aws/arn";
import { ChosenKey, givenKey, refuseGrantOnOwnKey } from "../common/keyArn";
import { CloudTrailKey, checkBucketKeyStatements, checkedKeyAdmins } from "./cloudTrailKey";
import { secureBucket, trailBucket, trailBucketPolicy } from "./trailBucket";
import { cloudWatchDelivery } from "./trailDelivery";
import {
    validateBucketName,
    validateS3KeyPrefix,
    validateTrailName,
    validatedTrailRegions,
} from "./validation";
import {
    TrailAdvancedEventSelector,
    TrailEventSelector,
    TrailInsightSelector,
    TrailLogFileTransition,
    validateTrailSelectors,
    validatedLogFileLifecycle,
} from "./trailOptions";

/** Arguments of {@link EncryptedTrail}. All optional. */
export interface EncryptedTrailArgs {
    /**
     * Name of the trail: 3 to 128 characters from `a-z A-Z 0-9 . _ -`, starting and ending with a
     * letter or digit, no adjacent `.`/`_`/`-`, not an IP address. The name is fixed (no random
     * suffix) because the key policy, the bucket policy and the role's trust policy name the
     * trail's ARN.
     * @default - the component's resource name
     */
    readonly trailName?: pulumi.Input<string>;
    /**
     * Name of the S3 bucket created for the log files (3 to 63 characters from `a-z 0-9 . -`, S3's
     * rules). Bucket names are global: pick one nobody else has.
     * @default - a name Pulumi generates from `${name}-bucket` (the resource name must then be lowercase)
     */
    readonly bucketName?: pulumi.Input<string>;
    /**
     * Key prefix of the log files in the bucket, without a leading or trailing `/`; CloudTrail
     * writes to `<prefix>/AWSLogs/<account>/...`.
     * @default - none: `AWSLogs/<account>/...`
     */
    readonly s3KeyPrefix?: pulumi.Input<string>;
    /**
     * Record events in every region of the partition, not only the provider's. Requires
     * `includeGlobalServiceEvents`.
     * @default true
     */
    readonly isMultiRegionTrail?: boolean;
    /**
     * Record events of global services such as IAM.
     * @default true
     */
    readonly includeGlobalServiceEvents?: boolean;
    /**
     * Deliver digest files that prove the log files were not changed or deleted.
     * @default true
     */
    readonly enableLogFileValidation?: boolean;
    /**
     * Make this an organisation trail (create it in the organisation's management account). Adds
     * the bucket-policy statement for the member accounts' logs under `AWSLogs/<organization id>/`;
     * the organisation id is looked up with `aws.organizations.getOrganization`.
     * @default false
     */
    readonly isOrganizationTrail?: boolean;
    /**
     * ARN of the KMS key to encrypt the log files and the bucket with: a full key ARN in the region
     * of the bucket (the provider's region), not an alias or key id. Its policy must let CloudTrail
     * use it, also under the bucket's S3 Bucket Key (a `CloudTrailKey` with this `trailName` and
     * `s3BucketKey: true` does).
     * @default - a new `CloudTrailKey` scoped to this trail
     */
    readonly kmsKeyArn?: pulumi.Input<string>;
    /**
     * IAM roles or users that may decrypt the log files, added to the key this component creates
     * (`kms:Decrypt` only for CloudTrail-encrypted data). With `kmsKeyArn`, grant them on that key.
     * @default - none
     */
    readonly decryptPrincipalArns?: pulumi.Input<pulumi.Input<string>[]>;
    /**
     * Administrators of the keys this component creates (the trail's and the log group's). Must
     * include whoever runs `pulumi up` (or the account root): CloudTrail requires that caller to be
     * able to `kms:Decrypt` when the bucket uses an S3 Bucket Key, so a list without it is refused
     * before any key is created.
     * @default - the account root, which delegates key administration to IAM
     */
    readonly keyAdminArns?: pulumi.Input<pulumi.Input<string>[]>;
    /**
     * Also deliver the events to a CloudWatch Logs log group (`/cloudtrail/<trailName>`), an
     * `EncryptedLogGroup` with its own key, through a role CloudTrail assumes for this trail only.
     * @default false
     */
    readonly cloudWatchLogs?: boolean;
    /**
     * Days the log group keeps events (one of the values CloudWatch Logs accepts). Only with
     * `cloudWatchLogs: true`.
     * @default 365
     */
    readonly cloudWatchLogsRetentionInDays?: number;
    /**
     * Let `pulumi destroy` delete the bucket even when it holds log files (and with them the
     * audit record). Off by default: destroying the stack then fails on a non-empty bucket.
     * @default false
     */
    readonly forceDestroyBucket?: boolean;
    /**
     * Basic event selectors: which management and data events the trail records (at most five;
     * not with `advancedEventSelectors`).
     * @default - CloudTrail's default: all management events, no data events
     */
    readonly eventSelectors?: TrailEventSelector[];
    /**
     * Advanced event selectors (management, data and network activity events of any resource
     * type, filtered by field). CloudTrail takes these or `eventSelectors`, not both.
     * @default - none
     */
    readonly advancedEventSelectors?: TrailAdvancedEventSelector[];
    /**
     * Insights selectors: `ApiCallRateInsight` and/or `ApiErrorRateInsight`.
     * @default - no Insights
     */
    readonly insightSelectors?: TrailInsightSelector[];
    /**
     * Move log files to cheaper storage classes after some days (lifecycle transitions of the
     * current and of older versions).
     * @default - none: log files stay in S3 Standard
     */
    readonly logFileTransitions?: TrailLogFileTransition[];
    /**
     * Delete log files this many days after they were written (and older versions as many days
     * after they were replaced). The audit record is then gone for good: set it only if a
     * retention policy requires deletion.
     * @default - never: the log files are kept
     */
    readonly logFileExpirationDays?: number;
    /**
     * Name or ARN of an SNS topic CloudTrail notifies of every new log file. The topic's policy
     * must let `cloudtrail.amazonaws.com` `sns:Publish` (for this trail: `aws:SourceArn`).
     * @default - no notifications
     */
    readonly snsTopicName?: pulumi.Input<string>;
    /**
     * Region of the trail, its bucket and its key (the key must be in the bucket's region).
     * @default - the region of the AWS provider
     */
    readonly region?: pulumi.Input<string>;
    /**
     * Tags for the trail, the bucket, the keys, the log group and the role.
     * @default - none
     */
    readonly tags?: pulumi.Input<{ [key: string]: pulumi.Input<string> }>;
}

/**
 * A CloudTrail trail whose log files are encrypted with a customer-managed KMS key in the bucket's
 * region, written to an S3 bucket made for it (SSE-KMS with the same key and bucket keys,
 * versioning, public access blocked, ownership enforced, TLS only, and the bucket policy CloudTrail
 * needs), optionally also delivered to an encrypted CloudWatch Logs log group. The key and bucket
 * policies exist before the trail, so the first `pulumi up` works.
 */
export class EncryptedTrail extends pulumi.ComponentResource {
    /** The trail. */
    public readonly trail: aws.cloudtrail.Trail;
    /** The S3 bucket the log files go to. */
    public readonly bucket: aws.s3.Bucket;
    /** ARN of the trail. */
    public readonly arn: pulumi.Output<string>;
    /** ARN of the key the log files are encrypted with. */
    public readonly kmsKeyArn: pulumi.Output<string>;
    /**
     * The log group the events are also delivered to, with `cloudWatchLogs: true` (the `logGroup`
     * of the child `EncryptedLogGroup` `${name}-logs`; a plain resource so every language sees it).
     */
    public readonly logGroup?: aws.cloudwatch.LogGroup;

    /**
     * @param name the component's name; the trail is named `name`, its bucket `${name}-bucket`, its
     * key `${name}-key`, its log group `${name}-logs`.
     * @param args the trail's settings; all optional.
     * @param opts options; an AWS `provider` here decides the partition, region and account.
     */
    constructor(
        name: string,
        args: EncryptedTrailArgs = {},
        opts?: pulumi.ComponentResourceOptions,
    ) {
        super(`${PACKAGE}:index:EncryptedTrail`, name, {}, opts);
        const label = `EncryptedTrail "${name}"`;
        const inputs = validatedTrailInputs(this, label, name, args);
        const where = awsLocation(this, args.region);
        const region = args.region;
        this.bucket = trailBucket(this, name, {
            bucket: inputs.bucketName,
            forceDestroy: args.forceDestroyBucket ?? false,
            region,
            tags: args.tags,
        });
        const keyAdminArns = trailKeyAdmins(this, label, args);
        const key = trailKey(this, label, name, args, inputs.trailName, keyAdminArns, where);
        const bucketSettings = secureBucket(this, name, this.bucket, region, inputs.lifecycle, key);
        const bucketPolicy = trailBucketPolicy(this, label, name, this.bucket, {
            ...inputs,
            region,
            isOrganizationTrail: args.isOrganizationTrail ?? false,
            where,
            after: [bucketSettings.publicAccessBlock, bucketSettings.ownership],
        });
        const delivery =
            args.cloudWatchLogs === true
                ? cloudWatchDelivery(this, name, args, inputs.trailName, keyAdminArns, where)
                : undefined;
        this.logGroup = delivery?.logGroup;

        this.trail = new aws.cloudtrail.Trail(
            name,
            {
                name: inputs.trailName,
                s3BucketName: this.bucket.bucket,
                s3KeyPrefix: inputs.s3KeyPrefix,
                kmsKeyId: key.arn,
                isMultiRegionTrail: inputs.regions.isMultiRegionTrail,
                includeGlobalServiceEvents: inputs.regions.includeGlobalServiceEvents,
                enableLogFileValidation: args.enableLogFileValidation ?? true,
                isOrganizationTrail: args.isOrganizationTrail ?? false,
                cloudWatchLogsGroupArn: delivery?.groupArn,
                cloudWatchLogsRoleArn: delivery?.roleArn,
                eventSelectors: args.eventSelectors,
                advancedEventSelectors: args.advancedEventSelectors,
                insightSelectors: args.insightSelectors,
                snsTopicName: args.snsTopicName,
                region,
                tags: args.tags,
            },
            // CloudTrail checks the bucket policy and the key policy when the trail is created.
            {
                parent: this,
                dependsOn: [
                    bucketPolicy,
                    bucketSettings.encryption,
                    ...key.dependsOn,
                    ...(delivery?.dependsOn ?? []),
                ],
            },
        );

        this.arn = this.trail.arn;
        this.kmsKeyArn = key.arn;
        this.registerOutputs({
            trail: this.trail,
            bucket: this.bucket,
            arn: this.arn,
            kmsKeyArn: this.kmsKeyArn,
            logGroup: this.logGroup,
        });
    }
}

/** The trail's arguments, checked, as the steps below use them. */
interface TrailInputs {
    readonly regions: ReturnType<typeof validatedTrailRegions>;
    readonly lifecycle: ReturnType<typeof validatedLogFileLifecycle>;
    readonly trailName: pulumi.Input<string>;
    readonly bucketName?: pulumi.Input<string>;
    readonly s3KeyPrefix?: pulumi.Input<string>;
}

/** Checks the arguments of an {@link EncryptedTrail} `name` up front (what is plain at once, the rest on arrival). */
function validatedTrailInputs(
    parent: EncryptedTrail,
    label: string,
    name: string,
    args: EncryptedTrailArgs,
): TrailInputs {
    const regions = checked(parent, label, () => {
        refuseGrantOnOwnKey(
            args.kmsKeyArn,
            "decryptPrincipalArns",
            args.decryptPrincipalArns,
            "these readers are added only to the key this component creates, but kmsKeyArn brings a key of your own",
            "grant them on your key (e.g. CloudTrailKey's decryptPrincipalArns), or drop kmsKeyArn",
        );
        checkBucketKeyStatements(args.kmsKeyArn);
        if (args.cloudWatchLogs !== true && args.cloudWatchLogsRetentionInDays !== undefined) {
            throw new InputError(
                "cloudWatchLogsRetentionInDays",
                args.cloudWatchLogsRetentionInDays,
                "there is no log group to keep events in without cloudWatchLogs: true",
                "cloudWatchLogsRetentionInDays together with cloudWatchLogs: true",
                "set cloudWatchLogs: true, or remove cloudWatchLogsRetentionInDays",
            );
        }
        if (args.cloudWatchLogsRetentionInDays !== undefined) {
            validateRetentionInDays(
                args.cloudWatchLogsRetentionInDays,
                "cloudWatchLogsRetentionInDays",
            );
        }
        validateTrailSelectors(args);
        return validatedTrailRegions(args);
    });
    const lifecycle = checked(parent, label, () =>
        validatedLogFileLifecycle(args.logFileTransitions, args.logFileExpirationDays),
    );
    const trailName = checkedInput(parent, label, args.trailName ?? name, (n) =>
        validateTrailName(n),
    );
    const bucketName = checkedOptionalInput(parent, label, args.bucketName, (b) =>
        validateBucketName(b),
    );
    const s3KeyPrefix = checkedOptionalInput(parent, label, args.s3KeyPrefix, (p) =>
        validateS3KeyPrefix(p),
    );
    return { regions, lifecycle, trailName, bucketName, s3KeyPrefix };
}

/**
 * The administrators of the keys this component creates. With explicit admins the account root no
 * longer delegates to IAM: whoever runs pulumi up must be one of them (see
 * checkCallerAmongAdmins), checked before any key. Only for the trail key this component creates:
 * a key of your own is yours to check.
 */
function trailKeyAdmins(
    parent: EncryptedTrail,
    label: string,
    args: EncryptedTrailArgs,
): pulumi.Input<pulumi.Input<string>[]> | undefined {
    return args.kmsKeyArn !== undefined
        ? args.keyAdminArns
        : checkedKeyAdmins(parent, label, args.keyAdminArns);
}

/** The user's `kmsKeyArn`, checked, or a new `CloudTrailKey` `${name}-key` for this trail. */
function trailKey(
    parent: EncryptedTrail,
    label: string,
    name: string,
    args: EncryptedTrailArgs,
    trailName: pulumi.Input<string>,
    keyAdminArns: pulumi.Input<pulumi.Input<string>[]> | undefined,
    where: pulumi.Output<AwsLocation>,
): ChosenKey {
    if (args.kmsKeyArn !== undefined) {
        const user = "the trail's S3 bucket";
        return givenKey(parent, label, args.kmsKeyArn, where, user, COMPONENT_NEEDS_KEY_ARN);
    }
    const key = new CloudTrailKey(
        `${name}-key`,
        {
            trailName,
            decryptPrincipalArns: args.decryptPrincipalArns,
            adminArns: keyAdminArns,
            // The bucket's default encryption uses this key with an S3 Bucket Key.
            s3BucketKey: true,
            // "Ensure the CMK is located in the same region as the S3 bucket" (the rule
            // "CloudTrail logs should be encrypted at rest using KMS CMKs" of Datadog, after
            // https://docs.aws.amazon.com/awscloudtrail/latest/userguide/encrypting-cloudtrail-log-files-with-aws-kms.html).
            region: args.region,
            description: pulumi.interpolate`CloudTrail key for trail ${trailName} (pulumi-aws-encrypted-logs)`,
            tags: args.tags,
        },
        { parent },
    );
    return { arn: key.arn, dependsOn: [key] };
}
