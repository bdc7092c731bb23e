/**
 * The policies of the "encrypted-logs" pack, for reuse in your own pack:
 *
 * ```ts
 * import { PolicyPack } from "@pulumi/policy";
 * import { logEncryptionKeyRequired, logEncryptionKeyUsable } from "pulumi-aws-encrypted-logs/policypack";
 * new PolicyPack("my-org", { policies: [logEncryptionKeyRequired, logEncryptionKeyUsable, ...myPolicies] });
 * ```
 * @packageDocumentation
 */
import type { ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { logEncryptionExemptions } from "./exemptions";
import { logEncryptionKeyRequired } from "./keyRequired";
import { logEncryptionKeyUsable } from "./keyUsable";
import { logEncryptionKeyVerifiable } from "./keyVerifiable";
import { logDestinationsEncrypted } from "./logDestinationsEncrypted";
import { logDestinationsVerifiable } from "./logDestinationsVerifiable";

export { logEncryptionKeyRequired, logEncryptionKeyUsable, logEncryptionKeyVerifiable };
export { logDestinationsEncrypted, logDestinationsVerifiable, logEncryptionExemptions };
export {
    UsableConfig,
    Exemptions,
    ExemptionConfig,
    USABLE_SCHEMA,
    EXEMPTIONS_SCHEMA,
} from "../lib/config";

/** The pack's policies, in the order it declares them (each analysing policy before the verifiable one it hands over to). */
export const PACK_POLICIES: readonly (ResourceValidationPolicy | StackValidationPolicy)[] = [
    logEncryptionKeyRequired,
    logEncryptionKeyUsable,
    // Between the key policies: they judge log groups by the usable policy's reports, which the
    // verifiable policy takes last.
    logDestinationsEncrypted,
    logDestinationsVerifiable,
    logEncryptionKeyVerifiable,
    // Last: it reports the exemptions every policy before it applied on this request.
    logEncryptionExemptions,
];
