#!/usr/bin/env node
/**
 * `encrypted-logs check <program dir> [--full]` (`npx pulumi-aws-encrypted-logs check ./my-program`):
 * previews a Pulumi program offline under the mock engine, as `npm run demo` previews the quick
 * start, and prints a summary line, the resource tree, the key and bucket policies and the
 * "encrypted-logs" pack's verdicts. Exit status: 1 when the pack reports a mandatory violation (a
 * real `pulumi preview --policy-pack` would fail) or the program fails, 0 otherwise, 2 on a usage
 * error.
 */
// Types only: the modules themselves (the Pulumi SDK, the pack) load once the arguments are
// valid, so a usage error answers at once.
import type * as programRunner from "./programRunner";
import type * as report from "./report";
import type * as testing from "./testing";

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
    "usage: encrypted-logs check <program dir> [--full]",
    "  Previews the Pulumi program in <program dir> (its Pulumi.yaml main:, package.json main or index.ts)",
    "  offline under Pulumi's mocks and runs the encrypted-logs policy pack over it.",
    "  --full   print whole key and bucket policies (JSON) instead of one line per statement",
    "Exit status: 1 on a mandatory violation, 0 otherwise, 2 on a usage error.",
].join("\n");

/** What a run printed and its exit status. */
export interface CliResult {
    readonly stdout: string;
    readonly stderr: string;
    readonly status: 0 | 1 | 2;
}

function usageError(message: string): CliResult {
    return { stdout: "", stderr: `encrypted-logs: ${message}\n${USAGE}\n`, status: 2 };
}

/** The `check` command on `args` (without `check`). */
async function check(args: readonly string[], colour: boolean | undefined): Promise<CliResult> {
    const flags = args.filter((a) => a.startsWith("-"));
    const unknownFlag = flags.find((f) => f !== "--full");
    if (unknownFlag !== undefined) {
        return usageError(
            `unknown option ${JSON.stringify(unknownFlag)}; the only option is --full (e.g. encrypted-logs check ./my-program --full)`,
        );
    }
    const dirs = args.filter((a) => !a.startsWith("-"));
    if (dirs.length !== 1) {
        return usageError(
            `check takes one program directory, got ${dirs.length === 0 ? "none" : dirs.map((d) => JSON.stringify(d)).join(", ")}; e.g. encrypted-logs check ./my-program`,
        );
    }
    const dir = dirs[0];
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
        return usageError((e as Error).message);
    }
    const full = flags.includes("--full");
    const colours = paint(colour ?? colourEnabled(process.stdout));
    let preview;
    try {
        preview = await runUnderMocks(dir, { dryRun: true, stack: "dev" });
    } catch (e) {
        return {
            stdout: "",
            stderr: `encrypted-logs: the program in ${dir} failed: ${(e as Error).stack ?? e}\n`,
            status: 1,
        };
    }
    const stack = stackFromMockEngine(preview);
    const result = await checkResources(stack);
    const needsDeployed = renderPolicies(preview, undefined, full).some((l) => l === "  (unknown)");
    const deployed = needsDeployed
        ? await runUnderMocks(dir, { dryRun: false, stack: "dev" })
        : undefined;
    const mandatory = result.mandatory.length;
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
            : "0 mandatory violations: `pulumi preview --policy-pack` of this program passes.",
        full
            ? "Next: in your tests, checkProgram() from pulumi-aws-encrypted-logs/testing asserts the same (README: Check your own program)."
            : "Next: --full prints the whole policies; checkProgram() from pulumi-aws-encrypted-logs/testing asserts the same in your tests.",
    ];
    return { stdout: `${out.join("\n")}\n`, stderr: "", status: mandatory > 0 ? 1 : 0 };
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
