/**
 * Running a program as `pulumi preview` runs it, on programs written for these tests
 * (tests/fixtures/run/): invokes answered or refused by token, the resource count the program
 * registers, its own tsconfig and a type check, remote components reported as unseen, and the
 * `check` command's exit statuses 3 and 4.
 */
import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { checkProgram, runProgram } from "pulumi-aws-encrypted-logs/testing";
import { ProgramFailure } from "../testing/programFailure";

const root = path.join(__dirname, "..", "..");
const fixtures = path.join(root, "tests", "fixtures", "run");
const CLI = path.join(root, "bin", "testing", "cli.js");
const at = (name: string) => path.join(fixtures, name);
/** `type::name` of every resource but the default provider (registered or not depending on the SDK's timing). */
const summary = (rs: readonly { type: string; name: string }[]) =>
    rs
        .filter((r) => !r.type.startsWith("pulumi:providers:"))
        .map((r) => `${r.type}::${r.name}`)
        .sort();

/** `encrypted-logs check <args> --engine mocks` in the fixtures directory. */
function check(...args: string[]) {
    const r = spawnSync(process.execPath, [CLI, "check", ...args, "--engine", "mocks"], {
        cwd: fixtures,
        encoding: "utf8",
        env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "" },
    });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const UNANSWERED_VPC = [
    "the program made an invoke the offline check cannot answer:",
    '  invoke aws:ec2/getVpc:getVpc (arguments {"tags":{"Name":"main"}}): only the default VPC ({ default: true }) is known offline',
    'Waiting on it, never registered (the pack would not see them): aws:cloudwatch/logGroup:LogGroup "flow-logs".',
    'Fix: give the result, as the real data source would return it: encrypted-logs check <dir> --invokes answers.json with { "aws:ec2/getVpc:getVpc": { ...its result } } in the file, or checkProgram(program, { invokes: { "aws:ec2/getVpc:getVpc": { ...its result } } }).',
].join("\n");

describe("running a program as pulumi preview runs it", function () {
    this.timeout(180_000);

    describe("invokes", () => {
        it("answers the default VPC, its subnets, zones, caller, region, partition and a policy document: every registration seen", async () => {
            const run = await runProgram(at("answered-invokes"));
            assert.deepEqual(summary(run.resources), [
                "aws:cloudwatch/logGroup:LogGroup::subnet-0",
                "aws:cloudwatch/logGroup:LogGroup::subnet-1",
                "aws:cloudwatch/logGroup:LogGroup::subnet-2",
                "aws:iam/policy:Policy::read-logs",
                "pulumi:pulumi:Stack::answered-invokes-test",
            ]);
            const group = run.resources.find((r) => r.name === "subnet-1");
            assert.match(
                String(group?.inputs.name),
                /^\/vpc\/vpc-[0-9a-f]{17}\/subnet-[0-9a-f]{17}\/us-east-1b$/,
            );
            const policy = run.resources.find((r) => r.name === "read-logs");
            assert.deepEqual(JSON.parse(String(policy?.inputs.policy)).Statement, [
                {
                    Sid: "Read",
                    Effect: "Allow",
                    Action: "logs:GetLogEvents",
                    Resource: "arn:aws:logs:us-east-1:111122223333:*",
                },
            ]);
        });

        it("refuses an invoke nobody answers, naming its token and the resource that waited on it", async () => {
            await assert.rejects(runProgram(at("unanswered-invoke")), (e: unknown) => {
                assert.ok(e instanceof ProgramFailure);
                assert.equal(e.kind, "invoke");
                assert.equal(e.message, UNANSWERED_VPC);
                return true;
            });
        });

        it("takes canned answers (a value or a function of the arguments): the stack is then whole", async () => {
            for (const answer of [
                { id: "vpc-0abc" },
                (args: Record<string, unknown>) => ({ id: `vpc-${Object.keys(args).join("")}` }),
            ]) {
                const result = await checkProgram(at("unanswered-invoke"), {
                    invokes: { "aws:ec2/getVpc:getVpc": answer },
                });
                assert.deepEqual(summary(result.resources), [
                    "aws:cloudwatch/logGroup:LogGroup::app",
                    "aws:cloudwatch/logGroup:LogGroup::flow-logs",
                    "pulumi:pulumi:Stack::unanswered-invoke-test",
                ]);
                const flow = result.resources.find((r) => r.name === "flow-logs");
                assert.match(String(flow?.inputs.name), /^\/vpc\/vpc-(0abc|tags)\/flow-logs$/);
            }
        });

        it("check: exit 3 naming the invoke; --invokes answers it; a bad --invokes file is a usage error", () => {
            const refused = check("unanswered-invoke");
            assert.equal(refused.status, 3);
            assert.equal(refused.stdout, "");
            assert.equal(
                refused.stderr,
                `encrypted-logs: the program in unanswered-invoke could not run: ${UNANSWERED_VPC}\n`,
            );
            const dir = fs.mkdtempSync(path.join(os.tmpdir(), "encrypted-logs-invokes-"));
            try {
                const answers = path.join(dir, "answers.json");
                fs.writeFileSync(
                    answers,
                    JSON.stringify({ "aws:ec2/getVpc:getVpc": { id: "vpc-0abc" } }),
                );
                const answered = check("unanswered-invoke", "--invokes", answers);
                assert.equal(answered.status, 1, answered.stderr);
                assert.match(answered.stdout, /^unanswered-invoke: 2 resources/);
                assert.ok(answered.stdout.includes('name: "/vpc/vpc-0abc/flow-logs"'));
                fs.writeFileSync(answers, JSON.stringify({ "aws:ec2/getVpc:getVpc": "vpc-0abc" }));
                const bad = check("unanswered-invoke", "--invokes", answers);
                assert.equal(bad.status, 2);
                assert.equal(
                    bad.stderr.split("\n")[0],
                    `encrypted-logs: --invokes ${JSON.stringify(answers)}: the answer to "aws:ec2/getVpc:getVpc" is not an object; allowed: an object of results by invoke token, e.g. {"aws:ssm/getParameter:getParameter": {"value": "..."}}`,
                );
            } finally {
                fs.rmSync(dir, { recursive: true, force: true });
            }
        });
    });

    describe("compiling as the Node.js language host does", () => {
        it("runs a class extending ComponentResource compiled for the tsconfig's ES2022", async () => {
            const run = await runProgram(at("es2022-component"));
            assert.deepEqual(summary(run.resources), [
                "aws:cloudwatch/logGroup:LogGroup::orders",
                "example:index:Logs::orders",
                "pulumi:pulumi:Stack::es2022-component-test",
            ]);
        });

        it("fails on a type error with the compiler's message (exit 3), and runs it when the tsconfig says noCheck", async () => {
            // The program has no tsconfig: ts-node 10 then compiles under @tsconfig/bases' strict
            // defaults, hence `| undefined`, as the real CLI prints it.
            const message =
                "TSError: ⨯ Unable to compile TypeScript:\nindex.ts(3,52): error TS2322: Type 'string' is not assignable to type 'Input<number | undefined>'.";
            await assert.rejects(runProgram(at("type-error")), { kind: "compile", message });
            const r = check("type-error");
            assert.equal(r.status, 3);
            assert.equal(
                r.stderr,
                `encrypted-logs: the program in type-error could not run: ${message}\n`,
            );
            const run = await runProgram(at("transpile-only"));
            assert.equal(run.resources.find((x) => x.name === "app")?.inputs.retentionInDays, "30");
        });

        it("honours Pulumi.yaml typescript: false (index.js runs, index.ts is not loaded)", async () => {
            const run = await runProgram(at("typescript-false"));
            assert.deepEqual(
                run.resources
                    .filter((r) => r.type === "aws:cloudwatch/logGroup:LogGroup")
                    .map((r) => r.name),
                ["from-js"],
            );
        });

        it("says the file main: names does not exist", () => {
            const r = check("main-missing");
            assert.equal(r.status, 3);
            assert.equal(
                r.stderr,
                `encrypted-logs: the program in main-missing could not run: program: the main: of main-missing/Pulumi.yaml is "src/program.ts", and ${path.join(fixtures, "main-missing", "src", "program.ts")} does not exist; fix main: to name the program's entry file or directory (relative to Pulumi.yaml), or build the program first if main: names its compiled output\n`,
            );
        });

        it("prints a crash as the program's error and its own frames, none of this package's (exit 3)", () => {
            const r = check("crash");
            assert.equal(r.status, 3);
            const file = path.join(fixtures, "crash", "index.ts");
            assert.equal(
                r.stderr,
                [
                    "encrypted-logs: the program in crash could not run: APP_ENV is not set; set it to the environment's name",
                    `    at groupName (${file}:5:15)`,
                    `    at Object.<anonymous> (${file}:10:44)`,
                    "",
                ].join("\n"),
            );
        });
    });

    describe("names", () => {
        it("refuses an unnamed Lambda function under check --engine mocks, as a real preview does (the provider's name)", () => {
            const r = check("unnamed-lambda");
            assert.equal(r.status, 1);
            assert.match(
                r.stdout,
                /mandatory log-destinations-encrypted: \[log-destination\] Lambda function "hello" \(aws:lambda\/function:Function\) writes its function logs to the log group "\/aws\/lambda\/hello-[0-9a-f]{7}" in us-east-1, which this stack does not declare/,
            );
        });
    });

    describe("remote components", () => {
        it("names each remote component as unseen in the result", async () => {
            const result = await checkProgram(at("remote-component"));
            assert.deepEqual(result.unseen, [{ type: "acme:index:Cluster", name: "logs-cluster" }]);
            assert.deepEqual(result.mandatory, []);
        });

        it("check: exit 4 and a line naming whose children were not seen, never 'passes'", () => {
            const r = check("remote-component");
            assert.equal(r.status, 4, r.stderr);
            assert.ok(!r.stdout.includes("passes"), r.stdout);
            assert.ok(
                r.stdout.includes(
                    '\n0 mandatory violations among the resources seen; not a pass: part of the stack was not seen.\nNot seen: the children of 1 remote component (acme:index:Cluster "logs-cluster"): a real preview runs their package\'s provider to construct them, which the offline check cannot; check them with --engine cli, or declare what they create yourself.\n',
                ),
                r.stdout,
            );
        });
    });
});
