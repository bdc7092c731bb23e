/**
 * The S3 Bucket Key refusal under the real CLI: `pulumi preview --policy-pack`
 * of a trail whose bucket uses a bucket key and whose CloudTrailKey lacks the bucket-key
 * statement fails on the trail, and `checkProgram` (the mocks) gives the same verdict and message.
 */
import * as assert from "node:assert/strict";
import * as path from "node:path";
import { EngineRun } from "../../engine/cli";
import { checkProgram } from "../../testing";

const PROGRAM = path.join("tests", "fixtures", "trail-bucket-key");

/** A message's `[check]` lines (the engine's carry the policy's description first). */
const findingsOf = (message: string) =>
    message
        .split("\n")
        .filter((l) => l.startsWith("["))
        .join("\n");

/** The mandatory events as `<policy> <name>: <message>`, the bucket's random suffix masked. */
function mandatory(
    list: readonly { policyName: string; enforcementLevel: string; urn: string; message: string }[],
): string[] {
    return list
        .filter((v) => v.enforcementLevel === "mandatory")
        .map(
            (v) =>
                `${v.policyName} ${v.urn.split("::").pop()}: ${findingsOf(v.message).replace(/audit-bucket-[0-9a-f]{7}/g, "audit-bucket-<suffix>")}`,
        )
        .sort();
}

describe("an S3 Bucket Key under the real CLI", function () {
    this.timeout(240_000);
    let run: EngineRun;
    before(async () => {
        run = await EngineRun.create();
    });
    after(() => run?.dispose());

    it("refuses the trail at preview, as checkProgram does, with the statement to add", async () => {
        const stack = await run.stack(PROGRAM, "dev", { "aws:region": "us-east-1" });
        const r = await stack.preview({ policyPacks: ["policypack"] });
        const engine = mandatory(r.policyEvents);
        assert.equal(r.exitCode, 1, r.stderr);
        assert.equal(engine.length, 1, engine.join("\n"));
        assert.match(
            engine[0],
            /^log-encryption-key-usable audit: \[key-policy\] trail "audit" \(aws:cloudtrail\/trail:Trail\) writes to S3 bucket "audit-bucket-<suffix>", which uses an S3 Bucket Key .*Fix: set s3BucketKey: true on CloudTrailKey "trails", which adds it, or add this statement to the key policy: \{"Sid":"AllowCloudTrailBucketKey"/s,
        );
        const emulated = await checkProgram(path.resolve(__dirname, "..", "..", "..", PROGRAM), {
            stack: "dev",
            region: "us-east-1",
            accountId: "123456789012", // the offline provider's account, as in realCli.test.ts
        });
        assert.deepEqual(mandatory(emulated.diagnostics), engine);
    });
});
