/**
 * The configuration of the log-destination policies: which services they check, which resources
 * they skip, and the key-rule options they judge a destination's log group with (the same options,
 * with the same defaults, as `log-encryption-key-usable`).
 */
import type { PolicyConfigSchema } from "@pulumi/policy";
import { EXEMPTIONS_SCHEMA, Exemptions, USABLE_SCHEMA, readExemptions } from "./config";
import { DESTINATION_TYPES } from "./destinations";
import { RuleOptions } from "./rule";

/** The service keys of the destination table (`lambda`, `apigateway`, ...), each once. */
export const DESTINATION_SERVICES: readonly string[] = [
    ...new Set(Object.values(DESTINATION_TYPES).map((row) => row.service)),
];

/** The configuration of `log-destinations-encrypted`. */
export interface DestinationsConfig extends Exemptions, RuleOptions {
    /** Services (`DESTINATION_SERVICES`) whose resources are not checked. */
    readonly disabledServices: readonly string[];
}

/** Schema of `log-destinations-encrypted`. */
export const DESTINATIONS_SCHEMA: PolicyConfigSchema = {
    properties: {
        disabledServices: {
            type: "array",
            items: { type: "string", enum: [...DESTINATION_SERVICES] },
            default: [],
            description: `Services whose resources this policy does not check, of: ${DESTINATION_SERVICES.join(", ")}.`,
        },
        allowMultiRegionKeys: USABLE_SCHEMA.properties.allowMultiRegionKeys,
        requireKeyRotation: USABLE_SCHEMA.properties.requireKeyRotation,
        ...EXEMPTIONS_SCHEMA.properties,
    },
};

/** Schema of `log-destinations-verifiable`: the services it reports on, and exemptions. */
export const DESTINATIONS_VERIFIABLE_SCHEMA: PolicyConfigSchema = {
    properties: {
        disabledServices: DESTINATIONS_SCHEMA.properties.disabledServices,
        ...EXEMPTIONS_SCHEMA.properties,
    },
};

/** Reads the configuration of either log-destination policy, with its defaults. */
export function readDestinationsConfig(config: unknown): DestinationsConfig {
    const c = (config ?? {}) as Record<string, unknown>;
    const disabled = Array.isArray(c.disabledServices) ? c.disabledServices : [];
    return {
        ...readExemptions(c),
        disabledServices: disabled.filter((s): s is string => typeof s === "string"),
        allowMultiRegionKeys: c.allowMultiRegionKeys === true,
        requireKeyRotation: c.requireKeyRotation !== false,
    };
}
