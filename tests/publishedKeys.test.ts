/**
 * Keys owned by another stack, judged at preview. A log group's or trail's
 * key ARN that comes from a StackReference (its property dependency) and matches key facts among
 * that StackReference's outputs is judged by every key rule on those facts: silent when they hold,
 * refused as a key of the stack would be (spec, policy, region); an ARN without facts stays
 * "cannot verify yet" and says how to publish them; facts that break the contract are named with
 * their StackReference and output path. Through the analyzer protocol, as a preview sends it.
 */
import * as assert from "node:assert/strict";
import * as path from "node:path";
import {
    KEY_FACTS_KIND,
    cloudTrailKeyPolicy,
    eventDataStoreKeyPolicy,
    logsKeyPolicy,
} from "../components";
import { COMMERCIAL } from "../testing/mockEngine";
import type { StackResource } from "../policypack/lib/stack/resource";
import {
    PUBLISHED_KEY_TYPE,
    PUBLISHED_LOG_GROUP_TYPE,
    ROOT_STACK_TYPE,
    STACK_REFERENCE_TYPE,
    carriesKeyFacts,
    childPath,
    describeStackReference,
    readPublishedKeys,
} from "../policypack/lib/stack/publishedKeys";
import { judge, previewProgram } from "../harness/preview";
import { PUBLISH_HOW_TO } from "../policypack/policies/keyAdvisories";
import { checkPublishedKeyArgs, publishedKeyFactsAt } from "../components/common/publishedKey";
import { PreviewResult, secret, usePolicyPack } from "../harness/policyHarness";
import {
    ACCOUNT,
    StackBuilder,
    adminOnlyPolicy,
    publishedLogsKeyFacts,
} from "../harness/stackFixtures";

const USABLE = "log-encryption-key-usable";
const UNVERIFIED = "log-encryption-unverified";
const REF = "acme/platform/prod";

/** `policy/resource: message` (without the policy's description line) of every diagnostic. */
function diagnostics(result: PreviewResult): string[] {
    return result.all.map(
        (d) =>
            `${d.policyName}/${d.urn.split("::").pop()}: ${d.message.split("\n").slice(1).join("\n")}`,
    );
}

/** A stack whose log group "app" takes its key ARN from the StackReference's output `logsKey`. */
function appStack(outputs: Record<string, unknown>, arn: string): StackBuilder {
    const s = new StackBuilder();
    const ref = s.stackReference(REF, outputs);
    s.logGroup("app", { key: arn, keyDependsOn: [ref.urn] });
    return s;
}

const LOGS_FACTS = publishedLogsKeyFacts("platform-logs");
const LOGS_ARN = LOGS_FACTS.arn as string;
const PUBLISHED = (arn: string, path = "outputs.logsKey") =>
    `KMS key ${arn} (published at ${path} of StackReference "${REF}")`;
const GROUP = 'log group "app" (aws:cloudwatch/logGroup:LogGroup)';
/** Facts as CloudTrailKey publishes them. */
const TRAIL_FACTS = publishedLogsKeyFacts("platform-trail", "us-east-1", {
    policy: JSON.stringify(
        cloudTrailKeyPolicy({
            partition: "aws",
            dnsSuffix: "amazonaws.com",
            region: "us-east-1",
            accountId: ACCOUNT,
        }),
    ),
});

describe("policy pack: keys published by another stack, through the analyzer protocol", function () {
    this.timeout(60_000);
    const running = usePolicyPack();

    it("passes a log group whose key ARN has good facts in the StackReference's outputs, at any depth, secret or not", async () => {
        for (const outputs of [
            { logsKey: LOGS_FACTS },
            { keys: { "us-east-1": [{ logs: LOGS_FACTS }] } },
            { keys: secret({ "us-east-1": { logs: LOGS_FACTS } }) },
        ]) {
            const result = await running().preview(appStack(outputs, LOGS_ARN).resources);
            assert.deepEqual(diagnostics(result), [], JSON.stringify(outputs));
        }
    });

    it("refuses published facts with key spec RSA_2048 (symmetric)", async () => {
        const facts = publishedLogsKeyFacts("platform-logs", "us-east-1", { keySpec: "RSA_2048" });
        const result = await running().preview(appStack({ logsKey: facts }, LOGS_ARN).resources);
        assert.deepEqual(diagnostics(result), [
            `${USABLE}/app: [symmetric] ${GROUP} is encrypted with ${PUBLISHED(LOGS_ARN)}, whose key spec is "RSA_2048" and key usage "ENCRYPT_DECRYPT": ` +
                `CloudWatch Logs and CloudTrail only use symmetric encryption keys. Fix: use a key with key spec "SYMMETRIC_DEFAULT" and key usage "ENCRYPT_DECRYPT" (the defaults; a LogsKey is one).`,
        ]);
    });

    it("refuses a published key policy without the CloudWatch Logs principal (key-policy)", async () => {
        const facts = publishedLogsKeyFacts("platform-logs", "us-east-1", {
            policy: JSON.stringify(adminOnlyPolicy()),
        });
        const result = await running().preview(appStack({ logsKey: facts }, LOGS_ARN).resources);
        assert.deepEqual(diagnostics(result), [
            `${USABLE}/app: [key-policy] ${GROUP} is encrypted with ${PUBLISHED(LOGS_ARN)}, but its published key policy does not allow logs.us-east-1.amazonaws.com ` +
                `kms:Encrypt, kms:Decrypt, kms:ReEncryptFrom, kms:ReEncryptTo, kms:GenerateDataKey, kms:DescribeKey with kms:EncryptionContext:aws:logs:arn naming this log group: the service cannot use the key. ` +
                `Fix: add the statements the AWS documentation gives for logs.us-east-1.amazonaws.com, scoped to this log group by an encryption-context condition (a LogsKey writes them).`,
        ]);
    });

    it("refuses published facts of a key in another region (region), as it would a key of the stack", async () => {
        const facts = publishedLogsKeyFacts("platform-logs", "eu-west-1");
        const arn = facts.arn as string;
        const result = await running().preview(appStack({ logsKey: facts }, arn).resources);
        assert.deepEqual(diagnostics(result), [
            `${USABLE}/app: [region] ${GROUP} is in us-east-1 (from its provider "default_7_48_0") but ${PUBLISHED(arn)} is in eu-west-1 (from its published facts): ` +
                `the service can only use a key in its own region. Fix: create the key in us-east-1 (give it the same provider or region input) and use that key's ARN.`,
            // The eu-west-1 key's policy names the eu-west-1 principal, not the group's.
            `${USABLE}/app: [key-policy] ${GROUP} is encrypted with ${PUBLISHED(arn)}, but its published key policy does not allow logs.us-east-1.amazonaws.com ` +
                `kms:Encrypt, kms:Decrypt, kms:ReEncryptFrom, kms:ReEncryptTo, kms:GenerateDataKey, kms:DescribeKey with kms:EncryptionContext:aws:logs:arn naming this log group: the service cannot use the key. ` +
                `Fix: add the statements the AWS documentation gives for logs.us-east-1.amazonaws.com, scoped to this log group by an encryption-context condition (a LogsKey writes them).`,
        ]);
    });

    it("refuses published facts whose rotation is off, and a multi-Region key (rotation, multi-region)", async () => {
        const facts = publishedLogsKeyFacts("platform-logs", "us-east-1", {
            enableKeyRotation: false,
            multiRegion: true,
        });
        const result = await running().preview(appStack({ logsKey: facts }, LOGS_ARN).resources);
        assert.deepEqual(diagnostics(result), [
            `${USABLE}/app: [multi-region] ${GROUP} is encrypted with ${PUBLISHED(LOGS_ARN)}, a multi-Region key (its published facts say multiRegion: true): log encryption keys must be region-scoped. ` +
                `Fix: use a single-Region key (multiRegion: false), or set allowMultiRegionKeys: true in this policy's configuration.`,
            `${USABLE}/app: [rotation] ${GROUP} is encrypted with ${PUBLISHED(LOGS_ARN)}, whose enableKeyRotation is false: ` +
                `symmetric customer keys used for logs must rotate. Fix: set enableKeyRotation: true (a LogsKey does), or set requireKeyRotation: false in this policy's configuration.`,
        ]);
    });

    it("cannot verify yet an ARN whose StackReference publishes no facts, and says how to publish them", async () => {
        const result = await running().preview(
            appStack({ logsKeyArn: LOGS_ARN }, LOGS_ARN).resources,
        );
        assert.deepEqual(diagnostics(result), [
            `${UNVERIFIED}/app: [cannot verify yet] ${GROUP} uses KMS key ${LOGS_ARN}, which is not managed in this stack: ` +
                `its key spec, key policy and rotation cannot be checked here (its ARN, region and multi-Region id were). ` +
                `Its ARN comes from StackReference "${REF}", whose outputs hold no valid key facts for it. ` +
                `Fix: publish the key's facts in the stack that owns it (\`export const logsKey = key.facts;\` for a LogsKey or CloudTrailKey, ` +
                `\`export const logsKey = keyFacts(key);\` for any aws.kms.Key); the pack then judges the key here.`,
        ]);
        assert.ok(PUBLISH_HOW_TO.includes("export const logsKey = key.facts;"));
    });

    it("does not take facts published for another key", async () => {
        const other = publishedLogsKeyFacts("platform-other");
        const s = new StackBuilder();
        const ref = s.stackReference(REF, { logsKey: other });
        s.logGroup("app", { key: LOGS_ARN, keyDependsOn: [ref.urn] });
        const result = await running().preview(s.resources);
        assert.deepEqual(
            diagnostics(result).map((d) => d.split(": [")[0] + " " + /\[[a-z -]+\]/.exec(d)![0]),
            [`${UNVERIFIED}/app [cannot verify yet]`],
        );
    });

    it("takes a key's facts by its ARN from a StackReference the key property does not depend on (a real preview sends no dependency on a read)", async () => {
        const s = new StackBuilder();
        const unrelated = s.stackReference("acme/other/prod", { logsKey: LOGS_FACTS });
        s.logGroup("app", { key: LOGS_ARN });
        const result = await running().preview(s.resources);
        assert.equal(unrelated.type, "pulumi:pulumi:StackReference");
        assert.deepEqual(diagnostics(result), []);
    });

    it("takes a key's facts from a PublishedKey component's outputs and from the stack's own outputs, as a real preview sends them", async () => {
        for (const carrier of ["component", "stack"] as const) {
            const s = new StackBuilder();
            const resources = [...s.resources];
            const bad = { ...LOGS_FACTS, policy: JSON.stringify(adminOnlyPolicy()) };
            s.logGroup("app", { key: LOGS_ARN });
            const stackUrn = "urn:pulumi:test::project::pulumi:pulumi:Stack::project-test";
            const withCarrier = (facts: unknown) => [
                ...resources,
                carrier === "component"
                    ? {
                          urn: "urn:pulumi:test::project::encrypted-logs:index:PublishedKey::platform",
                          type: "encrypted-logs:index:PublishedKey",
                          name: "platform",
                          inputs: {},
                          outputs: { arn: LOGS_ARN, facts, stackName: REF },
                      }
                    : {
                          urn: stackUrn,
                          type: "pulumi:pulumi:Stack",
                          name: "project-test",
                          inputs: {},
                          outputs: { platformKeys: { logs: facts } },
                      },
                ...s.resources.slice(resources.length),
            ];
            assert.deepEqual(
                diagnostics(await running().preview(withCarrier(LOGS_FACTS))),
                [],
                carrier,
            );
            const refused = diagnostics(await running().preview(withCarrier(bad)));
            assert.equal(refused.length, 1, `${carrier}: ${refused.join("\n")}`);
            assert.match(
                refused[0],
                carrier === "component"
                    ? /^log-encryption-key-usable\/app: \[key-policy\] .*published at facts of PublishedKey "platform" \(stack acme\/platform\/prod\)/
                    : /^log-encryption-key-usable\/app: \[key-policy\] .*published at outputs\.platformKeys\.logs of this stack's outputs/,
            );
        }
    });

    it("names the StackReference, the output path and every broken field of malformed facts", async () => {
        const newer = publishedLogsKeyFacts("platform-logs", "us-east-1", {
            kind: "pulumi-aws-encrypted-logs/key-facts@2",
        });
        const broken = publishedLogsKeyFacts("platform-logs", "us-east-1", {
            policy: undefined,
            enableKeyRotation: "yes",
            region: "eu-west-1",
        });
        const result = await running().preview(
            appStack({ logsKey: newer, keys: { "platform/logs": broken } }, LOGS_ARN).resources,
        );
        assert.deepEqual(diagnostics(result), [
            `${UNVERIFIED}/app: [cannot verify yet] ${GROUP} uses KMS key ${LOGS_ARN}, which is not managed in this stack: ` +
                `its key spec, key policy and rotation cannot be checked here (its ARN, region and multi-Region id were). ` +
                `Its ARN comes from StackReference "${REF}", whose outputs hold no valid key facts for it. ` +
                // In the order of the outputs as the engine sends them (a Struct: keys sorted).
                `The key facts at outputs.keys["platform/logs"] of StackReference "${REF}" break the contract: ` +
                `enableKeyRotation is "yes", a string; a boolean is required; policy is missing (a string is required); ` +
                `region is "eu-west-1", but the key's ARN is in us-east-1; the region must be the ARN's. ` +
                `The key facts at outputs.logsKey of StackReference "${REF}" break the contract: kind is "pulumi-aws-encrypted-logs/key-facts@2", ` +
                `but this version of pulumi-aws-encrypted-logs reads "pulumi-aws-encrypted-logs/key-facts@1": publish the facts with the same major version of the package as the pack, or upgrade the pack. ` +
                `Fix: publish the key's facts in the stack that owns it (\`export const logsKey = key.facts;\` for a LogsKey or CloudTrailKey, ` +
                `\`export const logsKey = keyFacts(key);\` for any aws.kms.Key); the pack then judges the key here.`,
        ]);
    });

    it("judges a platform key of another account by the app's account, not the key's", async () => {
        // The platform key is in 111122223333 and lets that account's log groups use it; the app
        // stack deploys to its provider's allowedAccountIds.
        const appStackIn = (account: string) => {
            const s = new StackBuilder();
            const provider = s.provider("app-account", "us-east-1");
            const inputs = s.resources.find((r) => r.urn === provider)!.inputs;
            (inputs as Record<string, unknown>).allowedAccountIds = JSON.stringify([account]);
            const ref = s.stackReference(REF, { logsKey: LOGS_FACTS });
            s.logGroup("app", { key: LOGS_ARN, keyDependsOn: [ref.urn], provider });
            return s.resources;
        };
        // Without the key's account to go by, a group in another account is refused: the platform
        // key's account-wide condition does not name it.
        assert.deepEqual(diagnostics(await running().preview(appStackIn("444455556666"))), [
            `${USABLE}/app: [key-policy] ${GROUP} is encrypted with ${PUBLISHED(LOGS_ARN)}, but its published key policy does not allow logs.us-east-1.amazonaws.com ` +
                `kms:Encrypt, kms:Decrypt, kms:ReEncryptFrom, kms:ReEncryptTo, kms:GenerateDataKey, kms:DescribeKey with kms:EncryptionContext:aws:logs:arn naming this log group: the service cannot use the key. ` +
                `Fix: add the statements the AWS documentation gives for logs.us-east-1.amazonaws.com, scoped to this log group by an encryption-context condition (a LogsKey writes them).`,
        ]);
        assert.deepEqual(diagnostics(await running().preview(appStackIn(ACCOUNT))), []);
    });

    it("judges an event data store on published facts: CloudTrail Lake's own key-policy requests", async () => {
        const s = new StackBuilder();
        const lakeFacts = publishedLogsKeyFacts("platform-lake", "us-east-1", {
            policy: JSON.stringify(
                eventDataStoreKeyPolicy({
                    partition: "aws",
                    dnsSuffix: "amazonaws.com",
                    region: "us-east-1",
                    accountId: ACCOUNT,
                }),
            ),
        });
        const ref = s.stackReference(REF, { lake: lakeFacts, trail: TRAIL_FACTS });
        s.eventDataStore("lake", { key: lakeFacts.arn as string, keyDependsOn: [ref.urn] });
        // A trail's key (its statements need aws:SourceArn) cannot serve an event data store.
        s.eventDataStore("lake-on-trail-key", {
            key: TRAIL_FACTS.arn as string,
            keyDependsOn: [ref.urn],
        });
        const result = await running().preview(s.resources);
        assert.deepEqual(diagnostics(result), [
            `${USABLE}/lake-on-trail-key: [key-policy] event data store "lake-on-trail-key" (aws:cloudtrail/eventDataStore:EventDataStore) is encrypted with ` +
                `${PUBLISHED(TRAIL_FACTS.arn as string, "outputs.trail")}, but its published key policy does not allow cloudtrail.amazonaws.com kms:GenerateDataKey, kms:Decrypt: the service cannot use the key. ` +
                `Fix: add the statements the AWS documentation gives for event data stores, without aws:SourceArn or aws:SourceAccount conditions, which KMS key policies for event data stores do not support ` +
                `(an EncryptedEventDataStore creates such a key; eventDataStoreKeyPolicy writes the statements).`,
        ]);
    });

    describe("a trail with CloudTrailKey facts", () => {
        const trailFacts = (policy: object) =>
            publishedLogsKeyFacts("platform-trail", "us-east-1", {
                policy: JSON.stringify(policy),
            });
        const trailPolicy = cloudTrailKeyPolicy({
            partition: "aws",
            dnsSuffix: "amazonaws.com",
            region: "us-east-1",
            accountId: ACCOUNT,
        });
        const trailStack = (facts: Record<string, unknown>) => {
            const s = new StackBuilder();
            const ref = s.stackReference(REF, { cloudTrailKey: facts });
            const bucket = s.bucket("audit");
            s.trail("audit", bucket, { key: facts.arn as string, keyDependsOn: [ref.urn] });
            return s;
        };

        it("passes a trail whose key facts carry the CloudTrailKey policy", async () => {
            const result = await running().preview(trailStack(trailFacts(trailPolicy)).resources);
            assert.deepEqual(diagnostics(result), []);
        });

        it("refuses a trail whose published key policy is a log group key's (no CloudTrail principal)", async () => {
            const facts = publishedLogsKeyFacts("platform-trail");
            const arn = facts.arn as string;
            const result = await running().preview(trailStack(facts).resources);
            assert.deepEqual(diagnostics(result), [
                `${USABLE}/audit: [key-policy] trail "audit" (aws:cloudtrail/trail:Trail) is encrypted with ` +
                    `KMS key ${arn} (published at outputs.cloudTrailKey of StackReference "${REF}"), but its published key policy does not allow cloudtrail.amazonaws.com ` +
                    `kms:GenerateDataKey, kms:DescribeKey with kms:EncryptionContext:aws:cloudtrail:arn naming this trail: the service cannot use the key. ` +
                    `Fix: add the statement the AWS documentation gives for cloudtrail.amazonaws.com, scoped to this trail by an encryption-context condition (a CloudTrailKey writes them).`,
            ]);
        });
    });
});

describe("examples/platform-keys → examples/app-on-platform-keys, previewed under the mock engine", function () {
    this.timeout(120_000);
    const running = usePolicyPack();
    const examples = path.resolve(__dirname, "..", "..", "examples");
    const PLATFORM = "acme/platform-keys/prod";

    /** The platform stack's exports after `pulumi up` (every ARN known), as the engine stores them. */
    async function platformExports(): Promise<Record<string, unknown>> {
        const engine = await previewProgram(path.join(examples, "platform-keys"), {
            preview: false,
            project: "platform-keys",
            stack: "prod",
        });
        return engine.stackExports();
    }

    async function previewApp(platform: Record<string, unknown>) {
        return judge(
            running(),
            await previewProgram(path.join(examples, "app-on-platform-keys"), {
                project: "app-on-platform-keys",
                stack: "dev",
                stackOutputs: { [PLATFORM]: platform },
            }),
        );
    }

    it("publishes each key's facts, alone and in a map", async () => {
        const exports = await platformExports();
        const logs = exports.logsKey as Record<string, unknown>;
        assert.deepEqual(Object.keys(exports).sort(), [
            "cloudTrailKey",
            "cloudTrailKeyArn",
            "keys",
            "logsKey",
            "logsKeyArn",
        ]);
        assert.deepEqual(
            { ...logs, policy: "(checked below)" },
            {
                kind: KEY_FACTS_KIND,
                arn: exports.logsKeyArn,
                region: "us-east-1",
                keySpec: "SYMMETRIC_DEFAULT",
                keyUsage: "ENCRYPT_DECRYPT",
                multiRegion: false,
                enableKeyRotation: true,
                policy: "(checked below)",
            },
        );
        assert.deepEqual(
            JSON.parse(logs.policy as string),
            logsKeyPolicy({ ...COMMERCIAL, accountWide: true, anomalyDetectors: true }),
        );
        assert.deepEqual(exports.keys, { logs, cloudtrail: exports.cloudTrailKey });
    });

    it("passes the app stack with no diagnostic at all: both log groups' key judged from the facts its PublishedKeys carry", async () => {
        const { stack, result } = await previewApp(await platformExports());
        // As the real engine: no read reaches the pack, and no dependency on one.
        assert.equal(
            stack.find((r) => r.type === "pulumi:pulumi:StackReference"),
            undefined,
            "a preview sends the pack no StackReference",
        );
        const published = stack.filter((r) => r.type === "encrypted-logs:index:PublishedKey");
        assert.deepEqual(published.map((r) => r.name).sort(), [
            "platform-keys-logs",
            "platform-logs-key",
        ]);
        for (const p of published) {
            assert.deepEqual(Object.keys(p.outputs ?? {}).sort(), [
                "arn",
                "facts",
                "region",
                "stackName",
            ]);
            assert.equal((p.outputs?.facts as Record<string, unknown>).kind, KEY_FACTS_KIND);
        }
        const groups = stack.filter((r) => r.type === "aws:cloudwatch/logGroup:LogGroup");
        assert.deepEqual(groups.map((g) => g.name).sort(), ["orders", "payments"]);
        assert.deepEqual(result.all, []);
    });

    it("refuses the app's groups when the published key policy leaves CloudWatch Logs out", async () => {
        const exports = await platformExports();
        const logs = exports.logsKey as Record<string, unknown>;
        const verdicts = (r: Awaited<ReturnType<typeof previewApp>>) =>
            r.result.all
                .map(
                    (d) =>
                        `${d.enforcementLevel} ${d.policyName}/${d.urn.split("::").pop()} ${/\[[a-z -]+\]/.exec(d.message)![0]}`,
                )
                .sort();
        // The same key published with a policy for administrators only: both groups refused.
        const adminOnly = { ...logs, policy: JSON.stringify(adminOnlyPolicy()) };
        const refused = await previewApp({
            ...exports,
            logsKey: adminOnly,
            keys: { logs: adminOnly },
        });
        assert.deepEqual(verdicts(refused), [
            `mandatory ${USABLE}/orders [key-policy]`,
            `mandatory ${USABLE}/payments [key-policy]`,
        ]);
    });

    it("a PublishedKey refuses an output that holds only an ARN, malformed facts or nothing, naming the output, the stack and the fix", async () => {
        const exports = await platformExports();
        const logs = exports.logsKey as Record<string, unknown>;
        const HOW =
            "Fix: export the key's facts in the owning stack (export const logsKey = key.facts; for a LogsKey or CloudTrailKey, keyFacts(key) for any aws.kms.Key) and name that output.";
        assert.throws(() => publishedKeyFactsAt({ arn: logs.arn }, "logsKey", PLATFORM), {
            name: "InputError",
            message:
                `outputName is "logsKey": the output "logsKey" of stack ${PLATFORM} holds {"arn":"${String(logs.arn)}"}, not a key's facts. ` +
                `Allowed: an output holding an object with kind "pulumi-aws-encrypted-logs/key-facts@1". ${HOW}`,
        });
        assert.throws(() => publishedKeyFactsAt(exports.keys, "keys.trail", PLATFORM), {
            message:
                `outputName is "keys.trail": the output "keys.trail" of stack ${PLATFORM} holds nothing, not a key's facts. ` +
                `Allowed: an output holding an object with kind "pulumi-aws-encrypted-logs/key-facts@1". ${HOW}`,
        });
        assert.throws(
            () => publishedKeyFactsAt({ ...logs, multiRegion: "no" }, "logsKey", PLATFORM),
            {
                message:
                    `outputName is "logsKey": the key facts at the output "logsKey" of stack ${PLATFORM} break the contract: multiRegion is "no", a string; a boolean is required. ` +
                    "Allowed: facts published by key.facts or keyFacts(key) of the same major version of pulumi-aws-encrypted-logs. " +
                    "Fix: publish them with key.facts or keyFacts(key), or upgrade this package to the publisher's major version.",
            },
        );
        assert.deepEqual(publishedKeyFactsAt(exports.keys, "keys.logs", PLATFORM), logs);
        assert.throws(
            () => checkPublishedKeyArgs({ stackName: PLATFORM, outputName: "keys..logs" }),
            {
                message:
                    'outputName is "keys..logs": it must name the output of the owning stack that holds the key\'s facts. ' +
                    'Allowed: an output name ("logsKey"), or a dotted path into a map of facts ("keys.logs"). ' +
                    "Fix: export the key's facts in the owning stack (export const logsKey = key.facts; for a LogsKey or CloudTrailKey, keyFacts(key) for any aws.kms.Key) and name that output.",
            },
        );
        assert.throws(() => checkPublishedKeyArgs({ stackName: "", outputName: "logsKey" }), {
            message:
                'stackName is "": it must name the stack that owns the key. Allowed: a stack name as a StackReference takes it, "<organization>/<project>/<stack>". Fix: pass the owning stack\'s name.',
        });
    });
});

/**
 * The reader underneath, called directly: how messages name where facts were found, the output
 * paths, and which values of a carrier it reads (valid facts by ARN, first place wins; malformed
 * ones with their ARN; depth bounded; scalars and nulls skipped).
 */
describe("published keys: readPublishedKeys, describeStackReference and childPath", () => {
    const resource = (type: string, name: string, props: unknown): StackResource => ({
        type,
        name,
        urn: `urn:pulumi:prod::app::${type}::${name}`,
        props,
        dependencies: [],
        propertyDependencies: {},
    });

    it("names a StackReference by its stack only when that differs from its name, and the components by kind", () => {
        assert.equal(
            describeStackReference(resource(STACK_REFERENCE_TYPE, "platform", { name: REF })),
            `StackReference "platform" (stack ${REF})`,
        );
        assert.equal(
            describeStackReference(resource(STACK_REFERENCE_TYPE, REF, { name: REF })),
            `StackReference "${REF}"`,
        );
        assert.equal(
            describeStackReference(resource(STACK_REFERENCE_TYPE, "platform", { name: 7 })),
            'StackReference "platform"',
        );
        assert.equal(
            describeStackReference(resource(ROOT_STACK_TYPE, "app-prod", {})),
            "this stack's outputs",
        );
        assert.equal(
            describeStackReference(resource(PUBLISHED_KEY_TYPE, "logs", { stackName: REF })),
            `PublishedKey "logs" (stack ${REF})`,
        );
        assert.equal(
            describeStackReference(resource(PUBLISHED_KEY_TYPE, "logs", {})),
            'PublishedKey "logs"',
        );
        assert.equal(
            describeStackReference(
                resource(PUBLISHED_LOG_GROUP_TYPE, "shared", { stackName: REF }),
            ),
            `PublishedLogGroup "shared" (stack ${REF})`,
        );
    });

    it("writes identifiers with a dot, other keys quoted in brackets, indexes in brackets", () => {
        assert.equal(childPath("outputs", "logsKey"), "outputs.logsKey");
        assert.equal(childPath("outputs", "_a$1"), "outputs._a$1");
        assert.equal(childPath("outputs", "eu-west-1"), 'outputs["eu-west-1"]');
        assert.equal(childPath("outputs", "1key"), 'outputs["1key"]');
        assert.equal(childPath("outputs", "a b"), 'outputs["a b"]');
        assert.equal(childPath("outputs.list", 0), "outputs.list[0]");
    });

    it("finds facts at any depth (maps, arrays), keeps the first place of an ARN, and lists malformed facts with their ARN", () => {
        const other = publishedLogsKeyFacts("other-logs", "eu-west-1");
        const ref = resource(STACK_REFERENCE_TYPE, "platform", {
            name: REF,
            outputs: {
                logsKey: LOGS_FACTS,
                keys: { "eu-west-1": other, again: LOGS_FACTS },
                list: [null, 3, "text", [LOGS_FACTS]],
                broken: { ...LOGS_FACTS, region: 5 },
                brokenNoArn: { ...LOGS_FACTS, arn: 5 },
            },
        });
        const read = readPublishedKeys(ref);
        assert.equal(read.stackReference, ref);
        assert.deepEqual(
            [...read.byArn].map(([arn, k]) => [arn, k.path, k.stackReference === ref]),
            [
                [LOGS_ARN, "outputs.logsKey", true],
                [other.arn, 'outputs.keys["eu-west-1"]', true],
            ],
        );
        assert.deepEqual(read.byArn.get(LOGS_ARN)?.facts.arn, LOGS_ARN);
        assert.deepEqual(
            read.malformed.map((m) => [
                m.path,
                m.arn,
                m.problems.length > 0,
                m.stackReference === ref,
            ]),
            [
                ["outputs.broken", LOGS_ARN, true, true],
                ["outputs.brokenNoArn", undefined, true, true],
            ],
        );
    });

    it("reads a PublishedKey's facts and the root stack's outputs, and an unknown type as a StackReference", () => {
        const component = readPublishedKeys(
            resource(PUBLISHED_KEY_TYPE, "logs", { facts: LOGS_FACTS, outputs: {} }),
        );
        assert.deepEqual(
            [...component.byArn.values()].map((k) => k.path),
            ["facts"],
        );
        const root = readPublishedKeys(
            resource(ROOT_STACK_TYPE, "app", { platformKeys: [LOGS_FACTS] }),
        );
        assert.deepEqual(
            [...root.byArn.values()].map((k) => k.path),
            ["outputs.platformKeys[0]"],
        );
        const other = readPublishedKeys(
            resource("aws:s3/bucket:Bucket", "b", { outputs: { k: LOGS_FACTS } }),
        );
        assert.deepEqual(
            [...other.byArn.values()].map((k) => k.path),
            ["outputs.k"],
        );
        assert.equal(carriesKeyFacts(PUBLISHED_LOG_GROUP_TYPE), true);
        assert.equal(carriesKeyFacts("aws:s3/bucket:Bucket"), false);
    });

    it("looks 32 levels deep and no deeper", () => {
        const nest = (depth: number): unknown => {
            let v: unknown = LOGS_FACTS;
            for (let i = 0; i < depth; i++) {
                v = { n: v };
            }
            return v;
        };
        const at = (depth: number) =>
            readPublishedKeys(resource(STACK_REFERENCE_TYPE, "p", { outputs: nest(depth) })).byArn
                .size;
        // outputs is depth 0, so facts nested 32 times are at depth 32 and read; 33 are not.
        assert.equal(at(32), 1);
        assert.equal(at(33), 0);
    });
});
