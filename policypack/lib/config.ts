/**
 * The pack's configuration: each policy's `configSchema` (with defaults) and the reader that
 * applies those defaults when the engine sends no configuration, so a policy never depends on it.
 */
import type { PolicyConfigSchema } from "@pulumi/policy";

/** Exemptions every policy of the pack accepts. */
export interface Exemptions {
    /** Resource names (the Pulumi name, as in the URN) the policy skips. */
    readonly exemptResourceNames: readonly string[];
    /** URN patterns the policy skips; `*` matches any characters. */
    readonly exemptUrnPatterns: readonly string[];
}

/** The configuration of `log-encryption-key-usable`. */
export interface UsableConfig extends Exemptions {
    readonly allowMultiRegionKeys: boolean;
    readonly requireKeyRotation: boolean;
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
};

/** Schema of the policies that take only exemptions. */
export const EXEMPTIONS_SCHEMA: PolicyConfigSchema = { properties: { ...exemptionProperties } };

/** Schema of `log-encryption-key-usable`. */
export const USABLE_SCHEMA: PolicyConfigSchema = {
    properties: {
        allowMultiRegionKeys: {
            type: "boolean",
            default: false,
            description: "Accept multi-Region KMS keys (multiRegion: true, mrk- key ids).",
        },
        requireKeyRotation: {
            type: "boolean",
            default: true,
            description:
                "Require automatic rotation on symmetric customer keys that can rotate (never on asymmetric, HMAC, imported or custom-key-store keys).",
        },
        ...exemptionProperties,
    },
};

function strings(value: unknown): string[] {
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

/** Reads exemptions from a policy's configuration, defaulting what is missing or malformed. */
export function readExemptions(config: unknown): Exemptions {
    const c = (config ?? {}) as Record<string, unknown>;
    return {
        exemptResourceNames: strings(c.exemptResourceNames),
        exemptUrnPatterns: strings(c.exemptUrnPatterns),
    };
}

/** Reads the configuration of `log-encryption-key-usable`, with its defaults. */
export function readUsableConfig(config: unknown): UsableConfig {
    const c = (config ?? {}) as Record<string, unknown>;
    return {
        ...readExemptions(c),
        allowMultiRegionKeys: c.allowMultiRegionKeys === true,
        requireKeyRotation: c.requireKeyRotation !== false,
    };
}

/**
 * The URN patterns of an exemptions object, compiled on first use. `readExemptions` makes a new
 * object per policy call, so they are compiled once per call, never kept across calls.
 */
const compiledPatterns = new WeakMap<Exemptions, readonly RegExp[]>();

function urnPatterns(exemptions: Exemptions): readonly RegExp[] {
    let patterns = compiledPatterns.get(exemptions);
    if (patterns === undefined) {
        patterns = exemptions.exemptUrnPatterns.map(
            (pattern) =>
                new RegExp(
                    `^${pattern
                        .split("*")
                        .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
                        .join(".*")}$`,
                ),
        );
        compiledPatterns.set(exemptions, patterns);
    }
    return patterns;
}

/** Whether the resource is exempt from a policy. */
export function isExempt(exemptions: Exemptions, resource: { name: string; urn: string }): boolean {
    return (
        exemptions.exemptResourceNames.includes(resource.name) ||
        urnPatterns(exemptions).some((re) => re.test(resource.urn))
    );
}
