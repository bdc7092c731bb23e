/**
 * The package as the Pulumi CLI starts it for a Python, Go, .NET or YAML program: the Node.js
 * language host's `node run-plugin <checkout> <engine>` from the user's project, the engine's
 * requests over gRPC (Handshake, GetPluginInfo, GetSchema, Configure, Construct of each component)
 * and the children each component registers with the fake resource monitor, with their exact
 * types, names, parents and inputs. Nothing runs in this process but the fake engine.
 */
import * as grpc from "@grpc/grpc-js";
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import {
    KEY_FACTS_KIND,
    cloudTrailKeyPolicy,
    eventDataStoreKeyPolicy,
    logGroupKeyPolicy,
    logsKeyPolicy,
} from "../components";
import { ComponentProviderBoot, Registration } from "../harness/componentProvider";
import { COMMERCIAL, uuidFrom } from "../testing/mockEngine";

const root = path.join(__dirname, "..", "..");
const version = (
    JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as {
        version: string;
    }
).version;
const { region, accountId } = COMMERCIAL;
const keyArn = (name: string) => `arn:aws:kms:${region}:${accountId}:key/${uuidFrom(name)}`;
const TOKENS = [
    "encrypted-logs:index:CloudTrailKey",
    "encrypted-logs:index:EncryptedAnomalyDetector",
    "encrypted-logs:index:EncryptedEventDataStore",
    "encrypted-logs:index:EncryptedLogGroup",
    "encrypted-logs:index:EncryptedTrail",
    "encrypted-logs:index:LogsKey",
    "encrypted-logs:index:PublishedKey",
];

/** `type::name <- parent type::name` of each child, sorted (registration order varies). */
function tree(children: Registration[], rootUrn: string): string[] {
    const byUrn = new Map(children.map((c) => [c.urn, c]));
    const label = (urn: string) => {
        if (urn === rootUrn) {
            return "(the component)";
        }
        const r = byUrn.get(urn);
        return r === undefined ? urn : `${r.type}::${r.name}`;
    };
    return children.map((c) => `${c.type}::${c.name} <- ${label(c.parent)}`).sort();
}

describe("the package booted as the Pulumi CLI boots it (run-plugin, gRPC)", function () {
    // Spawning the plugin loads @pulumi/pulumi, @pulumi/aws and ts-node: seconds on a busy machine.
    this.timeout(180_000);
    let project: string;
    let boot: ComponentProviderBoot;
    const child = (type: string, name: string) => {
        const found = boot.registrations.filter((r) => r.type === type && r.name === name);
        assert.equal(found.length, 1, `one ${type} named ${name}`);
        return found[0];
    };

    before(async () => {
        // The user's project: a Python program's directory (no tsconfig.json, no node_modules).
        project = fs.mkdtempSync(path.join(os.tmpdir(), "encrypted-logs-python-project-"));
        fs.writeFileSync(
            path.join(project, "Pulumi.yaml"),
            "name: consumer\nruntime: python\npackages:\n  encrypted-logs: " + root + "\n",
        );
        boot = await ComponentProviderBoot.start({
            pluginDir: root,
            projectDir: project,
            account: COMMERCIAL,
        });
    });

    after(async () => {
        await boot?.stop();
        fs.rmSync(project, { recursive: true, force: true });
    });

    it("runs the run-plugin of the checkout's @pulumi/pulumi and prints only its port first", () => {
        assert.equal(
            boot.runPlugin,
            path.join(root, "node_modules", "@pulumi", "pulumi", "cmd", "run-plugin", "index.js"),
        );
        assert.match(boot.plugin.portLine, /^\d{2,5}$/);
    });

    it("answers Handshake with UNIMPLEMENTED, which the engine treats as a provider without it", async () => {
        await assert.rejects(boot.handshake(), (e: grpc.ServiceError) => {
            assert.equal(e.code, grpc.status.UNIMPLEMENTED);
            return true;
        });
    });

    it("reports the npm package's version in GetPluginInfo", async () => {
        assert.equal(await boot.pluginInfo(), version);
    });

    it("serves the schema of the package encrypted-logs with its seven components, two enums, the trail's selector types and the key-facts type", async () => {
        const schema = await boot.schema();
        assert.equal(schema.name, "encrypted-logs");
        assert.equal(schema.version, version);
        assert.equal(schema.namespace, "pulumi-aws-encrypted-logs");
        assert.deepEqual(Object.keys(schema.resources).sort(), TOKENS);
        assert.deepEqual(Object.keys(schema.types).sort(), [
            "encrypted-logs:index:EvaluationFrequency",
            "encrypted-logs:index:LogGroupClass",
            "encrypted-logs:index:PublishedKeyFacts",
            "encrypted-logs:index:TrailAdvancedEventSelector",
            "encrypted-logs:index:TrailDataResource",
            "encrypted-logs:index:TrailEventSelector",
            "encrypted-logs:index:TrailFieldSelector",
            "encrypted-logs:index:TrailInsightSelector",
            "encrypted-logs:index:TrailLogFileTransition",
        ]);
        // The same document `npm run build` wrote, which the tests of provider.test.ts check.
        assert.deepEqual(
            schema,
            JSON.parse(
                fs.readFileSync(
                    path.join(root, "bin", "components", "provider", "schema.json"),
                    "utf8",
                ),
            ),
        );
    });

    it("accepts Configure", async () => {
        const resp = await boot.configure();
        assert.equal(resp.getAcceptsecrets(), true);
        assert.equal(resp.getAcceptresources(), true);
    });

    it("constructs a LogsKey: one KMS key (retained on delete) and its alias", async () => {
        const { urn, state, children } = await boot.construct(
            "encrypted-logs:index:LogsKey",
            "shared",
            { accountWide: true, alias: "logs/shared" },
        );
        assert.equal(urn, "urn:pulumi:dev::consumer::encrypted-logs:index:LogsKey::shared");
        assert.deepEqual(tree(children, urn), [
            "aws:kms/alias:Alias::shared-alias <- (the component)",
            "aws:kms/key:Key::shared <- (the component)",
        ]);
        const key = child("aws:kms/key:Key", "shared");
        assert.equal(key.retainOnDelete, true);
        assert.deepEqual(
            JSON.parse(key.inputs.policy as string),
            logsKeyPolicy({ ...COMMERCIAL, accountWide: true }),
        );
        assert.equal(child("aws:kms/alias:Alias", "shared-alias").inputs.name, "alias/logs/shared");
        assert.deepEqual(Object.keys(state).sort(), ["arn", "facts", "key", "keyId", "policy"]);
        assert.equal(state.arn, keyArn("shared"));
        // What another stack's pack judges the key by (the key-facts contract).
        assert.deepEqual(state.facts, {
            kind: KEY_FACTS_KIND,
            arn: keyArn("shared"),
            region: "us-east-1",
            keySpec: "SYMMETRIC_DEFAULT",
            keyUsage: "ENCRYPT_DECRYPT",
            multiRegion: false,
            enableKeyRotation: true,
            policy: key.inputs.policy,
        });
        assert.equal(state.key, key.urn);
    });

    it("constructs an EncryptedLogGroup: its key, then the group encrypted with it", async () => {
        const { urn, state, children } = await boot.construct(
            "encrypted-logs:index:EncryptedLogGroup",
            "orders",
            {
                logGroupName: "/app/orders",
                retentionInDays: 30,
                logGroupClass: "INFREQUENT_ACCESS",
            },
        );
        assert.deepEqual(tree(children, urn), [
            "aws:cloudwatch/logGroup:LogGroup::orders <- (the component)",
            "aws:kms/key:Key::orders-key <- (the component)",
        ]);
        const key = child("aws:kms/key:Key", "orders-key");
        assert.deepEqual(
            JSON.parse(key.inputs.policy as string),
            logGroupKeyPolicy({ ...COMMERCIAL, logGroupNames: ["/app/orders"] }),
        );
        const group = child("aws:cloudwatch/logGroup:LogGroup", "orders");
        assert.deepEqual(
            { ...group.inputs, tags: undefined },
            {
                name: "/app/orders",
                retentionInDays: 30,
                kmsKeyId: keyArn("orders-key"),
                logGroupClass: "INFREQUENT_ACCESS",
                skipDestroy: true,
                deletionProtectionEnabled: true,
                tags: undefined,
            },
        );
        assert.ok(group.dependencies.includes(key.urn), "the group waits for its key's policy");
        assert.deepEqual(state, {
            logGroup: group.urn,
            arn: `arn:aws:logs:${region}:${accountId}:log-group:/app/orders`,
            name: "/app/orders",
            kmsKeyArn: keyArn("orders-key"),
            key: key.urn,
            previousKeyPolicies: [],
        });
    });

    it("constructs an EncryptedAnomalyDetector: a detector key, then the detector (replaced on a key change)", async () => {
        const logGroupArn = `arn:aws:logs:${region}:${accountId}:log-group:/app/orders`;
        const { urn, state, children } = await boot.construct(
            "encrypted-logs:index:EncryptedAnomalyDetector",
            "orders-anomalies",
            { logGroupArn, evaluationFrequency: "FIFTEEN_MIN" },
        );
        assert.deepEqual(tree(children, urn), [
            "aws:cloudwatch/logAnomalyDetector:LogAnomalyDetector::orders-anomalies <- (the component)",
            "aws:kms/key:Key::orders-anomalies-key <- (the component)",
        ]);
        const detector = child(
            "aws:cloudwatch/logAnomalyDetector:LogAnomalyDetector",
            "orders-anomalies",
        );
        assert.deepEqual(detector.replaceOnChanges, ["kmsKeyId"]);
        assert.equal(detector.inputs.evaluationFrequency, "FIFTEEN_MIN");
        assert.deepEqual(detector.inputs.logGroupArnLists, [logGroupArn]);
        assert.equal(state.kmsKeyArn, keyArn("orders-anomalies-key"));
        assert.equal(state.detector, detector.urn);
    });

    it("constructs a CloudTrailKey: one KMS key with the CloudTrail statements", async () => {
        const { urn, state, children } = await boot.construct(
            "encrypted-logs:index:CloudTrailKey",
            "trail-key",
            { trailName: "org-audit" },
        );
        assert.deepEqual(tree(children, urn), ["aws:kms/key:Key::trail-key <- (the component)"]);
        assert.deepEqual(
            JSON.parse(child("aws:kms/key:Key", "trail-key").inputs.policy as string),
            cloudTrailKeyPolicy({ ...COMMERCIAL, trailName: "org-audit" }),
        );
        assert.equal(state.arn, keyArn("trail-key"));
    });

    it("constructs an EncryptedTrail with CloudWatch Logs delivery: key, bucket, trail, group and role", async () => {
        const { urn, state, children } = await boot.construct(
            "encrypted-logs:index:EncryptedTrail",
            "audit",
            {
                bucketName: "acme-audit-logs",
                cloudWatchLogs: true,
                cloudWatchLogsRetentionInDays: 30,
            },
        );
        assert.deepEqual(tree(children, urn), [
            "aws:cloudtrail/trail:Trail::audit <- (the component)",
            "aws:cloudwatch/logGroup:LogGroup::audit-logs <- encrypted-logs:index:EncryptedLogGroup::audit-logs",
            "aws:iam/role:Role::audit-cloudwatch-role <- (the component)",
            "aws:iam/rolePolicy:RolePolicy::audit-cloudwatch-policy <- (the component)",
            "aws:kms/key:Key::audit-key <- encrypted-logs:index:CloudTrailKey::audit-key",
            "aws:kms/key:Key::audit-logs-key <- encrypted-logs:index:EncryptedLogGroup::audit-logs",
            "aws:s3/bucket:Bucket::audit-bucket <- (the component)",
            "aws:s3/bucketOwnershipControls:BucketOwnershipControls::audit-bucket-ownership <- (the component)",
            "aws:s3/bucketPolicy:BucketPolicy::audit-bucket-policy <- (the component)",
            "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock::audit-bucket-public-access <- (the component)",
            "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration::audit-bucket-encryption <- (the component)",
            "aws:s3/bucketVersioning:BucketVersioning::audit-bucket-versioning <- (the component)",
            "encrypted-logs:index:CloudTrailKey::audit-key <- (the component)",
            "encrypted-logs:index:EncryptedLogGroup::audit-logs <- (the component)",
        ]);
        assert.equal(
            child("aws:s3/bucket:Bucket", "audit-bucket").inputs.bucket,
            "acme-audit-logs",
        );
        assert.equal(
            child("aws:cloudwatch/logGroup:LogGroup", "audit-logs").inputs.retentionInDays,
            30,
        );
        assert.equal(state.arn, `arn:aws:cloudtrail:${region}:${accountId}:trail/audit`);
        assert.equal(state.kmsKeyArn, keyArn("audit-key"));
        assert.equal(state.logGroup, child("aws:cloudwatch/logGroup:LogGroup", "audit-logs").urn);
    });

    it("constructs an EncryptedEventDataStore: its key, then the store encrypted with it", async () => {
        const { urn, state, children } = await boot.construct(
            "encrypted-logs:index:EncryptedEventDataStore",
            "lake",
            {},
        );
        assert.deepEqual(tree(children, urn), [
            "aws:cloudtrail/eventDataStore:EventDataStore::lake <- (the component)",
            "aws:kms/key:Key::lake-key <- (the component)",
        ]);
        assert.deepEqual(
            JSON.parse(child("aws:kms/key:Key", "lake-key").inputs.policy as string),
            eventDataStoreKeyPolicy({ ...COMMERCIAL }),
        );
        const store = child("aws:cloudtrail/eventDataStore:EventDataStore", "lake");
        assert.equal(store.inputs.kmsKeyId, keyArn("lake-key"));
        assert.equal(store.inputs.terminationProtectionEnabled, true);
        assert.equal(state.kmsKeyArn, keyArn("lake-key"));
    });

    it("refuses a token of another package, naming the tokens it serves", async () => {
        await assert.rejects(
            boot.construct("other:index:EncryptedLogGroup", "x", {}),
            (e: grpc.ServiceError) => {
                assert.match(
                    e.details,
                    /type is "other:index:EncryptedLogGroup": this provider constructs only the components of the encrypted-logs package\. Allowed: encrypted-logs:index:LogsKey, encrypted-logs:index:EncryptedLogGroup, /,
                );
                return true;
            },
        );
    });

    it("fails a Construct with a bad input with the component's own error", async () => {
        await assert.rejects(
            boot.construct("encrypted-logs:index:EncryptedLogGroup", "bad", {
                retentionInDays: 42,
            }),
            (e: grpc.ServiceError) => {
                assert.match(
                    e.details,
                    /EncryptedLogGroup "bad": retentionInDays is 42: CloudWatch Logs does not accept this retention period/,
                );
                return true;
            },
        );
    });

    it("logged no error to the engine and printed nothing after the port", () => {
        assert.deepEqual(
            boot.logs.filter((l) => l.severity >= 3 && !/"bad"/.test(l.message)),
            [],
        );
        assert.equal(boot.plugin.output().replace(/\s+$/, ""), "");
    });
});
