/**
 * What a policy's configuration is, derived from its rule set: each rule declares its options once
 * (`rule.ts`), and the policy's `configSchema`, the defaults and the reader that applies them come
 * from those declarations, with the exemption properties every policy of the pack accepts.
 */
import type { PolicyConfigSchema } from "@pulumi/policy";
import { EXEMPTIONS_SCHEMA } from "../config/config";
import { Rule, RuleOption, RuleOptions } from "./rule";

/**
 * Every option of `rules`, by property name, in the rules' order. Two rules may share an option
 * (the same declaration); two different declarations of one name are a programming error.
 */
export function declaredOptions(rules: readonly Rule[]): ReadonlyMap<string, RuleOption<unknown>> {
    const options = new Map<string, RuleOption<unknown>>();
    for (const rule of rules) {
        for (const [name, option] of Object.entries(rule.options ?? {})) {
            const other = options.get(name);
            if (other !== undefined && other !== option) {
                throw new Error(
                    `The option ${name} of rule ${rule.id} is declared again, differently, by another rule of the same policy: declare it once and share it.`,
                );
            }
            options.set(name, option);
        }
    }
    return options;
}

/** The `configSchema` of a policy that runs `rules`: their options, then the exemptions. */
export function ruleConfigSchema(rules: readonly Rule[]): PolicyConfigSchema {
    const properties: PolicyConfigSchema["properties"] = {};
    for (const [name, option] of declaredOptions(rules)) {
        properties[name] = option.schema;
    }
    return { properties: { ...properties, ...EXEMPTIONS_SCHEMA.properties } };
}

/** The options' values from a policy's configuration (`args.getConfig()`), defaulting what is missing or malformed. */
export function readRuleOptions(rules: readonly Rule[], config: unknown): RuleOptions {
    const c = (config ?? {}) as Record<string, unknown>;
    const values: Record<string, unknown> = {};
    for (const [name, option] of declaredOptions(rules)) {
        values[name] = option.read(c[name]);
    }
    return values;
}

/** The options' values when no configuration says otherwise. */
export function defaultRuleOptions(rules: readonly Rule[]): RuleOptions {
    return readRuleOptions(rules, undefined);
}
