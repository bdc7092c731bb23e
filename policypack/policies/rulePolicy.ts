/**
 * A policy that runs a rule set: it declares its name, description, enforcement level, rules and
 * how it finds their subjects; its configuration schema (the rules' options and the exemptions),
 * its defaults, the refusal of properties no rule declares, and the checks an exemption may name
 * (the rules' ids) all derive from the rule set.
 */
import type {
    EnforcementLevel,
    ResourceValidationArgs,
    ResourceValidationPolicy,
    StackValidationArgs,
    StackValidationPolicy,
} from "@pulumi/policy";
import { PolicyOptions, readRuleOptions, ruleConfigSchema } from "../lib/rules/options";
import type { Finding, Rule, RuleOptions, Subject } from "../lib/rules/rule";
import { JudgedResource, resourcePolicy } from "./resourcePolicy";
import { HandOverDeclaration, Judged, PolicyFinding, stackPolicy } from "./stackPolicy";

/** What a policy that runs rules declares, whether it judges the stack or one resource at a time. */
interface RuleSetDeclaration<S extends Subject> {
    /** kebab-case, as users configure and exempt it. */
    readonly name: string;
    /** The requirement, stated; may be built from the rules' `requirement`s. */
    readonly description: string;
    readonly enforcementLevel: EnforcementLevel;
    /** Its rule set, in the order findings are reported. */
    readonly rules: readonly Rule<S>[];
    /** Options of the policy itself, beside its rules' (`unverified`). @default none */
    readonly options?: PolicyOptions;
    /** Checks an exemption may name beside the rules' ids (`unverified`). @default none */
    readonly checks?: readonly string[];
}

/** What a stack policy that runs rules declares. */
export interface RulePolicyDeclaration<S extends Subject> extends RuleSetDeclaration<S> {
    readonly handOver?: HandOverDeclaration;
    /** Runs the rules on each subject of the stack with the configured options. Never throws. */
    readonly judge: (args: StackValidationArgs, options: RuleOptions) => Iterable<Judged>;
}

/** What a resource policy that runs rules declares. */
export interface ResourceRulePolicyDeclaration<S extends Subject> extends RuleSetDeclaration<S> {
    /** Runs the rules on the resource, if it is a subject, with the configured options. Never throws. */
    readonly judge: (
        args: ResourceValidationArgs,
        options: RuleOptions,
    ) => JudgedResource | undefined;
}

/** What a policy's rule set gives it: its head, and its configuration schema, reader and checks. */
function fromRules<S extends Subject>(spec: RuleSetDeclaration<S>) {
    const rules: readonly Rule[] = spec.rules;
    return {
        name: spec.name,
        description: spec.description,
        enforcementLevel: spec.enforcementLevel,
        configSchema: ruleConfigSchema(rules, spec.options),
        readConfig: (raw: unknown) => readRuleOptions(rules, raw, spec.options),
        checks: [...rules.map((rule) => rule.id), ...(spec.checks ?? [])],
    };
}

/** The stack policy `spec` declares, its configuration derived from its rules. */
export function rulePolicy<S extends Subject>(
    spec: RulePolicyDeclaration<S>,
): StackValidationPolicy {
    return stackPolicy({ ...fromRules(spec), handOver: spec.handOver, judge: spec.judge });
}

/** The resource policy `spec` declares, its configuration derived from its rules. */
export function resourceRulePolicy<S extends Subject>(
    spec: ResourceRulePolicyDeclaration<S>,
): ResourceValidationPolicy {
    return resourcePolicy({ ...fromRules(spec), judge: spec.judge });
}

/**
 * What a policy without an advisory twin reports of its rules' findings: each violation as
 * `[rule] ...`, and each that cannot be verified yet as `[cannot verify yet] [rule] ...` (never a
 * silent pass), both exemptible by the rule's id.
 */
export function findingsOf(findings: readonly Finding[]): PolicyFinding[] {
    return findings.map((f) => ({
        check: f.rule,
        message: `${f.outcome === "unverifiable" ? "[cannot verify yet] " : ""}[${f.rule}] ${f.message}`,
    }));
}
