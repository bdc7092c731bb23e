/**
 * A Python user's path under the real Pulumi CLI (>= 3.248.0, with pulumi-language-python beside
 * it): a virtualenv from PyPI (`pulumi` at the CLI's version, `pulumi-aws` at the offline aws
 * plugin's), `pulumi package add <this checkout>` (the CLI runs `npm install` in the checkout,
 * starts the component provider, generates the Python SDK from its schema and pip-installs it),
 * then the program tests/engine/programs/python-component previewed and deployed with the pack.
 *
 * The virtualenv is built once and kept under `~/.cache/pulumi-aws-encrypted-logs/` (or
 * `$XDG_CACHE_HOME`), named by a hash of the Python version and the pins, and marked complete
 * only after pip succeeds, so a rerun reuses it (seconds) and a fresh machine builds it (about a
 * minute from PyPI). `pulumi package add` installs the generated SDK into it again every run (pip
 * reinstalls a local folder), so the SDK is always this checkout's.
 */
import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { CommandResult, EngineRun, MIN_CLI_VERSION, Stack } from "../../engine/cli";
import { schemaPackages } from "../../engine/schema";

const repoRoot = path.resolve(__dirname, "..", "..", "..");
const PROGRAM = path.join(repoRoot, "tests", "engine", "programs", "python-component");
const KEY_REQUIRED_PREFIX =
    "Log groups, log anomaly detectors, CloudTrail trails and CloudTrail Lake event data stores must be encrypted with a customer-managed KMS key (kmsKeyId set).";

/** What the program's requirements.txt pins: the SDKs matching the CLI and the aws plugin. */
function pythonRequirements(): string[] {
    return [`pulumi==${MIN_CLI_VERSION}`, `pulumi-aws==${schemaPackages()["@pulumi/aws"]}`];
}

/** The virtualenv for {@link pythonRequirements}: reused when complete, else built from PyPI. */
function pythonVenv(python: string): { dir: string; built: boolean; millis: number } {
    const started = Date.now();
    const version = spawnSync(python, ["--version"], { encoding: "utf8" });
    if (version.status !== 0) {
        throw new Error(
            `${python} --version failed (${version.error ?? version.status}): the Python test needs Python 3.9+ with the venv module (or PYTHON=<interpreter>)`,
        );
    }
    const requirements = pythonRequirements().join("\n") + "\n";
    const key = createHash("sha256")
        .update(`${version.stdout.trim()}\n${requirements}`)
        .digest("hex")
        .slice(0, 12);
    const cache = process.env.XDG_CACHE_HOME || path.join(os.homedir(), ".cache");
    const dir = path.join(cache, "pulumi-aws-encrypted-logs", `python-venv-${key}`);
    const ready = path.join(dir, ".encrypted-logs-ready");
    if (fs.existsSync(ready)) {
        return { dir, built: false, millis: Date.now() - started };
    }
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(path.dirname(dir), { recursive: true });
    const must = (cmd: string, args: string[]) => {
        const r = spawnSync(cmd, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
        if (r.status !== 0) {
            throw new Error(
                `${cmd} ${args.join(" ")} failed (${r.error ?? r.status}):\n${r.stderr}${r.stdout}`,
            );
        }
    };
    must(python, ["-m", "venv", dir]);
    const file = path.join(dir, "requirements.txt");
    fs.writeFileSync(file, requirements);
    must(path.join(dir, "bin", "python"), [
        "-m",
        "pip",
        "install",
        "--disable-pip-version-check",
        "--quiet",
        "-r",
        file,
    ]);
    fs.writeFileSync(ready, requirements);
    return { dir, built: true, millis: Date.now() - started };
}

interface Step {
    op: string;
    urn: string;
    new?: { inputs?: Record<string, unknown> };
}

/** `<op> <type>::<name>` of every resourcePreEvent, in order. */
function steps(r: CommandResult): string[] {
    return r.events
        .map((e) => (e.resourcePreEvent as { metadata: Step } | undefined)?.metadata)
        .filter((m): m is Step => m !== undefined)
        .map((m) => `${m.op} ${m.urn.split("::").slice(2).join("::")}`);
}

function inputsOf(r: CommandResult, resource: string): Record<string, unknown> {
    const m = r.events
        .map((e) => (e.resourcePreEvent as { metadata: Step } | undefined)?.metadata)
        .find((s) => s !== undefined && s.urn.endsWith(`:${resource}`));
    assert.ok(m, `no resourcePreEvent for ${resource}`);
    return m.new?.inputs ?? {};
}

/** Every non-debug diagnostic's message. */
function diagnostics(r: CommandResult): string {
    return r.events
        .map((e) => e.diagnosticEvent as { severity: string; message: string } | undefined)
        .filter((d) => d !== undefined && d.severity !== "debug")
        .map((d) => d?.message)
        .join("\n");
}

const COMPONENT_CREATES = [
    "create pulumi:pulumi:Stack::engine-python-component-dev",
    "create encrypted-logs:index:EncryptedLogGroup::orders",
    "create encrypted-logs:index:EncryptedLogGroup$aws:kms/key:Key::orders-key",
    "create encrypted-logs:index:EncryptedLogGroup$aws:cloudwatch/logGroup:LogGroup::orders",
];

describe("a Python program under the real Pulumi CLI (pulumi package add <checkout>)", function () {
    this.timeout(600_000);
    let run: EngineRun;
    let projectDir: string;
    let stack: Stack;
    let add: CommandResult;
    const timings: string[] = [];
    const lockfile = path.join(repoRoot, "package-lock.json");
    let lockBefore: string;

    before(async function () {
        run = await EngineRun.create();
        const venv = pythonVenv(process.env.PYTHON || "python3");
        timings.push(
            `${venv.millis} ms  virtualenv ${venv.built ? "built from PyPI" : "reused"}: ${venv.dir} (${pythonRequirements().join(", ")})`,
        );
        // The program as a user's project folder: its own copy, the cached virtualenv, and a
        // requirements.txt with the pins (pulumi package add appends the generated SDK's path).
        projectDir = fs.mkdtempSync(path.join(run.root, "projects", "python-"));
        fs.copyFileSync(path.join(PROGRAM, "__main__.py"), path.join(projectDir, "__main__.py"));
        fs.writeFileSync(
            path.join(projectDir, "Pulumi.yaml"),
            fs
                .readFileSync(path.join(PROGRAM, "Pulumi.yaml"), "utf8")
                .replace(/^(\s*virtualenv:).*$/m, `$1 ${venv.dir}`),
        );
        fs.writeFileSync(
            path.join(projectDir, "requirements.txt"),
            pythonRequirements().join("\n") + "\n",
        );
        lockBefore = fs.readFileSync(lockfile, "utf8");
        add = await run.pulumi(["package", "add", repoRoot], projectDir);
        timings.push(`${add.millis} ms  pulumi package add ${repoRoot}`);
        stack = new Stack(run, projectDir, "dev");
        await stack.must(["stack", "init", "dev"]);
        await stack.setConfig("aws:region", "us-east-1");
    });

    afterEach(function () {
        timings.push(`${this.currentTest?.duration ?? 0} ms  ${this.currentTest?.title}`);
    });

    after(() => {
        run?.dispose();
        if (run !== undefined) {
            console.log(
                `    pulumi ${run.cli.version} (${run.cli.pulumi})\n      ${timings.join("\n      ")}`,
            );
        }
    });

    it("pulumi package add generates the module pulumi_aws_encrypted_logs and records the package", () => {
        assert.equal(add.exitCode, 0, `${add.stderr}${add.stdout}`);
        // The line the Python language host prints (its Link: `import <packageName> as …`).
        assert.match(
            `${add.stdout}${add.stderr}`,
            /import pulumi_aws_encrypted_logs as pulumi_aws_encrypted_logs/,
        );
        // The folder is `<namespace>-<name>` (packages.InstallPackage), not the language's name.
        const sdk = path.join(projectDir, "sdks", "pulumi-aws-encrypted-logs-encrypted-logs");
        assert.ok(fs.existsSync(path.join(sdk, "pulumi_aws_encrypted_logs", "__init__.py")));
        assert.deepEqual(
            fs.readFileSync(path.join(projectDir, "requirements.txt"), "utf8").split("\n"),
            [...pythonRequirements(), path.relative(projectDir, sdk), ""],
        );
        assert.match(
            fs.readFileSync(path.join(projectDir, "Pulumi.yaml"), "utf8"),
            new RegExp(
                `packages:\\n\\s+encrypted-logs: ${repoRoot.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\n`,
            ),
        );
    });

    it("leaves the checkout's package-lock.json as it was (npm install finds it in sync)", () => {
        assert.equal(fs.readFileSync(lockfile, "utf8"), lockBefore);
    });

    it("previews with the pack: the component makes its key and group, no policy event", async () => {
        const r = await stack.preview({ policyPacks: ["policypack"] });
        assert.equal(r.exitCode, 0, diagnostics(r));
        assert.deepEqual(r.policyEvents, []);
        assert.deepEqual(steps(r), COMPONENT_CREATES);
        const group = inputsOf(r, "EncryptedLogGroup$aws:cloudwatch/logGroup:LogGroup::orders");
        assert.equal(group.name, "/app/orders");
        assert.equal(group.retentionInDays, 90);
        assert.equal(group.logGroupClass, "INFREQUENT_ACCESS");
        assert.ok("kmsKeyId" in group, "the group's kmsKeyId is set (the key's ARN, unknown yet)");
    });

    it("previews a plain aws.cloudwatch.LogGroup beside it: exit 1, refused by log-encryption-key-required", async () => {
        await stack.setConfig("plain", "true");
        try {
            const r = await stack.preview({ policyPacks: ["policypack"] });
            assert.equal(r.exitCode, 1);
            assert.deepEqual(
                r.policyEvents.map((p) => [p.policyName, p.enforcementLevel, p.urn]),
                [
                    [
                        "log-encryption-key-required",
                        "mandatory",
                        "urn:pulumi:dev::engine-python-component::aws:cloudwatch/logGroup:LogGroup::plain",
                    ],
                ],
            );
            assert.ok(r.policyEvents[0].message.startsWith(KEY_REQUIRED_PREFIX));
            assert.ok(steps(r).includes("create aws:cloudwatch/logGroup:LogGroup::plain"));
        } finally {
            await stack.must(["config", "rm", "plain"]);
        }
    });

    it("deploys with the pack: key and group created, the key's ARN exported", async () => {
        const r = await stack.up({ policyPacks: ["policypack"] });
        assert.equal(r.exitCode, 0, diagnostics(r));
        assert.deepEqual(r.policyEvents, []);
        const out = await stack.command(["stack", "output", "--json"]);
        const outputs = JSON.parse(out.stdout) as Record<string, string>;
        assert.match(outputs.key_arn, /^arn:aws:kms:us-east-1:123456789012:key\/[0-9a-f-]{36}$/);
        assert.equal(outputs.log_group_name, "/app/orders");
    });
});
