/**
 * The "encrypted-logs" pack, started as the Pulumi CLI starts it and driven over gRPC as the
 * engine drives it in a preview (Remediate + Analyze per resource, then AnalyzeStack). Every
 * check has a passing fixture and a one-change failing fixture; messages are asserted exactly
 * where they are the contract.
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import {
    Diagnostic,
    StackResource,
    overGrpc,
    usePolicyPackResetPerTest,
    secret,
    unknown,
} from "../harness/policyHarness";
import { messageOf, verdicts } from "../harness/verdicts";
import { cloudTrailKeyPolicy, eventDataStoreKeyPolicy, logGroupKeyPolicy } from "../components";
import { CATALOGUE_CONFIGS, catalogueStacks } from "../harness/catalogue";
import {
    ACCOUNT,
    StackBuilder,
    adminOnlyPolicy,
    cloudTrailPolicy,
    detectorPolicy,
} from "../harness/stackFixtures";

/**
 * Every diagnostic of the catalogue stacks under each catalogue configuration, word for word, as
 * checked in: `tests/snapshots/policypack-diagnostics.txt`. `UPDATE_SNAPSHOTS=1 npm test` rewrites
 * it; review the diff like code, since these messages are what users read.
 */
const SNAPSHOT = path.resolve(
    __dirname,
    "..",
    "..",
    "tests",
    "snapshots",
    "policypack-diagnostics.txt",
);

/** The controls the key policies name, word for word (docs/controls.md quotes their sources). */
const CONTROLS =
    'CIS AWS Foundations Benchmark "Ensure CloudTrail logs are encrypted at rest using KMS CMKs" (3.5 in v3.0.0, 2.7 in v1.2.0), ' +
    "AWS Security Hub CloudTrail.2, AWS Config cloud-trail-encryption-enabled, cloudwatch-log-group-encrypted and " +
    "event-data-store-cmk-encryption-enabled, NIST SP 800-53 SC-28 and AU-9";
const USABLE = "log-encryption-key-usable";
const REQUIRED = "log-encryption-key-required";
const UNVERIFIED = "log-encryption-unverified";
const USABLE_DESCRIPTION =
    "The KMS key of a log group, anomaly detector or trail must be usable by the service: in a form the service accepts (a key ARN; " +
    "for a trail also an alias or key id), symmetric, in the resource's region (a trail's: its bucket's), single-Region (for a trail " +
    "only if configured), with a key policy that lets the service use it only under an encryption-context condition and grants " +
    "nothing to everyone, and rotating. " +
    `Serves: ${CONTROLS}; stricter than each (they ask for a key, this for a key the service can use: docs/controls.md).`;

/** The event data store messages, word for word (docs/errors.md has their rows). */
const BARE_MESSAGE =
    '[key-required] event data store "bare" (aws:cloudtrail/eventDataStore:EventDataStore) has no kmsKeyId: ' +
    "CloudTrail Lake would encrypt its events with a KMS key that AWS owns and manages, which you cannot control, audit or revoke. " +
    "Fix: set kmsKeyId to the ARN of a symmetric KMS key in us-east-1 whose key policy lets cloudtrail.amazonaws.com use it for event data stores, " +
    "with no aws:SourceArn or aws:SourceAccount condition (e.g. EncryptedEventDataStore creates one); once set, the store's key cannot be removed or changed.";
const TRAIL_KEY_MESSAGE =
    '[key-policy] event data store "trail-keyed" (aws:cloudtrail/eventDataStore:EventDataStore) is encrypted with KMS key "trail-keyed-key" (aws:kms/key:Key), ' +
    "but its key policy does not allow cloudtrail.amazonaws.com kms:GenerateDataKey, kms:Decrypt: the service cannot use the key. " +
    "Fix: add the statements the AWS documentation gives for event data stores, without aws:SourceArn or aws:SourceAccount conditions, which KMS key policies for event data stores do not support " +
    "(an EncryptedEventDataStore creates such a key; eventDataStoreKeyPolicy writes the statements).";
const FAR_MESSAGE =
    '[region] event data store "far" (aws:cloudtrail/eventDataStore:EventDataStore) is in us-east-1 (from its provider "default_7_48_0") ' +
    'but KMS key "far-key" (aws:kms/key:Key) is in eu-west-1 (from its provider "eu"): the service can only use a key in its own region. ' +
    "Fix: create the key in us-east-1 (give it the same provider or region input) and use that key's ARN.";

describe("policy pack: through the analyzer protocol", function () {
    this.timeout(60_000);
    const running = usePolicyPackResetPerTest();

    describe("start-up and protocol", () => {
        it("prints only its port, logs nothing to the engine, and writes nothing to stderr", function () {
            const pack = overGrpc(this, running());
            assert.match(pack.portLine, /^\d+$/);
            assert.equal(pack.stdoutAfterPort, "");
            assert.equal(pack.stderr, "");
            assert.deepEqual(pack.engineLogs, []);
        });

        it("declares its policies with their enforcement levels and configuration defaults", async () => {
            const info = await running().info();
            assert.equal(info.getName(), "encrypted-logs");
            assert.equal(info.getVersion(), "0.1.0");
            const policies = info.getPoliciesList().map((p) => ({
                name: p.getName(),
                level: p.getEnforcementlevel(),
                config: p.getConfigschema()?.getProperties()?.toJavaScript(),
            }));
            assert.deepEqual(
                policies.map((p) => [p.name, p.level]),
                [
                    [REQUIRED, 1],
                    ["log-group-settings", 1],
                    [USABLE, 1],
                    ["log-destinations-encrypted", 1],
                    [UNVERIFIED, 0],
                ],
            );
            const usable = policies.find((p) => p.name === USABLE)!.config as Record<
                string,
                { default?: unknown }
            >;
            assert.equal(usable.allowMultiRegionKeys.default, false);
            assert.equal(usable.requireKeyRotation.default, true);
            assert.deepEqual(usable.exemptResourceNames.default, []);
            assert.deepEqual(usable.exemptUrnPatterns.default, []);
            assert.deepEqual(usable.exemptions.default, []);
            assert.equal(usable.exemptionTags.default, true);
        });
    });

    describe(`${REQUIRED} (Analyze, every resource, preview included)`, () => {
        it("passes a log group whose new key's ARN is unknown at preview, without a \"can't run\" advisory", async () => {
            const s = new StackBuilder();
            const key = s.key("orders-key");
            const group = s.logGroup("orders", { key });
            assert.ok(
                group.inputs.kmsKeyId instanceof Object,
                "kmsKeyId is unknown in this fixture",
            );
            const ds = await running().analyze(group, s.resources);
            assert.deepEqual(ds, []);
        });

        it("fails a log group with no kmsKeyId, naming the resource, the missing value and the fix", async () => {
            const s = new StackBuilder();
            s.logGroup("plain", {});
            const result = await running().preview(s.resources);
            assert.deepEqual(verdicts(result), [`${REQUIRED}/plain [key-required]`]);
            const d = result.all[0];
            assert.equal(d.enforcementLevel, "mandatory");
            assert.equal(
                d.message,
                "Log groups, log anomaly detectors, CloudTrail trails and CloudTrail Lake event data stores must be encrypted with a customer-managed KMS key (kmsKeyId set). " +
                    `Serves: ${CONTROLS}.\n` +
                    '[key-required] log group "plain" (aws:cloudwatch/logGroup:LogGroup) has no kmsKeyId: CloudWatch Logs then encrypts its log data with its own ' +
                    "default server-side encryption (AES-GCM under keys AWS owns), which you cannot control, audit or revoke. Fix: set kmsKeyId to the ARN of a symmetric KMS key in us-east-1 whose key policy lets " +
                    "logs.us-east-1.amazonaws.com use it (e.g. EncryptedLogGroup / EncryptedAnomalyDetector create one).",
            );
            assert.ok(
                d.message.includes(
                    "encrypts its log data with its own default server-side encryption (AES-GCM under keys AWS owns)",
                ),
            );
        });

        it("fails every kind of resource without a key and passes it with one", async () => {
            const s = new StackBuilder();
            const key = s.key("k", { existing: true });
            const arn = s.arnOf(key) as string;
            const bucket = s.bucket("logs");
            for (const [withKey, suffix] of [
                [false, "none"],
                [true, "keyed"],
            ] as const) {
                const opts = withKey ? { key: arn } : {};
                s.logGroup(`group-${suffix}`, opts);
                s.nativeLogGroup(`native-group-${suffix}`, opts);
                s.detector(`detector-${suffix}`, opts);
                s.trail(`trail-${suffix}`, bucket, opts);
                s.add({
                    ...s.trail(`native-trail-${suffix}`, bucket, opts),
                    type: "aws-native:cloudtrail:Trail",
                });
            }
            const ds: Diagnostic[] = [];
            for (const r of s.resources) {
                ds.push(
                    ...(await running().analyze(r, s.resources)).map((d) => ({ ...d, urn: r.urn })),
                );
            }
            assert.deepEqual(verdicts(ds), [
                `${REQUIRED}/detector-none [key-required]`,
                `${REQUIRED}/group-none [key-required]`,
                `${REQUIRED}/native-group-none [key-required]`,
                `${REQUIRED}/native-trail-none [key-required]`,
                `${REQUIRED}/native-trail-none [key-required]`,
                `${REQUIRED}/trail-none [key-required]`,
            ]);
            // Each names the principal of its own service.
            const principalOf = (name: string) =>
                /lets (\S+) use it/.exec(ds.find((d) => d.urn.endsWith(`::${name}`))!.message)?.[1];
            assert.equal(principalOf("native-group-none"), "logs.us-east-1.amazonaws.com");
            assert.equal(principalOf("detector-none"), "logs.us-east-1.amazonaws.com");
            assert.equal(principalOf("trail-none"), "cloudtrail.amazonaws.com");
        });

        it("fails an empty kmsKeyId and accepts a secret one", async () => {
            const s = new StackBuilder();
            const empty = s.logGroup("empty", { key: "" });
            const hidden = s.logGroup("hidden", {
                extra: {
                    kmsKeyId: secret(
                        "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
                    ),
                },
            });
            assert.equal((await running().analyze(empty, s.resources)).length, 1);
            assert.deepEqual(await running().analyze(hidden, s.resources), []);
        });

        it("exempts by resource name and URN pattern, and reports at the configured level", async () => {
            const s = new StackBuilder();
            const legacy = s.logGroup("legacy", {});
            const other = s.logGroup("other", {});
            await running().configure({
                [REQUIRED]: {
                    enforcementLevel: "advisory",
                    exemptResourceNames: ["legacy"],
                    exemptUrnPatterns: [],
                },
            });
            assert.deepEqual(await running().analyze(legacy, s.resources), []);
            const ds = await running().analyze(other, s.resources);
            assert.deepEqual(
                ds.map((d) => d.enforcementLevel),
                ["advisory"],
            );
            await running().configure({
                [REQUIRED]: { enforcementLevel: "mandatory", exemptUrnPatterns: ["*::other"] },
            });
            assert.deepEqual(await running().analyze(other, s.resources), []);
            assert.equal((await running().analyze(legacy, s.resources)).length, 1);
            await running().configure({ [REQUIRED]: { enforcementLevel: "disabled" } });
            assert.deepEqual(await running().analyze(legacy, s.resources), []);
        });
    });

    describe(`${USABLE} and ${UNVERIFIED} (AnalyzeStack)`, () => {
        it("passes a log group and its new key (first preview: ARN unknown, property dependency to the key)", async () => {
            const s = new StackBuilder();
            s.logGroup("orders", { key: s.key("orders-key") });
            assert.deepEqual(verdicts(await running().preview(s.resources)), []);
        });

        it("passes the same stack after deploy (ARN known, matched to the key in the stack)", async () => {
            const s = new StackBuilder();
            const key = s.key("orders-key", { existing: true });
            s.logGroup("orders", { key, propertyDependency: false, dependency: false });
            assert.deepEqual(verdicts(await running().preview(s.resources)), []);
        });

        it("fails a key ARN unknown at preview that resolves to an asymmetric key, on the log group's URN, naming the key", async () => {
            const s = new StackBuilder();
            const group = s.logGroup("orders", {
                key: s.key("orders-key", { spec: "RSA_2048", usage: "ENCRYPT_DECRYPT" }),
            });
            const result = await running().preview(s.resources);
            assert.deepEqual(verdicts(result), [`${USABLE}/orders [symmetric]`]);
            assert.equal(result.stack[0].urn, group.urn);
            assert.equal(
                result.stack[0].message,
                `${USABLE_DESCRIPTION}\n` +
                    '[symmetric] log group "orders" (aws:cloudwatch/logGroup:LogGroup) is encrypted with KMS key "orders-key" (aws:kms/key:Key), ' +
                    'whose key spec is "RSA_2048" and key usage "ENCRYPT_DECRYPT": CloudWatch Logs and CloudTrail only use symmetric encryption keys. ' +
                    'Fix: use a key with key spec "SYMMETRIC_DEFAULT" and key usage "ENCRYPT_DECRYPT" (the defaults; a LogsKey is one).',
            );
        });

        it("fails HMAC and SIGN_VERIFY keys, and cannot verify a key spec unknown at preview", async () => {
            const s = new StackBuilder();
            s.logGroup("hmac", {
                key: s.key("hmac-key", { spec: "HMAC_256", usage: "GENERATE_VERIFY_MAC" }),
            });
            s.logGroup("sign", {
                key: s.key("sign-key", { spec: "ECC_NIST_P256", usage: "SIGN_VERIFY" }),
            });
            s.logGroup("later", { key: s.key("later-key", { spec: unknown() }) });
            assert.deepEqual(verdicts(await running().preview(s.resources)), [
                `${USABLE}/hmac [symmetric]`,
                `${USABLE}/sign [symmetric]`,
                `${UNVERIFIED}/later [cannot verify yet]`,
            ]);
        });

        it("fails a key ARN that is an alias name, an alias ARN or a bare key id", async () => {
            const s = new StackBuilder();
            s.logGroup("alias-name", { key: "alias/logs" });
            s.logGroup("alias-arn", { key: "arn:aws:kms:us-east-1:111122223333:alias/logs" });
            s.logGroup("key-id", { key: "1234abcd-12ab-34cd-56ef-1234567890ab" });
            s.logGroup("good-arn", {
                key: "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
            });
            const result = await running().preview(s.resources);
            assert.deepEqual(verdicts(result), [
                `${USABLE}/alias-arn [key-arn]`,
                `${USABLE}/alias-name [key-arn]`,
                `${USABLE}/key-id [key-arn]`,
                `${UNVERIFIED}/good-arn [cannot verify yet]`,
            ]);
            assert.equal(
                messageOf(result, USABLE, "key-id"),
                '[key-arn] log group "key-id" (aws:cloudwatch/logGroup:LogGroup): kmsKeyId is "1234abcd-12ab-34cd-56ef-1234567890ab": ' +
                    "this is a bare key id, not a key ARN; CloudWatch Logs takes only a key ARN as kmsKeyId. " +
                    "Allowed: arn:<partition>:kms:<region>:<account>:key/<key-id>. Fix: pass the key's `arn` output instead of its `keyId` or `id`.",
            );
            assert.equal(
                messageOf(result, UNVERIFIED, "good-arn"),
                '[cannot verify yet] log group "good-arn" (aws:cloudwatch/logGroup:LogGroup) uses KMS key ' +
                    "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab, which is not managed in this stack: " +
                    "its key spec, key policy and rotation cannot be checked here (its ARN, region and multi-Region id were). " +
                    "If another Pulumi stack owns the key, publish its facts there (`export const logsKey = key.facts;` for a LogsKey or CloudTrailKey, " +
                    '`export const logsKey = keyFacts(key);` for any aws.kms.Key) and read them here with a PublishedKey (`new PublishedKey("platform-key", { stackName, outputName: "logsKey" })`, its `arn` as the key): the pack then judges the key here. ' +
                    "Else verify that key where it is defined, or exempt this resource in this policy's configuration.",
            );
        });

        it("fails a key created through a provider in another region, and passes one in the group's region", async () => {
            const s = new StackBuilder();
            const eu = s.provider("eu", "eu-west-1");
            s.logGroup("wrong", {
                key: s.key("wrong-key", { provider: eu, policyFor: ["/app/wrong"] }),
            });
            s.logGroup("right", { key: s.key("right-key", { provider: eu }), provider: eu });
            s.logGroup("input", {
                key: s.key("input-key", { region: "eu-west-1" }),
                region: "eu-west-1",
            });
            const result = await running().preview(s.resources);
            // The key's policy names logs.eu-west-1, so the group's principal is refused too.
            assert.deepEqual(verdicts(result), [
                `${USABLE}/wrong [key-policy]`,
                `${USABLE}/wrong [region]`,
            ]);
            assert.equal(
                messageOf(result, USABLE, "wrong", "region"),
                '[region] log group "wrong" (aws:cloudwatch/logGroup:LogGroup) is in us-east-1 (from its provider "default_7_48_0") ' +
                    'but KMS key "wrong-key" (aws:kms/key:Key) is in eu-west-1 (from its provider "eu"): the service can only use a key in its own region. ' +
                    "Fix: create the key in us-east-1 (give it the same provider or region input) and use that key's ARN.",
            );
        });

        it("fails a known key ARN from another region and cannot verify a region unknown at preview", async () => {
            const s = new StackBuilder();
            s.logGroup("far", {
                key: "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
            });
            const p = s.provider("computed", unknown());
            s.logGroup("computed", { key: s.key("computed-key", { provider: p }), provider: p });
            assert.deepEqual(verdicts(await running().preview(s.resources)), [
                `${USABLE}/far [region]`,
                `${UNVERIFIED}/computed [cannot verify yet]`,
                `${UNVERIFIED}/far [cannot verify yet]`,
            ]);
        });

        it("fails multi-Region keys unless the configuration allows them", async () => {
            const s = new StackBuilder();
            s.logGroup("mrk", { key: s.key("mrk-key", { multiRegion: true }) });
            s.logGroup("mrk-arn", {
                key: "arn:aws:kms:us-east-1:111122223333:key/mrk-1234abcd12ab34cd56ef1234567890ab",
            });
            s.logGroup("replica", {
                key: s.key("replica-key", {
                    type: "aws:kms/replicaKey:ReplicaKey",
                    rotation: null,
                }),
            });
            s.logGroup("single", { key: s.key("single-key", { multiRegion: false }) });
            const result = await running().preview(s.resources);
            assert.match(
                messageOf(result, USABLE, "mrk"),
                /is encrypted with KMS key "mrk-key" \(aws:kms\/key:Key\), a multi-Region key \(multiRegion: true\): log encryption keys must be region-scoped\. Fix: use a single-Region key/,
            );
            assert.deepEqual(verdicts(result), [
                `${USABLE}/mrk [multi-region]`,
                `${USABLE}/mrk-arn [multi-region]`,
                `${USABLE}/replica [multi-region]`,
                `${UNVERIFIED}/mrk-arn [cannot verify yet]`,
            ]);
            await running().configure({
                [USABLE]: { enforcementLevel: "mandatory", allowMultiRegionKeys: true },
            });
            assert.deepEqual(verdicts(await running().analyzeStack(s.resources)), [
                `${UNVERIFIED}/mrk-arn [cannot verify yet]`,
            ]);
        });

        it("fails a key policy for another region's logs principal, an absent policy and an unreadable one", async () => {
            const s = new StackBuilder();
            s.logGroup("other-region", {
                key: s.key("other-region-key", {
                    policy: JSON.parse(
                        JSON.stringify(detectorPolicy("us-east-1")).replace(
                            /us-east-1/g,
                            "us-west-2",
                        ),
                    ),
                }),
            });
            s.logGroup("no-policy", { key: s.key("no-policy-key", { policy: null }) });
            s.logGroup("garbled", { key: s.key("garbled-key", { policy: "{not json" }) });
            s.logGroup("later", { key: s.key("later-key", { policy: unknown() }) });
            s.logGroup("fine", { key: s.key("fine-key") });
            const result = await running().preview(s.resources);
            assert.deepEqual(verdicts(result), [
                `${USABLE}/garbled [key-policy]`,
                `${USABLE}/no-policy [key-policy]`,
                `${USABLE}/other-region [key-policy]`,
                `${UNVERIFIED}/later [cannot verify yet]`,
            ]);
            assert.equal(
                messageOf(result, USABLE, "no-policy"),
                '[key-policy] log group "no-policy" (aws:cloudwatch/logGroup:LogGroup) is encrypted with KMS key "no-policy-key" (aws:kms/key:Key), ' +
                    "which has no key policy: KMS then applies the default policy, which gives logs.us-east-1.amazonaws.com no access. " +
                    "Fix: give the key a policy that lets logs.us-east-1.amazonaws.com use it for this log group (e.g. a LogsKey, or the statements logGroupKeyPolicy writes).",
            );
            assert.equal(
                messageOf(result, UNVERIFIED, "later"),
                '[cannot verify yet] log group "later" (aws:cloudwatch/logGroup:LogGroup) uses KMS key "later-key" (found through the property dependency of kmsKeyId); ' +
                    'not verified: key policy, because its key policy of KMS key "later-key" (aws:kms/key:Key) is unknown at preview.',
            );
            assert.match(
                messageOf(result, USABLE, "garbled"),
                /is encrypted with KMS key "garbled-key" \(aws:kms\/key:Key\), but its key policy cannot be read: .+\. Fix: write the key policy as a JSON policy document\./,
            );
            assert.match(
                messageOf(result, USABLE, "other-region"),
                /does not allow logs\.us-east-1\.amazonaws\.com .*: the service cannot use the key\. Fix: add the statements/,
            );
        });

        it("cannot verify a group-scoped key policy while the group's name is unknown, but fails one the service can never use", async () => {
            const s = new StackBuilder();
            // The name is computed (unknown at preview); the key is deployed, so the account is known.
            s.logGroup("unnamed", {
                key: s.key("scoped-key", { existing: true, policyFor: ["/app/somewhere"] }),
                extra: { name: unknown() },
            });
            s.logGroup("unnamed-west", {
                key: s.key("west-key", {
                    existing: true,
                    policy: JSON.parse(
                        JSON.stringify(
                            logGroupKeyPolicy({
                                partition: "aws",
                                dnsSuffix: "amazonaws.com",
                                region: "us-west-2",
                                accountId: ACCOUNT,
                                logGroupNames: ["/app/somewhere"],
                            }),
                        ),
                    ),
                }),
                extra: { name: unknown() },
            });
            // The same for a trail whose key names one trail in aws:SourceArn.
            s.trail("unnamed-trail", s.bucket("audit"), {
                key: s.key("one-trail-key", {
                    existing: true,
                    policy: cloudTrailKeyPolicy({
                        partition: "aws",
                        dnsSuffix: "amazonaws.com",
                        region: "us-east-1",
                        accountId: ACCOUNT,
                        trailName: "audit",
                    }),
                }),
                extra: { name: unknown() },
            });
            const result = await running().preview(s.resources);
            assert.deepEqual(verdicts(result), [
                `${USABLE}/unnamed-west [key-policy]`,
                `${UNVERIFIED}/unnamed [cannot verify yet]`,
                `${UNVERIFIED}/unnamed-trail [cannot verify yet]`,
            ]);
            assert.match(
                messageOf(result, UNVERIFIED, "unnamed"),
                /grants logs\.us-east-1\.amazonaws\.com access only for some log groups, and the name of log group "unnamed" .* is unknown at preview/,
            );
        });

        it("fails a logs grant without an encryption-context condition, and one for another log group only", async () => {
            const s = new StackBuilder();
            const unscoped = {
                Version: "2012-10-17",
                Statement: [
                    ...adminOnlyPolicy().Statement,
                    {
                        Sid: "Logs",
                        Effect: "Allow",
                        Principal: { Service: "logs.us-east-1.amazonaws.com" },
                        Action: "kms:*",
                        Resource: "*",
                    },
                ],
            };
            s.logGroup("unscoped", { key: s.key("unscoped-key", { policy: unscoped }) });
            s.logGroup("elsewhere", {
                key: s.key("elsewhere-key", { policyFor: ["/app/somewhere-else"] }),
            });
            const anyAccount = JSON.parse(JSON.stringify(unscoped));
            anyAccount.Statement[1].Condition = {
                ArnLike: { "kms:EncryptionContext:aws:logs:arn": "arn:aws:logs:us-east-1:*:*" },
            };
            s.logGroup("any-account", { key: s.key("any-account-key", { policy: anyAccount }) });
            const result = await running().preview(s.resources);
            assert.deepEqual(verdicts(result), [
                `${USABLE}/any-account [key-policy]`,
                `${USABLE}/elsewhere [key-policy]`,
                `${USABLE}/unscoped [key-policy]`,
            ]);
            assert.match(
                messageOf(result, USABLE, "any-account"),
                /allows logs\.us-east-1\.amazonaws\.com kms:Encrypt, kms:GenerateDataKey for another account's resources\. Fix: add a condition on kms:EncryptionContext:aws:logs:arn/,
            );
            assert.match(
                messageOf(result, USABLE, "unscoped"),
                /allows logs\.us-east-1\.amazonaws\.com kms:Encrypt, kms:GenerateDataKey without an encryption-context condition/,
            );
            assert.match(
                messageOf(result, USABLE, "elsewhere"),
                /does not allow logs\.us-east-1\.amazonaws\.com kms:Encrypt.* with kms:EncryptionContext:aws:logs:arn naming this log group/,
            );
        });

        it("fails a key policy that grants kms:Decrypt to everyone, and passes one restricted by a condition", async () => {
            const s = new StackBuilder();
            const base = (name: string) =>
                logGroupKeyPolicy({
                    partition: "aws",
                    dnsSuffix: "amazonaws.com",
                    region: "us-east-1",
                    accountId: ACCOUNT,
                    logGroupNames: [`/app/${name}`],
                });
            const open = base("tmp");
            open.Statement.push({
                Sid: "Open",
                Effect: "Allow",
                Principal: "*",
                Action: "kms:Decrypt",
                Resource: "*",
            });
            const scoped = base("scoped");
            scoped.Statement.push({
                Sid: "Account",
                Effect: "Allow",
                Principal: { AWS: "*" },
                Action: "kms:Decrypt",
                Resource: "*",
                Condition: { StringEquals: { "kms:CallerAccount": ACCOUNT } },
            });
            s.logGroup("tmp", { key: s.key("open-key", { policy: open }) });
            s.logGroup("scoped", { key: s.key("scoped-key", { policy: scoped }) });
            const result = await running().preview(s.resources);
            assert.deepEqual(verdicts(result), [`${USABLE}/tmp [public-grant]`]);
            assert.equal(
                messageOf(result, USABLE, "tmp"),
                '[public-grant] log group "tmp" (aws:cloudwatch/logGroup:LogGroup) is encrypted with KMS key "open-key" (aws:kms/key:Key), ' +
                    'but its key policy grants kms:Decrypt to any principal ("*") without a condition. ' +
                    "Fix: name the principals, or add a condition such as kms:CallerAccount or aws:PrincipalOrgID.",
            );
        });

        it("requires rotation on symmetric keys that can rotate, and only on those", async () => {
            const s = new StackBuilder();
            s.logGroup("static", { key: s.key("static-key", { rotation: false }) });
            s.logGroup("unset", { key: s.key("unset-key", { rotation: null }) });
            s.logGroup("imported", {
                key: s.key("imported-key", {
                    type: "aws:kms/externalKey:ExternalKey",
                    rotation: null,
                }),
            });
            s.logGroup("hsm", {
                key: s.key("hsm-key", {
                    rotation: null,
                    extra: { customKeyStoreId: "cks-1234567890abcdef0" },
                }),
            });
            s.logGroup("rotating", { key: s.key("rotating-key") });
            const result = await running().preview(s.resources);
            assert.deepEqual(verdicts(result), [
                `${USABLE}/static [rotation]`,
                `${USABLE}/unset [rotation]`,
            ]);
            assert.equal(
                messageOf(result, USABLE, "unset"),
                '[rotation] log group "unset" (aws:cloudwatch/logGroup:LogGroup) is encrypted with KMS key "unset-key" (aws:kms/key:Key), whose enableKeyRotation is not set (false): ' +
                    "symmetric customer keys used for logs must rotate. Fix: set enableKeyRotation: true (a LogsKey does), or set requireKeyRotation: false in this policy's configuration.",
            );
            await running().configure({
                [USABLE]: { enforcementLevel: "mandatory", requireKeyRotation: false },
            });
            assert.deepEqual(verdicts(await running().analyzeStack(s.resources)), []);
        });

        it("checks anomaly detectors against the anomaly-detector statements", async () => {
            const s = new StackBuilder();
            s.detector("watched", {
                key: s.key("watched-key", { policy: detectorPolicy("us-east-1") }),
            });
            s.detector("groups-only", { key: s.key("groups-only-key") });
            assert.deepEqual(verdicts(await running().preview(s.resources)), [
                `${USABLE}/groups-only [key-policy]`,
            ]);
        });

        it("checks trails: CloudTrail statements, and the key in the bucket's region", async () => {
            const s = new StackBuilder();
            const eu = s.provider("eu", "eu-west-1");
            const bucket = s.bucket("audit");
            const euBucket = s.bucket("eu-audit", { provider: eu });
            s.trail("audit", bucket, { key: s.key("audit-key", { policy: cloudTrailPolicy() }) });
            s.trail("eu-bucket", euBucket, {
                key: s.key("eu-bucket-key", { policy: cloudTrailPolicy() }),
            });
            s.trail("logs-policy", bucket, { key: s.key("logs-policy-key") });
            s.trail("byo-bucket", "central-audit-bucket", {
                key: s.key("byo-bucket-key", { policy: cloudTrailPolicy() }),
            });
            const result = await running().preview(s.resources);
            assert.deepEqual(verdicts(result), [
                `${USABLE}/eu-bucket [region]`,
                `${USABLE}/logs-policy [key-policy]`,
                `${UNVERIFIED}/byo-bucket [cannot verify yet]`,
            ]);
            assert.match(
                messageOf(result, USABLE, "eu-bucket"),
                /is in eu-west-1 \(from its S3 bucket "eu-audit", its provider "eu"\) but KMS key "eu-bucket-key" \(aws:kms\/key:Key\) is in us-east-1/,
            );
            assert.match(
                messageOf(result, USABLE, "logs-policy"),
                /does not allow cloudtrail\.amazonaws\.com kms:GenerateDataKey, kms:DescribeKey/,
            );
        });

        describe("CloudTrail Lake event data stores", () => {
            const where = {
                partition: "aws",
                region: "us-east-1",
                accountId: ACCOUNT,
                dnsSuffix: "amazonaws.com",
            };
            const storePolicy = (region = "us-east-1") =>
                eventDataStoreKeyPolicy({ ...where, region });

            it("passes an EncryptedEventDataStore-shaped stack, aws and aws-native, its new key unknown at preview", async () => {
                const s = new StackBuilder();
                const key = s.key("lake-key", { policy: storePolicy() });
                const store = s.eventDataStore("lake", { key });
                s.eventDataStore("native-lake", {
                    native: true,
                    key: s.key("native-lake-key", {
                        type: "aws-native:kms:Key",
                        policy: storePolicy(),
                    }),
                });
                assert.ok(store.inputs.kmsKeyId instanceof Object, "kmsKeyId is unknown here");
                assert.deepEqual(store.propertyDependencies, { kmsKeyId: [key.urn] });
                assert.deepEqual(verdicts(await running().preview(s.resources)), []);
            });

            it("fails a store without kmsKeyId, saying CloudTrail Lake would use a key AWS owns", async () => {
                const s = new StackBuilder();
                s.eventDataStore("bare");
                s.eventDataStore("native-bare", { native: true });
                const result = await running().preview(s.resources);
                assert.deepEqual(verdicts(result), [
                    `${REQUIRED}/bare [key-required]`,
                    `${REQUIRED}/native-bare [key-required]`,
                ]);
                assert.equal(messageOf(result, REQUIRED, "bare"), BARE_MESSAGE);
            });

            it("fails a trail's key (aws:SourceArn, encryption context), which CloudTrail cannot use for a store", async () => {
                const s = new StackBuilder();
                s.eventDataStore("trail-keyed", {
                    key: s.key("trail-keyed-key", {
                        policy: cloudTrailKeyPolicy({ ...where, trailName: "audit" }),
                    }),
                });
                s.eventDataStore("seed-keyed", {
                    key: s.key("seed-keyed-key", { policy: cloudTrailPolicy() }),
                });
                s.eventDataStore("logs-keyed", { key: s.key("logs-keyed-key") });
                const result = await running().preview(s.resources);
                assert.deepEqual(verdicts(result), [
                    `${USABLE}/logs-keyed [key-policy]`,
                    `${USABLE}/seed-keyed [key-policy]`,
                    `${USABLE}/trail-keyed [key-policy]`,
                ]);
                assert.equal(messageOf(result, USABLE, "trail-keyed"), TRAIL_KEY_MESSAGE);
            });

            it("fails a store key policy open to everyone, and none for lacking an encryption context", async () => {
                const s = new StackBuilder();
                const open = storePolicy() as { Statement: object[] };
                s.eventDataStore("open", {
                    key: s.key("open-key", {
                        policy: {
                            ...open,
                            Statement: [
                                ...open.Statement,
                                {
                                    Sid: "Everyone",
                                    Effect: "Allow",
                                    Principal: "*",
                                    Action: "kms:Decrypt",
                                    Resource: "*",
                                },
                            ],
                        },
                    }),
                });
                assert.deepEqual(verdicts(await running().preview(s.resources)), [
                    `${USABLE}/open [public-grant]`,
                ]);
            });

            it("fails an RSA key and a key in another region, and follows a key unknown at preview to the stack key", async () => {
                const s = new StackBuilder();
                const eu = s.provider("eu", "eu-west-1");
                s.eventDataStore("rsa", {
                    key: s.key("rsa-key", { policy: storePolicy(), spec: "RSA_2048" }),
                });
                s.eventDataStore("far", {
                    key: s.key("far-key", { policy: storePolicy("eu-west-1"), provider: eu }),
                });
                s.eventDataStore("eu-store", {
                    provider: eu,
                    key: s.key("eu-store-key", { policy: storePolicy("eu-west-1"), provider: eu }),
                });
                const result = await running().preview(s.resources);
                assert.deepEqual(verdicts(result), [
                    `${USABLE}/far [region]`,
                    `${USABLE}/rsa [symmetric]`,
                ]);
                assert.match(
                    messageOf(result, USABLE, "rsa"),
                    /^\[symmetric\] event data store "rsa" \(aws:cloudtrail\/eventDataStore:EventDataStore\) .*KMS key "rsa-key"/,
                );
                assert.equal(messageOf(result, USABLE, "far"), FAR_MESSAGE);
            });
        });

        it("checks aws-native log groups and keys (keySpec, keyPolicy as an object)", async () => {
            const s = new StackBuilder();
            s.nativeLogGroup("native", {
                key: s.key("native-key", { type: "aws-native:kms:Key" }),
            });
            s.nativeLogGroup("native-rsa", {
                key: s.key("native-rsa-key", { type: "aws-native:kms:Key", spec: "RSA_4096" }),
            });
            assert.deepEqual(verdicts(await running().preview(s.resources)), [
                `${USABLE}/native-rsa [symmetric]`,
            ]);
        });

        it("reads each target type's own name and bucket properties, and each key type's policy property", async () => {
            const s = new StackBuilder();
            const eu = s.provider("eu", "eu-west-1");
            const bucket = s.bucket("audit");
            const euBucket = s.bucket("eu-audit", { provider: eu });
            const trailKey = (name: string) =>
                s.key(`${name}-key`, {
                    existing: true,
                    policy: cloudTrailKeyPolicy({
                        partition: "aws",
                        dnsSuffix: "amazonaws.com",
                        region: "us-east-1",
                        accountId: ACCOUNT,
                        trailName: name,
                    }),
                });
            /** An aws-native trail: `trailName`, not `name`. */
            const nativeTrail = (name: string, b: typeof bucket) => {
                const t = s.trail(name, b, { key: trailKey(name) });
                s.resources.splice(s.resources.indexOf(t), 1);
                const { name: _aws, ...inputs } = t.inputs;
                void _aws;
                const native = { ...inputs, trailName: name };
                return s.add({
                    ...t,
                    urn: s.urn("aws-native:cloudtrail:Trail", name),
                    type: "aws-native:cloudtrail:Trail",
                    inputs: native,
                    outputs: { ...native, arn: unknown(), id: unknown() },
                });
            };
            // Keys scoped to the resource's own name: known names pass; read from the wrong
            // property the name would be unknown and the policy could not be judged.
            s.nativeLogGroup("native-named", { key: s.key("native-named-key") });
            s.trail("named-trail", bucket, { key: trailKey("named-trail") });
            nativeTrail("native-named-trail", bucket);
            // The bucket of an aws-native trail is read from s3BucketName: this one is in eu-west-1.
            nativeTrail("native-eu-trail", euBucket);
            // An external key's policy is read from `policy`.
            s.logGroup("external", {
                key: s.key("external-key", {
                    type: "aws:kms/externalKey:ExternalKey",
                    rotation: null,
                }),
            });
            // Buckets found by name alone (no dependency), in eu-west-1, for each bucket type.
            const euBucketOf = (type: string, prop: string, name: string) =>
                s.add({
                    urn: s.urn(type, name),
                    type,
                    name,
                    inputs: { [prop]: name },
                    parent: s.stackUrn,
                    provider: eu,
                });
            euBucketOf("aws:s3/bucketV2:BucketV2", "bucket", "v2-bucket");
            euBucketOf("aws-native:s3:Bucket", "bucketName", "native-bucket");
            for (const [trail, bucketName] of [
                ["by-name-trail", "eu-audit-bucket"],
                ["v2-trail", "v2-bucket"],
                ["native-bucket-trail", "native-bucket"],
            ]) {
                s.trail(trail, bucketName, { key: trailKey(trail) });
            }
            // The key spec under its newer name (keySpec), and rotation on an aws-native key.
            s.logGroup("key-spec", {
                key: s.key("key-spec-key", { extra: { keySpec: "RSA_2048" } }),
            });
            s.nativeLogGroup("native-static", {
                key: s.key("native-static-key", { type: "aws-native:kms:Key", rotation: false }),
            });
            const result = await running().preview(s.resources);
            assert.deepEqual(verdicts(result), [
                `${USABLE}/by-name-trail [region]`,
                `${USABLE}/key-spec [symmetric]`,
                `${USABLE}/native-bucket-trail [region]`,
                `${USABLE}/native-eu-trail [region]`,
                `${USABLE}/native-static [rotation]`,
                `${USABLE}/v2-trail [region]`,
            ]);
            assert.match(
                messageOf(result, USABLE, "native-eu-trail"),
                /trail "native-eu-trail" \(aws-native:cloudtrail:Trail\) is in eu-west-1 \(from its S3 bucket "eu-audit", its provider "eu"\) but KMS key "native-eu-trail-key" \(aws:kms\/key:Key\) is in us-east-1/,
            );
        });

        it("matches deployed KeyPolicies and aliases to their key by bare key id, and aliases by name", async () => {
            const s = new StackBuilder();
            const adminOnly = adminOnlyPolicy();
            const deployed = (name: string, extra: Record<string, unknown> = {}) =>
                s.key(name, { existing: true, policy: adminOnly, extra });
            const bareId = (key: StackResource) => (key.outputs as Record<string, string>).keyId;
            // A KeyPolicy whose keyId is the key's bare id (what aws.kms.KeyPolicy usually gets)
            // replaces the key's admin-only policy with one that lets CloudWatch Logs in.
            const byId = deployed("by-id-key");
            const policy = JSON.stringify(
                logGroupKeyPolicy({
                    partition: "aws",
                    dnsSuffix: "amazonaws.com",
                    region: "us-east-1",
                    accountId: ACCOUNT,
                    logGroupNames: ["/app/by-id"],
                }),
            );
            s.add({
                urn: s.urn("aws:kms/keyPolicy:KeyPolicy", "by-id-policy"),
                type: "aws:kms/keyPolicy:KeyPolicy",
                name: "by-id-policy",
                inputs: { keyId: bareId(byId), policy },
                parent: s.stackUrn,
                provider: s.defaultProvider,
            });
            s.logGroup("by-id", {
                key: s.arnOf(byId),
                propertyDependency: false,
                dependency: false,
            });
            // An alias naming an RSA key by its bare id: the group on the alias's target is judged.
            const rsa = s.key("rsa-key", {
                existing: true,
                spec: "RSA_2048",
                policyFor: ["/app/via-alias-name"],
            });
            const alias = s.add({
                urn: s.urn("aws:kms/alias:Alias", "rsa-alias"),
                type: "aws:kms/alias:Alias",
                name: "rsa-alias",
                inputs: { name: "alias/rsa", targetKeyId: bareId(rsa) },
                parent: s.stackUrn,
                provider: s.defaultProvider,
            });
            s.logGroup("via-alias-name", { key: unknown(), keyDependsOn: [alias.urn] });
            const result = await running().preview(s.resources);
            // kmsKeyId, unknown, may be the alias's ARN or its key's: CloudWatch Logs takes only the latter.
            assert.deepEqual(verdicts(result), [
                `${USABLE}/via-alias-name [symmetric]`,
                `${UNVERIFIED}/via-alias-name [cannot verify yet]`,
            ]);
        });

        it("follows an alias, a stand-alone KeyPolicy, plain dependencies and a same-named key", async () => {
            const s = new StackBuilder();
            const aliased = s.key("aliased-key", {
                spec: "RSA_2048",
                policyFor: ["/app/via-alias"],
            });
            const alias = s.alias("aliased", aliased);
            s.logGroup("via-alias", { key: unknown(), keyDependsOn: [alias.urn] });
            // A stand-alone KeyPolicy replaces the key's own policy. When its keyId is unknown (the
            // preview that creates the key) it may target the key, so a disagreement is undecided.
            const donor = (group: string) =>
                JSON.parse(
                    s.key(`donor-${group}`, { policyFor: [`/app/${group}`] }).inputs
                        .policy as string,
                );
            const bare = s.key("bare-key", { policy: null });
            s.keyPolicy("bare-key-policy", bare, donor("via-key-policy"));
            s.logGroup("via-key-policy", { key: bare });
            const deployed = s.key("deployed-key", { policy: null, existing: true });
            s.keyPolicy("deployed-key-policy", deployed, donor("via-deployed-key-policy"));
            s.logGroup("via-deployed-key-policy", { key: deployed });
            const replaced = s.key("replaced-key", {
                existing: true,
                policyFor: ["/app/replaced"],
            });
            s.keyPolicy("replaced-key-policy", replaced, donor("somebody-else"));
            s.logGroup("replaced", { key: replaced });
            s.logGroup("via-deps", {
                key: s.key("via-deps-key", { rotation: false }),
                propertyDependency: false,
            });
            s.key("by-name-key", { multiRegion: true });
            s.logGroup("by-name", { key: unknown() });
            const result = await running().preview(s.resources);
            assert.deepEqual(verdicts(result), [
                `${USABLE}/by-name [multi-region]`,
                `${USABLE}/replaced [key-policy]`,
                `${USABLE}/via-alias [symmetric]`,
                `${USABLE}/via-deps [rotation]`,
                `${UNVERIFIED}/via-alias [cannot verify yet]`,
                `${UNVERIFIED}/via-key-policy [cannot verify yet]`,
            ]);
            assert.match(messageOf(result, USABLE, "via-alias"), /KMS key "aliased-key"/);
            assert.match(
                messageOf(result, USABLE, "replaced"),
                /but the KMS key policy "replaced-key-policy" \(aws:kms\/keyPolicy:KeyPolicy\) does not allow/,
            );
            assert.match(
                messageOf(result, UNVERIFIED, "via-key-policy"),
                /the KMS key policy "bare-key-policy" \(aws:kms\/keyPolicy:KeyPolicy\) may replace the policy of KMS key "bare-key"/,
            );
        });

        it("says it cannot verify yet when the key comes from a stack reference or several keys", async () => {
            const s = new StackBuilder();
            const ref = s.stackReference("security/keys/prod");
            s.logGroup("shared", { key: unknown(), keyDependsOn: [ref.urn] });
            s.logGroup("ambiguous", {
                key: unknown(),
                keyDependsOn: [s.key("a-key").urn, s.key("b-key").urn],
            });
            const result = await running().preview(s.resources);
            assert.deepEqual(verdicts(result), [
                `${UNVERIFIED}/ambiguous [cannot verify yet]`,
                `${UNVERIFIED}/shared [cannot verify yet]`,
            ]);
            assert.equal(
                result.all.every((d) => d.enforcementLevel === "advisory"),
                true,
            );
            assert.equal(
                messageOf(result, UNVERIFIED, "shared"),
                '[cannot verify yet] log group "shared" (aws:cloudwatch/logGroup:LogGroup): kmsKeyId is unknown at preview and comes from ' +
                    'pulumi:pulumi:StackReference "security/keys/prod", which is not a KMS key in this stack, so none of the key checks could run. ' +
                    "They run once the key reference is known (e.g. the next preview after deploying), or pass the ARN of a key defined in this stack.",
            );
        });

        it("exempts resources and follows the configured enforcement level", async () => {
            const s = new StackBuilder();
            s.logGroup("legacy", { key: s.key("legacy-key", { rotation: false }) });
            await running().configure({
                [USABLE]: {
                    enforcementLevel: "advisory",
                    exemptResourceNames: [],
                    exemptUrnPatterns: [],
                },
            });
            const ds = await running().analyzeStack(s.resources);
            assert.deepEqual(
                ds.map((d) => [d.policyName, d.enforcementLevel]),
                [[USABLE, "advisory"]],
            );
            await running().configure({
                [USABLE]: { enforcementLevel: "mandatory", exemptResourceNames: ["legacy"] },
            });
            // Still exempt, and no longer silently: the advisory says the old list gives no reason.
            assert.deepEqual(
                (await running().analyzeStack(s.resources)).map((d) => [
                    d.policyName,
                    d.enforcementLevel,
                    d.message.split("\n")[1],
                ]),
                [
                    [
                        "log-encryption-unverified",
                        "advisory",
                        `[exempted] log group "legacy" (aws:cloudwatch/logGroup:LogGroup) is exempted from log-encryption-key-usable: no reason given ` +
                            "(no expiry; exemptResourceNames of log-encryption-key-usable's configuration, which records no reason: " +
                            "move it to exemptions with a reason and, if it should end, expires).",
                    ],
                ],
            );
            await running().configure({ [USABLE]: { enforcementLevel: "disabled" } });
            assert.deepEqual(await running().analyzeStack(s.resources), []);
        });

        it("never throws or skips on odd input (wrong types, secrets, missing providers, junk policies)", async () => {
            const s = new StackBuilder();
            s.logGroup("number", { key: 42 });
            s.logGroup("object", { key: { arn: "x" } });
            s.logGroup("secret-known", {
                key: s.key("secret-key", { existing: true, policyFor: ["/app/secret-known"] }),
            });
            (s.resources[s.resources.length - 1].inputs as Record<string, unknown>).kmsKeyId =
                secret(s.resources[s.resources.length - 1].inputs.kmsKeyId);
            s.logGroup("weird-key", {
                key: s.key("weird-key", {
                    policy: 42 as unknown as object,
                    spec: 7 as unknown as string,
                    region: undefined,
                    extra: { multiRegion: "maybe", enableKeyRotation: [] },
                }),
            });
            s.add({
                urn: "urn:pulumi:dev::app::aws:cloudwatch/logGroup:LogGroup::orphan",
                type: "aws:cloudwatch/logGroup:LogGroup",
                name: "orphan",
                inputs: { kmsKeyId: unknown() },
                propertyDependencies: {
                    kmsKeyId: ["urn:pulumi:dev::app::aws:kms/key:Key::missing"],
                },
            });
            const result = await running().preview(s.resources);
            assert.equal(
                result.all.some((d) => /can't run/.test(d.message)),
                false,
            );
            assert.deepEqual(verdicts(result), [
                `${USABLE}/number [key-arn]`,
                `${USABLE}/object [key-arn]`,
                `${USABLE}/weird-key [key-policy]`,
                `${USABLE}/weird-key [symmetric]`,
                `${UNVERIFIED}/orphan [cannot verify yet]`,
            ]);
        });
    });
    describe("every diagnostic, word for word", () => {
        it("declares its policies and gives the catalogue stacks exactly what tests/snapshots/policypack-diagnostics.txt says", async () => {
            // The policies as GetAnalyzerInfo declares them: descriptions and configuration schemas.
            const info = (await running().info()).getPoliciesList().map((p) => ({
                name: p.getName(),
                description: p.getDescription(),
                enforcementLevel: p.getEnforcementlevel(),
                configSchema: p.getConfigschema()?.getProperties()?.toJavaScript(),
            }));
            const out: string[] = ["## GetAnalyzerInfo", "", JSON.stringify(info, null, 2), ""];
            for (const [stackName, stack] of Object.entries(catalogueStacks())) {
                for (const [configName, config] of Object.entries(CATALOGUE_CONFIGS)) {
                    await running().configure(config);
                    const result = await running().preview(stack);
                    out.push(`## ${stackName}, configuration: ${configName}`, "");
                    for (const d of result.all) {
                        assert.equal(d.policyPackName, "encrypted-logs");
                        out.push(
                            `- ${d.enforcementLevel} ${d.policyName} ${d.urn.split("::").pop()}`,
                            ...d.message.split("\n").map((line) => `    ${line}`),
                        );
                    }
                    out.push("");
                }
            }
            const text = out.join("\n");
            if (process.env.UPDATE_SNAPSHOTS === "1") {
                fs.mkdirSync(path.dirname(SNAPSHOT), { recursive: true });
                fs.writeFileSync(SNAPSHOT, text);
            }
            const expected = fs.readFileSync(SNAPSHOT, "utf8").split("\n");
            const actual = text.split("\n");
            // Line by line, so a failure shows the first line that differs, not a 2,000-line diff.
            for (let i = 0; i < Math.max(expected.length, actual.length); i++) {
                assert.equal(actual[i], expected[i], `line ${i + 1} of ${SNAPSHOT}`);
            }
        });
    });
});
