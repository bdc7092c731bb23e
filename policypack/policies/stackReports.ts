/**
 * The hand-over between the pack's two stack policies: `log-encryption-key-usable` runs the rules
 * on the stack, and `log-encryption-key-verifiable`, which runs right after it on the same
 * AnalyzeStack request, reads the same reports instead of running them again.
 *
 * `@pulumi/policy` runs the stack policies of one request back to back, awaiting only
 * already-settled promises, so no other request can run in between; it builds a new resources
 * array for each policy, so the reports are matched by the URNs (same URNs, same order), and
 * forgotten at the next turn of the event loop, so a later request never reads them.
 */
import type { StackValidationArgs } from "@pulumi/policy";
import { TargetReport, analyseStack } from "../lib/analysis";
import { StackConfiguration } from "../lib/location";
import { DEFAULT_RULE_OPTIONS, RuleOptions } from "../lib/rule";
import { StackResourceLike } from "../lib/stackIndex";

let lastAnalysis:
    { readonly urns: readonly string[]; readonly reports: TargetReport[] } | undefined;

function sameUrns(a: readonly string[], resources: StackValidationArgs["resources"]): boolean {
    return a.length === resources.length && resources.every((r, i) => r.urn === a[i]);
}

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
    lastAnalysis = { urns: args.resources.map((r) => r.urn), reports };
    setImmediate(() => {
        lastAnalysis = undefined;
    });
    return reports;
}

/**
 * The reports {@link analyseAndHandOver} made for this request, taken once; when there are none
 * (the usable policy is disabled), the rules run here with their default options.
 */
export function reportsOfThisRequest(
    args: StackValidationArgs,
    config: StackConfiguration,
): TargetReport[] {
    const given =
        lastAnalysis !== undefined && sameUrns(lastAnalysis.urns, args.resources)
            ? lastAnalysis.reports
            : undefined;
    lastAnalysis = undefined;
    return (
        given ??
        analyseStack(args.resources as readonly StackResourceLike[], config, DEFAULT_RULE_OPTIONS)
    );
}
