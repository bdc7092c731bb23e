/**
 * The facts-level fixture of the key-rule tests: a stack built with the `StackBuilder`, read as
 * `@pulumi/policy` hands it to a stack policy, and the facts of one of its targets, computed as
 * the pack computes them; then one rule run on them.
 */
import * as assert from "node:assert/strict";
import { TargetFacts, targetFacts } from "../../policypack/lib/facts/facts";
import { DEFAULT_RULE_OPTIONS } from "../../policypack/lib/rules";
import type { Finding, Rule, RuleOptions } from "../../policypack/lib/rules/rule";
import { StackIndex, StackResourceLike } from "../../policypack/lib/stack/stackIndex";
import { stackResources } from "../../harness/inProcessPack";
import type { StackResource } from "../../harness/policyHarness";
import { ACCOUNT, StackBuilder } from "../../harness/stackFixtures";
import { LogGroupKeyPolicyArgs, logGroupKeyPolicy } from "../../components";

/** The stack `s` has built, indexed as the pack indexes what `@pulumi/policy` hands it. */
export function stackIndexOf(s: StackBuilder): StackIndex {
    return new StackIndex(stackResources(s.resources) as unknown as StackResourceLike[]);
}

/** The facts of `target` in the stack `s` has built. */
export function factsOf(s: StackBuilder, target: StackResource): TargetFacts {
    const index = stackIndexOf(s);
    const resource = index.targets.find((t) => t.urn === target.urn);
    if (resource === undefined) {
        throw new Error(`${target.urn} is not a target of the stack`);
    }
    return targetFacts(index, resource, {});
}

/** The log-group key policy of the fixtures' account in us-east-1, for `scope` (groups, or account-wide). */
export function usEast1KeyPolicy(
    scope: Pick<LogGroupKeyPolicyArgs, "logGroupNames" | "accountWide">,
): ReturnType<typeof logGroupKeyPolicy> {
    return logGroupKeyPolicy({
        partition: "aws",
        dnsSuffix: "amazonaws.com",
        region: "us-east-1",
        accountId: ACCOUNT,
        ...scope,
    });
}

/** What `rule` finds on `target`, with the default options and `options` over them. */
export function judge(
    rule: Rule<"key target">,
    s: StackBuilder,
    target: StackResource,
    options: RuleOptions = {},
): readonly Finding[] {
    return rule.run(factsOf(s, target), { ...DEFAULT_RULE_OPTIONS, ...options });
}

/** One row of a rule's table: a stack, the target judged, the options, and what must be found. */
export interface Case {
    /** What must hold, as the test's name. */
    readonly name: string;
    /** Builds the stack and returns the target the rule judges. */
    readonly target: (s: StackBuilder) => StackResource;
    readonly options?: RuleOptions;
    /** Each finding: its outcome and a part of its message. `[]`: the target passes. */
    readonly finds: readonly (readonly [Finding["outcome"], RegExp])[];
}

/** One `it` per row: the rule finds exactly what the row says, under its own id. */
export function table(rule: Rule<"key target">, cases: readonly Case[]): void {
    for (const c of cases) {
        it(c.name, () => {
            const s = new StackBuilder();
            const found = judge(rule, s, c.target(s), c.options);
            assert.deepEqual(
                found.map((f) => f.outcome),
                c.finds.map(([outcome]) => outcome),
                found.map((f) => f.message).join("\n"),
            );
            found.forEach((f, i) => {
                assert.equal(f.rule, rule.id);
                assert.match(f.message, c.finds[i][1]);
            });
        });
    }
}
