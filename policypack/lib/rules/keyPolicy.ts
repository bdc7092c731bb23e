/**
 * `[key-policy]`: the key policy lets the service use the key for this target, and only under an
 * encryption-context condition naming this account's resources.
 */
import { KEY_POLICY_RULE, keyPolicyVerdict } from "./keyPolicyJudgement";
import { Rule } from "./rule";

export const keyPolicyRule: Rule = {
    id: KEY_POLICY_RULE,
    label: "key policy",
    run: (facts) => keyPolicyVerdict(facts).filter((f) => f.rule === KEY_POLICY_RULE),
};
