/**
 * A trail whose S3 bucket uses an S3 Bucket Key, through the analyzer protocol:
 * its key policy must let CloudTrail use the key under the bucket's encryption context
 * (`policypack/lib/facts/bucketKey.ts`). Each refusal with its twin that passes: the statement added, the
 * bucket key off; the setting read from a BucketServerSideEncryptionConfiguration, the bucket's own
 * inline configuration and AWS Native's `bucketEncryption`.
 */
import * as assert from "node:assert/strict";
import { StackResource, unknown, usePolicyPack } from "../harness/policyHarness";
import { messageOf, verdicts } from "../harness/verdicts";
import { ACCOUNT, StackBuilder, cloudTrailPolicy } from "../harness/stackFixtures";
import { cloudTrailBucketKeyStatement } from "../components/cloudtrail/policies";

const USABLE = "log-encryption-key-usable";
const UNVERIFIED = "log-encryption-unverified";

const WHERE = { partition: "aws", region: "us-east-1", accountId: ACCOUNT };
const STATEMENT = cloudTrailBucketKeyStatement(WHERE, "audit");
const STATEMENT_TEXT =
    '{"Sid":"AllowCloudTrailBucketKey","Effect":"Allow","Principal":{"Service":"cloudtrail.amazonaws.com"},"Action":["kms:GenerateDataKey*","kms:Decrypt"],"Resource":"*","Condition":{"Null":{"kms:EncryptionContext:aws:s3:arn":"false"},"StringEquals":{"aws:SourceArn":"arn:aws:cloudtrail:us-east-1:111122223333:trail/audit"}}}';

/** `cloudTrailPolicy()` (the documented trail statements) plus `extra`. */
function trailKeyPolicy(...extra: object[]): object {
    const base = cloudTrailPolicy() as { Statement: object[] };
    return { ...base, Statement: [...base.Statement, ...extra] };
}

/** An `aws.s3.BucketServerSideEncryptionConfiguration` of `bucket` (named by its id, unknown at preview). */
function encryption(
    s: StackBuilder,
    bucket: StackResource,
    bucketKeyEnabled: boolean | ReturnType<typeof unknown>,
    type = "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
): StackResource {
    const inputs = {
        bucket: unknown(),
        rules: [
            {
                applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms" },
                bucketKeyEnabled,
            },
        ],
    };
    return s.add({
        urn: s.urn(type, `${bucket.name}-encryption`),
        type,
        name: `${bucket.name}-encryption`,
        inputs,
        outputs: inputs,
        parent: s.stackUrn,
        provider: s.defaultProvider,
        dependencies: [bucket.urn],
        propertyDependencies: { bucket: [bucket.urn] },
    });
}

const REFUSAL =
    '[key-policy] trail "audit" (aws:cloudtrail/trail:Trail) writes to S3 bucket "logs-bucket", which uses an S3 Bucket Key ' +
    '(bucketKeyEnabled of aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration "logs-encryption" is true), ' +
    'but its key policy of KMS key "trail-key" (aws:kms/key:Key) does not allow cloudtrail.amazonaws.com kms:GenerateDataKey, kms:Decrypt ' +
    "under the bucket key's encryption context (kms:EncryptionContext:aws:s3:arn = the bucket's ARN, no aws:cloudtrail:arn): " +
    "CloudTrail cannot create or update the trail, nor deliver its log files. " +
    `Fix: add this statement to the key policy: ${STATEMENT_TEXT}; or turn the bucket key off (bucketKeyEnabled: false).`;

describe("policy pack: a trail whose bucket uses an S3 Bucket Key", function () {
    this.timeout(60_000);
    const running = usePolicyPack();

    it("refuses a key policy without the bucket-key statement, naming the statement to add", async () => {
        const s = new StackBuilder();
        const bucket = s.bucket("logs");
        encryption(s, bucket, true);
        s.trail("audit", bucket, { key: s.key("trail-key", { policy: trailKeyPolicy() }) });
        const result = await running().preview(s.resources);
        assert.deepEqual(verdicts(result), [`${USABLE}/audit [key-policy]`]);
        assert.equal(messageOf(result, USABLE, "audit"), REFUSAL);
    });

    it("passes once the statement is added, and with the bucket key off", async () => {
        const s = new StackBuilder();
        const fixed = s.bucket("logs");
        encryption(s, fixed, true);
        s.trail("audit", fixed, {
            key: s.key("trail-key", { policy: trailKeyPolicy(STATEMENT) }),
        });
        const off = s.bucket("plain");
        encryption(s, off, false);
        s.trail("plain-trail", off, { key: s.key("plain-key", { policy: trailKeyPolicy() }) });
        const result = await running().preview(s.resources);
        assert.deepEqual(verdicts(result), []);
    });

    it("names the CloudTrailKey's s3BucketKey when the key is one, and reads the V2 resource", async () => {
        const s = new StackBuilder();
        const component = s.add({
            urn: s.urn("encrypted-logs:index:CloudTrailKey", "trails"),
            type: "encrypted-logs:index:CloudTrailKey",
            name: "trails",
            inputs: {},
            parent: s.stackUrn,
        });
        const bucket = s.bucket("logs");
        encryption(
            s,
            bucket,
            true,
            "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
        );
        s.trail("audit", bucket, {
            key: s.key("trails", { policy: trailKeyPolicy(), parent: component.urn }),
        });
        const result = await running().preview(s.resources);
        assert.match(
            messageOf(result, USABLE, "audit"),
            /Fix: set s3BucketKey: true on CloudTrailKey "trails", which adds it, or add this statement to the key policy: \{"Sid":"AllowCloudTrailBucketKey"/,
        );
    });

    it("reads the bucket's own inline configuration (refused; with bucketKeyEnabled false, passes)", async () => {
        const s = new StackBuilder();
        for (const [name, on] of [
            ["inline", true],
            ["inline-off", false],
        ] as const) {
            const bucket = s.bucket(name);
            const inline = {
                serverSideEncryptionConfiguration: { rule: { bucketKeyEnabled: on } },
            };
            Object.assign(bucket.inputs, inline);
            Object.assign(bucket.outputs ?? {}, inline);
            s.trail(`${name}-trail`, bucket, {
                key: s.key(`${name}-key`, { policy: trailKeyPolicy() }),
            });
        }
        const result = await running().preview(s.resources);
        assert.deepEqual(verdicts(result), [`${USABLE}/inline-trail [key-policy]`]);
        assert.match(
            messageOf(result, USABLE, "inline-trail"),
            /uses an S3 Bucket Key \(bucketKeyEnabled of aws:s3\/bucket:Bucket "inline" is true\)/,
        );
    });

    it("cannot verify a bucket-key setting unknown at preview, and is silent when the policy allows it anyway", async () => {
        const s = new StackBuilder();
        const bucket = s.bucket("logs");
        encryption(s, bucket, unknown("bool") as never);
        s.trail("audit", bucket, { key: s.key("trail-key", { policy: trailKeyPolicy() }) });
        const allowed = s.bucket("allowed");
        encryption(s, allowed, unknown("bool") as never);
        s.trail("allowed-trail", allowed, {
            key: s.key("allowed-key", {
                policy: trailKeyPolicy(cloudTrailBucketKeyStatement(WHERE, "allowed-trail")),
            }),
        });
        const result = await running().preview(s.resources);
        assert.deepEqual(verdicts(result), [`${UNVERIFIED}/audit [cannot verify yet]`]);
        assert.equal(
            messageOf(result, UNVERIFIED, "audit"),
            '[cannot verify yet] trail "audit" (aws:cloudtrail/trail:Trail) uses KMS key "trail-key" (found through the property dependency of kmsKeyId); not verified: key policy, ' +
                'because whether S3 bucket "logs-bucket" uses an S3 Bucket Key (bucketKeyEnabled of aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration "logs-encryption") is unknown at preview, ' +
                'and its key policy of KMS key "trail-key" (aws:kms/key:Key) does not allow cloudtrail.amazonaws.com kms:GenerateDataKey, kms:Decrypt ' +
                "under the bucket key's encryption context (kms:EncryptionContext:aws:s3:arn = the bucket's ARN, no aws:cloudtrail:arn).",
        );
    });

    it("with the bucket's name unknown at preview: refused when the policy names no bucket, cannot verify when it names one", async () => {
        const s = new StackBuilder();
        const statementFor = (bucket: string) => ({
            ...STATEMENT,
            Condition: {
                StringEquals: {
                    "aws:SourceArn": "arn:aws:cloudtrail:us-east-1:111122223333:trail/named",
                    "kms:EncryptionContext:aws:s3:arn": `arn:aws:s3:::${bucket}`,
                },
            },
        });
        for (const [name, policy] of [
            ["audit", trailKeyPolicy()],
            ["named", trailKeyPolicy(statementFor("named-logs"))],
        ] as const) {
            const bucket = s.bucket(name);
            bucket.inputs.bucket = unknown();
            (bucket.outputs as Record<string, unknown>).bucket = unknown();
            encryption(s, bucket, true);
            s.trail(name, bucket, { key: s.key(`${name}-key`, { policy }) });
        }
        const result = await running().preview(s.resources);
        assert.deepEqual(verdicts(result), [
            `${USABLE}/audit [key-policy]`,
            `${UNVERIFIED}/named [cannot verify yet]`,
        ]);
        assert.match(
            messageOf(result, USABLE, "audit"),
            /^\[key-policy\] trail "audit" \(aws:cloudtrail\/trail:Trail\) writes to its S3 bucket \(name unknown at preview\), which uses an S3 Bucket Key/,
        );
    });

    it("judges an AWS Native trail and bucket (bucketEncryption) the same way", async () => {
        const s = new StackBuilder();
        const inputs = {
            bucketName: "native-logs",
            bucketEncryption: {
                serverSideEncryptionConfiguration: [
                    {
                        bucketKeyEnabled: true,
                        serverSideEncryptionByDefault: { sseAlgorithm: "aws:kms" },
                    },
                ],
            },
        };
        const bucket = s.add({
            urn: s.urn("aws-native:s3:Bucket", "native"),
            type: "aws-native:s3:Bucket",
            name: "native",
            inputs,
            outputs: inputs,
            parent: s.stackUrn,
            provider: s.provider("native", "us-east-1", "pulumi:providers:aws-native"),
        });
        const key = s.key("native-key", { policy: trailKeyPolicy() });
        const trail = s.add({
            urn: s.urn("aws-native:cloudtrail:Trail", "native-trail"),
            type: "aws-native:cloudtrail:Trail",
            name: "native-trail",
            inputs: {
                trailName: "native-trail",
                s3BucketName: "native-logs",
                kmsKeyId: unknown(),
                isLogging: true,
            },
            parent: s.stackUrn,
            provider: bucket.provider,
            dependencies: [key.urn, bucket.urn],
            propertyDependencies: { kmsKeyId: [key.urn], s3BucketName: [bucket.urn] },
        });
        const result = await running().preview(s.resources);
        assert.deepEqual(verdicts(result), [`${USABLE}/${trail.name} [key-policy]`]);
        assert.match(
            messageOf(result, USABLE, trail.name),
            /writes to S3 bucket "native-logs", which uses an S3 Bucket Key \(bucketKeyEnabled of aws-native:s3:Bucket "native" is true\)/,
        );
    });
});
