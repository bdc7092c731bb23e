/**
 * The pack's flow for one stack: index the resources once, compute each target's facts once, run
 * every rule on them. Pure: the stack's configuration and the rules' options come in as arguments.
 */
import { TargetFacts, targetFacts } from "./facts/facts";
import { StackConfiguration } from "./stack/location";
import { Finding, Rule, RuleOptions } from "./rules/rule";
import { KEY_RULES } from "./rules";
import { StackIndex, StackResourceLike } from "./stack/stackIndex";

/** Everything the rules found about one log group, detector or trail. */
export interface TargetReport {
    readonly facts: TargetFacts;
    readonly findings: readonly Finding[];
}

/** Runs `rules` (by default every key rule) on every target of the stack. Never throws. */
export function analyseStack(
    resources: readonly StackResourceLike[],
    config: StackConfiguration,
    options: RuleOptions,
    rules: readonly Rule[] = KEY_RULES,
): TargetReport[] {
    const index = new StackIndex(resources);
    return index.targets.map((target) => {
        const facts = targetFacts(index, target, config);
        return { facts, findings: rules.flatMap((rule) => rule.run(facts, options)) };
    });
}
