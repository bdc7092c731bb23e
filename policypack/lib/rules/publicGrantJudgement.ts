/**
 * The public-grant part of the key-policy judgement (`keyPolicyJudgement.ts`): whether the policy
 * grants a sensitive action to anyone, an anonymous principal or a role of a stranger's account,
 * without a condition.
 */
import type { TargetFacts } from "../facts/facts";
import { UnknownKeyArn, ParsedPolicy, evaluateCached as evaluate, KeyRequest } from "../iam/policy";
import { otherAccount } from "../facts/serviceRequests";
import { Finding, unverifiable, violation } from "./rule";

/** The rule id of these findings. */
export const PUBLIC_GRANT_RULE = "public-grant";

/** Actions that must never be open to anyone (principal `*` without a condition). */
const SENSITIVE_ACTIONS = [
    "kms:Decrypt",
    "kms:Encrypt",
    "kms:GenerateDataKey",
    "kms:ReEncryptFrom",
    "kms:CreateGrant",
    "kms:PutKeyPolicy",
    "kms:ScheduleKeyDeletion",
    "kms:DisableKey",
];

/** What the public-grant judgement reads of the policy being judged. */
export interface PolicyJudged {
    readonly facts: TargetFacts;
    readonly description: string;
    /** Where the policy comes from, for messages. */
    readonly source: string;
    readonly policy: ParsedPolicy;
    readonly account: string | undefined;
    readonly resource: string | UnknownKeyArn | undefined;
}

/** Sensitive actions granted to anyone (anonymous, or a role of a stranger's account). */
export function publicGrants(j: PolicyJudged, partition: string): Finding[] {
    const { facts, description, source, policy, account, resource } = j;
    const stranger = otherAccount(account);
    const strangers: KeyRequest["principal"][] = [
        { kind: "anonymous" },
        {
            kind: "aws",
            arn: `arn:${partition}:iam::${stranger}:role/anyone`,
            account: stranger,
        },
    ];
    let publicUndetermined = false;
    const granted = SENSITIVE_ACTIONS.filter((action) =>
        strangers.some((principal) => {
            const d = evaluate(policy, { principal, action, resource, context: {} });
            publicUndetermined ||= d === "Undetermined";
            return d === "Allowed";
        }),
    );
    if (granted.length > 0) {
        return [
            violation(
                PUBLIC_GRANT_RULE,
                `${facts.subject} is encrypted with ${description}, but ${source} grants ${granted.join(", ")} to any principal ("*") without a condition. ` +
                    `Fix: name the principals, or add a condition such as kms:CallerAccount or aws:PrincipalOrgID.`,
            ),
        ];
    }
    return publicUndetermined
        ? [
              unverifiable(
                  PUBLIC_GRANT_RULE,
                  `whether ${source} of ${description} grants anything to any principal depends on the key's ARN, which is unknown at preview (its Resource or NotResource names only some keys)`,
              ),
          ]
        : [];
}
