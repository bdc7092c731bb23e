/**
 * No data loss by default, across every component: whatever a component creates with its default
 * settings, no key is deleted or disabled with the stack, no log group, event data store or trail
 * bucket is destroyed with its contents, re-keying never touches the old key's existence and makes it decrypt-only
 * only five minutes after the group moved (while CloudWatch Logs may still encrypt with it), and a
 * detector whose key changes is replaced rather than left on the old key.
 *
 * `setMocks`' `newResource` callback does not see resource options, so `MockEngine` wraps the mock
 * monitor's `registerResource` and records each request as the engine receives it (retainOnDelete,
 * replaceOnChanges, protect, deleteBeforeReplace included); the sweep below reads those records.
 */
import * as assert from "node:assert/strict";
import {
    CloudTrailKey,
    EncryptedAnomalyDetector,
    EncryptedEventDataStore,
    EncryptedLogGroup,
    EncryptedTrail,
    LogsKey,
} from "../components";
import { MockEngine, RecordedResource } from "../testing/mockEngine";

const OLD_KEY = "arn:aws:kms:us-east-1:111122223333:key/11111111-2222-3333-4444-555555555555";

/** The invariants, per resource type, with what each protects. */
function violations(r: RecordedResource): string[] {
    const found: string[] = [];
    const where = `${r.type} "${r.name}"`;
    switch (r.type) {
        case "aws:kms/key:Key":
            if (r.retainOnDelete !== true) {
                found.push(
                    `${where} is deleted with the stack (retainOnDelete is ${r.retainOnDelete})`,
                );
            }
            if (r.inputs.deletionWindowInDays !== 30) {
                found.push(`${where} has a ${r.inputs.deletionWindowInDays}-day deletion window`);
            }
            if (r.inputs.isEnabled === false) {
                found.push(`${where} is disabled`);
            }
            break;
        case "aws:kms/keyPolicy:KeyPolicy":
            // Deleting a KeyPolicy resets the key to the default policy: CloudWatch Logs loses access.
            if (r.retainOnDelete !== true) {
                found.push(`${where} resets the key's policy when removed`);
            }
            break;
        case "aws:cloudwatch/logGroup:LogGroup":
            if (r.inputs.skipDestroy !== true) {
                found.push(`${where} is destroyed with the stack`);
            }
            if (r.inputs.deletionProtectionEnabled !== true) {
                found.push(`${where} can be deleted (deletion protection is off)`);
            }
            break;
        case "aws:s3/bucket:Bucket":
            if (r.inputs.forceDestroy !== false) {
                found.push(`${where} may be force-destroyed with its objects`);
            }
            break;
        case "aws:cloudwatch/logAnomalyDetector:LogAnomalyDetector":
            if (!r.replaceOnChanges.includes("kmsKeyId")) {
                found.push(`${where} is not replaced when its key changes`);
            }
            break;
        case "aws:s3/bucketVersioning:BucketVersioning": {
            const status = r.inputs.versioningConfiguration?.status;
            if (status !== "Enabled") {
                found.push(`${where}: versioning is ${status}, so overwritten log files are lost`);
            }
            break;
        }
        case "time:index/sleep:Sleep":
            // The wait before a previous key becomes decrypt-only: an association "can take up to
            // five minutes to take effect"
            // (https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html); a shorter wait drops events.
            if (r.inputs.createDuration !== "5m") {
                found.push(
                    `${where} waits ${r.inputs.createDuration} before the old key becomes decrypt-only, not the 5 minutes a key association can take`,
                );
            }
            break;
        case "aws:cloudtrail/eventDataStore:EventDataStore":
            if (r.retainOnDelete !== true) {
                found.push(`${where} is deleted with the stack, and its events with it`);
            }
            if (r.inputs.terminationProtectionEnabled !== true) {
                found.push(`${where} can be deleted (termination protection is off)`);
            }
            // "After you associate an event data store with a KMS key, the KMS key cannot be
            // removed or changed": another key must make another store, not fail or lose data.
            if (!r.replaceOnChanges.includes("kmsKeyId")) {
                found.push(`${where} is not replaced when its key changes`);
            }
            break;
        case "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration": {
            // Only on request (logFileExpirationDays): by default no rule deletes a log file.
            const rules: any[] = r.inputs.rules ?? [];
            if (rules.some((rule) => rule.expiration || rule.noncurrentVersionExpiration)) {
                found.push(`${where} deletes log files`);
            }
            break;
        }
        case "aws:cloudwatch/logDataProtectionPolicy:LogDataProtectionPolicy":
        case "aws:kms/alias:Alias":
        case "aws:cloudtrail/trail:Trail":
        case "aws:s3/bucketPolicy:BucketPolicy":
        case "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration":
        case "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock":
        case "aws:s3/bucketOwnershipControls:BucketOwnershipControls":
        case "aws:iam/role:Role":
        case "aws:iam/rolePolicy:RolePolicy":
            break;
        default:
            if (r.custom) {
                found.push(`${where}: a resource type this test does not know; add its invariant`);
            }
    }
    return found;
}

describe("no data loss by default", () => {
    const programs: [string, () => void][] = [
        ["EncryptedLogGroup with its own key", () => new EncryptedLogGroup("g")],
        [
            "EncryptedLogGroup re-keyed from an old key",
            () => new EncryptedLogGroup("g", { previousKmsKeyArns: [OLD_KEY] }),
        ],
        [
            "LogsKey, account-wide with an alias",
            () => new LogsKey("k", { accountWide: true, alias: "logs" }),
        ],
        [
            "EncryptedAnomalyDetector with its own key",
            () =>
                new EncryptedAnomalyDetector("d", {
                    logGroupArn: "arn:aws:logs:us-east-1:111122223333:log-group:/app/orders",
                }),
        ],
        ["CloudTrailKey", () => new CloudTrailKey("t", { trailName: "audit" })],
        ["EncryptedTrail", () => new EncryptedTrail("audit")],
        [
            "EncryptedTrail delivering to CloudWatch Logs",
            () => new EncryptedTrail("audit", { cloudWatchLogs: true }),
        ],
        ["EncryptedEventDataStore with its own key", () => new EncryptedEventDataStore("lake")],
        [
            "EncryptedEventDataStore with a key of your own",
            () => new EncryptedEventDataStore("lake", { kmsKeyArn: OLD_KEY }),
        ],
        [
            "EncryptedTrail moving log files to Glacier",
            () =>
                new EncryptedTrail("audit", {
                    logFileTransitions: [{ days: 90, storageClass: "GLACIER" }],
                }),
        ],
    ];
    for (const [what, program] of programs) {
        it(`${what}: keys retained with a 30-day window and enabled, groups and buckets kept, detectors replaced on a key change`, async () => {
            const engine = await MockEngine.start();
            program();
            await engine.settle();
            const custom = engine.resources.filter((r) => r.custom);
            assert.ok(custom.length > 0, "the program created resources");
            assert.deepEqual(custom.flatMap(violations), []);
            // Nothing is protected or deleted before its replacement exists either.
            assert.deepEqual(
                custom.filter((r) => r.deleteBeforeReplace).map((r) => `${r.type} ${r.name}`),
                [],
            );
        });
    }

    it("re-keying leaves the old key itself alone: no resource manages, disables or deletes it", async () => {
        const engine = await MockEngine.start();
        new EncryptedLogGroup("g", { previousKmsKeyArns: [OLD_KEY] });
        await engine.settle();
        const touching = engine.resources.filter((r) =>
            Object.values(r.inputs).some((v) => v === OLD_KEY),
        );
        assert.deepEqual(
            touching.map((r) => r.type),
            ["aws:kms/keyPolicy:KeyPolicy"],
            "only the decrypt-only policy names the old key",
        );
        assert.equal(
            engine.ofType("aws:kms/key:Key").length,
            1,
            "the only key resource is the new one",
        );
    });

    it("re-keying makes the old key decrypt-only only after the group moved and five minutes passed", async () => {
        const engine = await MockEngine.start();
        new EncryptedLogGroup("g", {
            previousKmsKeyArns: [OLD_KEY, OLD_KEY.replace("1111", "2222")],
        });
        await engine.settle();
        const group = engine.get("aws:cloudwatch/logGroup:LogGroup", "g");
        const waits = engine.ofType("time:index/sleep:Sleep");
        assert.equal(waits.length, 1);
        assert.ok(waits[0].dependencies.includes(group.urn), "the wait starts after the move");
        const policies = engine.ofType("aws:kms/keyPolicy:KeyPolicy");
        assert.equal(policies.length, 2);
        for (const policy of policies) {
            assert.ok(
                policy.dependencies.includes(waits[0].urn),
                `${policy.name} waits for the five minutes`,
            );
        }
    });

    it("the invariants fail for what they guard against (negative cases)", () => {
        const base = {
            urn: "urn:pulumi:test::test::x::x",
            parent: "",
            provider: "",
            custom: true,
            dependencies: [],
            propertyDependencies: {},
            replaceOnChanges: [],
            deleteBeforeReplace: false,
            protect: undefined,
        };
        const cases: [RecordedResource, RegExp][] = [
            [
                {
                    ...base,
                    type: "aws:kms/key:Key",
                    name: "k",
                    retainOnDelete: false,
                    inputs: { deletionWindowInDays: 30 },
                },
                /is deleted with the stack/,
            ],
            [
                {
                    ...base,
                    type: "aws:kms/key:Key",
                    name: "k",
                    retainOnDelete: true,
                    inputs: { deletionWindowInDays: 7 },
                },
                /7-day deletion window/,
            ],
            [
                {
                    ...base,
                    type: "aws:kms/key:Key",
                    name: "k",
                    retainOnDelete: true,
                    inputs: { deletionWindowInDays: 30, isEnabled: false },
                },
                /is disabled/,
            ],
            [
                {
                    ...base,
                    type: "aws:kms/keyPolicy:KeyPolicy",
                    name: "p",
                    retainOnDelete: undefined,
                    inputs: {},
                },
                /resets the key's policy/,
            ],
            [
                {
                    ...base,
                    type: "aws:cloudwatch/logGroup:LogGroup",
                    name: "g",
                    retainOnDelete: undefined,
                    inputs: { deletionProtectionEnabled: true },
                },
                /destroyed with the stack/,
            ],
            [
                {
                    ...base,
                    type: "aws:cloudwatch/logGroup:LogGroup",
                    name: "g",
                    retainOnDelete: undefined,
                    inputs: { skipDestroy: true, deletionProtectionEnabled: false },
                },
                /deletion protection is off/,
            ],
            [
                {
                    ...base,
                    type: "aws:s3/bucket:Bucket",
                    name: "b",
                    retainOnDelete: undefined,
                    inputs: { forceDestroy: true },
                },
                /force-destroyed/,
            ],
            [
                {
                    ...base,
                    type: "aws:cloudwatch/logAnomalyDetector:LogAnomalyDetector",
                    name: "d",
                    retainOnDelete: undefined,
                    inputs: {},
                },
                /not replaced when its key changes/,
            ],
            [
                {
                    ...base,
                    type: "aws:s3/bucketVersioning:BucketVersioning",
                    name: "v",
                    retainOnDelete: undefined,
                    inputs: { versioningConfiguration: { status: "Suspended" } },
                },
                /versioning is Suspended/,
            ],
            [
                {
                    ...base,
                    type: "aws:cloudtrail/eventDataStore:EventDataStore",
                    name: "e",
                    retainOnDelete: false,
                    replaceOnChanges: ["kmsKeyId"],
                    inputs: { terminationProtectionEnabled: true },
                },
                /is deleted with the stack, and its events with it/,
            ],
            [
                {
                    ...base,
                    type: "aws:cloudtrail/eventDataStore:EventDataStore",
                    name: "e",
                    retainOnDelete: true,
                    replaceOnChanges: ["kmsKeyId"],
                    inputs: { terminationProtectionEnabled: false },
                },
                /termination protection is off/,
            ],
            [
                {
                    ...base,
                    type: "aws:cloudtrail/eventDataStore:EventDataStore",
                    name: "e",
                    retainOnDelete: true,
                    inputs: { terminationProtectionEnabled: true },
                },
                /not replaced when its key changes/,
            ],
            [
                {
                    ...base,
                    type: "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
                    name: "l",
                    retainOnDelete: undefined,
                    inputs: { rules: [{ noncurrentVersionExpiration: { noncurrentDays: 1 } }] },
                },
                /deletes log files/,
            ],
            [
                {
                    ...base,
                    type: "time:index/sleep:Sleep",
                    name: "w",
                    retainOnDelete: undefined,
                    inputs: { createDuration: "30s" },
                },
                /waits 30s before the old key becomes decrypt-only/,
            ],
            [
                {
                    ...base,
                    type: "aws:sns/topic:Topic",
                    name: "t",
                    retainOnDelete: undefined,
                    inputs: {},
                },
                /does not know/,
            ],
        ];
        for (const [resource, expected] of cases) {
            const found = violations(resource);
            assert.equal(found.length, 1, `${resource.type}: ${found.join("; ")}`);
            assert.match(found[0], expected);
        }
    });
});
