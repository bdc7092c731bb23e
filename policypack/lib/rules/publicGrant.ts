/** `[public-grant]`: the key policy grants nothing sensitive to everyone (`*` without a condition). */
import { PUBLIC_GRANT_RULE, keyPolicyVerdict } from "./keyPolicyJudgement";
import { Rule } from "./rule";

export const publicGrantRule: Rule = {
    id: PUBLIC_GRANT_RULE,
    label: "key policy",
    run: (facts) => keyPolicyVerdict(facts).filter((f) => f.rule === PUBLIC_GRANT_RULE),
};
