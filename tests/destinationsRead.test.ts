/**
 * `policypack/lib/destinations/read.ts`, directly: a physical name (never ""), a log group ARN as
 * written (parsed only when it names a log group, `:*` dropped; another service's: none) and the
 * service an ARN belongs to.
 */
import * as assert from "node:assert/strict";
import { arnService, groupArn, physicalName } from "../policypack/lib/destinations/read";
import { UNKNOWN, UNKNOWN_SENTINELS } from "../policypack/lib/stack/wire";

const ARN = "arn:aws:logs:eu-west-1:111122223333:log-group:";

describe("destinations/read.ts: names and ARNs as the readers take them", () => {
    it("reads a physical name, unknown when absent, empty or unknown", () => {
        assert.equal(physicalName({ name: "fn" }, "name"), "fn");
        for (const props of [{}, { name: "" }, { name: UNKNOWN_SENTINELS[2] }, { name: 5 }]) {
            assert.equal(physicalName(props, "name"), UNKNOWN, JSON.stringify(props));
        }
    });

    it("parses a log group ARN, and keeps any other value as written", () => {
        const parsed = (name: string) => ({
            partition: "aws",
            region: "eu-west-1",
            accountId: "111122223333",
            name,
        });
        assert.deepEqual(groupArn(`${ARN}/app:*`), {
            by: "arn",
            arn: `${ARN}/app:*`,
            parsed: parsed("/app"),
        });
        assert.deepEqual(groupArn(`${ARN}/a:*b`), {
            by: "arn",
            arn: `${ARN}/a:*b`,
            parsed: parsed("/a:*b"),
        });
        assert.deepEqual(groupArn(UNKNOWN), { by: "arn", arn: UNKNOWN });
        for (const value of [
            "not-an-arn",
            ARN,
            "arn:aws:logs:eu-west-1:111122223333:destination:d",
        ]) {
            assert.deepEqual(groupArn(value), { by: "arn", arn: value }, value);
        }
        assert.equal(groupArn("arn:aws:s3:::bucket"), undefined);
    });

    it("names an ARN's service, or another service when it is no ARN", () => {
        assert.equal(
            arnService("arn:aws:firehose:eu-west-1:111122223333:deliverystream/s"),
            "firehose",
        );
        assert.equal(arnService("nope"), "another service");
    });
});
