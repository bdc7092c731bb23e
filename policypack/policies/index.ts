/**
 * The policies of the "encrypted-logs" pack, for reuse in your own pack:
 *
 * ```ts
 * import { PolicyPack } from "@pulumi/policy";
 * import { logEncryptionKeyRequired, logEncryptionKeyUsable } from "pulumi-aws-encrypted-logs/policypack";
 * new PolicyPack("my-org", { policies: [logEncryptionKeyRequired, logEncryptionKeyUsable, ...myPolicies] });
 * ```
 *
 * The stack policies hand what they computed to those after them on the same request; wrap your
 * list in `inHandOverOrder(...)` to have an order in which one would miss it refused, with why.
 * @packageDocumentation
 */
import type { ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { logEncryptionKeyRequired } from "./keyRequired";
import { logEncryptionKeyUsable } from "./keyUsable";
import { logDestinationsEncrypted } from "./logDestinationsEncrypted";
import { logGroupSettings } from "./logGroupSettings";
import { inHandOverOrder } from "./stackPolicy";
import { logEncryptionUnverified } from "./unverified";

export { logEncryptionKeyRequired, logEncryptionKeyUsable, logDestinationsEncrypted };
export { logGroupSettings, logEncryptionUnverified };
export { RENAMED_POLICIES } from "../lib/config/renamed";
export { handOverOrderProblems, inHandOverOrder } from "./stackPolicy";
export { Exemptions, ExemptionConfig, EXEMPTIONS_SCHEMA } from "../lib/config/config";
export { USABLE_SCHEMA, UsableConfig } from "./keyUsable";

/**
 * The pack's policies, in the order `@pulumi/policy` runs them: two resource policies, run on each
 * resource as the engine analyses it, then three stack policies, run at the end of the preview.
 * The order of the stack policies is load-bearing: each hands what it computed to those after it
 * on the same request (each declares what it gives and reads), and {@link inHandOverOrder}
 * refuses, saying why, a list where a policy stands before one it reads from.
 */
export const PACK_POLICIES: readonly (ResourceValidationPolicy | StackValidationPolicy)[] =
    inHandOverOrder([
        logEncryptionKeyRequired,
        logGroupSettings,
        logEncryptionKeyUsable,
        // After the usable policy: it judges log groups by the usable policy's key reports.
        logDestinationsEncrypted,
        // Last: it takes the key and destination reports, and reports the exemptions every policy
        // before it applied on this request.
        logEncryptionUnverified,
    ]);
