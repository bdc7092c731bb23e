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
import { logEncryptionKeyRequired } from "./keyRequired";
import { logEncryptionKeyUsable } from "./keyUsable";
import { logEncryptionKeyVerifiable } from "./keyVerifiable";

export { logEncryptionKeyRequired, logEncryptionKeyUsable, logEncryptionKeyVerifiable };
export { UsableConfig, Exemptions, USABLE_SCHEMA, EXEMPTIONS_SCHEMA } from "../lib/config";

/** The pack's policies, in the order it declares them (the usable policy before the verifiable one it hands over to). */
export const PACK_POLICIES: readonly (ResourceValidationPolicy | StackValidationPolicy)[] = [
    logEncryptionKeyRequired,
    logEncryptionKeyUsable,
    logEncryptionKeyVerifiable,
];
