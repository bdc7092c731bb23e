/** `[key-arn]`: the key reference is a full KMS key ARN, the only form CloudWatch Logs accepts. */
import { Rule, violation } from "../rule";

export const keyArnRule: Rule = {
    id: "key-arn",
    label: "key ARN",
    run: (facts) =>
        facts.keyArn?.error === undefined
            ? []
            : [violation("key-arn", `${facts.subject}: ${facts.keyArn.error}`)],
};
