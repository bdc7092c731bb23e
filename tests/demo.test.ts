/**
 * The README's demo: the root Pulumi.yaml program previews offline under the mock engine with the
 * resources, keys and policies the quick start promises, and the policy pack passes it and fails
 * the deliberately broken stack with one verdict per broken rule.
 */
import * as assert from "node:assert/strict";
import { anomalyDetectorKeyPolicy, cloudTrailKeyPolicy, logGroupKeyPolicy } from "../components";
import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { demo, renderTree, renderVerdicts } from "../scripts/demo";
import { paint } from "../testing/report";
import { brokenProgram, judge, previewProgram, rootProgram } from "../harness/preview";
import { COMMERCIAL, checkedByProvider } from "../testing/mockEngine";
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
            cloudTrailKeyPolicy({ ...COMMERCIAL, trailName: "audit", s3BucketKey: true }),
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

describe("npm run demo, as a person reads it", function () {
    this.timeout(120_000);
    const root = path.join(__dirname, "..", "..");
    const run = (args: string[], env: Record<string, string>) =>
        spawnSync(process.execPath, [path.join(root, "bin", "scripts", "demo.js"), ...args], {
            cwd: root,
            encoding: "utf8",
            env: { ...process.env, NO_COLOR: "", FORCE_COLOR: "", INIT_CWD: root, ...env },
        });
    let lines: string[];
    before(async () => {
        lines = await demo(false, paint(false));
    });

    it("starts with a summary line: resources, keys, verdicts, and the broken stack's", () => {
        assert.equal(
            lines[0],
            "pulumi-aws-encrypted-logs demo, examples/complete: 16 resources, 3 KMS keys; 3 PASS, 0 FAIL; 0 mandatory, 0 advisory violations. The broken stack: 4 FAIL, 6 mandatory violations.",
        );
    });

    it("collapses each key policy to one line per statement: Sid, principal, actions, conditions", () => {
        const at = lines.indexOf("Key policy of aws:kms/key:Key app-key:");
        assert.deepEqual(lines.slice(at, at + 4), [
            "Key policy of aws:kms/key:Key app-key:",
            "  KeyAdministration: AWS arn:aws:iam::111122223333:root -> kms:*",
            "  AllowCloudWatchLogsForLogGroups: Service logs.us-east-1.amazonaws.com -> kms:Encrypt,kms:Decrypt,kms:ReEncrypt*,kms:GenerateDataKey*,kms:Describe* if ArnEquals kms:EncryptionContext:aws:logs:arn=arn:aws:logs:us-east-1:111122223333:log-group:/encrypted-logs/app",
            "",
        ]);
        assert.ok(!lines.some((l) => l.includes('"Version": "2012-10-17"')));
    });

    it("shows the trail's bucket policy at preview: the bucket's name is the provider's auto-name, known at preview", () => {
        const at = lines.findIndex((l) => l.startsWith("Bucket policy of "));
        assert.deepEqual(lines.slice(at, at + 4), [
            "Bucket policy of aws:s3/bucketPolicy:BucketPolicy audit-bucket-policy:",
            `  AWSCloudTrailAclCheck: Service cloudtrail.amazonaws.com -> s3:GetBucketAcl on arn:aws:s3:::${BUCKET} if StringEquals aws:SourceArn=arn:aws:cloudtrail:us-east-1:111122223333:trail/audit`,
            `  AWSCloudTrailWrite: Service cloudtrail.amazonaws.com -> s3:PutObject on arn:aws:s3:::${BUCKET}/AWSLogs/111122223333/* if StringEquals s3:x-amz-acl=bucket-owner-full-control; StringEquals aws:SourceArn=arn:aws:cloudtrail:us-east-1:111122223333:trail/audit`,
            `  DenyInsecureTransport: DENY * -> s3:* on arn:aws:s3:::${BUCKET},arn:aws:s3:::${BUCKET}/* if Bool aws:SecureTransport=false`,
        ]);
    });

    it("prints no internal noise (ports, timings) and closes with what to try next", () => {
        assert.deepEqual(
            lines.filter((l) => /\bport\b|\d+ ms\b|invokes/.test(l)),
            [],
        );
        assert.equal(
            lines[lines.length - 1],
            "Next: check your own program with `npm run demo -- ./my-program` (installed: `npx pulumi-aws-encrypted-logs check ./my-program`) or in your tests with pulumi-aws-encrypted-logs/testing (README: Check your own program); `npm run demo -- --full` prints whole policies.",
        );
        // What .ci/run greps for.
        assert.ok(lines.includes("  PASS  aws:cloudwatch/logGroup:LogGroup  app"));
        assert.ok(lines.some((l) => l.includes("mandatory violations")));
    });

    it("--full prints each policy's JSON", async () => {
        const full = await demo(true, paint(false));
        const at = full.indexOf("Key policy of aws:kms/key:Key app-key:");
        assert.deepEqual(full.slice(at + 1, at + 4), [
            "  {",
            '    "Version": "2012-10-17",',
            '    "Statement": [',
        ]);
        assert.equal(full[full.length - 1].endsWith("(README: Check your own program)."), true);
    });

    it("colours PASS and FAIL with FORCE_COLOR=1, not with NO_COLOR=1 (stdout is a pipe)", () => {
        const forced = run([], { FORCE_COLOR: "1" });
        assert.equal(forced.status, 0, forced.stderr);
        assert.ok(
            forced.stdout.includes(
                "  \u001b[32mPASS\u001b[0m  aws:cloudwatch/logGroup:LogGroup  app\n",
            ),
        );
        assert.ok(
            forced.stdout.includes(
                "  \u001b[1;31mFAIL\u001b[0m  aws:cloudwatch/logGroup:LogGroup  no-key\n",
            ),
        );
        const plain = run([], { NO_COLOR: "1" });
        assert.equal(plain.status, 0, plain.stderr);
        assert.ok(!plain.stdout.includes("\u001b["));
        assert.ok(plain.stdout.includes("\n  PASS  aws:cloudwatch/logGroup:LogGroup  app\n"));
    });

    it("npm run demo -- <program dir> is the check command on that program", () => {
        const r = run(["tests/fixtures/own-program/bad"], {});
        assert.equal(r.status, 1, r.stderr);
        assert.equal(
            r.stdout.split("\n")[0],
            `${path.join(root, "tests", "fixtures", "own-program", "bad")}: 3 resources, 1 KMS key; 0 PASS, 2 FAIL; 2 mandatory, 0 advisory violations`,
        );
        const wrong = run(["--json"], {});
        assert.equal(wrong.status, 2);
        assert.equal(
            wrong.stderr,
            'demo: unknown option "--json"; the demo takes --full, or a program directory to check (npm run demo -- ./my-program)\n',
        );
    });
});

/** The trail bucket's name as the mocks deploy it (aws:s3/bucket:Bucket auto-naming, mockEngine.ts). */
/** The trail bucket's name as the aws provider auto-names it (the offline provider's rule). */
const BUCKET: string = checkedByProvider("aws:s3/bucket:Bucket", "audit-bucket", {}).bucket;
