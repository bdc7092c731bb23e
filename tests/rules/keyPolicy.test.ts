/**
 * `[key-policy]` at the facts level: the key policy lets the service use the key for this
 * target, only under an encryption-context condition naming this account's resources.
 */
import { keyPolicyRule } from "../../policypack/lib/rules/keyPolicy";
import { table, usEast1KeyPolicy } from "./keyTarget";

describe("rules: key-policy", () => {
    table(keyPolicyRule, [
        {
            name: "passes the log group key policy written for this group",
            target: (s) => s.logGroup("app", { key: s.key("app-key") }),
            finds: [],
        },
        {
            name: "fails a key without a policy (KMS applies the default one)",
            target: (s) => s.logGroup("app", { key: s.key("app-key", { policy: null }) }),
            finds: [["violation", /which has no key policy/]],
        },
        {
            name: "fails a policy written for another log group only",
            target: (s) =>
                s.logGroup("app", { key: s.key("app-key", { policyFor: ["/app/other"] }) }),
            finds: [["violation", /the service cannot use the key/]],
        },
        {
            name: "fails a policy that is not JSON",
            target: (s) => s.logGroup("app", { key: s.key("app-key", { policy: "{not json" }) }),
            finds: [["violation", /cannot be read/]],
        },
        {
            name: "passes a policy written for the account's log groups",
            target: (s) =>
                s.logGroup("app", {
                    key: s.key("app-key", {
                        policy: usEast1KeyPolicy({ accountWide: true }),
                    }),
                }),
            finds: [],
        },
    ]);
});
