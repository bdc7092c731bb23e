/**
 * What the offline check says about a `--policy-pack-config` file and a stack's config file,
 * compared with what the real Pulumi CLI does with them:
 *
 * - each file of tests/support/policyConfigRefusals.ts is refused by `pulumi preview --policy-pack
 *   --policy-pack-config` with exactly the lines the check prints after `error: `;
 * - a policy name the pack does not have is ignored by the CLI (the check refuses it, on purpose);
 * - an unknown property passes the CLI's validation and the pack's own `[configuration]` finding
 *   fails the preview, with the text the check prints;
 * - a `Pulumi.<stack>.yaml` key without a namespace is the project's, and `aws:region` from it is
 *   the region, as the check reads them; `check --engine cli --stack prod --json` gives the document.
 */
import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { CommandResult, EngineRun, Stack } from "../../engine/cli";
import { REFUSALS } from "../support/policyConfigRefusals";

const root = path.resolve(__dirname, "..", "..", "..");
const CLI = path.join(root, "bin", "testing", "cli.js");
const good = path.join(root, "tests", "fixtures", "own-program", "good");
const stackConfig = path.join(root, "tests", "fixtures", "stack-config");

/** The error lines of a refused preview: the engine's error diagnostics, else the CLI's own `error:` lines. */
function errorLines(r: CommandResult): string[] {
    const diagnostics = r.events
        .map((e) => e.diagnosticEvent as { severity: string; message: string } | undefined)
        .filter((d) => d?.severity === "error")
        .map((d) => (d?.message ?? "").trim())
        .filter((m) => m.startsWith("validating policy config: "));
    if (diagnostics.length > 0) {
        return diagnostics;
    }
    return r.stderr
        .split("\n")
        .filter((l) => l.startsWith("error: "))
        .map((l) => l.slice("error: ".length));
}

describe("--policy-pack-config: the check refuses what the real CLI refuses, with its text", function () {
    this.timeout(600_000);

    let run: EngineRun;
    let stack: Stack;
    before(async () => {
        run = await EngineRun.create();
        stack = await run.stack(good, "dev", { "aws:region": "us-east-1" });
    });
    after(() => run?.dispose());

    const preview = (name: string, config: unknown) => {
        const file = path.join(run.root, `${name}.json`);
        fs.writeFileSync(file, JSON.stringify(config));
        return stack.preview({ policyPacks: ["policypack"], policyPackConfigs: [file] });
    };

    for (const c of REFUSALS) {
        it(`${JSON.stringify(c.config)}: the CLI exits 1 printing the check's lines`, async () => {
            const r = await preview(c.name, c.config);
            assert.equal(r.exitCode, 1, r.stdout + r.stderr);
            assert.deepEqual(errorLines(r), c.cli, r.stdout + r.stderr);
        });
    }

    it("a policy the pack does not have: the CLI ignores it (exit 0); the check refuses it on purpose", async () => {
        const r = await preview("unknown", { "log-encryption-key-requred": "advisory" });
        assert.equal(r.exitCode, 0, r.stdout + r.stderr);
        assert.deepEqual(errorLines(r), []);
    });

    it("an unknown property: the CLI does not refuse; the pack's [configuration] finding fails the preview, as in the check", async () => {
        const r = await preview("unknown-property", {
            "log-encryption-key-usable": { allowMultiRegionKey: true },
        });
        assert.equal(r.exitCode, 1);
        const finding = r.policyEvents.find((p) => p.message.includes("[configuration]"));
        assert.ok(finding, r.stdout);
        assert.equal(finding.enforcementLevel, "mandatory");
        assert.ok(
            finding.message.includes(
                '[configuration] the configuration of log-encryption-key-usable has an unknown property "allowMultiRegionKey" (did you mean "allowMultiRegionKeys"?), which is ignored.',
            ),
        );
    });
});

describe("a stack's config file: the real CLI reads it as the check does", function () {
    this.timeout(600_000);

    it("Pulumi.prod.yaml: the unqualified key is the project's, aws:region the region", async () => {
        const run = await EngineRun.create();
        try {
            const stack = await run.stack(
                stackConfig,
                "prod",
                {},
                path.join(stackConfig, "index.ts"),
            );
            fs.copyFileSync(
                path.join(stackConfig, "Pulumi.prod.yaml"),
                path.join(stack.projectDir, "Pulumi.prod.yaml"),
            );
            const r = await stack.preview({ policyPacks: ["policypack"] });
            assert.equal(r.exitCode, 1, r.stdout + r.stderr);
            const prelude = r.events.find((e) => e.preludeEvent !== undefined)?.preludeEvent;
            assert.deepEqual(prelude, {
                config: {
                    "aws:region": "ap-southeast-2",
                    "stack-config:logGroupName": "/prod/orders",
                },
            });
            const refusal = r.policyEvents.find(
                (p) => p.policyName === "log-encryption-key-required",
            );
            assert.ok(refusal, r.stdout);
            assert.match(
                refusal.message,
                /in ap-southeast-2 whose key policy lets logs\.ap-southeast-2\.amazonaws\.com/,
            );
            assert.match(refusal.urn, /::orders$/);
        } finally {
            run.dispose();
        }
    });

    it("check --engine cli --stack prod --json: the document, from the real engine", () => {
        const r = spawnSync(
            process.execPath,
            [CLI, "check", stackConfig, "--engine", "cli", "--stack", "prod", "--json"],
            {
                encoding: "utf8",
                env: { ...process.env, NO_COLOR: "1" },
            },
        );
        assert.equal(r.status, 1, r.stdout + r.stderr);
        const doc = JSON.parse(r.stdout);
        assert.deepEqual(
            { ...doc.summary, resources: typeof doc.summary.resources },
            {
                program: stackConfig,
                stack: "prod",
                configFile: path.join(stackConfig, "Pulumi.prod.yaml"),
                engine: "cli",
                resources: "number",
                mandatory: 1,
                advisory: 0,
                status: "fail",
            },
        );
        assert.equal(doc.diagnostics[0].policyName, "log-encryption-key-required");
        assert.match(doc.diagnostics[0].message, /in ap-southeast-2 whose key policy/);
    });
});
