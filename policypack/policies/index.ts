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
export {
    logEncryptionKeyRequired,
    logEncryptionKeyUsable,
    logEncryptionKeyVerifiable,
} from "./kms";
export { UsableConfig, Exemptions, USABLE_SCHEMA, EXEMPTIONS_SCHEMA } from "../lib/config";
