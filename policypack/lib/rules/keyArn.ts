/**
 * `[key-arn]`: the key reference is in a form the service accepts: a full KMS key ARN for
 * CloudWatch Logs; for CloudTrail an alias name, an alias ARN, a key ARN or a key id (CreateTrail
 * `KmsKeyId`: "The value can be an alias name prefixed by "alias/", a fully specified ARN to an
 * alias, a fully specified ARN to a key, or a globally unique identifier").
 *
 * A log group's or detector's reference that is unknown at preview and comes from a KMS alias of
 * the stack may be the alias's ARN (refused) or its target key's ARN (accepted): the preview
 * cannot tell, so it says so instead of passing silently. The key itself is judged as usual.
 */
import { Rule, unverifiable, violation } from "./rule";
import { UNKNOWN } from "../stack/wire";

/** Per alias type: the output CloudWatch Logs accepts, the one it refuses, and what to pass. */
const ALIAS_OUTPUTS: Readonly<
    Record<string, { readonly accepted: string; readonly refused: string; readonly fix: string }>
> = {
    "aws:kms/alias:Alias": {
        accepted: "its targetKeyArn (alias.targetKeyArn, the key's ARN)",
        refused: "its arn (alias.arn, an alias ARN)",
        fix: "pass alias.targetKeyArn (or the key's arn)",
    },
    "aws-native:kms:Alias": {
        accepted: "its targetKeyId when it holds the key's ARN (alias.targetKeyId)",
        refused: "its aliasName (alias.aliasName, an alias name)",
        fix: "pass the key's arn",
    },
};

export const keyArnRule: Rule = {
    id: "key-arn",
    label: "key ARN",
    run: ({ subject, type, keyArn, resolution: r }) => {
        if (keyArn?.error !== undefined) {
            return [violation("key-arn", `${subject}: ${keyArn.error}`)];
        }
        if (
            type.service === "logs" &&
            r.kind === "stack-key" &&
            r.alias !== undefined &&
            r.reference === UNKNOWN
        ) {
            const outputs = ALIAS_OUTPUTS[r.alias.type] ?? ALIAS_OUTPUTS["aws:kms/alias:Alias"];
            return [
                unverifiable(
                    "key-arn",
                    `${type.keyProperty} is unknown at preview and comes from the KMS alias "${r.alias.name}" (${r.alias.type}): ` +
                        `CloudWatch Logs accepts ${outputs.accepted} but refuses ${outputs.refused}, and the preview cannot tell which of them ${type.keyProperty} is; ${outputs.fix}`,
                ),
            ];
        }
        return [];
    },
};
