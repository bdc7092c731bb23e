/**
 * The README's demo: the root Pulumi.yaml program previews offline under the mock engine with the
 * resources, keys and policies the quick start promises, and the policy pack passes it and fails
 * the deliberately broken stack with one verdict per broken rule.
 */
import * as assert from "node:assert/strict";
import { anomalyDetectorKeyPolicy, cloudTrailKeyPolicy, logGroupKeyPolicy } from "../components";
import { renderTree, renderVerdicts } from "../scripts/demo";
import { brokenProgram, judge, previewProgram, rootProgram } from "../harness/preview";
import { COMMERCIAL } from "../harness/mockEngine";
import { usePolicyPack } from "../harness/policyHarness";

describe("npm run demo", function () {
    this.timeout(60_000);
    const running = usePolicyPack();

    it("previews examples/complete from the root Pulumi.yaml with the three keys and their policies", async () => {
        const program = rootProgram();
        assert.match(program, /examples[/\\]complete[/\\]?$/);
        const engine = await previewProgram(program);
        assert.deepEqual(engine.summary(), [
            "aws:cloudtrail/trail:Trail::audit",
            "aws:cloudwatch/logAnomalyDetector:LogAnomalyDetector::app-anomalies",
            "aws:cloudwatch/logGroup:LogGroup::app",
            "aws:kms/key:Key::app-anomalies-key",
            "aws:kms/key:Key::app-key",
            "aws:kms/key:Key::audit-key",
            "aws:s3/bucket:Bucket::audit-bucket",
            "aws:s3/bucketOwnershipControls:BucketOwnershipControls::audit-bucket-ownership",
            "aws:s3/bucketPolicy:BucketPolicy::audit-bucket-policy",
            "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock::audit-bucket-public-access",
            "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration::audit-bucket-encryption",
            "aws:s3/bucketVersioning:BucketVersioning::audit-bucket-versioning",
            "encrypted-logs:index:CloudTrailKey::audit-key",
            "encrypted-logs:index:EncryptedAnomalyDetector::app-anomalies",
            "encrypted-logs:index:EncryptedLogGroup::app",
            "encrypted-logs:index:EncryptedTrail::audit",
            "pulumi:pulumi:Stack::encrypted-logs-quickstart-demo",
        ]);
        assert.deepEqual(
            JSON.parse(engine.get("aws:kms/key:Key", "app-key").inputs.policy),
            logGroupKeyPolicy({ ...COMMERCIAL, logGroupNames: ["/encrypted-logs/app"] }),
        );
        assert.deepEqual(
            JSON.parse(engine.get("aws:kms/key:Key", "app-anomalies-key").inputs.policy),
            anomalyDetectorKeyPolicy({ ...COMMERCIAL }),
        );
        assert.deepEqual(
            JSON.parse(engine.get("aws:kms/key:Key", "audit-key").inputs.policy),
            cloudTrailKeyPolicy({ ...COMMERCIAL, trailName: "audit" }),
        );
        const tree = renderTree(engine).join("\n");
        assert.match(tree, /aws:kms\/key:Key  audit-key  \[retainOnDelete\]/);
        assert.match(tree, /kmsKeyId: \(known after deploy, from audit-key\)/);
        assert.match(tree, /kmsKeyId: \(known after deploy, from app-key\)/);
        assert.match(tree, /aws:kms\/key:Key  app-key  \[retainOnDelete\]/);
    });

    it("the pack passes the quick-start preview, deciding although every key ARN is unknown", async () => {
        const { stack, result } = await judge(running(), await previewProgram(rootProgram()));
        const group = stack.find(
            (r) => r.name === "app" && r.type === "aws:cloudwatch/logGroup:LogGroup",
        );
        assert.equal(group?.inputs.kmsKeyId?.constructor.name, "UnknownValue");
        assert.deepEqual(result.all, []);
        // Registration order follows the Outputs each resource waits for; compare sorted.
        assert.deepEqual(renderVerdicts(stack, result).sort(), [
            "PASS  aws:cloudtrail/trail:Trail  audit",
            "PASS  aws:cloudwatch/logAnomalyDetector:LogAnomalyDetector  app-anomalies",
            "PASS  aws:cloudwatch/logGroup:LogGroup  app",
        ]);
    });

    it("the pack fails each log group of the broken stack for its own broken rule", async () => {
        const { stack, result } = await judge(running(), await previewProgram(brokenProgram()));
        const verdicts = result.all
            .map(
                (d) =>
                    `${d.enforcementLevel} ${d.policyName} ${d.urn.split("::").pop()} ${/\[[a-z-]+\]/.exec(d.message)?.[0]}`,
            )
            .sort();
        assert.deepEqual(verdicts, [
            "mandatory log-encryption-key-required no-key [key-required]",
            "mandatory log-encryption-key-usable asymmetric [symmetric]",
            "mandatory log-encryption-key-usable default-policy [key-policy]",
            "mandatory log-encryption-key-usable default-policy [rotation]",
            "mandatory log-encryption-key-usable wrong-region [key-policy]",
            "mandatory log-encryption-key-usable wrong-region [region]",
        ]);
        const rendered = renderVerdicts(stack, result);
        assert.equal(rendered.filter((l) => l.startsWith("FAIL")).length, 4);
        assert.equal(rendered.filter((l) => l.startsWith("PASS")).length, 0);
        assert.ok(
            rendered.some((l) =>
                l.includes('KMS key "rsa-key" (aws:kms/key:Key), whose key spec is "RSA_2048"'),
            ),
        );
    });
});
