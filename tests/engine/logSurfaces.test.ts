/**
 * Bedrock invocation logging and an organisation centralization rule under the real Pulumi CLI
 * (engine/cli.ts, the offline aws provider): the pack refuses the undeclared group and AWS_OWNED
 * at preview (exit 1), accepts the encrypted forms (exit 0), and `encrypted-logs check`'s mock
 * path (checkProgram) gives the same verdicts.
 */
import * as assert from "node:assert/strict";
import * as path from "node:path";
import { EngineRun } from "../../engine/cli";
import { checkProgram } from "../../testing";

const PROGRAM = path.join("tests", "engine", "programs", "log-surfaces");
/**
 * `<policy> <enforcement> <type>::<name> [<check>]` of each policy event or diagnostic, sorted
 * (the mocks' URNs carry the stack in the type chain, the engine's do not: the last link is compared).
 */
function verdicts(
    list: readonly { policyName: string; enforcementLevel: string; urn: string; message: string }[],
): string[] {
    return list
        .map(
            (e) =>
                `${e.policyName} ${e.enforcementLevel} ${e.urn.split("::").slice(2).join("::").split("$").pop()} ${/^\[([a-z -]+)\]/m.exec(e.message)?.[0] ?? ""}`,
        )
        .sort();
}

describe("Bedrock invocation logging and centralization rules under the real Pulumi CLI", function () {
    this.timeout(240_000);
    let run: EngineRun;
    before(async () => {
        run = await EngineRun.create();
    });
    after(() => run?.dispose());

    it("refuses an AWS_OWNED rule and cannot verify an invocation-log group outside the stack, at preview as check does", async () => {
        const stack = await run.stack(PROGRAM, "dev", { "aws:region": "us-east-1" });
        const r = await stack.preview({ policyPacks: ["policypack"] });
        assert.equal(r.exitCode, 1);
        assert.deepEqual(verdicts(r.policyEvents), [
            "log-encryption-key-required mandatory aws:observabilityadmin/centralizationRuleForOrganization:CentralizationRuleForOrganization::org [key-required]",
            "log-encryption-unverified advisory aws:bedrockmodel/invocationLoggingConfiguration:InvocationLoggingConfiguration::invocations [cannot verify yet]",
        ]);
        // Bedrock writes to a group that must already exist (it does not create it): outside the
        // stack, "cannot verify yet" unless outsideStack is "mandatory".
        const bedrock = r.policyEvents.find((e) => e.policyName === "log-encryption-unverified");
        assert.match(
            bedrock!.message,
            /the log group "\/engine-tests\/bedrock" in us-east-1, which this stack does not declare/,
        );
        const rule = r.policyEvents.find((e) => e.policyName === "log-encryption-key-required");
        assert.match(rule!.message, /encryptionStrategy is "AWS_OWNED"/);

        const mocked = await checkProgram(path.resolve(__dirname, "..", "..", "..", PROGRAM), {
            stack: "dev",
            region: "us-east-1",
            accountId: "123456789012",
        });
        assert.deepEqual(verdicts(mocked.diagnostics), verdicts(r.policyEvents));
    });

    it("accepts an EncryptedLogGroup and a CUSTOMER_MANAGED rule on an account-wide LogsKey", async () => {
        const stack = await run.stack(PROGRAM, "encrypted", {
            "aws:region": "us-east-1",
            "engine-log-surfaces:encrypted": "true",
        });
        const r = await stack.preview({ policyPacks: ["policypack"] });
        assert.deepEqual(verdicts(r.policyEvents), []);
        assert.equal(r.exitCode, 0, r.stderr);
        const mocked = await checkProgram(path.resolve(__dirname, "..", "..", "..", PROGRAM), {
            stack: "encrypted",
            region: "us-east-1",
            accountId: "123456789012",
            config: { "engine-log-surfaces:encrypted": "true" },
        });
        assert.deepEqual(verdicts(mocked.diagnostics), []);
    });
});
