/**
 * Organisation centralization rules (aws:observabilityadmin/centralizationRuleForOrganization)
 * through the analyzer protocol: what the rule leaves under keys AWS owns is refused by
 * log-encryption-key-required; the keys it names (destination region, backup region) are judged by
 * the key rules under log-encryption-key-usable, each in its own region, as a log group's key.
 */
import * as assert from "node:assert/strict";
import { logGroupKeyPolicy } from "../components";
import { writer } from "../harness/destinationFixtures";
import { StackResource, unknown, usePolicyPack } from "../harness/policyHarness";
import { messageOf, verdicts } from "../harness/verdicts";
import { ACCOUNT, StackBuilder, adminOnlyPolicy } from "../harness/stackFixtures";
import {
    CENTRALIZATION_TYPE,
    centralizationFacts,
    centralizationRefusals,
    targetViews,
} from "../policypack/lib/stack/centralization";
import { UNKNOWN_SENTINELS } from "../policypack/lib/stack/wire";

const REQUIRED = "log-encryption-key-required";
const USABLE = "log-encryption-key-usable";
const SUBJECT = `centralization rule "org" (${CENTRALIZATION_TYPE})`;
const PATH = "rule.destination.destinationLogsConfiguration.logsEncryptionConfiguration";

/** A key in `region` whose policy lets CloudWatch Logs there use it for the account's groups. */
function logsKey(
    s: StackBuilder,
    name: string,
    region = "us-east-1",
    policyRegion = region,
): StackResource {
    return s.key(name, {
        existing: true,
        region,
        policy: logGroupKeyPolicy({
            partition: "aws",
            dnsSuffix: "amazonaws.com",
            region: policyRegion,
            accountId: ACCOUNT,
            accountWide: true,
        }),
    });
}

interface RuleOptions {
    readonly encryption?: Record<string, unknown>;
    readonly backup?: Record<string, unknown>;
    readonly region?: string;
    readonly dependsOn?: readonly string[];
}

function rule(s: StackBuilder, opts: RuleOptions): StackResource {
    return writer(
        s,
        CENTRALIZATION_TYPE,
        "org",
        {
            ruleName: "org",
            rule: {
                source: {
                    regions: ["us-east-1", "eu-west-1"],
                    scope: "OrganizationId = 'o-example123456'",
                    sourceLogsConfiguration: {
                        encryptedLogGroupStrategy: "ALLOW",
                        logGroupSelectionCriteria: "*",
                    },
                },
                destination: {
                    account: ACCOUNT,
                    region: opts.region ?? "us-east-1",
                    destinationLogsConfiguration: {
                        ...(opts.encryption === undefined
                            ? {}
                            : { logsEncryptionConfiguration: opts.encryption }),
                        ...(opts.backup === undefined ? {} : { backupConfiguration: opts.backup }),
                    },
                },
            },
        },
        { propertyDependencies: { rule: [...(opts.dependsOn ?? [])] } },
    );
}

/** CUSTOMER_MANAGED for every new destination group, with `key`. */
function customerManaged(key: StackResource | string): Record<string, unknown> {
    return {
        encryptionStrategy: "CUSTOMER_MANAGED",
        encryptionScope: "NEW_DESTINATION_LOG_GROUPS",
        kmsKeyArn: typeof key === "string" ? key : key.outputs!.arn,
    };
}

describe("organisation centralization rules", function () {
    this.timeout(120_000);
    const running = usePolicyPack();
    const preview = (s: StackBuilder) => running().preview(s.resources);

    it("refuses AWS_OWNED: the organisation's logs leave CMK protection", async () => {
        const s = new StackBuilder();
        rule(s, { encryption: { encryptionStrategy: "AWS_OWNED" } });
        const result = await preview(s);
        assert.deepEqual(verdicts(result), [`${REQUIRED}/org [key-required]`]);
        assert.equal(
            messageOf(result, REQUIRED, "org"),
            `[key-required] ${SUBJECT}: ${PATH}.encryptionStrategy is "AWS_OWNED": its destination log groups in us-east-1 of account ${ACCOUNT} are encrypted with keys AWS owns, ` +
                "which you cannot control, audit or revoke: the organisation's logs leave the protection of their customer-managed keys. " +
                'Allowed: encryptionStrategy "CUSTOMER_MANAGED" with kmsKeyArn. ' +
                `Fix: set encryptionStrategy to "CUSTOMER_MANAGED", kmsKeyArn to the ARN of a symmetric KMS key in us-east-1 of account ${ACCOUNT} whose key policy lets logs.us-east-1.amazonaws.com use it ` +
                "for the log groups of the destination account (kms:EncryptionContext:aws:logs:arn ArnLike arn:aws:logs:us-east-1:<account>:log-group:*), " +
                'and encryptionScope to "NEW_DESTINATION_LOG_GROUPS".',
        );
    });

    it("refuses a rule with no logsEncryptionConfiguration (AWS-owned keys)", async () => {
        const s = new StackBuilder();
        rule(s, {});
        const result = await preview(s);
        assert.deepEqual(verdicts(result), [`${REQUIRED}/org [key-required]`]);
        assert.match(
            messageOf(result, REQUIRED, "org"),
            new RegExp(`${PATH.replace(/\./g, "\\.")} is not set, so its destination log groups`),
        );
    });

    it("passes CUSTOMER_MANAGED for new destination groups with a usable key in the destination region", async () => {
        const s = new StackBuilder();
        const key = logsKey(s, "central-key");
        rule(s, { encryption: customerManaged(key), dependsOn: [key.urn] });
        assert.deepEqual(verdicts(await preview(s)), []);
    });

    it("passes a key the rule references through an unknown ARN (followed through its property dependency)", async () => {
        const s = new StackBuilder();
        const key = logsKey(s, "central-key");
        rule(s, {
            encryption: { ...customerManaged(key), kmsKeyArn: unknown() },
            dependsOn: [key.urn],
        });
        assert.deepEqual(verdicts(await preview(s)), []);
    });

    it("refuses CUSTOMER_MANAGED without kmsKeyArn", async () => {
        const s = new StackBuilder();
        rule(s, {
            encryption: {
                encryptionStrategy: "CUSTOMER_MANAGED",
                encryptionScope: "NEW_DESTINATION_LOG_GROUPS",
            },
        });
        const result = await preview(s);
        assert.deepEqual(verdicts(result), [`${REQUIRED}/org [key-required]`]);
        assert.match(
            messageOf(result, REQUIRED, "org"),
            /encryptionStrategy is "CUSTOMER_MANAGED" but kmsKeyArn is not set: the rule has no key for its destination log groups in us-east-1/,
        );
    });

    it("refuses the default encryptionScope (ENCRYPTED_SOURCE_ONLY): copies of unencrypted sources get AWS-owned keys", async () => {
        for (const scope of [undefined, "ENCRYPTED_SOURCE_ONLY"]) {
            const s = new StackBuilder();
            const key = logsKey(s, "central-key");
            const encryption: Record<string, unknown> = {
                encryptionStrategy: "CUSTOMER_MANAGED",
                kmsKeyArn: key.outputs!.arn,
                ...(scope === undefined ? {} : { encryptionScope: scope }),
            };
            rule(s, { encryption, dependsOn: [key.urn] });
            const result = await preview(s);
            assert.deepEqual(verdicts(result), [`${REQUIRED}/org [key-required]`], String(scope));
            assert.match(
                messageOf(result, REQUIRED, "org"),
                /the copies of every source group without one are created in us-east-1 of account 111122223333 under keys AWS owns.*Fix: set encryptionScope to "NEW_DESTINATION_LOG_GROUPS"\.$/,
            );
        }
    });

    it("refuses a key in another region than the destination", async () => {
        const s = new StackBuilder();
        // Its policy is right for us-east-1: only the region is wrong.
        const key = logsKey(s, "central-key", "eu-west-1", "us-east-1");
        rule(s, { encryption: customerManaged(key), dependsOn: [key.urn] });
        const result = await preview(s);
        assert.deepEqual(verdicts(result), [`${USABLE}/org [region]`]);
    });

    it("refuses a key whose policy does not let CloudWatch Logs use it", async () => {
        const s = new StackBuilder();
        const key = s.key("central-key", { existing: true, policy: adminOnlyPolicy() });
        rule(s, { encryption: customerManaged(key), dependsOn: [key.urn] });
        const result = await preview(s);
        assert.deepEqual(verdicts(result), [`${USABLE}/org [key-policy]`]);
        assert.match(messageOf(result, USABLE, "org"), /logs\.us-east-1\.amazonaws\.com/);
    });

    it("cannot accept a key scoped to named log groups: the destination groups are named from the sources", async () => {
        const s = new StackBuilder();
        const key = s.key("central-key", { existing: true, policyFor: ["/app/central"] });
        rule(s, { encryption: customerManaged(key), dependsOn: [key.urn] });
        const result = await preview(s);
        assert.deepEqual(verdicts(result), [`${USABLE}/org [key-policy]`]);
        assert.match(
            messageOf(result, USABLE, "org"),
            /its key policy does not allow logs\.us-east-1\.amazonaws\.com kms:Encrypt/,
        );
    });

    it("judges the backup region's key in the backup region, and refuses a backup without a key", async () => {
        const s = new StackBuilder();
        const key = logsKey(s, "central-key");
        const backupKey = logsKey(s, "backup-key", "eu-west-1");
        rule(s, {
            encryption: customerManaged(key),
            backup: { region: "eu-west-1", kmsKeyArn: backupKey.outputs!.arn },
            dependsOn: [key.urn, backupKey.urn],
        });
        assert.deepEqual(verdicts(await preview(s)), []);

        const wrong = new StackBuilder();
        const k = logsKey(wrong, "central-key");
        const b = logsKey(wrong, "backup-key", "us-west-2", "eu-west-1");
        rule(wrong, {
            encryption: customerManaged(k),
            backup: { region: "eu-west-1", kmsKeyArn: b.outputs!.arn },
            dependsOn: [k.urn, b.urn],
        });
        const result = await preview(wrong);
        assert.deepEqual(verdicts(result), [`${USABLE}/org [region]`]);
        assert.match(
            result.all.find((d) => d.policyName === USABLE)!.message,
            /centralization rule "org \(backup\)"/,
        );

        const none = new StackBuilder();
        const k2 = logsKey(none, "central-key");
        rule(none, {
            encryption: customerManaged(k2),
            backup: { region: "eu-west-1" },
            dependsOn: [k2.urn],
        });
        const noBackupKey = await preview(none);
        assert.deepEqual(verdicts(noBackupKey), [`${REQUIRED}/org [key-required]`]);
        assert.match(
            messageOf(noBackupKey, REQUIRED, "org"),
            /backupConfiguration\.kmsKeyArn is not set: the backup copies in eu-west-1 are encrypted with keys AWS owns/,
        );
    });

    it("is silent while the rule is unknown at preview", async () => {
        const s = new StackBuilder();
        writer(s, CENTRALIZATION_TYPE, "org", { ruleName: "org", rule: unknown() });
        assert.deepEqual(verdicts(await preview(s)), []);
    });
});

describe("centralization.ts, facts level", () => {
    const props = (encryption: Record<string, unknown>) => ({
        ruleName: "r",
        rule: {
            destination: {
                account: ACCOUNT,
                region: "us-east-1",
                destinationLogsConfiguration: { logsEncryptionConfiguration: encryption },
            },
        },
    });
    const resource = (p: unknown) => ({
        type: CENTRALIZATION_TYPE,
        name: "r",
        urn: "urn:r",
        props: p,
        dependencies: [],
        propertyDependencies: { rule: ["urn:k"] },
    });

    it("reads the nested configuration", () => {
        assert.deepEqual(
            centralizationFacts(
                props({ encryptionStrategy: "CUSTOMER_MANAGED", kmsKeyArn: "arn:k" }),
            ),
            {
                unknown: false,
                account: ACCOUNT,
                region: "us-east-1",
                strategy: "CUSTOMER_MANAGED",
                scope: undefined,
                kmsKeyArn: "arn:k",
                backup: undefined,
            },
        );
    });

    it("gives the key rules one flattened view per key, none under AWS_OWNED", () => {
        const views = targetViews(
            resource(
                props({
                    encryptionStrategy: "CUSTOMER_MANAGED",
                    encryptionScope: "NEW_DESTINATION_LOG_GROUPS",
                    kmsKeyArn: "arn:k",
                }),
            ),
        );
        assert.deepEqual(
            views.map((v) => [v.name, v.props, v.propertyDependencies.kmsKeyArn]),
            [
                [
                    "r",
                    {
                        ruleName: "r",
                        kmsKeyArn: "arn:k",
                        region: "us-east-1",
                        arn: `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:*`,
                    },
                    ["urn:k"],
                ],
            ],
        );
        assert.deepEqual(targetViews(resource(props({ encryptionStrategy: "AWS_OWNED" }))), []);
        assert.deepEqual(centralizationRefusals(centralizationFacts({ rule: {} })).length, 1);
    });

    it("names the destination groups in the destination region's partition (aws-cn)", () => {
        const cn = {
            ruleName: "r",
            rule: {
                destination: {
                    account: ACCOUNT,
                    region: "cn-north-1",
                    destinationLogsConfiguration: {
                        logsEncryptionConfiguration: {
                            encryptionStrategy: "CUSTOMER_MANAGED",
                            encryptionScope: "NEW_DESTINATION_LOG_GROUPS",
                            kmsKeyArn: "arn:aws-cn:kms:cn-north-1:111122223333:key/k",
                        },
                    },
                },
            },
        };
        assert.equal(
            (targetViews(resource(cn))[0].props as { arn: string }).arn,
            `arn:aws-cn:logs:cn-north-1:${ACCOUNT}:log-group:*`,
        );
        assert.match(
            centralizationRefusals(
                centralizationFacts({
                    rule: {
                        destination: { ...cn.rule.destination, destinationLogsConfiguration: {} },
                    },
                }),
            )[0],
            /logs\.cn-north-1\.amazonaws\.com\.cn use it .*ArnLike arn:aws-cn:logs:cn-north-1:<account>:log-group:\*/,
        );
    });

    it("counts unknown values as set", () => {
        assert.deepEqual(
            centralizationRefusals(
                centralizationFacts(props({ encryptionStrategy: UNKNOWN_SENTINELS[2] })),
            ),
            [],
        );
    });
});
