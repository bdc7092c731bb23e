/**
 * The pieces the policy runners stand on, one by one: the request hand-over (a value reaches the
 * policies after it on the same AnalyzeStack request, matched by URN, and is forgotten at the next
 * turn of the event loop), the configuration kept per configuration (getConfig() is a new object
 * on every call), the exemptions each resource policy records per URN, the order check's reading
 * of policies the runner did not make, and the messages of the exemptions advisory.
 */
import * as assert from "node:assert/strict";
import type { StackValidationArgs } from "../policypack/node_modules/@pulumi/policy";
import { keptPerConfiguration, unknownConfigurationMessage } from "../policypack/lib/config/config";
import type { Exemption } from "../policypack/lib/config/exemptions";
import { RequestHandOver } from "../policypack/policies/handOver";
import {
    exemptionsOfThisRequest,
    forgetResourceExemptions,
    policyChecks,
    policyExemptions,
    recordResourceExemptions,
    recordStackExemptions,
} from "../policypack/policies/exemptionLedger";
import { exemptedMessage } from "../policypack/policies/exemptions";
import { describeLogGroupRules } from "../policypack/policies/logGroupSettings";
import { PACK_POLICIES, handOverOrderProblems } from "../policypack/policies";
import { LOG_GROUP_RULES } from "../policypack/lib/rules";
import type { Rule } from "../policypack/lib/rules/rule";
import { usePolicyPack } from "../harness/policyHarness";
import { messageOf } from "../harness/verdicts";
import { StackBuilder } from "../harness/stackFixtures";
import { writer } from "../harness/destinationFixtures";

/** Counts the policy names made up for a first read (see its test). */
let freshPolicies = 0;

/** AnalyzeStack arguments with resources of these URNs (all a hand-over and the ledger read). */
function request(...urns: string[]): StackValidationArgs {
    return { resources: urns.map((urn) => ({ urn })) } as unknown as StackValidationArgs;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe("policy runners: the request hand-over", () => {
    it("gives the value to the same request's URNs, in order, and to no other request", () => {
        const channel = new RequestHandOver<string>("the reports", "run again");
        channel.put(request("a", "b"), "reports");
        assert.equal(channel.peek(request("a", "b")), "reports");
        assert.equal(channel.peek(request("a", "c")), undefined);
        assert.equal(channel.peek(request("b", "a")), undefined);
        assert.equal(channel.peek(request("a")), undefined);
        assert.equal(channel.peek(request("a", "b", "c")), undefined);
        assert.equal(channel.take(request("a", "b")), "reports");
        assert.equal(channel.peek(request("a", "b")), undefined);
    });

    it("forgets a value at the next turn of the event loop, but not a newer one put before it", async () => {
        const channel = new RequestHandOver<string>("the reports", "run again");
        channel.put(request("a"), "first");
        await nextTurn();
        assert.equal(channel.peek(request("a")), undefined);
        channel.put(request("a"), "older");
        channel.put(request("a"), "newer");
        assert.equal(channel.peek(request("a")), "newer");
        await nextTurn();
        assert.equal(channel.peek(request("a")), undefined);
    });
});

describe("policy runners: the configuration, read once per configuration", () => {
    it("reads again only when a property value changes, whatever object carries it", () => {
        const seen: unknown[] = [];
        const read = keptPerConfiguration((raw) => {
            seen.push(raw);
            return { read: seen.length };
        });
        const first = read({ a: 1, b: ["x"] });
        const list = ["x"];
        assert.deepEqual(read({ a: 1, b: ["x"] }), { read: 2 }, "another array is another value");
        assert.equal(read({ a: 1, b: list }), read({ a: 1, b: list }));
        assert.notEqual(read({ a: 2, b: list }), first);
        assert.deepEqual(read({ a: 2, b: list, c: 3 }), { read: 5 });
        assert.deepEqual(read({ a: 2 }), { read: 6 });
        assert.deepEqual(read(undefined), { read: 7 });
        assert.deepEqual(read(undefined), { read: 7 });
        assert.deepEqual(read(null), { read: 8 });
        assert.equal(seen.length, 8);
    });

    it("keeps each policy's exemptions apart, even for the same configuration", () => {
        const config = { exemptResourceNames: ["legacy"] };
        const usable = policyExemptions("log-encryption-key-usable", config);
        const required = policyExemptions("log-encryption-key-required", { ...config });
        assert.equal(usable.policy, "log-encryption-key-usable");
        assert.equal(required.policy, "log-encryption-key-required");
        assert.equal(policyExemptions("log-encryption-key-usable", { ...config }), usable);
    });

    it("reads the exemptions of a policy read for the first time, and knows no checks of an undeclared one", () => {
        // A name no test read before (the readers are per process): its reader is made here.
        const policy = `never-read-before-${++freshPolicies}`;
        assert.deepEqual(policyExemptions(policy, { exemptResourceNames: ["legacy"] }), {
            policy,
            entries: [],
            refusals: [],
            exemptResourceNames: ["legacy"],
            exemptUrnPatterns: [],
            tags: true,
        });
        assert.deepEqual(policyChecks(policy), []);
        assert.ok(policyChecks("log-encryption-key-usable").length > 0);
    });

    it("refuses unknown properties only of an object configuration", () => {
        const schema = { properties: { known: { type: "boolean" as const } } };
        for (const config of [undefined, null, "text", 42, ["unknown"], {}, { known: true }]) {
            assert.equal(unknownConfigurationMessage("p", config, schema), undefined);
        }
        assert.match(
            unknownConfigurationMessage("p", { knwon: true }, schema)!,
            /^\[configuration\] the configuration of p has an unknown property "knwon" \(did you mean "known"\?\)/,
        );
    });
});

describe("policy runners: the resource policies' exemption records", () => {
    afterEach(() => forgetResourceExemptions());

    const exemption = (policy: string): Exemption =>
        ({
            policy,
            rules: "all",
            reason: `why ${policy}`,
            source: { kind: "entry", index: 0 },
        }) as unknown as Exemption;
    const record = (policy: string, urn: string) => ({
        urn,
        subject: urn,
        exemption: exemption(policy),
    });

    it("keeps each policy's records per URN, in the order the policies recorded them, in the stack's order", () => {
        recordResourceExemptions("first", "b", [record("first", "b")]);
        recordResourceExemptions("second", "b", [record("second", "b")]);
        recordResourceExemptions("second", "a", [record("second", "a")]);
        assert.deepEqual(
            exemptionsOfThisRequest(request("a", "b", "c")).map((r) => [r.urn, r.exemption.policy]),
            [
                ["a", "second"],
                ["b", "first"],
                ["b", "second"],
            ],
        );
        // Taken once.
        assert.deepEqual(exemptionsOfThisRequest(request("a", "b")), []);
    });

    it("replaces a policy's records of a URN, and drops them when it records none", () => {
        recordResourceExemptions("first", "a", [record("first", "a")]);
        recordResourceExemptions("second", "a", [record("second", "a")]);
        recordResourceExemptions("first", "a", []);
        recordResourceExemptions("second", "a", [record("second", "a"), record("second", "a")]);
        recordResourceExemptions("third", "z", []);
        assert.deepEqual(
            exemptionsOfThisRequest(request("a", "z")).map((r) => r.exemption.policy),
            ["second", "second"],
        );
    });

    it("puts the stack policies' records of a request after the resource policies', per URN, in the stack's order", () => {
        const args = request("a", "b");
        recordResourceExemptions("first", "b", [record("first", "b")]);
        recordStackExemptions(args, [record("stack-1", "b"), record("stack-1", "a")]);
        recordStackExemptions(args, [record("stack-2", "b")]);
        assert.deepEqual(
            exemptionsOfThisRequest(request("a", "b")).map((r) => [r.urn, r.exemption.policy]),
            [
                ["a", "stack-1"],
                ["b", "first"],
                ["b", "stack-1"],
                ["b", "stack-2"],
            ],
        );
    });

    it("names the checks an exemption is narrowed to in the advisory's message", () => {
        const narrowed = {
            ...exemption("log-encryption-key-usable"),
            rules: ["rotation", "region"],
        };
        assert.match(
            exemptedMessage({
                urn: "u",
                subject: 'log group "a"',
                exemption: narrowed as Exemption,
            }),
            /^\[exempted\] log group "a" is exempted from log-encryption-key-usable \(rotation, region only\): why log-encryption-key-usable \(no expiry; /,
        );
    });
});

describe("policy runners: the order check and the log-group policy's description", () => {
    it("lets a policy the runner did not make stand anywhere: a resource policy, or an object without validateStack", () => {
        const stackPolicies = PACK_POLICIES.filter((p) => "validateStack" in p);
        const foreign = [
            { name: "mine-resource", validateResource: () => undefined },
            { name: "mine-odd", validateStack: "not a function" },
        ];
        assert.deepEqual(handOverOrderProblems([...foreign, ...stackPolicies]), []);
        assert.deepEqual(handOverOrderProblems([...stackPolicies, ...foreign]), []);
    });

    it("describes log-group-settings by its rules' requirements and ids", () => {
        assert.equal(
            describeLogGroupRules(LOG_GROUP_RULES),
            "Log groups must have the settings this policy's configuration asks for, each rule off until its option is set: " +
                "keep their logs at least minimumRetentionDays days, a retentionInDays of 0 or none (never expire) passing any minimum (retention).",
        );
    });

    it("joins the rules' requirements, or their labels where they have none, with semicolons", () => {
        const rules = [
            { id: "one", label: "first label", requirement: "do the first thing" },
            { id: "two", label: "second label" },
        ] as unknown as Rule<"log group">[];
        assert.equal(
            describeLogGroupRules(rules),
            "Log groups must have the settings this policy's configuration asks for, each rule off until its option is set: " +
                "do the first thing (one); second label (two).",
        );
    });

    it("says a policy without log-group rules checks nothing yet", () => {
        assert.equal(
            describeLogGroupRules([]),
            "Log groups must have the settings this policy's configuration asks for, each rule off until its option is set: none yet.",
        );
    });
});

describe("policy runners: an exemption tag on a resource that is not a target", function () {
    this.timeout(60_000);
    const running = usePolicyPack();

    it("is reported on the resource, named as a resource, when it exempts nothing", async () => {
        const s = new StackBuilder();
        writer(s, "aws:lambda/function:Function", "fn", {
            name: "fn",
            tags: { "encrypted-logs:exempt": "log-destination" },
        });
        const result = await running().preview(s.resources);
        assert.match(
            messageOf(result, "log-encryption-unverified", "fn", "exemption tag"),
            /^\[exemption tag\] resource "fn" \(aws:lambda\/function:Function\) has the tag encrypted-logs:exempt=log-destination, which exempts nothing: it has no encrypted-logs:exempt-reason tag/,
        );
    });
});
