/**
 * `[retention]` at the facts level: a table of log-group settings and configured minimums, each
 * with what must be refused and what must pass, and the option as the configuration declares it.
 */
import * as assert from "node:assert/strict";
import { logGroupFactsOf, LogGroupFacts } from "../../policypack/lib/facts/logGroup";
import { retentionRule } from "../../policypack/lib/rules/retention";
import { SECRET_SIG, UNKNOWN, UNKNOWN_SENTINELS } from "../../policypack/lib/stack/wire";

const TYPE = "aws:cloudwatch/logGroup:LogGroup";
const SUBJECT = `log group "app" (${TYPE})`;

/** The facts of a log group "app" whose retentionInDays is `days` (absent when `undefined`). */
function group(days: unknown): LogGroupFacts {
    const props = days === undefined ? {} : { retentionInDays: days };
    return logGroupFactsOf({
        type: TYPE,
        name: "app",
        urn: `urn:pulumi:dev::p::${TYPE}::app`,
        props,
    })!;
}

function run(days: unknown, minimumRetentionDays: number | undefined) {
    return retentionRule.run(group(days), { minimumRetentionDays });
}

describe("rules: retention", () => {
    const passes: [string, unknown, number | undefined][] = [
        ["is off by default, whatever the group keeps", 1, undefined],
        ["passes a group that keeps its logs exactly the minimum", 365, 365],
        ["passes a group that keeps its logs longer", 3653, 365],
        ["passes retentionInDays 0 (never expire) under any minimum", 0, 3653],
        ["passes a group without retentionInDays (never expire)", undefined, 3653],
        [
            "reads a secret retentionInDays as its value",
            { [SECRET_SIG.key]: SECRET_SIG.value, value: 400 },
            365,
        ],
    ];
    for (const [name, days, minimum] of passes) {
        it(name, () => assert.deepEqual(run(days, minimum), []));
    }

    it("fails a group that keeps its logs fewer days than the minimum, naming value, minimum and fix", () => {
        assert.deepEqual(run(30, 365), [
            {
                rule: "retention",
                outcome: "violation",
                message:
                    `${SUBJECT} keeps its logs 30 days (retentionInDays): this policy's configuration asks for at least 365 (minimumRetentionDays). ` +
                    "Fix: set retentionInDays to 365 or more (CloudWatch Logs accepts 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653), " +
                    "remove retentionInDays (or set it to 0) so the logs never expire, or lower minimumRetentionDays.",
            },
        ]);
    });

    it("names the next value CloudWatch Logs accepts when the minimum is not one of them", () => {
        const [finding] = run(90, 100);
        assert.equal(finding.outcome, "violation");
        assert.match(finding.message, /Fix: set retentionInDays to 120 or more /);
    });

    it("offers only never-expire when no value CloudWatch Logs accepts reaches the minimum", () => {
        const [finding] = run(3653, 4000);
        assert.equal(finding.outcome, "violation");
        assert.doesNotMatch(finding.message, /set retentionInDays to/);
        assert.match(finding.message, /Fix: remove retentionInDays \(or set it to 0\)/);
    });

    it("fails a retentionInDays that is not a number, showing it as received", () => {
        const [finding] = run("thirty", 7);
        assert.equal(finding.outcome, "violation");
        assert.match(finding.message, /keeps its logs "thirty" days/);
    });

    it("cannot verify a retentionInDays unknown at preview, and says so", () => {
        assert.equal(group(UNKNOWN_SENTINELS[0]).setting("retentionInDays"), UNKNOWN);
        assert.deepEqual(run(UNKNOWN_SENTINELS[0], 30), [
            {
                rule: "retention",
                outcome: "unverifiable",
                message: `the retentionInDays of ${SUBJECT} is unknown at preview: whether it keeps its logs at least 30 days (minimumRetentionDays) cannot be verified yet.`,
            },
        ]);
        assert.deepEqual(run(UNKNOWN_SENTINELS[0], undefined), [], "off: nothing to verify");
    });

    it("declares minimumRetentionDays as an opt-in integer of at least 1, with no default", () => {
        const option = retentionRule.options!.minimumRetentionDays;
        assert.deepEqual(
            { type: option.schema.type, minimum: option.schema.minimum, default: option.default },
            { type: "integer", minimum: 1, default: undefined },
        );
        assert.equal("default" in option.schema, false);
        for (const raw of [undefined, 0, -1, 1.5, "365", null]) {
            assert.equal(option.read(raw), undefined, `${String(raw)} reads as off`);
        }
        assert.equal(option.read(365), 365);
    });
});
