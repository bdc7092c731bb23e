/**
 * CloudTrailKey under the recording mock engine: the key's inputs and options, its alias, its
 * outputs, and the arguments it refuses.
 */
import * as assert from "node:assert/strict";
import { CloudTrailKey, cloudTrailKeyPolicy } from "../components";
import { CHINA, COMMERCIAL, MockEngine, valueOf } from "../testing/mockEngine";
import { ConstructionError, itFailsAtConstruction } from "./support/construction";

const KEY = "aws:kms/key:Key";

describe("CloudTrailKey", () => {
    it("creates a symmetric, rotating, retained key with the CloudTrail policy and outputs", async () => {
        const engine = await MockEngine.start();
        const reader = "arn:aws:iam::111122223333:role/audit-reader";
        const key = new CloudTrailKey("trail-key", {
            trailName: "org-audit",
            decryptPrincipalArns: [reader],
            tags: { team: "security" },
        });
        await engine.settle();
        assert.deepEqual(engine.summary(), [
            "aws:kms/key:Key::trail-key",
            "encrypted-logs:index:CloudTrailKey::trail-key",
        ]);
        const recorded = engine.get(KEY, "trail-key");
        const expected = cloudTrailKeyPolicy({
            ...COMMERCIAL,
            trailName: "org-audit",
            decryptPrincipalArns: [reader],
        });
        assert.deepEqual(
            { ...recorded.inputs, policy: JSON.parse(recorded.inputs.policy) },
            {
                description: "CloudTrail encryption key (pulumi-aws-encrypted-logs)",
                customerMasterKeySpec: "SYMMETRIC_DEFAULT",
                keyUsage: "ENCRYPT_DECRYPT",
                multiRegion: false,
                enableKeyRotation: true,
                deletionWindowInDays: 30,
                policy: expected,
                tags: { team: "security" },
            },
        );
        assert.equal(recorded.retainOnDelete, true, "the key is retained when removed");
        assert.equal(
            recorded.parent,
            engine.get("encrypted-logs:index:CloudTrailKey", "trail-key").urn,
        );
        assert.equal(await valueOf(key.policy), JSON.stringify(expected));
        const keyId = await valueOf(key.keyId);
        assert.equal(await valueOf(key.arn), `arn:aws:kms:us-east-1:111122223333:key/${keyId}`);
    });

    it("builds the aws-cn policy from the provider, with the global CloudTrail principal", async () => {
        const engine = await MockEngine.start(CHINA);
        new CloudTrailKey("k");
        await engine.settle();
        const policy = JSON.parse(engine.get(KEY, "k").inputs.policy);
        assert.deepEqual(policy, cloudTrailKeyPolicy({ ...CHINA }));
        assert.deepEqual(policy.Statement[2].Principal, { Service: "cloudtrail.amazonaws.com" });
        assert.equal(
            policy.Statement[2].Condition?.StringLike?.["kms:EncryptionContext:aws:cloudtrail:arn"],
            "arn:aws-cn:cloudtrail:*:444455556666:trail/*",
        );
    });

    it("honours explicit key settings, admins and an alias", async () => {
        const engine = await MockEngine.start();
        const admin = "arn:aws:iam::111122223333:role/key-admin";
        const created = new CloudTrailKey("k", {
            adminArns: [admin],
            rotationPeriodInDays: 180,
            deletionWindowInDays: 7,
            retainOnDelete: false,
            enableKeyRotation: true,
            alias: "cloudtrail/org",
        });
        await engine.settle();
        const key = engine.get(KEY, "k");
        assert.equal(key.inputs.rotationPeriodInDays, 180);
        assert.equal(key.inputs.deletionWindowInDays, 7);
        assert.equal(key.retainOnDelete, false);
        assert.deepEqual(JSON.parse(key.inputs.policy).Statement[0].Principal, { AWS: admin });
        const alias = engine.get("aws:kms/alias:Alias", "k-alias");
        assert.equal(alias.inputs.name, "alias/cloudtrail/org");
        assert.equal(alias.inputs.targetKeyId, await valueOf(created.keyId));
    });

    const errors: ConstructionError[] = [
        [
            "an invalid trail name",
            () => new CloudTrailKey("k", { trailName: "my--trail" }),
            "CloudTrailKey \"k\": trailName is \"my--trail\": '--' puts two of '.', '_', '-' next to each other",
        ],
        [
            "deletionWindowInDays 31",
            () => new CloudTrailKey("k", { deletionWindowInDays: 31 }),
            'CloudTrailKey "k": deletionWindowInDays is 31: out of range',
        ],
        [
            "a reserved alias",
            () => new CloudTrailKey("k", { alias: "aws/cloudtrail" }),
            "alias is \"aws/cloudtrail\": aliases starting with 'alias/aws/' are reserved",
        ],
    ];
    itFailsAtConstruction(errors);

    it("fails at deployment for a reader that is not an IAM principal", async () => {
        const engine = await MockEngine.start();
        new CloudTrailKey("k", { decryptPrincipalArns: [Promise.resolve("arn:aws:s3:::b")] });
        const failure = await engine.firstFailure();
        assert.match(
            failure.message,
            /CloudTrailKey "k": decryptPrincipalArns\[0\] is "arn:aws:s3:::b": not an IAM role/,
        );
    });
});
