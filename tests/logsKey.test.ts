/**
 * LogsKey under the recording mock engine: the key's inputs and options, its alias, its outputs,
 * the key settings it validates.
 */
import * as assert from "node:assert/strict";
import * as aws from "@pulumi/aws";
import {
    CloudTrailKey,
    KEY_FACTS_KIND,
    LogsKey,
    checkKeyFacts,
    keyFacts,
    logsKeyPolicy,
} from "../components";
import { COMMERCIAL, MockEngine, valueOf } from "../testing/mockEngine";
import { ConstructionError, itFailsAtConstruction } from "./support/construction";

const KEY = "aws:kms/key:Key";

describe("LogsKey", () => {
    it("creates a symmetric, rotating, retained key with the logs policy and outputs", async () => {
        const engine = await MockEngine.start();
        const role = "arn:aws:iam::111122223333:role/reader";
        const logsKey = new LogsKey("shared", {
            accountWide: true,
            anomalyDetectors: true,
            viaServiceRoleArns: [role],
            description: "shared logs key",
            tags: { team: "platform" },
        });
        await engine.settle();
        assert.deepEqual(engine.summary(), [
            "aws:kms/key:Key::shared",
            "encrypted-logs:index:LogsKey::shared",
        ]);
        const key = engine.get(KEY, "shared");
        const expected = logsKeyPolicy({
            ...COMMERCIAL,
            accountWide: true,
            anomalyDetectors: true,
            viaServiceRoleArns: [role],
        });
        assert.deepEqual(
            { ...key.inputs, policy: JSON.parse(key.inputs.policy) },
            {
                description: "shared logs key",
                customerMasterKeySpec: "SYMMETRIC_DEFAULT",
                keyUsage: "ENCRYPT_DECRYPT",
                multiRegion: false,
                enableKeyRotation: true,
                deletionWindowInDays: 30,
                policy: expected,
                tags: { team: "platform" },
            },
        );
        assert.equal(key.retainOnDelete, true);
        assert.equal(await valueOf(logsKey.policy), JSON.stringify(expected));
        const keyId = await valueOf(logsKey.keyId);
        assert.equal(await valueOf(logsKey.arn), `arn:aws:kms:us-east-1:111122223333:key/${keyId}`);
    });

    it("publishes its facts (the key-facts contract), as CloudTrailKey does", async () => {
        const engine = await MockEngine.start();
        const logsKey = new LogsKey("platform-logs", { accountWide: true });
        const trailKey = new CloudTrailKey("platform-trail", { region: "eu-west-1" });
        await engine.settle();
        for (const [component, region] of [
            [logsKey, "us-east-1"],
            [trailKey, "eu-west-1"],
        ] as const) {
            const facts = await valueOf(component.facts);
            assert.deepEqual(facts, {
                kind: KEY_FACTS_KIND,
                arn: await valueOf(component.arn),
                region,
                keySpec: "SYMMETRIC_DEFAULT",
                keyUsage: "ENCRYPT_DECRYPT",
                multiRegion: false,
                enableKeyRotation: true,
                policy: await valueOf(component.policy),
            });
            assert.deepEqual(checkKeyFacts({ ...facts }), { facts });
        }
    });

    it("keyFacts builds the same object from any aws.kms.Key, with the provider's defaults for unset settings", async () => {
        const engine = await MockEngine.start();
        const policy = JSON.stringify({ Version: "2012-10-17", Statement: [] });
        const signing = new aws.kms.Key("signing", {
            customerMasterKeySpec: "RSA_2048",
            keyUsage: "SIGN_VERIFY",
            policy,
        });
        const plain = new aws.kms.Key("plain", { policy });
        const replaced = JSON.stringify({ Version: "2012-10-17", Statement: [{ Sid: "x" }] });
        await engine.settle();
        const arn = await valueOf(signing.arn);
        assert.deepEqual(await valueOf(keyFacts(signing)), {
            kind: KEY_FACTS_KIND,
            arn,
            region: "us-east-1",
            keySpec: "RSA_2048",
            keyUsage: "SIGN_VERIFY",
            multiRegion: false,
            enableKeyRotation: false,
            policy,
        });
        const facts = await valueOf(keyFacts(plain, { policy: replaced }));
        assert.deepEqual(
            [
                facts.keySpec,
                facts.keyUsage,
                facts.multiRegion,
                facts.enableKeyRotation,
                facts.policy,
            ],
            ["SYMMETRIC_DEFAULT", "ENCRYPT_DECRYPT", false, false, replaced],
        );
    });

    it("honours explicit key settings and admins", async () => {
        const engine = await MockEngine.start();
        const admin = "arn:aws:iam::111122223333:role/key-admin";
        new LogsKey("k", {
            logGroupNames: ["a"],
            adminArns: [admin],
            rotationPeriodInDays: 90,
            deletionWindowInDays: 7,
            retainOnDelete: false,
            alias: "alias/logs/k",
        });
        await engine.settle();
        const key = engine.get(KEY, "k");
        assert.equal(key.inputs.rotationPeriodInDays, 90);
        assert.equal(key.inputs.deletionWindowInDays, 7);
        assert.equal(key.retainOnDelete, false);
        assert.deepEqual(JSON.parse(key.inputs.policy).Statement[0].Principal, { AWS: admin });
        assert.equal(engine.get("aws:kms/alias:Alias", "k-alias").inputs.name, "alias/logs/k");
    });

    it("turns rotation off only when asked", async () => {
        const engine = await MockEngine.start();
        new LogsKey("k", { logGroupNames: ["a"], enableKeyRotation: false });
        await engine.settle();
        assert.equal(engine.get(KEY, "k").inputs.enableKeyRotation, false);
    });

    const errors: ConstructionError[] = [
        [
            "a key that grants CloudWatch Logs nothing",
            () => new LogsKey("k", {}),
            'LogsKey "k": logGroupNames is not set: the key would grant CloudWatch Logs nothing, so no log group or detector could use it. Allowed: at least one of: logGroupNames (non-empty), accountWide: true, anomalyDetectors: true. Fix: name the log groups the key is for, or set accountWide or anomalyDetectors.',
        ],
        [
            "a ViaService role alone (the service itself still could not use the key)",
            () => new LogsKey("k", { viaServiceRoleArns: ["arn:aws:iam::111122223333:role/r"] }),
            "the key would grant CloudWatch Logs nothing",
        ],
        [
            "exact groups and accountWide together",
            () => new LogsKey("k", { accountWide: true, logGroupNames: ["a"] }),
            'LogsKey "k": logGroupNames is ["a"]: accountWide already lets every log group of the account use the key',
        ],
        [
            "rotationPeriodInDays 89",
            () => new LogsKey("k", { accountWide: true, rotationPeriodInDays: 89 }),
            'LogsKey "k": rotationPeriodInDays is 89: out of range. Allowed: a whole number from 90 to 2560. Fix: pick a period from 90 to 2560 days, or omit it for KMS\'s yearly rotation.',
        ],
        [
            "rotationPeriodInDays 2561",
            () => new LogsKey("k", { accountWide: true, rotationPeriodInDays: 2561 }),
            "rotationPeriodInDays is 2561: out of range. Allowed: a whole number from 90 to 2560.",
        ],
        [
            "a rotation period with rotation off",
            () =>
                new LogsKey("k", {
                    accountWide: true,
                    rotationPeriodInDays: 180,
                    enableKeyRotation: false,
                }),
            "rotationPeriodInDays is 180: a rotation period needs automatic rotation, but enableKeyRotation is false",
        ],
        [
            "deletionWindowInDays 6",
            () => new LogsKey("k", { accountWide: true, deletionWindowInDays: 6 }),
            'LogsKey "k": deletionWindowInDays is 6: out of range. Allowed: a whole number from 7 to 30. Fix: pick 7 to 30 days; 30 gives the most time to cancel an accidental deletion.',
        ],
        [
            "deletionWindowInDays 31",
            () => new LogsKey("k", { accountWide: true, deletionWindowInDays: 31 }),
            "deletionWindowInDays is 31: out of range. Allowed: a whole number from 7 to 30.",
        ],
        [
            "deletionWindowInDays 7.5",
            () => new LogsKey("k", { accountWide: true, deletionWindowInDays: 7.5 }),
            "deletionWindowInDays is 7.5: out of range",
        ],
        [
            "an alias in the reserved alias/aws/ namespace",
            () => new LogsKey("k", { accountWide: true, alias: "aws/logs" }),
            'LogsKey "k": alias is "aws/logs": aliases starting with \'alias/aws/\' are reserved for AWS managed keys',
        ],
        [
            "an alias with a space",
            () => new LogsKey("k", { accountWide: true, alias: "my logs" }),
            'alias is "my logs": KMS rejects this alias name',
        ],
    ];
    itFailsAtConstruction(errors);

    it("fails at deployment for an admin ARN that is not an IAM principal", async () => {
        const engine = await MockEngine.start();
        new LogsKey("k", {
            accountWide: true,
            adminArns: [Promise.resolve("arn:aws:s3:::bucket")],
        });
        const failure = await engine.firstFailure();
        assert.match(
            failure.message,
            /LogsKey "k": adminArns\[0\] is "arn:aws:s3:::bucket": not an IAM role, user or account-root ARN/,
        );
    });
});
