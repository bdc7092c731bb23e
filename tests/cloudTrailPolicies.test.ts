/**
 * The CloudTrail policy builders: exact statements in every partition, and the key policy and the
 * bucket policy evaluated with an IAM policy evaluator (allowed and denied requests) in aws, aws-cn
 * and aws-us-gov.
 */
import * as assert from "node:assert/strict";
import {
    cloudTrailBucketPolicy,
    cloudTrailKeyPolicy,
    cloudTrailLogsRolePolicy,
    cloudTrailLogsRoleTrustPolicy,
} from "../components";
import { CLOUDTRAIL_CONTEXT_KEY, cloudTrailServicePrincipal } from "../aws/services";
import { KMS_ADMIN_IDENTITY_POLICY, decide, partitionsIn } from "./support/iam";
import { CHINA, COMMERCIAL, GOVCLOUD, MockAccount } from "../testing/mockEngine";

const KEY_ID = "1234abcd-12ab-34cd-56ef-1234567890ab";
const OTHER_ACCOUNT = "999988887777";
const ORG_ID = "o-a1b2c3d4e5";
const BUCKET = "acme-trail-logs";
const PREFIX = "org/audit";
const CLOUDTRAIL = "cloudtrail.amazonaws.com";
const keyArn = (a: MockAccount) =>
    `arn:${a.partition}:kms:${a.region}:${a.accountId}:key/${KEY_ID}`;
const trail = (a: MockAccount, name: string, account = a.accountId, region = a.region) =>
    `arn:${a.partition}:cloudtrail:${region}:${account}:trail/${name}`;
const role = (a: MockAccount, name: string, account = a.accountId) =>
    `arn:${a.partition}:iam::${account}:role/${name}`;

/** A request case: what is asked, on what, and whether the policy must allow it. */
interface Case {
    readonly name: string;
    readonly principal: string;
    readonly action: string;
    readonly resource?: string;
    readonly context?: Record<string, string>;
    readonly identityPolicy?: object;
    readonly allowed: boolean;
}

/** Every evaluated case, by table, so the closing note can list them. */
export const EVALUATED: { table: string; partition: string; name: string; allowed: boolean }[] = [];

function runCases(
    table: string,
    policy: object,
    account: MockAccount,
    defaultResource: string,
    cases: Case[],
): void {
    for (const c of cases) {
        const decision = decide(policy, c.resource ?? defaultResource, c, account.accountId);
        EVALUATED.push({ table, partition: account.partition, name: c.name, allowed: c.allowed });
        assert.equal(
            decision === "Allowed",
            c.allowed,
            `${account.partition}: ${c.name}: expected ${c.allowed ? "Allowed" : "denied"}, got ${decision}`,
        );
    }
}

function keyCases(a: MockAccount, named: boolean): Case[] {
    const own = trail(a, "org-audit");
    const withContext = (arn: string, source = arn) => ({
        [CLOUDTRAIL_CONTEXT_KEY]: arn,
        "aws:SourceArn": source,
        "aws:SourceAccount": source.split(":")[4],
    });
    const reader = role(a, "audit-reader");
    return [
        ...["kms:GenerateDataKey", "kms:GenerateDataKeyWithoutPlaintext"].map((action) => ({
            name: `CloudTrail ${action} for this trail`,
            principal: CLOUDTRAIL,
            action,
            context: withContext(own),
            allowed: true,
        })),
        {
            name: "CloudTrail DescribeKey",
            principal: CLOUDTRAIL,
            action: "kms:DescribeKey",
            allowed: true,
        },
        {
            name: "CloudTrail for the trail's logs delivered from another region (multi-Region trail)",
            principal: CLOUDTRAIL,
            action: "kms:GenerateDataKey",
            context: {
                [CLOUDTRAIL_CONTEXT_KEY]: own,
                "aws:SourceArn": own,
            },
            allowed: true,
        },
        {
            name: "CloudTrail for another account's trail",
            principal: CLOUDTRAIL,
            action: "kms:GenerateDataKey",
            context: withContext(trail(a, "org-audit", OTHER_ACCOUNT)),
            allowed: false,
        },
        {
            name: "CloudTrail with this account's context but another account's trail as source",
            principal: CLOUDTRAIL,
            action: "kms:GenerateDataKey",
            context: withContext(own, trail(a, "org-audit", OTHER_ACCOUNT)),
            // Only a named trail pins aws:SourceArn; CloudTrail sets both to the same trail ARN.
            allowed: !named,
        },
        {
            name: "CloudTrail for another trail of this account",
            principal: CLOUDTRAIL,
            action: "kms:GenerateDataKey",
            context: withContext(trail(a, "other-trail")),
            allowed: !named,
        },
        {
            name: "CloudTrail with no encryption context",
            principal: CLOUDTRAIL,
            action: "kms:GenerateDataKey",
            context: { "aws:SourceArn": own },
            allowed: false,
        },
        {
            name: "CloudTrail asking to decrypt",
            principal: CLOUDTRAIL,
            action: "kms:Decrypt",
            context: withContext(own),
            allowed: false,
        },
        {
            name: "CloudTrail asking to change the key policy",
            principal: CLOUDTRAIL,
            action: "kms:PutKeyPolicy",
            context: withContext(own),
            allowed: false,
        },
        {
            name: "another service with CloudTrail's context",
            principal: `logs.${a.region}.${a.dnsSuffix}`,
            action: "kms:GenerateDataKey",
            context: withContext(own),
            allowed: false,
        },
        {
            name: "a listed reader decrypts a CloudTrail log file",
            principal: reader,
            action: "kms:Decrypt",
            context: { [CLOUDTRAIL_CONTEXT_KEY]: own },
            allowed: true,
        },
        {
            name: "a listed reader decrypts data without the CloudTrail context",
            principal: reader,
            action: "kms:Decrypt",
            context: { "kms:EncryptionContext:aws:s3:arn": `arn:${a.partition}:s3:::other` },
            allowed: false,
        },
        {
            name: "a listed reader encrypts",
            principal: reader,
            action: "kms:GenerateDataKey",
            context: { [CLOUDTRAIL_CONTEXT_KEY]: own },
            allowed: false,
        },
        {
            name: "a role of the account that is not listed (no IAM policy)",
            principal: role(a, "app"),
            action: "kms:Decrypt",
            context: { [CLOUDTRAIL_CONTEXT_KEY]: own },
            allowed: false,
        },
        {
            name: "another account's role with kms:* in IAM",
            principal: role(a, "admin", OTHER_ACCOUNT),
            action: "kms:Decrypt",
            context: { [CLOUDTRAIL_CONTEXT_KEY]: own },
            identityPolicy: KMS_ADMIN_IDENTITY_POLICY,
            allowed: false,
        },
        {
            name: "an anonymous caller",
            principal: "anonymous",
            action: "kms:Decrypt",
            context: { [CLOUDTRAIL_CONTEXT_KEY]: own },
            allowed: false,
        },
        {
            name: "the account's key admin role (kms:* in IAM) administers the key",
            principal: role(a, "key-admin"),
            action: "kms:PutKeyPolicy",
            identityPolicy: KMS_ADMIN_IDENTITY_POLICY,
            allowed: true,
        },
    ];
}

/**
 * Requests S3 makes under the bucket's S3 Bucket Key: the encryption context is the bucket's ARN
 * ("S3 Bucket Keys use the bucket ARN as encryption context"), with no `aws:cloudtrail:arn`.
 * `allowed` is what a key policy with `s3BucketKey` must answer.
 */
function bucketKeyCases(a: MockAccount, named: boolean): Case[] {
    const own = trail(a, "org-audit");
    const bucketContext = {
        "kms:EncryptionContext:aws:s3:arn": `arn:${a.partition}:s3:::${BUCKET}`,
    };
    const reader = role(a, "audit-reader");
    const viaS3 = { "kms:ViaService": `s3.${a.region}.amazonaws.com` };
    return [
        ...["kms:GenerateDataKey", "kms:Decrypt"].map((action) => ({
            name: `CloudTrail ${action} under the bucket key, for this trail`,
            principal: CLOUDTRAIL,
            action,
            context: { ...bucketContext, "aws:SourceArn": own },
            allowed: true,
        })),
        {
            name: "CloudTrail under the bucket key for another trail of the account",
            principal: CLOUDTRAIL,
            action: "kms:Decrypt",
            context: { ...bucketContext, "aws:SourceArn": trail(a, "other-trail") },
            allowed: !named,
        },
        {
            name: "CloudTrail under the bucket key for another account's trail",
            principal: CLOUDTRAIL,
            action: "kms:Decrypt",
            context: { ...bucketContext, "aws:SourceArn": trail(a, "org-audit", OTHER_ACCOUNT) },
            allowed: false,
        },
        {
            name: "CloudTrail under the bucket key without a source trail",
            principal: CLOUDTRAIL,
            action: "kms:GenerateDataKey",
            context: bucketContext,
            allowed: false,
        },
        {
            name: "CloudTrail re-encrypting under the bucket key",
            principal: CLOUDTRAIL,
            action: "kms:ReEncryptFrom",
            context: { ...bucketContext, "aws:SourceArn": own },
            allowed: false,
        },
        {
            name: "a listed reader decrypts through S3 under the bucket key",
            principal: reader,
            action: "kms:Decrypt",
            context: { ...bucketContext, ...viaS3 },
            allowed: true,
        },
        {
            name: "a listed reader decrypts under the bucket key calling KMS directly",
            principal: reader,
            action: "kms:Decrypt",
            context: bucketContext,
            allowed: false,
        },
        {
            name: "a listed reader decrypts through S3 of another region",
            principal: reader,
            action: "kms:Decrypt",
            context: { ...bucketContext, "kms:ViaService": "s3.eu-central-1.amazonaws.com" },
            allowed: false,
        },
        {
            name: "a listed reader encrypts through S3 under the bucket key",
            principal: reader,
            action: "kms:GenerateDataKey",
            context: { ...bucketContext, ...viaS3 },
            allowed: false,
        },
        {
            name: "a role that is not listed decrypts through S3 under the bucket key",
            principal: role(a, "app"),
            action: "kms:Decrypt",
            context: { ...bucketContext, ...viaS3 },
            allowed: false,
        },
    ];
}

function bucketCases(a: MockAccount, organization: boolean): Case[] {
    const own = trail(a, "org-audit");
    const bucketArn = `arn:${a.partition}:s3:::${BUCKET}`;
    const object = (folder: string, prefix = `${PREFIX}/`) =>
        `${bucketArn}/${prefix}AWSLogs/${folder}/CloudTrail/${a.region}/2026/01/01/log.json.gz`;
    const tls = { "aws:SecureTransport": "true" };
    const plain = { "aws:SecureTransport": "false" };
    const put = (source: string, acl?: string) => ({
        ...tls,
        "aws:SourceArn": source,
        "aws:SourceAccount": source.split(":")[4],
        ...(acl === undefined ? {} : { "s3:x-amz-acl": acl }),
    });
    const s3Admin = {
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Action: "s3:*", Resource: "*" }],
    };
    return [
        {
            name: "CloudTrail writes a log file with bucket-owner-full-control",
            principal: CLOUDTRAIL,
            action: "s3:PutObject",
            resource: object(a.accountId),
            context: put(own, "bucket-owner-full-control"),
            allowed: true,
        },
        {
            name: "CloudTrail reads the bucket ACL",
            principal: CLOUDTRAIL,
            action: "s3:GetBucketAcl",
            resource: bucketArn,
            context: { ...tls, "aws:SourceArn": own },
            allowed: true,
        },
        {
            name: "CloudTrail writes without the ACL",
            principal: CLOUDTRAIL,
            action: "s3:PutObject",
            resource: object(a.accountId),
            context: put(own),
            allowed: false,
        },
        {
            name: "CloudTrail writes with another ACL",
            principal: CLOUDTRAIL,
            action: "s3:PutObject",
            resource: object(a.accountId),
            context: put(own, "public-read"),
            allowed: false,
        },
        {
            name: "CloudTrail writes for another account's trail",
            principal: CLOUDTRAIL,
            action: "s3:PutObject",
            resource: object(a.accountId),
            context: put(trail(a, "org-audit", OTHER_ACCOUNT), "bucket-owner-full-control"),
            allowed: false,
        },
        {
            name: "CloudTrail writes for another trail of this account",
            principal: CLOUDTRAIL,
            action: "s3:PutObject",
            resource: object(a.accountId),
            context: put(trail(a, "other-trail"), "bucket-owner-full-control"),
            allowed: false,
        },
        {
            name: "CloudTrail writes into another account's folder",
            principal: CLOUDTRAIL,
            action: "s3:PutObject",
            resource: object(OTHER_ACCOUNT),
            context: put(own, "bucket-owner-full-control"),
            allowed: false,
        },
        {
            name: "CloudTrail writes outside the prefix",
            principal: CLOUDTRAIL,
            action: "s3:PutObject",
            resource: object(a.accountId, ""),
            context: put(own, "bucket-owner-full-control"),
            allowed: false,
        },
        {
            name: "CloudTrail writes under the organisation's folder",
            principal: CLOUDTRAIL,
            action: "s3:PutObject",
            resource: object(`${ORG_ID}/${OTHER_ACCOUNT}`),
            context: put(own, "bucket-owner-full-control"),
            allowed: organization,
        },
        {
            name: "CloudTrail reads the bucket ACL for another account's trail",
            principal: CLOUDTRAIL,
            action: "s3:GetBucketAcl",
            resource: bucketArn,
            context: { ...tls, "aws:SourceArn": trail(a, "org-audit", OTHER_ACCOUNT) },
            allowed: false,
        },
        {
            name: "CloudTrail reads a log file",
            principal: CLOUDTRAIL,
            action: "s3:GetObject",
            resource: object(a.accountId),
            context: { ...tls, "aws:SourceArn": own },
            allowed: false,
        },
        {
            name: "CloudTrail writes a correct log file over plain HTTP",
            principal: CLOUDTRAIL,
            action: "s3:PutObject",
            resource: object(a.accountId),
            context: { ...put(own, "bucket-owner-full-control"), ...plain },
            allowed: false,
        },
        {
            name: "the account's S3 admin (s3:* in IAM) reads a log file over TLS",
            principal: role(a, "s3-admin"),
            action: "s3:GetObject",
            resource: object(a.accountId),
            context: tls,
            identityPolicy: s3Admin,
            allowed: true,
        },
        {
            name: "the account's S3 admin (s3:* in IAM) reads a log file over plain HTTP",
            principal: role(a, "s3-admin"),
            action: "s3:GetObject",
            resource: object(a.accountId),
            context: plain,
            identityPolicy: s3Admin,
            allowed: false,
        },
        {
            name: "the account's S3 admin deletes the bucket policy over plain HTTP",
            principal: role(a, "s3-admin"),
            action: "s3:DeleteBucketPolicy",
            resource: bucketArn,
            context: plain,
            identityPolicy: s3Admin,
            allowed: false,
        },
        {
            name: "another account's role with s3:* in IAM reads a log file",
            principal: role(a, "admin", OTHER_ACCOUNT),
            action: "s3:GetObject",
            resource: object(a.accountId),
            context: tls,
            identityPolicy: s3Admin,
            allowed: false,
        },
        {
            name: "an anonymous caller reads a log file",
            principal: "anonymous",
            action: "s3:GetObject",
            resource: object(a.accountId),
            context: tls,
            allowed: false,
        },
    ];
}

describe("cloudTrailKeyPolicy", () => {
    for (const account of [COMMERCIAL, CHINA, GOVCLOUD]) {
        it(`writes the seed-004 statements, narrowed to the trail, in ${account.partition}`, () => {
            const reader = role(account, "audit-reader");
            const policy = cloudTrailKeyPolicy({
                ...account,
                trailName: "org-audit",
                decryptPrincipalArns: [reader],
            });
            assert.deepEqual(policy, {
                Version: "2012-10-17",
                Statement: [
                    {
                        Sid: "KeyAdministration",
                        Effect: "Allow",
                        Principal: {
                            AWS: `arn:${account.partition}:iam::${account.accountId}:root`,
                        },
                        Action: "kms:*",
                        Resource: "*",
                    },
                    {
                        Sid: "AllowCloudTrailDescribeKey",
                        Effect: "Allow",
                        Principal: { Service: CLOUDTRAIL },
                        Action: "kms:DescribeKey",
                        Resource: "*",
                    },
                    {
                        Sid: "AllowCloudTrailEncryptLogs",
                        Effect: "Allow",
                        Principal: { Service: CLOUDTRAIL },
                        Action: "kms:GenerateDataKey*",
                        Resource: "*",
                        Condition: {
                            StringLike: {
                                [CLOUDTRAIL_CONTEXT_KEY]: `arn:${account.partition}:cloudtrail:*:${account.accountId}:trail/*`,
                            },
                            StringEquals: { "aws:SourceArn": trail(account, "org-audit") },
                        },
                    },
                    {
                        Sid: "AllowCloudTrailLogDecrypt",
                        Effect: "Allow",
                        Principal: { AWS: reader },
                        Action: "kms:Decrypt",
                        Resource: "*",
                        Condition: { Null: { [CLOUDTRAIL_CONTEXT_KEY]: "false" } },
                    },
                ],
            });
            assert.deepEqual([...partitionsIn(policy)], [account.partition]);
        });
    }

    for (const account of [COMMERCIAL, CHINA, GOVCLOUD]) {
        it(`adds the S3 Bucket Key statements, narrowed to the trail and to S3, in ${account.partition}`, () => {
            const reader = role(account, "audit-reader");
            const policy = cloudTrailKeyPolicy({
                ...account,
                trailName: "org-audit",
                decryptPrincipalArns: [reader],
                s3BucketKey: true,
            });
            assert.deepEqual(policy.Statement.slice(4), [
                {
                    Sid: "AllowCloudTrailBucketKey",
                    Effect: "Allow",
                    Principal: { Service: CLOUDTRAIL },
                    Action: ["kms:GenerateDataKey*", "kms:Decrypt"],
                    Resource: "*",
                    Condition: {
                        Null: { "kms:EncryptionContext:aws:s3:arn": "false" },
                        StringEquals: { "aws:SourceArn": trail(account, "org-audit") },
                    },
                },
                {
                    Sid: "AllowCloudTrailLogDecryptThroughBucketKey",
                    Effect: "Allow",
                    Principal: { AWS: reader },
                    Action: "kms:Decrypt",
                    Resource: "*",
                    Condition: {
                        Null: { "kms:EncryptionContext:aws:s3:arn": "false" },
                        // The .amazonaws.com ViaService name in every partition, China included.
                        StringEquals: { "kms:ViaService": `s3.${account.region}.amazonaws.com` },
                    },
                },
            ]);
            assert.deepEqual(
                policy.Statement.slice(0, 4),
                cloudTrailKeyPolicy({
                    ...account,
                    trailName: "org-audit",
                    decryptPrincipalArns: [reader],
                }).Statement,
            );
        });
    }

    it("with an S3 Bucket Key but no trail name, pins the source to the account's trails, and adds no reader statement without readers", () => {
        const policy = cloudTrailKeyPolicy({ ...COMMERCIAL, s3BucketKey: true });
        assert.deepEqual(
            policy.Statement.map((st) => st.Sid),
            [
                "KeyAdministration",
                "AllowCloudTrailDescribeKey",
                "AllowCloudTrailEncryptLogs",
                "AllowCloudTrailBucketKey",
            ],
        );
        assert.deepEqual(policy.Statement[3].Condition, {
            Null: { "kms:EncryptionContext:aws:s3:arn": "false" },
            StringLike: { "aws:SourceArn": "arn:aws:cloudtrail:*:111122223333:trail/*" },
        });
    });

    it("uses the global cloudtrail.amazonaws.com principal in every partition, even aws-cn", () => {
        assert.equal(cloudTrailServicePrincipal(), "cloudtrail.amazonaws.com");
        const policy = cloudTrailKeyPolicy({ ...CHINA, trailName: "t1t" });
        assert.deepEqual(policy.Statement[2].Principal, { Service: "cloudtrail.amazonaws.com" });
        assert.ok(!JSON.stringify(policy).includes("amazonaws.com.cn"));
    });

    it("without a trail name, scopes by encryption context only and adds no decrypt statement", () => {
        const policy = cloudTrailKeyPolicy({ ...COMMERCIAL });
        assert.deepEqual(policy.Statement[2].Condition, {
            StringLike: {
                [CLOUDTRAIL_CONTEXT_KEY]: "arn:aws:cloudtrail:*:111122223333:trail/*",
            },
        });
        assert.deepEqual(
            policy.Statement.map((s) => s.Sid),
            ["KeyAdministration", "AllowCloudTrailDescribeKey", "AllowCloudTrailEncryptLogs"],
        );
    });

    it("lists several readers in one statement and replaces the root with explicit admins", () => {
        const readers = [role(COMMERCIAL, "a"), "arn:aws:iam::111122223333:user/b"];
        const admin = role(COMMERCIAL, "key-admin");
        const policy = cloudTrailKeyPolicy({
            ...COMMERCIAL,
            decryptPrincipalArns: readers,
            adminArns: [admin],
        });
        assert.deepEqual(policy.Statement[0].Principal, { AWS: admin });
        assert.deepEqual(policy.Statement[3].Principal, { AWS: readers });
    });

    const refusals: [string, () => unknown, RegExp][] = [
        [
            "a reader ARN that is not an IAM principal",
            () => cloudTrailKeyPolicy({ ...COMMERCIAL, decryptPrincipalArns: ["arn:aws:s3:::b"] }),
            /decryptPrincipalArns\[0\] is "arn:aws:s3:::b": not an IAM role, user or account-root ARN/,
        ],
        [
            "a reader from another partition",
            () =>
                cloudTrailKeyPolicy({
                    ...CHINA,
                    decryptPrincipalArns: ["arn:aws:iam::444455556666:role/r"],
                }),
            /the principal is in partition 'aws' but the key is in partition 'aws-cn'/,
        ],
        [
            "readers that are not a list",
            () =>
                cloudTrailKeyPolicy({
                    ...COMMERCIAL,
                    decryptPrincipalArns: "arn:aws:iam::111122223333:role/r" as never,
                }),
            /decryptPrincipalArns is "arn:aws:iam::111122223333:role\/r": expected a list/,
        ],
        [
            "an invalid trail name",
            () => cloudTrailKeyPolicy({ ...COMMERCIAL, trailName: "my-_trail" }),
            /trailName is "my-_trail": '-_' puts two of/,
        ],
        [
            "no admins",
            () => cloudTrailKeyPolicy({ ...COMMERCIAL, adminArns: [] }),
            /adminArns is \[\]: a key nobody can administer/,
        ],
        [
            "a malformed location",
            () => cloudTrailKeyPolicy({ ...COMMERCIAL, accountId: "123" }),
            /accountId is "123": cannot build a key policy for this location/,
        ],
    ];
    for (const [what, build, message] of refusals) {
        it(`refuses ${what}`, () => assert.throws(build, message));
    }

    for (const account of [COMMERCIAL, CHINA, GOVCLOUD]) {
        describe(`evaluated in ${account.partition}`, () => {
            const reader = role(account, "audit-reader");
            const named = cloudTrailKeyPolicy({
                ...account,
                trailName: "org-audit",
                decryptPrincipalArns: [reader],
            });
            const cases = keyCases(account, true);
            it(`for a named trail: allows exactly the intended ${cases.filter((c) => c.allowed).length} of ${cases.length} requests`, () => {
                runCases("key (trail named)", named, account, keyArn(account), cases);
            });
            const unnamed = cloudTrailKeyPolicy({ ...account, decryptPrincipalArns: [reader] });
            const unnamedCases = keyCases(account, false);
            it(`for any trail of the account: allows exactly the intended ${unnamedCases.filter((c) => c.allowed).length} of ${unnamedCases.length} requests`, () => {
                runCases("key (any trail)", unnamed, account, keyArn(account), unnamedCases);
            });
            for (const trailNamed of [true, false]) {
                const withBucketKey = cloudTrailKeyPolicy({
                    ...account,
                    trailName: trailNamed ? "org-audit" : undefined,
                    decryptPrincipalArns: [reader],
                    s3BucketKey: true,
                });
                const bucketKey = [
                    ...keyCases(account, trailNamed),
                    ...bucketKeyCases(account, trailNamed),
                ];
                it(`with an S3 Bucket Key, ${trailNamed ? "for a named trail" : "for any trail"}: allows exactly the intended ${bucketKey.filter((c) => c.allowed).length} of ${bucketKey.length} requests`, () => {
                    runCases(
                        "key (S3 Bucket Key)",
                        withBucketKey,
                        account,
                        keyArn(account),
                        bucketKey,
                    );
                });
            }
            it("without s3BucketKey, refuses every request made under the bucket key (why EncryptedTrail adds it)", () => {
                runCases(
                    "key (no S3 Bucket Key statements)",
                    named,
                    account,
                    keyArn(account),
                    bucketKeyCases(account, true).map((c) => ({ ...c, allowed: false })),
                );
            });
        });
    }
});

describe("cloudTrailBucketPolicy", () => {
    for (const account of [COMMERCIAL, CHINA, GOVCLOUD]) {
        it(`writes the CloudTrail bucket statements and the TLS-only deny in ${account.partition}`, () => {
            const policy = cloudTrailBucketPolicy({
                ...account,
                bucketName: BUCKET,
                trailName: "org-audit",
                s3KeyPrefix: PREFIX,
            });
            const bucketArn = `arn:${account.partition}:s3:::${BUCKET}`;
            assert.deepEqual(policy, {
                Version: "2012-10-17",
                Statement: [
                    {
                        Sid: "AWSCloudTrailAclCheck",
                        Effect: "Allow",
                        Principal: { Service: CLOUDTRAIL },
                        Action: "s3:GetBucketAcl",
                        Resource: bucketArn,
                        Condition: {
                            StringEquals: { "aws:SourceArn": trail(account, "org-audit") },
                        },
                    },
                    {
                        Sid: "AWSCloudTrailWrite",
                        Effect: "Allow",
                        Principal: { Service: CLOUDTRAIL },
                        Action: "s3:PutObject",
                        Resource: `${bucketArn}/${PREFIX}/AWSLogs/${account.accountId}/*`,
                        Condition: {
                            StringEquals: {
                                "s3:x-amz-acl": "bucket-owner-full-control",
                                "aws:SourceArn": trail(account, "org-audit"),
                            },
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
            });
            assert.deepEqual([...partitionsIn(policy)], [account.partition]);
        });
    }

    it("writes directly under AWSLogs/ without a prefix, and adds the organisation's folder", () => {
        const policy = cloudTrailBucketPolicy({
            ...COMMERCIAL,
            bucketName: BUCKET,
            trailName: "org-audit",
            isOrganizationTrail: true,
            organizationId: ORG_ID,
        });
        assert.deepEqual(policy.Statement[1].Resource, [
            `arn:aws:s3:::${BUCKET}/AWSLogs/111122223333/*`,
            `arn:aws:s3:::${BUCKET}/AWSLogs/${ORG_ID}/*`,
        ]);
    });

    const refusals: [string, () => unknown, RegExp][] = [
        [
            "an organisation trail without an organisation id",
            () =>
                cloudTrailBucketPolicy({
                    ...COMMERCIAL,
                    bucketName: BUCKET,
                    trailName: "t1t",
                    isOrganizationTrail: true,
                }),
            /organizationId is not set: an organisation trail writes member accounts' logs under AWSLogs\/<organization id>\//,
        ],
        [
            "a prefix with a trailing slash",
            () =>
                cloudTrailBucketPolicy({
                    ...COMMERCIAL,
                    bucketName: BUCKET,
                    trailName: "t1t",
                    s3KeyPrefix: "logs/",
                }),
            /s3KeyPrefix is "logs\/": CloudTrail adds the '\/' itself/,
        ],
        [
            "an uppercase bucket name",
            () => cloudTrailBucketPolicy({ ...COMMERCIAL, bucketName: "Logs", trailName: "t1t" }),
            /bucketName is "Logs": S3 rejects the character "L"/,
        ],
    ];
    for (const [what, build, message] of refusals) {
        it(`refuses ${what}`, () => assert.throws(build, message));
    }

    for (const account of [COMMERCIAL, CHINA, GOVCLOUD]) {
        describe(`evaluated in ${account.partition}`, () => {
            for (const organization of [false, true]) {
                const policy = cloudTrailBucketPolicy({
                    ...account,
                    bucketName: BUCKET,
                    trailName: "org-audit",
                    s3KeyPrefix: PREFIX,
                    isOrganizationTrail: organization,
                    organizationId: organization ? ORG_ID : undefined,
                });
                const cases = bucketCases(account, organization);
                const kind = organization ? "an organisation trail" : "an account trail";
                it(`for ${kind}: allows exactly the intended ${cases.filter((c) => c.allowed).length} of ${cases.length} requests`, () => {
                    runCases(
                        `bucket (${kind})`,
                        policy,
                        account,
                        `arn:${account.partition}:s3:::${BUCKET}`,
                        cases,
                    );
                });
            }
        });
    }
});

describe("the CloudWatch Logs delivery role's policies", () => {
    it("trusts CloudTrail only for this trail, in the stack's partition", () => {
        assert.deepEqual(cloudTrailLogsRoleTrustPolicy({ ...CHINA, trailName: "org-audit" }), {
            Version: "2012-10-17",
            Statement: [
                {
                    Sid: "AllowCloudTrailAssumeRole",
                    Effect: "Allow",
                    Principal: { Service: CLOUDTRAIL },
                    Action: "sts:AssumeRole",
                    Condition: {
                        StringEquals: { "aws:SourceArn": trail(CHINA, "org-audit") },
                    },
                },
            ],
        });
    });

    it("lets the role create streams and put events in one log group only", () => {
        assert.deepEqual(
            cloudTrailLogsRolePolicy({ ...COMMERCIAL, logGroupName: "/cloudtrail/org-audit" }),
            {
                Version: "2012-10-17",
                Statement: [
                    {
                        Sid: "AllowCloudTrailDeliverToLogGroup",
                        Effect: "Allow",
                        Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
                        Resource:
                            "arn:aws:logs:us-east-1:111122223333:log-group:/cloudtrail/org-audit:log-stream:*",
                    },
                ],
            },
        );
    });
});
