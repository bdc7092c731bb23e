/** `[public-grant]`: the key policy grants nothing sensitive to everyone (`*` without a condition). */
import { PUBLIC_GRANT_RULE, keyPolicyVerdict } from "./keyPolicyJudgement";
import { rule } from "./rule";

export const publicGrantRule = rule({
    subject: "key target",
    id: PUBLIC_GRANT_RULE,
    label: "key policy",
    run: (facts) => keyPolicyVerdict(facts).filter((f) => f.rule === PUBLIC_GRANT_RULE),
});
