/**
 * What a user sees when a component refuses an argument under `pulumi preview` (real CLI): the
 * message only. The Node SDK prints a thrown `ResourceError` with `util.inspect` (its stack, then
 * the whole resource object) unless it was made with `hideStack` (`@pulumi/pulumi`
 * cmd/run/run.js: "Hide the stack if requested to by the ResourceError creator"); before the
 * components set it, a refused `logGroupClass` printed 10 stack frames and 60 lines of the
 * component's object after the message.
 */
import * as assert from "node:assert/strict";
import * as path from "node:path";
import { EngineRun } from "../../engine/cli";

const MESSAGE =
    'EncryptedLogGroup "app": logGroupClass is "standard": the allowed values are case-sensitive. Allowed: STANDARD, INFREQUENT_ACCESS. Fix: did you mean "STANDARD"? Write logGroupClass: "STANDARD".';

describe("component errors under the real CLI", function () {
    let run: EngineRun;
    before(async () => {
        run = await EngineRun.create();
    });
    after(() => run?.dispose());

    for (const viaOutput of [false, true]) {
        it(`prints a refused argument${viaOutput ? " inside an Output" : ""} as its message alone, without stack frames or the resource object`, async () => {
            const stack = await run.stack(
                path.join("tests", "fixtures", "component-error"),
                viaOutput ? "output" : "plain",
                {
                    "aws:region": "us-east-1",
                    viaOutput: String(viaOutput),
                },
            );
            // What a user sees in a terminal: `pulumi preview` without --json.
            const r = await stack.command(["preview"]);
            const out = r.stdout.replace(/\x1b\[[0-9;]*m/g, "");
            if (process.env.SHOW_OUTPUT) {
                console.error(`exit ${r.exitCode}\n${out}\n${r.stderr}`);
            }
            assert.equal(r.exitCode, 1, out);
            const diagnostics = out.slice(out.indexOf("Diagnostics:"));
            const lines = diagnostics.split("\n").filter((l) => /^\s+error: /.test(l));
            assert.deepEqual(
                lines.map((l) => l.trim()),
                [`error: ${MESSAGE}`],
                diagnostics,
            );
            assert.doesNotMatch(diagnostics, /^\s+at /m, diagnostics);
            assert.doesNotMatch(diagnostics, /__pulumi|hideStack/, diagnostics);
        });
    }
});
