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
import { logEncryptionExemptions } from "./exemptions";
import { logEncryptionKeyRequired } from "./keyRequired";
import { logEncryptionKeyUsable } from "./keyUsable";
import { logEncryptionKeyVerifiable } from "./keyVerifiable";
import { logDestinationsEncrypted } from "./logDestinationsEncrypted";
import { logDestinationsVerifiable } from "./logDestinationsVerifiable";
import { inHandOverOrder } from "./stackPolicy";

export { logEncryptionKeyRequired, logEncryptionKeyUsable, logEncryptionKeyVerifiable };
export { logDestinationsEncrypted, logDestinationsVerifiable, logEncryptionExemptions };
export { handOverOrderProblems, inHandOverOrder } from "./stackPolicy";
export {
    UsableConfig,
    Exemptions,
    ExemptionConfig,
    USABLE_SCHEMA,
    EXEMPTIONS_SCHEMA,
} from "../lib/config/config";

/**
 * The pack's policies, in the order `@pulumi/policy` runs them. The order is load-bearing: each
 * stack policy hands what it computed to those after it on the same request (each declares what it
 * gives and reads), and {@link inHandOverOrder} refuses, saying why, a list where a policy stands
 * before one it reads from.
 */
export const PACK_POLICIES: readonly (ResourceValidationPolicy | StackValidationPolicy)[] =
    inHandOverOrder([
        logEncryptionKeyRequired,
        logEncryptionKeyUsable,
        // Between the key policies: they judge log groups by the usable policy's reports, which
        // the verifiable policy takes last.
        logDestinationsEncrypted,
        logDestinationsVerifiable,
        logEncryptionKeyVerifiable,
        // Last: it reports the exemptions every policy before it applied on this request.
        logEncryptionExemptions,
    ]);
