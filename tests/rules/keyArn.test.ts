/** `[key-arn]` at the facts level: the key reference is in a form the service accepts. */
import { keyArnRule } from "../../policypack/lib/rules/keyArn";
import { table } from "./keyTarget";

describe("rules: key-arn", () => {
    table(keyArnRule, [
        {
            name: "passes a log group whose kmsKeyId is a key's ARN",
            target: (s) => s.logGroup("app", { key: s.key("app-key", { existing: true }) }),
            finds: [],
        },
        {
            name: "fails a log group whose kmsKeyId is an alias name",
            target: (s) => s.logGroup("app", { key: "alias/app" }),
            finds: [["violation", /this is an alias name, not a key ARN/]],
        },
        {
            name: "passes a trail whose kmsKeyId is an alias name (CloudTrail accepts one)",
            target: (s) => s.trail("audit", s.bucket("audit-bucket"), { key: "alias/audit" }),
            finds: [],
        },
        {
            name: "fails a trail whose kmsKeyId is no form CloudTrail accepts",
            target: (s) => s.trail("audit", s.bucket("audit-bucket"), { key: "my-key" }),
            finds: [["violation", /not a key reference CloudTrail accepts/]],
        },
        {
            name: "cannot verify a log group's kmsKeyId unknown at preview that comes from a KMS alias",
            target: (s) => s.logGroup("app", { key: s.alias("app-alias", s.key("app-key")) }),
            finds: [["unverifiable", /CloudWatch Logs accepts .* but refuses/]],
        },
    ]);
});
