/**
 * The pack's exact verdicts through the analyzer protocol, each case with its negative twin (the same
 * stack with the one change that flips the verdict): a new key judged by what its policy's
 * Resource can name; the key forms CloudTrail accepts, resolved to the stack's key; a key reached
 * through an alias at preview; and messages that name the real fix (a LogsKey's argument, what a
 * resource without a key is encrypted with, a misspelt configuration property).
 */
import * as assert from "node:assert/strict";
import { StackResource, unknown, usePolicyPackResetPerTest } from "../harness/policyHarness";
import { messageOf, verdicts } from "../harness/verdicts";
import { ACCOUNT, StackBuilder, cloudTrailPolicy } from "../harness/stackFixtures";
import { logGroupKeyPolicy } from "../components";
import { USABLE_SCHEMA } from "../policypack/policies";

const USABLE = "log-encryption-key-usable";
const REQUIRED = "log-encryption-key-required";
const UNVERIFIED = "log-encryption-unverified";

/** A key policy object for the logs principal of us-east-1 with `resource` as its Resource. */
function logsPolicyOn(resource: string | string[], group: string): object {
    const policy = logGroupKeyPolicy({
        partition: "aws",
        dnsSuffix: "amazonaws.com",
        region: "us-east-1",
        accountId: ACCOUNT,
        logGroupNames: [group],
    });
    return {
        ...policy,
        Statement: policy.Statement.map((s) =>
            s.Principal !== undefined && "Service" in (s.Principal as object)
                ? { ...s, Resource: resource }
                : s,
        ),
    };
}

const keyId = (key: StackResource) => (key.outputs as Record<string, string>).keyId;
const OTHER_KEY = `arn:aws:kms:us-east-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;

describe("policy pack: exact verdicts, through the analyzer protocol", function () {
    this.timeout(60_000);
    const running = usePolicyPackResetPerTest();

    describe("a new key, judged by what its policy's Resource can name", () => {
        it("refuses a new key whose policy lets the logs principal use only another key; passes key/*", async () => {
            const s = new StackBuilder();
            s.logGroup("other", {
                key: s.key("other-key", { policy: logsPolicyOn(OTHER_KEY, "/app/other") }),
            });
            s.logGroup("any", {
                key: s.key("any-key", {
                    policy: logsPolicyOn(`arn:aws:kms:us-east-1:${ACCOUNT}:key/*`, "/app/any"),
                }),
            });
            s.logGroup("elsewhere", {
                key: s.key("elsewhere-key", {
                    policy: logsPolicyOn(
                        `arn:aws:kms:eu-west-1:${ACCOUNT}:key/*`,
                        "/app/elsewhere",
                    ),
                }),
            });
            const result = await running().preview(s.resources);
            assert.deepEqual(verdicts(result), [
                `${USABLE}/elsewhere [key-policy]`,
                `${USABLE}/other [key-policy]`,
            ]);
            assert.match(
                messageOf(result, USABLE, "other"),
                /^\[key-policy\] log group "other" \(aws:cloudwatch\/logGroup:LogGroup\) is encrypted with KMS key "other-key" \(aws:kms\/key:Key\), but its key policy does not allow logs\.us-east-1\.amazonaws\.com kms:Encrypt, /,
            );
        });

        it("cannot verify yet a pattern that names some new ids and not others; decides it once the ARN is known", async () => {
            const s = new StackBuilder();
            const keyPattern = (c: string) => `arn:aws:kms:us-east-1:${ACCOUNT}:key/${c}*`;
            s.logGroup("new", {
                key: s.key("new-key", { policy: logsPolicyOn(keyPattern("a"), "/app/new") }),
            });
            // Deployed twins: the same kind of pattern, naming the key's own first character or another.
            for (const [group, same] of [
                ["named", true],
                ["not-named", false],
            ] as const) {
                const key = s.key(`${group}-key`, { existing: true, policy: null });
                const first = keyId(key)[0];
                const c = same ? first : first === "0" ? "1" : "0";
                (key.inputs as Record<string, unknown>).policy = JSON.stringify(
                    logsPolicyOn(keyPattern(c), `/app/${group}`),
                );
                (key.outputs as Record<string, unknown>).policy = key.inputs.policy;
                s.logGroup(group, { key });
            }
            const result = await running().preview(s.resources);
            assert.deepEqual(verdicts(result), [
                `${USABLE}/not-named [key-policy]`,
                `${UNVERIFIED}/new [cannot verify yet]`,
            ]);
            assert.match(
                messageOf(result, UNVERIFIED, "new"),
                /not verified: key policy, because its key policy of KMS key "new-key" \(aws:kms\/key:Key\) lets logs\.us-east-1\.amazonaws\.com use only keys whose ARN its Resource or NotResource names, and the new key's ARN is unknown at preview\.$/,
            );
        });

        it("cannot verify yet a public grant that depends on the new key's id; refuses it on a key it names", async () => {
            const s = new StackBuilder();
            const open = (group: string, resource: string) => {
                const p = logsPolicyOn("*", group) as { Statement: object[] };
                return {
                    ...p,
                    Statement: [
                        ...p.Statement,
                        {
                            Effect: "Allow",
                            Principal: "*",
                            Action: "kms:Decrypt",
                            Resource: resource,
                        },
                    ],
                };
            };
            const known = s.key("open-known-key", { existing: true, policy: null });
            const arn = s.arnOf(known) as string;
            s.logGroup("open-new", {
                key: s.key("open-new-key", {
                    policy: open("/app/open-new", `${arn.slice(0, -4)}*`),
                }),
            });
            s.logGroup("open-known", {
                key: s.key("open-known-key2", {
                    existing: true,
                    policy: open("/app/open-known", "arn:aws:kms:us-east-1:*:key/*"),
                }),
            });
            const result = await running().preview(s.resources);
            assert.deepEqual(verdicts(result), [
                `${USABLE}/open-known [public-grant]`,
                `${UNVERIFIED}/open-new [cannot verify yet]`,
            ]);
            assert.match(
                messageOf(result, UNVERIFIED, "open-new"),
                /whether its key policy of KMS key "open-new-key" \(aws:kms\/key:Key\) grants anything to any principal depends on the key's ARN, which is unknown at preview/,
            );
        });
    });

    describe("trails: every key form CloudTrail accepts", () => {
        /** A stack with a bucket, a good CloudTrail key and an alias for it. */
        function trailStack(opts: { rsa?: boolean; deployed?: boolean } = {}) {
            const s = new StackBuilder();
            const bucket = s.bucket("logs");
            const key = s.key("ct-key", {
                existing: opts.deployed ?? true,
                policy: cloudTrailPolicy(),
                ...(opts.rsa ? { spec: "RSA_2048" } : {}),
            });
            const alias = s.add({
                urn: s.urn("aws:kms/alias:Alias", "ct"),
                type: "aws:kms/alias:Alias",
                name: "ct",
                inputs: { name: "alias/cloudtrail", targetKeyId: keyId(key) },
                outputs: { name: "alias/cloudtrail", targetKeyId: keyId(key), arn: unknown() },
                parent: s.stackUrn,
                provider: s.defaultProvider,
            });
            return { s, bucket, key, alias };
        }

        it("accepts an alias name, an alias ARN and a bare key id for a trail, and judges the stack's key", async () => {
            const { s, bucket, key } = trailStack();
            s.trail("by-alias", bucket, { key: "alias/cloudtrail" });
            s.trail("by-alias-arn", bucket, {
                key: `arn:aws:kms:us-east-1:${ACCOUNT}:alias/cloudtrail`,
            });
            s.trail("by-id", bucket, { key: keyId(key) });
            s.trail("by-arn", bucket, { key: s.arnOf(key) as string });
            assert.deepEqual(verdicts(await running().preview(s.resources)), []);
        });

        it("judges the key an alias or key id names: an RSA key is refused through each form", async () => {
            const { s, bucket, key } = trailStack({ rsa: true });
            s.trail("by-alias", bucket, { key: "alias/cloudtrail" });
            s.trail("by-alias-arn", bucket, {
                key: `arn:aws:kms:us-east-1:${ACCOUNT}:alias/cloudtrail`,
            });
            s.trail("by-id", bucket, { key: keyId(key) });
            const result = await running().preview(s.resources);
            assert.deepEqual(verdicts(result), [
                `${USABLE}/by-alias [symmetric]`,
                `${USABLE}/by-alias-arn [symmetric]`,
                `${USABLE}/by-id [symmetric]`,
            ]);
        });

        it("refuses the same alias name and key id for a log group, which needs the key ARN", async () => {
            const { s, key } = trailStack();
            s.logGroup("by-alias", { key: "alias/cloudtrail" });
            s.logGroup("by-id", { key: keyId(key) });
            const result = await running().preview(s.resources);
            assert.ok(verdicts(result).includes(`${USABLE}/by-alias [key-arn]`));
            assert.ok(verdicts(result).includes(`${USABLE}/by-id [key-arn]`));
            assert.match(
                messageOf(result, USABLE, "by-id", "key-arn"),
                /this is a bare key id, not a key ARN/,
            );
        });

        it("cannot verify yet an alias name or key id that names no key in the stack; checks a key ARN's region", async () => {
            const s = new StackBuilder();
            const bucket = s.bucket("logs");
            s.trail("alias-elsewhere", bucket, { key: "alias/org-trail" });
            s.trail("id-elsewhere", bucket, { key: "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0" });
            s.trail("alias-arn-here", bucket, {
                key: `arn:aws:kms:us-east-1:${ACCOUNT}:alias/org-trail`,
            });
            s.trail("alias-arn-west", bucket, {
                key: `arn:aws:kms:eu-west-1:${ACCOUNT}:alias/org-trail`,
            });
            const result = await running().preview(s.resources);
            assert.deepEqual(verdicts(result), [
                `${USABLE}/alias-arn-west [region]`,
                `${UNVERIFIED}/alias-arn-here [cannot verify yet]`,
                `${UNVERIFIED}/alias-arn-west [cannot verify yet]`,
                `${UNVERIFIED}/alias-elsewhere [cannot verify yet]`,
                `${UNVERIFIED}/id-elsewhere [cannot verify yet]`,
            ]);
            assert.equal(
                messageOf(result, UNVERIFIED, "alias-elsewhere"),
                '[cannot verify yet] trail "alias-elsewhere" (aws:cloudtrail/trail:Trail) uses the alias name alias/org-trail, which CloudTrail accepts but which names no key managed in this stack: ' +
                    "its region, key spec, key policy, rotation cannot be checked here. Verify that key where it is defined, or exempt this resource in this policy's configuration.",
            );
            assert.match(
                messageOf(result, UNVERIFIED, "alias-arn-here"),
                /uses the alias ARN arn:aws:kms:us-east-1:111122223333:alias\/org-trail, which CloudTrail accepts but which names no key managed in this stack: its key spec, key policy, rotation cannot be checked here \(its region was, from the alias ARN: an alias and its key are in the same region\)\./,
            );
            assert.match(
                messageOf(result, USABLE, "alias-arn-west"),
                /but KMS alias arn:aws:kms:eu-west-1:111122223333:alias\/org-trail is in eu-west-1 \(from its alias ARN\): the service can only use a key in the region of the trail's S3 bucket/,
            );
        });

        it("refuses a trail reference that is no form CloudTrail accepts, naming the four forms", async () => {
            const s = new StackBuilder();
            const bucket = s.bucket("logs");
            s.trail("junk", bucket, { key: "my-key" });
            s.trail("number", bucket, { key: 42 });
            s.trail("s3-arn", bucket, { key: "arn:aws:s3:::bucket/key" });
            const result = await running().preview(s.resources);
            assert.deepEqual(verdicts(result), [
                `${USABLE}/junk [key-arn]`,
                `${USABLE}/number [key-arn]`,
                `${USABLE}/s3-arn [key-arn]`,
            ]);
            assert.equal(
                messageOf(result, USABLE, "junk"),
                '[key-arn] trail "junk" (aws:cloudtrail/trail:Trail): kmsKeyId is "my-key": not a key reference CloudTrail accepts (an alias name, an alias ARN, a key ARN or a key id). ' +
                    "Allowed: alias/<name>, arn:<partition>:kms:<region>:<account>:alias/<name>, arn:<partition>:kms:<region>:<account>:key/<key-id>, or <key-id>. " +
                    "Fix: pass the key's ARN, or an alias or key id of a key in the region of the trail's S3 bucket.",
            );
            assert.match(
                messageOf(result, USABLE, "number"),
                /a KMS key reference is required here/,
            );
        });

        it("accepts a multi-Region key for a trail by default, refuses it with allowMultiRegionTrailKeys: false, and still refuses it for a log group", async () => {
            const s = new StackBuilder();
            const bucket = s.bucket("logs");
            s.trail("mrk-trail", bucket, {
                key: s.key("mrk-trail-key", { multiRegion: true, policy: cloudTrailPolicy() }),
            });
            s.logGroup("mrk-group", { key: s.key("mrk-group-key", { multiRegion: true }) });
            assert.deepEqual(verdicts(await running().preview(s.resources)), [
                `${USABLE}/mrk-group [multi-region]`,
            ]);
            await running().configure({ [USABLE]: { allowMultiRegionTrailKeys: false } });
            const refused = await running().preview(s.resources);
            assert.deepEqual(verdicts(refused), [
                `${USABLE}/mrk-group [multi-region]`,
                `${USABLE}/mrk-trail [multi-region]`,
            ]);
            assert.equal(
                messageOf(refused, USABLE, "mrk-trail"),
                '[multi-region] trail "mrk-trail" (aws:cloudtrail/trail:Trail) is encrypted with KMS key "mrk-trail-key" (aws:kms/key:Key), a multi-Region key (multiRegion: true): ' +
                    "this policy's configuration refuses multi-Region keys for trails (allowMultiRegionTrailKeys: false). " +
                    "Fix: use a single-Region key (multiRegion: false), or set allowMultiRegionTrailKeys: true (the default: CloudTrail supports multi-Region keys).",
            );
        });

        it("judges a trail's key against its bucket's region: refused in another region, cannot verify yet with the bucket elsewhere", async () => {
            const s = new StackBuilder();
            const west = s.provider("west", "eu-west-1");
            const key = s.key("east-key", { policy: cloudTrailPolicy() });
            s.trail("west-bucket", s.bucket("west-logs", { provider: west }), { key });
            s.trail("east-bucket", s.bucket("east-logs"), {
                key: s.key("east-key2", { policy: cloudTrailPolicy() }),
            });
            s.trail("bucket-elsewhere", "not-in-this-stack", {
                key: s.key("east-key3", { policy: cloudTrailPolicy() }),
            });
            const result = await running().preview(s.resources);
            assert.deepEqual(verdicts(result), [
                `${USABLE}/west-bucket [region]`,
                `${UNVERIFIED}/bucket-elsewhere [cannot verify yet]`,
            ]);
        });
    });

    describe("a key reached through an alias at preview", () => {
        it("cannot verify yet a log group whose kmsKeyId comes from an alias, naming alias.arn and alias.targetKeyArn; a key's own ARN passes", async () => {
            const s = new StackBuilder();
            const key = s.key("orders-key", { policyFor: ["/app/orders", "/app/direct"] });
            s.logGroup("orders", { key: unknown(), keyDependsOn: [s.alias("orders", key).urn] });
            s.logGroup("direct", { key });
            const result = await running().preview(s.resources);
            assert.deepEqual(verdicts(result), [`${UNVERIFIED}/orders [cannot verify yet]`]);
            assert.equal(
                messageOf(result, UNVERIFIED, "orders"),
                '[cannot verify yet] log group "orders" (aws:cloudwatch/logGroup:LogGroup) uses KMS key "orders-key" (found through the property dependency of kmsKeyId); not verified: key ARN, ' +
                    'because kmsKeyId is unknown at preview and comes from the KMS alias "orders" (aws:kms/alias:Alias): CloudWatch Logs accepts its targetKeyArn (alias.targetKeyArn, the key\'s ARN) ' +
                    "but refuses its arn (alias.arn, an alias ARN), and the preview cannot tell which of them kmsKeyId is; pass alias.targetKeyArn (or the key's arn).",
            );
        });

        it("still judges the key behind the alias (an RSA key is refused), and lets a trail use the alias, which CloudTrail accepts", async () => {
            const s = new StackBuilder();
            const rsa = s.key("rsa-key", { spec: "RSA_2048", policyFor: ["/app/orders"] });
            s.logGroup("orders", { key: unknown(), keyDependsOn: [s.alias("rsa", rsa).urn] });
            const ct = s.key("ct-key", { policy: cloudTrailPolicy() });
            s.trail("audit", s.bucket("logs"), {
                key: unknown(),
                keyDependsOn: [s.alias("ct", ct).urn],
            });
            const result = await running().preview(s.resources);
            assert.deepEqual(verdicts(result), [
                `${USABLE}/orders [symmetric]`,
                `${UNVERIFIED}/orders [cannot verify yet]`,
            ]);
        });
    });

    describe("messages that point at the real fix", () => {
        /** A key created by a LogsKey component named `name`, with the policy of `groups`. */
        function logsKey(s: StackBuilder, name: string, groups: string[]): StackResource {
            const component = s.add({
                urn: s.urn("encrypted-logs:index:LogsKey", name),
                type: "encrypted-logs:index:LogsKey",
                name,
                inputs: {},
                parent: s.stackUrn,
            });
            return s.key(`${name}-key`, { parent: component.urn, policyFor: groups });
        }

        it("names the LogsKey argument to change for a log group its policy does not cover; a plain key gets the statements to add", async () => {
            const s = new StackBuilder();
            s.logGroup("orders", { key: logsKey(s, "shared", ["/app/payments"]) });
            s.logGroup("plain", { key: s.key("plain-key", { policyFor: ["/app/payments"] }) });
            const result = await running().preview(s.resources);
            assert.deepEqual(verdicts(result), [
                `${USABLE}/orders [key-policy]`,
                `${USABLE}/plain [key-policy]`,
            ]);
            assert.match(
                messageOf(result, USABLE, "orders"),
                / the service cannot use the key\. Fix: add "\/app\/orders" to the logGroupNames of LogsKey "shared" \(logGroupNames: \[\.\.\., "\/app\/orders"\]\), or set accountWide: true on it\.$/,
            );
            assert.match(
                messageOf(result, USABLE, "plain"),
                / Fix: add the statements the AWS documentation gives for logs\.us-east-1\.amazonaws\.com, scoped to this log group by an encryption-context condition \(a LogsKey writes them\)\.$/,
            );
        });

        it("names anomalyDetectors: true for a detector on a LogsKey without it", async () => {
            const s = new StackBuilder();
            s.detector("watch", { key: logsKey(s, "groups-only", ["/app/orders"]) });
            const result = await running().preview(s.resources);
            assert.deepEqual(verdicts(result), [`${USABLE}/watch [key-policy]`]);
            assert.match(
                messageOf(result, USABLE, "watch"),
                / Fix: set anomalyDetectors: true on LogsKey "groups-only" \(its policy then has the anomaly-detector statements\)\.$/,
            );
        });

        it("says what a trail and a detector without kmsKeyId are encrypted with; with a key they pass", async () => {
            const s = new StackBuilder();
            const bucket = s.bucket("logs");
            s.trail("bare-trail", bucket, {});
            s.detector("bare-detector", {});
            s.trail("keyed-trail", bucket, { key: s.key("t-key", { policy: cloudTrailPolicy() }) });
            const result = await running().preview(s.resources);
            assert.deepEqual(verdicts(result), [
                `${REQUIRED}/bare-detector [key-required]`,
                `${REQUIRED}/bare-trail [key-required]`,
            ]);
            assert.match(
                messageOf(result, REQUIRED, "bare-trail"),
                /has no kmsKeyId: CloudTrail then writes its log files with the S3 bucket's default encryption: SSE-S3 \(keys Amazon S3 manages\), or the bucket's default KMS key if the bucket sets one, not a key whose policy names this trail\. Fix:/,
            );
            assert.match(
                messageOf(result, REQUIRED, "bare-detector"),
                /has no kmsKeyId: CloudWatch Logs then encrypts the detector's data with its own default server-side encryption \(keys AWS owns\), which you cannot control, audit or revoke\. Fix:/,
            );
        });

        it("refuses an unknown configuration property, naming it, the one meant and the accepted ones; the right names pass", async () => {
            const s = new StackBuilder();
            s.logGroup("orders", { key: s.key("orders-key") });
            await running().configure({
                [USABLE]: { requireRotation: false },
                [REQUIRED]: { exemptResourceName: ["orders"] },
                [UNVERIFIED]: { colour: "blue" },
            });
            const result = await running().preview(s.resources);
            assert.deepEqual(verdicts(result), [
                `${REQUIRED}/app-dev [configuration]`,
                `${USABLE}/ [configuration]`,
                `${UNVERIFIED}/ [configuration]`,
            ]);
            assert.equal(
                messageOf(result, USABLE, ""),
                '[configuration] the configuration of log-encryption-key-usable has an unknown property "requireRotation" (did you mean "requireKeyRotation"?), which is ignored. ' +
                    `Accepted: ${["enforcementLevel", ...Object.keys(USABLE_SCHEMA.properties)].join(", ")}. ` +
                    "Fix: correct or remove it in the policy pack configuration (policy-config.json or pulumi policy enable --config).",
            );
            assert.match(
                messageOf(result, REQUIRED, "app-dev"),
                /has an unknown property "exemptResourceName" \(did you mean "exemptResourceNames"\?\)/,
            );
            assert.match(
                messageOf(result, UNVERIFIED, ""),
                /has an unknown property "colour", which is ignored/,
            );
            await running().configure({
                [USABLE]: { requireKeyRotation: false },
                [REQUIRED]: { exemptResourceNames: ["orders"] },
            });
            // The right names pass; the exemption is shown, not silent.
            assert.deepEqual(verdicts(await running().preview(s.resources)), [
                "log-encryption-unverified/orders [exempted]",
            ]);
        });
    });
});
