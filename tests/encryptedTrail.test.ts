/**
 * EncryptedTrail under the recording mock engine: exact resources, inputs, dependencies and
 * options, the policies it writes (equal to the pure builders' output, which
 * cloudTrailPolicies.test.ts evaluates), CloudWatch Logs delivery, a key of your own, and every
 * bad input.
 */
import * as aws from "@pulumi/aws";
import * as assert from "node:assert/strict";
import {
    EncryptedTrail,
    cloudTrailBucketPolicy,
    cloudTrailKeyPolicy,
    cloudTrailLogsRolePolicy,
    cloudTrailLogsRoleTrustPolicy,
    logGroupKeyPolicy,
} from "../components";
import {
    CHINA,
    COMMERCIAL,
    MOCK_ORGANIZATION_ID,
    MockEngine,
    RecordedResource,
    uuidFrom,
    valueOf,
} from "../harness/mockEngine";
import { ConstructionError, itFailsAtConstruction } from "./support/construction";

const KEY = "aws:kms/key:Key";
const TRAIL = "aws:cloudtrail/trail:Trail";
const BUCKET = "aws:s3/bucket:Bucket";
const OWN_KEY = "arn:aws:kms:us-east-1:111122223333:key/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";

function dependsOn(resource: RecordedResource, other: RecordedResource): boolean {
    return resource.dependencies.includes(other.urn);
}

describe("EncryptedTrail", () => {
    it("creates the trail, its key, and a locked-down SSE-KMS bucket with CloudTrail's policy", async () => {
        const engine = await MockEngine.start();
        const trail = new EncryptedTrail("audit", {
            bucketName: "acme-audit-logs",
            tags: { team: "security" },
        });
        await engine.settle();

        assert.deepEqual(engine.summary(), [
            "aws:cloudtrail/trail:Trail::audit",
            "aws:kms/key:Key::audit-key",
            "aws:s3/bucket:Bucket::audit-bucket",
            "aws:s3/bucketOwnershipControls:BucketOwnershipControls::audit-bucket-ownership",
            "aws:s3/bucketPolicy:BucketPolicy::audit-bucket-policy",
            "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock::audit-bucket-public-access",
            "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration::audit-bucket-encryption",
            "aws:s3/bucketVersioning:BucketVersioning::audit-bucket-versioning",
            "encrypted-logs:index:CloudTrailKey::audit-key",
            "encrypted-logs:index:EncryptedTrail::audit",
        ]);

        const key = engine.get(KEY, "audit-key");
        assert.deepEqual(
            JSON.parse(key.inputs.policy),
            cloudTrailKeyPolicy({ ...COMMERCIAL, trailName: "audit" }),
        );
        assert.equal(
            key.inputs.description,
            "CloudTrail key for trail audit (pulumi-aws-encrypted-logs)",
        );
        assert.equal(key.inputs.enableKeyRotation, true);
        assert.equal(key.inputs.deletionWindowInDays, 30);
        assert.equal(key.retainOnDelete, true, "the key is retained when removed from the stack");
        const keyArn = `arn:aws:kms:us-east-1:111122223333:key/${uuidFrom("audit-key")}`;
        assert.equal(await valueOf(trail.kmsKeyArn), keyArn);

        const bucket = engine.get(BUCKET, "audit-bucket");
        assert.deepEqual(bucket.inputs, {
            bucket: "acme-audit-logs",
            forceDestroy: false,
            tags: { team: "security" },
        });
        const byBucket = (type: string, name: string) => {
            const r = engine.get(type, name);
            assert.equal(r.inputs.bucket, "acme-audit-logs", `${name} is on the trail's bucket`);
            return r;
        };
        assert.deepEqual(
            byBucket(
                "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
                "audit-bucket-public-access",
            ).inputs,
            {
                bucket: "acme-audit-logs",
                blockPublicAcls: true,
                blockPublicPolicy: true,
                ignorePublicAcls: true,
                restrictPublicBuckets: true,
            },
        );
        assert.deepEqual(
            byBucket(
                "aws:s3/bucketOwnershipControls:BucketOwnershipControls",
                "audit-bucket-ownership",
            ).inputs.rule,
            { objectOwnership: "BucketOwnerEnforced" },
        );
        assert.deepEqual(
            byBucket("aws:s3/bucketVersioning:BucketVersioning", "audit-bucket-versioning").inputs
                .versioningConfiguration,
            { status: "Enabled" },
        );
        const encryption = byBucket(
            "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
            "audit-bucket-encryption",
        );
        assert.deepEqual(encryption.inputs.rules, [
            {
                applyServerSideEncryptionByDefault: {
                    sseAlgorithm: "aws:kms",
                    kmsMasterKeyId: keyArn,
                },
                bucketKeyEnabled: true,
            },
        ]);
        const bucketPolicy = byBucket("aws:s3/bucketPolicy:BucketPolicy", "audit-bucket-policy");
        assert.deepEqual(
            JSON.parse(bucketPolicy.inputs.policy),
            cloudTrailBucketPolicy({
                ...COMMERCIAL,
                bucketName: "acme-audit-logs",
                trailName: "audit",
            }),
        );

        const recordedTrail = engine.get(TRAIL, "audit");
        assert.deepEqual(recordedTrail.inputs, {
            name: "audit",
            s3BucketName: "acme-audit-logs",
            kmsKeyId: keyArn,
            isMultiRegionTrail: true,
            includeGlobalServiceEvents: true,
            enableLogFileValidation: true,
            isOrganizationTrail: false,
            tags: { team: "security" },
        });
        assert.ok(dependsOn(recordedTrail, bucketPolicy), "the trail waits for the bucket policy");
        assert.ok(dependsOn(recordedTrail, key), "the trail waits for the key and its policy");
        assert.ok(dependsOn(recordedTrail, encryption), "the trail waits for bucket encryption");
        assert.ok(
            dependsOn(
                bucketPolicy,
                engine.get(
                    "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
                    "audit-bucket-public-access",
                ),
            ),
        );
        const component = engine.get("encrypted-logs:index:EncryptedTrail", "audit");
        for (const child of [recordedTrail, bucket, bucketPolicy, encryption]) {
            assert.equal(child.parent, component.urn, `${child.name} is a child of the component`);
        }
        assert.equal(key.parent, engine.get("encrypted-logs:index:CloudTrailKey", "audit-key").urn);

        assert.equal(
            await valueOf(trail.arn),
            "arn:aws:cloudtrail:us-east-1:111122223333:trail/audit",
        );
        assert.equal(trail.logGroup, undefined);
        assert.equal(await valueOf(trail.bucket.bucket), "acme-audit-logs");
    });

    it("lets Pulumi name the bucket, and writes the policy for that name", async () => {
        const engine = await MockEngine.start();
        new EncryptedTrail("audit");
        await engine.settle();
        const bucket = engine.get(BUCKET, "audit-bucket");
        assert.equal(bucket.inputs.bucket, undefined);
        const policy = JSON.parse(
            engine.get("aws:s3/bucketPolicy:BucketPolicy", "audit-bucket-policy").inputs.policy,
        );
        assert.match(policy.Statement[0].Resource, /^arn:aws:s3:::audit-bucket-[0-9a-f]{7}$/);
        assert.match(engine.get(TRAIL, "audit").inputs.s3BucketName, /^audit-bucket-[0-9a-f]{7}$/);
    });

    it("passes the prefix, region settings and organisation trail through, with the organisation's folder", async () => {
        const engine = await MockEngine.start();
        new EncryptedTrail("org", {
            trailName: "org-audit",
            bucketName: "acme-org-audit",
            s3KeyPrefix: "org/audit",
            isMultiRegionTrail: false,
            includeGlobalServiceEvents: false,
            enableLogFileValidation: false,
            isOrganizationTrail: true,
            forceDestroyBucket: true,
        });
        await engine.settle();
        const trail = engine.get(TRAIL, "org");
        assert.equal(trail.inputs.name, "org-audit");
        assert.equal(trail.inputs.s3KeyPrefix, "org/audit");
        assert.equal(trail.inputs.isMultiRegionTrail, false);
        assert.equal(trail.inputs.includeGlobalServiceEvents, false);
        assert.equal(trail.inputs.enableLogFileValidation, false);
        assert.equal(trail.inputs.isOrganizationTrail, true);
        assert.equal(engine.get(BUCKET, "org-bucket").inputs.forceDestroy, true);
        assert.deepEqual(
            JSON.parse(
                engine.get("aws:s3/bucketPolicy:BucketPolicy", "org-bucket-policy").inputs.policy,
            ),
            cloudTrailBucketPolicy({
                ...COMMERCIAL,
                bucketName: "acme-org-audit",
                trailName: "org-audit",
                s3KeyPrefix: "org/audit",
                isOrganizationTrail: true,
                organizationId: MOCK_ORGANIZATION_ID,
            }),
        );
        assert.deepEqual(
            JSON.parse(engine.get(KEY, "org-key").inputs.policy),
            cloudTrailKeyPolicy({ ...COMMERCIAL, trailName: "org-audit" }),
        );
        assert.equal(
            engine.invokes.filter(
                (i) => i.token === "aws:organizations/getOrganization:getOrganization",
            ).length,
            1,
        );
    });

    it("adds the readers to the key it creates", async () => {
        const engine = await MockEngine.start();
        const reader = "arn:aws:iam::111122223333:role/audit-reader";
        const admin = "arn:aws:iam::111122223333:role/key-admin";
        new EncryptedTrail("audit", { decryptPrincipalArns: [reader], keyAdminArns: [admin] });
        await engine.settle();
        assert.deepEqual(
            JSON.parse(engine.get(KEY, "audit-key").inputs.policy),
            cloudTrailKeyPolicy({
                ...COMMERCIAL,
                trailName: "audit",
                decryptPrincipalArns: [reader],
                adminArns: [admin],
            }),
        );
    });

    it("delivers to an encrypted log group through a role CloudTrail assumes for this trail only", async () => {
        const engine = await MockEngine.start();
        const trail = new EncryptedTrail("audit", {
            cloudWatchLogs: true,
            cloudWatchLogsRetentionInDays: 90,
        });
        await engine.settle();
        const group = engine.get("aws:cloudwatch/logGroup:LogGroup", "audit-logs");
        assert.equal(group.inputs.name, "/cloudtrail/audit");
        assert.equal(group.inputs.retentionInDays, 90);
        const groupKey = engine.get(KEY, "audit-logs-key");
        assert.deepEqual(
            JSON.parse(groupKey.inputs.policy),
            logGroupKeyPolicy({ ...COMMERCIAL, logGroupNames: ["/cloudtrail/audit"] }),
            "the log group has its own key; the trail's key carries no logs statement",
        );
        assert.equal(
            group.inputs.kmsKeyId,
            `arn:aws:kms:us-east-1:111122223333:key/${uuidFrom("audit-logs-key")}`,
        );
        assert.equal(await valueOf(trail.logGroup!.name), "/cloudtrail/audit");
        assert.equal(
            engine.get("encrypted-logs:index:EncryptedLogGroup", "audit-logs").parent,
            engine.get("encrypted-logs:index:EncryptedTrail", "audit").urn,
        );

        const role = engine.get("aws:iam/role:Role", "audit-cloudwatch-role");
        assert.deepEqual(
            JSON.parse(role.inputs.assumeRolePolicy),
            cloudTrailLogsRoleTrustPolicy({ ...COMMERCIAL, trailName: "audit" }),
        );
        const rolePolicy = engine.get("aws:iam/rolePolicy:RolePolicy", "audit-cloudwatch-policy");
        assert.equal(rolePolicy.inputs.role, "audit-cloudwatch-role");
        assert.deepEqual(
            JSON.parse(rolePolicy.inputs.policy),
            cloudTrailLogsRolePolicy({ ...COMMERCIAL, logGroupName: "/cloudtrail/audit" }),
        );

        const recorded = engine.get(TRAIL, "audit");
        assert.equal(
            recorded.inputs.cloudWatchLogsGroupArn,
            "arn:aws:logs:us-east-1:111122223333:log-group:/cloudtrail/audit:*",
        );
        assert.equal(
            recorded.inputs.cloudWatchLogsRoleArn,
            "arn:aws:iam::111122223333:role/audit-cloudwatch-role",
        );
        assert.ok(dependsOn(recorded, rolePolicy), "the trail waits for the role's permissions");
        assert.ok(dependsOn(recorded, group), "the trail waits for the log group");
        assert.ok(
            JSON.parse(engine.get(KEY, "audit-key").inputs.policy).Statement.every(
                (s: { Principal: { Service?: string } }) =>
                    !String(s.Principal.Service).startsWith("logs."),
            ),
        );
    });

    it("uses a key of your own, checked, and creates none", async () => {
        const engine = await MockEngine.start();
        const trail = new EncryptedTrail("audit", { kmsKeyArn: OWN_KEY });
        await engine.settle();
        assert.equal(engine.ofType(KEY).length, 0);
        assert.equal(engine.ofType("encrypted-logs:index:CloudTrailKey").length, 0);
        assert.equal(engine.get(TRAIL, "audit").inputs.kmsKeyId, OWN_KEY);
        assert.equal(
            engine.get(
                "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
                "audit-bucket-encryption",
            ).inputs.rules[0].applyServerSideEncryptionByDefault.kmsMasterKeyId,
            OWN_KEY,
        );
        assert.equal(await valueOf(trail.kmsKeyArn), OWN_KEY);
    });

    it("builds aws-cn ARNs from the provider, with the global CloudTrail principal", async () => {
        const engine = await MockEngine.start(CHINA);
        new EncryptedTrail("audit", { bucketName: "acme-cn-audit" });
        await engine.settle();
        assert.deepEqual(
            JSON.parse(
                engine.get("aws:s3/bucketPolicy:BucketPolicy", "audit-bucket-policy").inputs.policy,
            ),
            cloudTrailBucketPolicy({ ...CHINA, bucketName: "acme-cn-audit", trailName: "audit" }),
        );
        assert.deepEqual(
            JSON.parse(engine.get(KEY, "audit-key").inputs.policy),
            cloudTrailKeyPolicy({ ...CHINA, trailName: "audit" }),
        );
        assert.match(engine.get(TRAIL, "audit").inputs.kmsKeyId, /^arn:aws-cn:kms:cn-north-1:/);
    });

    it("uses the region of the provider passed in opts", async () => {
        const engine = await MockEngine.start();
        const eu = new aws.Provider("eu", { region: "eu-west-1" });
        new EncryptedTrail("audit", {}, { provider: eu });
        await engine.settle();
        assert.deepEqual(
            JSON.parse(engine.get(KEY, "audit-key").inputs.policy),
            cloudTrailKeyPolicy({ ...COMMERCIAL, region: "eu-west-1", trailName: "audit" }),
        );
        assert.match(engine.get(TRAIL, "audit").provider, /pulumi:providers:aws::eu::/);
    });

    const errors: ConstructionError[] = [
        [
            "a multi-Region trail without global service events",
            () => new EncryptedTrail("trail1", { includeGlobalServiceEvents: false }),
            'EncryptedTrail "trail1": includeGlobalServiceEvents is false: a multi-Region trail must include global service events (CloudTrail rejects it with InvalidParameterCombinationException). Allowed: includeGlobalServiceEvents: true with isMultiRegionTrail: true (the default). Fix: remove includeGlobalServiceEvents: false, or set isMultiRegionTrail: false for a single-Region trail.',
        ],
        [
            "an invalid trail name",
            () => new EncryptedTrail("trail1", { trailName: "my-_trail" }),
            'EncryptedTrail "trail1": trailName is "my-_trail": \'-_\' puts two of',
        ],
        [
            "a component name that is not a valid trail name",
            () => new EncryptedTrail("a"),
            'EncryptedTrail "a": trailName is "a": the name is 1 character long',
        ],
        [
            "an invalid bucket name",
            () => new EncryptedTrail("trail1", { bucketName: "Audit_Logs" }),
            'EncryptedTrail "trail1": bucketName is "Audit_Logs": S3 rejects the characters',
        ],
        [
            "an s3KeyPrefix with a leading slash",
            () => new EncryptedTrail("trail1", { s3KeyPrefix: "/audit" }),
            "s3KeyPrefix is \"/audit\": CloudTrail adds the '/' itself",
        ],
        [
            "an s3KeyPrefix with a trailing slash",
            () => new EncryptedTrail("trail1", { s3KeyPrefix: "audit/" }),
            "Fix: use 'audit'.",
        ],
        [
            "an alias where a key ARN is needed",
            () => new EncryptedTrail("trail1", { kmsKeyArn: "alias/cloudtrail" }),
            'EncryptedTrail "trail1": kmsKeyArn is "alias/cloudtrail": this is an alias name, not a key ARN',
        ],
        [
            "a key id where a key ARN is needed",
            () =>
                new EncryptedTrail("trail1", { kmsKeyArn: "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0" }),
            "this is a bare key id, not a key ARN",
        ],
        [
            "readers together with a key of your own",
            () =>
                new EncryptedTrail("trail1", {
                    kmsKeyArn: OWN_KEY,
                    decryptPrincipalArns: ["arn:aws:iam::111122223333:role/r"],
                }),
            'decryptPrincipalArns is ["arn:aws:iam::111122223333:role/r"]: these readers are added only to the key this component creates, but kmsKeyArn brings a key of your own',
        ],
        [
            "a retention without CloudWatch Logs delivery",
            () => new EncryptedTrail("trail1", { cloudWatchLogsRetentionInDays: 30 }),
            "cloudWatchLogsRetentionInDays is 30: there is no log group to keep events in without cloudWatchLogs: true",
        ],
        [
            "a retention CloudWatch Logs does not accept",
            () =>
                new EncryptedTrail("trail1", {
                    cloudWatchLogs: true,
                    cloudWatchLogsRetentionInDays: 42,
                }),
            "cloudWatchLogsRetentionInDays is 42: CloudWatch Logs does not accept this retention period",
        ],
    ];
    itFailsAtConstruction(errors);

    it("fails at deployment for a key ARN from another region than the trail's bucket, before the trail", async () => {
        const engine = await MockEngine.start();
        new EncryptedTrail("trail1", {
            kmsKeyArn: Promise.resolve(
                "arn:aws:kms:eu-west-1:111122223333:key/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0",
            ),
        });
        const failure = await engine.firstFailure();
        assert.match(
            failure.message,
            /EncryptedTrail "trail1": kmsKeyArn is "arn:aws:kms:eu-west-1:.*": the key is in region 'eu-west-1' but the trail's S3 bucket is in region 'us-east-1'/,
        );
        assert.equal(engine.ofType(TRAIL).length, 0, "the trail is never registered");
    });

    it("fails at deployment for a key ARN from another partition", async () => {
        const engine = await MockEngine.start(CHINA);
        new EncryptedTrail("trail1", { kmsKeyArn: OWN_KEY });
        const failure = await engine.firstFailure();
        assert.match(
            failure.message,
            /the key is in partition 'aws' but the trail's S3 bucket is in partition 'aws-cn'/,
        );
    });
});
