/**
 * The hand-over of the key reports: `log-encryption-key-usable` runs the rules on the stack, and
 * the policies after it on the same AnalyzeStack request (`log-destinations-encrypted`, then
 * `log-encryption-unverified`, which takes them) read the same reports instead of running them
 * again.
 * How a value reaches the next policy of the same request is `handOver.ts`.
 */
import type { StackValidationArgs } from "@pulumi/policy";
import { TargetReport, analyseStack } from "../lib/analysis";
import { StackConfiguration } from "../lib/stack/location";
import { DEFAULT_RULE_OPTIONS } from "../lib/rules";
import type { RuleOptions } from "../lib/rules/rule";
import { StackResourceLike } from "../lib/stack/stackIndex";
import { RequestHandOver } from "./handOver";

/** `log-encryption-key-usable`'s reports, for the policies that run after it on the same request. */
export const KEY_REPORTS = new RequestHandOver<TargetReport[]>(
    "the key reports",
    "run the key rules again with their default options instead of log-encryption-key-usable's configuration",
);

/**
 * The reports of this stack: runs the rules with `options` and keeps the result for the policy
 * that runs next on the same request (see {@link reportsOfThisRequest}).
 */
export function analyseAndHandOver(
    args: StackValidationArgs,
    config: StackConfiguration,
    options: RuleOptions,
): TargetReport[] {
    const reports = analyseStack(args.resources as readonly StackResourceLike[], config, options);
    KEY_REPORTS.put(args, reports);
    return reports;
}

/**
 * The reports {@link analyseAndHandOver} made for this request, if it ran, without taking them: for
 * a policy that judges log groups by the same reports and does not take them (the destination
 * analysis). `undefined` when the usable policy did not run (it is disabled).
 */
export function peekReportsOfThisRequest(
    args: StackValidationArgs,
): readonly TargetReport[] | undefined {
    return KEY_REPORTS.peek(args);
}

/**
 * The reports {@link analyseAndHandOver} made for this request, taken once; when there are none
 * (the usable policy is disabled), the rules run here with their default options.
 */
export function reportsOfThisRequest(
    args: StackValidationArgs,
    config: StackConfiguration,
): TargetReport[] {
    return (
        KEY_REPORTS.take(args) ??
        analyseStack(args.resources as readonly StackResourceLike[], config, DEFAULT_RULE_OPTIONS)
    );
}
