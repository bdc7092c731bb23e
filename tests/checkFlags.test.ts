/**
 * `encrypted-logs check`'s flags: the stack's configuration (--stack,
 * --config, --config-file, aws:region, secure values), other stacks' outputs (--stack-outputs),
 * the pack's configuration (--policy-pack-config, refused with the Pulumi CLI's own text: the
 * comparison with the real CLI is tests/engine/policyPackConfig.test.ts), --json, --help, WARN
 * for advisory-only resources; the same through `checkProgram`; and every example checked as
 * shipped, with its summary word for word.
 */
import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { PolicyConfigError, checkProgram } from "pulumi-aws-encrypted-logs/testing";
import { PACK_POLICIES } from "../policypack/policies";
import { REFUSALS } from "./support/policyConfigRefusals";

const root = path.join(__dirname, "..", "..");
const CLI = path.join(root, "bin", "testing", "cli.js");
const program = path.join(root, "tests", "fixtures", "stack-config");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "check-flags-"));

/** `node bin/testing/cli.js <args>` from the repository root, with no Pulumi CLI (the mocks). */
function cli(args: string[]) {
    const r = spawnSync(process.execPath, [CLI, ...args], {
        cwd: root,
        encoding: "utf8",
        env: {
            ...process.env,
            PATH: path.dirname(process.execPath),
            PULUMI_CLI_DIR: "",
            NO_COLOR: "1",
            FORCE_COLOR: "",
        },
    });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A --policy-pack-config file holding `config`. */
function configFile(name: string, config: unknown): string {
    const file = path.join(tmp, `${name}.json`);
    fs.writeFileSync(file, typeof config === "string" ? config : JSON.stringify(config));
    return file;
}

const NO_KEY_EU =
    '        mandatory log-encryption-key-required: [key-required] log group "orders" (aws:cloudwatch/logGroup:LogGroup) has no kmsKeyId: CloudWatch Logs then encrypts its log data with its own default server-side encryption (AES-GCM under keys AWS owns), which you cannot control, audit or revoke. Fix: set kmsKeyId to the ARN of a symmetric KMS key in eu-west-1 whose key policy lets logs.eu-west-1.amazonaws.com use it (e.g. EncryptedLogGroup / EncryptedAnomalyDetector create one).';

describe("encrypted-logs check: the stack's configuration", function () {
    this.timeout(120_000);

    it("reads Pulumi.dev.yaml by default: its values, structured ones as JSON, aws:region as the region, and names the secure values it cannot read", () => {
        const r = cli(["check", "tests/fixtures/stack-config"]);
        assert.equal(r.stderr, "");
        assert.equal(r.status, 1);
        assert.deepEqual(r.stdout.split("\n").slice(0, 8), [
            "tests/fixtures/stack-config: 1 resources, 0 KMS keys; 0 PASS, 1 FAIL; 1 mandatory, 0 advisory violations",
            "Stack dev: config from Pulumi.dev.yaml (3 values in all); secure values not set (they cannot be decrypted offline; give them with --config): stack-config:token",
            "",
            "Resources (offline preview under Pulumi's mocks: region eu-west-1, account 111122223333):",
            "  pulumi:pulumi:Stack  stack-config-dev",
            "  └─ aws:cloudwatch/logGroup:LogGroup  orders",
            '          name: "/dev/orders"',
            "          retentionInDays: 30",
        ]);
        assert.ok(r.stdout.includes(`\n${NO_KEY_EU}\n`), r.stdout);
    });

    it("--stack prod reads Pulumi.prod.yaml (a key without a namespace gets the project's); --config wins over the file, keys without a namespace get the project's", () => {
        const prod = cli(["check", "tests/fixtures/stack-config", "--stack", "prod"]);
        assert.equal(prod.status, 1);
        assert.deepEqual(prod.stdout.split("\n").slice(1, 7), [
            "Stack prod: config from Pulumi.prod.yaml (2 values in all)",
            "",
            "Resources (offline preview under Pulumi's mocks: region ap-southeast-2, account 111122223333):",
            "  pulumi:pulumi:Stack  stack-config-prod",
            "  └─ aws:cloudwatch/logGroup:LogGroup  orders",
            '          name: "/prod/orders"',
        ]);
        const given = cli([
            "check",
            "tests/fixtures/stack-config",
            "-s=prod",
            "--config",
            "logGroupName=/given",
            "-c",
            "aws:region=us-gov-west-1",
        ]);
        assert.deepEqual(given.stdout.split("\n").slice(1, 7), [
            "Stack prod: config from Pulumi.prod.yaml (2 values in all)",
            "",
            "Resources (offline preview under Pulumi's mocks: region us-gov-west-1, account 111122223333):",
            "  pulumi:pulumi:Stack  stack-config-prod",
            "  └─ aws:cloudwatch/logGroup:LogGroup  orders",
            '          name: "/given"',
        ]);
    });

    it("a stack without a config file: the program's own error, then how to give the value offline", () => {
        const r = cli(["check", "tests/fixtures/stack-config", "--stack", "qa"]);
        assert.equal(r.status, 3);
        assert.equal(r.stdout, "");
        const lines = r.stderr.trim().split("\n");
        assert.equal(
            lines[0],
            "encrypted-logs: the program in tests/fixtures/stack-config could not run: Missing required configuration variable 'stack-config:logGroupName'",
        );
        assert.equal(
            lines.at(-1),
            "Offline, give it with --config stack-config:logGroupName=<value> or in Pulumi.qa.yaml (config: stack-config:logGroupName: <value>).",
        );
    });

    it("--config-file reads another file; a missing one and a malformed --config are usage errors (exit 2)", () => {
        const r = cli([
            "check",
            "tests/fixtures/stack-config",
            "--config-file",
            "tests/fixtures/stack-config/Pulumi.prod.yaml",
        ]);
        assert.equal(
            r.stdout.split("\n")[1],
            "Stack dev: config from Pulumi.prod.yaml (2 values in all)",
        );
        const cases: [string[], string][] = [
            [
                ["--config-file", "nope.yaml"],
                'encrypted-logs: the stack config file "nope.yaml" does not exist; give the Pulumi.<stack>.yaml to read',
            ],
            [
                ["--config", "logGroupName"],
                'encrypted-logs: --config is "logGroupName"; allowed: key=value (e.g. --config aws:region=eu-west-1)',
            ],
            [
                ["--stack"],
                "encrypted-logs: --stack is undefined; it takes a value (e.g. encrypted-logs check ./my-program --stack dev)",
            ],
            [
                ["--stack-outputs", "acme/x=missing.json"],
                "encrypted-logs: --stack-outputs acme/x=missing.json: ENOENT: no such file or directory, open 'missing.json'; give the file `pulumi stack output --json --stack acme/x > missing.json` writes",
            ],
        ];
        for (const [flags, message] of cases) {
            const bad = cli(["check", "tests/fixtures/stack-config", ...flags]);
            assert.equal(bad.status, 2, flags.join(" "));
            assert.equal(bad.stderr.split("\n")[0], message);
        }
    });

    it("checkProgram takes the same: stack, config (a key without a namespace gets the project's), configFile", async () => {
        const dev = await checkProgram(program, { stack: "dev" });
        assert.equal(dev.mandatory.length, 1);
        assert.match(dev.mandatory[0].message, /in eu-west-1 whose key policy/);
        const prod = await checkProgram(program, {
            stack: "prod",
            config: { logGroupName: "/given", "aws:region": "eu-central-1" },
        });
        assert.equal(prod.resources.find((r) => r.name === "orders")?.inputs.name, "/given");
        assert.match(prod.mandatory[0].message, /in eu-central-1 whose key policy/);
        const file = await checkProgram(program, {
            configFile: path.join(program, "Pulumi.prod.yaml"),
        });
        assert.equal(file.resources.find((r) => r.name === "orders")?.inputs.name, "/prod/orders");
    });
});

describe("encrypted-logs check --policy-pack-config", function () {
    this.timeout(120_000);

    for (const c of REFUSALS) {
        it(`refuses ${JSON.stringify(c.config)} with exit 2 and the CLI's text`, () => {
            const file = configFile(c.name, c.config);
            const r = cli([
                "check",
                "tests/fixtures/own-program/good",
                "--policy-pack-config",
                file,
            ]);
            assert.equal(r.status, 2);
            assert.equal(r.stdout, "");
            assert.deepEqual(r.stderr.split("\n"), [
                `encrypted-logs: --policy-pack-config ${file} is refused, as \`pulumi preview --policy-pack-config\` refuses it:`,
                ...c.cli.map((l) => `  error: ${l}`),
                ...c.help.map((l) => `  ${l}`),
                "",
            ]);
        });
    }

    it("refuses a policy the pack does not have, which the CLI would ignore, saying so", () => {
        const file = configFile("unknown", { "log-encryption-key-requred": "advisory" });
        const r = cli(["check", "tests/fixtures/own-program/good", "--policy-pack-config", file]);
        assert.equal(r.status, 2);
        assert.deepEqual(r.stderr.split("\n"), [
            `encrypted-logs: --policy-pack-config ${file} is refused:`,
            `  error: ${file} configures "log-encryption-key-requred" (did you mean "log-encryption-key-required"?), which the policy pack "encrypted-logs" does not have (the Pulumi CLI would ignore it, configuring nothing)`,
            `  allowed: all, ${PACK_POLICIES.map((p) => p.name).join(", ")}; fix: correct the name`,
            "",
        ]);
    });

    it("refuses, as the CLI does, a policy the pack does not have given without a level, naming the new name of an old one", () => {
        const file = configFile("levelless", {
            "log-destinations-verifiable": { exemptResourceNames: ["x"] },
            "log-encryption-key-requred": { exemptions: [] },
        });
        const r = cli(["check", "tests/fixtures/own-program/good", "--policy-pack-config", file]);
        assert.equal(r.status, 2);
        assert.deepEqual(r.stderr.split("\n"), [
            `encrypted-logs: --policy-pack-config ${file} is refused, as \`pulumi preview --policy-pack-config\` refuses it:`,
            '  error: configuring policy pack "encrypted-logs": invalid enforcement level ""',
            '  fix: "log-destinations-verifiable" is a policy this pack no longer has, now part of "log-encryption-unverified": move its settings to "log-encryption-unverified"',
            `  fix: "log-encryption-key-requred" (did you mean "log-encryption-key-required"?) is not a policy of the pack: correct the name (allowed: all, ${PACK_POLICIES.map((p) => p.name).join(", ")})`,
            "",
        ]);
    });

    it("passes an old policy name with a level to the pack, whose refusal with the new name fails the check, as a preview", () => {
        const file = configFile("renamed", { "log-encryption-key-verifiable": "mandatory" });
        const r = cli(["check", "tests/fixtures/own-program/good", "--policy-pack-config", file]);
        assert.equal(r.status, 1);
        assert.ok(
            r.stdout.includes(
                "        mandatory log-encryption-key-required on urn:pulumi:dev::orders-service::pulumi:pulumi:Stack::orders-service-dev: " +
                    "[configuration] the policy pack configuration names log-encryption-key-verifiable, a policy this pack no longer has: " +
                    "log-encryption-key-verifiable is now part of log-encryption-unverified,",
            ),
            r.stdout,
        );
    });

    it("where the CLI does not refuse (an unknown property), the pack's own [configuration] finding fails the check", () => {
        const file = configFile("unknown-property", {
            "log-encryption-key-usable": { allowMultiRegionKey: true },
        });
        const r = cli(["check", "tests/fixtures/own-program/good", "--policy-pack-config", file]);
        assert.equal(r.status, 1);
        assert.ok(
            r.stdout.includes(
                '      mandatory log-encryption-key-usable on the stack: [configuration] the configuration of log-encryption-key-usable has an unknown property "allowMultiRegionKey" (did you mean "allowMultiRegionKeys"?), which is ignored.',
            ),
            r.stdout,
        );
    });

    it("a valid file applies: all advisory turns the bad program's violations advisory (WARN, exit 0)", () => {
        const file = configFile("all-advisory", { all: "advisory" });
        const r = cli(["check", "tests/fixtures/own-program/bad", "--policy-pack-config", file]);
        assert.equal(r.status, 0);
        assert.equal(
            r.stdout.split("\n")[0],
            "tests/fixtures/own-program/bad: 3 resources, 1 KMS key; 0 PASS, 2 WARN, 0 FAIL; 0 mandatory, 2 advisory violations",
        );
        assert.ok(r.stdout.includes("\n  WARN  aws:cloudwatch/logGroup:LogGroup  orders\n"));
    });

    it("checkProgram's policyPackConfig throws the same refusal", async () => {
        const file = configFile("mandatroy", REFUSALS[0].config);
        await assert.rejects(
            checkProgram(path.join(root, "tests", "fixtures", "own-program", "good"), {
                policyPackConfig: file,
            }),
            (e: unknown) =>
                e instanceof PolicyConfigError && e.lines[0] === REFUSALS[0].cli[0] && e.cliRefuses,
        );
    });
});

describe("encrypted-logs check --json and --help", function () {
    this.timeout(120_000);

    it("--help (and -h, anywhere) prints the usage, exit 0", () => {
        for (const args of [["check", "--help"], ["check", "good", "-h"], ["--help"]]) {
            const r = cli(args);
            assert.equal(r.status, 0, args.join(" "));
            assert.match(r.stdout, /^usage: encrypted-logs check <program dir> \[options\]\n/);
            assert.equal(r.stderr, "");
        }
    });

    it("--json prints one document: the summary and each diagnostic with the engine's policyEvent fields", () => {
        const r = cli(["check", "tests/fixtures/own-program/bad", "--json"]);
        assert.equal(r.status, 1);
        const doc = JSON.parse(r.stdout);
        assert.deepEqual(doc.summary, {
            program: "tests/fixtures/own-program/bad",
            stack: "dev",
            configFile: null,
            engine: "mocks",
            resources: 3,
            mandatory: 2,
            advisory: 0,
            status: "fail",
        });
        assert.deepEqual(
            doc.diagnostics.map((d: Record<string, string>) => [
                d.policyName,
                d.policyPackName,
                d.policyPackVersion,
                d.enforcementLevel,
                d.resourceUrn,
            ]),
            [
                [
                    "log-encryption-key-required",
                    "encrypted-logs",
                    "0.1.0",
                    "mandatory",
                    "urn:pulumi:dev::orders-service::pulumi:pulumi:Stack$aws:cloudwatch/logGroup:LogGroup::orders",
                ],
                [
                    "log-encryption-key-usable",
                    "encrypted-logs",
                    "0.1.0",
                    "mandatory",
                    "urn:pulumi:dev::orders-service::pulumi:pulumi:Stack$aws:cloudwatch/logGroup:LogGroup::audit",
                ],
            ],
        );
        assert.match(
            doc.diagnostics[0].message,
            /^Log groups, log anomaly detectors.*\n\[key-required\] log group "orders"/,
        );
        const good = cli(["check", "tests/fixtures/own-program/good", "--json"]);
        assert.equal(good.status, 0);
        assert.deepEqual(JSON.parse(good.stdout).diagnostics, []);
        assert.equal(JSON.parse(good.stdout).summary.status, "pass");
    });
});

describe("encrypted-logs check on every example, as shipped", function () {
    this.timeout(300_000);

    const PLATFORM =
        "acme/platform-keys/prod=examples/app-on-platform-keys/platform-keys.prod.json";
    const cases: [string, string[], number, string, string][] = [
        [
            "app-on-platform-keys",
            ["--stack-outputs", PLATFORM],
            0,
            "examples/app-on-platform-keys: 5 resources, 0 KMS keys; 2 PASS, 0 FAIL; 0 mandatory, 0 advisory violations",
            "Stack dev: config from Pulumi.dev.yaml (2 values in all)",
        ],
        [
            // A key from configuration: its form and region are judged, the rest cannot be (advisory).
            "byo-key",
            [],
            0,
            "examples/byo-key: 2 resources, 0 KMS keys; 0 PASS, 1 WARN, 0 FAIL; 0 mandatory, 1 advisory violations",
            "Stack dev: config from Pulumi.dev.yaml (2 values in all)",
        ],
        [
            "cloudtrail",
            [],
            0,
            "examples/cloudtrail: 15 resources, 2 KMS keys; 2 PASS, 0 FAIL; 0 mandatory, 0 advisory violations",
            "Stack dev: no Pulumi.dev.yaml, no config",
        ],
        [
            "complete",
            [],
            0,
            "examples/complete: 16 resources, 3 KMS keys; 3 PASS, 0 FAIL; 0 mandatory, 0 advisory violations",
            "Stack dev: no Pulumi.dev.yaml, no config",
        ],
        [
            "multi-region",
            [],
            0,
            "examples/multi-region: 6 resources, 2 KMS keys; 2 PASS, 0 FAIL; 0 mandatory, 0 advisory violations",
            "Stack dev: no Pulumi.dev.yaml, no config",
        ],
        [
            "platform-keys",
            [],
            0,
            "examples/platform-keys: 6 resources, 2 KMS keys; 0 PASS, 0 FAIL; 0 mandatory, 0 advisory violations",
            "Stack dev: no Pulumi.dev.yaml, no config",
        ],
        [
            "rekey",
            [],
            0,
            "examples/rekey: 7 resources, 1 KMS key; 1 PASS, 0 FAIL; 0 mandatory, 0 advisory violations",
            "Stack dev: config from Pulumi.dev.yaml (2 values in all)",
        ],
        [
            "serverless",
            [],
            0,
            "examples/serverless: 29 resources, 4 KMS keys; 8 PASS, 0 FAIL; 0 mandatory, 0 advisory violations",
            "Stack dev: no Pulumi.dev.yaml, no config",
        ],
        [
            "shared-key",
            [],
            0,
            "examples/shared-key: 9 resources, 1 KMS key; 3 PASS, 0 FAIL; 0 mandatory, 0 advisory violations",
            "Stack dev: no Pulumi.dev.yaml, no config",
        ],
    ];

    it("app-on-platform-keys without --stack-outputs: exit 3 naming the stack its StackReference reads and the flag to give, never a silent hang", () => {
        const r = cli(["check", "examples/app-on-platform-keys"]);
        assert.equal(r.status, 3);
        assert.equal(r.stdout, "");
        assert.equal(
            r.stderr.split("\n")[0],
            'encrypted-logs: the program in examples/app-on-platform-keys could not run: the program read stack "acme/platform-keys/prod" through a StackReference, and no --stack-outputs gives its outputs (given: none), so the resources that wait on it never registered. Fix: --stack-outputs acme/platform-keys/prod=<file>, the file written by `pulumi stack output --json --stack acme/platform-keys/prod`.',
        );
    });

    it("covers every example", () => {
        const examples = fs
            .readdirSync(path.join(root, "examples"), { withFileTypes: true })
            .filter((d) => d.isDirectory())
            .map((d) => d.name);
        assert.deepEqual(examples.sort(), cases.map(([e]) => e).sort());
    });

    for (const [example, flags, status, summary, stack] of cases) {
        it(`examples/${example}: exit ${status}, "${summary.split(": ")[1]}"`, () => {
            const r = cli(["check", `examples/${example}`, ...flags]);
            assert.equal(r.stderr, "");
            assert.equal(r.status, status);
            assert.deepEqual(r.stdout.split("\n").slice(0, 2), [summary, stack]);
        });
    }
});
