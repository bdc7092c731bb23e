/**
 * EncryptedLogGroup and LogsKey under the recording mock engine: exact resources, inputs, options
 * and the key policy, in several partitions and regions, and every bad input.
 */
import * as aws from "@pulumi/aws";
import * as assert from "node:assert/strict";
import {
    EncryptedLogGroup,
    LogGroupClass,
    LogsKey,
    decryptOnlyKeyPolicy,
    logGroupKeyPolicy,
} from "../components";
import {
    CHINA,
    COMMERCIAL,
    MockAccount,
    MockEngine,
    isKnown,
    isUnknownInput,
    valueOf,
} from "../testing/mockEngine";
import { decide } from "./support/iam";

const KEY = "aws:kms/key:Key";
const GROUP = "aws:cloudwatch/logGroup:LogGroup";
const KEY_POLICY = "aws:kms/keyPolicy:KeyPolicy";
const SLEEP = "time:index/sleep:Sleep";
const groupArn = (name: string) => `arn:aws:logs:us-east-1:111122223333:log-group:${name}`;
const OWN_KEY = "arn:aws:kms:us-east-1:111122223333:key/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";
const OLD_KEY = "arn:aws:kms:us-east-1:111122223333:key/11111111-2222-3333-4444-555555555555";

describe("EncryptedLogGroup", () => {
    it("creates the log group and a key scoped to exactly that group", async () => {
        const engine = await MockEngine.start();
        const group = new EncryptedLogGroup("orders", { logGroupName: "/app/orders" });
        await engine.settle();

        assert.deepEqual(engine.summary(), [
            "aws:cloudwatch/logGroup:LogGroup::orders",
            "aws:kms/key:Key::orders-key",
            "encrypted-logs:index:EncryptedLogGroup::orders",
        ]);
        const key = engine.get(KEY, "orders-key");
        const expectedPolicy = logGroupKeyPolicy({ ...COMMERCIAL, logGroupNames: ["/app/orders"] });
        assert.deepEqual(JSON.parse(key.inputs.policy), expectedPolicy);
        assert.deepEqual(
            { ...key.inputs, policy: undefined },
            {
                policy: undefined,
                description:
                    "CloudWatch Logs key for log group /app/orders (pulumi-aws-encrypted-logs)",
                customerMasterKeySpec: "SYMMETRIC_DEFAULT",
                keyUsage: "ENCRYPT_DECRYPT",
                multiRegion: false,
                enableKeyRotation: true,
                deletionWindowInDays: 30,
            },
        );
        assert.equal(key.retainOnDelete, true, "the key is retained when removed from the stack");

        const logGroup = engine.get(GROUP, "orders");
        const keyArn = `arn:aws:kms:us-east-1:111122223333:key/${await valueOf(group.key!.keyId)}`;
        assert.deepEqual(logGroup.inputs, {
            name: "/app/orders",
            retentionInDays: 365,
            kmsKeyId: keyArn,
            logGroupClass: "STANDARD",
            skipDestroy: true,
            deletionProtectionEnabled: true,
        });
        assert.ok(
            logGroup.dependencies.includes(key.urn),
            "the log group waits for the key and its policy",
        );
        assert.deepEqual(logGroup.propertyDependencies.kmsKeyId, [key.urn]);
        const component = engine.get("encrypted-logs:index:EncryptedLogGroup", "orders").urn;
        assert.equal(logGroup.parent, component);
        // The key is the component's direct child: no nested LogsKey component (one registration
        // less per group, which is what large stacks pay for).
        assert.equal(key.parent, component);

        assert.equal(await valueOf(group.kmsKeyArn), keyArn);
        assert.equal(await valueOf(group.name), "/app/orders");
        assert.equal(
            await valueOf(group.arn),
            "arn:aws:logs:us-east-1:111122223333:log-group:/app/orders",
        );
    });

    it("names the log group after the resource by default", async () => {
        const engine = await MockEngine.start();
        new EncryptedLogGroup("payments");
        await engine.settle();
        assert.equal(engine.get(GROUP, "payments").inputs.name, "payments");
        const policy = JSON.parse(engine.get(KEY, "payments-key").inputs.policy);
        assert.deepEqual(policy.Statement[1].Condition, {
            ArnEquals: {
                "kms:EncryptionContext:aws:logs:arn":
                    "arn:aws:logs:us-east-1:111122223333:log-group:payments",
            },
        });
    });

    it("builds aws-cn ARNs and the .amazonaws.com.cn principal from the provider", async () => {
        const engine = await MockEngine.start(CHINA);
        new EncryptedLogGroup("app");
        await engine.settle();
        const policy = JSON.parse(engine.get(KEY, "app-key").inputs.policy);
        assert.deepEqual(policy, logGroupKeyPolicy({ ...CHINA, logGroupNames: ["app"] }));
        assert.deepEqual(policy.Statement[1].Principal, {
            Service: "logs.cn-north-1.amazonaws.com.cn",
        });
        assert.match(
            engine.get(GROUP, "app").inputs.kmsKeyId,
            /^arn:aws-cn:kms:cn-north-1:444455556666:key\//,
        );
    });

    it("uses the region of the provider passed in opts", async () => {
        const engine = await MockEngine.start();
        const eu = new aws.Provider("eu", { region: "eu-west-1" });
        new EncryptedLogGroup("eu-app", {}, { provider: eu });
        await engine.settle();
        const policy = JSON.parse(engine.get(KEY, "eu-app-key").inputs.policy);
        assert.deepEqual(
            policy,
            logGroupKeyPolicy({ ...COMMERCIAL, region: "eu-west-1", logGroupNames: ["eu-app"] }),
        );
        const providerRef = engine.get(GROUP, "eu-app").provider;
        assert.match(
            providerRef,
            /pulumi:providers:aws::eu::/,
            "children use the component's provider",
        );
        assert.equal(engine.get(KEY, "eu-app-key").provider, providerRef);
    });

    it("puts the key and group in the region given by `region`", async () => {
        const engine = await MockEngine.start();
        new EncryptedLogGroup("west", { region: "us-west-2" });
        await engine.settle();
        assert.equal(engine.get(GROUP, "west").inputs.region, "us-west-2");
        assert.equal(engine.get(KEY, "west-key").inputs.region, "us-west-2");
        const policy = JSON.parse(engine.get(KEY, "west-key").inputs.policy);
        assert.equal(policy.Statement[1].Principal.Service, "logs.us-west-2.amazonaws.com");
    });

    it("makes the three lookups once per provider, not once per log group", async () => {
        const engine = await MockEngine.start();
        for (let i = 0; i < 20; i++) {
            new EncryptedLogGroup(`group-${i}`);
        }
        const eu = new aws.Provider("eu", { region: "eu-west-1" });
        for (let i = 0; i < 5; i++) {
            new EncryptedLogGroup(`eu-group-${i}`, {}, { provider: eu });
        }
        await engine.settle();
        assert.equal(engine.ofType(GROUP).length, 25);
        assert.deepEqual(engine.invokes.map((i) => i.token).sort(), [
            "aws:index/getCallerIdentity:getCallerIdentity",
            "aws:index/getCallerIdentity:getCallerIdentity",
            "aws:index/getPartition:getPartition",
            "aws:index/getPartition:getPartition",
            "aws:index/getRegion:getRegion",
            "aws:index/getRegion:getRegion",
        ]);
    });

    it("uses a key ARN given in kmsKeyArn and creates no key", async () => {
        const engine = await MockEngine.start();
        const group = new EncryptedLogGroup("byo", { kmsKeyArn: OWN_KEY, retentionInDays: 30 });
        await engine.settle();
        assert.deepEqual(engine.summary(), [
            "aws:cloudwatch/logGroup:LogGroup::byo",
            "encrypted-logs:index:EncryptedLogGroup::byo",
        ]);
        assert.equal(engine.get(GROUP, "byo").inputs.kmsKeyId, OWN_KEY);
        assert.equal(engine.get(GROUP, "byo").inputs.retentionInDays, 30);
        assert.equal(group.key, undefined);
    });

    it("shares an account-wide LogsKey between groups, depending on it", async () => {
        const engine = await MockEngine.start();
        const shared = new LogsKey("shared", { accountWide: true, alias: "logs/shared" });
        new EncryptedLogGroup("a", { kmsKeyArn: shared.arn });
        new EncryptedLogGroup("b", { kmsKeyArn: shared.arn });
        await engine.settle();
        const keyUrn = engine.get(KEY, "shared").urn;
        for (const name of ["a", "b"]) {
            assert.deepEqual(engine.get(GROUP, name).propertyDependencies.kmsKeyId, [keyUrn]);
            assert.equal(engine.get(GROUP, name).inputs.kmsKeyId, await valueOf(shared.arn));
        }
        assert.deepEqual(engine.get("aws:kms/alias:Alias", "shared-alias").inputs, {
            name: "alias/logs/shared",
            targetKeyId: await valueOf(shared.keyId),
        });
        assert.equal(engine.ofType(KEY).length, 1);
    });

    it("reduces previous keys to decrypt-only after the group moved, and keeps that policy", async () => {
        const engine = await MockEngine.start();
        new EncryptedLogGroup("orders", { previousKmsKeyArns: [OLD_KEY] });
        await engine.settle();
        const policy = engine.get(KEY_POLICY, "orders-previous-key-0");
        assert.equal(policy.inputs.keyId, OLD_KEY);
        assert.deepEqual(
            JSON.parse(policy.inputs.policy),
            decryptOnlyKeyPolicy({ ...COMMERCIAL, logGroupNames: ["orders"] }),
        );
        assert.equal(
            policy.retainOnDelete,
            true,
            "deleting a KeyPolicy would reset the key and lose the old data",
        );
        assert.ok(
            policy.dependencies.includes(engine.get(GROUP, "orders").urn),
            "only after the group uses the new key",
        );
        assert.equal(engine.ofType(KEY).length, 1, "the old key is not touched otherwise");
    });

    describe("deletion protection and data protection", () => {
        const cases: [
            string,
            { skipDestroy?: boolean; deletionProtectionEnabled?: boolean },
            boolean,
        ][] = [
            ["on by default", {}, true],
            ["off when opted out", { deletionProtectionEnabled: false }, false],
            ["off by default when destroy may delete the group", { skipDestroy: false }, false],
            [
                "on with the group kept on destroy",
                { skipDestroy: true, deletionProtectionEnabled: true },
                true,
            ],
        ];
        for (const [what, args, expected] of cases) {
            it(`deletion protection is ${what}`, async () => {
                const engine = await MockEngine.start();
                new EncryptedLogGroup("g", args);
                await engine.settle();
                assert.equal(engine.get(GROUP, "g").inputs.deletionProtectionEnabled, expected);
            });
        }

        it("refuses deletion protection together with skipDestroy: false", async () => {
            await MockEngine.start();
            assert.throws(
                () =>
                    new EncryptedLogGroup("g", {
                        skipDestroy: false,
                        deletionProtectionEnabled: true,
                    }),
                (e: Error) => {
                    assert.equal(
                        e.message,
                        'EncryptedLogGroup "g": deletionProtectionEnabled is true: skipDestroy: false asks pulumi destroy to delete the group, which deletion protection refuses ("Cannot delete log group with deletion protection enabled"). Allowed: deletionProtectionEnabled: true with skipDestroy true (the default), or false with skipDestroy: false. Fix: drop skipDestroy: false to keep the group, or drop deletionProtectionEnabled: true to let destroy delete it.',
                    );
                    return true;
                },
            );
        });

        const policy = JSON.stringify({
            Name: "orders",
            Version: "2021-06-01",
            Statement: [
                {
                    Sid: "Redact",
                    DataIdentifier: ["arn:aws:dataprotection::aws:data-identifier/EmailAddress"],
                    Operation: { Deidentify: { MaskConfig: {} } },
                },
            ],
        });

        it("puts a data protection policy on the group", async () => {
            const engine = await MockEngine.start();
            const group = new EncryptedLogGroup("orders", {
                logGroupName: "/app/orders",
                dataProtectionPolicy: policy,
                region: "eu-west-1",
            });
            await engine.settle();
            const recorded = engine.get(
                "aws:cloudwatch/logDataProtectionPolicy:LogDataProtectionPolicy",
                "orders-data-protection",
            );
            assert.deepEqual(recorded.inputs, {
                logGroupName: "/app/orders",
                policyDocument: policy,
                region: "eu-west-1",
            });
            assert.deepEqual(recorded.propertyDependencies.logGroupName, [
                engine.get(GROUP, "orders").urn,
            ]);
            assert.ok(group.dataProtectionPolicy !== undefined);
        });

        it("creates no data protection policy by default", async () => {
            const engine = await MockEngine.start();
            const group = new EncryptedLogGroup("orders");
            await engine.settle();
            assert.deepEqual(
                engine.ofType("aws:cloudwatch/logDataProtectionPolicy:LogDataProtectionPolicy"),
                [],
            );
            assert.equal(group.dataProtectionPolicy, undefined);
        });

        const bad: [string, string, string][] = [
            [
                "text that is not JSON",
                "redact emails",
                "not a JSON data protection policy document",
            ],
            ["a JSON list", "[]", "not a JSON data protection policy document"],
            [
                "another policy language version",
                JSON.stringify({ ...JSON.parse(policy), Version: "2012-10-17" }),
                'a data protection policy needs a Name, Version "2021-06-01" (the current policy language version) and at least one statement',
            ],
            [
                "no statements",
                JSON.stringify({ ...JSON.parse(policy), Statement: [] }),
                "and at least one statement",
            ],
            [
                "no name",
                JSON.stringify({ ...JSON.parse(policy), Name: undefined }),
                "a data protection policy needs a Name",
            ],
        ];
        for (const [what, document, message] of bad) {
            it(`refuses a data protection policy that is ${what}`, async () => {
                await MockEngine.start();
                assert.throws(
                    () => new EncryptedLogGroup("g", { dataProtectionPolicy: document }),
                    (e: Error) => {
                        assert.ok(
                            e.message.startsWith(`EncryptedLogGroup "g": dataProtectionPolicy is `),
                            e.message,
                        );
                        assert.ok(e.message.includes(message), e.message);
                        return true;
                    },
                );
            });
        }
    });

    describe("re-keys in one pulumi up without dropping events", () => {
        const NEW_KEY_NAME = "orders-key-2026";
        /** Whether `later` (transitively) waits for `earlier`, from the recorded dependencies. */
        function waitsFor(engine: MockEngine, later: string, earlier: string): boolean {
            const byUrn = new Map(engine.resources.map((r) => [r.urn, r]));
            const seen = new Set<string>();
            const stack = [later];
            while (stack.length > 0) {
                const urn = stack.pop()!;
                for (const dep of byUrn.get(urn)?.dependencies ?? []) {
                    if (dep === earlier) {
                        return true;
                    }
                    if (!seen.has(dep)) {
                        seen.add(dep);
                        stack.push(dep);
                    }
                }
            }
            return false;
        }

        it("orders new key → log group moved → five-minute wait → decrypt-only policy, and each step's policy allows what CloudWatch Logs needs then", async () => {
            const engine = await MockEngine.start();
            // The program a user runs to re-key: a new key for the group, the group moved to it,
            // the key it had before listed. The old key is the one EncryptedLogGroup created
            // before (retained when it left the stack), with the policy it gave it.
            const newKey = new LogsKey(NEW_KEY_NAME, { logGroupNames: ["/app/orders"] });
            new EncryptedLogGroup("orders", {
                logGroupName: "/app/orders",
                kmsKeyArn: newKey.arn,
                previousKmsKeyArns: [OLD_KEY],
            });
            await engine.settle();

            const key = engine.get(KEY, NEW_KEY_NAME);
            const group = engine.get(GROUP, "orders");
            const wait = engine.get(SLEEP, "orders-rekey-wait");
            const decryptOnly = engine.get(KEY_POLICY, "orders-previous-key-0");

            // The order, from the dependencies the engine received.
            assert.ok(waitsFor(engine, group.urn, key.urn), "the group moves after the new key");
            assert.ok(waitsFor(engine, wait.urn, group.urn), "the wait starts after the move");
            assert.ok(
                waitsFor(engine, decryptOnly.urn, wait.urn),
                "the old key becomes decrypt-only only after the wait",
            );
            assert.ok(!waitsFor(engine, group.urn, wait.urn), "the move does not wait");
            assert.deepEqual(wait.inputs, {
                createDuration: "5m",
                triggers: {
                    logGroupKmsKeyId: await valueOf(newKey.arn),
                    previousKmsKeyArns: OLD_KEY,
                },
            });
            assert.deepEqual(wait.propertyDependencies.triggers, [group.urn]);
            // Nothing but the decrypt-only policy names the old key, so until it is applied the
            // old key keeps the policy it had.
            assert.deepEqual(
                engine.resources
                    .filter((r) => JSON.stringify(r.inputs).includes(OLD_KEY))
                    .map((r) => `${r.type}::${r.name}`),
                [`${SLEEP}::orders-rekey-wait`, `${KEY_POLICY}::orders-previous-key-0`],
            );

            // What each key's policy allows at each step, evaluated.
            const own = { "kms:EncryptionContext:aws:logs:arn": groupArn("/app/orders") };
            const logs = "logs.us-east-1.amazonaws.com";
            const steps: [string, object, string, [string, boolean][]][] = [
                [
                    "step 1, before the move: the new key",
                    JSON.parse(key.inputs.policy),
                    await valueOf(newKey.arn),
                    [
                        ["kms:GenerateDataKey", true],
                        ["kms:Encrypt", true],
                        ["kms:Decrypt", true],
                    ],
                ],
                [
                    "step 2, the five minutes after the move: the old key, still with its own policy",
                    logGroupKeyPolicy({ ...COMMERCIAL, logGroupNames: ["/app/orders"] }),
                    OLD_KEY,
                    [
                        ["kms:GenerateDataKey", true],
                        ["kms:Encrypt", true],
                        ["kms:Decrypt", true],
                    ],
                ],
                [
                    "step 3, after the wait: the old key, decrypt-only",
                    JSON.parse(decryptOnly.inputs.policy),
                    OLD_KEY,
                    [
                        ["kms:GenerateDataKey", false],
                        ["kms:Encrypt", false],
                        ["kms:ReEncryptTo", false],
                        ["kms:Decrypt", true],
                    ],
                ],
            ];
            for (const [step, policy, resource, requests] of steps) {
                for (const [action, allowed] of requests) {
                    const decision = decide(policy, resource, {
                        principal: logs,
                        action,
                        context: own,
                    });
                    assert.equal(
                        decision === "Allowed",
                        allowed,
                        `${step}: CloudWatch Logs ${action} got ${decision}`,
                    );
                }
            }
        });

        it("waits only when there are previous keys", async () => {
            const engine = await MockEngine.start();
            new EncryptedLogGroup("orders");
            await engine.settle();
            assert.deepEqual(engine.ofType(SLEEP), []);
        });

        it("one wait serves every previous key, and lists them all in its triggers", async () => {
            const engine = await MockEngine.start();
            const older = OLD_KEY.replace("11111111", "22222222");
            new EncryptedLogGroup("orders", { previousKmsKeyArns: [OLD_KEY, older] });
            await engine.settle();
            const wait = engine.get(SLEEP, "orders-rekey-wait");
            assert.equal(wait.inputs.triggers.previousKmsKeyArns, `${OLD_KEY},${older}`);
            for (const i of [0, 1]) {
                assert.ok(
                    engine
                        .get(KEY_POLICY, `orders-previous-key-${i}`)
                        .dependencies.includes(wait.urn),
                );
            }
        });
    });

    it("leaves the new key's ARN unknown during a preview but knows its policy", async () => {
        const engine = await MockEngine.start(COMMERCIAL, { preview: true });
        const group = new EncryptedLogGroup("orders");
        await engine.settle();
        assert.equal(await isKnown(group.kmsKeyArn), false);
        const key = engine.get(KEY, "orders-key");
        assert.deepEqual(
            JSON.parse(key.inputs.policy),
            logGroupKeyPolicy({ ...COMMERCIAL, logGroupNames: ["orders"] }),
        );
        assert.deepEqual(engine.get(GROUP, "orders").propertyDependencies.kmsKeyId, [key.urn]);
        assert.ok(
            isUnknownInput(engine.get(GROUP, "orders").inputs.kmsKeyId),
            "kmsKeyId is unknown on the wire",
        );
    });

    describe("refuses bad input at construction", () => {
        const cases: [string, () => unknown, string][] = [
            [
                "retentionInDays 42",
                () => new EncryptedLogGroup("g", { retentionInDays: 42 }),
                'EncryptedLogGroup "g": retentionInDays is 42: CloudWatch Logs does not accept this retention period. Allowed: 0 (never expire), 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653. Fix: use 30 or 60, the nearest allowed values.',
            ],
            [
                "an alias ARN as kmsKeyArn",
                () =>
                    new EncryptedLogGroup("g", {
                        kmsKeyArn: "arn:aws:kms:us-east-1:111122223333:alias/logs",
                    }),
                'EncryptedLogGroup "g": kmsKeyArn is "arn:aws:kms:us-east-1:111122223333:alias/logs": this is an alias ARN, not a key ARN; CloudWatch Logs takes only a key ARN as kmsKeyId. Allowed: arn:<partition>:kms:<region>:<account>:key/<key-id>. Fix: resolve the alias with aws.kms.getAliasOutput({ name }).targetKeyArn and pass that.',
            ],
            [
                "an alias name as kmsKeyArn",
                () => new EncryptedLogGroup("g", { kmsKeyArn: "alias/logs" }),
                'EncryptedLogGroup "g": kmsKeyArn is "alias/logs": this is an alias name, not a key ARN; CloudWatch Logs takes only a key ARN as kmsKeyId. Allowed: arn:<partition>:kms:<region>:<account>:key/<key-id>. Fix: look the key up with aws.kms.getAliasOutput({ name }).targetKeyArn and pass that.',
            ],
            [
                "a bare key id as kmsKeyArn",
                () =>
                    new EncryptedLogGroup("g", {
                        kmsKeyArn: "1234abcd-12ab-34cd-56ef-1234567890ab",
                    }),
                'EncryptedLogGroup "g": kmsKeyArn is "1234abcd-12ab-34cd-56ef-1234567890ab": this is a bare key id, not a key ARN; CloudWatch Logs takes only a key ARN as kmsKeyId. Allowed: arn:<partition>:kms:<region>:<account>:key/<key-id>. Fix: pass the key\'s `arn` output instead of its `keyId` or `id`.',
            ],
            [
                "an S3 bucket ARN as kmsKeyArn",
                () => new EncryptedLogGroup("g", { kmsKeyArn: "arn:aws:s3:::my-bucket" }),
                "EncryptedLogGroup \"g\": kmsKeyArn is \"arn:aws:s3:::my-bucket\": not a KMS key ARN. Allowed: arn:<partition>:kms:<region>:<account>:key/<key-id>. Fix: pass the ARN of a KMS key (service 'kms', resource 'key/<id>').",
            ],
            [
                "an empty log group name",
                () => new EncryptedLogGroup("g", { logGroupName: "" }),
                "EncryptedLogGroup \"g\": logGroupName is \"\": a log group needs a non-empty name. Allowed: 1 to 512 characters from a-z, A-Z, 0-9, '_', '-', '/', '.', '#', not starting with 'aws/'. Fix: give a name such as '/app/orders', or omit it to use the resource name.",
            ],
            [
                "a 513-character log group name",
                () => new EncryptedLogGroup("g", { logGroupName: "a".repeat(513) }),
                "the name is 513 characters long, over CloudWatch Logs' limit",
            ],
            [
                "characters CloudWatch Logs rejects",
                () => new EncryptedLogGroup("g", { logGroupName: "app logs:prod" }),
                'logGroupName is "app logs:prod": CloudWatch Logs rejects the characters " ", ":"',
            ],
            [
                "a name in the reserved aws/ namespace",
                () => new EncryptedLogGroup("g", { logGroupName: "aws/lambda/x" }),
                "names starting with 'aws/' are reserved for AWS services",
            ],
            [
                // TypeScript refuses it at compile time; Python, Go or YAML programs can send it.
                "the DELIVERY log class",
                () => new EncryptedLogGroup("g", { logGroupClass: "DELIVERY" as LogGroupClass }),
                'logGroupClass is "DELIVERY": this log class does not keep events under a retention period with a customer-managed key (DELIVERY keeps them one day). Allowed: STANDARD, INFREQUENT_ACCESS.',
            ],
            [
                "viaServiceRoleArns together with kmsKeyArn",
                () =>
                    new EncryptedLogGroup("g", {
                        kmsKeyArn: OWN_KEY,
                        viaServiceRoleArns: ["arn:aws:iam::111122223333:role/r"],
                    }),
                'viaServiceRoleArns is ["arn:aws:iam::111122223333:role/r"]: these roles are added only to the key this component creates, but kmsKeyArn brings a key of your own',
            ],
        ];
        for (const [what, create, message] of cases) {
            it(`fails for ${what}`, async () => {
                await MockEngine.start();
                assert.throws(create, (e: Error) => {
                    assert.ok(e.message.includes(message), `message was: ${e.message}`);
                    return true;
                });
            });
        }
    });

    describe("refuses bad input known only at deployment", () => {
        const cases: [string, MockAccount, () => unknown, string][] = [
            [
                "a key ARN from another region",
                COMMERCIAL,
                () =>
                    new EncryptedLogGroup("g", {
                        kmsKeyArn: Promise.resolve(
                            "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
                        ),
                    }),
                "EncryptedLogGroup \"g\": kmsKeyArn is \"arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab\": the key is in region 'eu-west-1' but the log group is in region 'us-east-1'; the service can only use a key in its own region. Allowed: a key ARN in region 'us-east-1'. Fix: create a key in us-east-1 (e.g. a LogsKey with that region's provider) and pass its ARN.",
            ],
            [
                "a key ARN from another partition",
                CHINA,
                () =>
                    new EncryptedLogGroup("g", {
                        kmsKeyArn:
                            "arn:aws:kms:cn-north-1:444455556666:key/1234abcd-12ab-34cd-56ef-1234567890ab",
                    }),
                "the key is in partition 'aws' but the log group is in partition 'aws-cn'",
            ],
            [
                "an alias ARN that arrives as an Output",
                COMMERCIAL,
                () =>
                    new EncryptedLogGroup("g", {
                        kmsKeyArn: Promise.resolve("arn:aws:kms:us-east-1:111122223333:alias/x"),
                    }),
                'kmsKeyArn is "arn:aws:kms:us-east-1:111122223333:alias/x": this is an alias ARN, not a key ARN',
            ],
            [
                "a bad name that arrives as an Output",
                COMMERCIAL,
                () => new EncryptedLogGroup("g", { logGroupName: Promise.resolve("aws/reserved") }),
                "logGroupName is \"aws/reserved\": names starting with 'aws/' are reserved",
            ],
            [
                "a previous key from another region",
                COMMERCIAL,
                () =>
                    new EncryptedLogGroup("g", {
                        previousKmsKeyArns: [
                            "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
                        ],
                    }),
                "previousKmsKeyArns[0] is \"arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab\": the key is in region 'eu-west-1' but the log group is in region 'us-east-1'",
            ],
            [
                "the current key listed as a previous key",
                COMMERCIAL,
                () =>
                    new EncryptedLogGroup("g", {
                        kmsKeyArn: OWN_KEY,
                        previousKmsKeyArns: [Promise.resolve(OWN_KEY)],
                    }),
                `previousKmsKeyArns[0] is "${OWN_KEY}": this is the key the log group uses now; a decrypt-only policy on it would stop new log events from being encrypted`,
            ],
        ];
        for (const [what, account, create, message] of cases) {
            it(`fails for ${what}`, async () => {
                const engine = await MockEngine.start(account);
                create();
                const failure = await engine.firstFailure();
                assert.ok(failure.message.includes(message), `message was: ${failure.message}`);
            });
        }
    });

    it("refuses a previous key given as an alias at construction", async () => {
        await MockEngine.start();
        assert.throws(
            () => new EncryptedLogGroup("g", { previousKmsKeyArns: ["alias/old"] }),
            /previousKmsKeyArns\[0\] is "alias\/old": this is an alias name, not a key ARN/,
        );
    });
});
