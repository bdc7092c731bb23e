/**
 * The facts records the rules read (`policypack/lib/facts/facts.ts`, `keyFacts.ts`, `bucketKey.ts`,
 * `logGroup.ts`), field by field: a target's own name, ARN, region, partition, the region its key
 * must be in and the account; its key's description, region, multi-Region-ness, spec, usage,
 * rotation, policy and owner, by how the key was found; a trail's bucket key. Each fact with the
 * case that gives another value, so a fact read wrong (or not at all) shows here rather than only
 * through a rule's message.
 */
import * as assert from "node:assert/strict";
import { describeTarget, targetFacts } from "../policypack/lib/facts/facts";
import { keyOf } from "../policypack/lib/facts/keyFacts";
import { logGroupFactsOf } from "../policypack/lib/facts/logGroup";
import { defaultedProperties, recordKeyInputs } from "../policypack/lib/stack/createInputs";
import { StackIndex, StackResourceLike } from "../policypack/lib/stack/stackIndex";
import { TARGET_TYPES } from "../policypack/lib/stack/targets";
import { UNKNOWN } from "../policypack/lib/stack/wire";
import { stackResources } from "../harness/inProcessPack";
import { StackResource, unknown } from "../harness/policyHarness";
import { ACCOUNT, StackBuilder, publishedLogsKeyFacts } from "../harness/stackFixtures";
import { factsOf, stackIndexOf } from "./rules/keyTarget";

const PROVIDER = { region: "us-east-1", source: 'its provider "default_7_48_0"' };

/** An existing key (its ARN known) whose outputs say `arn`. */
function keyWithArn(s: StackBuilder, name: string, arn: string): StackResource {
    const key = s.key(name, { existing: true });
    (key.outputs as Record<string, unknown>).arn = arn;
    return key;
}

describe("facts: what the rules read about a target and its key", () => {
    describe("the target", () => {
        it("names a target by its kind, and anything else by its type", () => {
            assert.equal(
                describeTarget({ type: "aws:cloudwatch/logGroup:LogGroup", name: "app" }),
                'log group "app" (aws:cloudwatch/logGroup:LogGroup)',
            );
            assert.equal(
                describeTarget({ type: "aws:s3/bucket:Bucket", name: "b" }),
                'aws:s3/bucket:Bucket "b" (aws:s3/bucket:Bucket)',
            );
        });

        it("reads its name and ARN when strings or unknown, and nothing else", () => {
            const s = new StackBuilder();
            const known = factsOf(
                s,
                s.logGroup("app", {
                    extra: { arn: `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:/app/app` },
                }),
            );
            assert.equal(known.name, "/app/app");
            assert.equal(known.subject, 'log group "app" (aws:cloudwatch/logGroup:LogGroup)');
            const s2 = new StackBuilder();
            const g = s2.logGroup("odd", { extra: { name: 42 } });
            (g.outputs as Record<string, unknown>).arn = 7;
            const odd = factsOf(s2, g);
            assert.equal(odd.name, undefined);
            assert.equal(odd.arn, undefined);
            const s3 = new StackBuilder();
            const pending = factsOf(s3, s3.logGroup("later", { extra: { name: unknown() } }));
            assert.equal(pending.name, UNKNOWN);
            assert.equal(pending.arn, UNKNOWN);
        });

        it("takes the account from a 12-digit account in its ARN, else from its key's ARN", () => {
            const account = (arn: string) => {
                const s = new StackBuilder();
                const g = s.logGroup("app", {
                    key: keyWithArn(s, "k", "arn:aws:kms:us-east-1:444455556666:key/abc"),
                });
                (g.outputs as Record<string, unknown>).arn = arn;
                return factsOf(s, g).account;
            };
            assert.equal(account(`arn:aws:logs:us-east-1:${ACCOUNT}:log-group:/a`), ACCOUNT);
            // Not 12 digits: the key's account, never the ARN's.
            assert.equal(
                account("arn:aws:logs:us-east-1:1111222233334:log-group:/a"),
                "444455556666",
            );
            assert.equal(
                account("arn:aws:logs:us-east-1:x11122223333:log-group:/a"),
                "444455556666",
            );
            assert.equal(
                account("arn:aws:logs:us-east-1:11112222333x:log-group:/a"),
                "444455556666",
            );
            assert.equal(account("arn:aws:logs"), "444455556666");
        });

        it("has a partition only when its region is known", () => {
            const s = new StackBuilder();
            const known = factsOf(s, s.logGroup("app", {}));
            assert.deepEqual(known.region, PROVIDER);
            assert.deepEqual(known.partition, { partition: "aws", dnsSuffix: "amazonaws.com" });
            assert.deepEqual(known.requiredRegion, { region: PROVIDER });
            assert.equal(known.bucketKey, undefined);
            const s2 = new StackBuilder();
            const later = factsOf(
                s2,
                s2.logGroup("app", { provider: s2.provider("p", unknown()) }),
            );
            assert.equal(later.region, UNKNOWN);
            assert.equal(later.partition, undefined);
            assert.deepEqual(later.requiredRegion, { region: UNKNOWN });
            const s3 = new StackBuilder();
            const none = factsOf(s3, s3.logGroup("app", { provider: s3.provider("p") }));
            assert.equal(none.region, undefined);
            assert.equal(none.partition, undefined);
            const s4 = new StackBuilder("cn-north-1");
            assert.deepEqual(factsOf(s4, s4.logGroup("app", {})).partition, {
                partition: "aws-cn",
                dnsSuffix: "amazonaws.com.cn",
            });
        });
    });

    describe("the region a trail's key must be in", () => {
        it("is its bucket's, known, unknown at preview or not set", () => {
            const required = (bucket: (s: StackBuilder) => StackResource) => {
                const s = new StackBuilder();
                return factsOf(s, s.trail("audit", bucket(s), {})).requiredRegion;
            };
            assert.deepEqual(
                required((s) => s.bucket("b", { region: "eu-west-1" })),
                { region: { region: "eu-west-1", source: 'its S3 bucket "b", its region input' } },
            );
            assert.deepEqual(
                required((s) => s.bucket("b")),
                {
                    region: {
                        region: "us-east-1",
                        source: 'its S3 bucket "b", its provider "default_7_48_0"',
                    },
                },
            );
            assert.deepEqual(
                required((s) => s.bucket("b", { provider: s.provider("p", unknown()) })),
                { region: UNKNOWN },
            );
            assert.deepEqual(
                required((s) => s.bucket("b", { provider: s.provider("p") })),
                { region: undefined },
            );
        });

        it("cannot be verified when its bucket is not in the stack, named or unknown", () => {
            const s = new StackBuilder();
            assert.deepEqual(factsOf(s, s.trail("audit", "other-bucket", {})).requiredRegion, {
                region: undefined,
                unverifiable:
                    'its S3 bucket "other-bucket" is not in this stack, and CloudTrail needs the key in the bucket\'s region',
            });
            const s2 = new StackBuilder();
            const t = s2.trail("audit", "x", {});
            (t.inputs as Record<string, unknown>).s3BucketName = unknown();
            (t.outputs as Record<string, unknown>).s3BucketName = unknown();
            assert.deepEqual(factsOf(s2, t).requiredRegion, {
                region: undefined,
                unverifiable:
                    "its S3 bucket (unknown at preview) is not in this stack, and CloudTrail needs the key in the bucket's region",
            });
        });
    });

    describe("a key of the stack", () => {
        it("is described with its region, multi-Region-ness, settings and owner", () => {
            const s = new StackBuilder();
            const f = factsOf(
                s,
                s.logGroup("app", { key: s.key("app-key", { policy: { P: 1 } }) }),
            );
            assert.equal(f.resolution.kind, "stack-key");
            assert.equal(f.keyArn, undefined);
            assert.equal(f.account, undefined);
            assert.deepEqual(f.key, {
                description: 'KMS key "app-key" (aws:kms/key:Key)',
                region: PROVIDER,
                multiRegion: false,
                multiRegionReason: "multiRegion: true",
                settings: {
                    arn: undefined,
                    spec: "SYMMETRIC_DEFAULT",
                    usage: "ENCRYPT_DECRYPT",
                    rotation: { kind: "known", enabled: true },
                    policy: { value: '{"P":1}', source: "its key policy", unknown: false },
                    possiblePolicies: [],
                    replica: false,
                },
                owner: { type: "pulumi:pulumi:Stack", name: "app-dev" },
            });
        });

        it("is multi-Region by its input, its mrk- key id or its type, each with its reason", () => {
            const multi = (build: (s: StackBuilder) => StackResource) => {
                const s = new StackBuilder();
                const key = factsOf(s, s.logGroup("app", { key: build(s) })).key;
                return [key?.multiRegion, key?.multiRegionReason];
            };
            assert.deepEqual(
                multi((s) => s.key("k", { multiRegion: true })),
                [true, "multiRegion: true"],
            );
            assert.deepEqual(
                multi((s) => s.key("k", { multiRegion: "true" as unknown as boolean })),
                [true, "multiRegion: true"],
            );
            assert.deepEqual(
                multi((s) => s.key("k", { multiRegion: unknown() })),
                [UNKNOWN, "multiRegion: true"],
            );
            assert.deepEqual(
                multi((s) => s.key("k", { existing: true, multiRegion: true })),
                [true, "its key id starts with mrk-"],
            );
            assert.deepEqual(
                multi((s) => keyWithArn(s, "k", `arn:aws:kms:us-east-1:${ACCOUNT}:key/mrk-1`)),
                [true, "its key id starts with mrk-"],
            );
            assert.deepEqual(
                multi((s) => keyWithArn(s, "k", `arn:aws:kms:us-east-1:${ACCOUNT}:alias/mrk-1`)),
                [false, "multiRegion: true"],
            );
            assert.deepEqual(
                multi((s) => s.key("k", { type: "aws:kms/replicaKey:ReplicaKey" })),
                [true, "aws:kms/replicaKey:ReplicaKey is a replica of a multi-Region key"],
            );
        });

        it("is in the region of its known ARN, else where its inputs put it", () => {
            const region = (build: (s: StackBuilder) => StackResource) => {
                const s = new StackBuilder();
                const f = factsOf(s, s.logGroup("app", { key: build(s) }));
                return [f.key?.region, f.key?.settings?.arn];
            };
            const arn = `arn:aws:kms:eu-west-1:${ACCOUNT}:key/abc`;
            assert.deepEqual(
                region((s) => keyWithArn(s, "k", arn)),
                [{ region: "eu-west-1", source: "its ARN" }, arn],
            );
            // No region in the ARN, or no ARN at all: the provider's.
            const global = `arn:aws:kms::${ACCOUNT}:key/abc`;
            assert.deepEqual(
                region((s) => keyWithArn(s, "k", global)),
                [PROVIDER, global],
            );
            assert.deepEqual(
                region((s) => keyWithArn(s, "k", "not-an-arn")),
                [PROVIDER, "not-an-arn"],
            );
            assert.deepEqual(
                region((s) => s.key("k", { region: "eu-west-1" })),
                [{ region: "eu-west-1", source: "its region input" }, undefined],
            );
        });

        it("has the spec and usage it is given (its first spec property set), else the defaults", () => {
            const spec = (opts: Parameters<StackBuilder["key"]>[1]) => {
                const s = new StackBuilder();
                const settings = factsOf(s, s.logGroup("app", { key: s.key("k", opts) })).key
                    ?.settings;
                return [settings?.spec, settings?.usage, settings?.rotation];
            };
            assert.deepEqual(spec({}), [
                "SYMMETRIC_DEFAULT",
                "ENCRYPT_DECRYPT",
                { kind: "known", enabled: true },
            ]);
            assert.deepEqual(spec({ spec: "RSA_2048", usage: "SIGN_VERIFY" }), [
                "RSA_2048",
                "SIGN_VERIFY",
                { kind: "cannot-rotate" },
            ]);
            // AWS's keySpec is read after customerMasterKeySpec.
            assert.deepEqual(spec({ extra: { keySpec: "HMAC_256" } }), [
                "HMAC_256",
                "ENCRYPT_DECRYPT",
                { kind: "cannot-rotate" },
            ]);
            assert.deepEqual(spec({ spec: unknown(), usage: unknown() }), [
                UNKNOWN,
                UNKNOWN,
                { kind: "cannot-rotate" },
            ]);
            // Not a string: shown as its JSON.
            assert.deepEqual(spec({ extra: { customerMasterKeySpec: 3, keyUsage: ["x"] } }), [
                "3",
                '["x"]',
                { kind: "cannot-rotate" },
            ]);
        });

        it("rotates as enableKeyRotation says, unless kept in a custom key store or imported", () => {
            const rotation = (opts: Parameters<StackBuilder["key"]>[1]) => {
                const s = new StackBuilder();
                return factsOf(s, s.logGroup("app", { key: s.key("k", opts) })).key?.settings
                    ?.rotation;
            };
            assert.deepEqual(rotation({ rotation: false }), { kind: "known", enabled: false });
            assert.deepEqual(rotation({ rotation: null }), { kind: "known", enabled: undefined });
            assert.deepEqual(rotation({ rotation: unknown() }), { kind: "unknown" });
            const cannot = { kind: "cannot-rotate" };
            assert.deepEqual(rotation({ extra: { customKeyStoreId: "cks-1" } }), cannot);
            assert.deepEqual(rotation({ extra: { xksKeyId: "xks-1" } }), cannot);
            assert.deepEqual(rotation({ extra: { origin: "EXTERNAL" } }), cannot);
            // Empty or the default: as if absent.
            const on = { kind: "known", enabled: true };
            assert.deepEqual(rotation({ extra: { customKeyStoreId: "", xksKeyId: "" } }), on);
            assert.deepEqual(rotation({ extra: { origin: "AWS_KMS" } }), on);
            // Unknown at preview: the key store or origin may make it unable to rotate.
            assert.deepEqual(rotation({ extra: { customKeyStoreId: unknown() } }), {
                kind: "unknown",
            });
            assert.deepEqual(rotation({ extra: { origin: unknown() } }), { kind: "unknown" });
            assert.deepEqual(rotation({ extra: { xksKeyId: unknown() } }), on);
            assert.deepEqual(rotation({ type: "aws:kms/externalKey:ExternalKey" }), cannot);
        });

        it("reads an unknown output whose input was left out as absent (AWS's default), and only then", () => {
            const s = new StackBuilder();
            const key = s.key("k", { rotation: null });
            const outputs = key.outputs as Record<string, unknown>;
            outputs.enableKeyRotation = unknown();
            outputs.origin = unknown();
            outputs.keyUsage = unknown();
            const group = s.logGroup("app", { key });
            assert.deepEqual(factsOf(s, group).key?.settings?.rotation, { kind: "unknown" });
            recordKeyInputs(
                key.urn,
                defaultedProperties(key.type, () => undefined),
                key.inputs,
            );
            const settings = factsOf(s, group).key?.settings;
            assert.deepEqual(settings?.rotation, { kind: "known", enabled: undefined });
            assert.equal(settings?.usage, "ENCRYPT_DECRYPT");
        });

        it("takes its policy from a KeyPolicy that names it, and lists those that may", () => {
            const s = new StackBuilder();
            const key = s.key("k", { existing: true });
            s.keyPolicy("kp", key, { Stand: "alone" });
            const f = factsOf(s, s.logGroup("app", { key }));
            assert.deepEqual(f.key?.settings?.policy, {
                value: '{"Stand":"alone"}',
                source: 'the KMS key policy "kp" (aws:kms/keyPolicy:KeyPolicy)',
                unknown: false,
            });
            const s2 = new StackBuilder();
            const pending = s2.key("k");
            s2.keyPolicy("kp", pending, { Stand: "alone" });
            const f2 = factsOf(s2, s2.logGroup("app", { key: pending }));
            assert.deepEqual(f2.key?.settings?.possiblePolicies, [
                {
                    value: '{"Stand":"alone"}',
                    source: 'the KMS key policy "kp" (aws:kms/keyPolicy:KeyPolicy)',
                    unknown: false,
                },
            ]);
            const s3 = new StackBuilder();
            const later = factsOf(
                s3,
                s3.logGroup("app", { key: s3.key("k", { policy: unknown() }) }),
            );
            assert.deepEqual(later.key?.settings?.policy, {
                value: UNKNOWN,
                source: "its key policy",
                unknown: true,
            });
            const s4 = new StackBuilder();
            const none = factsOf(s4, s4.logGroup("app", { key: s4.key("k", { policy: null }) }));
            assert.deepEqual(none.key?.settings?.policy, {
                value: undefined,
                source: "its key policy",
                unknown: false,
            });
        });

        it("belongs to its parent: from the stack, else from the parent's URN", () => {
            const owner = (parent: string | undefined) => {
                const s = new StackBuilder();
                const key = s.key("k");
                const group = s.logGroup("app", { key });
                // A parent outside the stack (as the engine sends it): only its URN is known.
                const resources = (
                    stackResources(s.resources) as unknown as StackResourceLike[]
                ).map((r) =>
                    r.urn === key.urn
                        ? { ...r, parent: parent === undefined ? undefined : { urn: parent } }
                        : r,
                ) as StackResourceLike[];
                const index = new StackIndex(resources);
                const target = index.targets.find((t) => t.urn === group.urn);
                assert.ok(target !== undefined);
                return targetFacts(index, target, {}).key?.owner;
            };
            assert.deepEqual(owner("urn:pulumi:dev::app::encrypted-logs:index:LogsKey::platform"), {
                type: "encrypted-logs:index:LogsKey",
                name: "platform",
            });
            assert.deepEqual(
                owner("urn:pulumi:dev::app::my:C$encrypted-logs:index:LogsKey::a::b"),
                {
                    type: "encrypted-logs:index:LogsKey",
                    name: "a::b",
                },
            );
            assert.equal(owner("urn:pulumi:dev::app::my:C"), undefined);
            assert.equal(owner("not-a-urn"), undefined);
            assert.equal(owner(undefined), undefined);
        });
    });

    describe("a key known only by its reference", () => {
        it("a trail's key ARN, alias ARN, alias name or key id, each with what it tells", () => {
            const facts = (key: string) => {
                const s = new StackBuilder();
                const f = factsOf(s, s.trail("audit", s.bucket("b"), { key }));
                return { resolution: f.resolution.kind, keyArn: f.keyArn, key: f.key };
            };
            const arn = `arn:aws:kms:eu-west-1:${ACCOUNT}:key/mrk-1234abcd12ab34cd56ef1234567890ab`;
            assert.deepEqual(facts(arn), {
                resolution: "external",
                keyArn: {
                    arn: {
                        arn,
                        partition: "aws",
                        region: "eu-west-1",
                        accountId: ACCOUNT,
                        keyId: "mrk-1234abcd12ab34cd56ef1234567890ab",
                        multiRegion: true,
                    },
                    error: undefined,
                    form: "key ARN",
                },
                key: {
                    description: `KMS key ${arn}`,
                    region: { region: "eu-west-1", source: "its ARN" },
                    multiRegion: true,
                    multiRegionReason: "its key id starts with mrk-",
                },
            });
            const alias = `arn:aws:kms:eu-west-1:${ACCOUNT}:alias/audit`;
            assert.deepEqual(facts(alias), {
                resolution: "external",
                keyArn: { arn: undefined, error: undefined, form: "alias ARN" },
                key: {
                    description: `KMS alias ${alias}`,
                    region: { region: "eu-west-1", source: "its alias ARN" },
                    multiRegion: UNKNOWN,
                    multiRegionReason: "",
                },
            });
            assert.deepEqual(facts("alias/audit"), {
                resolution: "external",
                keyArn: { arn: undefined, error: undefined, form: "alias name" },
                key: {
                    description: "KMS alias alias/audit",
                    region: undefined,
                    multiRegion: UNKNOWN,
                    multiRegionReason: "",
                },
            });
            assert.deepEqual(facts("mrk-1234abcd12ab34cd56ef1234567890ab"), {
                resolution: "external",
                keyArn: { arn: undefined, error: undefined, form: "key id" },
                key: {
                    description: "KMS key mrk-1234abcd12ab34cd56ef1234567890ab",
                    region: undefined,
                    multiRegion: true,
                    multiRegionReason: "its key id starts with mrk-",
                },
            });
            assert.deepEqual(facts("1234abcd-12ab-34cd-56ef-1234567890ab").key?.multiRegion, false);
        });

        it("a log group's key ARN from outside the stack; a reference the service refuses has no key", () => {
            const s = new StackBuilder();
            const arn = `arn:aws:kms:us-east-1:444455556666:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
            const f = factsOf(s, s.logGroup("app", { key: arn }));
            assert.equal(f.resolution.kind, "external");
            assert.equal(f.keyArn?.arn?.arn, arn);
            // A key from outside says nothing of the target's account.
            assert.equal(f.account, undefined);
            assert.deepEqual(f.key, {
                description: `KMS key ${arn}`,
                region: { region: "us-east-1", source: "its ARN" },
                multiRegion: false,
                multiRegionReason: "its key id starts with mrk-",
            });
            const s2 = new StackBuilder();
            const alias = factsOf(s2, s2.logGroup("app", { key: "alias/app" }));
            assert.equal(alias.key, undefined);
            assert.equal(alias.keyArn?.arn, undefined);
            assert.match(alias.keyArn?.error ?? "", /alias\/app/);
        });

        it("keyOf without a key: neither a reference nor facts", () => {
            const s = new StackBuilder();
            const index = stackIndexOf(s);
            const type = TARGET_TYPES["aws:cloudwatch/logGroup:LogGroup"];
            assert.deepEqual(keyOf({ kind: "none" } as never, type, {}, index), {
                keyArn: undefined,
                key: undefined,
            });
        });
    });

    describe("a key another stack publishes", () => {
        const REF = "acme/platform/prod";
        const published = (overrides: Record<string, unknown>) => {
            const facts = publishedLogsKeyFacts("platform-logs", "us-east-1", overrides);
            const s = new StackBuilder("us-east-1", "app", "dev");
            const ref = s.stackReference(REF, { logsKey: facts });
            const f = factsOf(
                s,
                s.logGroup("app", { key: facts.arn as string, keyDependsOn: [ref.urn] }),
            );
            assert.equal(f.resolution.kind, "published-key");
            return { facts, f };
        };

        it("has the published facts, in the form of a key of the stack", () => {
            const { facts, f } = published({});
            assert.equal(f.account, undefined);
            assert.deepEqual(f.key, {
                description: `KMS key ${facts.arn as string} (published at outputs.logsKey of StackReference "${REF}")`,
                region: { region: "us-east-1", source: "its published facts" },
                multiRegion: false,
                multiRegionReason: "its published facts say multiRegion: true",
                settings: {
                    arn: facts.arn,
                    spec: "SYMMETRIC_DEFAULT",
                    usage: "ENCRYPT_DECRYPT",
                    rotation: { kind: "known", enabled: true },
                    policy: {
                        value: facts.policy,
                        source: "its published key policy",
                        unknown: false,
                    },
                    possiblePolicies: [],
                },
            });
        });

        it("cannot rotate when asymmetric; is multi-Region by its facts or its mrk- key id", () => {
            assert.deepEqual(published({ keySpec: "RSA_2048" }).f.key?.settings?.rotation, {
                kind: "cannot-rotate",
            });
            const multi = published({ multiRegion: true }).f.key;
            assert.deepEqual(
                [multi?.multiRegion, multi?.multiRegionReason],
                [true, "its published facts say multiRegion: true"],
            );
            const mrk = published({
                arn: `arn:aws:kms:us-east-1:${ACCOUNT}:key/mrk-1234abcd12ab34cd56ef1234567890ab`,
            }).f.key;
            assert.deepEqual(
                [mrk?.multiRegion, mrk?.multiRegionReason],
                [true, "its key id starts with mrk-"],
            );
        });
    });

    describe("a trail's bucket key", () => {
        const ENC =
            "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration";
        /** An encryption configuration naming `bucket` by `name`, with `deps` as its property dependencies. */
        const encryption = (
            s: StackBuilder,
            name: string,
            bucket: unknown,
            enabled: unknown,
            deps?: string[],
        ) => {
            const inputs = { bucket, rules: [{ bucketKeyEnabled: enabled }] };
            s.add({
                urn: s.urn(ENC, name),
                type: ENC,
                name,
                inputs,
                outputs: inputs,
                parent: s.stackUrn,
                provider: s.defaultProvider,
                propertyDependencies: deps === undefined ? {} : { bucket: deps },
            });
        };
        const bucketKey = (build: (s: StackBuilder, bucket: StackResource) => void) => {
            const s = new StackBuilder();
            const bucket = s.bucket("logs");
            build(s, bucket);
            return factsOf(s, s.trail("audit", bucket, {})).bucketKey;
        };

        it("is none without a bucketKeyEnabled that is true or unknown", () => {
            assert.equal(
                bucketKey(() => {}),
                undefined,
            );
            assert.equal(
                bucketKey((s) => encryption(s, "e", "logs-bucket", false)),
                undefined,
            );
            // Another bucket's configuration, by name and by dependency.
            assert.equal(
                bucketKey((s) => encryption(s, "e", "other-bucket", true)),
                undefined,
            );
            assert.equal(
                bucketKey((s) => encryption(s, "e", unknown(), true, [s.stackUrn])),
                undefined,
            );
            // A bucket whose name is unknown is named by a dependency only, never by an unknown name.
            const s = new StackBuilder();
            const pending = s.bucket("logs");
            (pending.inputs as Record<string, unknown>).bucket = unknown();
            (pending.outputs as Record<string, unknown>).bucket = unknown();
            encryption(s, "e", unknown(), true);
            assert.equal(factsOf(s, s.trail("audit", pending, {})).bucketKey, undefined);
            // Nulls in the settings are no setting.
            assert.equal(
                bucketKey((s) => encryption(s, "e", "logs-bucket", null)),
                undefined,
            );
            assert.deepEqual(
                bucketKey((s) => {
                    const inputs = {
                        bucket: "logs-bucket",
                        rules: [null, { bucketKeyEnabled: true }],
                    };
                    s.add({
                        urn: s.urn(ENC, "n"),
                        type: ENC,
                        name: "n",
                        inputs,
                        outputs: inputs,
                        parent: s.stackUrn,
                        provider: s.defaultProvider,
                    });
                }),
                {
                    enabled: true,
                    bucketName: "logs-bucket",
                    source: `bucketKeyEnabled of ${ENC} "n"`,
                },
            );
        });

        it("is found by the bucket's name or by a dependency on it, true or unknown", () => {
            assert.deepEqual(
                bucketKey((s) => encryption(s, "e", "logs-bucket", true)),
                {
                    enabled: true,
                    bucketName: "logs-bucket",
                    source: `bucketKeyEnabled of ${ENC} "e"`,
                },
            );
            assert.deepEqual(
                bucketKey((s, b) => encryption(s, "e", unknown(), "true", [b.urn])),
                {
                    enabled: true,
                    bucketName: "logs-bucket",
                    source: `bucketKeyEnabled of ${ENC} "e"`,
                },
            );
            assert.deepEqual(
                bucketKey((s) => encryption(s, "e", "logs-bucket", unknown())),
                {
                    enabled: UNKNOWN,
                    bucketName: "logs-bucket",
                    source: `bucketKeyEnabled of ${ENC} "e"`,
                },
            );
        });

        it("names the setting that is true before one that is unknown, and the bucket's own first", () => {
            assert.deepEqual(
                bucketKey((s) => {
                    encryption(s, "maybe", "logs-bucket", unknown());
                    encryption(s, "yes", "logs-bucket", true);
                }),
                {
                    enabled: true,
                    bucketName: "logs-bucket",
                    source: `bucketKeyEnabled of ${ENC} "yes"`,
                },
            );
            assert.deepEqual(
                bucketKey((s, b) => {
                    const props = b.inputs as Record<string, unknown>;
                    props.serverSideEncryptionConfiguration = {
                        rule: { bucketKeyEnabled: true },
                    };
                    (b.outputs as Record<string, unknown>).serverSideEncryptionConfiguration =
                        props.serverSideEncryptionConfiguration;
                    encryption(s, "yes", "logs-bucket", true);
                }),
                {
                    enabled: true,
                    bucketName: "logs-bucket",
                    source: 'bucketKeyEnabled of aws:s3/bucket:Bucket "logs"',
                },
            );
        });
    });

    describe("a log group as a log group", () => {
        it("has its subject and settings; anything else has no log-group facts", () => {
            const group = {
                type: "aws:cloudwatch/logGroup:LogGroup",
                name: "app",
                urn: "urn:pulumi:dev::app::aws:cloudwatch/logGroup:LogGroup::app",
                props: { retentionInDays: 30 },
            };
            const facts = logGroupFactsOf(group);
            assert.equal(facts?.target, group);
            assert.equal(facts?.subject, 'log group "app" (aws:cloudwatch/logGroup:LogGroup)');
            assert.equal(facts?.setting("retentionInDays"), 30);
            assert.equal(facts?.setting("kmsKeyId"), undefined);
            assert.equal(
                logGroupFactsOf({ ...group, type: "aws:cloudtrail/trail:Trail" }),
                undefined,
            );
            assert.equal(logGroupFactsOf({ ...group, type: "aws:s3/bucket:Bucket" }), undefined);
        });
    });
});
