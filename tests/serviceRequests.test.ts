/**
 * The pack's model of what each service asks of a key (policypack/lib/facts/serviceRequests.ts), held
 * against the key-policy statements the AWS documentation gives for each kind of target, with
 * nothing of the package's own policy builders in between:
 *
 * - every request the pack derives as needed is allowed by the documented statements;
 * - every request it derives for another account's resource (or with no encryption context) is
 *   denied by them;
 * - a statement without its condition is caught (an out-of-scope request allowed), and a statement
 *   for another account is caught (a needed request denied).
 *
 * Each row is decided twice, by the pack's own evaluator and by `@cloud-copilot/iam-simulate`, and
 * the two must agree. Rows run with the target's name and ARN known (after deploy) and, where the
 * documentation's condition is a pattern, unknown (at preview).
 */
import * as assert from "node:assert/strict";
import { TARGET_TYPES } from "../policypack/lib/stack/targets";
import type { TargetFacts } from "../policypack/lib/facts/facts";
import { KeyRequest, evaluate, parsePolicy } from "../policypack/lib/iam/policy";
import { serviceRequests } from "../policypack/lib/facts/serviceRequests";
import { UNKNOWN } from "../policypack/lib/stack/wire";
import { cloudTrailBucketKeyStatement } from "../components/cloudtrail/policies";
import { decide } from "./support/iam";

const ACCOUNT = "111122223333";
const KEY_ID = "1234abcd-12ab-34cd-56ef-1234567890ab";

interface Place {
    readonly partition: string;
    readonly region: string;
    readonly dnsSuffix: string;
}
const PLACES: readonly Place[] = [
    { partition: "aws", region: "us-east-1", dnsSuffix: "amazonaws.com" },
    { partition: "aws-cn", region: "cn-north-1", dnsSuffix: "amazonaws.com.cn" },
    { partition: "aws-us-gov", region: "us-gov-west-1", dnsSuffix: "amazonaws.com" },
];

/** The administration statement every documented example starts with. */
function admin(p: Place, account: string) {
    return {
        Sid: "Enable IAM User Permissions",
        Effect: "Allow",
        Principal: { AWS: `arn:${p.partition}:iam::${account}:root` },
        Action: "kms:*",
        Resource: "*",
    };
}

// CloudWatch Logs User Guide, "Encrypt log data in CloudWatch Logs using AWS Key Management
// Service", step 2 (https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html):
// { "Effect": "Allow", "Principal": { "Service": "logs.region.amazonaws.com" }, "Action": [
// "kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*" ],
// "Resource": "*", "Condition": { "ArnEquals": { "kms:EncryptionContext:aws:logs:arn":
// "arn:aws:logs:region:account-id:log-group:log-group-name" } } }, and the account-wide form with
// "ArnLike" ... "arn:aws:logs:region:account-id:*".
function logGroupStatement(p: Place, arn: string, op: "ArnEquals" | "ArnLike") {
    return {
        Effect: "Allow",
        Principal: { Service: `logs.${p.region}.${p.dnsSuffix}` },
        Action: [
            "kms:Encrypt",
            "kms:Decrypt",
            "kms:ReEncrypt*",
            "kms:GenerateDataKey*",
            "kms:Describe*",
        ],
        Resource: "*",
        Condition: { [op]: { "kms:EncryptionContext:aws:logs:arn": arn } },
    };
}

// CloudWatch Logs User Guide, "Encrypt an anomaly detector and its results with AWS KMS", step 2
// (https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/LogsAnomalyDetection-KMS.html): the two
// statements for "logs.REGION.amazonaws.com", the first ["kms:Encrypt", "kms:Decrypt",
// "kms:GenerateDataKey*", "kms:DescribeKey"] under "ArnLike": {
// "kms:EncryptionContext:aws:logs:arn": "arn:aws:logs:REGION:Your_account_ID:anomaly-detector:*" },
// the second adding "kms:ReEncrypt*" under "ArnLike": {
// "kms:EncryptionContext:aws-crypto-ec:aws:logs:arn": <the same pattern> }.
function detectorStatements(p: Place, account: string) {
    const pattern = `arn:${p.partition}:logs:${p.region}:${account}:anomaly-detector:*`;
    const principal = { Service: `logs.${p.region}.${p.dnsSuffix}` };
    return [
        {
            Effect: "Allow",
            Principal: principal,
            Action: ["kms:Encrypt", "kms:Decrypt", "kms:GenerateDataKey*", "kms:DescribeKey"],
            Resource: "*",
            Condition: { ArnLike: { "kms:EncryptionContext:aws:logs:arn": pattern } },
        },
        {
            Effect: "Allow",
            Principal: principal,
            Action: [
                "kms:Encrypt",
                "kms:Decrypt",
                "kms:ReEncrypt*",
                "kms:GenerateDataKey*",
                "kms:DescribeKey",
            ],
            Resource: "*",
            Condition: {
                ArnLike: { "kms:EncryptionContext:aws-crypto-ec:aws:logs:arn": pattern },
            },
        },
    ];
}

// CloudTrail User Guide, "Configure AWS KMS key policies for CloudTrail"
// (https://docs.aws.amazon.com/awscloudtrail/latest/userguide/create-kms-key-policy-for-cloudtrail.html),
// as the CIS rule quotes it: "Allow CloudTrail access" ("kms:DescribeKey", "Resource": "*") and
// "Allow CloudTrail to encrypt logs" ("kms:GenerateDataKey*" under "StringLike": {
// "kms:EncryptionContext:aws:cloudtrail:arn": ["arn:aws:cloudtrail:*:aws-account-id:trail/*"] }).
function trailStatements(p: Place, account: string) {
    return [
        {
            Sid: "Allow CloudTrail access",
            Effect: "Allow",
            Principal: { Service: "cloudtrail.amazonaws.com" },
            Action: "kms:DescribeKey",
            Resource: "*",
        },
        {
            Sid: "Allow CloudTrail to encrypt logs",
            Effect: "Allow",
            Principal: { Service: "cloudtrail.amazonaws.com" },
            Action: "kms:GenerateDataKey*",
            Resource: "*",
            Condition: {
                StringLike: {
                    "kms:EncryptionContext:aws:cloudtrail:arn": [
                        `arn:${p.partition}:cloudtrail:*:${account}:trail/*`,
                    ],
                },
            },
        },
    ];
}

// CloudTrail User Guide, same page, "Required KMS key policy elements for event data stores":
// "Allow CloudTrail to encrypt event data store" (kms:GenerateDataKey), "Allow CloudTrail to
// decrypt an event data store" (kms:Decrypt) and "Enable CloudTrail to describe KMS key
// properties" (kms:DescribeKey), with no condition: "The aws:SourceArn and aws:SourceAccount
// condition keys are not supported in KMS key policies for event data stores."
function eventDataStoreStatements() {
    return ["kms:GenerateDataKey", "kms:Decrypt", "kms:DescribeKey"].map((action) => ({
        Effect: "Allow",
        Principal: { Service: "cloudtrail.amazonaws.com" },
        Action: action,
        Resource: "*",
    }));
}

interface Row {
    readonly title: string;
    readonly type: string;
    /** The target's name and ARN as known after deploy. */
    readonly name: (p: Place) => string;
    readonly arn?: (p: Place) => string;
    /** The documented statements (besides administration) for a key of this target in `account`. */
    readonly statements: (p: Place, account: string) => object[];
    /** Whether the documented condition is a pattern any name of the kind matches (then rows run at preview too). */
    readonly anyName: boolean;
}

const DETECTOR_ID = "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";
const logGroupArn = (p: Place, name: string) =>
    `arn:${p.partition}:logs:${p.region}:${ACCOUNT}:log-group:${name}`;
const dedicatedGroup = (name: string): Row => ({
    title: `log group ${name}, its own key (ArnEquals on its ARN)`,
    type: "aws:cloudwatch/logGroup:LogGroup",
    name: () => name,
    statements: (p, account) => [
        logGroupStatement(
            p,
            `arn:${p.partition}:logs:${p.region}:${account}:log-group:${name}`,
            "ArnEquals",
        ),
    ],
    anyName: false,
});

const ROWS: readonly Row[] = [
    dedicatedGroup("/app/orders"),
    {
        title: "log group, an account-wide key (ArnLike arn:…:logs:<region>:<account>:*)",
        type: "aws:cloudwatch/logGroup:LogGroup",
        name: () => "/app/shared",
        statements: (p, account) => [
            logGroupStatement(p, `arn:${p.partition}:logs:${p.region}:${account}:*`, "ArnLike"),
        ],
        anyName: true,
    },
    {
        title: "log group (AWS Native), its own key",
        type: "aws-native:logs:LogGroup",
        name: () => "/native/app",
        statements: (p, account) => [
            logGroupStatement(
                p,
                `arn:${p.partition}:logs:${p.region}:${account}:log-group:/native/app`,
                "ArnEquals",
            ),
        ],
        anyName: false,
    },
    // Log destinations: the groups services write to are log groups, judged with the same requests.
    dedicatedGroup("/aws/lambda/orders-handler"),
    dedicatedGroup("/aws/eks/prod/cluster"),
    dedicatedGroup("API-Gateway-Execution-Logs_a1b2c3d4e5/prod"),
    dedicatedGroup("/aws/codebuild/orders-build"),
    dedicatedGroup("/aws/vendedlogs/states/orders-flow"),
    {
        title: "anomaly detector (the two documented statements)",
        type: "aws:cloudwatch/logAnomalyDetector:LogAnomalyDetector",
        name: () => "app-anomalies",
        arn: (p) =>
            `arn:${p.partition}:logs:${p.region}:${ACCOUNT}:anomaly-detector:${DETECTOR_ID}`,
        statements: detectorStatements,
        anyName: true,
    },
    {
        title: "trail (the CIS / CloudTrail statements)",
        type: "aws:cloudtrail/trail:Trail",
        name: () => "org-audit",
        statements: trailStatements,
        anyName: true,
    },
    {
        title: "trail (AWS Native)",
        type: "aws-native:cloudtrail:Trail",
        name: () => "org-audit",
        statements: trailStatements,
        anyName: true,
    },
    {
        title: "event data store (no context, no SourceArn)",
        type: "aws:cloudtrail/eventDataStore:EventDataStore",
        name: () => "lake",
        statements: () => eventDataStoreStatements(),
        anyName: true,
    },
];

/** The facts serviceRequests reads (type, name, ARN); the rest of a target's facts play no part. */
function facts(row: Row, p: Place, known: boolean): TargetFacts {
    const unknown = { unknown: true } as unknown as string;
    return {
        type: TARGET_TYPES[row.type],
        name: known ? row.name(p) : unknown,
        arn: known && row.arn ? row.arn(p) : row.arn ? unknown : undefined,
    } as unknown as TargetFacts;
}

function keyArn(p: Place): string {
    return `arn:${p.partition}:kms:${p.region}:${ACCOUNT}:key/${KEY_ID}`;
}

/** Both evaluators' decision; they must agree. */
function decision(policy: object, request: KeyRequest, p: Place): string {
    const ours = evaluate(parsePolicy(JSON.stringify(policy)), request);
    const principal = request.principal;
    assert.equal(principal.kind, "service");
    const theirs = decide(policy, keyArn(p), {
        principal: principal.kind === "service" ? principal.service : "",
        action: request.action,
        context: { ...(request.context ?? {}) },
    });
    assert.equal(
        ours,
        theirs,
        `the pack's evaluator and iam-simulate disagree on ${JSON.stringify(request)}`,
    );
    return ours;
}

function describe_(r: KeyRequest): string {
    return `${r.action} ${JSON.stringify(r.context)}`;
}

describe("service requests: what the pack asks of a key, against the AWS documentation's statements", () => {
    for (const p of PLACES) {
        for (const row of ROWS) {
            for (const known of row.anyName ? [true, false] : [true]) {
                const when = known ? "after deploy" : "at preview";
                describe(`${row.title}, ${p.partition} ${p.region}, ${when}`, () => {
                    const policy = {
                        Version: "2012-10-17",
                        Statement: [admin(p, ACCOUNT), ...row.statements(p, ACCOUNT)],
                    };
                    const model = serviceRequests(
                        facts(row, p, known),
                        p.region,
                        p,
                        ACCOUNT,
                        keyArn(p),
                    );

                    it("asks as the documented principal", () => {
                        const service = TARGET_TYPES[row.type].service;
                        assert.equal(
                            model.principal,
                            service === "logs"
                                ? `logs.${p.region}.${p.dnsSuffix}`
                                : "cloudtrail.amazonaws.com",
                        );
                        assert.equal(model.guessed, !known && row.name(p) !== "lake");
                    });

                    it("every request the service needs is allowed by the documented statements", () => {
                        const needed = model.needed("guess-7f3a");
                        assert.ok(needed.length >= 2, "requests are derived");
                        for (const r of needed) {
                            assert.equal(decision(policy, r, p), "Allowed", describe_(r));
                        }
                        const names = needed.flatMap((r) => Object.values(r.context ?? {}));
                        if (known && row.arn) {
                            // After deploy the context names the detector's real ARN.
                            assert.ok(names.includes(row.arn(p)), names.join(", "));
                        }
                        if (known && TARGET_TYPES[row.type].kind === "log group") {
                            assert.ok(
                                names.includes(logGroupArn(p, row.name(p))),
                                names.join(", "),
                            );
                        }
                    });

                    it("every request for another account's resource, or without a context, is denied", () => {
                        if (TARGET_TYPES[row.type].kind === "event data store") {
                            // No context and no SourceArn exist for stores: nothing is out of scope.
                            assert.deepEqual(model.outOfScope, []);
                            return;
                        }
                        assert.ok(model.outOfScope.length >= 2);
                        const accounts = new Set<string>();
                        for (const r of model.outOfScope) {
                            assert.notEqual(decision(policy, r, p), "Allowed", describe_(r));
                            for (const v of Object.values(r.context ?? {})) {
                                accounts.add(v.split(":")[4] ?? v);
                            }
                        }
                        assert.ok(!accounts.has(ACCOUNT), [...accounts].join(", "));
                        assert.ok(
                            model.outOfScope.some((r) => Object.keys(r.context ?? {}).length === 0),
                            "one request carries no context at all",
                        );
                    });

                    it("a documented statement stripped of its condition lets another account's resources in", () => {
                        if (TARGET_TYPES[row.type].kind === "event data store") {
                            return; // its statements have no condition to strip
                        }
                        const open = {
                            Version: "2012-10-17",
                            Statement: [
                                admin(p, ACCOUNT),
                                ...row.statements(p, ACCOUNT).map((s) => {
                                    const open: Record<string, unknown> = { ...s };
                                    delete open.Condition;
                                    return open;
                                }),
                            ],
                        };
                        const allowed = model.outOfScope.filter(
                            (r) => decision(open, r, p) === "Allowed",
                        );
                        assert.ok(allowed.length > 0, "the open policy is caught");
                    });

                    it("the documented statements written for another account deny what the service needs", () => {
                        if (TARGET_TYPES[row.type].kind === "event data store") {
                            return; // no account in its statements: the key is the scope
                        }
                        const foreign = {
                            Version: "2012-10-17",
                            Statement: [admin(p, ACCOUNT), ...row.statements(p, "444455556666")],
                        };
                        const denied = model
                            .needed("guess-7f3a")
                            .filter((r) => r.action !== "kms:DescribeKey")
                            .filter((r) => decision(foreign, r, p) !== "Allowed");
                        assert.ok(denied.length > 0, "a policy for another account is caught");
                    });
                });
            }
        }
    }
});

// CloudTrail User Guide, same page, "Granting decrypt permissions": "If you are using an existing
// S3 bucket with an S3 Bucket Key, kms:Decrypt permissions are required to create or update a
// trail with SSE-KMS encryption enabled", and its "Allow CloudTrail to decrypt a trail" statement
// (kms:Decrypt for "cloudtrail.amazonaws.com", no condition). S3 User Guide, "Configuring your
// bucket to use an S3 Bucket Key with SSE-KMS for new objects": "the encryption context will be
// the bucket Amazon Resource Name (ARN) and not the object ARN".
function trailDecryptStatement() {
    return {
        Sid: "Allow CloudTrail to decrypt a trail",
        Effect: "Allow",
        Principal: { Service: "cloudtrail.amazonaws.com" },
        Action: "kms:Decrypt",
        Resource: "*",
    };
}

describe("service requests: a trail whose bucket uses an S3 Bucket Key", () => {
    const BUCKET = "org-audit-logs";
    for (const p of PLACES) {
        for (const type of ["aws:cloudtrail/trail:Trail", "aws-native:cloudtrail:Trail"]) {
            for (const bucketKnown of [true, false]) {
                const title = `${type}, ${p.partition} ${p.region}, bucket name ${bucketKnown ? "known" : "unknown at preview"}`;
                describe(title, () => {
                    const where = { partition: p.partition, region: p.region, accountId: ACCOUNT };
                    const trailFacts = {
                        type: TARGET_TYPES[type],
                        name: "org-audit",
                        arn: undefined,
                        bucketKey: {
                            enabled: true,
                            bucketName: bucketKnown ? BUCKET : UNKNOWN,
                            source: "bucketKeyEnabled of x",
                        },
                    } as unknown as TargetFacts;
                    const model = serviceRequests(trailFacts, p.region, p, ACCOUNT, keyArn(p));
                    const requests = model.bucketKeyNeeded!("0f1e2d3c");
                    const policyWith = (...statements: object[]) => ({
                        Version: "2012-10-17",
                        Statement: [
                            admin(p, ACCOUNT),
                            ...trailStatements(p, ACCOUNT),
                            ...statements,
                        ],
                    });

                    it("asks for kms:GenerateDataKey and kms:Decrypt with the bucket's ARN as context, for this trail", () => {
                        const bucket = bucketKnown ? BUCKET : "bucket-0f1e2d3c";
                        assert.deepEqual(
                            requests.map((r) => [r.action, r.context]),
                            ["kms:GenerateDataKey", "kms:Decrypt"].map((action) => [
                                action,
                                {
                                    "aws:SourceArn": `arn:${p.partition}:cloudtrail:${p.region}:${ACCOUNT}:trail/org-audit`,
                                    "aws:SourceAccount": ACCOUNT,
                                    "kms:EncryptionContext:aws:s3:arn": `arn:${p.partition}:s3:::${bucket}`,
                                },
                            ]),
                        );
                    });

                    it("the documented trail statements alone deny both (no aws:cloudtrail:arn in the context)", () => {
                        for (const r of requests) {
                            assert.equal(
                                decision(policyWith(), r, p),
                                "ImplicitlyDenied",
                                describe_(r),
                            );
                        }
                    });

                    it("the documented decrypt statement allows kms:Decrypt but not kms:GenerateDataKey", () => {
                        const policy = policyWith(trailDecryptStatement());
                        assert.deepEqual(
                            requests.map((r) => [r.action, decision(policy, r, p)]),
                            [
                                ["kms:GenerateDataKey", "ImplicitlyDenied"],
                                ["kms:Decrypt", "Allowed"],
                            ],
                        );
                    });

                    it("the bucket-key statement (CloudTrailKey s3BucketKey) allows both; written for another trail it allows neither", () => {
                        const fixed = policyWith(cloudTrailBucketKeyStatement(where, "org-audit"));
                        const other = policyWith(
                            cloudTrailBucketKeyStatement(where, "other-trail"),
                        );
                        for (const r of requests) {
                            assert.equal(decision(fixed, r, p), "Allowed", describe_(r));
                            assert.equal(decision(other, r, p), "ImplicitlyDenied", describe_(r));
                        }
                    });
                });
            }
        }
    }
});
