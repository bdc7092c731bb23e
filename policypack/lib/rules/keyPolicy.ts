/**
 * `[key-policy]`: the key policy lets the service use the key for this target, and only under an
 * encryption-context condition naming this account's resources.
 */
import { KEY_POLICY_RULE, keyPolicyVerdict } from "./keyPolicyJudgement";
import { rule } from "./rule";

export const keyPolicyRule = rule({
    subject: "key target",
    id: KEY_POLICY_RULE,
    label: "key policy",
    run: (facts) => keyPolicyVerdict(facts).filter((f) => f.rule === KEY_POLICY_RULE),
});
