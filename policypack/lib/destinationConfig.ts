/**
 * The configuration of the log-destination policies: which services they check and which
 * resources they skip. A destination's log group is judged by `log-encryption-key-usable`'s own
 * findings (its configuration decides multi-Region keys and rotation); when that policy is
 * disabled, by the key rules with their defaults.
 */
import type { PolicyConfigSchema } from "@pulumi/policy";
import { EXEMPTIONS_SCHEMA, Exemptions, readExemptions } from "./config";
import { DESTINATION_TYPES } from "./destinations";

/** The service keys of the destination table (`lambda`, `apigateway`, ...), each once. */
export const DESTINATION_SERVICES: readonly string[] = [
    ...new Set(Object.values(DESTINATION_TYPES).map((row) => row.service)),
];

/** The configuration of either log-destination policy. */
export interface DestinationsConfig extends Exemptions {
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
        ...EXEMPTIONS_SCHEMA.properties,
    },
};

/** Schema of `log-destinations-verifiable`: the same as `log-destinations-encrypted`'s. */
export const DESTINATIONS_VERIFIABLE_SCHEMA: PolicyConfigSchema = DESTINATIONS_SCHEMA;

/** Reads the configuration of either log-destination policy, with its defaults. */
export function readDestinationsConfig(config: unknown): DestinationsConfig {
    const c = (config ?? {}) as Record<string, unknown>;
    const disabled = Array.isArray(c.disabledServices) ? c.disabledServices : [];
    return {
        ...readExemptions(c),
        disabledServices: disabled.filter((s): s is string => typeof s === "string"),
    };
}
