/** `[region]` at the facts level: the key is in the target's region (a trail's: its bucket's). */
import { unknown } from "../../harness/policyHarness";
import { regionRule } from "../../policypack/lib/rules/region";
import { table } from "./keyTarget";

describe("rules: region", () => {
    table(regionRule, [
        {
            name: "passes a key in the log group's region",
            target: (s) => s.logGroup("app", { key: s.key("app-key") }),
            finds: [],
        },
        {
            name: "fails a key in another region than the log group",
            target: (s) => s.logGroup("app", { key: s.key("app-key", { region: "eu-west-1" }) }),
            finds: [["violation", /but KMS key "app-key" .* is in eu-west-1/]],
        },
        {
            name: "fails a trail's key in another region than its bucket",
            target: (s) =>
                s.trail("audit", s.bucket("audit-bucket", { region: "eu-west-1" }), {
                    key: s.key("audit-key"),
                }),
            finds: [["violation", /the region of the trail's S3 bucket/]],
        },
        {
            name: "cannot verify a log group whose region is unknown at preview",
            target: (s) =>
                s.logGroup("app", { key: s.key("app-key"), provider: s.provider("p", unknown()) }),
            finds: [["unverifiable", /is unknown at preview/]],
        },
    ]);
});
