/**
 * What the pack cannot verify yet, through the analyzer protocol: an advisory of
 * `log-encryption-unverified` by default; refused where the requirement is enforced with
 * `unverified: "mandatory"` on `log-encryption-key-usable` and `log-destinations-encrypted` (the
 * same message, exemptible as the check `unverified`, and not repeated by the advisory); and the
 * advisory itself, which also reports the exemptions, refused when configured mandatory.
 */
import * as assert from "node:assert/strict";
import { writer } from "../harness/destinationFixtures";
import { usePolicyPackResetPerTest } from "../harness/policyHarness";
import { messageOf, verdicts } from "../harness/verdicts";
import { ACCOUNT, StackBuilder } from "../harness/stackFixtures";

const USABLE = "log-encryption-key-usable";
const ENCRYPTED = "log-destinations-encrypted";
const UNVERIFIED = "log-encryption-unverified";
const KEY_ARN = `arn:aws:kms:us-east-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
const SHARED_ARN = `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:/platform/shared`;

/** A group with a key of another stack, a group with a usable key of this one, a flow log to a group outside the stack. */
function stack(): StackBuilder {
    const s = new StackBuilder();
    s.logGroup("platform", { key: KEY_ARN });
    s.logGroup("app", { key: s.key("app-key", { policyFor: ["/app/app"] }) });
    writer(s, "aws:ec2/flowLog:FlowLog", "vpc-flow", {
        vpcId: "vpc-1",
        trafficType: "ALL",
        logDestinationType: "cloud-watch-logs",
        logDestination: SHARED_ARN,
    });
    return s;
}

const KEY_MESSAGE =
    `[cannot verify yet] log group "platform" (aws:cloudwatch/logGroup:LogGroup) uses KMS key ${KEY_ARN}, which is not managed in this stack: ` +
    "its key spec, key policy and rotation cannot be checked here (its ARN, region and multi-Region id were).";

const FLOW_MESSAGE =
    '[cannot verify yet] VPC flow log "vpc-flow" (aws:ec2/flowLog:FlowLog) writes its flow logs to the log group "/platform/shared" in us-east-1, ' +
    "which this stack does not declare and VPC Flow Logs does not create";

describe("what cannot be verified yet: advisory, or refused where the requirement is enforced", function () {
    this.timeout(60_000);
    const running = usePolicyPackResetPerTest();

    it("is an advisory of log-encryption-unverified by default, and nothing on the usable key (the negative case)", async () => {
        const result = await running().preview(stack().resources);
        assert.deepEqual(verdicts(result), [
            `${UNVERIFIED}/platform [cannot verify yet]`,
            `${UNVERIFIED}/vpc-flow [cannot verify yet]`,
        ]);
        assert.ok(messageOf(result, UNVERIFIED, "platform").startsWith(KEY_MESSAGE));
        assert.ok(result.all.every((d) => d.enforcementLevel === "advisory"));
    });

    it('is refused by each policy set to unverified: "mandatory", with the advisory\'s words, and the advisory says it no more', async () => {
        await running().configure({
            [USABLE]: { unverified: "mandatory" },
            [ENCRYPTED]: { unverified: "mandatory" },
        });
        const result = await running().preview(stack().resources);
        assert.deepEqual(verdicts(result), [
            `${ENCRYPTED}/vpc-flow [cannot verify yet]`,
            `${USABLE}/platform [cannot verify yet]`,
        ]);
        assert.ok(messageOf(result, USABLE, "platform").startsWith(KEY_MESSAGE));
        assert.ok(messageOf(result, ENCRYPTED, "vpc-flow").startsWith(FLOW_MESSAGE));
        assert.deepEqual(
            result.all.map((d) => d.enforcementLevel),
            ["mandatory", "mandatory"],
        );
    });

    it("refuses on one policy only what that policy cannot verify: the other's stays an advisory", async () => {
        await running().configure({ [USABLE]: { unverified: "mandatory" } });
        const result = await running().preview(stack().resources);
        assert.deepEqual(verdicts(result), [
            `${USABLE}/platform [cannot verify yet]`,
            `${UNVERIFIED}/vpc-flow [cannot verify yet]`,
        ]);
    });

    it("is skipped by an exemption of the check unverified, which the advisory reports", async () => {
        const reason = "key owned by the platform account, reviewed there";
        await running().configure({
            [USABLE]: {
                unverified: "mandatory",
                exemptions: [{ resourceNames: ["platform"], rules: ["unverified"], reason }],
            },
        });
        const result = await running().preview(stack().resources);
        assert.deepEqual(verdicts(result), [
            `${UNVERIFIED}/platform [exempted]`,
            `${UNVERIFIED}/vpc-flow [cannot verify yet]`,
        ]);
        assert.equal(
            messageOf(result, UNVERIFIED, "platform", "exempted"),
            `[exempted] log group "platform" (aws:cloudwatch/logGroup:LogGroup) is exempted from ${USABLE} (unverified only): ${reason} (no expiry; exemptions[0] of ${USABLE}'s configuration).`,
        );
    });

    it("refuses an exemption naming unverified on a policy that has no such check", async () => {
        await running().configure({
            [UNVERIFIED]: {
                exemptions: [{ resourceNames: ["platform"], rules: ["unverified"], reason: "r" }],
            },
        });
        const result = await running().preview(stack().resources);
        assert.ok(verdicts(result).includes(`${UNVERIFIED}/ [configuration]`));
    });
});

describe("log-encryption-unverified must stay advisory", function () {
    this.timeout(60_000);
    const running = usePolicyPackResetPerTest();

    const refusal = (level: string) =>
        `[configuration] ${UNVERIFIED} is configured ${level}, but it must stay advisory: it also reports every exemption the pack applied, ` +
        "and @pulumi/policy gives all of a policy's messages its one level, so every exemption would block the deployment it exempts. " +
        "Its other messages were not reported. Fix: remove its enforcementLevel from the configuration (policy-config.json or pulumi policy enable --config); " +
        'to refuse what cannot be verified yet, set unverified: "mandatory" in the configuration of log-encryption-key-usable and of log-destinations-encrypted.';

    for (const level of ["mandatory", "remediate"]) {
        it(`is refused when configured ${level}, alone: no exemption is reported at that level`, async () => {
            await running().configure({
                [UNVERIFIED]: { enforcementLevel: level },
                [USABLE]: {
                    exemptions: [{ resourceNames: ["app"], reason: "reviewed by hand" }],
                },
            });
            const result = await running().preview(stack().resources);
            assert.deepEqual(verdicts(result), [`${UNVERIFIED}/ [configuration]`]);
            assert.equal(messageOf(result, UNVERIFIED, ""), refusal(level));
            assert.equal(result.all[0].enforcementLevel, "mandatory");
        });
    }

    it("reports as before when configured advisory or disabled (the negative case)", async () => {
        await running().configure({ [UNVERIFIED]: { enforcementLevel: "advisory" } });
        assert.deepEqual(verdicts(await running().preview(stack().resources)), [
            `${UNVERIFIED}/platform [cannot verify yet]`,
            `${UNVERIFIED}/vpc-flow [cannot verify yet]`,
        ]);
        await running().configure({ [UNVERIFIED]: { enforcementLevel: "disabled" } });
        assert.deepEqual(verdicts(await running().preview(stack().resources)), []);
    });
});
