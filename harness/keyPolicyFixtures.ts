/**
 * The account of every fixture stack and the key policies and published key facts fixtures use:
 * policies a service can or cannot use (anomaly detector, CloudTrail, administration only) and
 * the facts `LogsKey.facts` publishes, built with the package's own policy builders.
 */
import {
    KEY_FACTS_KIND,
    PublishedKeyFacts,
    anomalyDetectorKeyPolicy,
    logsKeyPolicy,
} from "../components";
import { uuidFrom } from "../testing/mockEngine";

/** The account every fixture stack is deployed in. */
export const ACCOUNT = "111122223333";

/**
 * Key facts as `LogsKey.facts` publishes them (`aws/keyFactsContract.ts`): a
 * symmetric, rotating, single-Region key in `region` of {@link ACCOUNT} whose policy lets every
 * log group of the account use it (`logsKeyPolicy` with `accountWide`), with `overrides`.
 */
export function publishedLogsKeyFacts(
    name: string,
    region = "us-east-1",
    overrides: Partial<Record<keyof PublishedKeyFacts, unknown>> = {},
): Record<string, unknown> {
    return {
        kind: KEY_FACTS_KIND,
        arn: `arn:aws:kms:${region}:${ACCOUNT}:key/${uuidFrom(name)}`,
        region,
        keySpec: "SYMMETRIC_DEFAULT",
        keyUsage: "ENCRYPT_DECRYPT",
        multiRegion: false,
        enableKeyRotation: true,
        policy: JSON.stringify(
            logsKeyPolicy({
                partition: "aws",
                dnsSuffix: "amazonaws.com",
                region,
                accountId: ACCOUNT,
                accountWide: true,
            }),
        ),
        ...overrides,
    };
}

/** The anomaly-detector key policy of `region` (the package's builder). */
export function detectorPolicy(region: string): object {
    return anomalyDetectorKeyPolicy({
        partition: "aws",
        dnsSuffix: "amazonaws.com",
        region,
        accountId: ACCOUNT,
    });
}

/** A key policy that only lets the account administer the key: it grants no service anything. */
export function adminOnlyPolicy(account = ACCOUNT): {
    Version: string;
    Statement: Record<string, unknown>[];
} {
    return {
        Version: "2012-10-17",
        Statement: [
            {
                Sid: "Admin",
                Effect: "Allow",
                Principal: { AWS: `arn:aws:iam::${account}:root` },
                Action: "kms:*",
                Resource: "*",
            },
        ],
    };
}

/**
 * The three statements of https://docs.aws.amazon.com/awscloudtrail/latest/userguide/encrypting-cloudtrail-log-files-with-aws-kms.html
 * for a CloudTrail key (plus administration).
 */
export function cloudTrailPolicy(account = ACCOUNT): object {
    return {
        Version: "2012-10-17",
        Statement: [
            {
                Sid: "KeyAdministration",
                Effect: "Allow",
                Principal: { AWS: `arn:aws:iam::${account}:root` },
                Action: "kms:*",
                Resource: "*",
            },
            {
                Sid: "AllowCloudTrailDescribeKey",
                Effect: "Allow",
                Principal: { Service: "cloudtrail.amazonaws.com" },
                Action: "kms:DescribeKey",
                Resource: "*",
            },
            {
                Sid: "AllowCloudTrailEncrypt",
                Effect: "Allow",
                Principal: { Service: "cloudtrail.amazonaws.com" },
                Action: "kms:GenerateDataKey*",
                Resource: "*",
                Condition: {
                    StringLike: {
                        "kms:EncryptionContext:aws:cloudtrail:arn": `arn:aws:cloudtrail:*:${account}:trail/*`,
                    },
                },
            },
            {
                Sid: "AllowCloudTrailLogDecrypt",
                Effect: "Allow",
                Principal: { AWS: `arn:aws:iam::${account}:role/auditor` },
                Action: "kms:Decrypt",
                Resource: "*",
                Condition: { Null: { "kms:EncryptionContext:aws:cloudtrail:arn": "false" } },
            },
        ],
    };
}
