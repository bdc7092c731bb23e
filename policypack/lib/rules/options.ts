/**
 * What a policy's configuration is, derived from its rule set: each rule declares its options once
 * (`rule.ts`), and the policy's `configSchema`, the defaults and the reader that applies them come
 * from those declarations, with the exemption properties every policy of the pack accepts.
 */
import type { PolicyConfigSchema } from "@pulumi/policy";
import { EXEMPTIONS_SCHEMA } from "../config/config";
import { OptionSchema, Rule, RuleOption, RuleOptionDeclarations, RuleOptions } from "./rule";

/** Options a policy declares for itself, beside its rules' (`unverified`). */
export type PolicyOptions = RuleOptionDeclarations<RuleOptions>;

/**
 * Every option of `rules`, by property name, in the rules' order, then the policy's own (`own`).
 * Two rules may share an option (the same declaration); two different declarations of one name
 * are a programming error.
 */
export function declaredOptions(
    rules: readonly Rule[],
    own: PolicyOptions = {},
): ReadonlyMap<string, RuleOption<unknown>> {
    const options = new Map<string, RuleOption<unknown>>();
    const declarations = [
        ...rules.map((rule) => ({ by: `rule ${rule.id}`, options: rule.options ?? {} })),
        { by: "the policy itself", options: own },
    ];
    for (const declaration of declarations) {
        for (const [name, option] of Object.entries(declaration.options)) {
            const other = options.get(name);
            if (other !== undefined && other !== option) {
                throw new Error(
                    `The option ${name} of ${declaration.by} is declared again, differently, by a rule of the same policy: declare it once and share it.`,
                );
            }
            options.set(name, option);
        }
    }
    return options;
}

/** The `configSchema` of a policy that runs `rules`: their options, its own (`own`), then the exemptions. */
export function ruleConfigSchema(
    rules: readonly Rule[],
    own: PolicyOptions = {},
): PolicyConfigSchema {
    const properties: PolicyConfigSchema["properties"] = {};
    for (const [name, option] of declaredOptions(rules, own)) {
        properties[name] = option.schema;
    }
    return { properties: { ...properties, ...EXEMPTIONS_SCHEMA.properties } };
}

/** The options' values from a policy's configuration (`args.getConfig()`), defaulting what is missing or malformed. */
export function readRuleOptions(
    rules: readonly Rule[],
    config: unknown,
    own: PolicyOptions = {},
): RuleOptions {
    const c = (config ?? {}) as Record<string, unknown>;
    const values: Record<string, unknown> = {};
    for (const [name, option] of declaredOptions(rules, own)) {
        values[name] = option.read(c[name]);
    }
    return values;
}

/** The options' values when no configuration says otherwise. */
export function defaultRuleOptions(rules: readonly Rule[]): RuleOptions {
    return readRuleOptions(rules, undefined);
}

/** How a policy reports what it cannot verify yet: left to the advisory, or refused itself. */
export type UnverifiedLevel = "advisory" | "mandatory";

/** The check an exemption names to skip one policy's "cannot verify yet" refusals alone. */
export const UNVERIFIED_CHECK = "unverified";

/** The `unverified` option of a policy whose subjects are `what` ("keys", "log destinations"). */
export function unverifiedOption(what: string): RuleOption<UnverifiedLevel> {
    const schema: OptionSchema = {
        type: "string",
        enum: ["advisory", "mandatory"],
        default: "advisory",
        description:
            `What this policy does with ${what} it cannot verify yet: "advisory" (the default) leaves it to log-encryption-unverified, which says what was not checked and why; ` +
            `"mandatory" refuses it here, under this policy's enforcement level, as [cannot verify yet] (exemptible as the check ${UNVERIFIED_CHECK}), for an organisation that refuses what it cannot verify.`,
    };
    return {
        schema,
        default: "advisory",
        read: (raw) => (raw === "mandatory" ? "mandatory" : "advisory"),
    };
}
