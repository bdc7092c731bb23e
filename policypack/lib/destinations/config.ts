/**
 * The configuration of `log-destinations-encrypted`: which services it checks and which resources
 * it skips (`log-encryption-unverified` reads its reports, so the same services). A destination's log group is judged by `log-encryption-key-usable`'s own
 * findings (its configuration decides multi-Region keys and rotation); when that policy is
 * disabled, by the key rules with their defaults.
 */
import type { PolicyConfigSchema } from "@pulumi/policy";
import { EXEMPTIONS_SCHEMA, Exemptions, readExemptions } from "../config/config";
import { DESTINATION_TYPES } from "./services";
import { UnverifiedLevel, unverifiedOption } from "../rules/options";

/** The service keys of the destination table (`lambda`, `apigateway`, ...), each once. */
export const DESTINATION_SERVICES: readonly string[] = [
    ...new Set(Object.values(DESTINATION_TYPES).map((row) => row.service)),
];

/** How a group outside the stack (named, not declared, not created by the service) is judged. */
export type OutsideStack = "advisory" | "mandatory";

/** The values of {@link DestinationsConfig.outsideStack}. */
export const OUTSIDE_STACK_VALUES: readonly OutsideStack[] = ["advisory", "mandatory"];

/** The configuration of `log-destinations-encrypted`. */
export interface DestinationsConfig extends Exemptions {
    /** Services (`DESTINATION_SERVICES`) whose resources are not checked. */
    readonly disabledServices: readonly string[];
    /**
     * A destination naming a group this stack does not declare and the service does not create
     * (a platform's or a central account's group): "cannot verify yet" (`advisory`, the default)
     * or refused (`mandatory`).
     */
    readonly outsideStack?: OutsideStack;
    /**
     * What cannot be verified yet about a destination: left to `log-encryption-unverified`
     * (`advisory`, the default) or refused by this policy (`mandatory`).
     */
    readonly unverified?: UnverifiedLevel;
}

/** `disabledServices`, as the schema declares it. */
function disabledServicesSchema(): NonNullable<PolicyConfigSchema["properties"]>[string] {
    return {
        type: "array",
        items: { type: "string", enum: [...DESTINATION_SERVICES] },
        default: [],
        description: `Services whose resources this policy does not check, of: ${DESTINATION_SERVICES.join(", ")}.`,
    };
}

/** `unverified`, as log-encryption-key-usable declares it for keys. */
const UNVERIFIED = unverifiedOption("log destinations");

/** Schema of `log-destinations-encrypted`. */
export const DESTINATIONS_SCHEMA: PolicyConfigSchema = {
    properties: {
        disabledServices: disabledServicesSchema(),
        outsideStack: {
            type: "string",
            enum: [...OUTSIDE_STACK_VALUES],
            default: "advisory",
            description:
                'A resource writing to a log group this stack does not declare and its service does not create (a group managed by another stack or account): "advisory" (the default) reports it as "cannot verify yet" under log-encryption-unverified; "mandatory" refuses it here.',
        },
        unverified: UNVERIFIED.schema,
        ...EXEMPTIONS_SCHEMA.properties,
    },
};

/** Reads the configuration of `log-destinations-encrypted`, with its defaults. */
export function readDestinationsConfig(config: unknown): DestinationsConfig {
    const c = (config ?? {}) as Record<string, unknown>;
    const disabled = Array.isArray(c.disabledServices) ? c.disabledServices : [];
    return {
        ...readExemptions(c),
        disabledServices: disabled.filter((s): s is string => typeof s === "string"),
        outsideStack: c.outsideStack === "mandatory" ? "mandatory" : "advisory",
        unverified: UNVERIFIED.read(c.unverified),
    };
}
