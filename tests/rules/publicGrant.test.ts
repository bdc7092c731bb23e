/** `[public-grant]` at the facts level: the key policy grants nothing sensitive to everyone. */
import * as assert from "node:assert/strict";
import { ACCOUNT } from "../../harness/stackFixtures";
import type { TargetFacts } from "../../policypack/lib/facts/facts";
import { parsePolicy } from "../../policypack/lib/iam/policy";
import { publicGrantRule } from "../../policypack/lib/rules/publicGrant";
import { publicGrants } from "../../policypack/lib/rules/publicGrantJudgement";
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
    it("judges both anonymous callers and a stranger's role, word for word", () => {
        const judged = (statement: Record<string, unknown>) =>
            publicGrants(
                {
                    facts: { subject: 'log group "app"' } as TargetFacts,
                    description: "the key",
                    source: "its policy",
                    policy: parsePolicy({ Version: "2012-10-17", Statement: [statement] }),
                    account: ACCOUNT,
                    resource: "*",
                },
                "aws",
            );
        const granted = (to: string) => [
            {
                rule: "public-grant",
                outcome: "violation",
                message:
                    `log group "app" is encrypted with the key, but its policy grants ${to} to any principal ("*") without a condition. ` +
                    "Fix: name the principals, or add a condition such as kms:CallerAccount or aws:PrincipalOrgID.",
            },
        ];
        // Only the stranger's role (another account than ACCOUNT, in the partition given).
        const stranger = { Effect: "Allow", Action: "kms:Decrypt", Resource: "*" };
        assert.deepEqual(
            judged({ ...stranger, Principal: { AWS: "arn:aws:iam::999999999999:role/anyone" } }),
            granted("kms:Decrypt"),
        );
        assert.deepEqual(
            judged({ ...stranger, Principal: { AWS: "arn:aws:iam::999999999999:root" } }),
            granted("kms:Decrypt"),
        );
        assert.deepEqual(
            judged({ ...stranger, Principal: { AWS: "arn:aws-cn:iam::999999999999:root" } }),
            [],
        );
        assert.deepEqual(
            judged({ ...stranger, Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` } }),
            [],
        );
        assert.deepEqual(
            judged({
                Effect: "Allow",
                Action: ["kms:Encrypt", "kms:Decrypt"],
                Resource: "*",
                Principal: "*",
            }),
            granted("kms:Decrypt, kms:Encrypt"),
        );
    });
});
