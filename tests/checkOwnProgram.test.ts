/**
 * Checking your own program without the Pulumi CLI: `pulumi-aws-encrypted-logs/testing` imported
 * as a user imports it (the package's own name, through package.json "exports"), on a program that
 * is not one of examples/ (tests/fixtures/own-program/, a good and a bad variant); the same verdicts
 * as the pack gives over the analyzer protocol; the `check` command run as a child process; and
 * the README's test snippet (tests/fixtures/own-program/good/test/stack.test.ts) run by mocha with
 * ts-node, as a user's project runs it.
 */
import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import {
    StackResource,
    checkProgram,
    checkResources,
    formatDiagnostics,
    runProgram,
    unknown,
} from "pulumi-aws-encrypted-logs/testing";
import { usePolicyPack } from "../harness/policyHarness";
import { colourEnabled } from "../testing/report";

const root = path.join(__dirname, "..", "..");
const fixtures = path.join(root, "tests", "fixtures", "own-program");
const good = path.join(fixtures, "good");
const bad = path.join(fixtures, "bad");
const CLI = path.join(root, "bin", "testing", "cli.js");

/** The controls the key policies name in their descriptions (policypack/policies/controls.ts). */
const CONTROLS =
    'Serves: CIS AWS Foundations Benchmark "Ensure CloudTrail logs are encrypted at rest using KMS CMKs" (3.5 in v3.0.0, 2.7 in v1.2.0), AWS Security Hub CloudTrail.2, AWS Config cloud-trail-encryption-enabled, cloudwatch-log-group-encrypted and event-data-store-cmk-encryption-enabled, NIST SP 800-53 SC-28 and AU-9';
const KEY_REQUIRED = `Log groups, log anomaly detectors, CloudTrail trails and CloudTrail Lake event data stores must be encrypted with a customer-managed KMS key (kmsKeyId set). ${CONTROLS}.`;
const KEY_USABLE = `The KMS key of a log group, anomaly detector or trail must be usable by the service: in a form the service accepts (a key ARN; for a trail also an alias or key id), symmetric, in the resource's region (a trail's: its bucket's), single-Region (for a trail only if configured), with a key policy that lets the service use it only under an encryption-context condition and grants nothing to everyone, and rotating. ${CONTROLS}; stricter than each (they ask for a key, this for a key the service can use: docs/controls.md).`;
const NO_KEY = (name: string, urn: string) => ({
    policyName: "log-encryption-key-required",
    policyPackName: "encrypted-logs",
    policyPackVersion: "0.1.0",
    enforcementLevel: "mandatory",
    description: KEY_REQUIRED,
    message: `[key-required] log group "${name}" (aws:cloudwatch/logGroup:LogGroup) has no kmsKeyId: CloudWatch Logs then encrypts its log data with its own default server-side encryption (AES-GCM under keys AWS owns), which you cannot control, audit or revoke. Fix: set kmsKeyId to the ARN of a symmetric KMS key in us-east-1 whose key policy lets logs.us-east-1.amazonaws.com use it (e.g. EncryptedLogGroup / EncryptedAnomalyDetector create one).`,
    urn,
});
const BAD_DIAGNOSTICS = [
    NO_KEY(
        "orders",
        "urn:pulumi:test::orders-service::pulumi:pulumi:Stack$aws:cloudwatch/logGroup:LogGroup::orders",
    ),
    {
        policyName: "log-encryption-key-usable",
        policyPackName: "encrypted-logs",
        policyPackVersion: "0.1.0",
        enforcementLevel: "mandatory",
        description: KEY_USABLE,
        message:
            '[key-policy] log group "audit" (aws:cloudwatch/logGroup:LogGroup) is encrypted with KMS key "platform" (aws:kms/key:Key), which has no key policy: KMS then applies the default policy, which gives logs.us-east-1.amazonaws.com no access. Fix: give the key a policy that lets logs.us-east-1.amazonaws.com use it for this log group (e.g. a LogsKey, or the statements logGroupKeyPolicy writes).',
        urn: "urn:pulumi:test::orders-service::pulumi:pulumi:Stack$aws:cloudwatch/logGroup:LogGroup::audit",
    },
];

const summary = (rs: readonly StackResource[]) => rs.map((r) => `${r.type}::${r.name}`).sort();

describe("pulumi-aws-encrypted-logs/testing on your own program", function () {
    this.timeout(120_000);

    it("passes the good program: no diagnostic, every resource it registered judged", async () => {
        const result = await checkProgram(good);
        assert.deepEqual(result.diagnostics, []);
        assert.deepEqual(result.mandatory, []);
        assert.deepEqual(summary(result.resources), [
            "aws:cloudwatch/logGroup:LogGroup::audit",
            "aws:cloudwatch/logGroup:LogGroup::orders",
            "aws:kms/key:Key::orders-key",
            "aws:kms/key:Key::platform",
            "encrypted-logs:index:EncryptedLogGroup::orders",
            "encrypted-logs:index:LogsKey::platform",
            "pulumi:providers:aws::default_7_48_0",
            "pulumi:pulumi:Stack::orders-service-test",
        ]);
        // At preview the key ARN is unknown, and the pack decides without it.
        const audit = result.resources.find((r) => r.name === "audit");
        assert.deepEqual(audit?.inputs.kmsKeyId, unknown());
    });

    it("refuses the bad program with one exact diagnostic per mistake", async () => {
        const result = await checkProgram(bad);
        assert.deepEqual(result.diagnostics, BAD_DIAGNOSTICS);
        assert.deepEqual(result.mandatory, BAD_DIAGNOSTICS);
    });

    it("formats the diagnostics as the Pulumi CLI prints them under Policies:", async () => {
        const result = await checkProgram(bad);
        assert.equal(
            formatDiagnostics(result.diagnostics),
            [
                "Policies:",
                "    ❌ encrypted-logs@v0.1.0 (local: policypack)",
                "        - [mandatory]  log-encryption-key-required  (aws:cloudwatch/logGroup:LogGroup: orders)",
                `          ${KEY_REQUIRED}`,
                `          ${BAD_DIAGNOSTICS[0].message}`,
                "        - [mandatory]  log-encryption-key-usable  (aws:cloudwatch/logGroup:LogGroup: audit)",
                `          ${KEY_USABLE}`,
                `          ${BAD_DIAGNOSTICS[1].message}`,
            ].join("\n"),
        );
        assert.equal(
            formatDiagnostics([]),
            "Policies:\n    ✅ encrypted-logs@v0.1.0 (local: policypack)",
        );
    });

    it("runs as after a deploy with dryRun: false (key ARNs known), with the same verdicts", async () => {
        const passed = await checkProgram(good, { dryRun: false });
        assert.deepEqual(passed.diagnostics, []);
        const audit = passed.resources.find((r) => r.name === "audit");
        assert.match(
            String(audit?.inputs.kmsKeyId),
            /^arn:aws:kms:us-east-1:111122223333:key\/[0-9a-f-]{36}$/,
        );
        assert.deepEqual((await checkProgram(bad, { dryRun: false })).diagnostics, BAD_DIAGNOSTICS);
    });

    it("takes the program as a function, run again on every call, and the region and stack to use", async () => {
        const program = () => {
            // eslint-disable-next-line @typescript-eslint/no-require-imports
            const aws = require("@pulumi/aws") as typeof import("@pulumi/aws");
            new aws.cloudwatch.LogGroup("plain", { name: "/plain" });
        };
        for (let run = 0; run < 2; run++) {
            const result = await checkProgram(program, { region: "eu-west-1", stack: "prod" });
            assert.deepEqual(
                result.diagnostics.map((d) => [d.policyName, d.urn]),
                [
                    [
                        "log-encryption-key-required",
                        "urn:pulumi:prod::project::pulumi:pulumi:Stack$aws:cloudwatch/logGroup:LogGroup::plain",
                    ],
                ],
            );
            assert.match(
                result.diagnostics[0].message,
                / in eu-west-1 whose key policy lets logs\.eu-west-1\.amazonaws\.com /,
            );
        }
    });

    it("takes resources already collected: runProgram's, or a list of your own", async () => {
        const run = await runProgram(bad);
        assert.deepEqual(run.invokes, []);
        assert.deepEqual((await checkResources(run.resources)).diagnostics, BAD_DIAGNOSTICS);
        const own = await checkResources([
            { type: "aws:cloudwatch/logGroup:LogGroup", name: "mine", inputs: { name: "/mine" } },
        ]);
        // Without a provider (and so a region) the fix names the region generically.
        assert.deepEqual(own.diagnostics, [
            {
                ...NO_KEY(
                    "mine",
                    "urn:pulumi:test::project::aws:cloudwatch/logGroup:LogGroup::mine",
                ),
                message:
                    '[key-required] log group "mine" (aws:cloudwatch/logGroup:LogGroup) has no kmsKeyId: CloudWatch Logs then encrypts its log data with its own default server-side encryption (AES-GCM under keys AWS owns), which you cannot control, audit or revoke. Fix: set kmsKeyId to the ARN of a symmetric KMS key in its region whose key policy lets logs.<region>.<dnsSuffix> use it (e.g. EncryptedLogGroup / EncryptedAnomalyDetector create one).',
            },
        ]);
    });

    it("applies the pack's configuration: a policy made advisory no longer fails", async () => {
        const result = await checkProgram(bad, {
            policyConfig: { "log-encryption-key-required": { enforcementLevel: "advisory" } },
        });
        assert.deepEqual(
            result.diagnostics.map((d) => `${d.enforcementLevel} ${d.policyName}`),
            ["advisory log-encryption-key-required", "mandatory log-encryption-key-usable"],
        );
        assert.deepEqual(result.mandatory, [BAD_DIAGNOSTICS[1]]);
    });

    it("refuses a program that resolves a second @pulumi/pulumi, naming both copies", async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "encrypted-logs-two-sdks-"));
        try {
            const sdk = path.join(dir, "node_modules", "@pulumi", "pulumi");
            fs.mkdirSync(sdk, { recursive: true });
            fs.writeFileSync(
                path.join(sdk, "package.json"),
                '{"name":"@pulumi/pulumi","version":"3.142.0","main":"index.js"}',
            );
            fs.writeFileSync(path.join(sdk, "index.js"), "");
            fs.writeFileSync(path.join(dir, "index.js"), "");
            const ours = require.resolve("@pulumi/pulumi");
            await assert.rejects(checkProgram(dir), {
                message:
                    `program: ${dir} resolves @pulumi/pulumi to ${path.join(sdk, "index.js")}, but this process runs pulumi-aws-encrypted-logs on ${ours}: ` +
                    "the mocks are set on one copy, and the program would register its resources with the other. " +
                    "Fix: install pulumi-aws-encrypted-logs in the program's project (npm install --save-dev pulumi-aws-encrypted-logs there, so npm keeps one copy), " +
                    "or check it with `npx encrypted-logs check <dir>`, which runs on the program's own copy.",
            });
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });

    it("names a program directory that does not exist or has no entry point", async () => {
        await assert.rejects(checkProgram(path.join(fixtures, "missing")), {
            message: `program: ${JSON.stringify(path.join(fixtures, "missing"))} does not exist; give the directory of a Pulumi program (with Pulumi.yaml) or its entry file`,
        });
    });

    describe("gives what the pack gives over the analyzer protocol (the CLI's way)", () => {
        const running = usePolicyPack();
        for (const [label, dir] of [
            ["good", good],
            ["bad", bad],
        ]) {
            it(`the ${label} program`, async () => {
                const result = await checkProgram(dir);
                const overGrpc = await running().preview(result.resources);
                assert.deepEqual(
                    result.diagnostics.map((d) => ({
                        policyName: d.policyName,
                        policyPackName: d.policyPackName,
                        message: `${d.description}\n${d.message}`,
                        urn: d.urn,
                        enforcementLevel: d.enforcementLevel,
                    })),
                    overGrpc.all,
                );
            });
        }
    });
});

/** `node bin/testing/cli.js <args>` in the fixtures directory. */
function cli(args: string[], env: Record<string, string> = {}) {
    const r = spawnSync(process.execPath, [CLI, ...args], {
        cwd: fixtures,
        encoding: "utf8",
        // No Pulumi CLI reachable: `check` falls back to the mocks and says so (the engine path
        // is tested under the real CLI, tests/engine).
        env: {
            ...process.env,
            PATH: path.dirname(process.execPath),
            PULUMI_CLI_DIR: "",
            NO_COLOR: "",
            FORCE_COLOR: "",
            ...env,
        },
    });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const USAGE = [
    "usage: encrypted-logs check <program dir> [options]",
    "  Previews the Pulumi program in <program dir> (its Pulumi.yaml main:, package.json main or index.ts)",
    "  offline and runs the encrypted-logs policy pack over it, as `pulumi preview --policy-pack` would.",
    "  --stack, -s <name>           the stack whose Pulumi.<name>.yaml (beside Pulumi.yaml) is read (default: dev)",
    "  --config-file <file>         read this stack config file instead of Pulumi.<stack>.yaml",
    "  --config, -c <key>=<value>   a config value, as `pulumi preview --config` (repeatable; a key without",
    "                               a namespace gets the project's; aws:region sets the region)",
    "  --stack-outputs <stack>=<file>  outputs of another stack for StackReferences, as",
    "                               `pulumi stack output --json --stack <stack>` writes them (repeatable)",
    "  --policy-pack-config <file>  the pack's configuration, validated as `pulumi preview --policy-pack-config`",
    "  --json      print one JSON document (summary and diagnostics) instead of the report",
    "  --full      print whole key and bucket policies (JSON) instead of one line per statement",
    "  --engine    cli: the real `pulumi preview --policy-pack` (a Pulumi CLI >= 3.248.0 from PULUMI_CLI_DIR",
    "              or PATH, with offline aws and time providers and a throwaway backend); mocks: Pulumi's",
    "              mocks in this process; auto (default): cli when a CLI is found, else mocks",
    "  --invokes <file.json>  answers to invokes the check cannot answer offline, by token",
    '              (e.g. {"aws:ssm/getParameter:getParameter": {"value": "x"}}; docs/check.md lists those it answers)',
    "  --help, -h  this text",
    "Exit status: 0 no mandatory violation and the whole stack seen; 1 a mandatory violation;",
    "  2 a usage error (a bad flag, a --policy-pack-config the CLI would refuse);",
    "  3 the program could not run (compile or type error, crash, an invoke nobody answers);",
    "  4 no mandatory violation, but remote components' children were not seen (not a pass).",
];
const MOCKS_NOTE =
    "Engine: Pulumi's mocks, not the real `pulumi preview`: no Pulumi CLI >= 3.248.0 on PATH. With one, check runs `pulumi preview --policy-pack` offline (--engine cli).";

describe("encrypted-logs check <program dir> (the package's bin)", function () {
    this.timeout(120_000);

    it("is the package's bin under both names", () => {
        const manifest = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
        assert.deepEqual(manifest.bin, {
            "pulumi-aws-encrypted-logs": "bin/testing/cli.js",
            "encrypted-logs": "bin/testing/cli.js",
        });
        assert.match(fs.readFileSync(CLI, "utf8"), /^#!\/usr\/bin\/env node\n/);
    });

    it("passes the good program: exit status 0 and these lines", () => {
        const r = cli(["check", "good"]);
        assert.equal(r.stderr, "");
        assert.equal(r.status, 0);
        assert.deepEqual(r.stdout.split("\n"), [
            "good: 6 resources, 2 KMS keys; 2 PASS, 0 FAIL; 0 mandatory, 0 advisory violations",
            "Stack dev: no Pulumi.dev.yaml, no config",
            "",
            "Resources (offline preview under Pulumi's mocks: region us-east-1, account 111122223333):",
            "  pulumi:pulumi:Stack  orders-service-dev",
            "  ├─ encrypted-logs:index:EncryptedLogGroup  orders",
            "  │  ├─ aws:kms/key:Key  orders-key  [retainOnDelete]",
            '  │  │       customerMasterKeySpec: "SYMMETRIC_DEFAULT"',
            '  │  │       keyUsage: "ENCRYPT_DECRYPT"',
            "  │  │       multiRegion: false",
            "  │  │       enableKeyRotation: true",
            "  │  │       deletionWindowInDays: 30",
            "  │  └─ aws:cloudwatch/logGroup:LogGroup  orders",
            '  │          name: "/orders/api"',
            "  │          retentionInDays: 30",
            "  │          kmsKeyId: (known after deploy, from orders-key)",
            '  │          logGroupClass: "STANDARD"',
            "  │          skipDestroy: true",
            "  ├─ encrypted-logs:index:LogsKey  platform",
            "  │  └─ aws:kms/key:Key  platform  [retainOnDelete]",
            '  │          customerMasterKeySpec: "SYMMETRIC_DEFAULT"',
            '  │          keyUsage: "ENCRYPT_DECRYPT"',
            "  │          multiRegion: false",
            "  │          enableKeyRotation: true",
            "  │          deletionWindowInDays: 30",
            "  └─ aws:cloudwatch/logGroup:LogGroup  audit",
            '          name: "/platform/audit"',
            "          retentionInDays: 365",
            "          kmsKeyId: (known after deploy, from platform)",
            "",
            "Key policy of aws:kms/key:Key orders-key:",
            "  KeyAdministration: AWS arn:aws:iam::111122223333:root -> kms:*",
            "  AllowCloudWatchLogsForLogGroups: Service logs.us-east-1.amazonaws.com -> kms:Encrypt,kms:Decrypt,kms:ReEncrypt*,kms:GenerateDataKey*,kms:Describe* if ArnEquals kms:EncryptionContext:aws:logs:arn=arn:aws:logs:us-east-1:111122223333:log-group:/orders/api",
            "",
            "Key policy of aws:kms/key:Key platform:",
            "  KeyAdministration: AWS arn:aws:iam::111122223333:root -> kms:*",
            "  AllowCloudWatchLogsForLogGroups: Service logs.us-east-1.amazonaws.com -> kms:Encrypt,kms:Decrypt,kms:ReEncrypt*,kms:GenerateDataKey*,kms:Describe* if ArnEquals kms:EncryptionContext:aws:logs:arn=arn:aws:logs:us-east-1:111122223333:log-group:/platform/audit",
            "",
            'Policy pack "encrypted-logs" v0.1.0 (in process, as `pulumi preview --policy-pack` runs it):',
            "  PASS  aws:cloudwatch/logGroup:LogGroup  audit",
            "  PASS  aws:cloudwatch/logGroup:LogGroup  orders",
            "",
            "0 mandatory violations: `pulumi preview --policy-pack` of this program passes.",
            MOCKS_NOTE,
            "Next: --full prints the whole policies; checkProgram() from pulumi-aws-encrypted-logs/testing asserts the same in your tests.",
            "",
        ]);
    });

    it("refuses the bad program: exit status 1 and these lines", () => {
        const r = cli(["check", "bad"]);
        assert.equal(r.stderr, "");
        assert.equal(r.status, 1);
        assert.deepEqual(r.stdout.split("\n"), [
            "bad: 3 resources, 1 KMS key; 0 PASS, 2 FAIL; 2 mandatory, 0 advisory violations",
            "Stack dev: no Pulumi.dev.yaml, no config",
            "",
            "Resources (offline preview under Pulumi's mocks: region us-east-1, account 111122223333):",
            "  pulumi:pulumi:Stack  orders-service-dev",
            "  ├─ aws:kms/key:Key  platform",
            "  │       enableKeyRotation: true",
            "  ├─ aws:cloudwatch/logGroup:LogGroup  orders",
            '  │       name: "/orders/api"',
            "  │       retentionInDays: 30",
            "  └─ aws:cloudwatch/logGroup:LogGroup  audit",
            '          name: "/platform/audit"',
            "          retentionInDays: 365",
            "          kmsKeyId: (known after deploy, from platform)",
            "",
            "Key policy of aws:kms/key:Key platform:",
            "  (none: the default key policy)",
            "",
            'Policy pack "encrypted-logs" v0.1.0 (in process, as `pulumi preview --policy-pack` runs it):',
            "  FAIL  aws:cloudwatch/logGroup:LogGroup  orders",
            '        mandatory log-encryption-key-required: [key-required] log group "orders" (aws:cloudwatch/logGroup:LogGroup) has no kmsKeyId: CloudWatch Logs then encrypts its log data with its own default server-side encryption (AES-GCM under keys AWS owns), which you cannot control, audit or revoke. Fix: set kmsKeyId to the ARN of a symmetric KMS key in us-east-1 whose key policy lets logs.us-east-1.amazonaws.com use it (e.g. EncryptedLogGroup / EncryptedAnomalyDetector create one).',
            "  FAIL  aws:cloudwatch/logGroup:LogGroup  audit",
            '        mandatory log-encryption-key-usable: [key-policy] log group "audit" (aws:cloudwatch/logGroup:LogGroup) is encrypted with KMS key "platform" (aws:kms/key:Key), which has no key policy: KMS then applies the default policy, which gives logs.us-east-1.amazonaws.com no access. Fix: give the key a policy that lets logs.us-east-1.amazonaws.com use it for this log group (e.g. a LogsKey, or the statements logGroupKeyPolicy writes).',
            "",
            "2 mandatory violations: `pulumi preview --policy-pack` of this program fails.",
            MOCKS_NOTE,
            "Next: --full prints the whole policies; checkProgram() from pulumi-aws-encrypted-logs/testing asserts the same in your tests.",
            "",
        ]);
    });

    it("colours PASS and FAIL with FORCE_COLOR, and not with NO_COLOR (stdout is a pipe here)", () => {
        const forced = cli(["check", "bad"], { FORCE_COLOR: "1" }).stdout;
        assert.ok(
            forced.includes("\u001b[1;31mFAIL\u001b[0m  aws:cloudwatch/logGroup:LogGroup  orders"),
        );
        assert.ok(
            cli(["check", "good"], { FORCE_COLOR: "1" }).stdout.includes(
                "\u001b[32mPASS\u001b[0m  aws:cloudwatch/logGroup:LogGroup  audit",
            ),
        );
        const plain = cli(["check", "bad"], { NO_COLOR: "1" }).stdout;
        assert.ok(!plain.includes("\u001b["));
        assert.ok(plain.includes("\n  FAIL  aws:cloudwatch/logGroup:LogGroup  orders\n"));
    });

    it("exits 2 with a message naming what was wrong on a usage error", () => {
        const cases: [string[], string][] = [
            [[], "encrypted-logs: no command given; the command is check"],
            [
                ["preview", "good"],
                'encrypted-logs: unknown command "preview"; the command is check (e.g. encrypted-logs check ./my-program)',
            ],
            [
                ["check"],
                "encrypted-logs: check takes one program directory, got none; e.g. encrypted-logs check ./my-program",
            ],
            [
                ["check", "good", "bad"],
                'encrypted-logs: check takes one program directory, got "good", "bad"; e.g. encrypted-logs check ./my-program',
            ],
            [
                ["check", "good", "--yaml"],
                'encrypted-logs: unknown option "--yaml"; the options are --full, --json, --engine, --stack, --config, --config-file, --policy-pack-config, --stack-outputs, --invokes and --help (e.g. encrypted-logs check ./my-program --full)',
            ],
            [
                ["check", "missing"],
                'encrypted-logs: program: "missing" does not exist; give the directory of a Pulumi program (with Pulumi.yaml) or its entry file',
            ],
            [
                ["check", "good", "--engine", "real"],
                'encrypted-logs: --engine is "real"; allowed: auto, cli, mocks (e.g. encrypted-logs check ./my-program --engine cli)',
            ],
            [
                ["check", "good", "--engine"],
                "encrypted-logs: --engine is undefined; allowed: auto, cli, mocks (e.g. encrypted-logs check ./my-program --engine cli)",
            ],
        ];
        for (const [args, message] of cases) {
            const r = cli(args);
            assert.equal(r.status, 2, args.join(" "));
            assert.equal(r.stdout, "");
            assert.deepEqual(r.stderr.split("\n"), [message, ...USAGE, ""]);
        }
    });
});

describe("encrypted-logs check --engine", function () {
    this.timeout(60_000);

    it("--engine cli without a Pulumi CLI exits 2 saying none was found, and runs nothing", () => {
        const r = cli(["check", "good", "--engine", "cli"]);
        assert.equal(r.status, 2);
        assert.equal(r.stdout, "");
        assert.equal(r.stderr, "encrypted-logs: --engine cli: no Pulumi CLI >= 3.248.0 on PATH\n");
    });

    it("--engine mocks prints no fallback note: the mocks were asked for", () => {
        const r = cli(["check", "good", "--engine", "mocks"]);
        assert.equal(r.status, 0);
        assert.ok(!r.stdout.includes("Engine: "), r.stdout);
        assert.match(r.stdout, /^good: 6 resources, 2 KMS keys;/);
    });
});

describe("colour decision (FORCE_COLOR, NO_COLOR, a terminal)", () => {
    const tty = { isTTY: true, hasColors: () => true };
    const pipe = { isTTY: false };
    it("colours a terminal unless NO_COLOR is set, a pipe only with FORCE_COLOR", () => {
        assert.equal(colourEnabled(tty, {}), true);
        assert.equal(colourEnabled(tty, { NO_COLOR: "1" }), false);
        assert.equal(colourEnabled(tty, { NO_COLOR: "" }), true);
        assert.equal(colourEnabled({ isTTY: true, hasColors: () => false }, {}), false);
        assert.equal(colourEnabled(pipe, {}), false);
        assert.equal(colourEnabled(pipe, { FORCE_COLOR: "1" }), true);
        assert.equal(colourEnabled(pipe, { FORCE_COLOR: "1", NO_COLOR: "1" }), true);
        assert.equal(colourEnabled(tty, { FORCE_COLOR: "0" }), false);
    });
});

describe("README: Check your own program", function () {
    this.timeout(180_000);
    const snippet = path.join(good, "test", "stack.test.ts");

    it("shows the test file tests/fixtures/own-program/good/test/stack.test.ts verbatim", () => {
        const readme = fs.readFileSync(path.join(root, "README.md"), "utf8");
        assert.ok(
            readme.includes(`\`\`\`ts\n${fs.readFileSync(snippet, "utf8")}\`\`\``),
            "the README's snippet is the file's text",
        );
    });

    it("passes when mocha runs it with ts-node, as in a user's project", () => {
        const r = spawnSync(
            process.execPath,
            [
                path.join(root, "node_modules", "mocha", "bin", "mocha.js"),
                "--no-config",
                "--require",
                "ts-node/register",
                snippet,
            ],
            {
                cwd: root,
                encoding: "utf8",
                env: { ...process.env, TS_NODE_TRANSPILE_ONLY: "true" },
            },
        );
        assert.equal(r.status, 0, `${r.stdout}${r.stderr}`);
        assert.match(r.stdout, /2 passing/);
    });
});
