/**
 * The CloudWatch Logs key-policy builders: exact statements for every partition, and evaluation of
 * the generated policies with an IAM policy evaluator (allowed and denied requests).
 */
import * as assert from "node:assert/strict";
import {
    anomalyDetectorKeyPolicy,
    decryptOnlyKeyPolicy,
    logGroupKeyPolicy,
    logsKeyPolicy,
} from "../components";
import { KMS_ADMIN_IDENTITY_POLICY, decide, partitionsIn } from "./support/iam";
import { CHINA, COMMERCIAL, GOVCLOUD, MockAccount } from "../testing/mockEngine";

const KEY_ID = "1234abcd-12ab-34cd-56ef-1234567890ab";
const keyArn = (a: MockAccount) =>
    `arn:${a.partition}:kms:${a.region}:${a.accountId}:key/${KEY_ID}`;
const logsPrincipal = (a: MockAccount) => `logs.${a.region}.${a.dnsSuffix}`;
/** Another region of the same partition. */
const otherRegion = (a: MockAccount) =>
    ({ aws: "eu-west-1", "aws-cn": "cn-northwest-1", "aws-us-gov": "us-gov-east-1" })[a.partition]!;
/** `kms:ViaService` keeps `.amazonaws.com` in every partition (KMS Developer Guide). */
const viaService = (a: MockAccount, region = a.region) => `logs.${region}.amazonaws.com`;
const groupArn = (a: MockAccount, name: string) =>
    `arn:${a.partition}:logs:${a.region}:${a.accountId}:log-group:${name}`;
const CONTEXT = "kms:EncryptionContext:aws:logs:arn";
const CRYPTO_CONTEXT = "kms:EncryptionContext:aws-crypto-ec:aws:logs:arn";
const OTHER_ACCOUNT = "999988887777";
const LOG_GROUP_ACTIONS = [
    "kms:Encrypt",
    "kms:Decrypt",
    "kms:ReEncrypt*",
    "kms:GenerateDataKey*",
    "kms:Describe*",
];

/** A request case: what is asked, and whether the policy must allow it. */
interface Case {
    readonly name: string;
    readonly principal: string;
    readonly action: string;
    readonly context?: Record<string, string>;
    readonly identityPolicy?: object;
    readonly allowed: boolean;
}

function runCases(policy: object, account: MockAccount, cases: Case[]): void {
    for (const c of cases) {
        const decision = decide(policy, keyArn(account), c);
        assert.equal(
            decision === "Allowed",
            c.allowed,
            `${account.partition}: ${c.name}: expected ${c.allowed ? "Allowed" : "denied"}, got ${decision}`,
        );
    }
}

/** Cases every key policy of this package must deny, whatever else it allows. */
function alwaysDenied(a: MockAccount): Case[] {
    return [
        { name: "anonymous caller", principal: "anonymous", action: "kms:Decrypt", allowed: false },
        {
            name: "another account's admin role, even with kms:* in IAM",
            principal: `arn:${a.partition}:iam::${OTHER_ACCOUNT}:role/admin`,
            action: "kms:Decrypt",
            identityPolicy: KMS_ADMIN_IDENTITY_POLICY,
            allowed: false,
        },
        {
            name: "another account's root",
            principal: `arn:${a.partition}:iam::${OTHER_ACCOUNT}:root`,
            action: "kms:PutKeyPolicy",
            allowed: false,
        },
        {
            name: "a role of the account with no IAM policy (the root statement delegates to IAM)",
            principal: `arn:${a.partition}:iam::${a.accountId}:role/app`,
            action: "kms:Decrypt",
            allowed: false,
        },
        {
            name: "the account's key admin role (kms:* in IAM) administers the key",
            principal: `arn:${a.partition}:iam::${a.accountId}:role/key-admin`,
            action: "kms:PutKeyPolicy",
            identityPolicy: KMS_ADMIN_IDENTITY_POLICY,
            allowed: true,
        },
        {
            name: "the account's key admin role can schedule deletion (administration is never dropped)",
            principal: `arn:${a.partition}:iam::${a.accountId}:role/key-admin`,
            action: "kms:ScheduleKeyDeletion",
            identityPolicy: KMS_ADMIN_IDENTITY_POLICY,
            allowed: true,
        },
    ];
}

describe("logGroupKeyPolicy", () => {
    for (const account of [COMMERCIAL, CHINA, GOVCLOUD]) {
        it(`writes the seed-000 statements for one log group in ${account.partition}`, () => {
            const policy = logGroupKeyPolicy({ ...account, logGroupNames: ["/app/orders"] });
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
                        Sid: "AllowCloudWatchLogsForLogGroups",
                        Effect: "Allow",
                        Principal: { Service: logsPrincipal(account) },
                        Action: LOG_GROUP_ACTIONS,
                        Resource: "*",
                        Condition: { ArnEquals: { [CONTEXT]: groupArn(account, "/app/orders") } },
                    },
                ],
            });
            assert.deepEqual([...partitionsIn(policy)], [account.partition]);
        });
    }

    it("uses the China DNS suffix for the logs principal in aws-cn", () => {
        const policy = logGroupKeyPolicy({ ...CHINA, logGroupNames: ["app"] });
        assert.deepEqual(policy.Statement[1].Principal, {
            Service: "logs.cn-north-1.amazonaws.com.cn",
        });
    });

    it("lists several log groups in one ArnEquals condition", () => {
        const policy = logGroupKeyPolicy({ ...COMMERCIAL, logGroupNames: ["a", "b/c"] });
        assert.deepEqual(policy.Statement[1].Condition, {
            ArnEquals: { [CONTEXT]: [groupArn(COMMERCIAL, "a"), groupArn(COMMERCIAL, "b/c")] },
        });
    });

    it("scopes an account-wide key with ArnLike on the account's log groups", () => {
        const policy = logGroupKeyPolicy({ ...COMMERCIAL, accountWide: true });
        assert.deepEqual(policy.Statement[1], {
            Sid: "AllowCloudWatchLogsForAccountLogGroups",
            Effect: "Allow",
            Principal: { Service: "logs.us-east-1.amazonaws.com" },
            Action: LOG_GROUP_ACTIONS,
            Resource: "*",
            Condition: { ArnLike: { [CONTEXT]: "arn:aws:logs:us-east-1:111122223333:*" } },
        });
    });

    it("adds the kms:ViaService statement for roles that call CloudWatch Logs", () => {
        const role = "arn:aws:iam::111122223333:role/reader";
        const policy = logGroupKeyPolicy({
            ...COMMERCIAL,
            logGroupNames: ["app"],
            viaServiceRoleArns: [role],
        });
        assert.deepEqual(policy.Statement[2], {
            Sid: "AllowRolesThroughCloudWatchLogs",
            Effect: "Allow",
            Principal: { AWS: role },
            Action: [
                "kms:Encrypt",
                "kms:ReEncrypt*",
                "kms:Decrypt",
                "kms:GenerateDataKey*",
                "kms:Describe*",
            ],
            Resource: "*",
            Condition: { StringEquals: { "kms:ViaService": "logs.us-east-1.amazonaws.com" } },
        });
    });

    it("replaces the account root with explicit admins, never dropping administration", () => {
        const admins = ["arn:aws:iam::111122223333:role/a", "arn:aws:iam::111122223333:user/b"];
        const policy = logGroupKeyPolicy({
            ...COMMERCIAL,
            logGroupNames: ["app"],
            adminArns: admins,
        });
        assert.deepEqual(policy.Statement[0].Principal, { AWS: admins });
        assert.equal(policy.Statement[0].Action, "kms:*");
    });

    it("writes kms:ViaService with the .amazonaws.com suffix in aws-cn, unlike the principal", () => {
        const role = "arn:aws-cn:iam::444455556666:role/reader";
        const policy = logGroupKeyPolicy({
            ...CHINA,
            logGroupNames: ["app"],
            viaServiceRoleArns: [role],
        });
        assert.deepEqual(policy.Statement[1].Principal, {
            Service: "logs.cn-north-1.amazonaws.com.cn",
        });
        assert.deepEqual(policy.Statement[2].Condition, {
            StringEquals: { "kms:ViaService": "logs.cn-north-1.amazonaws.com" },
        });
    });

    for (const account of [COMMERCIAL, CHINA, GOVCLOUD]) {
        describe(`evaluated in ${account.partition}`, () => {
            const via = `arn:${account.partition}:iam::${account.accountId}:role/log-reader`;
            const policy = logGroupKeyPolicy({
                ...account,
                logGroupNames: ["/app/orders"],
                viaServiceRoleArns: [via],
            });
            const own = { [CONTEXT]: groupArn(account, "/app/orders") };
            const cases: Case[] = [
                ...[
                    "kms:Encrypt",
                    "kms:Decrypt",
                    "kms:ReEncryptFrom",
                    "kms:ReEncryptTo",
                    "kms:GenerateDataKey",
                    "kms:GenerateDataKeyWithoutPlaintext",
                    "kms:DescribeKey",
                ].map((action): Case => ({
                    name: `logs ${action} for its own group`,
                    principal: logsPrincipal(account),
                    action,
                    context: own,
                    allowed: true,
                })),
                {
                    name: "logs for another log group",
                    principal: logsPrincipal(account),
                    action: "kms:GenerateDataKey",
                    context: { [CONTEXT]: groupArn(account, "/app/other") },
                    allowed: false,
                },
                {
                    name: "logs for a group whose name only starts the same",
                    principal: logsPrincipal(account),
                    action: "kms:Decrypt",
                    context: { [CONTEXT]: groupArn(account, "/app/orders-archive") },
                    allowed: false,
                },
                {
                    name: "logs with no encryption context",
                    principal: logsPrincipal(account),
                    action: "kms:GenerateDataKey",
                    allowed: false,
                },
                {
                    name: "logs for the same group name in another account",
                    principal: logsPrincipal(account),
                    action: "kms:Decrypt",
                    context: {
                        [CONTEXT]: `arn:${account.partition}:logs:${account.region}:${OTHER_ACCOUNT}:log-group:/app/orders`,
                    },
                    allowed: false,
                },
                {
                    name: "logs for the same group name in another region",
                    principal: logsPrincipal(account),
                    action: "kms:Decrypt",
                    context: {
                        [CONTEXT]: groupArn({ ...account, region: "eu-west-1" }, "/app/orders"),
                    },
                    allowed: false,
                },
                {
                    name: "the logs principal of another region",
                    principal: `logs.eu-west-1.${account.dnsSuffix}`,
                    action: "kms:Decrypt",
                    context: own,
                    allowed: false,
                },
                {
                    name: "the logs principal without the region",
                    principal: `logs.${account.dnsSuffix}`,
                    action: "kms:Decrypt",
                    context: own,
                    allowed: false,
                },
                {
                    name: "logs asking to change the key policy",
                    principal: logsPrincipal(account),
                    action: "kms:PutKeyPolicy",
                    context: own,
                    allowed: false,
                },
                {
                    name: "logs asking to create a grant",
                    principal: logsPrincipal(account),
                    action: "kms:CreateGrant",
                    context: own,
                    allowed: false,
                },
                {
                    name: "another service principal",
                    principal: `s3.${account.region}.${account.dnsSuffix}`,
                    action: "kms:Decrypt",
                    context: own,
                    allowed: false,
                },
                {
                    name: "the ViaService role through CloudWatch Logs",
                    principal: via,
                    action: "kms:Decrypt",
                    context: { "kms:ViaService": viaService(account) },
                    allowed: true,
                },
                {
                    name: "the ViaService role through the service principal's China-style name",
                    principal: via,
                    action: "kms:Decrypt",
                    context: { "kms:ViaService": `logs.${account.region}.amazonaws.com.cn` },
                    allowed: false,
                },
                {
                    name: "the ViaService role calling KMS directly",
                    principal: via,
                    action: "kms:Decrypt",
                    allowed: false,
                },
                {
                    name: "the ViaService role through CloudWatch Logs of another region",
                    principal: via,
                    action: "kms:Decrypt",
                    context: { "kms:ViaService": viaService(account, otherRegion(account)) },
                    allowed: false,
                },
                {
                    name: "the ViaService role through S3",
                    principal: via,
                    action: "kms:Decrypt",
                    context: { "kms:ViaService": `s3.${account.region}.${account.dnsSuffix}` },
                    allowed: false,
                },
                {
                    name: "the ViaService role asking for grants",
                    principal: via,
                    action: "kms:CreateGrant",
                    context: { "kms:ViaService": viaService(account) },
                    allowed: false,
                },
                {
                    name: "another role through CloudWatch Logs",
                    principal: `arn:${account.partition}:iam::${account.accountId}:role/other`,
                    action: "kms:Decrypt",
                    context: { "kms:ViaService": viaService(account) },
                    allowed: false,
                },
                ...alwaysDenied(account),
            ];
            it(`allows exactly the intended ${cases.filter((c) => c.allowed).length} of ${cases.length} requests`, () => {
                runCases(policy, account, cases);
            });
        });
    }

    describe("evaluated for an account-wide key", () => {
        const policy = logGroupKeyPolicy({ ...COMMERCIAL, accountWide: true });
        const cases: Case[] = [
            {
                name: "logs for any group of the account",
                principal: logsPrincipal(COMMERCIAL),
                action: "kms:GenerateDataKey",
                context: { [CONTEXT]: groupArn(COMMERCIAL, "any/group") },
                allowed: true,
            },
            {
                name: "logs for a group of another account",
                principal: logsPrincipal(COMMERCIAL),
                action: "kms:GenerateDataKey",
                context: { [CONTEXT]: `arn:aws:logs:us-east-1:${OTHER_ACCOUNT}:log-group:any` },
                allowed: false,
            },
            {
                name: "logs for a group of another region",
                principal: logsPrincipal(COMMERCIAL),
                action: "kms:GenerateDataKey",
                context: { [CONTEXT]: "arn:aws:logs:eu-west-1:111122223333:log-group:any" },
                allowed: false,
            },
            {
                name: "logs with no context",
                principal: logsPrincipal(COMMERCIAL),
                action: "kms:Decrypt",
                allowed: false,
            },
            ...alwaysDenied(COMMERCIAL),
        ];
        it(`allows exactly the intended ${cases.filter((c) => c.allowed).length} of ${cases.length} requests`, () => {
            runCases(policy, COMMERCIAL, cases);
        });
    });

    it("explains each refusal in full: scope, admins and the location", () => {
        const cases: [() => unknown, string][] = [
            [
                () => logGroupKeyPolicy({ ...COMMERCIAL, accountWide: true, logGroupNames: ["a"] }),
                'logGroupNames is ["a"]: accountWide already lets every log group of the account use the key. Allowed: either logGroupNames or accountWide: true, not both. Fix: drop logGroupNames for a shared key, or drop accountWide to scope the key to those groups.',
            ],
            [
                () => logGroupKeyPolicy({ ...COMMERCIAL, logGroupNames: ["a"], adminArns: [] }),
                "adminArns is []: a key nobody can administer can never be changed or recovered. Allowed: one or more IAM role, user or account-root ARNs. Fix: list at least one admin, or omit adminArns to let the account root (and so IAM) administer the key.",
            ],
            [
                () =>
                    logGroupKeyPolicy({ ...COMMERCIAL, logGroupNames: "a" as unknown as string[] }),
                'logGroupNames is "a": expected a list. Allowed: an array of strings. Fix: pass a list, e.g. logGroupNames: ["..."].',
            ],
            [
                () => decryptOnlyKeyPolicy({ ...COMMERCIAL, logGroupNames: [] }),
                "logGroupNames is []: a decrypt-only key must name the log groups whose data it still decrypts. Allowed: one or more log group names. Fix: pass the names of the log groups that were encrypted with this key.",
            ],
        ];
        for (const [build, message] of cases) {
            assert.throws(build, { name: "InputError", message });
        }
    });

    it("checks every field of the location, anchored at both ends", () => {
        const fix =
            "Fix: pass the values aws.getPartition, aws.getRegion and aws.getCallerIdentity return.";
        const bad: [string, string, string][] = [
            ["partition", "xaws", "'aws', 'aws-cn', 'aws-us-gov', ..."],
            ["partition", "aws1", "'aws', 'aws-cn', 'aws-us-gov', ..."],
            ["region", "1us-east-1", "a region name such as 'us-east-1'"],
            ["region", "us-east-1x", "a region name such as 'us-east-1'"],
            ["accountId", "1111222233334", "a 12-digit account id"],
            ["accountId", "x11112222333", "a 12-digit account id"],
            ["dnsSuffix", ".amazonaws.com", "a DNS suffix such as 'amazonaws.com'"],
            ["dnsSuffix", "amazonaws.com.", "a DNS suffix such as 'amazonaws.com'"],
        ];
        for (const [field, value, allowed] of bad) {
            assert.throws(
                () => logGroupKeyPolicy({ ...COMMERCIAL, [field]: value, logGroupNames: ["a"] }),
                {
                    name: "InputError",
                    message: `${field} is "${value}": cannot build a key policy for this location. Allowed: ${allowed}. ${fix}`,
                },
            );
        }
        // A number that would print as a valid account id is still not a string.
        assert.throws(
            () =>
                logGroupKeyPolicy({
                    ...COMMERCIAL,
                    accountId: 111122223333 as unknown as string,
                    logGroupNames: ["a"],
                }),
            {
                name: "InputError",
                message: /^accountId is 111122223333: cannot build a key policy/,
            },
        );
        // Two-digit region numbers exist (e.g. a future "ap-southeast-10").
        assert.equal(
            logGroupKeyPolicy({ ...COMMERCIAL, region: "ap-southeast-10", logGroupNames: ["a"] })
                .Statement.length,
            2,
        );
    });

    it("adds no ViaService statement for an empty role list", () => {
        const policy = logGroupKeyPolicy({
            ...COMMERCIAL,
            logGroupNames: ["a"],
            viaServiceRoleArns: [],
        });
        assert.deepEqual(
            policy.Statement.map((s) => s.Sid),
            ["KeyAdministration", "AllowCloudWatchLogsForLogGroups"],
        );
    });

    const errors: [string, () => unknown, RegExp][] = [
        [
            "no scope at all",
            () => logGroupKeyPolicy({ ...COMMERCIAL }),
            /^logGroupNames is not set: the key would grant CloudWatch Logs nothing/,
        ],
        [
            "both groups and account-wide",
            () => logGroupKeyPolicy({ ...COMMERCIAL, accountWide: true, logGroupNames: ["a"] }),
            /^logGroupNames is \["a"\]: accountWide already lets every log group/,
        ],
        [
            "an empty admin list",
            () => logGroupKeyPolicy({ ...COMMERCIAL, logGroupNames: ["a"], adminArns: [] }),
            /^adminArns is \[\]: a key nobody can administer/,
        ],
        [
            "an admin from another partition",
            () =>
                logGroupKeyPolicy({
                    ...CHINA,
                    logGroupNames: ["a"],
                    adminArns: ["arn:aws:iam::444455556666:root"],
                }),
            /^adminArns\[0\] is "arn:aws:iam::444455556666:root": the principal is in partition 'aws' but the key is in partition 'aws-cn'/,
        ],
        [
            "a session ARN as a ViaService role",
            () =>
                logGroupKeyPolicy({
                    ...COMMERCIAL,
                    logGroupNames: ["a"],
                    viaServiceRoleArns: ["arn:aws:sts::111122223333:assumed-role/r/s"],
                }),
            /^viaServiceRoleArns\[0\] is .*not an IAM role, user or account-root ARN/,
        ],
        [
            "a bad log group name",
            () => logGroupKeyPolicy({ ...COMMERCIAL, logGroupNames: ["ok", "bad name"] }),
            /^logGroupNames\[1\] is "bad name": CloudWatch Logs rejects the character " "/,
        ],
        [
            "a malformed account id",
            () => logGroupKeyPolicy({ ...COMMERCIAL, accountId: "1234", logGroupNames: ["a"] }),
            /^accountId is "1234": cannot build a key policy for this location\. Allowed: a 12-digit account id/,
        ],
        [
            "a malformed region",
            () => logGroupKeyPolicy({ ...COMMERCIAL, region: "", logGroupNames: ["a"] }),
            /^region is "": cannot build a key policy/,
        ],
    ];
    for (const [what, build, message] of errors) {
        it(`fails for ${what}`, () => {
            assert.throws(build, (e: Error) => e.name === "InputError" && message.test(e.message));
        });
    }
});

describe("anomalyDetectorKeyPolicy", () => {
    for (const account of [COMMERCIAL, CHINA, GOVCLOUD]) {
        it(`writes the two seed-003 statements in ${account.partition}`, () => {
            const policy = anomalyDetectorKeyPolicy({ ...account });
            const detectors = `arn:${account.partition}:logs:${account.region}:${account.accountId}:anomaly-detector:*`;
            assert.deepEqual(policy.Statement.slice(1), [
                {
                    Sid: "AllowCloudWatchLogsAnomalyDetectors",
                    Effect: "Allow",
                    Principal: { Service: logsPrincipal(account) },
                    Action: [
                        "kms:Encrypt",
                        "kms:Decrypt",
                        "kms:GenerateDataKey*",
                        "kms:DescribeKey",
                    ],
                    Resource: "*",
                    Condition: { ArnLike: { [CONTEXT]: detectors } },
                },
                {
                    Sid: "AllowCloudWatchLogsAnomalyDetectorsCryptoContext",
                    Effect: "Allow",
                    Principal: { Service: logsPrincipal(account) },
                    Action: [
                        "kms:Encrypt",
                        "kms:Decrypt",
                        "kms:ReEncrypt*",
                        "kms:GenerateDataKey*",
                        "kms:DescribeKey",
                    ],
                    Resource: "*",
                    Condition: { ArnLike: { [CRYPTO_CONTEXT]: detectors } },
                },
            ]);
            assert.equal(policy.Statement[0].Sid, "KeyAdministration");
            assert.deepEqual([...partitionsIn(policy)], [account.partition]);
        });
    }

    for (const account of [COMMERCIAL, CHINA]) {
        it(`allows detectors of its account and region only, in ${account.partition}`, () => {
            const policy = anomalyDetectorKeyPolicy({ ...account });
            const detector = `arn:${account.partition}:logs:${account.region}:${account.accountId}:anomaly-detector:0b1c2d3e`;
            const cases: Case[] = [
                {
                    name: "logs encrypts for a detector",
                    principal: logsPrincipal(account),
                    action: "kms:GenerateDataKey",
                    context: { [CONTEXT]: detector },
                    allowed: true,
                },
                {
                    name: "logs decrypts for a detector",
                    principal: logsPrincipal(account),
                    action: "kms:Decrypt",
                    context: { [CONTEXT]: detector },
                    allowed: true,
                },
                {
                    name: "logs re-encrypts under the aws-crypto-ec context",
                    principal: logsPrincipal(account),
                    action: "kms:ReEncryptFrom",
                    context: { [CRYPTO_CONTEXT]: detector },
                    allowed: true,
                },
                {
                    name: "logs re-encrypts under the plain context (not in the first statement)",
                    principal: logsPrincipal(account),
                    action: "kms:ReEncryptFrom",
                    context: { [CONTEXT]: detector },
                    allowed: false,
                },
                {
                    name: "logs for a log group (a detector key is not a log group key)",
                    principal: logsPrincipal(account),
                    action: "kms:GenerateDataKey",
                    context: { [CONTEXT]: groupArn(account, "app") },
                    allowed: false,
                },
                {
                    name: "logs for a detector of another account",
                    principal: logsPrincipal(account),
                    action: "kms:Decrypt",
                    context: { [CONTEXT]: detector.replace(account.accountId, OTHER_ACCOUNT) },
                    allowed: false,
                },
                {
                    name: "logs without context",
                    principal: logsPrincipal(account),
                    action: "kms:Decrypt",
                    allowed: false,
                },
                {
                    name: "the logs principal of another region",
                    principal: `logs.eu-west-1.${account.dnsSuffix}`,
                    action: "kms:Decrypt",
                    context: { [CONTEXT]: detector },
                    allowed: false,
                },
                ...alwaysDenied(account),
            ];
            runCases(policy, account, cases);
        });
    }
});

describe("logsKeyPolicy", () => {
    it("combines exact log groups and anomaly detectors in one key", () => {
        const policy = logsKeyPolicy({
            ...COMMERCIAL,
            logGroupNames: ["app"],
            anomalyDetectors: true,
        });
        assert.deepEqual(
            policy.Statement.map((s) => s.Sid),
            [
                "KeyAdministration",
                "AllowCloudWatchLogsForLogGroups",
                "AllowCloudWatchLogsAnomalyDetectors",
                "AllowCloudWatchLogsAnomalyDetectorsCryptoContext",
            ],
        );
    });
});

describe("decryptOnlyKeyPolicy", () => {
    for (const account of [COMMERCIAL, CHINA, GOVCLOUD]) {
        it(`reduces a key to administration plus logs kms:Decrypt in ${account.partition}`, () => {
            const policy = decryptOnlyKeyPolicy({ ...account, logGroupNames: ["/app/orders"] });
            assert.deepEqual(policy.Statement.slice(1), [
                {
                    Sid: "AllowCloudWatchLogsDecryptOnly",
                    Effect: "Allow",
                    Principal: { Service: logsPrincipal(account) },
                    Action: "kms:Decrypt",
                    Resource: "*",
                    Condition: { ArnEquals: { [CONTEXT]: groupArn(account, "/app/orders") } },
                },
                {
                    Sid: "AllowCloudWatchLogsDecryptDataWithoutContext",
                    Effect: "Allow",
                    Principal: { Service: logsPrincipal(account) },
                    Action: "kms:Decrypt",
                    Resource: "*",
                    Condition: { Null: { [CONTEXT]: "true" } },
                },
            ]);
            assert.equal(policy.Statement[0].Sid, "KeyAdministration");
        });
    }

    for (const account of [COMMERCIAL, CHINA]) {
        it(`still decrypts the group's old data but encrypts nothing, in ${account.partition}`, () => {
            const policy = decryptOnlyKeyPolicy({ ...account, logGroupNames: ["/app/orders"] });
            const own = { [CONTEXT]: groupArn(account, "/app/orders") };
            const cases: Case[] = [
                {
                    name: "logs decrypts the group's data",
                    principal: logsPrincipal(account),
                    action: "kms:Decrypt",
                    context: own,
                    allowed: true,
                },
                {
                    name: "logs decrypts data written before encryption context existed",
                    principal: logsPrincipal(account),
                    action: "kms:Decrypt",
                    allowed: true,
                },
                {
                    name: "logs decrypts another group's data",
                    principal: logsPrincipal(account),
                    action: "kms:Decrypt",
                    context: { [CONTEXT]: groupArn(account, "/app/other") },
                    allowed: false,
                },
                ...[
                    "kms:Encrypt",
                    "kms:GenerateDataKey",
                    "kms:ReEncryptFrom",
                    "kms:ReEncryptTo",
                ].map((action): Case => ({
                    name: `logs ${action} for the group`,
                    principal: logsPrincipal(account),
                    action,
                    context: own,
                    allowed: false,
                })),
                {
                    name: "logs encrypts without context",
                    principal: logsPrincipal(account),
                    action: "kms:GenerateDataKey",
                    allowed: false,
                },
                {
                    name: "the logs principal of another region",
                    principal: `logs.eu-west-1.${account.dnsSuffix}`,
                    action: "kms:Decrypt",
                    context: own,
                    allowed: false,
                },
                ...alwaysDenied(account),
            ];
            runCases(policy, account, cases);
        });
    }

    it("fails without log groups", () => {
        assert.throws(
            () => decryptOnlyKeyPolicy({ ...COMMERCIAL, logGroupNames: [] }),
            /^InputError: logGroupNames is \[\]: a decrypt-only key must name the log groups/,
        );
    });
});

describe("the IAM evaluator used by these tests", () => {
    it("is not blind: without its condition the log-group statement allows another group", () => {
        const policy = logGroupKeyPolicy({ ...CHINA, logGroupNames: ["app"] });
        const other = { [CONTEXT]: groupArn(CHINA, "other") };
        const request = { principal: logsPrincipal(CHINA), action: "kms:Decrypt", context: other };
        assert.equal(decide(policy, keyArn(CHINA), request), "ImplicitlyDenied");
        delete policy.Statement[1].Condition;
        assert.equal(decide(policy, keyArn(CHINA), request), "Allowed");
        assert.equal(
            decide(policy, keyArn(CHINA), {
                ...request,
                principal: "logs.cn-north-1.amazonaws.com",
            }),
            "ImplicitlyDenied",
        );
    });
});
