/**
 * How the suite finds the Pulumi CLI, and what it says when there is none (it fails, never skips).
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { findCli, HOW_TO_GET_CLI, parseEvents, policyEvents } from "../../engine/cli";

describe("finding the Pulumi CLI", () => {
    let dir: string;
    beforeEach(() => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "find-cli-"));
    });
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    function fakePulumi(version: string): void {
        const file = path.join(dir, "pulumi");
        fs.writeFileSync(file, `#!/bin/sh\necho ${version}\n`);
        fs.chmodSync(file, 0o755);
    }

    it("says how to build one when PATH has none", () => {
        assert.throws(
            () => findCli({ PATH: dir }),
            new Error(
                `no Pulumi CLI >= 3.248.0 on PATH; from the project root, build one and point at it: ${HOW_TO_GET_CLI}`,
            ),
        );
        assert.equal(
            HOW_TO_GET_CLI,
            "bin=$(../shared/realcli/build-cli.sh | tail -1); export PULUMI_CLI_DIR=$bin",
        );
    });

    it("refuses a CLI older than 3.248.0 and names it", () => {
        fakePulumi("v3.247.0");
        assert.throws(
            () => findCli({ PULUMI_CLI_DIR: dir, PATH: "" }),
            new Error(
                `no Pulumi CLI >= 3.248.0 in PULUMI_CLI_DIR=${dir} (found ${dir}/pulumi (3.247.0)); from the project root, build one and point at it: ${HOW_TO_GET_CLI}`,
            ),
        );
    });

    it("takes PULUMI_CLI_DIR's pulumi when it is recent enough", () => {
        fakePulumi("v3.250.1");
        assert.deepEqual(findCli({ PULUMI_CLI_DIR: dir, PATH: "" }), {
            pulumi: path.join(dir, "pulumi"),
            dir,
            version: "3.250.1",
        });
    });

    it("reads policy events out of streamed JSON lines and ignores other lines", () => {
        const events = parseEvents(
            [
                "Previewing update (dev):",
                JSON.stringify({ sequence: 1, cancelEvent: {} }),
                JSON.stringify({
                    sequence: 2,
                    policyEvent: {
                        resourceUrn: "urn:pulumi:dev::p::aws:cloudwatch/logGroup:LogGroup::g",
                        message: "m",
                        policyName: "log-encryption-key-required",
                        policyPackName: "encrypted-logs",
                        enforcementLevel: "mandatory",
                    },
                }),
                "{not json}",
            ].join("\n"),
        );
        assert.equal(events.length, 2);
        assert.deepEqual(policyEvents(events), [
            {
                policyName: "log-encryption-key-required",
                enforcementLevel: "mandatory",
                urn: "urn:pulumi:dev::p::aws:cloudwatch/logGroup:LogGroup::g",
                message: "m",
            },
        ]);
    });
});
