/**
 * `log-group-settings`: the settings of each log group (not its key: that is
 * `log-encryption-key-usable`) meet what this policy's configuration asks. Runs the log-group
 * rules (`LOG_GROUP_RULES`) on each log group's facts; each rule is off until its option is set,
 * so by default the policy checks nothing. Its description is built from its rules'
 * `requirement`s, so it says what the policy checks whatever rules it has.
 *
 * A resource policy: a log group's settings are its own inputs, so each is judged when the engine
 * analyses it, and the policy adds no stack policy to a preview (each costs `@pulumi/policy` a
 * list of every resource: `stackPolicy.ts`).
 */
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { logGroupFactsOf } from "../lib/facts/logGroup";
import { LOG_GROUP_RULES } from "../lib/rules";
import type { Rule } from "../lib/rules/rule";
import { findingsOf, resourceRulePolicy } from "./rulePolicy";

/**
 * The policy's description, from its rules: what a passing log group does, per rule (its id in
 * parentheses: brackets start a finding, and tools read a diagnostic's first `[...]` as its check).
 */
export function describeLogGroupRules(rules: readonly Rule<"log group">[]): string {
    const each = rules.map((r) => `${r.requirement ?? r.label} (${r.id})`);
    return (
        "Log groups must have the settings this policy's configuration asks for, each rule off until its option is set: " +
        `${each.length === 0 ? "none yet" : each.join("; ")}.`
    );
}

/** Log groups keep the settings the configuration asks for (opt-in, rule by rule). */
export const logGroupSettings: ResourceValidationPolicy = resourceRulePolicy({
    name: "log-group-settings",
    description: describeLogGroupRules(LOG_GROUP_RULES),
    enforcementLevel: "mandatory",
    rules: LOG_GROUP_RULES,
    judge: (args, options) => {
        const facts = logGroupFactsOf(args);
        return facts === undefined
            ? undefined
            : {
                  subject: facts.subject,
                  findings: findingsOf(LOG_GROUP_RULES.flatMap((rule) => rule.run(facts, options))),
              };
    },
});
