/**
 * `encrypted-logs check --engine cli` and `checkWithEngine` from the `testing` export: the offline
 * check through the real `pulumi preview --policy-pack`, on the own-program fixtures, giving the
 * same mandatory (policy, resource) pairs as the mock path, and saying which engine it used.
 */
import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { checkProgram, checkWithEngine } from "../../testing";

const root = path.resolve(__dirname, "..", "..", "..");
const fixtures = path.join(root, "tests", "fixtures", "own-program");
const CLI = path.join(root, "bin", "testing", "cli.js");

function pairs(ds: readonly { policyName: string; urn: string; enforcementLevel: string }[]) {
    return ds
        .filter((d) => d.enforcementLevel === "mandatory")
        .map((d) => `${d.policyName} ${d.urn.split("::").slice(2).join("::").split("$").pop()}`)
        .sort();
}

describe("the check command through the real engine", function () {
    this.timeout(240_000);

    it("check --engine cli refuses the bad program: exit 1, the engine named, the mock path's mandatory pairs", async () => {
        const r = spawnSync(process.execPath, [CLI, "check", "bad", "--engine", "cli"], {
            cwd: fixtures,
            encoding: "utf8",
            env: { ...process.env, NO_COLOR: "1" },
        });
        assert.equal(r.status, 1, `${r.stdout}${r.stderr}`);
        assert.equal(r.stderr, "");
        const [head] = r.stdout.split("\n");
        assert.match(
            head,
            /^bad: \d+ resources; 2 mandatory, 0 advisory violations \(engine: pulumi v3\.\d+\.\d+ preview --policy-pack, offline aws provider; \d+\.\d s\)$/,
        );
        assert.ok(
            r.stdout.includes(
                "  [mandatory]  log-encryption-key-required  (aws:cloudwatch/logGroup:LogGroup: orders)",
            ),
            r.stdout,
        );
        assert.ok(
            r.stdout.includes(
                "  [mandatory]  log-encryption-key-usable  (aws:cloudwatch/logGroup:LogGroup: audit)",
            ),
            r.stdout,
        );
        assert.ok(
            r.stdout.endsWith(
                "2 mandatory violations: `pulumi preview --policy-pack` of this program fails.\n",
            ),
        );
    });

    it("checkWithEngine and checkProgram agree on both fixtures", async () => {
        for (const program of ["good", "bad"]) {
            const dir = path.join(fixtures, program);
            const engine = await checkWithEngine(dir);
            const mocks = await checkProgram(dir, { stack: "dev" });
            assert.deepEqual(pairs(engine.diagnostics), pairs(mocks.diagnostics), program);
            assert.equal(engine.exitCode, program === "bad" ? 1 : 0);
            // A refused preview ends with the engine's own "preview failed"; the program ran.
            assert.deepEqual(engine.errors, program === "bad" ? ["preview failed"] : []);
        }
    });
});
