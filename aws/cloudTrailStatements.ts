/**
 * The key-policy statement that lets CloudTrail use a trail's key under the trail bucket's S3
 * Bucket Key: built once here, written by `cloudTrailKeyPolicy` (`s3BucketKey: true`) and printed
 * by the policy pack as the fix of a key policy that lacks it. Plain values in; no Pulumi runtime.
 */
import type { PolicyStatement } from "./policyDocument";
import { S3_CONTEXT_KEY, cloudTrailServicePrincipal } from "./services";

/** Where a trail is: its partition, region and account. */
export interface TrailPlace {
    readonly partition: string;
    readonly region: string;
    readonly accountId: string;
}

/** `arn:<p>:cloudtrail:<region>:<account>:trail/<name>`: the trail's ARN, its `aws:SourceArn`. */
export function trailArn(where: TrailPlace, trailName: string): string {
    return `arn:${where.partition}:cloudtrail:${where.region}:${where.accountId}:trail/${trailName}`;
}

/** `arn:<p>:cloudtrail:*:<account>:trail/*`: every trail of the account, in any region. */
export function accountTrailsPattern(where: Pick<TrailPlace, "partition" | "accountId">): string {
    return `arn:${where.partition}:cloudtrail:*:${where.accountId}:trail/*`;
}

/**
 * `AllowCloudTrailBucketKey`: `cloudtrail.amazonaws.com` may `kms:GenerateDataKey*` and
 * `kms:Decrypt` when the request carries an S3 encryption context (`Null
 * kms:EncryptionContext:aws:s3:arn = false`) and is for this trail (`StringEquals aws:SourceArn`),
 * or for any trail of the account without `trailName`. Why: see `cloudTrailKeyPolicy`. The
 * caller has checked the values.
 */
export function cloudTrailBucketKeyStatement(
    where: TrailPlace,
    trailName?: string,
): PolicyStatement {
    const s3Context = { [S3_CONTEXT_KEY]: "false" };
    return {
        Sid: "AllowCloudTrailBucketKey",
        Effect: "Allow",
        Principal: { Service: cloudTrailServicePrincipal() },
        Action: ["kms:GenerateDataKey*", "kms:Decrypt"],
        Resource: "*",
        Condition:
            trailName === undefined
                ? { Null: s3Context, StringLike: { "aws:SourceArn": accountTrailsPattern(where) } }
                : {
                      Null: s3Context,
                      StringEquals: { "aws:SourceArn": trailArn(where, trailName) },
                  },
    };
}
