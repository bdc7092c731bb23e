/**
 * The pack's configuration: each policy's `configSchema` (with defaults) and the reader that
 * applies those defaults when the engine sends no configuration, so a policy never depends on it.
 */
import type { PolicyConfigSchema } from "@pulumi/policy";

/**
 * One entry of a policy's `exemptions`: which resources, from which of the policy's checks, why,
 * and until when. Entries are validated when the policy runs (`lib/config/exemptions.ts`); an entry with a
 * problem exempts nothing and is refused with a `[configuration]` violation naming it.
 */
export interface ExemptionConfig {
    /** Pulumi resource names (as in the URN) exempted. */
    readonly resourceNames?: readonly string[];
    /** URN patterns exempted; `*` matches any characters. */
    readonly urnPatterns?: readonly string[];
    /** The policy's checks exempted (e.g. `rotation`), or `all`. @default all */
    readonly rules?: readonly string[];
    /** Why: shown in the exemptions advisory on every exempted resource. Required. */
    readonly reason: string;
    /** The last day (UTC) the exemption applies, `YYYY-MM-DD`; after it the policy applies again. @default no expiry */
    readonly expires?: string;
}

/** Exemptions every policy of the pack accepts. */
export interface Exemptions {
    /**
     * Resource names (the Pulumi name, as in the URN) the policy skips. Still accepted; records no
     * reason, which the exemptions advisory says on each resource it exempts: prefer `exemptions`.
     */
    readonly exemptResourceNames: readonly string[];
    /** URN patterns the policy skips; `*` matches any characters. Still accepted, as `exemptResourceNames`. */
    readonly exemptUrnPatterns: readonly string[];
    /** Exemption entries with a reason and an optional expiry date, as written (validated when the policy runs). */
    readonly exemptions: unknown;
    /** Whether an `encrypted-logs:exempt` tag on a resource exempts it. @default true */
    readonly exemptionTags: boolean;
}

const exemptionProperties: PolicyConfigSchema["properties"] = {
    exemptResourceNames: {
        type: "array",
        items: { type: "string" },
        default: [],
        description: "Pulumi resource names (as in the URN) this policy does not check.",
    },
    exemptUrnPatterns: {
        type: "array",
        items: { type: "string" },
        default: [],
        description: "URN patterns this policy does not check; '*' matches any characters.",
    },
    exemptions: {
        type: "array",
        default: [],
        description:
            "Exemptions with a reason: each { resourceNames and/or urnPatterns, rules (this policy's checks or 'all'; default all), reason (required), expires (YYYY-MM-DD, the last day it applies; optional) }. Every exempted resource is reported by the advisory log-encryption-unverified.",
        items: {
            type: "object",
            properties: {
                resourceNames: { type: "array", items: { type: "string" } },
                urnPatterns: { type: "array", items: { type: "string" } },
                rules: { type: "array", items: { type: "string" }, minItems: 1 },
                reason: { type: "string", minLength: 1 },
                expires: { type: "string", pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}$" },
            },
            required: ["reason"],
            additionalProperties: false,
        },
    },
    exemptionTags: {
        type: "boolean",
        default: true,
        description:
            "Honour the tag encrypted-logs:exempt=<policy, check or all, joined by '+'> with encrypted-logs:exempt-reason (required) and encrypted-logs:exempt-until (YYYY-MM-DD, optional) on a resource; false: only this configuration exempts.",
    },
};

/** Schema of the policies that take only exemptions. */
export const EXEMPTIONS_SCHEMA: PolicyConfigSchema = { properties: { ...exemptionProperties } };

function strings(value: unknown): string[] {
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

/** Reads exemptions from a policy's configuration, defaulting what is missing or malformed. */
export function readExemptions(config: unknown): Exemptions {
    const c = (config ?? {}) as Record<string, unknown>;
    return {
        exemptResourceNames: strings(c.exemptResourceNames),
        exemptUrnPatterns: strings(c.exemptUrnPatterns),
        exemptions: c.exemptions,
        exemptionTags: c.exemptionTags !== false,
    };
}

/** Edit distance (insertions, deletions, substitutions) between two names. */
function distance(a: string, b: string): number {
    let row = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const next = [i];
        for (let j = 1; j <= b.length; j++) {
            next[j] = Math.min(
                row[j] + 1,
                next[j - 1] + 1,
                row[j - 1] + (a[i - 1].toLowerCase() === b[j - 1].toLowerCase() ? 0 : 1),
            );
        }
        row = next;
    }
    return row[b.length];
}

/**
 * `"requireRotation" (did you mean "requireKeyRotation"?)`: a name quoted, with the closest of
 * `accepted` when it is near enough to be a misspelling of it.
 */
export function quoteWithSuggestion(accepted: readonly string[]): (name: string) => string {
    return (name) => {
        const closest = [...accepted].sort((a, b) => distance(name, a) - distance(name, b))[0];
        const near =
            closest !== undefined &&
            distance(name, closest) <= Math.max(3, Math.floor(closest.length / 3));
        return `"${name}"${near ? ` (did you mean "${closest}"?)` : ""}`;
    };
}

/**
 * The message refusing the properties of a policy's configuration that its schema does not
 * declare (a misspelt `requireRotation` would otherwise be ignored and `requireKeyRotation`'s
 * default applied without a word), or `undefined` when there are none. `config` is what
 * `args.getConfig()` returns (without `enforcementLevel`).
 */
export function unknownConfigurationMessage(
    policy: string,
    config: unknown,
    schema: PolicyConfigSchema,
): string | undefined {
    if (config === null || typeof config !== "object" || Array.isArray(config)) {
        return undefined;
    }
    const accepted = ["enforcementLevel", ...Object.keys(schema.properties)];
    const unknown = Object.keys(config).filter((k) => !accepted.includes(k));
    if (unknown.length === 0) {
        return undefined;
    }
    const named = unknown.map(quoteWithSuggestion(accepted));
    return (
        `[configuration] the configuration of ${policy} has ${unknown.length === 1 ? "an unknown property" : "unknown properties"} ${named.join(", ")}, ` +
        `which ${unknown.length === 1 ? "is" : "are"} ignored. Accepted: ${accepted.join(", ")}. ` +
        `Fix: correct or remove ${unknown.length === 1 ? "it" : "them"} in the policy pack configuration (policy-config.json or pulumi policy enable --config).`
    );
}

/**
 * `read`, kept for the last configuration it read. `@pulumi/policy`'s `getConfig()` returns a new
 * object on every call, but with the same property values (`policyPackConfig[name]`, spread), so
 * a resource policy, called once per resource, reads its configuration once per configuration
 * instead of once per resource.
 */
export function keptPerConfiguration<C>(read: (raw: unknown) => C): (raw: unknown) => C {
    let last: { readonly values: readonly unknown[]; readonly config: C } | undefined;
    return (raw) => {
        const values = raw !== null && typeof raw === "object" ? Object.entries(raw).flat() : [raw];
        if (
            last === undefined ||
            last.values.length !== values.length ||
            last.values.some((v, i) => v !== values[i])
        ) {
            last = { values, config: read(raw) };
        }
        return last.config;
    };
}
