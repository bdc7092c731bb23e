/**
 * `policypack/lib/stack/centralization.ts`, directly, word for word: an organisation
 * centralization rule's facts when parts of it are unknown at preview, each refusal (strategy not
 * set or AWS-owned, no key, the source-only scope, a backup without a key) with where it applies
 * and the key to use, and the views the key rules get (none for an unknown rule or AWS-owned keys,
 * one per key that is set, the groups' ARN only when account and region are known).
 */
import * as assert from "node:assert/strict";
import {
    CENTRALIZATION_TYPE,
    centralizationFacts,
    centralizationRefusals,
    targetViews,
} from "../policypack/lib/stack/centralization";
import type { StackResource } from "../policypack/lib/stack/resource";
import { UNKNOWN, UNKNOWN_SENTINELS } from "../policypack/lib/stack/wire";

const U = UNKNOWN_SENTINELS[2];
const ACCOUNT = "111122223333";
const ENC = "rule.destination.destinationLogsConfiguration.logsEncryptionConfiguration";
const BACKUP = "rule.destination.destinationLogsConfiguration.backupConfiguration";
const AWS_OWNED =
    "which you cannot control, audit or revoke: the organisation's logs leave the protection of their customer-managed keys";

/** A rule's props: its destination (account, region) and its logs configuration. */
function props(
    destination: Record<string, unknown>,
    logs: Record<string, unknown> | string = {},
): Record<string, unknown> {
    return {
        ruleName: "r",
        rule: { destination: { ...destination, destinationLogsConfiguration: logs } },
    };
}

function refusals(p: unknown): string[] {
    return centralizationRefusals(centralizationFacts(p));
}

function resource(p: unknown, deps?: readonly string[]): StackResource {
    return {
        type: CENTRALIZATION_TYPE,
        name: "r",
        urn: "urn:r",
        props: p,
        dependencies: [],
        propertyDependencies: deps === undefined ? {} : { rule: deps },
    };
}

describe("stack/centralization.ts: an organisation centralization rule, directly", () => {
    it("reads unknown parts as unknown all the way down", () => {
        assert.deepEqual(centralizationFacts({ rule: U }), {
            unknown: true,
            account: UNKNOWN,
            region: UNKNOWN,
            strategy: UNKNOWN,
            scope: UNKNOWN,
            kmsKeyArn: UNKNOWN,
            backup: { region: UNKNOWN, kmsKeyArn: UNKNOWN },
        });
        assert.deepEqual(centralizationFacts({ rule: { destination: U } }), {
            unknown: false,
            account: UNKNOWN,
            region: UNKNOWN,
            strategy: UNKNOWN,
            scope: UNKNOWN,
            kmsKeyArn: UNKNOWN,
            backup: { region: UNKNOWN, kmsKeyArn: UNKNOWN },
        });
        assert.deepEqual(
            centralizationFacts(props({ region: "eu-west-1" }, { backupConfiguration: U })).backup,
            {
                region: UNKNOWN,
                kmsKeyArn: UNKNOWN,
            },
        );
    });

    it("refuses a strategy not set or AWS_OWNED, naming where and the key to use", () => {
        assert.deepEqual(refusals(props({ account: ACCOUNT, region: "eu-west-1" })), [
            `${ENC} is not set, so its destination log groups in eu-west-1 of account ${ACCOUNT} are encrypted with keys AWS owns, ${AWS_OWNED}. ` +
                'Allowed: encryptionStrategy "CUSTOMER_MANAGED" with kmsKeyArn. Fix: set encryptionStrategy to "CUSTOMER_MANAGED", kmsKeyArn to ' +
                `the ARN of a symmetric KMS key in eu-west-1 of account ${ACCOUNT} whose key policy lets logs.eu-west-1.amazonaws.com use it for the log groups ` +
                "of the destination account (kms:EncryptionContext:aws:logs:arn ArnLike arn:aws:logs:eu-west-1:<account>:log-group:*), " +
                'and encryptionScope to "NEW_DESTINATION_LOG_GROUPS".',
        ]);
        const owned = { logsEncryptionConfiguration: { encryptionStrategy: "AWS_OWNED" } };
        assert.deepEqual(refusals(props({ account: U, region: U }, owned)), [
            `${ENC}.encryptionStrategy is "AWS_OWNED": its destination log groups in the destination region are encrypted with keys AWS owns, ${AWS_OWNED}. ` +
                'Allowed: encryptionStrategy "CUSTOMER_MANAGED" with kmsKeyArn. Fix: set encryptionStrategy to "CUSTOMER_MANAGED", kmsKeyArn to ' +
                "the ARN of a symmetric KMS key in the destination region whose key policy lets logs.<region>.<dnsSuffix> use it for the log groups " +
                "of the destination account (kms:EncryptionContext:aws:logs:arn ArnLike arn:<partition>:logs:<region>:<account>:log-group:*), " +
                'and encryptionScope to "NEW_DESTINATION_LOG_GROUPS".',
        ]);
        assert.deepEqual(refusals({ rule: U }), []);
    });

    it("under CUSTOMER_MANAGED, refuses an empty key, the source-only scope and a backup without a key", () => {
        const logs = {
            logsEncryptionConfiguration: {
                encryptionStrategy: "CUSTOMER_MANAGED",
                encryptionScope: "ENCRYPTED_SOURCE_ONLY",
                kmsKeyArn: "",
            },
            backupConfiguration: { region: U, kmsKeyArn: "" },
        };
        assert.deepEqual(refusals(props({ region: "us-east-1" }, logs)), [
            `${ENC}.encryptionStrategy is "CUSTOMER_MANAGED" but kmsKeyArn is not set: the rule has no key for its destination log groups in us-east-1. ` +
                "Fix: set kmsKeyArn to the ARN of a symmetric KMS key in us-east-1 whose key policy lets logs.us-east-1.amazonaws.com use it for the log groups " +
                "of the destination account (kms:EncryptionContext:aws:logs:arn ArnLike arn:aws:logs:us-east-1:<account>:log-group:*).",
            `${ENC}.encryptionScope is "ENCRYPTED_SOURCE_ONLY": kmsKeyArn encrypts only the destination groups whose source groups use a customer-managed key; ` +
                `the copies of every source group without one are created in us-east-1 under keys AWS owns, ${AWS_OWNED}. ` +
                'Allowed: "NEW_DESTINATION_LOG_GROUPS". Fix: set encryptionScope to "NEW_DESTINATION_LOG_GROUPS".',
            `${BACKUP}.kmsKeyArn is not set: the backup copies in the backup region are encrypted with keys AWS owns, ${AWS_OWNED}. ` +
                `Fix: set ${BACKUP}.kmsKeyArn to the ARN of a symmetric KMS key in the backup region whose key policy lets logs.<region>.<dnsSuffix> use it ` +
                "for the log groups of the destination account (kms:EncryptionContext:aws:logs:arn ArnLike arn:<partition>:logs:<region>:<account>:log-group:*).",
        ]);
        const scopeUnset = {
            logsEncryptionConfiguration: { encryptionStrategy: "CUSTOMER_MANAGED", kmsKeyArn: U },
            backupConfiguration: { region: "eu-west-1", kmsKeyArn: U },
        };
        assert.deepEqual(refusals(props({ region: U }, scopeUnset)), [
            `${ENC}.encryptionScope is not set, which means "ENCRYPTED_SOURCE_ONLY": kmsKeyArn encrypts only the destination groups whose source groups use a customer-managed key; ` +
                `the copies of every source group without one are created in the destination region under keys AWS owns, ${AWS_OWNED}. ` +
                'Allowed: "NEW_DESTINATION_LOG_GROUPS". Fix: set encryptionScope to "NEW_DESTINATION_LOG_GROUPS".',
        ]);
    });
});

describe("stack/centralization.ts: the views the key rules get", () => {
    const cm = (enc: Record<string, unknown>, backup?: Record<string, unknown>) => ({
        logsEncryptionConfiguration: { encryptionStrategy: "CUSTOMER_MANAGED", ...enc },
        ...(backup === undefined ? {} : { backupConfiguration: backup }),
    });
    const summary = (views: StackResource[]) =>
        views.map((v) => [v.name, v.props, v.propertyDependencies.kmsKeyArn]);

    it("none for an unknown rule or AWS_OWNED keys; another resource is itself", () => {
        assert.deepEqual(targetViews(resource({ rule: U })), []);
        const owned = {
            logsEncryptionConfiguration: { encryptionStrategy: "AWS_OWNED", kmsKeyArn: "arn:k" },
        };
        assert.deepEqual(targetViews(resource(props({ region: "us-east-1" }, owned))), []);
        const other = { ...resource({}), type: "aws:kms/key:Key" };
        assert.deepEqual(targetViews(other), [other]);
    });

    it("one per key set, the backup's in its region; the groups' ARN only when account and region are known", () => {
        const p = props(
            { account: U, region: "us-east-1" },
            cm({ kmsKeyArn: U }, { region: "eu-west-1", kmsKeyArn: "arn:b" }),
        );
        assert.deepEqual(summary(targetViews(resource(p))), [
            ["r", { ruleName: "r", kmsKeyArn: UNKNOWN, region: "us-east-1" }, []],
            ["r (backup)", { ruleName: "r", kmsKeyArn: "arn:b", region: "eu-west-1" }, []],
        ]);
        const q = props(
            { account: ACCOUNT, region: U },
            cm({ kmsKeyArn: "" }, { region: "eu-west-1", kmsKeyArn: "arn:b" }),
        );
        assert.deepEqual(summary(targetViews(resource(q, ["urn:k"]))), [
            [
                "r (backup)",
                {
                    ruleName: "r",
                    kmsKeyArn: "arn:b",
                    region: "eu-west-1",
                    arn: `arn:aws:logs:eu-west-1:${ACCOUNT}:log-group:*`,
                },
                ["urn:k"],
            ],
        ]);
        const noBackupKey = props(
            { account: ACCOUNT, region: U },
            cm({ kmsKeyArn: "arn:k" }, { region: "eu-west-1", kmsKeyArn: "" }),
        );
        assert.deepEqual(summary(targetViews(resource(noBackupKey))), [
            ["r", { ruleName: "r", kmsKeyArn: "arn:k", region: UNKNOWN }, []],
        ]);
    });
});
