/**
 * The offline provider's behaviour as plain functions (no CLI): auto-naming, outputs at preview
 * and at create, diffs, invokes, provider configuration.
 */
import * as assert from "node:assert/strict";
import { autonameRule, uniqueName, withAutoname } from "../../engine/autoname";
import { ANSWERED, invoke } from "../../engine/awsInvokes";
import { MISSING_REGION, OfflineAws } from "../../engine/awsProvider";
import { createOutputs, defaultKeyPolicy, partitionOf } from "../../engine/awsResources";
import { policyDocument } from "../../engine/policyDocument";
import { OfflineTime } from "../../engine/timeProvider";
import { UNKNOWN } from "../../engine/wire";

const settings = { region: "us-east-1", accountId: "123456789012", defaultTags: { team: "logs" } };
const identity = { callerArn: "arn:aws:iam::123456789012:user/deployer", organizationId: "o-1" };
const seed = Buffer.from("0123456789abcdef0123456789abcdef");

function configured(env: NodeJS.ProcessEnv = {}): OfflineAws {
    const p = new OfflineAws(env);
    p.configure({ region: "us-east-1", defaultTags: JSON.stringify({ tags: { team: "logs" } }) });
    return p;
}

describe("offline aws provider: auto-naming", () => {
    it("names an unnamed Lambda function <name>-<7 hex>, the same for the same seed", () => {
        const rule = autonameRule("aws:lambda/function:Function", true);
        const a = withAutoname(
            rule,
            "orders",
            "aws:lambda/function:Function",
            {},
            {},
            seed,
            undefined,
        );
        const b = withAutoname(
            rule,
            "orders",
            "aws:lambda/function:Function",
            {},
            {},
            seed,
            undefined,
        );
        assert.match(String(a.name), /^orders-[0-9a-f]{7}$/);
        assert.equal(a.name, b.name);
        const other = withAutoname(
            rule,
            "orders",
            "aws:lambda/function:Function",
            {},
            {},
            Buffer.from("x"),
            undefined,
        );
        assert.notEqual(other.name, a.name);
    });

    it("names S3 buckets through `bucket`, in lower case, and keeps a program's name", () => {
        const rule = autonameRule("aws:s3/bucket:Bucket", false);
        assert.deepEqual(rule, {
            separator: "-",
            field: "bucket",
            maxLength: 63,
            lowercase: true,
            prefixField: "bucketPrefix",
        });
        const named = withAutoname(rule, "Audit", "aws:s3/bucket:Bucket", {}, {}, seed, undefined);
        assert.match(String(named.bucket), /^audit-[0-9a-f]{7}$/);
        const kept = { bucket: "mine" };
        assert.equal(
            withAutoname(rule, "Audit", "aws:s3/bucket:Bucket", kept, {}, seed, undefined),
            kept,
        );
    });

    it("keeps the name an update's old inputs hold, and leaves a namePrefix to the provider", () => {
        const rule = autonameRule("aws:cloudwatch/logGroup:LogGroup", true);
        const t = "aws:cloudwatch/logGroup:LogGroup";
        assert.deepEqual(withAutoname(rule, "g", t, {}, { name: "g-1234567" }, seed, undefined), {
            name: "g-1234567",
        });
        assert.deepEqual(withAutoname(rule, "g", t, { namePrefix: "/x/" }, {}, seed, undefined), {
            namePrefix: "/x/",
        });
    });

    it("follows pulumi:autonaming: propose, enforce, disable", () => {
        const rule = autonameRule("aws:s3/bucket:Bucket", false);
        const t = "aws:s3/bucket:Bucket";
        const propose = { proposedName: "Proj-Bucket", mode: "propose" as const };
        assert.equal(withAutoname(rule, "b", t, {}, {}, seed, propose).bucket, "proj-bucket");
        const enforce = { proposedName: "Proj-Bucket", mode: "enforce" as const };
        assert.equal(withAutoname(rule, "b", t, {}, {}, seed, enforce).bucket, "Proj-Bucket");
        const disable = { proposedName: "x", mode: "disable" as const };
        assert.deepEqual(withAutoname(rule, "b", t, {}, {}, seed, disable), {});
    });

    it("does not auto-name types without an optional name, nor Route 53 records", () => {
        assert.equal(autonameRule("aws:kms/key:Key", false), undefined);
        assert.equal(autonameRule("aws:route53/record:Record", true), undefined);
    });

    it("refuses a resource name too long for the type's maximum, as NewUniqueName does", () => {
        assert.throws(
            () => uniqueName(seed, `${"x".repeat(60)}-`, 64),
            new Error(
                `name '${"x".repeat(60)}-' plus 7 random chars is longer than maximum length 64`,
            ),
        );
    });

    it("fails Check for a program-given name longer than the type allows", () => {
        const r = configured().check({
            urn: "urn:pulumi:dev::p::aws:iam/role:Role::r",
            type: "aws:iam/role:Role",
            name: "r",
            olds: {},
            news: { name: "r".repeat(65), assumeRolePolicy: "{}" },
            randomSeed: seed,
        });
        assert.deepEqual(r.failures, [
            {
                property: "name",
                reason: `expected length of name to be in the range (1 - 64), got ${"r".repeat(65)}`,
            },
        ]);
    });
});

describe("offline aws provider: outputs", () => {
    it("leaves a new key's policy, multiRegion and arn unknown at preview, defaults known", () => {
        const { outputs } = createOutputs("aws:kms/key:Key", { description: "k" }, settings, true);
        assert.equal(outputs.policy, UNKNOWN);
        assert.equal(outputs.multiRegion, UNKNOWN);
        assert.equal(outputs.arn, UNKNOWN);
        assert.equal(outputs.keyId, UNKNOWN);
        assert.equal(outputs.keyUsage, "ENCRYPT_DECRYPT");
        assert.equal(outputs.customerMasterKeySpec, "SYMMETRIC_DEFAULT");
        assert.equal(outputs.enableKeyRotation, false);
        assert.equal(outputs.region, "us-east-1");
        assert.deepEqual(outputs.tagsAll, { team: "logs" });
        assert.equal("customKeyStoreId" in outputs, false, "an optional unset output is absent");
    });

    it("creates a key with key/<uuid>, keyId = the uuid, and AWS's default key policy", () => {
        const { id, outputs } = createOutputs("aws:kms/key:Key", {}, settings, false);
        assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
        assert.equal(outputs.keyId, id);
        assert.equal(outputs.arn, `arn:aws:kms:us-east-1:123456789012:key/${id}`);
        assert.equal(outputs.policy, defaultKeyPolicy("aws", "123456789012"));
        assert.equal(outputs.multiRegion, false);
    });

    it("gives a log group its ARN without the trailing :*, in the resource's own region", () => {
        const { id, outputs } = createOutputs(
            "aws:cloudwatch/logGroup:LogGroup",
            { name: "/app", region: "cn-north-1", tags: { team: "app" } },
            settings,
            false,
        );
        assert.equal(id, "/app");
        assert.equal(outputs.arn, "arn:aws-cn:logs:cn-north-1:123456789012:log-group:/app");
        assert.deepEqual(outputs.tagsAll, { team: "app" });
    });

    it("shapes buckets, roles, functions, trails, detectors and event data stores", () => {
        const out = (type: string, inputs: Record<string, string>) =>
            createOutputs(type, inputs, settings, false);
        assert.equal(out("aws:s3/bucket:Bucket", { bucket: "b" }).outputs.arn, "arn:aws:s3:::b");
        assert.equal(
            out("aws:iam/role:Role", { name: "r" }).outputs.arn,
            "arn:aws:iam::123456789012:role/r",
        );
        assert.equal(
            out("aws:lambda/function:Function", { name: "f" }).outputs.arn,
            "arn:aws:lambda:us-east-1:123456789012:function:f",
        );
        assert.equal(
            out("aws:cloudtrail/trail:Trail", { name: "t" }).outputs.arn,
            "arn:aws:cloudtrail:us-east-1:123456789012:trail/t",
        );
        assert.match(
            String(out("aws:cloudwatch/logAnomalyDetector:LogAnomalyDetector", {}).outputs.arn),
            /^arn:aws:logs:us-east-1:123456789012:anomaly-detector:[0-9a-f-]{36}$/,
        );
        assert.match(
            String(out("aws:cloudtrail/eventDataStore:EventDataStore", {}).outputs.arn),
            /^arn:aws:cloudtrail:us-east-1:123456789012:eventdatastore\/[0-9a-f-]{36}$/,
        );
    });

    it("maps regions to partitions", () => {
        assert.deepEqual(partitionOf("us-gov-west-1"), {
            partition: "aws-us-gov",
            dnsSuffix: "amazonaws.com",
        });
        assert.deepEqual(partitionOf("eu-west-1"), {
            partition: "aws",
            dnsSuffix: "amazonaws.com",
        });
    });

    it("diffs nothing for equal inputs and replaces on a name or multiRegion change", () => {
        const p = configured();
        const key = { description: "k", multiRegion: false };
        assert.deepEqual(p.diff({ type: "aws:kms/key:Key", olds: {}, news: key, oldInputs: key }), {
            changed: [],
            replaces: [],
        });
        assert.deepEqual(
            p.diff({
                type: "aws:kms/key:Key",
                olds: {},
                news: { description: "j", multiRegion: true },
                oldInputs: key,
            }),
            { changed: ["description", "multiRegion"], replaces: ["multiRegion"] },
        );
    });
});

describe("offline aws provider: read and update", () => {
    it("describes a resource read by id (X.get) from its id, and returns a refresh unchanged", () => {
        const p = configured();
        const got = p.read({
            id: "/existing",
            type: "aws:cloudwatch/logGroup:LogGroup",
            name: "existing",
            state: {},
            inputs: {},
        });
        assert.equal(got.id, "/existing");
        assert.equal(got.outputs.name, "/existing");
        assert.equal(got.outputs.arn, "arn:aws:logs:us-east-1:123456789012:log-group:/existing");
        const state = { name: "/x", arn: "arn:aws:logs:us-east-1:123456789012:log-group:/x" };
        assert.deepEqual(
            p.read({
                id: "/x",
                type: "aws:cloudwatch/logGroup:LogGroup",
                name: "x",
                state,
                inputs: {},
            }),
            { id: "/x", outputs: state, inputs: {} },
        );
    });

    it("keeps computed outputs across an update and takes the new inputs", () => {
        const p = configured();
        const olds = {
            name: "/x",
            arn: "arn:aws:logs:us-east-1:123456789012:log-group:/x",
            retentionInDays: 7,
            kmsKeyId: "arn:aws:kms:us-east-1:123456789012:key/k",
        };
        assert.deepEqual(
            p.update({
                id: "/x",
                type: "aws:cloudwatch/logGroup:LogGroup",
                olds,
                news: { name: "/x", retentionInDays: 30 },
                preview: false,
            }),
            {
                name: "/x",
                arn: olds.arn,
                retentionInDays: 30,
                region: "us-east-1",
                tagsAll: { team: "logs" },
            },
        );
    });
});

describe("offline providers: GetSchema", () => {
    it("lists every type the table knows, in the bridged providers' modules, so pulumi package add binds", () => {
        // The component schema refers to aws types by $ref; the CLI binds it against what the
        // aws plugin's GetSchema answers (an empty "{}" is "GetSchema is not implemented").
        const aws = JSON.parse(new OfflineAws({}).schema()) as {
            name: string;
            version: string;
            meta: { moduleFormat: string };
            resources: Record<string, unknown>;
        };
        assert.equal(aws.name, "aws");
        assert.equal(aws.version, new OfflineAws({}).version);
        assert.equal(aws.meta.moduleFormat, "(.*)(?:/[^/]*)");
        for (const type of [
            "aws:kms/key:Key",
            "aws:kms/keyPolicy:KeyPolicy",
            "aws:cloudwatch/logGroup:LogGroup",
            "aws:cloudwatch/logAnomalyDetector:LogAnomalyDetector",
            "aws:cloudwatch/logDataProtectionPolicy:LogDataProtectionPolicy",
            "aws:cloudtrail/trail:Trail",
            "aws:cloudtrail/eventDataStore:EventDataStore",
            "aws:s3/bucket:Bucket",
        ]) {
            assert.ok(aws.resources[type], type);
        }
        assert.deepEqual(
            Object.keys(aws.resources).filter((t) => !t.startsWith("aws:")),
            [],
        );
        const time = JSON.parse(new OfflineTime().schema()) as { resources: object };
        assert.ok("time:index/sleep:Sleep" in time.resources);
    });
});

describe("offline aws provider: configuration and invokes", () => {
    it("refuses a configuration without a region unless AWS_REGION is set", () => {
        assert.deepEqual(new OfflineAws({}).checkConfig({ version: "7.48.0" }).failures, [
            { property: "region", reason: MISSING_REGION },
        ]);
        assert.deepEqual(new OfflineAws({ AWS_REGION: "eu-west-1" }).checkConfig({}), {
            inputs: { region: "eu-west-1" },
            failures: [],
        });
        assert.throws(() => new OfflineAws({}).configure({}), new Error(MISSING_REGION));
    });

    it("answers the caller from the configured account", () => {
        const p = new OfflineAws({ ENCRYPTED_LOGS_ENGINE_ACCOUNT_ID: "444455556666" });
        p.configure({ region: "cn-north-1" });
        assert.deepEqual(p.invoke("aws:index/getCallerIdentity:getCallerIdentity", {}), {
            id: "444455556666",
            accountId: "444455556666",
            arn: "arn:aws-cn:iam::444455556666:user/deployer",
            userId: "AIDAOFFLINEENGINE0000",
        });
    });

    it("refuses an invoke it does not answer, naming its token", () => {
        assert.throws(() => invoke("aws:ec2/getVpc:getVpc", {}, settings, identity), {
            name: "UnansweredInvoke",
            token: "aws:ec2/getVpc:getVpc",
            message:
                "invoke aws:ec2/getVpc:getVpc: only the default VPC ({ default: true }) is known offline",
        });
        assert.throws(
            () => invoke("aws:ssm/getParameter:getParameter", { name: "/x" }, settings, identity),
            {
                message: `invoke aws:ssm/getParameter:getParameter: nothing answers this data source offline (answered: ${ANSWERED.join(", ")})`,
            },
        );
    });

    it("computes getPolicyDocument's JSON as the provider does", () => {
        const doc = policyDocument({
            statements: [
                {
                    sid: "A",
                    actions: ["s3:PutObject", "s3:GetObject", "s3:GetObject"],
                    resources: ["*"],
                    principals: [{ type: "Service", identifiers: ["logs.amazonaws.com"] }],
                    conditions: [
                        { test: "StringEquals", variable: "aws:SourceAccount", values: ["1", "2"] },
                    ],
                },
                {
                    effect: "Deny",
                    notActions: ["kms:*"],
                    principals: [{ type: "*", identifiers: ["*"] }],
                },
            ],
        });
        assert.equal(
            doc.json,
            [
                "{",
                '  "Version": "2012-10-17",',
                '  "Statement": [',
                "    {",
                '      "Sid": "A",',
                '      "Effect": "Allow",',
                '      "Action": [',
                '        "s3:PutObject",',
                '        "s3:GetObject"',
                "      ],",
                '      "Resource": "*",',
                '      "Principal": {',
                '        "Service": "logs.amazonaws.com"',
                "      },",
                '      "Condition": {',
                '        "StringEquals": {',
                '          "aws:SourceAccount": [',
                '            "2",',
                '            "1"',
                "          ]",
                "        }",
                "      }",
                "    },",
                "    {",
                '      "Effect": "Deny",',
                '      "NotAction": "kms:*",',
                '      "Principal": "*"',
                "    }",
                "  ]",
                "}",
            ].join("\n"),
        );
        assert.equal(doc.minifiedJson, JSON.stringify(JSON.parse(String(doc.json))));
        assert.match(String(doc.id), /^\d+$/);
    });
});

describe("offline time provider", () => {
    it("creates a Sleep as its inputs and an RFC 3339 id, without sleeping", () => {
        const started = Date.now();
        const r = new OfflineTime().create({
            urn: "urn:pulumi:dev::p::time:index/sleep:Sleep::s",
            type: "time:index/sleep:Sleep",
            name: "s",
            inputs: { createDuration: "300s" },
            preview: false,
        });
        assert.ok(Date.now() - started < 1000);
        assert.match(r.id, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
        assert.deepEqual(r.outputs, { createDuration: "300s" });
    });

    it("leaves a Static's timestamps unknown at preview", () => {
        const r = new OfflineTime().create({
            urn: "urn:pulumi:dev::p::time:index/static:Static::t",
            type: "time:index/static:Static",
            name: "t",
            inputs: {},
            preview: true,
        });
        assert.equal(r.outputs.rfc3339, UNKNOWN);
        assert.equal(r.outputs.unix, UNKNOWN);
    });
});
