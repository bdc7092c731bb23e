/**
 * `log-group-settings` (a resource policy) through the analyzer protocol: silent by default, its opt-in rules on once
 * their option is set, its configuration refusing what no rule declares, and its checks
 * exemptible by rule id. The rules themselves are tested at the facts level in tests/rules/.
 */
import * as assert from "node:assert/strict";
import { unknown, usePolicyPackResetPerTest } from "../harness/policyHarness";
import { messageOf, verdicts } from "../harness/verdicts";
import { StackBuilder } from "../harness/stackFixtures";

const SETTINGS = "log-group-settings";

/** A stack whose log groups keep their logs 30 days, 0 days (never expire) and an unknown number. */
function groups(): StackBuilder {
    const s = new StackBuilder();
    s.logGroup("short", { key: s.key("short-key"), extra: { retentionInDays: 30 } });
    s.logGroup("forever", { key: s.key("forever-key"), extra: { retentionInDays: 0 } });
    s.logGroup("computed", { key: s.key("computed-key"), extra: { retentionInDays: unknown() } });
    return s;
}

const ofSettings = (v: string[]) => v.filter((line) => line.startsWith(`${SETTINGS}/`));

describe(`${SETTINGS} (Analyze, per log group)`, () => {
    const running = usePolicyPackResetPerTest();

    it("checks nothing until an option turns a rule on", async () => {
        const result = await running().preview(groups().resources);
        assert.deepEqual(ofSettings(verdicts(result)), []);
    });

    it("refuses a group that keeps its logs fewer days than minimumRetentionDays, and cannot verify one unknown at preview", async () => {
        await running().configure({ [SETTINGS]: { minimumRetentionDays: 365 } });
        const result = await running().preview(groups().resources);
        assert.deepEqual(ofSettings(verdicts(result)), [
            `${SETTINGS}/computed [cannot verify yet]`,
            `${SETTINGS}/short [retention]`,
        ]);
        assert.match(
            messageOf(result, SETTINGS, "short"),
            /^\[retention\] log group "short" \(aws:cloudwatch\/logGroup:LogGroup\) keeps its logs 30 days/,
        );
    });

    it("refuses a misspelt option, suggesting the declared one", async () => {
        await running().configure({ [SETTINGS]: { minimumRetentionDay: 365 } });
        const result = await running().preview(groups().resources);
        assert.match(
            messageOf(result, SETTINGS, "app-dev"),
            /unknown property "minimumRetentionDay" \(did you mean "minimumRetentionDays"\?\)/,
        );
    });

    it("exempts a group from [retention] by the rule's id", async () => {
        await running().configure({
            [SETTINGS]: {
                minimumRetentionDays: 365,
                exemptions: [
                    {
                        resourceNames: ["short", "computed"],
                        rules: ["retention"],
                        reason: "audit logs live elsewhere",
                    },
                ],
            },
        });
        const result = await running().preview(groups().resources);
        assert.deepEqual(ofSettings(verdicts(result)), []);
    });

    it("reports its exemptions beside key-required's on the same group: both resource policies' records are kept", async () => {
        const entry = (reason: string) => ({ resourceNames: ["short"], reason });
        await running().configure({
            [SETTINGS]: { minimumRetentionDays: 365, exemptions: [entry("archive group")] },
            "log-encryption-key-required": { exemptions: [entry("key handled by the platform")] },
        });
        const result = await running().preview(groups().resources);
        const exempted = result.all
            .filter((d) => d.policyName === "log-encryption-unverified")
            .map((d) => d.message.split("\n")[1]);
        const group = 'log group "short" (aws:cloudwatch/logGroup:LogGroup)';
        // In the pack's order: key-required runs before log-group-settings on each resource.
        assert.deepEqual(exempted, [
            `[exempted] ${group} is exempted from log-encryption-key-required: key handled by the platform (no expiry; exemptions[0] of log-encryption-key-required's configuration).`,
            `[exempted] ${group} is exempted from ${SETTINGS}: archive group (no expiry; exemptions[0] of ${SETTINGS}'s configuration).`,
        ]);
        assert.deepEqual(ofSettings(verdicts(result)), [
            `${SETTINGS}/computed [cannot verify yet]`,
        ]);
    });
});
