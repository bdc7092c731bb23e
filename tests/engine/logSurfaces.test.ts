/**
 * Bedrock invocation logging and an organisation centralization rule under the real Pulumi CLI
 * (engine/cli.ts, the offline aws provider): the pack refuses the undeclared group and AWS_OWNED
 * at preview (exit 1), accepts the encrypted forms (exit 0), and `encrypted-logs check`'s mock
 * path (checkProgram) gives the same verdicts.
 */
import * as assert from "node:assert/strict";
import * as path from "node:path";
import { CommandResult, EngineRun } from "../../engine/cli";
import { checkProgram } from "../../harness/testing";

const PROGRAM = path.join("tests", "engine", "programs", "log-surfaces");
const PROJECT = "urn:pulumi:dev::engine-log-surfaces::";

/** `<policy> <enforcement> <urn tail> [<check>]` of each policy event, sorted. */
function events(r: CommandResult): string[] {
    return r.policyEvents
        .map(
            (e) =>
                `${e.policyName} ${e.enforcementLevel} ${e.urn.replace(PROJECT, "")} ${/^\[([a-z -]+)\]/m.exec(e.message)?.[0] ?? ""}`,
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

    it("refuses an undeclared invocation-log group and an AWS_OWNED rule at preview, as check does", async () => {
        const stack = await run.stack(PROGRAM, "dev", { "aws:region": "us-east-1" });
        const r = await stack.preview({ policyPacks: ["policypack"] });
        assert.equal(r.exitCode, 1);
        assert.deepEqual(events(r), [
            "log-destinations-encrypted mandatory aws:bedrockmodel/invocationLoggingConfiguration:InvocationLoggingConfiguration::invocations [log-destination]",
            "log-encryption-key-required mandatory aws:observabilityadmin/centralizationRuleForOrganization:CentralizationRuleForOrganization::org [key-required]",
        ]);
        const bedrock = r.policyEvents.find((e) => e.policyName === "log-destinations-encrypted");
        assert.match(
            bedrock!.message,
            /"\/engine-tests\/bedrock", which this stack does not declare/,
        );
        const rule = r.policyEvents.find((e) => e.policyName === "log-encryption-key-required");
        assert.match(rule!.message, /encryptionStrategy is "AWS_OWNED"/);

        const mocked = await checkProgram(path.resolve(__dirname, "..", "..", "..", PROGRAM), {
            stack: "dev",
            region: "us-east-1",
            accountId: "123456789012",
        });
        assert.deepEqual(
            mocked.diagnostics
                .map(
                    (d) =>
                        `${d.policyName} ${d.enforcementLevel} ${d.urn.replace(/^urn:pulumi:[^:]+::[^:]+::/, "")} ${/^\[([a-z -]+)\]/m.exec(d.message)?.[0] ?? ""}`,
                )
                .sort(),
            events(r),
        );
    });

    it("accepts an EncryptedLogGroup and a CUSTOMER_MANAGED rule on an account-wide LogsKey", async () => {
        const stack = await run.stack(PROGRAM, "encrypted", {
            "aws:region": "us-east-1",
            "engine-log-surfaces:encrypted": "true",
        });
        const r = await stack.preview({ policyPacks: ["policypack"] });
        assert.deepEqual(events(r), []);
        assert.equal(r.exitCode, 0, r.stderr);
    });
});
