/**
 * The npm package as users get it: `npm pack` produces a tarball with the compiled JS, the type
 * declarations, README and LICENSE (and nothing from tests), and that tarball installs from the
 * file into a fresh project where every public export imports, the policy pack's included.
 *
 * The tarball comes from the file; its dependencies come from the npm cache when they are there
 * (`--prefer-offline`). A strict `--offline` fails on a fresh machine: `npm ci` caches the
 * tarballs of the lockfile but not the registry metadata a new project needs to resolve ranges.
 */
import * as assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as api from "../components";
import * as policies from "../policypack/policies";

const root = path.join(__dirname, "..", "..");
const npm = process.platform === "win32" ? "npm.cmd" : "npm";

function run(args: string[], cwd: string): string {
    return execFileSync(npm, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

describe("npm package", function () {
    // Installing @pulumi/aws from the npm cache takes a while on a busy machine.
    this.timeout(300_000);
    let workdir: string;
    let tarball: string;
    let files: string[];

    before(() => {
        workdir = fs.mkdtempSync(path.join(os.tmpdir(), "encrypted-logs-pack-"));
        // The build already ran (npm test builds first); --ignore-scripts keeps prepack from
        // rebuilding bin/ under the running tests.
        const packed = JSON.parse(
            run(["pack", "--json", "--ignore-scripts", "--pack-destination", workdir], root),
        );
        tarball = path.join(workdir, packed[0].filename);
        files = packed[0].files.map((f: { path: string }) => f.path);
    });

    after(() => {
        fs.rmSync(workdir, { recursive: true, force: true });
    });

    it("contains the compiled package, its types, README and LICENSE, and no tests", () => {
        for (const required of [
            "package.json",
            "README.md",
            "LICENSE",
            "bin/components/index.js",
            "bin/components/index.d.ts",
            "bin/components/logs/encryptedLogGroup.js",
            "bin/components/logs/encryptedLogGroup.d.ts",
            "bin/components/logs/policies.d.ts",
        ]) {
            assert.ok(files.includes(required), `${required} is in the tarball`);
        }
        assert.deepEqual(
            files.filter(
                (f) =>
                    f.startsWith("bin/tests/") ||
                    f.startsWith("tests/") ||
                    f.startsWith("bin/scripts/"),
            ),
            [],
        );
    });

    it("installs offline into a new project and exposes every public export", () => {
        const project = path.join(workdir, "consumer");
        fs.mkdirSync(project);
        fs.writeFileSync(
            path.join(project, "package.json"),
            JSON.stringify({ name: "consumer", version: "1.0.0", private: true }),
        );
        run(
            ["install", "--prefer-offline", "--no-audit", "--no-fund", "--ignore-scripts", tarball],
            project,
        );
        const script = [
            "const api = require('pulumi-aws-encrypted-logs');",
            "const pack = require('pulumi-aws-encrypted-logs/policypack');",
            "console.log(JSON.stringify({ api: Object.keys(api).sort(), pack: Object.keys(pack).sort(),",
            "  names: [pack.logEncryptionKeyRequired, pack.logEncryptionKeyUsable, pack.logEncryptionKeyVerifiable].map((p) => p.name) }));",
        ].join("\n");
        const exported = JSON.parse(
            execFileSync(process.execPath, ["-e", script], { cwd: project, encoding: "utf8" }),
        );
        assert.deepEqual(exported.api, Object.keys(api).sort());
        assert.deepEqual(exported.pack, Object.keys(policies).sort());
        assert.deepEqual(exported.names, [
            "log-encryption-key-required",
            "log-encryption-key-usable",
            "log-encryption-key-verifiable",
        ]);
        const types = path.join(
            project,
            "node_modules",
            "pulumi-aws-encrypted-logs",
            "bin",
            "components",
            "index.d.ts",
        );
        assert.match(
            fs.readFileSync(types, "utf8"),
            /export \{ EncryptedLogGroup, EncryptedLogGroupArgs \}/,
        );
    });
});
