/**
 * The condition operators of the key-policy evaluator (`policypack/lib/iam/conditions.ts`), one
 * table per operator family: for each operator the request value that satisfies it, the one that
 * does not, a value it cannot compare, and a key the request does not have. Each expectation is the
 * IAM User Guide's, quoted where the case is not obvious
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html).
 * The randomised comparison with a simulator is tests/iamDifferential.test.ts; this file is the
 * fixed cases, so a change of one operator fails here by name.
 */
import * as assert from "node:assert/strict";
import { cidrBlock, conditionsHold } from "../policypack/lib/iam/conditions";
import type { Env } from "../policypack/lib/iam/patterns";

/** A request context (keys as written; the evaluator lower-cases them) with policy variables on. */
function env(context: Record<string, string> = {}): Env {
    return {
        context: new Map(Object.entries(context).map(([k, v]) => [k.toLowerCase(), v])),
        variables: true,
    };
}

/** One case: `{ [operator]: { [key]: values } }` against a request whose `key` is `request` (absent: undefined). */
type Case = readonly [
    operator: string,
    values: unknown,
    request: string | undefined,
    holds: boolean,
];

const KEY = "kms:EncryptionContext:aws:logs:arn";

/** Runs each case with the condition key `KEY`, naming the case in the failure. */
function check(cases: readonly Case[]): void {
    for (const [operator, values, request, holds] of cases) {
        const context: Record<string, string> = request === undefined ? {} : { [KEY]: request };
        assert.equal(
            conditionsHold({ [operator]: { [KEY]: values } }, env(context)),
            holds,
            `${operator} ${JSON.stringify(values)} against ${JSON.stringify(request)}`,
        );
    }
}

const GROUP = "arn:aws:logs:us-east-1:111122223333:log-group:app";

describe("policypack/lib/iam/conditions.ts: string and ARN operators", () => {
    it("StringEquals and StringNotEquals compare exactly, case and wildcards included", () => {
        check([
            ["StringEquals", GROUP, GROUP, true],
            ["StringEquals", GROUP, GROUP.toUpperCase(), false],
            ["StringEquals", "arn:aws:logs:*", GROUP, false], // a * is a character here
            ["StringEquals", "a*", "a*", true],
            ["StringEquals", ["other", GROUP], GROUP, true], // any of the values
            ["StringEquals", ["other", "another"], GROUP, false],
            ["StringNotEquals", GROUP, GROUP, false],
            ["StringNotEquals", "other", GROUP, true],
            ["StringNotEquals", ["other", GROUP], GROUP, false], // none of the values may match
            ["StringNotEquals", ["other", "another"], GROUP, true],
        ]);
    });

    it("the IgnoreCase operators compare without case", () => {
        check([
            ["StringEqualsIgnoreCase", "ABC", "abc", true],
            ["StringEqualsIgnoreCase", "abd", "abc", false],
            ["StringNotEqualsIgnoreCase", "ABC", "abc", false],
            ["StringNotEqualsIgnoreCase", "abd", "abc", true],
        ]);
    });

    it("StringLike and StringNotLike read * as any characters and ? as one", () => {
        check([
            ["StringLike", "arn:aws:logs:us-east-1:111122223333:log-group:*", GROUP, true],
            ["StringLike", "arn:aws:logs:us-east-1:111122223333:log-group:ap?", GROUP, true],
            ["StringLike", "arn:aws:logs:us-east-1:111122223333:log-group:a?", GROUP, false],
            ["StringLike", "arn:aws:logs:us-west-2:*", GROUP, false],
            ["StringLike", "ARN:aws:logs:*", GROUP, false], // case-sensitive
            ["StringNotLike", "arn:aws:logs:us-west-2:*", GROUP, true],
            ["StringNotLike", "arn:aws:logs:*", GROUP, false],
        ]);
    });

    it("the Arn operators match ARNs component by component and never match a value that is not an ARN", () => {
        check([
            ["ArnEquals", GROUP, GROUP, true],
            ["ArnLike", "arn:aws:logs:*:111122223333:log-group:*", GROUP, true],
            ["ArnLike", "arn:aws:logs:*:444455556666:log-group:*", GROUP, false],
            ["ArnEquals", "arn:aws:logs:us-east-1:111122223333:log-group:other", GROUP, false],
            ["ArnNotEquals", "arn:aws:logs:us-east-1:111122223333:log-group:other", GROUP, true],
            ["ArnNotLike", "arn:aws:logs:*:*:*", GROUP, false],
            ["ArnNotLike", "arn:aws:s3:::*", GROUP, true],
            // IAM User Guide, ARN condition operators: "Each of the six colon-delimited components
            // of the ARN is checked separately": a pattern of fewer components is not an ARN.
            ["ArnLike", "arn:aws:logs:*", GROUP, false],
            ["ArnNotLike", "arn:aws:logs:*", GROUP, false],
            // "not an ARN" on either side: cannot be compared, so neither operator holds.
            ["ArnLike", "arn:aws:logs:*:*:*", "not-an-arn", false],
            ["ArnNotLike", "arn:aws:logs:*:*:*", "not-an-arn", false],
            ["ArnLike", "not-an-arn", GROUP, false],
            ["ArnNotLike", "not-an-arn", GROUP, false],
        ]);
    });

    it("replaces policy variables from the request context, with a default, and never matches an unresolved one", () => {
        const context = { [KEY]: GROUP, "aws:SourceAccount": "111122223333" };
        const holds = (operator: string, value: string, ctx: Record<string, string> = context) =>
            conditionsHold({ [operator]: { [KEY]: value } }, env(ctx));
        assert.equal(holds("StringLike", "arn:aws:logs:*:${aws:SourceAccount}:log-group:*"), true);
        assert.equal(
            holds("StringEquals", "arn:aws:logs:us-east-1:${aws:SourceAccount}:log-group:app"),
            true,
        );
        assert.equal(holds("ArnLike", "arn:aws:logs:*:${aws:SourceAccount}:*"), true);
        // The variable's value is literal even under StringLike: no wildcard comes from the context.
        assert.equal(
            holds("StringLike", "${aws:SourceAccount}", { [KEY]: "1*", "aws:SourceAccount": "1*" }),
            true,
        );
        assert.equal(
            holds("StringLike", "${aws:SourceAccount}", { [KEY]: "12", "aws:SourceAccount": "1*" }),
            false,
        );
        // IAM User Guide, policy variables: "If there is no value ... any attempt to match it fails".
        assert.equal(holds("StringLike", "arn:aws:logs:*:${aws:PrincipalAccount}:*"), false);
        assert.equal(holds("StringNotLike", "arn:aws:logs:*:${aws:PrincipalAccount}:*"), false);
        assert.equal(holds("StringEquals", "${aws:PrincipalAccount}"), false);
        assert.equal(holds("StringEqualsIgnoreCase", "${aws:PrincipalAccount}"), false);
        assert.equal(holds("ArnLike", "${aws:PrincipalAccount}"), false);
        assert.equal(holds("Bool", "${aws:PrincipalAccount}", { [KEY]: "true" }), false);
        // "... a default value ...": `${key, 'default'}`.
        assert.equal(holds("StringEquals", "${aws:PrincipalAccount, 'x'}", { [KEY]: "x" }), true);
    });
});

describe("policypack/lib/iam/conditions.ts: numeric, date, Bool, binary and IP operators", () => {
    it("the Numeric operators compare the request value to the policy's, and nothing that is not a number", () => {
        check([
            ["NumericEquals", "10", "10", true],
            ["NumericEquals", "10", "10.0", true],
            ["NumericEquals", "10", "11", false],
            ["NumericNotEquals", "10", "11", true],
            ["NumericNotEquals", "10", "10", false],
            ["NumericLessThan", "10", "9", true],
            ["NumericLessThan", "10", "10", false],
            ["NumericLessThanEquals", "10", "10", true],
            ["NumericLessThanEquals", "10", "11", false],
            ["NumericGreaterThan", "10", "11", true],
            ["NumericGreaterThan", "10", "10", false],
            ["NumericGreaterThanEquals", "10", "10", true],
            ["NumericGreaterThanEquals", "10", "9", false],
            ["NumericEquals", 10, "10", true], // a JSON number in the policy
            ["NumericEquals", "+1.5", "1.5", true],
            ["NumericEquals", ".5", "0.5", true],
            ["NumericEquals", "-2", "-2.", true],
            // Not numbers (exponents, text, empty): no comparison, negated or not.
            ["NumericEquals", "1e3", "1000", false],
            ["NumericNotEquals", "1e3", "1000", false],
            ["NumericLessThan", "10", "nine", false],
            ["NumericNotEquals", "10", "", false],
            ["NumericEquals", "1.2.3", "1.2", false],
            ["NumericEquals", "0x10", "16", false],
        ]);
    });

    it("the Date operators read W3C ISO 8601 dates and epoch seconds, and nothing else", () => {
        // IAM User Guide, Date condition operators: "You must specify date/time values with one of
        // the W3C implementations of the ISO 8601 date formats or in epoch (UNIX) time".
        const t = "2026-12-06T10:00:00Z";
        const epoch = String(Date.parse(t) / 1000);
        check([
            ["DateEquals", t, epoch, true],
            ["DateEquals", epoch, "2026-12-06T11:00:00+01:00", true],
            ["DateEquals", "2026-12-06T10:00Z", t, true],
            ["DateEquals", "2026-12-06T10:00:00.000Z", t, true],
            ["DateEquals", "2026-12-06", "2026-12-06T00:00:00Z", true],
            ["DateEquals", "2026-12", "2026-12-01T00:00:00Z", true],
            ["DateEquals", t, "2026-12-06T10:00:01Z", false],
            ["DateNotEquals", t, "2026-12-06T10:00:01Z", true],
            ["DateNotEquals", t, epoch, false],
            ["DateLessThan", t, "2026-12-06T09:59:59Z", true],
            ["DateLessThan", t, t, false],
            ["DateLessThanEquals", t, t, true],
            ["DateLessThanEquals", t, "2026-12-06T10:00:01Z", false],
            ["DateGreaterThan", t, "2026-12-06T10:00:01Z", true],
            ["DateGreaterThan", t, t, false],
            ["DateGreaterThanEquals", t, t, true],
            ["DateGreaterThanEquals", t, "2026-12-06T09:59:59Z", false],
            ["DateLessThan", "0", "-1", true], // negative epoch seconds
            // A time without a zone, a date Date.parse accepts but W3C does not, text: no comparison.
            ["DateEquals", "2026-12-06T10:00:00", t, false],
            ["DateNotEquals", "2026-12-06T10:00:00", t, false],
            ["DateEquals", "Sun, 06 Dec 2026 10:00:00 GMT", t, false],
            ["DateLessThan", t, "yesterday", false],
            ["DateEquals", "2026-13-01", "2026-13-01", false],
        ]);
    });

    it("Bool compares true and false without case, and nothing else", () => {
        check([
            ["Bool", "true", "true", true],
            ["Bool", "TRUE", "true", true],
            ["Bool", true, "True", true], // a JSON boolean in the policy
            ["Bool", "false", "false", true],
            ["Bool", "true", "false", false],
            ["Bool", "false", "true", false],
            ["Bool", "yes", "yes", false],
            ["Bool", "true", "1", false],
        ]);
    });

    it("BinaryEquals compares the base-64 text exactly", () => {
        check([
            ["BinaryEquals", "QmluYXJ5", "QmluYXJ5", true],
            ["BinaryEquals", "QmluYXJ5", "qmluyxj5", false],
        ]);
    });

    it("IpAddress and NotIpAddress test the CIDR block, a bare address as /32 or /128", () => {
        // IAM User Guide, IP address condition operators: "If you specify an IP address without the
        // associated routing prefix, IAM uses the default prefix value of /32."
        check([
            ["IpAddress", "203.0.113.0/24", "203.0.113.7", true],
            ["IpAddress", "203.0.113.0/24", "203.0.114.7", false],
            ["NotIpAddress", "203.0.113.0/24", "203.0.114.7", true],
            ["NotIpAddress", "203.0.113.0/24", "203.0.113.7", false],
            ["IpAddress", "203.0.113.7", "203.0.113.7", true],
            ["IpAddress", "203.0.113.7", "203.0.113.8", false],
            ["IpAddress", "0.0.0.0/0", "198.51.100.1", true],
            ["IpAddress", "2001:db8::/32", "2001:db8::1", true],
            ["IpAddress", "2001:db8::/32", "2001:db9::1", false],
            ["IpAddress", "2001:db8::1", "2001:db8::1", true],
            ["IpAddress", "2001:db8::1", "2001:db8::2", false],
            ["IpAddress", "2001:db8::/128", "2001:db8::", true],
            // An address of the other family is never in the block.
            ["IpAddress", "0.0.0.0/0", "2001:db8::1", false],
            ["NotIpAddress", "0.0.0.0/0", "2001:db8::1", true],
            ["IpAddress", "::/0", "203.0.113.7", false],
            // Not a block (prefix too long, not a number, two prefixes, not an address), not an address.
            ["IpAddress", "203.0.113.0/33", "203.0.113.7", false],
            ["NotIpAddress", "203.0.113.0/33", "203.0.113.7", false],
            ["IpAddress", "2001:db8::/129", "2001:db8::1", false],
            ["IpAddress", "203.0.113.0/x", "203.0.113.7", false],
            ["IpAddress", "203.0.113.0/1234", "203.0.113.7", false],
            ["IpAddress", "203.0.113.0/24/8", "203.0.113.7", false],
            ["IpAddress", "203.0.113.0/", "203.0.113.7", false],
            ["IpAddress", "example.com/24", "203.0.113.7", false],
            ["IpAddress", "203.0.113.0/24", "example.com", false],
            ["NotIpAddress", "203.0.113.0/24", "example.com", false],
        ]);
    });

    it("cidrBlock reads a block, a bare address as /32 or /128, and nothing else", () => {
        // Parsed afresh here: the operators keep blocks per text, which would hide a change.
        const holds = (text: string, inside: string[], outside: string[]) => {
            const block = cidrBlock(text);
            assert.notEqual(block, null, text);
            for (const a of inside) {
                assert.equal(block!.list.check(a, block!.family), true, `${a} in ${text}`);
            }
            for (const a of outside) {
                assert.equal(block!.list.check(a, block!.family), false, `${a} not in ${text}`);
            }
            return block!.family;
        };
        assert.equal(
            holds("10.0.0.0/8", ["10.0.0.0", "10.255.255.255"], ["11.0.0.0", "9.255.255.255"]),
            "ipv4",
        );
        assert.equal(holds("10.1.2.3", ["10.1.2.3"], ["10.1.2.2", "10.1.2.4"]), "ipv4");
        assert.equal(holds("10.1.2.3/32", ["10.1.2.3"], ["10.1.2.4"]), "ipv4");
        assert.equal(holds("0.0.0.0/0", ["255.255.255.255"], []), "ipv4");
        assert.equal(holds("2001:db8::1", ["2001:db8::1"], ["2001:db8::2", "2001:db8::"]), "ipv6");
        assert.equal(holds("2001:db8::/64", ["2001:db8::ffff"], ["2001:db8:0:1::"]), "ipv6");
        assert.equal(holds("2001:db8::/128", ["2001:db8::"], ["2001:db8::1"]), "ipv6");
        assert.equal(holds("2001:db8::/33", ["2001:db8:7fff::"], ["2001:db8:8000::"]), "ipv6");
        for (const text of [
            "10.0.0.0/33",
            "2001:db8::/129",
            "10.0.0.0/x",
            "10.0.0.0/08x",
            "10.0.0.0/x8",
            "10.0.0.0/1234",
            "10.0.0.0/",
            "10.0.0.0/24/8",
            "10.0.0/8",
            "example.com",
            "",
        ]) {
            assert.equal(cidrBlock(text), null, text);
        }
    });

    it("an IPv4 /32 block is the address alone, whatever block was asked before it", () => {
        // The blocks are kept per text: asking a wide block first must not change a narrow one.
        check([
            ["IpAddress", "10.0.0.0/8", "10.1.2.3", true],
            ["IpAddress", "10.0.0.0/32", "10.1.2.3", false],
            ["IpAddress", "10.0.0.0/32", "10.0.0.0", true],
        ]);
    });
});

describe("policypack/lib/iam/conditions.ts: missing keys, IfExists, Null and the set qualifiers", () => {
    it("a key the request does not have fails a positive operator and satisfies a negated one", () => {
        // Condition operators: "If the key that you specify in a policy condition is not present in
        // the request context, the values do not match and the condition is false. If the policy
        // condition requires that the key is not matched, such as StringNotLike or ArnNotLike, and
        // the right key is not present, the condition is true."
        check([
            ["StringEquals", GROUP, undefined, false],
            ["StringLike", "*", undefined, false],
            ["ArnLike", "arn:*:*:*:*:*", undefined, false],
            ["NumericLessThan", "10", undefined, false],
            ["Bool", "true", undefined, false],
            ["IpAddress", "0.0.0.0/0", undefined, false],
            ["StringNotEquals", GROUP, undefined, true],
            ["StringNotLike", "*", undefined, true],
            ["ArnNotLike", "arn:*:*:*:*:*", undefined, true],
            ["NumericNotEquals", "10", undefined, true],
            ["DateNotEquals", "2026-12-06", undefined, true],
            ["NotIpAddress", "0.0.0.0/0", undefined, true],
        ]);
    });

    it("...IfExists holds when the key is missing and compares as its operator when it is there", () => {
        check([
            ["StringEqualsIfExists", GROUP, undefined, true],
            ["StringEqualsIfExists", GROUP, GROUP, true],
            ["StringEqualsIfExists", GROUP, "other", false],
            ["ArnLikeIfExists", "arn:aws:logs:*:*:*", undefined, true],
            ["ArnLikeIfExists", "arn:aws:logs:*:*:*", GROUP, true],
            ["ArnLikeIfExists", "arn:aws:s3:*:*:*", GROUP, false],
            ["StringNotEqualsIfExists", GROUP, GROUP, false],
            ["StringNotEqualsIfExists", GROUP, undefined, true],
            ["BoolIfExists", "true", "false", false],
        ]);
    });

    it("Null says whether the key is missing ('true') or there ('false'), and takes no qualifier", () => {
        check([
            ["Null", "true", undefined, true],
            ["Null", "true", GROUP, false],
            ["Null", "false", GROUP, true],
            ["Null", "false", undefined, false],
            ["Null", "TRUE", undefined, true],
            ["Null", true, undefined, true],
            ["Null", ["false", "true"], GROUP, true],
            ["Null", "maybe", undefined, false],
            ["ForAnyValue:Null", "true", undefined, false],
            ["ForAllValues:Null", "false", GROUP, false],
        ]);
    });

    it("ForAnyValue and ForAllValues compare a single request value as a set of one, and differ on a missing key", () => {
        // IAM User Guide, multivalued context keys: ForAllValues "also returns true if there are no
        // keys in the request"; ForAnyValue: "For no matching key or a null dataset, the condition
        // returns false".
        check([
            ["ForAnyValue:StringEquals", ["other", GROUP], GROUP, true],
            ["ForAnyValue:StringEquals", ["other"], GROUP, false],
            ["ForAllValues:StringEquals", ["other", GROUP], GROUP, true],
            ["ForAllValues:StringEquals", ["other"], GROUP, false],
            ["ForAnyValue:StringEquals", GROUP, undefined, false],
            ["ForAllValues:StringEquals", GROUP, undefined, true],
            ["ForAnyValue:StringNotEquals", GROUP, undefined, false],
            ["ForAllValues:StringNotEquals", GROUP, undefined, true],
            ["ForAnyValue:StringLikeIfExists", "x*", undefined, false],
            ["ForAllValues:StringLikeIfExists", "x*", "y", false],
            ["ForAllValues:StringLikeIfExists", "x*", "xy", true],
            // Another prefix is no qualifier: the condition never holds.
            ["ForSomeValues:StringEquals", GROUP, GROUP, false],
            ["ForAnyValue:", GROUP, GROUP, false],
            ["forAnyValue:StringEquals", GROUP, GROUP, false],
        ]);
    });

    it("an unknown operator, or values that are not strings, numbers or booleans, never hold", () => {
        check([
            ["StringEqualz", GROUP, GROUP, false],
            ["StringEqualzIfExists", GROUP, undefined, false],
            ["stringequals", GROUP, GROUP, false],
            ["IfExists", GROUP, undefined, false],
            ["StringEquals", { nested: GROUP }, GROUP, false],
            ["StringNotEquals", { nested: GROUP }, "other", false],
            ["StringEquals", [GROUP, { nested: GROUP }], GROUP, false],
            ["StringNotEquals", [null], "other", false],
            ["StringNotEquals", null, "other", false],
        ]);
    });
});

describe("policypack/lib/iam/conditions.ts: conditionsHold", () => {
    const context = env({ [KEY]: GROUP, "aws:SourceAccount": "111122223333" });

    it("holds with no Condition, and never for a Condition or block that is not an object", () => {
        assert.equal(conditionsHold(undefined, context), true);
        assert.equal(conditionsHold({}, context), true);
        for (const notObject of [null, [], "StringEquals", 5, true]) {
            assert.equal(conditionsHold(notObject, context), false, JSON.stringify(notObject));
            assert.equal(
                conditionsHold({ StringNotEquals: notObject }, context),
                false,
                `block ${JSON.stringify(notObject)}`,
            );
        }
        assert.equal(conditionsHold({ StringEquals: {} }, context), true);
    });

    it("needs every operator and every key to hold, and reads keys without case", () => {
        const both = {
            StringEquals: { "AWS:SOURCEACCOUNT": "111122223333" },
            ArnLike: { [KEY.toUpperCase()]: "arn:aws:logs:*:*:*" },
        };
        assert.equal(conditionsHold(both, context), true);
        assert.equal(
            conditionsHold(
                { ...both, StringNotEquals: { "aws:SourceAccount": "111122223333" } },
                context,
            ),
            false,
        );
        assert.equal(
            conditionsHold(
                { StringEquals: { "aws:SourceAccount": "111122223333", [KEY]: "other" } },
                context,
            ),
            false,
        );
        assert.equal(
            conditionsHold(
                { StringEquals: { [KEY]: "other", "aws:SourceAccount": "111122223333" } },
                context,
            ),
            false,
        );
    });
});
