/**
 * `policypack/lib/stack/location.ts`, directly, beyond what policypackUnits.test.ts checks: the
 * stack configuration read once per process (until reset) and only as a JSON object, and a
 * provider's single allowed account only when it is a string.
 */
import * as assert from "node:assert/strict";
import {
    providerAccount,
    resetStackConfiguration,
    stackConfiguration,
} from "../policypack/lib/stack/location";

/** `stackConfiguration()` read with PULUMI_CONFIG set to each of `texts` in turn, no reset between. */
function readWith(...texts: string[]): unknown[] {
    const before = process.env.PULUMI_CONFIG;
    try {
        resetStackConfiguration();
        return texts.map((text) => {
            process.env.PULUMI_CONFIG = text;
            return stackConfiguration();
        });
    } finally {
        if (before === undefined) {
            delete process.env.PULUMI_CONFIG;
        } else {
            process.env.PULUMI_CONFIG = before;
        }
        resetStackConfiguration();
    }
}

describe("stack/location.ts: the stack configuration and a provider's account", () => {
    it("reads PULUMI_CONFIG once, until reset", () => {
        assert.deepEqual(readWith('{"aws:region":"eu-west-1"}', '{"aws:region":"us-east-1"}'), [
            { "aws:region": "eu-west-1" },
            { "aws:region": "eu-west-1" },
        ]);
        assert.deepEqual(readWith('{"aws:region":"us-east-1"}'), [{ "aws:region": "us-east-1" }]);
    });

    it("reads only a JSON object", () => {
        for (const text of ["7", '"aws:region"', "null", "[1]", "true", "not json", ""]) {
            assert.deepEqual(readWith(text), [{}], text);
        }
    });

    it("reads a provider's single allowed account only as a string", () => {
        const p = (allowedAccountIds: unknown) => ({
            type: "pulumi:providers:aws",
            name: "p",
            props: { allowedAccountIds },
        });
        assert.equal(providerAccount(p([111122223333])), undefined);
        assert.equal(providerAccount(p("[111122223333]")), undefined);
        assert.equal(providerAccount(p('["111122223333"]')), "111122223333");
        assert.equal(
            providerAccount({ type: "pulumi:providers:aws", name: "p", props: undefined }),
            undefined,
        );
    });
});
