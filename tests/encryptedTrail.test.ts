/**
 * EncryptedTrail under the recording mock engine: exact resources, inputs, dependencies and
 * options, the policies it writes (equal to the pure builders' output, which
 * cloudTrailPolicies.test.ts evaluates), CloudWatch Logs delivery, a key of your own, and every
 * bad input.
 */
import * as aws from "@pulumi/aws";
import * as assert from "node:assert/strict";
import {
    CloudTrailKey,
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
} from "../testing/mockEngine";
import { ConstructionError, itFailsAtConstruction } from "./support/construction";

const KEY = "aws:kms/key:Key";
const TRAIL = "aws:cloudtrail/trail:Trail";
const BUCKET = "aws:s3/bucket:Bucket";
const LIFECYCLE = "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration";
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
            cloudTrailKeyPolicy({ ...COMMERCIAL, trailName: "audit", s3BucketKey: true }),
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
        // The inputs as the aws provider's Check returns them: the name it generated.
        const bucket = engine.get(BUCKET, "audit-bucket");
        assert.match(bucket.inputs.bucket, /^audit-bucket-[0-9a-f]{7}$/);
        const policy = JSON.parse(
            engine.get("aws:s3/bucketPolicy:BucketPolicy", "audit-bucket-policy").inputs.policy,
        );
        assert.equal(policy.Statement[0].Resource, `arn:aws:s3:::${bucket.inputs.bucket}`);
        assert.equal(engine.get(TRAIL, "audit").inputs.s3BucketName, bucket.inputs.bucket);
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
            cloudTrailKeyPolicy({ ...COMMERCIAL, trailName: "org-audit", s3BucketKey: true }),
        );
        assert.equal(
            engine.invokes.filter(
                (i) => i.token === "aws:organizations/getOrganization:getOrganization",
            ).length,
            1,
        );
    });

    it("adds the readers to the key it creates", async () => {
        // pulumi up runs as a session of the admin role (a path in its ARN does not matter).
        const engine = await MockEngine.start(COMMERCIAL, {
            callerArn: "arn:aws:sts::111122223333:assumed-role/key-admin/ci-1234",
        });
        const reader = "arn:aws:iam::111122223333:role/audit-reader";
        const admin = "arn:aws:iam::111122223333:role/ops/key-admin";
        new EncryptedTrail("audit", { decryptPrincipalArns: [reader], keyAdminArns: [admin] });
        await engine.settle();
        assert.deepEqual(
            JSON.parse(engine.get(KEY, "audit-key").inputs.policy),
            cloudTrailKeyPolicy({
                ...COMMERCIAL,
                trailName: "audit",
                decryptPrincipalArns: [reader],
                adminArns: [admin],
                s3BucketKey: true,
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
            cloudTrailKeyPolicy({ ...CHINA, trailName: "audit", s3BucketKey: true }),
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
            cloudTrailKeyPolicy({
                ...COMMERCIAL,
                region: "eu-west-1",
                trailName: "audit",
                s3BucketKey: true,
            }),
        );
        assert.match(engine.get(TRAIL, "audit").provider, /pulumi:providers:aws::eu::/);
    });

    it("passes what the trail records, its SNS topic and its region through, with the bucket and key in that region", async () => {
        const engine = await MockEngine.start();
        const eventSelectors = [
            {
                readWriteType: "WriteOnly",
                includeManagementEvents: true,
                excludeManagementEventSources: ["kms.amazonaws.com"],
                dataResources: [{ type: "AWS::S3::Object", values: ["arn:aws:s3:::acme-data/"] }],
            },
        ];
        const insightSelectors = [{ insightType: "ApiCallRateInsight" }];
        new EncryptedTrail("audit", {
            eventSelectors,
            insightSelectors,
            snsTopicName: "audit-notifications",
            region: "eu-west-1",
            cloudWatchLogs: true,
        });
        await engine.settle();
        const recorded = engine.get(TRAIL, "audit").inputs;
        assert.deepEqual(recorded.eventSelectors, eventSelectors);
        assert.deepEqual(recorded.insightSelectors, insightSelectors);
        assert.equal(recorded.advancedEventSelectors, undefined);
        assert.equal(recorded.snsTopicName, "audit-notifications");
        assert.equal(recorded.region, "eu-west-1");
        for (const type of [
            BUCKET,
            "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
            "aws:s3/bucketOwnershipControls:BucketOwnershipControls",
            "aws:s3/bucketVersioning:BucketVersioning",
            "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
            "aws:s3/bucketPolicy:BucketPolicy",
            KEY,
            "aws:cloudwatch/logGroup:LogGroup",
        ]) {
            for (const r of engine.ofType(type)) {
                assert.equal(
                    r.inputs.region,
                    "eu-west-1",
                    `${type} ${r.name} is in the trail's region`,
                );
            }
        }
        assert.deepEqual(
            JSON.parse(engine.get(KEY, "audit-key").inputs.policy),
            cloudTrailKeyPolicy({
                ...COMMERCIAL,
                region: "eu-west-1",
                trailName: "audit",
                s3BucketKey: true,
            }),
        );
        assert.match(recorded.kmsKeyId, /^arn:aws:kms:eu-west-1:111122223333:key\//);
        assert.equal(
            recorded.cloudWatchLogsGroupArn,
            "arn:aws:logs:eu-west-1:111122223333:log-group:/cloudtrail/audit:*",
        );
    });

    it("passes advanced event selectors through", async () => {
        const engine = await MockEngine.start();
        const advancedEventSelectors = [
            {
                name: "S3 data events of one bucket",
                fieldSelectors: [
                    { field: "eventCategory", equals: ["Data"] },
                    { field: "resources.type", equals: ["AWS::S3::Object"] },
                    { field: "resources.ARN", startsWiths: ["arn:aws:s3:::acme-data/"] },
                ],
            },
        ];
        new EncryptedTrail("audit", { advancedEventSelectors });
        await engine.settle();
        assert.deepEqual(
            engine.get(TRAIL, "audit").inputs.advancedEventSelectors,
            advancedEventSelectors,
        );
    });

    it("keeps log files forever by default: no lifecycle configuration", async () => {
        const engine = await MockEngine.start();
        new EncryptedTrail("audit");
        await engine.settle();
        assert.deepEqual(engine.ofType(LIFECYCLE), []);
    });

    it("moves and expires log files (and their older versions) when asked, after versioning", async () => {
        const engine = await MockEngine.start();
        new EncryptedTrail("audit", {
            bucketName: "acme-audit-logs",
            logFileTransitions: [
                { days: 30, storageClass: "STANDARD_IA" },
                { days: 90, storageClass: "GLACIER" },
            ],
            logFileExpirationDays: 2557,
        });
        await engine.settle();
        const lifecycle = engine.get(LIFECYCLE, "audit-bucket-lifecycle");
        assert.deepEqual(lifecycle.inputs, {
            bucket: "acme-audit-logs",
            rules: [
                {
                    id: "log-files",
                    status: "Enabled",
                    filter: {},
                    transitions: [
                        { days: 30, storageClass: "STANDARD_IA" },
                        { days: 90, storageClass: "GLACIER" },
                    ],
                    noncurrentVersionTransitions: [
                        { noncurrentDays: 30, storageClass: "STANDARD_IA" },
                        { noncurrentDays: 90, storageClass: "GLACIER" },
                    ],
                    expiration: { days: 2557 },
                    noncurrentVersionExpiration: { noncurrentDays: 2557 },
                },
            ],
        });
        assert.ok(
            dependsOn(
                lifecycle,
                engine.get("aws:s3/bucketVersioning:BucketVersioning", "audit-bucket-versioning"),
            ),
        );
    });

    it("transitions without expiring when only transitions are given", async () => {
        const engine = await MockEngine.start();
        new EncryptedTrail("audit", {
            logFileTransitions: [{ days: 1, storageClass: "GLACIER_IR" }],
        });
        await engine.settle();
        const rule = engine.get(LIFECYCLE, "audit-bucket-lifecycle").inputs.rules[0];
        assert.deepEqual(rule.transitions, [{ days: 1, storageClass: "GLACIER_IR" }]);
        assert.equal(rule.expiration, undefined);
        assert.equal(rule.noncurrentVersionExpiration, undefined);
    });

    const errors: ConstructionError[] = [
        [
            "basic and advanced event selectors together",
            () =>
                new EncryptedTrail("trail1", {
                    eventSelectors: [{ readWriteType: "All" }],
                    advancedEventSelectors: [
                        { fieldSelectors: [{ field: "eventCategory", equals: ["Management"] }] },
                    ],
                }),
            'EncryptedTrail "trail1": advancedEventSelectors is [{"fieldSelectors":[{"field":"eventCategory","equals":["Management"]}]}]: CloudTrail takes either advanced or basic event selectors on a trail, not both (PutEventSelectors). Allowed: eventSelectors or advancedEventSelectors. Fix: express the basic selectors as advanced ones (they can say everything the basic ones can), or drop one of the two.',
        ],
        [
            "six basic event selectors",
            () =>
                new EncryptedTrail("trail1", {
                    eventSelectors: Array(6).fill({ readWriteType: "All" }),
                }),
            "6 selectors are more than the five CloudTrail allows on a trail. Allowed: 1 to 5 event selectors.",
        ],
        [
            "an unknown read/write type",
            () => new EncryptedTrail("trail1", { eventSelectors: [{ readWriteType: "Write" }] }),
            'eventSelectors[0].readWriteType is "Write": CloudTrail does not know this read/write type. Allowed: ReadOnly, WriteOnly, All.',
        ],
        [
            "an advanced event selector without conditions",
            () =>
                new EncryptedTrail("trail1", {
                    advancedEventSelectors: [{ name: "x", fieldSelectors: [] }],
                }),
            "advancedEventSelectors[0].fieldSelectors is []: an advanced event selector needs at least one field condition",
        ],
        [
            "an unknown Insights type",
            () =>
                new EncryptedTrail("trail1", {
                    insightSelectors: [{ insightType: "ApiLatencyInsight" }],
                }),
            'insightSelectors[0].insightType is "ApiLatencyInsight": CloudTrail does not know this Insights type. Allowed: ApiCallRateInsight, ApiErrorRateInsight.',
        ],
        [
            "a storage class lifecycle rules cannot move to",
            () =>
                new EncryptedTrail("trail1", {
                    logFileTransitions: [{ days: 30, storageClass: "REDUCED_REDUNDANCY" }],
                }),
            'logFileTransitions[0].storageClass is "REDUCED_REDUNDANCY": S3 lifecycle rules cannot move objects to this storage class. Allowed: STANDARD_IA, INTELLIGENT_TIERING, ONEZONE_IA, GLACIER_IR, GLACIER, DEEP_ARCHIVE.',
        ],
        [
            "a move to Standard-IA before 30 days",
            () =>
                new EncryptedTrail("trail1", {
                    logFileTransitions: [{ days: 7, storageClass: "STANDARD_IA" }],
                }),
            "logFileTransitions[0].days is 7: out of range. Allowed: a whole number from 30 to 36500. Fix: S3 moves objects to Standard-IA or One Zone-IA only after 30 days; use 30 or more.",
        ],
        [
            "an expiration before the last transition",
            () =>
                new EncryptedTrail("trail1", {
                    logFileTransitions: [{ days: 90, storageClass: "GLACIER" }],
                    logFileExpirationDays: 60,
                }),
            "logFileExpirationDays is 60: out of range. Allowed: a whole number from 91 to 36500. Fix: expire the log files after the last transition (day 90), or drop that transition.",
        ],
        [
            "an expiration of zero days",
            () => new EncryptedTrail("trail1", { logFileExpirationDays: 0 }),
            "logFileExpirationDays is 0: out of range. Allowed: a whole number from 1 to 36500.",
        ],
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
            `EncryptedTrail "trail1": kmsKeyArn is "alias/cloudtrail": this is an alias name, not a key ARN; this component reads the key's region and account from its ARN (CloudTrail itself would also take an alias or a key id). Allowed: arn:<partition>:kms:<region>:<account>:key/<key-id>. Fix: look the key up with aws.kms.getAliasOutput({ name }).targetKeyArn and pass that.`,
        ],
        [
            "a key id where a key ARN is needed",
            () =>
                new EncryptedTrail("trail1", { kmsKeyArn: "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0" }),
            "this is a bare key id, not a key ARN; this component reads the key's region and account from its ARN (CloudTrail itself would also take an alias or a key id).",
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

    describe("whoever runs pulumi up can decrypt with the trail key (S3 Bucket Key)", () => {
        const admin = "arn:aws:iam::111122223333:role/key-admin";
        const cases: [string, string, string[]][] = [
            [
                "a session of an admin role",
                "arn:aws:sts::111122223333:assumed-role/key-admin/s",
                [admin],
            ],
            [
                "an admin user",
                "arn:aws:iam::111122223333:user/deployer",
                ["arn:aws:iam::111122223333:user/deployer"],
            ],
            [
                "anyone, with the account root among the admins",
                "arn:aws:sts::111122223333:assumed-role/other/s",
                [admin, "arn:aws:iam::111122223333:root"],
            ],
        ];
        for (const [who, caller, admins] of cases) {
            it(`accepts keyAdminArns when pulumi up runs as ${who}`, async () => {
                const engine = await MockEngine.start(COMMERCIAL, { callerArn: caller });
                new EncryptedTrail("audit", { keyAdminArns: admins });
                await engine.settle();
                assert.deepEqual(
                    JSON.parse(engine.get(KEY, "audit-key").inputs.policy).Statement[0].Principal,
                    { AWS: admins.length === 1 ? admins[0] : admins },
                );
            });
        }

        it("refuses keyAdminArns without the caller before any key is created", async () => {
            const engine = await MockEngine.start(COMMERCIAL, {
                callerArn: "arn:aws:sts::111122223333:assumed-role/deployer/ci-1234",
            });
            new EncryptedTrail("audit", { keyAdminArns: [admin], cloudWatchLogs: true });
            const failure = await engine.firstFailure();
            const expected =
                'EncryptedTrail "audit": keyAdminArns is ["arn:aws:iam::111122223333:role/key-admin"]: whoever runs pulumi up (arn:aws:sts::111122223333:assumed-role/deployer/ci-1234) is not among them, so nothing in the key policy lets it kms:Decrypt, which CloudTrail requires of the caller that creates or updates a trail whose bucket uses an S3 Bucket Key (and KMS refuses a key policy its creator could not change again). Allowed: admins that include the role or user running pulumi up, or the account root. Fix: add that role\'s or user\'s ARN to keyAdminArns, or omit keyAdminArns so the account root (and IAM) administers the key.';
            assert.ok(failure.message.endsWith(expected), `message was: ${failure.message}`);
            await new Promise((resolve) => setTimeout(resolve, 50));
            assert.deepEqual(engine.ofType(KEY), [], "no key is registered");
            assert.deepEqual(engine.ofType(TRAIL), [], "nor the trail");
        });

        it("leaves the admins of a key of your own alone", async () => {
            const engine = await MockEngine.start(COMMERCIAL, {
                callerArn: "arn:aws:sts::111122223333:assumed-role/deployer/ci-1234",
            });
            new EncryptedTrail("audit", { kmsKeyArn: OWN_KEY, keyAdminArns: [admin] });
            await engine.settle();
            assert.equal(engine.ofType(TRAIL).length, 1);
        });
    });

    describe("a CloudTrailKey given by its arn (the bucket uses an S3 Bucket Key)", () => {
        it("refuses one made without s3BucketKey: its policy refuses CloudTrail under the bucket key", async () => {
            await MockEngine.start();
            const key = new CloudTrailKey("trails", { trailName: "audit" });
            assert.throws(
                () => new EncryptedTrail("audit", { kmsKeyArn: key.arn }),
                (e: Error) => {
                    assert.equal(
                        e.message,
                        `EncryptedTrail "audit": kmsKeyArn is "<arn of CloudTrailKey 'trails'>": the trail's bucket uses an S3 Bucket Key, so CloudTrail's requests to the key carry the bucket's ARN as encryption context (kms:EncryptionContext:aws:s3:arn), and that key's policy, made without s3BucketKey: true, refuses them: CloudTrail could not create the trail nor deliver its log files. ` +
                            "Allowed: a CloudTrailKey with s3BucketKey: true, or a key whose policy lets cloudtrail.amazonaws.com kms:GenerateDataKey* and kms:Decrypt under kms:EncryptionContext:aws:s3:arn. " +
                            'Fix: set s3BucketKey: true on CloudTrailKey "trails".',
                    );
                    return true;
                },
            );
        });

        it("takes one with s3BucketKey: true, whose policy has the bucket-key statement", async () => {
            const engine = await MockEngine.start();
            const key = new CloudTrailKey("trails", { trailName: "audit", s3BucketKey: true });
            new EncryptedTrail("audit", { kmsKeyArn: key.arn });
            await engine.settle();
            assert.equal(engine.ofType(KEY).length, 1, "only the CloudTrailKey's key");
            assert.equal(engine.get(TRAIL, "audit").inputs.kmsKeyId, await valueOf(key.arn));
            const sids = JSON.parse(engine.get(KEY, "trails").inputs.policy).Statement.map(
                (st: { Sid: string }) => st.Sid,
            );
            assert.ok(sids.includes("AllowCloudTrailBucketKey"), sids.join(", "));
        });

        it("leaves a key it cannot see (an output derived from the arn) to the policy pack", async () => {
            const engine = await MockEngine.start();
            const key = new CloudTrailKey("trails", { trailName: "audit" });
            new EncryptedTrail("audit", { kmsKeyArn: key.arn.apply((a) => a) });
            await engine.settle();
            assert.equal(engine.ofType(TRAIL).length, 1);
        });
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
