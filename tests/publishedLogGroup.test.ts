/**
 * The log-group-facts contract and the PublishedLogGroup component's pure checks: what the owning
 * stack publishes (`logGroupFacts`), what the consuming stack accepts, and the errors naming the
 * output, the stack and the fix.
 */
import * as assert from "node:assert/strict";
import { LOG_GROUP_FACTS_KIND, checkLogGroupFacts } from "../aws/logGroupFactsContract";
import {
    checkPublishedLogGroupArgs,
    publishedLogGroupFactsAt,
} from "../components/common/publishedLogGroup";
import { ACCOUNT, publishedLogsKeyFacts } from "../harness/stackFixtures";

const ARN = `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:/platform/shared`;
const FACTS = {
    kind: LOG_GROUP_FACTS_KIND,
    name: "/platform/shared",
    arn: ARN,
    region: "us-east-1",
    kmsKeyArn: "",
};
const HOW_TO =
    "Fix: export the group's facts in the owning stack (export const sharedGroup = logGroupFacts(group, key.facts);) and name that output.";

describe("log-group facts (PublishedLogGroup, logGroupFacts)", () => {
    it("accepts facts with and without a key; a key's facts are checked with the key-facts contract", () => {
        assert.deepEqual(checkLogGroupFacts(FACTS), { facts: FACTS });
        const key = publishedLogsKeyFacts("k");
        const withKey = { ...FACTS, kmsKeyArn: key.arn, key };
        assert.deepEqual(checkLogGroupFacts(withKey), { facts: withKey });
        assert.deepEqual(checkLogGroupFacts({ ...FACTS, key: { ...key, keySpec: 3 } }), {
            problems: [
                "key breaks the key-facts contract: keySpec is 3, a number; a string is required",
            ],
        });
    });

    it("refuses another version, a missing field and an ARN that is not the group's", () => {
        assert.deepEqual(
            checkLogGroupFacts({ ...FACTS, kind: "pulumi-aws-encrypted-logs/log-group-facts@2" }),
            {
                problems: [
                    'kind is "pulumi-aws-encrypted-logs/log-group-facts@2", but this version of pulumi-aws-encrypted-logs reads "pulumi-aws-encrypted-logs/log-group-facts@1"',
                ],
            },
        );
        assert.deepEqual(checkLogGroupFacts({ ...FACTS, kmsKeyArn: undefined }), {
            problems: ["kmsKeyArn is missing; a string is required"],
        });
        assert.deepEqual(checkLogGroupFacts({ ...FACTS, region: "eu-west-1" }), {
            problems: [
                `arn "${ARN}" names /platform/shared in us-east-1, but name is "/platform/shared" and region "eu-west-1"`,
            ],
        });
    });

    it("reads the facts at an output or a dotted path", () => {
        assert.deepEqual(
            publishedLogGroupFactsAt(FACTS, "sharedGroup", "acme/platform/prod"),
            FACTS,
        );
        assert.deepEqual(
            publishedLogGroupFactsAt({ shared: FACTS }, "groups.shared", "acme/platform/prod"),
            FACTS,
        );
    });

    it("refuses an output that is not a group's facts, or breaks the contract, naming the output, the stack and the fix", () => {
        assert.throws(() => publishedLogGroupFactsAt(ARN, "sharedGroup", "acme/platform/prod"), {
            message:
                `outputName is "sharedGroup": the output "sharedGroup" of stack acme/platform/prod holds "${ARN}", not a log group's facts. ` +
                `Allowed: an output holding an object with kind "${LOG_GROUP_FACTS_KIND}". ${HOW_TO}`,
        });
        assert.throws(
            () =>
                publishedLogGroupFactsAt(
                    { ...FACTS, name: 1 },
                    "sharedGroup",
                    "acme/platform/prod",
                ),
            /the log group facts at the output "sharedGroup" of stack acme\/platform\/prod break the contract: name is 1; a string is required/,
        );
    });

    it("refuses an empty output name or stack name", () => {
        assert.throws(
            () =>
                checkPublishedLogGroupArgs({
                    stackName: "acme/platform/prod",
                    outputName: "groups..shared",
                }),
            /outputName is "groups\.\.shared": it must name the output of the owning stack that holds the group's facts/,
        );
        assert.throws(
            () => checkPublishedLogGroupArgs({ stackName: "", outputName: "sharedGroup" }),
            /stackName is "": it must name the stack that owns the log group/,
        );
        assert.doesNotThrow(() =>
            checkPublishedLogGroupArgs({
                stackName: "acme/platform/prod",
                outputName: "sharedGroup",
            }),
        );
    });
});
