/**
 * The hand-over between the pack's two stack policies: `log-encryption-key-usable` runs the rules
 * on the stack, and `log-encryption-key-verifiable`, which runs right after it on the same
 * AnalyzeStack request, reads the same reports instead of running them again.
 * How a value reaches the next policy of the same request is `handOver.ts`.
 */
import type { StackValidationArgs } from "@pulumi/policy";
import { TargetReport, analyseStack } from "../lib/analysis";
import { StackConfiguration } from "../lib/location";
import { DEFAULT_RULE_OPTIONS, RuleOptions } from "../lib/rule";
import { StackResourceLike } from "../lib/stackIndex";
import { RequestHandOver } from "./handOver";

const handOver = new RequestHandOver<TargetReport[]>();

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
    handOver.put(args, reports);
    return reports;
}

/**
 * The reports {@link analyseAndHandOver} made for this request, if it ran, without taking them: for
 * a policy that runs between the two key policies and judges log groups by the same reports (the
 * log-destination policies). `undefined` when the usable policy did not run (it is disabled).
 */
export function peekReportsOfThisRequest(
    args: StackValidationArgs,
): readonly TargetReport[] | undefined {
    return handOver.peek(args);
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
        handOver.take(args) ??
        analyseStack(args.resources as readonly StackResourceLike[], config, DEFAULT_RULE_OPTIONS)
    );
}
