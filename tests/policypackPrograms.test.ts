/**
 * The examples, previewed under the mock engine as `pulumi preview` would run them, then judged by
 * the pack through the harness: what the components create passes, at preview, with every key new.
 */
import * as pulumi from "@pulumi/pulumi";
import * as assert from "node:assert/strict";
import * as path from "node:path";
import { judge, previewProgram } from "../harness/preview";
import { usePolicyPack } from "../harness/policyHarness";

const examples = path.resolve(__dirname, "..", "..", "examples");

describe("policy pack: the examples' previews", function () {
    this.timeout(60_000);
    const running = usePolicyPack();

    for (const example of ["complete", "shared-key", "multi-region"]) {
        it(`passes examples/${example} with no diagnostic at all`, async () => {
            const { stack, result } = await judge(
                running(),
                await previewProgram(path.join(examples, example)),
            );
            assert.ok(stack.some((r) => r.type === "aws:cloudwatch/logGroup:LogGroup"));
            assert.deepEqual(result.all, []);
        });
    }

    it("examples/cloudtrail: the EncryptedTrail's trail passes with no diagnostic, its key judged at preview", async () => {
        const { stack, result } = await judge(
            running(),
            await previewProgram(path.join(examples, "cloudtrail")),
        );
        const trail = stack.find((r) => r.type === "aws:cloudtrail/trail:Trail");
        assert.ok(trail, "the preview has the trail");
        assert.equal(trail.inputs.kmsKeyId?.constructor.name, "UnknownValue");
        assert.deepEqual(result.all, []);
    });

    it("fails an EncryptedTrail given a key whose policy does not let CloudTrail use it", async () => {
        const { result } = await judge(
            running(),
            await previewProgram(
                path.join(__dirname, "support", "programs", "trailWithLogsKey.js"),
            ),
        );
        const verdicts = result.all.map(
            (d) => `${d.enforcementLevel} ${d.policyName} ${d.urn.split("::").pop()}`,
        );
        assert.ok(
            verdicts.includes("mandatory log-encryption-key-usable audit"),
            `verdicts: ${verdicts.join("; ")}`,
        );
    });

    it("fails an EncryptedTrail given a CloudTrailKey without s3BucketKey: its bucket uses an S3 Bucket Key", async () => {
        const { result } = await judge(
            running(),
            await previewProgram(
                path.join(__dirname, "support", "programs", "trailWithoutBucketKeyStatements.js"),
            ),
        );
        const found = result.all.map(
            (d) => `${d.enforcementLevel} ${d.policyName} ${d.urn.split("::").pop()}`,
        );
        assert.deepEqual(found, ["mandatory log-encryption-key-usable audit"]);
        assert.match(
            result.all[0].message,
            /writes to S3 bucket "audit-bucket-[0-9a-f]{7}", which uses an S3 Bucket Key \(bucketKeyEnabled of aws:s3\/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration "audit-bucket-encryption" is true\).*Fix: set s3BucketKey: true on CloudTrailKey "trails", which adds it/,
        );
    });

    it("examples/rekey: passes; the decrypt-only KeyPolicy's known keyId is the old key, not the group's new one", async () => {
        pulumi.runtime.setAllConfig({
            "encrypted-logs-quickstart:previousKeyArn":
                "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
        });
        try {
            const { stack, result } = await judge(
                running(),
                await previewProgram(path.join(examples, "rekey")),
            );
            const keyPolicy = stack.find((r) => r.type === "aws:kms/keyPolicy:KeyPolicy");
            assert.equal(
                keyPolicy?.inputs.keyId,
                "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
            );
            assert.deepEqual(result.all, []);
        } finally {
            pulumi.runtime.setAllConfig({});
        }
    });

    it("examples/byo-key: a key ARN from configuration is checked for form and region, and the rest is reported as not verifiable", async () => {
        pulumi.runtime.setAllConfig({
            "encrypted-logs-quickstart:kmsKeyArn":
                "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
        });
        try {
            const { result } = await judge(
                running(),
                await previewProgram(path.join(examples, "byo-key")),
            );
            assert.deepEqual(
                result.all.map(
                    (d) => `${d.enforcementLevel} ${d.policyName} ${d.urn.split("::").pop()}`,
                ),
                ["advisory log-encryption-unverified audit"],
            );
            assert.match(
                result.all[0].message,
                /uses KMS key arn:aws:kms:us-east-1:111122223333:key\/1234abcd-12ab-34cd-56ef-1234567890ab, which is not managed in this stack/,
            );
        } finally {
            pulumi.runtime.setAllConfig({});
        }
    });
});
