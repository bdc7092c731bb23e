/**
 * The log-destination policies through the analyzer protocol on what the stack does not hold: a
 * group outside the stack ("cannot verify yet" with the three ways to verify it, or refused by
 * `outsideStack: "mandatory"`), a group another stack publishes (judged with the key rules),
 * names unknown at preview decided by what they derive from, and a property left to AWS's
 * default (inputs first). Each with its negative case.
 */
import * as assert from "node:assert/strict";
import { LOG_GROUP_FACTS_KIND } from "../aws/logGroupFactsContract";
import { namedLogGroup, writer } from "../harness/destinationFixtures";
import { unknown, usePolicyPackResetPerTest } from "../harness/policyHarness";
import { messageOf, verdicts } from "../harness/verdicts";
import { ACCOUNT, StackBuilder, publishedLogsKeyFacts } from "../harness/stackFixtures";

const ENCRYPTED = "log-destinations-encrypted";
const UNVERIFIED = "log-encryption-unverified";
const LAMBDA = "aws:lambda/function:Function";
const FLOW_LOG = "aws:ec2/flowLog:FlowLog";
const STATE_MACHINE = "aws:sfn/stateMachine:StateMachine";
const PUBLISHED_LOG_GROUP = "encrypted-logs:index:PublishedLogGroup";

const SHARED = "/platform/shared";
const SHARED_ARN = `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:${SHARED}`;

const FIXES =
    "To make it verifiable: declare the group in this stack (an EncryptedLogGroup); " +
    "or read it here with a PublishedLogGroup (a LogGroup.get or a StackReference is not sent to policy packs at preview); " +
    "or publish its facts from the stack that owns it (export const group = logGroupFacts(logGroup, key.facts)) and read them with that PublishedLogGroup.";

const OUTSIDE_MESSAGE =
    '[cannot verify yet] VPC flow log "vpc-flow" (aws:ec2/flowLog:FlowLog) writes its flow logs to the log group "/platform/shared" in us-east-1, ' +
    "which this stack does not declare and VPC Flow Logs does not create (it must already exist, managed by another stack or account): " +
    `whether it has a usable KMS key cannot be verified yet. ${FIXES}`;

/** A flow log writing to the shared group by ARN. */
function flowLog(s: StackBuilder): void {
    writer(s, FLOW_LOG, "vpc-flow", {
        vpcId: "vpc-1",
        trafficType: "ALL",
        logDestinationType: "cloud-watch-logs",
        logDestination: SHARED_ARN,
    });
}

/** A PublishedLogGroup of the shared group, as the component registers it, with `facts`. */
function publishedGroup(s: StackBuilder, overrides: Record<string, unknown> = {}): void {
    const key = publishedLogsKeyFacts("platform-logs");
    s.add({
        urn: s.urn(PUBLISHED_LOG_GROUP, "platform-shared"),
        type: PUBLISHED_LOG_GROUP,
        name: "platform-shared",
        inputs: {},
        outputs: {
            stackName: "acme/platform/prod",
            facts: {
                kind: LOG_GROUP_FACTS_KIND,
                name: SHARED,
                arn: SHARED_ARN,
                region: "us-east-1",
                kmsKeyArn: key.arn,
                key,
                ...overrides,
            },
        },
        parent: s.stackUrn,
    });
}

describe("policy pack: log destinations outside the stack, published, unknown, defaulted", function () {
    this.timeout(120_000);
    const running = usePolicyPackResetPerTest();
    const preview = (s: StackBuilder) => running().preview(s.resources);

    describe("a group outside the stack", () => {
        it("cannot be verified yet, as an advisory, with the three ways to verify it", async () => {
            const s = new StackBuilder();
            flowLog(s);
            const result = await preview(s);
            assert.deepEqual(verdicts(result), [`${UNVERIFIED}/vpc-flow [cannot verify yet]`]);
            assert.equal(result.all[0].enforcementLevel, "advisory");
            assert.equal(messageOf(result, UNVERIFIED, "vpc-flow"), OUTSIDE_MESSAGE);
        });

        it("is silent once the stack declares it encrypted (the negative case)", async () => {
            const s = new StackBuilder();
            namedLogGroup(s, "shared", SHARED);
            flowLog(s);
            assert.deepEqual(verdicts(await preview(s)), []);
        });

        it('is refused with outsideStack: "mandatory", with the same fixes and why', async () => {
            const s = new StackBuilder();
            flowLog(s);
            await running().configure({ [ENCRYPTED]: { outsideStack: "mandatory" } });
            const result = await preview(s);
            assert.deepEqual(verdicts(result), [`${ENCRYPTED}/vpc-flow [log-destination]`]);
            assert.equal(
                messageOf(result, ENCRYPTED, "vpc-flow"),
                OUTSIDE_MESSAGE.replace("[cannot verify yet]", "[log-destination]") +
                    ' (Refused because outsideStack is "mandatory" in this policy\'s configuration.)',
            );
        });

        it('stays "cannot verify yet" with outsideStack: "advisory" given explicitly', async () => {
            const s = new StackBuilder();
            flowLog(s);
            await running().configure({ [ENCRYPTED]: { outsideStack: "advisory" } });
            assert.deepEqual(verdicts(await preview(s)), [
                `${UNVERIFIED}/vpc-flow [cannot verify yet]`,
            ]);
        });

        it("is still refused when the service creates the group itself (Lambda)", async () => {
            const s = new StackBuilder();
            writer(s, LAMBDA, "orders", {
                name: "orders",
                loggingConfig: { logFormat: "JSON", logGroup: SHARED },
            });
            assert.deepEqual(verdicts(await preview(s)), [`${ENCRYPTED}/orders [log-destination]`]);
        });
    });

    describe("a group another stack publishes (PublishedLogGroup)", () => {
        it("is silent when its key is usable", async () => {
            const s = new StackBuilder();
            publishedGroup(s);
            flowLog(s);
            assert.deepEqual(verdicts(await preview(s)), []);
        });

        it("is refused when it has no key", async () => {
            const s = new StackBuilder();
            publishedGroup(s, { kmsKeyArn: "", key: undefined });
            flowLog(s);
            const result = await preview(s);
            assert.deepEqual(verdicts(result), [`${ENCRYPTED}/vpc-flow [log-destination]`]);
            assert.equal(
                messageOf(result, ENCRYPTED, "vpc-flow"),
                '[log-destination] VPC flow log "vpc-flow" (aws:ec2/flowLog:FlowLog) writes its flow logs to log group "/platform/shared" ' +
                    '(aws:cloudwatch/logGroup:LogGroup), published by PublishedLogGroup "platform-shared" (stack acme/platform/prod) at facts, ' +
                    "which has no kmsKeyId: its events are encrypted with an AWS-owned key. Fix: give that log group a kmsKeyId " +
                    "(an EncryptedLogGroup creates the key and its policy).",
            );
        });

        it("is refused when its key's facts fail the key rules (a key policy without the logs principal)", async () => {
            const s = new StackBuilder();
            const key = publishedLogsKeyFacts("platform-logs", "us-east-1", {
                policy: JSON.stringify({ Version: "2012-10-17", Statement: [] }),
            });
            publishedGroup(s, { kmsKeyArn: key.arn, key });
            flowLog(s);
            const result = await preview(s);
            assert.deepEqual(verdicts(result), [`${ENCRYPTED}/vpc-flow [log-destination]`]);
            assert.match(
                messageOf(result, ENCRYPTED, "vpc-flow"),
                /published by PublishedLogGroup "platform-shared" \(stack acme\/platform\/prod\) at facts, whose KMS key fails \[key-policy\] \(\[key-policy\] .*\)\. Fix: fix that key in the stack that owns the group\.$/,
            );
        });

        it("is judged in its own region only: a group of that name published in another region does not count", async () => {
            const s = new StackBuilder();
            publishedGroup(s, {
                region: "eu-west-1",
                arn: `arn:aws:logs:eu-west-1:${ACCOUNT}:log-group:${SHARED}`,
            });
            flowLog(s);
            assert.deepEqual(verdicts(await preview(s)), [
                `${UNVERIFIED}/vpc-flow [cannot verify yet]`,
            ]);
        });
    });

    describe("a group whose name is unknown at preview", () => {
        /** A Lambda whose name (so its default group's) comes from `from`. */
        function lambdaNamedFrom(s: StackBuilder, from: string): void {
            writer(
                s,
                LAMBDA,
                "worker",
                { name: unknown() },
                { propertyDependencies: { name: [from] } },
            );
        }

        it("is refused when every declared group's unknown name derives from other resources", async () => {
            const s = new StackBuilder();
            const mine = writer(s, "random:index/randomPet:RandomPet", "mine", { length: 2 });
            const other = writer(s, "random:index/randomPet:RandomPet", "other", { length: 2 });
            namedLogGroup(s, "other-logs", unknown(), { nameFrom: other });
            namedLogGroup(s, "known", "/app/orders");
            lambdaNamedFrom(s, mine.urn);
            const result = await preview(s);
            assert.deepEqual(verdicts(result), [`${ENCRYPTED}/worker [log-destination]`]);
            assert.equal(
                messageOf(result, ENCRYPTED, "worker"),
                '[log-destination] Lambda function "worker" (aws:lambda/function:Function) writes its function logs to a log group that ' +
                    "Lambda creates itself, with no KMS key, when it first writes: the group's name is unknown at preview, but it comes from " +
                    'random:index/randomPet:RandomPet "mine", created in this deployment, and no log group this stack declares can have it ' +
                    "(every log group whose name is unknown derives from other resources, and none with a known name fits /aws/lambda/…). " +
                    "Fix: declare the group with an EncryptedLogGroup and set loggingConfig.logGroup to its name, or call encryptLambdaLogGroups() at the top of the program.",
            );
        });

        it("is refused when the only group that can be it has no kmsKeyId", async () => {
            const s = new StackBuilder();
            const mine = writer(s, "random:index/randomPet:RandomPet", "mine", { length: 2 });
            namedLogGroup(s, "worker-logs", "/aws/lambda/worker-x", { encrypted: false });
            lambdaNamedFrom(s, mine.urn);
            const result = await preview(s);
            assert.ok(verdicts(result).includes(`${ENCRYPTED}/worker [log-destination]`));
            assert.match(
                messageOf(result, ENCRYPTED, "worker"),
                /the only log groups this stack declares that can be it \("worker-logs"\) have no kmsKeyId/,
            );
        });

        it("is deferred when a declared group with a key truly might be it", async () => {
            const s = new StackBuilder();
            const mine = writer(s, "random:index/randomPet:RandomPet", "mine", { length: 2 });
            namedLogGroup(s, "worker-logs", "/aws/lambda/worker-x");
            lambdaNamedFrom(s, mine.urn);
            const result = await preview(s);
            assert.deepEqual(verdicts(result), [`${UNVERIFIED}/worker [cannot verify yet]`]);
            assert.match(
                messageOf(result, UNVERIFIED, "worker"),
                /a log group this stack declares with a key may be it \("worker-logs"\)/,
            );
        });

        it("is matched when the declared group's name is computed from the writer itself", async () => {
            const s = new StackBuilder();
            const mine = writer(s, "random:index/randomPet:RandomPet", "mine", { length: 2 });
            namedLogGroup(s, "worker-logs", unknown(), {
                nameFrom: { urn: s.urn(LAMBDA, "worker") } as never,
            });
            lambdaNamedFrom(s, mine.urn);
            assert.deepEqual(verdicts(await preview(s)), []);
        });
    });

    describe("inputs first: a property the program did not set", () => {
        it("a state machine with no loggingConfiguration input (unknown output at preview) is silent: logging is off", async () => {
            const s = new StackBuilder();
            writer(
                s,
                STATE_MACHINE,
                "flow",
                { name: "flow", definition: "{}", roleArn: "arn:aws:iam::1:role/r" },
                {
                    outputs: {
                        name: "flow",
                        definition: "{}",
                        roleArn: "arn:aws:iam::1:role/r",
                        loggingConfiguration: unknown(),
                    },
                },
            );
            assert.deepEqual(verdicts(await preview(s)), []);
        });

        it("one whose loggingConfiguration input is set but unknown cannot be verified yet (the negative case)", async () => {
            const s = new StackBuilder();
            writer(s, STATE_MACHINE, "flow", {
                name: "flow",
                definition: "{}",
                roleArn: "arn:aws:iam::1:role/r",
                loggingConfiguration: unknown(),
            });
            assert.deepEqual(verdicts(await preview(s)), [
                `${UNVERIFIED}/flow [cannot verify yet]`,
            ]);
        });
    });

    describe("configuration", () => {
        it("refuses an unknown property with did-you-mean (disabledService)", async () => {
            const s = new StackBuilder();
            await running().configure({ [ENCRYPTED]: { disabledService: ["lambda"] } });
            const result = await preview(s);
            assert.match(
                messageOf(result, ENCRYPTED, ""),
                /disabledService.*did you mean "disabledServices"/s,
            );
        });

        it("refuses outsideStack on log-encryption-unverified (only the encrypted policy takes it)", async () => {
            const s = new StackBuilder();
            await running().configure({ [UNVERIFIED]: { outsideStack: "mandatory" } });
            const result = await preview(s);
            assert.match(messageOf(result, UNVERIFIED, ""), /outsideStack/);
        });
    });
});
