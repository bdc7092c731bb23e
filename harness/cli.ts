#!/usr/bin/env node
/**
 * `encrypted-logs check <program dir> [--full]` (`npx pulumi-aws-encrypted-logs check ./my-program`):
 * previews a Pulumi program offline under the mock engine, as `npm run demo` previews the quick
 * start, and prints a summary line, the resource tree, the key and bucket policies and the
 * "encrypted-logs" pack's verdicts. Exit status: 0 when the pack reports no mandatory violation and
 * the whole stack was seen, 1 on a mandatory violation (a real `pulumi preview --policy-pack` would
 * fail), 2 on a usage error, 3 when the program could not run, 4 when remote components' children
 * were not seen (docs/check.md).
 */
// Types only: the modules themselves (the Pulumi SDK, the pack) load once the arguments are
// valid, so a usage error answers at once.
import type * as programRunner from "./programRunner";
import type * as report from "./report";
import type * as testing from "./testing";
import type * as engineCheck from "./engineCheck";
import type * as sdkCopies from "./sdkCopies";
import * as fs from "node:fs";
import * as path from "node:path";

/* eslint-disable @typescript-eslint/no-require-imports */
const load = () => ({
    ...(require("./fromMockEngine") as typeof import("./fromMockEngine")),
    ...(require("./programRunner") as typeof programRunner),
    ...(require("./report") as typeof report),
    ...(require("./testing") as typeof testing),
});
/* eslint-enable @typescript-eslint/no-require-imports */

/** The usage text. */
export const USAGE = [
    "usage: encrypted-logs check <program dir> [--full] [--engine auto|cli|mocks]",
    "  Previews the Pulumi program in <program dir> (its Pulumi.yaml main:, package.json main or index.ts)",
    "  offline and runs the encrypted-logs policy pack over it.",
    "  --full    print whole key and bucket policies (JSON) instead of one line per statement",
    "  --engine  cli: the real `pulumi preview --policy-pack` (a Pulumi CLI >= 3.248.0 from PULUMI_CLI_DIR",
    "            or PATH, with offline aws and time providers and a throwaway backend); mocks: Pulumi's",
    "            mocks in this process; auto (default): cli when a CLI is found, else mocks",
    "  --invokes <file.json>  answers to invokes the check cannot answer offline, by token",
    '            (e.g. {"aws:ssm/getParameter:getParameter": {"value": "x"}}; docs/check.md lists those it answers)',
    "Exit status: 0 no mandatory violation and the whole stack seen; 1 a mandatory violation; 2 a usage error;",
    "  3 the program could not run (compile or type error, crash, an invoke nobody answers);",
    "  4 no mandatory violation, but remote components' children were not seen (not a pass).",
].join("\n");

/** What a run printed and its exit status. */
export interface CliResult {
    readonly stdout: string;
    readonly stderr: string;
    readonly status: 0 | 1 | 2 | 3 | 4;
}

function usageError(message: string): CliResult {
    return { stdout: "", stderr: `encrypted-logs: ${message}\n${USAGE}\n`, status: 2 };
}

/** The `check` command on `args` (without `check`). */
async function check(argv: readonly string[], colour: boolean | undefined): Promise<CliResult> {
    let args = argv;
    const engineAt = args.indexOf("--engine");
    const engine = engineAt < 0 ? "auto" : args[engineAt + 1];
    if (engine !== "auto" && engine !== "cli" && engine !== "mocks") {
        return usageError(
            `--engine is ${JSON.stringify(engine)}; allowed: auto, cli, mocks (e.g. encrypted-logs check ./my-program --engine cli)`,
        );
    }
    args = engineAt < 0 ? args : [...args.slice(0, engineAt), ...args.slice(engineAt + 2)];
    const invokesAt = args.indexOf("--invokes");
    const invokes = invokesAt < 0 ? undefined : readInvokes(args[invokesAt + 1]);
    if (typeof invokes === "string") {
        return usageError(invokes);
    }
    args = invokesAt < 0 ? args : [...args.slice(0, invokesAt), ...args.slice(invokesAt + 2)];
    const flags = args.filter((a) => a.startsWith("-"));
    const unknownFlag = flags.find((f) => f !== "--full");
    if (unknownFlag !== undefined) {
        return usageError(
            `unknown option ${JSON.stringify(unknownFlag)}; the options are --full, --engine and --invokes (e.g. encrypted-logs check ./my-program --full)`,
        );
    }
    const dirs = args.filter((a) => !a.startsWith("-"));
    if (dirs.length !== 1) {
        return usageError(
            `check takes one program directory, got ${dirs.length === 0 ? "none" : dirs.map((d) => JSON.stringify(d)).join(", ")}; e.g. encrypted-logs check ./my-program`,
        );
    }
    const dir = dirs[0];
    // The harness runs on the program's own @pulumi/pulumi (before it loads).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    (require("./sdkCopies") as typeof sdkCopies).useProgramSdk(programDirOf(dir));
    const {
        PACK_VERSION,
        checkResources,
        colourEnabled,
        paint,
        programEntry,
        renderPolicies,
        renderTree,
        renderVerdicts,
        runUnderMocks,
        stackFromMockEngine,
        summarise,
    } = load();
    try {
        programEntry(dir);
    } catch (e) {
        if (!fs.existsSync(dir)) {
            return usageError((e as Error).message);
        }
        return {
            stdout: "",
            stderr: `encrypted-logs: the program in ${dir} could not run: ${(e as Error).message}\n`,
            status: 3,
        };
    }
    const full = flags.includes("--full");
    const colours = paint(colour ?? colourEnabled(process.stdout));
    let fellBack: string | undefined;
    if (engine !== "mocks") {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const { engineUnavailable } = require("./engineCheck") as typeof engineCheck;
        const why = engineUnavailable();
        if (why === undefined) {
            return checkByEngine(dir);
        }
        if (engine === "cli") {
            return {
                stdout: "",
                stderr: `encrypted-logs: --engine cli: ${why}\n`,
                status: 2,
            };
        }
        fellBack = why;
    }
    let preview;
    try {
        preview = await runUnderMocks(dir, { dryRun: true, stack: "dev", invokes });
    } catch (e) {
        return {
            stdout: "",
            stderr: `encrypted-logs: the program in ${dir} could not run: ${(e as Error).message ?? e}\n`,
            status: 3,
        };
    }
    const stack = stackFromMockEngine(preview);
    const result = await checkResources(stack);
    const needsDeployed = renderPolicies(preview, undefined, full).some((l) => l === "  (unknown)");
    const deployed = needsDeployed
        ? await runUnderMocks(dir, { dryRun: false, stack: "dev", invokes })
        : undefined;
    const mandatory = result.mandatory.length;
    const unseen = preview.remote;
    const out = [
        `${dir}: ${summarise(stack, result.diagnostics)}`,
        "",
        `Resources (offline preview under Pulumi's mocks: region ${preview.account.region}, account ${preview.account.accountId}):`,
        ...renderTree(preview).map((l) => `  ${l}`),
        ...renderPolicies(preview, deployed, full),
        "",
        `Policy pack "encrypted-logs" v${PACK_VERSION} (in process, as \`pulumi preview --policy-pack\` runs it):`,
        ...renderVerdicts(stack, result.diagnostics, colours).map((l) => `  ${l}`),
        "",
        mandatory > 0
            ? `${mandatory} mandatory violations: \`pulumi preview --policy-pack\` of this program fails.`
            : unseen.length > 0
              ? "0 mandatory violations among the resources seen; not a pass: part of the stack was not seen."
              : "0 mandatory violations: `pulumi preview --policy-pack` of this program passes.",
        ...(unseen.length === 0 ? [] : [unseenLine(unseen)]),
        ...(fellBack === undefined
            ? []
            : [
                  `Engine: Pulumi's mocks, not the real \`pulumi preview\`: ${fellBack}. With one, check runs \`pulumi preview --policy-pack\` offline (--engine cli).`,
              ]),
        full
            ? "Next: in your tests, checkProgram() from pulumi-aws-encrypted-logs/testing asserts the same (README: Check your own program)."
            : "Next: --full prints the whole policies; checkProgram() from pulumi-aws-encrypted-logs/testing asserts the same in your tests.",
    ];
    return {
        stdout: `${out.join("\n")}\n`,
        stderr: "",
        status: mandatory > 0 ? 1 : unseen.length > 0 ? 4 : 0,
    };
}

/** The line naming the remote components whose children the check did not see. */
export function unseenLine(unseen: readonly { type: string; name: string }[]): string {
    return (
        `Not seen: the children of ${unseen.length} remote component${unseen.length === 1 ? "" : "s"} (${unseen.map((u) => `${u.type} "${u.name}"`).join(", ")}): ` +
        "a real preview runs their package's provider to construct them, which the offline check cannot; check them with --engine cli, or declare what they create yourself."
    );
}

/** The directory of a program argument (a directory, or an entry file's). */
function programDirOf(dir: string): string {
    const at = path.resolve(dir);
    return fs.existsSync(at) && fs.statSync(at).isFile() ? path.dirname(at) : at;
}

/** The `--invokes` file's answers, or a usage error's message. */
function readInvokes(file: string | undefined): Record<string, Record<string, unknown>> | string {
    const example = '{"aws:ssm/getParameter:getParameter": {"value": "..."}}';
    if (file === undefined || file.startsWith("-")) {
        return `--invokes takes a JSON file of answers by invoke token, got ${file === undefined ? "nothing" : JSON.stringify(file)}; e.g. --invokes answers.json holding ${example}`;
    }
    let parsed: unknown;
    try {
        parsed = JSON.parse(fs.readFileSync(file, "utf8"));
    } catch (e) {
        return `--invokes ${JSON.stringify(file)} is not a readable JSON file (${(e as Error).message}); give a file holding ${example}`;
    }
    const bad =
        parsed === null || typeof parsed !== "object" || Array.isArray(parsed)
            ? "not an object"
            : Object.entries(parsed).find(
                  ([, v]) => v === null || typeof v !== "object" || Array.isArray(v),
              )?.[0];
    if (bad !== undefined) {
        return `--invokes ${JSON.stringify(file)}: ${bad === "not an object" ? "the file is not an object" : `the answer to ${JSON.stringify(bad)} is not an object`}; allowed: an object of results by invoke token, e.g. ${example}`;
    }
    return parsed as Record<string, Record<string, unknown>>;
}

/**
 * `check` through the real engine: `pulumi preview --policy-pack` of the program, offline
 * (engineCheck.ts). Prints the summary (which engine, how long), then each policy violation as the
 * CLI reports it.
 */
async function checkByEngine(dir: string): Promise<CliResult> {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { checkWithEngine } = require("./engineCheck") as typeof engineCheck;
    const r = await checkWithEngine(dir);
    const advisory = r.diagnostics.length - r.mandatory.length;
    const head =
        `${dir}: ${r.resources} resources; ${r.mandatory.length} mandatory, ${advisory} advisory violations ` +
        `(engine: pulumi v${r.cli.version} preview --policy-pack, offline aws provider; ${(r.millis / 1000).toFixed(1)} s)`;
    const lines = [head, ""];
    for (const d of r.diagnostics) {
        const parts = d.urn.split("::");
        const about =
            d.urn === "" ? "" : `  (${parts[2]?.split("$").pop()}: ${parts.slice(3).join("::")})`;
        lines.push(`  [${d.enforcementLevel}]  ${d.policyName}${about}`);
        lines.push(
            ...d.message
                .split("\n")
                .filter((l) => l !== "")
                .map((l) => `      ${l}`),
        );
    }
    if (r.exitCode !== 0 && r.mandatory.length === 0) {
        return {
            stdout: `${lines.join("\n")}\n`,
            stderr: `encrypted-logs: the program in ${dir} failed under pulumi preview:\n${r.errors.join("\n")}\n`,
            status: 3,
        };
    }
    lines.push(
        r.mandatory.length > 0
            ? `${r.mandatory.length} mandatory violations: \`pulumi preview --policy-pack\` of this program fails.`
            : "0 mandatory violations: `pulumi preview --policy-pack` of this program passes.",
    );
    return { stdout: `${lines.join("\n")}\n`, stderr: "", status: r.mandatory.length > 0 ? 1 : 0 };
}

/** Runs the command line `args` (after `node cli.js`); colour as given, else as `colourEnabled` decides for stdout. */
export async function cli(args: readonly string[], colour?: boolean): Promise<CliResult> {
    const [command, ...rest] = args;
    if (command === "--help" || command === "-h" || command === "help") {
        return { stdout: `${USAGE}\n`, stderr: "", status: 0 };
    }
    if (command !== "check") {
        return usageError(
            command === undefined
                ? "no command given; the command is check"
                : `unknown command ${JSON.stringify(command)}; the command is check (e.g. encrypted-logs check ./my-program)`,
        );
    }
    return check(rest, colour);
}

if (require.main === module) {
    cli(process.argv.slice(2)).then(
        (r) => {
            process.stdout.write(r.stdout);
            process.stderr.write(r.stderr);
            process.exitCode = r.status;
        },
        (e: Error) => {
            process.stderr.write(`encrypted-logs: ${e.stack ?? e.message}\n`);
            process.exitCode = 1;
        },
    );
}
