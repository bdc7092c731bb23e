/**
 * The key-policy evaluator's own entry points (`policypack/lib/iam/policy.ts`, with the elements
 * of `elements.ts` where a case is not reached otherwise), directly and
 * uncached where the cache could hide a difference: what `parsePolicy` makes of each shape of
 * document (not JSON, not an object, one statement, none, a statement that is not an object),
 * what `parsePolicyCached` remembers (text, not objects), the decision for a new key whose id
 * patterns are too many to enumerate or split the ids, and the accounts `principalAccounts` reads.
 */
import * as assert from "node:assert/strict";
import {
    KeyRequest,
    evaluate,
    parsePolicy,
    parsePolicyCached,
    principalAccounts,
} from "../policypack/lib/iam/policy";
import { ACCOUNT } from "../harness/stackFixtures";
import { BoundedMap } from "../policypack/lib/iam/boundedMap";

const LOGS = "logs.us-east-1.amazonaws.com";
const KEY_ARN = `arn:aws:kms:us-east-1:${ACCOUNT}:key/`;

/** The logs principal's kms:Encrypt on a key not created yet (multi-Region or not: `multiRegion`). */
function newKeyRequest(multiRegion?: boolean): KeyRequest {
    return {
        principal: { kind: "service", service: LOGS },
        action: "kms:Encrypt",
        resource: { partition: "aws", region: "us-east-1", account: ACCOUNT, multiRegion },
        context: {},
    };
}

const allowOn = (resource: string | string[]) => ({
    Effect: "Allow",
    Principal: { Service: LOGS },
    Action: "kms:*",
    Resource: resource,
});

describe("policypack/lib/iam/policy.ts: parsePolicy", () => {
    it("says why a text is not a policy, with no statements", () => {
        let jsonError = "";
        try {
            JSON.parse("{not json");
        } catch (e) {
            jsonError = (e as Error).message;
        }
        assert.deepEqual(parsePolicy("{not json"), {
            statements: [],
            error: `the key policy is not valid JSON (${jsonError})`,
        });
        for (const notObject of ["null", "[]", "5", '"text"', null, [], 5]) {
            assert.deepEqual(
                parsePolicy(notObject),
                { statements: [], error: "the key policy is not a JSON object" },
                JSON.stringify(notObject),
            );
        }
    });

    it("reads one statement, no statement, and a list, and refuses a statement that is not an object", () => {
        const one = { Effect: "Allow", Action: "kms:*" };
        assert.deepEqual(parsePolicy({ Version: "2012-10-17", Statement: one }), {
            statements: [one],
            variables: true,
        });
        assert.deepEqual(parsePolicy(JSON.stringify({ Statement: one })), {
            statements: [one],
            variables: false,
        });
        assert.deepEqual(parsePolicy({ Version: "2012-10-17" }), {
            statements: [],
            variables: true,
        });
        assert.deepEqual(parsePolicy({ Version: "2008-10-17", Statement: [one, one] }), {
            statements: [one, one],
            variables: false,
        });
        assert.deepEqual(parsePolicy({ Version: "2012-10-17", Statement: [one, "text", null] }), {
            statements: [one],
            variables: true,
            error: "the key policy has a statement that is not an object",
        });
    });
});

describe("policypack/lib/iam/policy.ts: parsePolicyCached", () => {
    it("remembers a policy by its text", () => {
        const text = JSON.stringify({ Version: "2012-10-17", Statement: allowOn("*remembered*") });
        const first = parsePolicyCached(text);
        assert.deepEqual(first, parsePolicy(text));
        assert.strictEqual(parsePolicyCached(text), first);
    });

    it("parses an object (AWS Native's keyPolicy) each time: it reads what the object holds now", () => {
        const doc: { Version: string; Statement: object[] } = {
            Version: "2012-10-17",
            Statement: [allowOn("*")],
        };
        const first = parsePolicyCached(doc);
        assert.deepEqual(first, { statements: [allowOn("*")], variables: true });
        doc.Statement = [];
        const second = parsePolicyCached(doc);
        assert.notStrictEqual(second, first);
        assert.deepEqual(second, { statements: [], variables: true });
    });
});

describe("policypack/lib/iam/boundedMap.ts: the caches' bound", () => {
    it("keeps up to one entry more than its bound, then clears itself on the next set", () => {
        const map = new BoundedMap<string, number>(2);
        map.set("a", 1).set("b", 2).set("c", 3);
        assert.deepEqual(
            [...map],
            [
                ["a", 1],
                ["b", 2],
                ["c", 3],
            ],
        );
        // Over the bound: the next set starts afresh with its own entry only.
        map.set("d", 4);
        assert.deepEqual([...map], [["d", 4]]);
        // Over the bound again: even a key it holds is set afresh after a clear.
        map.set("e", 5).set("f", 6);
        map.set("d", 7);
        assert.deepEqual([...map], [["d", 7]]);
        assert.equal(map.bound, 2);
    });
});

describe("policypack/lib/iam/policy.ts: a key not created yet", () => {
    it("is undetermined when its id patterns have too many combinations to enumerate", () => {
        // "*0???????*" and "*1???????*": which of the last 8 characters were a 0 or a 1, more
        // than 4,096 states together.
        const windows = ["0", "1"].map((c) => `${KEY_ARN}*${c}???????*`);
        const policy = parsePolicy({ Version: "2012-10-17", Statement: [allowOn(windows)] });
        assert.equal(evaluate(policy, newKeyRequest(false)), "Undetermined");
    });

    it("is undetermined when only some ids are denied, and allowed or denied when all agree", () => {
        const deny = {
            Effect: "Deny",
            Principal: "*",
            Action: "kms:*",
            Resource: `${KEY_ARN}abc*`,
        };
        const allowAll = allowOn("*");
        assert.equal(
            evaluate(
                parsePolicy({ Version: "2012-10-17", Statement: [allowAll, deny] }),
                newKeyRequest(false),
            ),
            "Undetermined",
        );
        assert.equal(
            evaluate(
                parsePolicy({ Version: "2012-10-17", Statement: [allowAll] }),
                newKeyRequest(false),
            ),
            "Allowed",
        );
        // Some ids denied explicitly, the others by default: denied either way.
        const allowAbc = allowOn(`${KEY_ARN}abc*`);
        const denyAb = { ...deny, Resource: `${KEY_ARN}ab*` };
        assert.equal(
            evaluate(
                parsePolicy({ Version: "2012-10-17", Statement: [allowAbc, denyAb] }),
                newKeyRequest(false),
            ),
            "ImplicitlyDenied",
        );
        // Allowed only for multi-Region ids: a single-Region key is never named.
        assert.equal(
            evaluate(
                parsePolicy({ Version: "2012-10-17", Statement: [allowOn(`${KEY_ARN}mrk-*`)] }),
                newKeyRequest(false),
            ),
            "ImplicitlyDenied",
        );
    });
});

describe("policypack/lib/iam/policy.ts: principalAccounts", () => {
    it("reads account ids and IAM ARNs (strings) of Allow statements' AWS principals, sorted, once each", () => {
        const policy = parsePolicy({
            Version: "2012-10-17",
            Statement: [
                {
                    Effect: "Allow",
                    Principal: {
                        AWS: [
                            "444455556666",
                            `arn:aws:iam::${ACCOUNT}:root`,
                            "arn:aws:iam::444455556666:role/admin",
                            999988887777,
                            "*",
                            "not-an-account",
                        ],
                    },
                    Action: "kms:*",
                    Resource: "*",
                },
                { Effect: "Allow", Principal: { AWS: "777788889999" }, Action: "kms:*" },
                { Effect: "Deny", Principal: { AWS: "999988887777" }, Action: "kms:*" },
                { Effect: "Allow", Principal: "*", Action: "kms:*" },
                { Effect: "Allow", Principal: { Service: LOGS }, Action: "kms:*" },
            ],
        });
        assert.deepEqual(principalAccounts(policy), [ACCOUNT, "444455556666", "777788889999"]);
        assert.deepEqual(principalAccounts(parsePolicy({ Statement: [] })), []);
    });
});

describe("policypack/lib/iam/elements.ts: Principal and Resource forms", () => {
    const existing = `${KEY_ARN}1234abcd-12ab-34cd-56ef-1234567890ab`;
    /** The logs principal's kms:Encrypt on `resource`, under the statement `statement`. */
    const decide = (statement: object, resource: KeyRequest["resource"] = existing) =>
        evaluate(parsePolicy({ Version: "2012-10-17", Statement: [statement] }), {
            principal: { kind: "service", service: LOGS },
            action: "kms:Encrypt",
            resource,
            context: {},
        });

    it('matches a Principal of "*" or an object, never a list or another value', () => {
        const withPrincipal = (principal: unknown) => ({ ...allowOn("*"), Principal: principal });
        assert.equal(decide(withPrincipal("*")), "Allowed");
        assert.equal(decide(withPrincipal({ Service: LOGS })), "Allowed");
        for (const principal of [["*"], null, LOGS, 5]) {
            assert.equal(
                decide(withPrincipal(principal)),
                "ImplicitlyDenied",
                JSON.stringify(principal),
            );
        }
    });

    it("reads a Resource of fewer than six parts only with a wildcard, the rest then any", () => {
        assert.equal(decide(allowOn("arn:aws:kms:us-east-1:*")), "Allowed");
        assert.equal(decide(allowOn(`arn:aws:kms:us-east-1:${ACCOUNT}`)), "ImplicitlyDenied");
        assert.equal(decide(allowOn("arn:aws:kms:eu-west-1:*")), "ImplicitlyDenied");
    });

    it("applies a NotResource when nothing is known of the key, and not with an entry that is not text", () => {
        const notOther = {
            Effect: "Allow",
            Principal: { Service: LOGS },
            Action: "kms:*",
            NotResource: `${KEY_ARN}other`,
        };
        assert.equal(decide(notOther, undefined), "Allowed");
        assert.equal(decide(notOther), "Allowed");
        assert.equal(decide({ ...notOther, NotResource: [5] }), "ImplicitlyDenied");
        assert.equal(decide({ ...notOther, NotResource: existing }), "ImplicitlyDenied");
    });
});
