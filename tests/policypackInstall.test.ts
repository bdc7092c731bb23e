/**
 * How the pack is installed, run and published: the compiled `main` the CLI loads, the TypeScript
 * path the CLI also supports (`index.ts` through ts-node with type-checking), and the tarball
 * `pulumi policy publish` uploads (it runs `npm pack` in the pack directory), unpacked on its own
 * the way Pulumi Cloud installs it for a stack, with no file outside it.
 */
import { execFileSync } from "node:child_process";
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { PACK_DIR, PolicyPackHarness } from "../harness/policyHarness";
import { StackBuilder } from "../harness/stackFixtures";

const npm = process.platform === "win32" ? "npm.cmd" : "npm";

/** One preview that exercises both the resource policy and the stack policies. */
async function smoke(pack: PolicyPackHarness): Promise<string[]> {
    const s = new StackBuilder();
    s.logGroup("no-key", {});
    s.logGroup("rsa", { key: s.key("rsa-key", { spec: "RSA_2048" }) });
    const result = await pack.preview(s.resources);
    return result.all.map((d) => `${d.policyName} ${d.urn.split("::").pop()}`).sort();
}

const EXPECTED = ["log-encryption-key-required no-key", "log-encryption-key-usable rsa"];

describe("policy pack: install, TypeScript path and publish", function () {
    this.timeout(120_000);

    it("package.json names the compiled entry point and a version, as the CLI requires", () => {
        const pkg = JSON.parse(fs.readFileSync(path.join(PACK_DIR, "package.json"), "utf8"));
        assert.match(pkg.version, /^\d+\.\d+\.\d+$/);
        assert.equal(pkg.main, "bin/policypack/index.js");
        assert.ok(fs.existsSync(path.join(PACK_DIR, pkg.main)), "npm run build compiles the pack");
        assert.match(
            fs.readFileSync(path.join(PACK_DIR, "PulumiPolicy.yaml"), "utf8"),
            /^runtime: nodejs$/m,
        );
    });

    it("runs from index.ts too (ts-node with type-checking, the CLI's TypeScript path)", async () => {
        const pack = await PolicyPackHarness.start(PACK_DIR, {
            program: "index.ts",
            timeoutMs: 110_000,
        });
        try {
            assert.match(pack.portLine, /^\d+$/);
            assert.deepEqual(await smoke(pack), EXPECTED);
            assert.equal(pack.stderr, "");
        } finally {
            await pack.stop();
        }
    });

    it("the published tarball (npm pack) is self-contained and starts on its own", async () => {
        const work = fs.mkdtempSync(path.join(os.tmpdir(), "encrypted-logs-publish-"));
        try {
            const out = execFileSync(
                npm,
                ["pack", "--ignore-scripts", "--json", "--pack-destination", work],
                {
                    cwd: PACK_DIR,
                    encoding: "utf8",
                    stdio: ["ignore", "pipe", "ignore"],
                },
            );
            const [info] = JSON.parse(out) as { filename: string; files: { path: string }[] }[];
            const files = info.files.map((f) => f.path);
            assert.ok(
                files.includes("PulumiPolicy.yaml") && files.includes("bin/policypack/index.js"),
            );
            assert.ok(
                files.includes("bin/aws/services.js") &&
                    files.includes("bin/aws/arn.js") &&
                    files.includes("bin/aws/keyFactsContract.js"),
                "the service vocabulary, ARN parsing and key-facts contract it shares with the components travel with the pack",
            );
            assert.equal(
                files.some((f) => f.endsWith(".ts") || f.startsWith("node_modules")),
                false,
            );
            execFileSync("tar", ["-xzf", path.join(work, info.filename), "-C", work]);
            const unpacked = path.join(work, "package");
            // Pulumi Cloud runs `npm install` in the unpacked directory; the same versions are
            // already in this checkout's pack install, so link them instead of downloading.
            fs.symlinkSync(
                path.join(PACK_DIR, "node_modules"),
                path.join(unpacked, "node_modules"),
                "dir",
            );
            const pack = await PolicyPackHarness.start(unpacked);
            try {
                assert.deepEqual(await smoke(pack), EXPECTED);
                assert.equal((await pack.info()).getVersion(), "0.1.0");
            } finally {
                await pack.stop();
            }
        } finally {
            fs.rmSync(work, { recursive: true, force: true });
        }
    });
});
