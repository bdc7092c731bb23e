/** `[region]` at the facts level: the key is in the target's region (a trail's: its bucket's). */
import * as assert from "node:assert/strict";
import { unknown } from "../../harness/policyHarness";
import { StackBuilder } from "../../harness/stackFixtures";
import type { StackResource } from "../../harness/policyHarness";
import { regionRule } from "../../policypack/lib/rules/region";
import { judge, table } from "./keyTarget";

const GROUP = 'log group "app" (aws:cloudwatch/logGroup:LogGroup)';

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
    it("says word for word what it finds, and nothing without a key", () => {
        const findings = (build: (s: StackBuilder) => StackResource) => {
            const s = new StackBuilder();
            return judge(regionRule, s, build(s)).map((f) => `${f.outcome}: ${f.message}`);
        };
        assert.deepEqual(
            findings((s) => s.logGroup("app", {})),
            [],
        );
        assert.deepEqual(
            findings((s) =>
                s.logGroup("app", { key: s.key("app-key"), provider: s.provider("p") }),
            ),
            [
                `unverifiable: the region of ${GROUP} is not set (no region input, provider region or aws:region config)`,
            ],
        );
        assert.deepEqual(
            findings((s) =>
                s.logGroup("app", { key: s.key("app-key", { provider: s.provider("p") }) }),
            ),
            ['unverifiable: the region of KMS key "app-key" (aws:kms/key:Key) is not set'],
        );
        assert.deepEqual(
            findings((s) => s.trail("audit", "other-bucket", { key: s.key("audit-key") })),
            [
                'unverifiable: its S3 bucket "other-bucket" is not in this stack, and CloudTrail needs the key in the bucket\'s region',
            ],
        );
        assert.deepEqual(
            findings((s) => s.logGroup("app", { key: s.key("app-key", { region: "eu-west-1" }) })),
            [
                `violation: ${GROUP} is in us-east-1 (from its provider "default_7_48_0") but KMS key "app-key" (aws:kms/key:Key) is in eu-west-1 ` +
                    "(from its region input): the service can only use a key in its own region. " +
                    "Fix: create the key in us-east-1 (give it the same provider or region input) and use that key's ARN.",
            ],
        );
    });
});
