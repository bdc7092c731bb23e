/**
 * Groups outside the stack under the real Pulumi CLI (>= 3.248.0, engine/cli.ts): what the engine
 * sends a policy pack of a read (`aws.cloudwatch.LogGroup.get`) and of a state machine with no
 * `loggingConfiguration`, and the published-facts carrier (`PublishedLogGroup`) that makes a
 * group of another stack judgeable at preview.
 *
 * Engine facts asserted here (pulumi/pulumi v3.248.0):
 * - a read (`LogGroup.get`) is a `read` step, and neither `Analyze` nor `AnalyzeStack` receives it:
 *   the pack's key-required policy, which refuses every log group without a key, says nothing of
 *   the read group (which has none), and a destination naming it is "outside the stack";
 * - a state machine whose program sets no `loggingConfiguration` reaches `AnalyzeStack` with that
 *   output unknown (the provider computes it) and `Analyze` without it: the pack reads it as
 *   AWS's default (logging off) and says nothing.
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { CommandResult, EngineRun } from "../../engine/cli";
import { checkProgram } from "../../testing";
import { UNKNOWN } from "../../engine/wire";

const REGION = { "aws:region": "us-east-1" };
const programs = (name: string) => path.join("tests", "engine", "programs", name);

interface StepMetadata {
    op: string;
    urn: string;
    new?: { inputs?: Record<string, unknown>; outputs?: Record<string, unknown> };
}

/** `<op> <type>::<name>` of every `resourcePreEvent`. */
function stepOps(r: CommandResult): string[] {
    return r.events
        .map((e) => (e.resourcePreEvent as { metadata: StepMetadata } | undefined)?.metadata)
        .filter((m) => m !== undefined)
        .map((m) => `${m!.op} ${m!.urn.split("::").slice(2).join("::")}`);
}

function outputsOf(r: CommandResult, resource: string): Record<string, unknown> {
    for (const e of r.events) {
        const m = (e.resOutputsEvent as { metadata: StepMetadata } | undefined)?.metadata;
        if (m !== undefined && m.urn.endsWith(`::${resource}`)) {
            return m.new?.outputs ?? {};
        }
    }
    return {};
}

function diagnostics(r: CommandResult): string {
    return r.events
        .map((e) => e.diagnosticEvent as { severity: string; message: string } | undefined)
        .filter((d) => d !== undefined && d.severity !== "debug")
        .map((d) => d?.message)
        .join("\n");
}

function events(r: CommandResult): string[] {
    return r.policyEvents
        .map((p) => `${p.enforcementLevel} ${p.policyName} ${p.urn.split("::").pop()}`)
        .sort();
}

describe("under the real Pulumi CLI: groups outside the stack", function () {
    this.timeout(240_000);
    let run: EngineRun;

    before(async () => {
        run = await EngineRun.create();
    });

    after(() => run?.dispose());

    it("sends no read to the pack; a state machine without loggingConfiguration is silent", async () => {
        const stack = await run.stack(programs("read-group"), "dev", REGION);
        const r = await stack.preview({ policyPacks: ["policypack"] });
        assert.ok(
            stepOps(r).includes("read aws:cloudwatch/logGroup:LogGroup::platform"),
            stepOps(r).join("\n"),
        );
        assert.equal(
            outputsOf(r, "aws:sfn/stateMachine:StateMachine::flow").loggingConfiguration,
            UNKNOWN,
        );
        // Lambda creates the group it is told to write to when it is missing, and the read group
        // is not seen: refused. Nothing on the read group itself (no kmsKeyId, but never analysed),
        // nothing on the state machine.
        assert.deepEqual(events(r), ["mandatory log-destinations-encrypted orders"]);
        assert.match(
            r.policyEvents[0].message,
            /writes its function logs to the log group "\/platform\/shared" in us-east-1, which this stack does not declare: Lambda creates it itself/,
        );
        // The emulation (encrypted-logs check) drops reads too and agrees, event for event.
        const emulated = await checkProgram(
            path.resolve(__dirname, "..", "..", "..", programs("read-group")),
            {
                stack: "dev",
                region: "us-east-1",
                accountId: "123456789012",
            },
        );
        assert.deepEqual(
            emulated.diagnostics
                .map((d) => `${d.enforcementLevel} ${d.policyName} ${d.urn.split("::").pop()}`)
                .sort(),
            events(r),
        );
    });

    describe("a group published by the stack that owns it (PublishedLogGroup)", () => {
        it("judges the published group at preview and leaves a LogGroup.get 'cannot verify yet'", async () => {
            const owner = await run.stack(programs("shared-group-owner"), "prod", REGION);
            const up = await owner.up({ policyPacks: ["policypack"] });
            assert.equal(up.exitCode, 0, diagnostics(up));
            assert.deepEqual(up.policyEvents, []);

            const user = await run.stack(programs("shared-group-user"), "dev", {
                ...REGION,
                "engine-shared-group-user:platformStack":
                    "organization/engine-shared-group-owner/prod",
            });
            const r = await user.preview({ policyPacks: ["policypack"] });
            assert.equal(r.exitCode, 0, diagnostics(r));
            assert.deepEqual(events(r), ["advisory log-encryption-unverified read"]);
            assert.match(
                r.policyEvents[0].message,
                /"\/platform\/read" in us-east-1, which this stack does not declare and VPC Flow Logs does not create .* or read it here with a PublishedLogGroup/,
            );

            // The same with outsideStack "mandatory": the read group is refused, the published one is not.
            const config = path.join(run.root, "outside-mandatory.json");
            fs.writeFileSync(
                config,
                JSON.stringify({ "log-destinations-encrypted": { outsideStack: "mandatory" } }),
            );
            const strict = await user.preview({
                policyPacks: ["policypack"],
                policyPackConfigs: [config],
            });
            assert.equal(strict.exitCode, 1, diagnostics(strict));
            assert.deepEqual(events(strict), ["mandatory log-destinations-encrypted read"]);
        });
    });
});
