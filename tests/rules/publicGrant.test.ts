/** `[public-grant]` at the facts level: the key policy grants nothing sensitive to everyone. */
import { ACCOUNT } from "../../harness/stackFixtures";
import { publicGrantRule } from "../../policypack/lib/rules/publicGrant";
import { table, usEast1KeyPolicy } from "./keyTarget";

/** The log group key policy for `/app/app`, with `statement` added. */
function withStatement(statement: Record<string, unknown>): object {
    const policy = usEast1KeyPolicy({ logGroupNames: ["/app/app"] });
    policy.Statement.push(statement as unknown as (typeof policy.Statement)[number]);
    return policy;
}

const DECRYPT_FOR_ALL = { Effect: "Allow", Action: "kms:Decrypt", Resource: "*" };

describe("rules: public-grant", () => {
    table(publicGrantRule, [
        {
            name: "passes a policy that names its principals",
            target: (s) => s.logGroup("app", { key: s.key("app-key") }),
            finds: [],
        },
        {
            name: 'fails kms:Decrypt granted to "*" without a condition',
            target: (s) =>
                s.logGroup("app", {
                    key: s.key("app-key", {
                        policy: withStatement({ Sid: "Open", Principal: "*", ...DECRYPT_FOR_ALL }),
                    }),
                }),
            finds: [
                ["violation", /grants kms:Decrypt to any principal \("\*"\) without a condition/],
            ],
        },
        {
            name: 'passes kms:Decrypt granted to "*" under a kms:CallerAccount condition',
            target: (s) =>
                s.logGroup("app", {
                    key: s.key("app-key", {
                        policy: withStatement({
                            Sid: "Account",
                            Principal: { AWS: "*" },
                            ...DECRYPT_FOR_ALL,
                            Condition: { StringEquals: { "kms:CallerAccount": ACCOUNT } },
                        }),
                    }),
                }),
            finds: [],
        },
    ]);
});
