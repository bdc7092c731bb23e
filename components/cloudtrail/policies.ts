/**
 * Pure policy builders for CloudTrail
 * (https://docs.aws.amazon.com/awscloudtrail/latest/userguide/encrypting-cloudtrail-log-files-with-aws-kms.html):
 * the key policy of a trail's KMS key, the trail bucket's policy, and the role CloudTrail assumes
 * to deliver to CloudWatch Logs.
 * Plain values in, a policy document out; no Pulumi runtime calls.
 *
 * The CloudTrail service principal is the same global name in every partition: see
 * `cloudTrailServicePrincipal` in `aws/services.ts`.
 */
import { AwsLocation, logGroupArn, validateIamPrincipalArn } from "../../aws/arn";
import { InputError } from "../../aws/errors";
import {
    PolicyDocument,
    PolicyStatement,
    keyAdministrationStatement,
    oneOrMany,
    validateLocation,
} from "../../aws/policyDocument";
import {
    accountTrailsPattern,
    cloudTrailBucketKeyStatement,
    trailArn,
} from "../../aws/cloudTrailStatements";
import {
    CLOUDTRAIL_CONTEXT_KEY,
    S3_CONTEXT_KEY,
    VIA_SERVICE_CONTEXT_KEY,
    cloudTrailServicePrincipal,
    viaServiceName,
} from "../../aws/services";
import { validateList, validateLogGroupName } from "../common/validation";
import { validateBucketName, validateS3KeyPrefix, validateTrailName } from "./validation";

function cloudTrailPrincipal(): { Service: string } {
    return { Service: cloudTrailServicePrincipal() };
}

export { S3_CONTEXT_KEY } from "../../aws/services";
export { cloudTrailBucketKeyStatement, trailArn } from "../../aws/cloudTrailStatements";

/** Arguments of {@link cloudTrailKeyPolicy}. */
export interface CloudTrailKeyPolicyArgs extends AwsLocation {
    /**
     * The trail that will use the key, in this location's region and account. When given, CloudTrail
     * may use the key only for this trail (`StringEquals aws:SourceArn`); otherwise for any trail of
     * the account.
     * @default any trail of the account (`arn:<partition>:cloudtrail:*:<account>:trail/*`)
     */
    readonly trailName?: string;
    /**
     * Principals that may decrypt the log files (`kms:Decrypt` with a CloudTrail context).
     * @default [] (no decrypt statement)
     */
    readonly decryptPrincipalArns?: readonly string[];
    /**
     * The trail's S3 bucket encrypts with this key under an S3 Bucket Key (as `EncryptedTrail`'s
     * bucket does). Adds the statements for data encrypted under the bucket's own encryption
     * context, which carries no `aws:cloudtrail:arn` (see the function's docs).
     * @default false
     */
    readonly s3BucketKey?: boolean;
    /** Key administrators. @default the account root (`arn:<partition>:iam::<account>:root`) */
    readonly adminArns?: readonly string[];
}

/**
 * Key policy for a CloudTrail key
 * (https://docs.aws.amazon.com/awscloudtrail/latest/userguide/encrypting-cloudtrail-log-files-with-aws-kms.html):
 * administration; `cloudtrail.amazonaws.com` may
 * `kms:DescribeKey`, and `kms:GenerateDataKey*` when the encryption context names a trail of this
 * account (`StringLike kms:EncryptionContext:aws:cloudtrail:arn`), narrowed to exactly `trailName`
 * by `StringEquals aws:SourceArn` when it is given; each of `decryptPrincipalArns` may
 * `kms:Decrypt` only CloudTrail-encrypted data (`Null kms:EncryptionContext:aws:cloudtrail:arn =
 * false`). An organisation trail needs nothing more on its key: the trail lives in the management
 * account, and member accounts' log files are encrypted under that trail's ARN.
 *
 * With `s3BucketKey` (the trail's bucket encrypts with this key under an S3 Bucket Key), two
 * more statements, because data S3 encrypts under the bucket key does not meet the
 * `kms:EncryptionContext:aws:cloudtrail:arn` conditions above:
 * - S3 User Guide, "Encryption context": "if you use SSE-KMS and enable an S3 Bucket Key, you use
 *   the bucket ARN for your encryption context", and "Reducing the cost of SSE-KMS with Amazon S3
 *   Bucket Keys": "S3 Bucket Keys use the bucket ARN as encryption context" — so those requests
 *   carry `aws:s3:arn = <bucket ARN>` and need not carry `aws:cloudtrail:arn`; then the
 *   `StringLike` condition does not match (IAM User Guide, condition operators: "If the key that
 *   you specify in a policy condition is not present in the request context, the values do not
 *   match and the condition is false"), nor does `Null ... = false`, which asks that the key exist.
 * - CloudTrail User Guide, "Configure AWS KMS key policies for CloudTrail": "If you are using an
 *   existing S3 bucket with an S3 Bucket Key, `kms:Decrypt` permissions are required to create or
 *   update a trail with SSE-KMS encryption enabled."
 * So `cloudtrail.amazonaws.com` may `kms:GenerateDataKey*` and `kms:Decrypt` when the request
 * carries an S3 context (`Null kms:EncryptionContext:aws:s3:arn = false`) and is for this trail
 * (`aws:SourceArn`; any trail of the account without `trailName`), and the readers may
 * `kms:Decrypt` S3 data only through S3 (`kms:ViaService = s3.<region>.amazonaws.com`). The
 * bucket's name is deliberately not in the condition: Pulumi names the bucket during the update,
 * and a key policy that waits for it could not be judged at preview. Log and digest files CloudTrail writes with its own context stay
 * covered by the statements above: the CloudTrail console's default key policy "Allows CloudTrail
 * to encrypt log files and digest files under the KMS key" with only the `aws:cloudtrail:arn`
 * statement.
 */
export function cloudTrailKeyPolicy(args: CloudTrailKeyPolicyArgs): PolicyDocument {
    const where = validateLocation(args);
    const trailName = args.trailName === undefined ? undefined : validateTrailName(args.trailName);
    const readers =
        args.decryptPrincipalArns === undefined
            ? []
            : validateList<string>("decryptPrincipalArns", args.decryptPrincipalArns).map(
                  (arn, i) =>
                      validateIamPrincipalArn(`decryptPrincipalArns[${i}]`, arn, where.partition),
              );
    const encrypt: PolicyStatement = {
        Sid: "AllowCloudTrailEncryptLogs",
        Effect: "Allow",
        Principal: cloudTrailPrincipal(),
        Action: "kms:GenerateDataKey*",
        Resource: "*",
        Condition: {
            StringLike: { [CLOUDTRAIL_CONTEXT_KEY]: accountTrailsPattern(where) },
            ...(trailName === undefined
                ? {}
                : { StringEquals: { "aws:SourceArn": trailArn(where, trailName) } }),
        },
    };
    const statements: PolicyStatement[] = [
        keyAdministrationStatement(where, args.adminArns),
        {
            Sid: "AllowCloudTrailDescribeKey",
            Effect: "Allow",
            Principal: cloudTrailPrincipal(),
            Action: "kms:DescribeKey",
            Resource: "*",
        },
        encrypt,
    ];
    if (readers.length > 0) {
        statements.push({
            Sid: "AllowCloudTrailLogDecrypt",
            Effect: "Allow",
            Principal: { AWS: oneOrMany(readers) },
            Action: "kms:Decrypt",
            Resource: "*",
            Condition: { Null: { [CLOUDTRAIL_CONTEXT_KEY]: "false" } },
        });
    }
    if (args.s3BucketKey === true) {
        const s3Context = { [S3_CONTEXT_KEY]: "false" };
        statements.push(cloudTrailBucketKeyStatement(where, trailName));
        if (readers.length > 0) {
            statements.push({
                Sid: "AllowCloudTrailLogDecryptThroughBucketKey",
                Effect: "Allow",
                Principal: { AWS: oneOrMany(readers) },
                Action: "kms:Decrypt",
                Resource: "*",
                Condition: {
                    Null: s3Context,
                    StringEquals: { [VIA_SERVICE_CONTEXT_KEY]: viaServiceName("s3", where) },
                },
            });
        }
    }
    return { Version: "2012-10-17", Statement: statements };
}

/** Arguments of {@link cloudTrailBucketPolicy}. */
export interface CloudTrailBucketPolicyArgs extends AwsLocation {
    /** The bucket the trail writes to. */
    readonly bucketName: string;
    /** The trail (in this location's region and account): the only `aws:SourceArn` allowed. */
    readonly trailName: string;
    /** The trail's S3 key prefix, without leading or trailing `/`. @default - none */
    readonly s3KeyPrefix?: string;
    /** Add the organisation statement (logs of member accounts under `AWSLogs/<orgId>/`). @default false */
    readonly isOrganizationTrail?: boolean;
    /** The organisation id (`o-...`); required when `isOrganizationTrail`. */
    readonly organizationId?: string;
}

/**
 * Bucket policy for a trail's bucket (the CloudTrail user guide's "Amazon S3 bucket policy for
 * CloudTrail"): CloudTrail may `s3:GetBucketAcl` on the bucket and `s3:PutObject` under
 * `[<prefix>/]AWSLogs/<account>/` (and `AWSLogs/<organizationId>/` for an organisation trail) only
 * for this trail (`aws:SourceArn`) and only with `s3:x-amz-acl = bucket-owner-full-control`; every
 * request over plain HTTP (`aws:SecureTransport = false`) is denied, whoever makes it.
 */
export function cloudTrailBucketPolicy(args: CloudTrailBucketPolicyArgs): PolicyDocument {
    const where = validateLocation(args);
    const bucket = validateBucketName(args.bucketName);
    const name = validateTrailName(args.trailName);
    const prefix =
        args.s3KeyPrefix === undefined ? "" : `${validateS3KeyPrefix(args.s3KeyPrefix)}/`;
    const bucketArn = `arn:${where.partition}:s3:::${bucket}`;
    const sourceArn = { "aws:SourceArn": trailArn(where, name) };
    const logFolders = [`${bucketArn}/${prefix}AWSLogs/${where.accountId}/*`];
    if (args.isOrganizationTrail === true) {
        const orgId = args.organizationId;
        if (typeof orgId !== "string" || !/^o-[a-z0-9]{10,32}$/.test(orgId)) {
            throw new InputError(
                "organizationId",
                orgId,
                "an organisation trail writes member accounts' logs under AWSLogs/<organization id>/",
                "an organization id such as 'o-exampleorgid'",
                "pass the id aws.organizations.getOrganization returns in the management account",
            );
        }
        logFolders.push(`${bucketArn}/${prefix}AWSLogs/${orgId}/*`);
    }
    return {
        Version: "2012-10-17",
        Statement: [
            {
                Sid: "AWSCloudTrailAclCheck",
                Effect: "Allow",
                Principal: cloudTrailPrincipal(),
                Action: "s3:GetBucketAcl",
                Resource: bucketArn,
                Condition: { StringEquals: sourceArn },
            },
            {
                Sid: "AWSCloudTrailWrite",
                Effect: "Allow",
                Principal: cloudTrailPrincipal(),
                Action: "s3:PutObject",
                Resource: oneOrMany(logFolders),
                Condition: {
                    StringEquals: { "s3:x-amz-acl": "bucket-owner-full-control", ...sourceArn },
                },
            },
            {
                Sid: "DenyInsecureTransport",
                Effect: "Deny",
                Principal: "*",
                Action: "s3:*",
                Resource: [bucketArn, `${bucketArn}/*`],
                Condition: { Bool: { "aws:SecureTransport": "false" } },
            },
        ],
    };
}

/** A role's trust policy statement (no `Resource`). */
export type TrustStatement = Omit<PolicyStatement, "Resource">;

/** A role's trust policy. */
export interface TrustPolicyDocument {
    /** Policy language version; always `2012-10-17`. */
    Version: "2012-10-17";
    /** The statements. */
    Statement: TrustStatement[];
}

/** A statement of an identity policy (no `Principal`). */
export type IdentityStatement = Omit<PolicyStatement, "Principal">;

/** An identity policy, e.g. a role's inline policy. */
export interface IdentityPolicyDocument {
    /** Policy language version; always `2012-10-17`. */
    Version: "2012-10-17";
    /** The statements. */
    Statement: IdentityStatement[];
}

/**
 * Trust policy of the role CloudTrail assumes to deliver a trail's events to CloudWatch Logs:
 * `cloudtrail.amazonaws.com` may `sts:AssumeRole` only for this trail (`aws:SourceArn`).
 */
export function cloudTrailLogsRoleTrustPolicy(
    args: AwsLocation & { readonly trailName: string },
): TrustPolicyDocument {
    const where = validateLocation(args);
    return {
        Version: "2012-10-17",
        Statement: [
            {
                Sid: "AllowCloudTrailAssumeRole",
                Effect: "Allow",
                Principal: cloudTrailPrincipal(),
                Action: "sts:AssumeRole",
                Condition: {
                    StringEquals: {
                        "aws:SourceArn": trailArn(where, validateTrailName(args.trailName)),
                    },
                },
            },
        ],
    };
}

/**
 * Permissions of that role: `logs:CreateLogStream` and `logs:PutLogEvents` on the streams of one
 * log group, nothing else.
 */
export function cloudTrailLogsRolePolicy(
    args: AwsLocation & { readonly logGroupName: string },
): IdentityPolicyDocument {
    const where = validateLocation(args);
    const group = logGroupArn(where, validateLogGroupName(args.logGroupName));
    return {
        Version: "2012-10-17",
        Statement: [
            {
                Sid: "AllowCloudTrailDeliverToLogGroup",
                Effect: "Allow",
                Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
                Resource: `${group}:log-stream:*`,
            },
        ],
    };
}
