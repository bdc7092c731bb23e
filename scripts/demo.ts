/**
 * `npm run demo`: previews the root Pulumi.yaml program (examples/complete) offline, under the
 * mock engine, the way `pulumi preview` would run it: no AWS account and no Pulumi CLI needed.
 * Prints a summary line, the resource tree with the inputs that matter, each key policy and the
 * trail's bucket policy collapsed to one line per statement (`--full`: the JSON). Then runs the
 * policy pack over that preview (started as the CLI starts it, fed as the engine feeds it) and
 * over a deliberately broken stack, and prints the verdicts (PASS/FAIL coloured on a terminal);
 * then a Lambda function refused because Lambda would create its log group itself, and the same
 * program fixed by encryptLambdaLogGroups(); last, what to try next.
 * `npm run demo -- <program dir>` is `encrypted-logs check <program dir>` (testing/cli.ts).
 */
import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { COMMERCIAL, MockEngine } from "../testing/mockEngine";
import { PolicyPackHarness } from "../harness/policyHarness";
import {
    brokenProgram,
    judge,
    lambdaProgram,
    previewProgram,
    rootProgram,
} from "../harness/preview";
import { runUnderMocks } from "../testing/programRunner";
import {
    Paint,
    colourEnabled,
    paint,
    renderPolicies,
    renderTree,
    renderVerdicts as renderReportVerdicts,
    summarise,
} from "../testing/report";
import { Diagnostic, StackResource, PreviewResult } from "../testing/resources";

export { renderTree };

const root = path.resolve(__dirname, "..", "..");

/** A pack diagnostic as the verdicts show it: the reported message, without the policy's description. */
function reported(d: Diagnostic): Diagnostic {
    return { ...d, message: d.message.split("\n").slice(1).join("\n") };
}

/**
 * The pack's verdicts, one line per judged resource: `PASS` when nothing was reported on it, else
 * one line per diagnostic (`enforcement policy: message`, the policy description left out).
 */
export function renderVerdicts(
    stack: readonly StackResource[],
    result: PreviewResult,
    colours?: Paint,
): string[] {
    return renderReportVerdicts(stack, result.all.map(reported), colours);
}

/** The demo's Lambda program previewed with `fixed: true`: encryptLambdaLogGroups() declares its group. */
export async function previewLambdaFixed(): Promise<MockEngine> {
    return previewProgram(lambdaProgram(), {
        config: { "encrypted-logs-quickstart:fixed": "true" },
    });
}

/** The demo's output, line by line (`full`: whole policies as JSON). */
export async function demo(full: boolean, colours: Paint): Promise<string[]> {
    const program = rootProgram();
    const engine = await previewProgram(program);
    const needsDeployed = renderPolicies(engine, undefined, full).includes("  (unknown)");
    const deployed = needsDeployed
        ? await runUnderMocks(program, {
              dryRun: false,
              project: "encrypted-logs-quickstart",
              stack: "demo",
          })
        : undefined;
    const pack = await PolicyPackHarness.start();
    try {
        const quick = await judge(pack, engine);
        const broken = brokenProgram();
        const bad = await judge(pack, await previewProgram(broken));
        const lambda = lambdaProgram();
        const refused = await judge(pack, await previewProgram(lambda));
        const fixed = await judge(pack, await previewLambdaFixed());
        const mandatory = bad.result.all.filter((d) => d.enforcementLevel === "mandatory").length;
        const badFailed = renderVerdicts(bad.stack, bad.result).filter((l) =>
            l.startsWith("FAIL"),
        ).length;
        return [
            `pulumi-aws-encrypted-logs demo, ${path.relative(root, program)}: ${summarise(quick.stack, quick.result.all)}. ` +
                `The broken stack: ${badFailed} FAIL, ${mandatory} mandatory violations.`,
            `Offline: the root Pulumi.yaml's program under Pulumi's mock engine, as \`pulumi preview\` runs it ` +
                `(partition ${COMMERCIAL.partition}, region ${COMMERCIAL.region}, account ${COMMERCIAL.accountId}, mocked; no AWS account, no Pulumi CLI).`,
            "",
            "Resources:",
            ...renderTree(engine).map((l) => `  ${l}`),
            ...renderPolicies(engine, deployed, full),
            "",
            'Policy pack "encrypted-logs" (started as the Pulumi CLI starts it), over this preview:',
            ...renderVerdicts(quick.stack, quick.result, colours).map((l) => `  ${l}`),
            "",
            `And over a deliberately broken stack (${path.relative(root, broken)}):`,
            ...renderVerdicts(bad.stack, bad.result, colours).map((l) => `  ${l}`),
            "",
            `${mandatory} mandatory violations: a real \`pulumi preview --policy-pack ./policypack\` of that stack fails.`,
            "",
            `A Lambda function whose log group Lambda would create itself (${path.relative(root, lambda)}):`,
            ...renderVerdicts(refused.stack, refused.result, colours).map((l) => `  ${l}`),
            "",
            "The same program with encryptLambdaLogGroups() as its first line:",
            ...renderVerdicts(fixed.stack, fixed.result, colours).map((l) => `  ${l}`),
            "",
            "Next: check your own program with `npm run demo -- ./my-program` (installed: `npx pulumi-aws-encrypted-logs check ./my-program`) " +
                "or in your tests with pulumi-aws-encrypted-logs/testing (README: Check your own program)" +
                (full ? "." : "; `npm run demo -- --full` prints whole policies."),
        ];
    } finally {
        await pack.stop();
    }
}

async function main(args: readonly string[]): Promise<number> {
    const colour = colourEnabled(process.stdout);
    if (args.some((a) => !a.startsWith("-"))) {
        // `npm run demo -- <program dir> [--full]`: the check command on that program.
        // npm runs scripts in the package root; a relative directory is the caller's (INIT_CWD).
        // A process of its own: the check runs on the program's own @pulumi/pulumi, which this one
        // (the demo's harness already loaded) cannot.
        const from = process.env.INIT_CWD ?? process.cwd();
        const r = spawnSync(
            process.execPath,
            [
                path.join(__dirname, "..", "testing", "cli.js"),
                "check",
                ...args.map((a) => (a.startsWith("-") ? a : path.resolve(from, a))),
            ],
            { stdio: "inherit", env: { ...process.env, ...(colour ? { FORCE_COLOR: "1" } : {}) } },
        );
        return r.status ?? 1;
    }
    const unknown = args.find((a) => a !== "--full");
    if (unknown !== undefined) {
        process.stderr.write(
            `demo: unknown option ${JSON.stringify(unknown)}; the demo takes --full, or a program directory to check (npm run demo -- ./my-program)\n`,
        );
        return 2;
    }
    console.log((await demo(args.includes("--full"), paint(colour))).join("\n"));
    return 0;
}

if (require.main === module) {
    main(process.argv.slice(2)).then(
        (status) => {
            process.exitCode = status;
        },
        (e: Error) => {
            console.error(`demo failed: ${e.stack ?? e.message}`);
            process.exitCode = 1;
        },
    );
}
