/**
 * CloudTrail Lake event data stores: the key-policy builder's exact statements in aws, aws-cn and
 * aws-us-gov, its allow/deny matrix evaluated with an IAM evaluator, and EncryptedEventDataStore
 * under the recording mock engine (resources, inputs, options, dependencies, bad input).
 */
import * as assert from "node:assert/strict";
import {
    EVENT_DATA_STORE_DESCRIBE_ACTIONS,
    EVENT_DATA_STORE_SERVICE_ACTIONS,
    EVENT_DATA_STORE_UNSUPPORTED_CONDITION_KEYS,
    EVENT_DATA_STORE_USER_ACTIONS,
    EncryptedEventDataStore,
    cloudTrailKeyPolicy,
    eventDataStoreKeyPolicy,
} from "../components";
import { ConstructionError, itFailsAtConstruction } from "./support/construction";
import { KMS_ADMIN_IDENTITY_POLICY, decide, partitionsIn } from "./support/iam";
import {
    CHINA,
    COMMERCIAL,
    GOVCLOUD,
    MockAccount,
    MockEngine,
    isUnknownInput,
    valueOf,
} from "../testing/mockEngine";

const KEY = "aws:kms/key:Key";
const STORE = "aws:cloudtrail/eventDataStore:EventDataStore";
const CLOUDTRAIL = "cloudtrail.amazonaws.com";
const OTHER_ACCOUNT = "999988887777";
const OWN_KEY = "arn:aws:kms:us-east-1:111122223333:key/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";
const keyArn = (a: MockAccount) =>
    `arn:${a.partition}:kms:${a.region}:${a.accountId}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
const role = (a: MockAccount, name: string, account = a.accountId) =>
    `arn:${a.partition}:iam::${account}:role/${name}`;
const storeArn = (a: MockAccount, account = a.accountId) =>
    `arn:${a.partition}:cloudtrail:${a.region}:${account}:eventdatastore/EXAMPLE-f852-4e8f-8bd1-bcf6cEXAMPLE`;

describe("eventDataStoreKeyPolicy", () => {
    for (const account of [COMMERCIAL, CHINA, GOVCLOUD]) {
        it(`writes the CloudTrail Lake statements, without aws:SourceArn or aws:SourceAccount, in ${account.partition}`, () => {
            const analyst = role(account, "lake-analyst");
            const policy = eventDataStoreKeyPolicy({ ...account, queryPrincipalArns: [analyst] });
            assert.deepEqual(policy, {
                Version: "2012-10-17",
                Statement: [
                    {
                        Sid: "KeyAdministration",
                        Effect: "Allow",
                        Principal: {
                            AWS: `arn:${account.partition}:iam::${account.accountId}:root`,
                        },
                        Action: "kms:*",
                        Resource: "*",
                    },
                    {
                        Sid: "AllowCloudTrailEventDataStore",
                        Effect: "Allow",
                        Principal: { Service: CLOUDTRAIL },
                        Action: ["kms:GenerateDataKey", "kms:Decrypt"],
                        Resource: "*",
                    },
                    {
                        Sid: "AllowCloudTrailDescribeKey",
                        Effect: "Allow",
                        Principal: { Service: CLOUDTRAIL },
                        Action: "kms:DescribeKey",
                        Resource: "*",
                    },
                    {
                        Sid: "AllowEventDataStoreUsers",
                        Effect: "Allow",
                        Principal: { AWS: analyst },
                        Action: ["kms:Decrypt", "kms:GenerateDataKey"],
                        Resource: "*",
                    },
                ],
            });
            assert.deepEqual([...partitionsIn(policy)], [account.partition]);
            for (const key of EVENT_DATA_STORE_UNSUPPORTED_CONDITION_KEYS) {
                assert.ok(!JSON.stringify(policy).includes(key), `no ${key} condition`);
            }
        });
    }

    it("exports the actions the pack asks about, and the condition keys it must not demand", () => {
        assert.deepEqual(EVENT_DATA_STORE_SERVICE_ACTIONS, ["kms:GenerateDataKey", "kms:Decrypt"]);
        assert.deepEqual(EVENT_DATA_STORE_DESCRIBE_ACTIONS, ["kms:DescribeKey"]);
        assert.deepEqual(EVENT_DATA_STORE_USER_ACTIONS, ["kms:Decrypt", "kms:GenerateDataKey"]);
        assert.deepEqual(EVENT_DATA_STORE_UNSUPPORTED_CONDITION_KEYS, [
            "aws:SourceArn",
            "aws:SourceAccount",
        ]);
    });

    it("adds no user statement without users, and replaces the root with explicit admins", () => {
        const admin = role(COMMERCIAL, "key-admin");
        const policy = eventDataStoreKeyPolicy({ ...COMMERCIAL, adminArns: [admin] });
        assert.deepEqual(
            policy.Statement.map((s) => s.Sid),
            ["KeyAdministration", "AllowCloudTrailEventDataStore", "AllowCloudTrailDescribeKey"],
        );
        assert.deepEqual(policy.Statement[0].Principal, { AWS: admin });
    });

    const refusals: [string, () => unknown, RegExp][] = [
        [
            "a user that is not an IAM principal",
            () =>
                eventDataStoreKeyPolicy({ ...COMMERCIAL, queryPrincipalArns: ["arn:aws:s3:::b"] }),
            /queryPrincipalArns\[0\] is "arn:aws:s3:::b": not an IAM role, user or account-root ARN/,
        ],
        [
            "a user of another partition",
            () =>
                eventDataStoreKeyPolicy({
                    ...CHINA,
                    queryPrincipalArns: ["arn:aws:iam::444455556666:role/r"],
                }),
            /the principal is in partition 'aws' but the key is in partition 'aws-cn'/,
        ],
        [
            "users that are not a list",
            () =>
                eventDataStoreKeyPolicy({
                    ...COMMERCIAL,
                    queryPrincipalArns: "arn:aws:iam::111122223333:role/r" as unknown as string[],
                }),
            /queryPrincipalArns is "arn:aws:iam::111122223333:role\/r": expected a list/,
        ],
        [
            "no admins",
            () => eventDataStoreKeyPolicy({ ...COMMERCIAL, adminArns: [] }),
            /a key nobody can administer/,
        ],
    ];
    for (const [what, build, message] of refusals) {
        it(`refuses ${what}`, () => assert.throws(build, message));
    }

    for (const account of [COMMERCIAL, CHINA, GOVCLOUD]) {
        describe(`evaluated in ${account.partition}`, () => {
            const analyst = role(account, "lake-analyst");
            const policy = eventDataStoreKeyPolicy({ ...account, queryPrincipalArns: [analyst] });
            // What CloudTrail sends for an event data store: no encryption context is documented,
            // and the store's ARN as source, which the policy must not need.
            const asCloudTrail = {
                "aws:SourceArn": storeArn(account),
                "aws:SourceAccount": account.accountId,
            };
            const cases: [
                string,
                string,
                string,
                Record<string, string>,
                object | undefined,
                boolean,
            ][] = [
                [
                    "CloudTrail GenerateDataKey for the store",
                    CLOUDTRAIL,
                    "kms:GenerateDataKey",
                    asCloudTrail,
                    undefined,
                    true,
                ],
                [
                    "CloudTrail Decrypt for the store",
                    CLOUDTRAIL,
                    "kms:Decrypt",
                    asCloudTrail,
                    undefined,
                    true,
                ],
                ["CloudTrail DescribeKey", CLOUDTRAIL, "kms:DescribeKey", {}, undefined, true],
                [
                    "CloudTrail with no source at all (none is required)",
                    CLOUDTRAIL,
                    "kms:GenerateDataKey",
                    {},
                    undefined,
                    true,
                ],
                [
                    "CloudTrail Encrypt (not a Lake action)",
                    CLOUDTRAIL,
                    "kms:Encrypt",
                    asCloudTrail,
                    undefined,
                    false,
                ],
                [
                    "CloudTrail ReEncrypt",
                    CLOUDTRAIL,
                    "kms:ReEncryptFrom",
                    asCloudTrail,
                    undefined,
                    false,
                ],
                [
                    "CloudTrail GenerateDataKeyWithoutPlaintext",
                    CLOUDTRAIL,
                    "kms:GenerateDataKeyWithoutPlaintext",
                    asCloudTrail,
                    undefined,
                    false,
                ],
                [
                    "CloudTrail creating a grant",
                    CLOUDTRAIL,
                    "kms:CreateGrant",
                    asCloudTrail,
                    undefined,
                    false,
                ],
                [
                    "CloudTrail changing the key policy",
                    CLOUDTRAIL,
                    "kms:PutKeyPolicy",
                    asCloudTrail,
                    undefined,
                    false,
                ],
                [
                    "another service principal",
                    `logs.${account.region}.${account.dnsSuffix}`,
                    "kms:Decrypt",
                    {},
                    undefined,
                    false,
                ],
                ["the analyst decrypts (queries)", analyst, "kms:Decrypt", {}, undefined, true],
                [
                    "the analyst generates a data key (creates or updates the store)",
                    analyst,
                    "kms:GenerateDataKey",
                    {},
                    undefined,
                    true,
                ],
                ["the analyst encrypts directly", analyst, "kms:Encrypt", {}, undefined, false],
                [
                    "the analyst changes the key policy",
                    analyst,
                    "kms:PutKeyPolicy",
                    {},
                    undefined,
                    false,
                ],
                [
                    "the analyst schedules the key's deletion",
                    analyst,
                    "kms:ScheduleKeyDeletion",
                    {},
                    undefined,
                    false,
                ],
                [
                    "a role of the account that is not listed (no IAM policy)",
                    role(account, "app"),
                    "kms:Decrypt",
                    {},
                    undefined,
                    false,
                ],
                [
                    "the account's admin role (kms:* in IAM) through the root",
                    role(account, "admin"),
                    "kms:Decrypt",
                    {},
                    KMS_ADMIN_IDENTITY_POLICY,
                    true,
                ],
                [
                    "another account's role with kms:* in IAM",
                    role(account, "admin", OTHER_ACCOUNT),
                    "kms:Decrypt",
                    {},
                    KMS_ADMIN_IDENTITY_POLICY,
                    false,
                ],
                ["an anonymous caller", "anonymous", "kms:Decrypt", {}, undefined, false],
            ];
            it(`allows exactly the intended ${cases.filter((c) => c[5]).length} of ${cases.length} requests`, () => {
                for (const [name, principal, action, context, identityPolicy, allowed] of cases) {
                    const decision = decide(policy, keyArn(account), {
                        principal,
                        action,
                        context,
                        identityPolicy,
                    });
                    assert.equal(
                        decision === "Allowed",
                        allowed,
                        `${account.partition}: ${name}: expected ${allowed ? "Allowed" : "denied"}, got ${decision}`,
                    );
                }
            });

            it("a trail key (aws:SourceArn = a trail) refuses CloudTrail for the store: why CloudTrailKey does not serve event data stores", () => {
                const trailKey = cloudTrailKeyPolicy({ ...account, trailName: "audit" });
                for (const action of ["kms:GenerateDataKey", "kms:Decrypt"]) {
                    assert.notEqual(
                        decide(trailKey, keyArn(account), {
                            principal: CLOUDTRAIL,
                            action,
                            context: asCloudTrail,
                        }),
                        "Allowed",
                    );
                }
            });
        });
    }
});

describe("EncryptedEventDataStore", () => {
    it("creates the store after its key, with termination protection on and the store retained", async () => {
        const engine = await MockEngine.start();
        const store = new EncryptedEventDataStore("lake", { tags: { team: "security" } });
        await engine.settle();
        assert.deepEqual(engine.summary(), [
            "aws:cloudtrail/eventDataStore:EventDataStore::lake",
            "aws:kms/key:Key::lake-key",
            "encrypted-logs:index:EncryptedEventDataStore::lake",
        ]);
        const key = engine.get(KEY, "lake-key");
        assert.deepEqual(JSON.parse(key.inputs.policy), eventDataStoreKeyPolicy({ ...COMMERCIAL }));
        assert.deepEqual(
            { ...key.inputs, policy: undefined },
            {
                policy: undefined,
                description:
                    "CloudTrail Lake key for event data store lake (pulumi-aws-encrypted-logs)",
                customerMasterKeySpec: "SYMMETRIC_DEFAULT",
                keyUsage: "ENCRYPT_DECRYPT",
                multiRegion: false,
                enableKeyRotation: true,
                deletionWindowInDays: 30,
                tags: { team: "security" },
            },
        );
        assert.equal(key.retainOnDelete, true);
        const recorded = engine.get(STORE, "lake");
        const keyArnValue = await valueOf(store.key!.arn);
        assert.deepEqual(recorded.inputs, {
            name: "lake",
            kmsKeyId: keyArnValue,
            retentionPeriod: 366,
            billingMode: "EXTENDABLE_RETENTION_PRICING",
            terminationProtectionEnabled: true,
            multiRegionEnabled: true,
            organizationEnabled: false,
            tags: { team: "security" },
        });
        assert.ok(recorded.dependencies.includes(key.urn), "the store waits for its key");
        assert.deepEqual(recorded.propertyDependencies.kmsKeyId, [key.urn]);
        assert.equal(recorded.retainOnDelete, true, "the store is retained on destroy");
        assert.deepEqual(recorded.replaceOnChanges, ["kmsKeyId"]);
        const component = engine.get("encrypted-logs:index:EncryptedEventDataStore", "lake").urn;
        assert.equal(recorded.parent, component);
        assert.equal(key.parent, component);
        assert.match(
            await valueOf(store.arn),
            /^arn:aws:cloudtrail:us-east-1:111122223333:eventdatastore\//,
        );
        assert.equal(await valueOf(store.kmsKeyArn), keyArnValue);
    });

    it("passes name, retention, billing, selectors, organization and region through", async () => {
        const engine = await MockEngine.start();
        const advancedEventSelectors = [
            {
                name: "Management events",
                fieldSelectors: [{ field: "eventCategory", equals: ["Management"] }],
            },
        ];
        const analyst = "arn:aws:iam::111122223333:role/lake-analyst";
        new EncryptedEventDataStore("lake", {
            eventDataStoreName: "org-audit-lake",
            retentionPeriod: 2557,
            billingMode: "FIXED_RETENTION_PRICING",
            advancedEventSelectors,
            organizationEnabled: true,
            multiRegionEnabled: false,
            queryPrincipalArns: [analyst],
            region: "eu-west-1",
        });
        await engine.settle();
        const recorded = engine.get(STORE, "lake").inputs;
        assert.equal(recorded.name, "org-audit-lake");
        assert.equal(recorded.retentionPeriod, 2557);
        assert.equal(recorded.billingMode, "FIXED_RETENTION_PRICING");
        assert.deepEqual(recorded.advancedEventSelectors, advancedEventSelectors);
        assert.equal(recorded.organizationEnabled, true);
        assert.equal(recorded.multiRegionEnabled, false);
        assert.equal(recorded.region, "eu-west-1");
        const key = engine.get(KEY, "lake-key");
        assert.equal(key.inputs.region, "eu-west-1");
        assert.match(recorded.kmsKeyId, /^arn:aws:kms:eu-west-1:111122223333:key\//);
        assert.deepEqual(
            JSON.parse(key.inputs.policy),
            eventDataStoreKeyPolicy({
                ...COMMERCIAL,
                region: "eu-west-1",
                queryPrincipalArns: [analyst],
            }),
        );
    });

    it("builds the aws-cn key policy from the provider", async () => {
        const engine = await MockEngine.start(CHINA);
        new EncryptedEventDataStore("lake");
        await engine.settle();
        assert.deepEqual(
            JSON.parse(engine.get(KEY, "lake-key").inputs.policy),
            eventDataStoreKeyPolicy({ ...CHINA }),
        );
    });

    it("knows the key policy at preview, when the key ARN is unknown", async () => {
        const engine = await MockEngine.start(COMMERCIAL, { preview: true });
        new EncryptedEventDataStore("lake");
        await engine.settle();
        assert.deepEqual(
            JSON.parse(engine.get(KEY, "lake-key").inputs.policy),
            eventDataStoreKeyPolicy({ ...COMMERCIAL }),
        );
        assert.ok(isUnknownInput(engine.get(STORE, "lake").inputs.kmsKeyId));
    });

    it("uses a key of your own, checked, and creates none", async () => {
        const engine = await MockEngine.start();
        const store = new EncryptedEventDataStore("lake", { kmsKeyArn: OWN_KEY });
        await engine.settle();
        assert.deepEqual(engine.ofType(KEY), []);
        assert.equal(engine.get(STORE, "lake").inputs.kmsKeyId, OWN_KEY);
        assert.equal(store.key, undefined);
    });

    it("turns termination protection off by default when destroy may delete the store", async () => {
        const engine = await MockEngine.start();
        new EncryptedEventDataStore("lake", { retainOnDelete: false });
        await engine.settle();
        const recorded = engine.get(STORE, "lake");
        assert.equal(recorded.inputs.terminationProtectionEnabled, false);
        assert.equal(recorded.retainOnDelete, false);
    });

    it("accepts keyAdminArns with the caller, and refuses them without it before the key", async () => {
        const admin = "arn:aws:iam::111122223333:role/key-admin";
        let engine = await MockEngine.start(COMMERCIAL, {
            callerArn: "arn:aws:sts::111122223333:assumed-role/key-admin/ci",
        });
        new EncryptedEventDataStore("lake", { keyAdminArns: [admin] });
        await engine.settle();
        assert.deepEqual(
            JSON.parse(engine.get(KEY, "lake-key").inputs.policy),
            eventDataStoreKeyPolicy({ ...COMMERCIAL, adminArns: [admin] }),
        );

        engine = await MockEngine.start(COMMERCIAL, {
            callerArn: "arn:aws:sts::111122223333:assumed-role/deployer/ci",
        });
        new EncryptedEventDataStore("lake", { keyAdminArns: [admin] });
        const failure = await engine.firstFailure();
        assert.ok(
            failure.message.endsWith(
                'EncryptedEventDataStore "lake": keyAdminArns is ["arn:aws:iam::111122223333:role/key-admin"]: whoever runs pulumi up (arn:aws:sts::111122223333:assumed-role/deployer/ci) is not among them, so nothing in the key policy lets it kms:Decrypt, which CloudTrail requires of whoever creates an event data store encrypted with the key (and KMS refuses a key policy its creator could not change again). Allowed: admins that include the role or user running pulumi up, or the account root. Fix: add that role\'s or user\'s ARN to keyAdminArns, or omit keyAdminArns so the account root (and IAM) administers the key.',
            ),
            failure.message,
        );
        await new Promise((resolve) => setTimeout(resolve, 50));
        assert.deepEqual(engine.ofType(KEY), []);
        assert.deepEqual(engine.ofType(STORE), []);
    });

    it("fails at deployment for a key ARN of another region", async () => {
        const engine = await MockEngine.start();
        new EncryptedEventDataStore("lake", {
            kmsKeyArn: Promise.resolve(OWN_KEY.replace("us-east-1", "eu-west-1")),
        });
        const failure = await engine.firstFailure();
        assert.match(
            failure.message,
            /kmsKeyArn is "arn:aws:kms:eu-west-1:.*": the key is in region 'eu-west-1' but the event data store is in region 'us-east-1'/,
        );
    });

    const errors: ConstructionError[] = [
        [
            "query principals together with a key of your own",
            () =>
                new EncryptedEventDataStore("lake", {
                    kmsKeyArn: OWN_KEY,
                    queryPrincipalArns: ["arn:aws:iam::111122223333:role/r"],
                }),
            'EncryptedEventDataStore "lake": queryPrincipalArns is ["arn:aws:iam::111122223333:role/r"]: these principals are added only to the key this component creates, but kmsKeyArn brings a key of your own. Allowed: queryPrincipalArns without kmsKeyArn. Fix: grant them on your key (eventDataStoreKeyPolicy\'s queryPrincipalArns), or drop kmsKeyArn.',
        ],
        [
            "termination protection with retainOnDelete: false",
            () =>
                new EncryptedEventDataStore("lake", {
                    retainOnDelete: false,
                    terminationProtectionEnabled: true,
                }),
            "terminationProtectionEnabled is true: retainOnDelete: false asks pulumi destroy to delete the store, which termination protection refuses",
        ],
        [
            "a retention under seven days",
            () => new EncryptedEventDataStore("lake", { retentionPeriod: 6 }),
            "retentionPeriod is 6: out of range. Allowed: a whole number from 7 to 3653.",
        ],
        [
            "a fixed-price retention over 2557 days",
            () =>
                new EncryptedEventDataStore("lake", {
                    retentionPeriod: 3653,
                    billingMode: "FIXED_RETENTION_PRICING",
                }),
            "retentionPeriod is 3653: out of range. Allowed: a whole number from 7 to 2557. Fix: FIXED_RETENTION_PRICING keeps events at most 2557 days; use fewer days, or EXTENDABLE_RETENTION_PRICING for up to 3653.",
        ],
        [
            "an unknown billing mode",
            () => new EncryptedEventDataStore("lake", { billingMode: "ON_DEMAND" }),
            'billingMode is "ON_DEMAND": CloudTrail Lake has no such billing mode. Allowed: EXTENDABLE_RETENTION_PRICING, FIXED_RETENTION_PRICING.',
        ],
        [
            "a two-character name",
            () => new EncryptedEventDataStore("lake", { eventDataStoreName: "ab" }),
            "eventDataStoreName is \"ab\": the name is 2 characters long. Allowed: 3 to 128 characters from a-z, A-Z, 0-9, '.', '_', '-'.",
        ],
        [
            "a name with a space",
            () => new EncryptedEventDataStore("lake", { eventDataStoreName: "audit lake" }),
            'eventDataStoreName is "audit lake": CloudTrail rejects the character " "',
        ],
        [
            "a name that is not a string",
            () =>
                new EncryptedEventDataStore("lake", {
                    eventDataStoreName: 42 as unknown as string,
                }),
            "eventDataStoreName is 42: an event data store needs a name",
        ],
        [
            "an advanced selector without conditions",
            () =>
                new EncryptedEventDataStore("lake", {
                    advancedEventSelectors: [{ fieldSelectors: [] }],
                }),
            "advancedEventSelectors[0].fieldSelectors is []: an advanced event selector needs at least one field condition",
        ],
        [
            "an alias as the key",
            () => new EncryptedEventDataStore("lake", { kmsKeyArn: "alias/lake" }),
            `kmsKeyArn is "alias/lake": this is an alias name, not a key ARN; this component reads the key's region and account from its ARN (CloudTrail itself would also take an alias or a key id).`,
        ],
    ];
    itFailsAtConstruction(errors);
});
