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
import {
    otherAccount,
    serviceContextKey,
    serviceRequests,
} from "../policypack/lib/facts/serviceRequests";
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

describe("service requests, word for word: accounts, names and ARNs known or guessed", () => {
    const US = PLACES[0];
    const KEY = keyArn(US);
    const target = (type: string, name: unknown, arn?: unknown, bucketName?: unknown) =>
        ({
            type: TARGET_TYPES[type],
            name,
            arn,
            bucketKey:
                bucketName === undefined
                    ? undefined
                    : { enabled: true, bucketName, source: "bucketKeyEnabled of x" },
        }) as unknown as TargetFacts;
    /** `action context` of each request, after checking its principal and resource. */
    const shown = (requests: readonly KeyRequest[], principal: string) =>
        requests.map((r) => {
            assert.deepEqual(r.principal, { kind: "service", service: principal });
            assert.equal(r.resource, KEY);
            return `${r.action} ${JSON.stringify(r.context)}`;
        });
    const LOGS = "logs.us-east-1.amazonaws.com";
    const TRAIL = "cloudtrail.amazonaws.com";
    const GROUP = "aws:cloudwatch/logGroup:LogGroup";
    const DETECTOR = "aws:cloudwatch/logAnomalyDetector:LogAnomalyDetector";
    const LOGS_ACTIONS = [
        "kms:Encrypt",
        "kms:Decrypt",
        "kms:ReEncryptFrom",
        "kms:ReEncryptTo",
        "kms:GenerateDataKey",
        "kms:DescribeKey",
    ];
    const ctx = (key: string, arn: string) => JSON.stringify({ [key]: arn });
    const LOGS_KEY = "kms:EncryptionContext:aws:logs:arn";
    const CRYPTO_KEY = "kms:EncryptionContext:aws-crypto-ec:aws:logs:arn";

    it("names the context key each service sets, and an account that is not the target's", () => {
        assert.equal(serviceContextKey(target(GROUP, "/a")), LOGS_KEY);
        assert.equal(serviceContextKey(target(DETECTOR, "d")), LOGS_KEY);
        assert.equal(
            serviceContextKey(target("aws:cloudtrail/trail:Trail", "t")),
            "kms:EncryptionContext:aws:cloudtrail:arn",
        );
        assert.equal(otherAccount(ACCOUNT), "999999999999");
        assert.equal(otherAccount(undefined), "999999999999");
        assert.equal(otherAccount("999999999999"), "000000000000");
    });

    it("a log group with its name and account known: nothing guessed", () => {
        const model = serviceRequests(target(GROUP, "/app/x"), "us-east-1", US, ACCOUNT, KEY);
        const own = `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:/app/x`;
        const other = "arn:aws:logs:us-east-1:999999999999:log-group:/app/x";
        assert.equal(model.principal, LOGS);
        assert.deepEqual(
            [model.guessed, model.accountGuessed, model.bucketKeyNeeded],
            [false, false, undefined],
        );
        assert.deepEqual(
            shown(model.needed("g"), LOGS),
            LOGS_ACTIONS.map((a) => `${a} ${ctx(LOGS_KEY, own)}`),
        );
        assert.deepEqual(shown(model.outOfScope, LOGS), [
            `kms:Encrypt ${ctx(LOGS_KEY, other)}`,
            `kms:GenerateDataKey ${ctx(LOGS_KEY, other)}`,
            "kms:Encrypt {}",
            "kms:GenerateDataKey {}",
        ]);
    });

    it("a log group whose name and account are unknown: both guessed, the account from the guess's digits", () => {
        const model = serviceRequests(target(GROUP, UNKNOWN), "us-east-1", US, undefined, KEY);
        assert.deepEqual([model.guessed, model.accountGuessed], [true, true]);
        const own = "arn:aws:logs:us-east-1:712300000000:log-group:g-7a1-23";
        assert.deepEqual(
            shown(model.needed("g-7a1-23"), LOGS),
            LOGS_ACTIONS.map((a) => `${a} ${ctx(LOGS_KEY, own)}`),
        );
        assert.deepEqual(
            shown(model.needed("1234567890123456"), LOGS)[0],
            `kms:Encrypt ${ctx(LOGS_KEY, "arn:aws:logs:us-east-1:123456789012:log-group:1234567890123456")}`,
        );
        const other = "arn:aws:logs:us-east-1:999999999999:log-group:other";
        assert.deepEqual(shown(model.outOfScope, LOGS).slice(0, 2), [
            `kms:Encrypt ${ctx(LOGS_KEY, other)}`,
            `kms:GenerateDataKey ${ctx(LOGS_KEY, other)}`,
        ]);
        // Only the name unknown: guessed, but not the account.
        const named = serviceRequests(target(GROUP, UNKNOWN), "us-east-1", US, ACCOUNT, KEY);
        assert.deepEqual([named.guessed, named.accountGuessed], [true, false]);
    });

    it("an anomaly detector: its known ARN when the account is known, else one built from the guess", () => {
        const known = `arn:aws:logs:us-east-1:${ACCOUNT}:anomaly-detector:${DETECTOR_ID}`;
        const deployed = serviceRequests(
            target(DETECTOR, "d", known),
            "us-east-1",
            US,
            ACCOUNT,
            KEY,
        );
        assert.deepEqual([deployed.guessed, deployed.accountGuessed], [false, false]);
        const needed = shown(deployed.needed("g"), LOGS);
        assert.ok(needed.length > 0);
        for (const r of needed) {
            assert.ok(
                r === `${r.split(" ")[0]} ${ctx(LOGS_KEY, known)}` ||
                    r.endsWith(ctx(CRYPTO_KEY, known)),
                r,
            );
        }
        assert.ok(needed.some((r) => r.endsWith(ctx(CRYPTO_KEY, known))));
        // Another account's detector is never the known one.
        const other = "arn:aws:logs:us-east-1:999999999999:anomaly-detector:other";
        assert.ok(shown(deployed.outOfScope, LOGS).includes(`kms:Encrypt ${ctx(LOGS_KEY, other)}`));
        // Its ARN unknown: guessed even with the name and account known.
        const preview = serviceRequests(
            target(DETECTOR, "d", UNKNOWN),
            "us-east-1",
            US,
            ACCOUNT,
            KEY,
        );
        assert.deepEqual([preview.guessed, preview.accountGuessed], [true, false]);
        const built = `arn:aws:logs:us-east-1:${ACCOUNT}:anomaly-detector:g`;
        assert.ok(shown(preview.needed("g"), LOGS).every((r) => r.includes(built)));
        // The account unknown: the known ARN is not used either.
        const noAccount = serviceRequests(
            target(DETECTOR, "d", known),
            "us-east-1",
            US,
            undefined,
            KEY,
        );
        assert.deepEqual([noAccount.guessed, noAccount.accountGuessed], [true, true]);
        const guessed = "arn:aws:logs:us-east-1:100000000000:anomaly-detector:g1";
        assert.ok(shown(noAccount.needed("g1"), LOGS).every((r) => r.includes(guessed)));
    });

    it("a trail: SourceArn and SourceAccount always, its own context on GenerateDataKey only", () => {
        const trail = "aws:cloudtrail/trail:Trail";
        const model = serviceRequests(target(trail, "audit"), "us-east-1", US, ACCOUNT, KEY);
        const arn = `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:trail/audit`;
        const source = { "aws:SourceArn": arn, "aws:SourceAccount": ACCOUNT };
        assert.equal(model.principal, TRAIL);
        assert.deepEqual(
            [model.guessed, model.accountGuessed, model.bucketKeyNeeded],
            [false, false, undefined],
        );
        assert.deepEqual(shown(model.needed("g"), TRAIL), [
            `kms:GenerateDataKey ${JSON.stringify({ ...source, "kms:EncryptionContext:aws:cloudtrail:arn": arn })}`,
            `kms:DescribeKey ${JSON.stringify(source)}`,
        ]);
        const other = "arn:aws:cloudtrail:us-east-1:999999999999:trail/audit";
        assert.deepEqual(shown(model.outOfScope, TRAIL), [
            `kms:GenerateDataKey ${JSON.stringify({ "aws:SourceArn": other, "aws:SourceAccount": "999999999999", "kms:EncryptionContext:aws:cloudtrail:arn": other })}`,
            "kms:GenerateDataKey {}",
        ]);
        // Name and account unknown: both from the guess; another account's trail is "trail".
        const preview = serviceRequests(target(trail, UNKNOWN), "us-east-1", US, undefined, KEY);
        assert.deepEqual([preview.guessed, preview.accountGuessed], [true, true]);
        const guessed = "arn:aws:cloudtrail:us-east-1:420000000000:trail/g42";
        assert.deepEqual(
            shown(preview.needed("g42"), TRAIL)[1],
            `kms:DescribeKey ${JSON.stringify({ "aws:SourceArn": guessed, "aws:SourceAccount": "420000000000" })}`,
        );
        assert.match(shown(preview.outOfScope, TRAIL)[0], /:999999999999:trail\/trail"/);
        // Under a bucket key whose bucket name is unknown: a bucket named from the guess.
        const bucketKey = serviceRequests(
            target(trail, "audit", undefined, UNKNOWN),
            "us-east-1",
            US,
            ACCOUNT,
            KEY,
        );
        assert.deepEqual(shown(bucketKey.bucketKeyNeeded!("g7"), TRAIL), [
            `kms:GenerateDataKey ${JSON.stringify({ ...source, "kms:EncryptionContext:aws:s3:arn": "arn:aws:s3:::bucket-g7" })}`,
            `kms:Decrypt ${JSON.stringify({ ...source, "kms:EncryptionContext:aws:s3:arn": "arn:aws:s3:::bucket-g7" })}`,
        ]);
        const namedBucket = serviceRequests(
            target(trail, "audit", undefined, "audit-logs"),
            "us-east-1",
            US,
            ACCOUNT,
            KEY,
        );
        assert.deepEqual(
            shown(namedBucket.bucketKeyNeeded!("g7"), TRAIL).map((r) => r.split(" ")[1]),
            [1, 2].map(() =>
                JSON.stringify({
                    ...source,
                    "kms:EncryptionContext:aws:s3:arn": "arn:aws:s3:::audit-logs",
                }),
            ),
        );
    });

    it("an event data store: no context, nothing out of scope, nothing guessed", () => {
        const model = serviceRequests(
            target("aws:cloudtrail/eventDataStore:EventDataStore", UNKNOWN),
            "us-east-1",
            US,
            undefined,
            KEY,
        );
        assert.equal(model.principal, TRAIL);
        assert.deepEqual([model.guessed, model.accountGuessed], [false, false]);
        assert.deepEqual(model.outOfScope, []);
        assert.deepEqual(shown(model.needed("g"), TRAIL), [
            "kms:GenerateDataKey {}",
            "kms:Decrypt {}",
            "kms:DescribeKey {}",
        ]);
    });
});
