import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { InputError } from "../../aws/errors";
import { PublishedKeyFacts } from "../../aws/keyFactsContract";
import { PACKAGE, checked, checkedKeyAdminArns, checkedOptionalInput } from "../common/component";
import { awsLocation, callerArn } from "../common/environment";
import { KeyManagementArgs, validatedKeySettings } from "../common/keySettings";
import { ServiceKeySpec, createServiceKey } from "../common/serviceKey";
import { cloudTrailKeyPolicy } from "./policies";
import {
    TRAIL_CALLER_NEEDS_DECRYPT,
    checkCallerAmongAdmins,
    validateTrailName,
} from "./validation";

/**
 * Explicit key administrators for a key a CloudTrail component creates, checked against whoever
 * runs `pulumi up` once the caller is known (see `checkCallerAmongAdmins`; `why` says what
 * CloudTrail needs of that caller). `undefined` stays `undefined`: the account root administers.
 */
export function checkedKeyAdmins(
    parent: pulumi.Resource,
    label: string,
    adminArns: pulumi.Input<pulumi.Input<string>[]> | undefined,
    why: string = TRAIL_CALLER_NEEDS_DECRYPT,
): pulumi.Output<string[]> | undefined {
    if (adminArns === undefined) {
        return undefined;
    }
    // Named keyAdminArns and checked for shape first, so "alice" is not read as a caller problem.
    const checkedAdmins = checkedKeyAdminArns(parent, label, adminArns) ?? [];
    return pulumi
        .all([checkedAdmins, callerArn(parent)])
        .apply(([admins, caller]) =>
            checked(parent, label, () => [
                ...checkCallerAmongAdmins(admins, caller, "keyAdminArns", why),
            ]),
        );
}

/** What a component can see of a CloudTrailKey when given its `arn` output itself. */
export interface SeenCloudTrailKey {
    /** The CloudTrailKey's resource name. */
    readonly name: string;
    /** Whether its policy has the S3 Bucket Key statements (`s3BucketKey: true`). */
    readonly s3BucketKey: boolean;
}

const seenKeys = new WeakMap<object, SeenCloudTrailKey>();

/**
 * The CloudTrailKey whose `arn` output `kmsKeyArn` is (the same object), or `undefined` for any
 * other value: an ARN string, a key of another stack, or an output derived from the `arn`.
 */
export function cloudTrailKeyBehind(kmsKeyArn: unknown): SeenCloudTrailKey | undefined {
    return typeof kmsKeyArn === "object" && kmsKeyArn !== null
        ? seenKeys.get(kmsKeyArn)
        : undefined;
}

/**
 * Refuses a `kmsKeyArn` that is the `arn` of a CloudTrailKey made without `s3BucketKey: true`:
 * EncryptedTrail's bucket uses an S3 Bucket Key, under which CloudTrail's requests carry the
 * bucket's ARN as encryption context, not the trail's (S3 User Guide, "Configuring your bucket to
 * use an S3 Bucket Key with SSE-KMS for new objects",
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/configuring-bucket-key.html: "the
 * encryption context will be the bucket Amazon Resource Name (ARN) and not the object ARN"), and
 * such a key's policy allows CloudTrail only under the trail's context. Refused rather than
 * repaired: a KMS key has one policy, the CloudTrailKey's, and a second writer (an
 * `aws.kms.KeyPolicy` from here) would replace it and fight it on every update. A key the
 * component cannot see (an ARN string, an output derived from `arn`) is left to the policy pack,
 * which judges the key policy itself.
 */
export function checkBucketKeyStatements(kmsKeyArn: unknown): void {
    const seen = cloudTrailKeyBehind(kmsKeyArn);
    if (seen !== undefined && !seen.s3BucketKey) {
        throw new InputError(
            "kmsKeyArn",
            `<arn of CloudTrailKey '${seen.name}'>`,
            "the trail's bucket uses an S3 Bucket Key, so CloudTrail's requests to the key carry the bucket's ARN as encryption context (kms:EncryptionContext:aws:s3:arn), and that key's policy, made without s3BucketKey: true, refuses them: CloudTrail could not create the trail nor deliver its log files",
            "a CloudTrailKey with s3BucketKey: true, or a key whose policy lets cloudtrail.amazonaws.com kms:GenerateDataKey* and kms:Decrypt under kms:EncryptionContext:aws:s3:arn",
            `set s3BucketKey: true on CloudTrailKey "${seen.name}"`,
        );
    }
}

/** Arguments of {@link CloudTrailKey}. All optional. */
export interface CloudTrailKeyArgs extends KeyManagementArgs {
    /**
     * Name of the trail (in the provider's region and account) that will use the key. When given,
     * CloudTrail may use the key only for this trail (`StringEquals aws:SourceArn`).
     * @default - any trail of the account (`StringLike kms:EncryptionContext:aws:cloudtrail:arn`)
     */
    readonly trailName?: pulumi.Input<string>;
    /**
     * IAM roles or users that may decrypt the log files (`kms:Decrypt`, only for data CloudTrail
     * encrypted). They also need `s3:GetObject` on the bucket; S3 decrypts for them.
     * @default - none (the account root can still grant decryption through IAM)
     */
    readonly decryptPrincipalArns?: pulumi.Input<pulumi.Input<string>[]>;
    /**
     * The trail's S3 bucket encrypts with this key under an S3 Bucket Key (as `EncryptedTrail`'s
     * does). Adds the statements for data S3 encrypts under the bucket's own context
     * (`kms:EncryptionContext:aws:s3:arn`, which carries no `aws:cloudtrail:arn`): `kms:GenerateDataKey*`
     * and `kms:Decrypt` for CloudTrail, for this trail only (`aws:SourceArn`), and `kms:Decrypt`
     * through S3 for `decryptPrincipalArns`. CloudTrail: "If you are using an existing S3 bucket
     * with an S3 Bucket Key, `kms:Decrypt` permissions are required to create or update a trail".
     * @default false
     */
    readonly s3BucketKey?: boolean;
    /**
     * Description of the key.
     * @default "CloudTrail encryption key (pulumi-aws-encrypted-logs)"
     */
    readonly description?: pulumi.Input<string>;
    /**
     * Region to create the key in: the region of the trail's S3 bucket.
     * @default - the region of the AWS provider
     */
    readonly region?: pulumi.Input<string>;
}

/**
 * A symmetric customer-managed KMS key whose key policy lets CloudTrail encrypt log files with it
 * (for one trail, or any trail of the account) and lets the listed readers decrypt them, so a trail
 * using it deploys without `InsufficientEncryptionPolicyException`. Create it in the region of the
 * trail's S3 bucket.
 *
 * For trails only, not for CloudTrail Lake event data stores: its CloudTrail statements are
 * conditioned on the trail's encryption context (`kms:EncryptionContext:aws:cloudtrail:arn`) and
 * `aws:SourceArn`, and "The `aws:SourceArn` and `aws:SourceAccount` condition keys are not supported
 * in KMS key policies for event data stores" (CloudTrail User Guide), so CloudTrail Lake could not
 * use this key. Use `EncryptedEventDataStore`, or a key with `eventDataStoreKeyPolicy`.
 */
export class CloudTrailKey extends pulumi.ComponentResource {
    /** The KMS key. */
    public readonly key: aws.kms.Key;
    /** The key ARN: what CloudTrail needs as `kmsKeyId`. */
    public readonly arn: pulumi.Output<string>;
    /** The key id (a UUID). */
    public readonly keyId: pulumi.Output<string>;
    /** The key policy, as JSON. */
    public readonly policy: pulumi.Output<string>;
    /**
     * The key's facts (kind `pulumi-aws-encrypted-logs/key-facts@1`: arn, region, keySpec,
     * keyUsage, multiRegion, enableKeyRotation, policy). Export them (`export const logsKey =
     * key.facts;`) and the policy pack judges this key in every stack that uses it through a
     * StackReference.
     */
    public readonly facts: pulumi.Output<PublishedKeyFacts>;

    /**
     * @param name the component's name; the key is named `name`, its alias `${name}-alias`.
     * @param args which trail and readers the key is for, and how it is managed.
     * @param opts options; an AWS `provider` here decides the key's partition, region and account.
     */
    constructor(
        name: string,
        args: CloudTrailKeyArgs = {},
        opts?: pulumi.ComponentResourceOptions,
    ) {
        super(`${PACKAGE}:index:CloudTrailKey`, name, {}, opts);
        const spec = cloudTrailKeySpec(this, `CloudTrailKey "${name}"`, args);
        const made = createServiceKey(this, name, spec);
        this.key = made.key;
        this.arn = made.arn;
        seenKeys.set(this.arn, { name, s3BucketKey: args.s3BucketKey === true });
        this.keyId = made.keyId;
        this.policy = made.policy;
        this.facts = made.facts;
        this.registerOutputs(made);
    }
}

/**
 * Validates `args` and builds the key a `CloudTrailKey` is made of: the CloudTrail key policy
 * (for `trailName`, or any trail of the account), the description and the key settings.
 */
function cloudTrailKeySpec(
    parent: pulumi.Resource,
    label: string,
    args: CloudTrailKeyArgs,
): ServiceKeySpec {
    const settings = checked(parent, label, () => validatedKeySettings(args));
    const trailName = checkedOptionalInput(parent, label, args.trailName, (n) =>
        validateTrailName(n),
    );
    const where = awsLocation(parent, args.region);
    const policy = pulumi
        .all([where, trailName, args.decryptPrincipalArns, args.adminArns])
        .apply(([loc, trail, decryptPrincipalArns, adminArns]) =>
            checked(parent, label, () =>
                JSON.stringify(
                    cloudTrailKeyPolicy({
                        ...loc,
                        trailName: trail,
                        decryptPrincipalArns,
                        adminArns,
                        s3BucketKey: args.s3BucketKey,
                    }),
                ),
            ),
        );
    return {
        description: args.description ?? "CloudTrail encryption key (pulumi-aws-encrypted-logs)",
        policy,
        settings,
        region: args.region,
        tags: args.tags,
    };
}
