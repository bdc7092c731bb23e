#!/usr/bin/env node
/**
 * `encrypted-logs check <program dir> [options]` (`npx pulumi-aws-encrypted-logs check ./my-program`):
 * previews a Pulumi program offline, with its stack's configuration, under the mock engine or the
 * real one, and prints a summary line, the resource tree, the key and bucket policies and the
 * "encrypted-logs" pack's verdicts (or, with --json, one JSON document). The flags are parsed in
 * cliArgs.ts, the runs and their output are checkRun.ts's; docs/check.md documents both. Exit
 * status: 0 when the pack reports no mandatory violation and the whole stack was seen, 1 on a
 * mandatory violation (a real `pulumi preview --policy-pack` would fail), 2 on a usage error, 3
 * when the program could not run, 4 when remote components' children were not seen.
 */
// Types only: the modules themselves (the Pulumi SDK, the pack) load once the arguments are
// valid, so a usage error answers at once.
import type * as checkRun from "./checkRun";
import type * as engineCheck from "./engineCheck";
import type * as policyConfig from "./policyConfig";
import type * as programRunner from "./programRunner";
import type * as sdkCopies from "./sdkCopies";
import * as fs from "node:fs";
import * as path from "node:path";
import { CheckArgs, parseCheckArgs, wantsHelp } from "./cliArgs";
import type { CheckSetup, CliResult } from "./checkRun";

/* eslint-disable @typescript-eslint/no-require-imports */
const load = () => ({
    ...(require("./checkRun") as typeof checkRun),
    ...(require("./programRunner") as typeof programRunner),
    ...(require("./policyConfig") as typeof policyConfig),
});
/* eslint-enable @typescript-eslint/no-require-imports */

/** The usage text. */
export const USAGE = [
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
].join("\n");

function usageError(message: string): CliResult {
    return { stdout: "", stderr: `encrypted-logs: ${message}\n${USAGE}\n`, status: 2 };
}

/** The `check` command on `args` (without `check`). */
async function check(argv: readonly string[], colour: boolean | undefined): Promise<CliResult> {
    if (wantsHelp(argv)) {
        return { stdout: `${USAGE}\n`, stderr: "", status: 0 };
    }
    let args: CheckArgs;
    try {
        args = parseCheckArgs(argv);
    } catch (e) {
        return usageError((e as Error).message);
    }
    // The harness runs on the program's own @pulumi/pulumi (before it loads).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    (require("./sdkCopies") as typeof sdkCopies).useProgramSdk(programDirOf(args.dir));
    const m = load();
    try {
        m.programEntry(args.dir);
    } catch (e) {
        if (!fs.existsSync(args.dir)) {
            return usageError((e as Error).message);
        }
        return {
            stdout: "",
            stderr: `encrypted-logs: the program in ${args.dir} could not run: ${(e as Error).message}\n`,
            status: 3,
        };
    }
    let setup: CheckSetup;
    try {
        setup = m.prepareCheck(args);
    } catch (e) {
        if (e instanceof m.PolicyConfigError) {
            return m.policyConfigRefusal(args, e);
        }
        return usageError((e as Error).message);
    }
    let fellBack: string | undefined;
    if (args.engine === "cli" && Object.keys(args.stackOutputs).length > 0) {
        return usageError(
            "--stack-outputs answers StackReferences under the mocks only; the real engine reads the other stack from its backend. Fix: --engine mocks (or auto)",
        );
    }
    if (args.engine !== "mocks") {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const { engineUnavailable } = require("./engineCheck") as typeof engineCheck;
        const why =
            Object.keys(args.stackOutputs).length > 0
                ? "--stack-outputs answers StackReferences only under the mocks"
                : engineUnavailable();
        if (why === undefined) {
            return m.checkByEngine(args, setup);
        }
        if (args.engine === "cli") {
            return { stdout: "", stderr: `encrypted-logs: --engine cli: ${why}\n`, status: 2 };
        }
        fellBack = why;
    }
    return m.checkByMocks(args, setup, fellBack, colour);
}

/** The directory of a program argument (a directory, or an entry file's). */
function programDirOf(dir: string): string {
    const at = path.resolve(dir);
    return fs.existsSync(at) && fs.statSync(at).isFile() ? path.dirname(at) : at;
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
