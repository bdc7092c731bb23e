/**
 * The npm package as users get it. `npm pack` produces a tarball with the compiled JS, the type
 * declarations, README and LICENSE (nothing from tests) and no script that runs at install. The
 * tarball then goes into fresh projects pinned at the lowest @pulumi/pulumi and @pulumi/aws the
 * package declares (package.json `^<floor>`) and at the newest releases: npm installs one copy of
 * each SDK, lists no install script of this package, and a TypeScript program compiles against the
 * installed declarations and runs every component under Pulumi's mocks
 * (tests/fixtures/consumer/index.ts).
 *
 * The installs come from the npm registry, through the npm cache (`--prefer-offline`). An installed
 * project is kept in the system temp directory under a key made of the tarball's bytes and the
 * pins, so a run with nothing shipped changed skips the installs (the program is compiled and run
 * every time).
 */
import * as assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as api from "../components";
import * as policies from "../policypack/policies";
import * as testing from "../testing";
import { uuidFrom } from "../testing/mockEngine";

const root = path.join(__dirname, "..", "..");
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const manifest = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
const lock = JSON.parse(fs.readFileSync(path.join(root, "package-lock.json"), "utf8"));
const PROGRAM = path.join(root, "tests", "fixtures", "consumer", "index.ts");
const TSC = path.join(root, "node_modules", "typescript", "bin", "tsc");

/** The floor a `^x.y.z` range in package.json's dependencies declares. */
function floorOf(name: string): string {
    const range: string = manifest.dependencies[name];
    const m = /^\^(\d+\.\d+\.\d+)$/.exec(range);
    assert.ok(m, `${name} is declared as ^<lowest version that works>, not ${range}`);
    return m[1];
}

const PINS = {
    floors: { "@pulumi/pulumi": floorOf("@pulumi/pulumi"), "@pulumi/aws": floorOf("@pulumi/aws") },
    // The newest releases on the npm registry when this was last checked; raise them to prove a
    // new release.
    newest: { "@pulumi/pulumi": "3.276.0", "@pulumi/aws": "7.48.0" },
} as const;

/** `npm <args>` in `cwd`; the combined output, which is where npm writes its warnings. */
function npmRun(args: string[], cwd: string): string {
    const r = spawnSync(npm, args, { cwd, encoding: "utf8" });
    const output = `${r.stdout}${r.stderr}`;
    assert.equal(r.status, 0, `npm ${args.join(" ")} failed in ${cwd}:\n${output}`);
    return output;
}

/**
 * A project with `pins` and the tarball installed, as a user would have it: installed once per
 * tarball and pins, then reused. Returns its directory; `install.log` holds what npm
 * printed.
 */
function installedProject(tarball: string, pins: Record<string, string>): string {
    const key = createHash("sha256")
        .update(fs.readFileSync(tarball))
        .update(JSON.stringify(pins))
        .digest("hex")
        .slice(0, 16);
    const dir = path.join(os.tmpdir(), "pulumi-aws-encrypted-logs-installs", key);
    if (fs.existsSync(path.join(dir, "install.log"))) {
        return dir;
    }
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    fs.copyFileSync(tarball, path.join(dir, "pulumi-aws-encrypted-logs.tgz"));
    fs.writeFileSync(
        path.join(dir, "package.json"),
        JSON.stringify({
            name: "consumer",
            version: "1.0.0",
            private: true,
            dependencies: {
                ...pins,
                "pulumi-aws-encrypted-logs": "file:pulumi-aws-encrypted-logs.tgz",
            },
            devDependencies: { "@types/node": lock.packages["node_modules/@types/node"].version },
        }),
    );
    const log = npmRun(["install", "--prefer-offline", "--no-audit", "--no-fund"], dir);
    fs.writeFileSync(path.join(dir, "install.log"), log);
    return dir;
}

/** Every installed copy of `name` under `dir`, nested ones included: path → version. */
function copiesOf(dir: string, name: string): Record<string, string> {
    const found: Record<string, string> = {};
    const walk = (modules: string) => {
        if (!fs.existsSync(modules)) {
            return;
        }
        for (const e of fs.readdirSync(modules, { withFileTypes: true })) {
            const entries = e.name.startsWith("@")
                ? fs.readdirSync(path.join(modules, e.name)).map((n) => `${e.name}/${n}`)
                : [e.name];
            for (const pkg of entries) {
                const at = path.join(modules, pkg);
                if (pkg === name) {
                    found[path.relative(dir, at)] = JSON.parse(
                        fs.readFileSync(path.join(at, "package.json"), "utf8"),
                    ).version;
                }
                walk(path.join(at, "node_modules"));
            }
        }
    };
    walk(path.join(dir, "node_modules"));
    return found;
}

describe("npm package", function () {
    // Two projects installed from the registry (about a minute each from the npm cache on a busy
    // machine, more on a cold one), two TypeScript compiles against @pulumi/aws's declarations.
    this.timeout(900_000);
    let workdir: string;
    let tarball: string;
    let files: string[];

    before(() => {
        workdir = fs.mkdtempSync(path.join(os.tmpdir(), "encrypted-logs-pack-"));
        // The build already ran (npm test builds first); --ignore-scripts keeps prepack from
        // building again under the running tests.
        const packed = JSON.parse(
            execFileSync(
                npm,
                ["pack", "--json", "--ignore-scripts", "--pack-destination", workdir],
                { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] },
            ),
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
            "bin/components/logs/enums.d.ts",
            "bin/testing/index.js",
            "bin/testing/index.d.ts",
            "bin/testing/cli.js",
        ]) {
            assert.ok(files.includes(required), `${required} is in the tarball`);
        }
        assert.deepEqual(
            files.filter(
                (f) =>
                    f.startsWith("bin/tests/") ||
                    f.startsWith("tests/") ||
                    f.startsWith("bin/scripts/") ||
                    f.startsWith("bin/harness/") ||
                    f.startsWith("bin/bench/") ||
                    f.endsWith(".map"),
            ),
            [],
        );
    });

    it("ships every compiled file of the check command and the testing export", () => {
        const shipped = (dir: string) =>
            fs
                .readdirSync(path.join(root, "bin", dir), { recursive: true, encoding: "utf8" })
                .filter((f) => f.endsWith(".js") || f.endsWith(".d.ts"))
                .map((f) => `bin/${dir}/${f.split(path.sep).join("/")}`);
        for (const f of [...shipped("testing"), ...shipped("engine")]) {
            assert.ok(files.includes(f), `${f} is in the tarball`);
        }
    });

    it("leaves out the schema generator, which needs TypeScript (a devDependency) and runs at build time", () => {
        assert.deepEqual(
            files.filter((f) => f.startsWith("bin/components/provider/schema.")),
            [],
        );
        assert.ok(files.includes("bin/components/provider/provider.js"));
    });

    it("declares no script that npm runs when the package is installed", () => {
        const lifecycle = [
            "preinstall",
            "install",
            "postinstall",
            "prepare",
            "preprepare",
            "postprepare",
        ];
        assert.deepEqual(
            Object.keys(manifest.scripts).filter((s) => lifecycle.includes(s)),
            [],
        );
    });

    it("depends on @pulumi/pulumi and @pulumi/aws from their floors (^3.142.0, ^7.17.0), and on @pulumiverse/time for the re-key wait", () => {
        // @pulumi/aws 7.x needs @pulumi/pulumi ^3.142.0; @pulumi/aws 7.17.0 is the first 7.x whose
        // aws.organizations.getOrganizationOutput takes (args, opts): before it, the second
        // argument, and with it the trail's provider, is ignored.
        assert.deepEqual(PINS.floors, { "@pulumi/pulumi": "3.142.0", "@pulumi/aws": "7.17.0" });
        assert.deepEqual(Object.keys(manifest.dependencies).sort(), [
            "@aws-sdk/util-arn-parser",
            "@aws-sdk/util-endpoints",
            "@pulumi/aws",
            "@pulumi/pulumi",
            "@pulumiverse/time",
        ]);
    });

    for (const [label, pins] of Object.entries(PINS)) {
        describe(`installed into a project pinned at the ${label} (@pulumi/pulumi ${pins["@pulumi/pulumi"]}, @pulumi/aws ${pins["@pulumi/aws"]})`, () => {
            let project: string;
            before(() => {
                project = installedProject(tarball, pins);
            });

            it("installs without listing an install script of this package", () => {
                const log = fs.readFileSync(path.join(project, "install.log"), "utf8");
                assert.doesNotMatch(log, /pulumi-aws-encrypted-logs@[^\s]* \(/);
                assert.doesNotMatch(log, /prepare/);
            });

            it("leaves one copy of @pulumi/pulumi and of @pulumi/aws, the project's", () => {
                assert.deepEqual(copiesOf(project, "@pulumi/pulumi"), {
                    [path.join("node_modules", "@pulumi", "pulumi")]: pins["@pulumi/pulumi"],
                });
                assert.deepEqual(copiesOf(project, "@pulumi/aws"), {
                    [path.join("node_modules", "@pulumi", "aws")]: pins["@pulumi/aws"],
                });
            });

            it("exposes every public export, the policy pack's included", () => {
                fs.writeFileSync(path.join(project, "exports.js"), EXPORTS_SCRIPT);
                const exported = JSON.parse(
                    execFileSync(process.execPath, ["exports.js"], {
                        cwd: project,
                        encoding: "utf8",
                    }),
                );
                assert.deepEqual(exported.api, Object.keys(api).sort());
                assert.deepEqual(exported.pack, Object.keys(policies).sort());
                assert.deepEqual(exported.testing, Object.keys(testing).sort());
                // Neither the policies nor the testing export load the optional peer.
                assert.equal(exported.policyLoaded, false);
            });

            it("compiles a TypeScript program against it and runs every component under mocks", () => {
                fs.copyFileSync(PROGRAM, path.join(project, "index.ts"));
                fs.writeFileSync(
                    path.join(project, "tsconfig.json"),
                    JSON.stringify({
                        compilerOptions: {
                            strict: true,
                            target: "ES2022",
                            module: "commonjs",
                            moduleResolution: "node",
                            esModuleInterop: true,
                            skipLibCheck: true,
                            types: ["node"],
                            outDir: "out",
                        },
                        files: ["index.ts"],
                    }),
                );
                execFileSync(process.execPath, [TSC, "-p", "."], { cwd: project, stdio: "pipe" });
                const printed = JSON.parse(
                    execFileSync(process.execPath, [path.join("out", "index.js")], {
                        cwd: project,
                        encoding: "utf8",
                    }),
                );
                assert.deepEqual(printed.resources, CONSUMER_RESOURCES);
                assert.deepEqual(printed.ordersGroup, {
                    name: "/app/orders",
                    retentionInDays: 30,
                    kmsKeyId: `arn:aws:kms:us-east-1:111122223333:key/${uuidFrom("orders-key")}`,
                    logGroupClass: "INFREQUENT_ACCESS",
                    skipDestroy: true,
                    deletionProtectionEnabled: true,
                });
                assert.deepEqual(printed.ordersKeyStatements, [
                    "KeyAdministration",
                    "AllowCloudWatchLogsForLogGroups",
                ]);
                // The organisation lookup goes through the trail's provider.
                assert.deepEqual(
                    printed.invokes.filter((i: string) => i.startsWith("aws:organizations/")),
                    ["aws:organizations/getOrganization:getOrganization org"],
                );
            });

            it("runs the check command (the package's bin) on a program of the project", () => {
                const program = path.join(project, "own-bad");
                fs.mkdirSync(program, { recursive: true });
                for (const f of ["Pulumi.yaml", "index.ts"]) {
                    fs.copyFileSync(
                        path.join(root, "tests", "fixtures", "own-program", "bad", f),
                        path.join(program, f),
                    );
                }
                const bin = path.join(project, "node_modules", ".bin", "encrypted-logs");
                const r = spawnSync(bin, ["check", "own-bad"], { cwd: project, encoding: "utf8" });
                assert.equal(r.status, 1, `${r.stdout}${r.stderr}`);
                assert.equal(
                    r.stdout.split("\n")[0],
                    "own-bad: 3 resources, 1 KMS key; 0 PASS, 2 FAIL; 2 mandatory, 0 advisory violations",
                );
                // The stack's config, the pack's config (a level the CLI refuses: exit 2) and
                // --json, from the installed package.
                fs.writeFileSync(
                    path.join(program, "Pulumi.prod.yaml"),
                    "config:\n    aws:region: eu-west-1\n",
                );
                const json = spawnSync(bin, ["check", "own-bad", "-s", "prod", "--json"], {
                    cwd: project,
                    encoding: "utf8",
                });
                assert.equal(json.status, 1, `${json.stdout}${json.stderr}`);
                const doc = JSON.parse(json.stdout);
                assert.equal(doc.summary.configFile, path.join(program, "Pulumi.prod.yaml"));
                assert.match(doc.diagnostics[0].message, / in eu-west-1 whose key policy /);
                const config = path.join(project, "policy.json");
                fs.writeFileSync(config, '{"all": "MANDATORY"}');
                const refused = spawnSync(
                    bin,
                    ["check", "own-bad", "--policy-pack-config", config],
                    { cwd: project, encoding: "utf8" },
                );
                assert.equal(refused.status, 2);
                assert.equal(
                    refused.stderr.split("\n")[1],
                    '  error: parsing enforcement level for "all": "MANDATORY" is not a valid enforcement level',
                );
            });

            it("is checked from outside (the checkout's check and npm run demo -- <dir>) on the project's own @pulumi/pulumi", () => {
                const program = path.join(project, "own-bad");
                const line = `${program}: 3 resources, 1 KMS key; 0 PASS, 2 FAIL; 2 mandatory, 0 advisory violations`;
                for (const args of [
                    [
                        path.join(root, "bin", "testing", "cli.js"),
                        "check",
                        program,
                        "--engine",
                        "mocks",
                    ],
                    [path.join(root, "bin", "scripts", "demo.js"), program],
                ]) {
                    const r = spawnSync(process.execPath, args, {
                        cwd: root,
                        encoding: "utf8",
                        // No Pulumi CLI reachable: the demo's check falls back to the mocks.
                        env: {
                            ...process.env,
                            PATH: path.dirname(process.execPath),
                            PULUMI_CLI_DIR: "",
                            INIT_CWD: root,
                            NO_COLOR: "1",
                            FORCE_COLOR: "",
                        },
                    });
                    assert.equal(r.status, 1, `${r.stdout}${r.stderr}`);
                    assert.equal(r.stdout.split("\n")[0], line);
                }
            });
        });
    }
});

/** Loads every public entry point of the installed package and prints their exports. */
const EXPORTS_SCRIPT = `
const api = require("pulumi-aws-encrypted-logs");
const pack = require("pulumi-aws-encrypted-logs/policypack");
const testing = require("pulumi-aws-encrypted-logs/testing");
const policyLoaded = Object.keys(require.cache).some((k) => /[\\/]@pulumi[\\/]policy[\\/]/.test(k));
console.log(JSON.stringify({ api: Object.keys(api).sort(), pack: Object.keys(pack).sort(), testing: Object.keys(testing).sort(), policyLoaded }));
`;

/** What tests/fixtures/consumer/index.ts registers. */
const CONSUMER_RESOURCES = [
    "aws:cloudtrail/trail:Trail::audit",
    "aws:cloudwatch/logAnomalyDetector:LogAnomalyDetector::orders-anomalies",
    "aws:cloudwatch/logGroup:LogGroup::orders",
    "aws:cloudwatch/logGroup:LogGroup::payments",
    "aws:kms/alias:Alias::shared-alias",
    "aws:kms/key:Key::audit-key",
    "aws:kms/key:Key::orders-anomalies-key",
    "aws:kms/key:Key::orders-key",
    "aws:kms/key:Key::shared",
    "aws:s3/bucket:Bucket::audit-bucket",
    "aws:s3/bucketOwnershipControls:BucketOwnershipControls::audit-bucket-ownership",
    "aws:s3/bucketPolicy:BucketPolicy::audit-bucket-policy",
    "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock::audit-bucket-public-access",
    "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration::audit-bucket-encryption",
    "aws:s3/bucketVersioning:BucketVersioning::audit-bucket-versioning",
    "encrypted-logs:index:CloudTrailKey::audit-key",
    "encrypted-logs:index:EncryptedAnomalyDetector::orders-anomalies",
    "encrypted-logs:index:EncryptedLogGroup::orders",
    "encrypted-logs:index:EncryptedLogGroup::payments",
    "encrypted-logs:index:EncryptedTrail::audit",
    "encrypted-logs:index:LogsKey::shared",
    "pulumi:providers:aws::org",
];

describe("package-lock.json", () => {
    // npm (arborist) records these of a package.json in the lockfile's entry for it; one missing or
    // stale makes `npm install` rewrite the lockfile, which `pulumi package add <checkout>` runs in
    // the checkout (it once added the root's `bin`). `npm install --package-lock-only` fixes it.
    const RECORDED = [
        "name",
        "version",
        "license",
        "bin",
        "engines",
        "workspaces",
        "dependencies",
        "devDependencies",
        "optionalDependencies",
        "peerDependencies",
        "peerDependenciesMeta",
    ];
    const recorded = (m: Record<string, unknown>) =>
        Object.fromEntries(RECORDED.filter((k) => m[k] !== undefined).map((k) => [k, m[k]]));
    const FIX = "Fix: npm install --package-lock-only (it changes no locked version).";

    it("records package.json as it is in its root entry (name, version, bin, every dependency list)", () => {
        assert.equal(lock.name, manifest.name);
        assert.equal(lock.version, manifest.version);
        assert.deepEqual(recorded(lock.packages[""]), recorded(manifest), FIX);
    });

    it("records every workspace's package.json as it is", () => {
        const workspaces = Object.keys(lock.packages).filter((k) => k.startsWith("examples/"));
        const folders = fs
            .readdirSync(path.join(root, "examples"), { withFileTypes: true })
            .filter((d) => fs.existsSync(path.join(root, "examples", d.name, "package.json")))
            .map((d) => `examples/${d.name}`);
        assert.deepEqual(workspaces.sort(), folders.sort(), FIX);
        for (const folder of folders) {
            const own = JSON.parse(
                fs.readFileSync(path.join(root, folder, "package.json"), "utf8"),
            ) as Record<string, unknown>;
            assert.deepEqual(recorded(lock.packages[folder]), recorded(own), `${folder}: ${FIX}`);
        }
    });
});
