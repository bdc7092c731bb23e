/**
 * What `encrypted-logs check` runs once its arguments are valid (cli.ts parses them): the stack's
 * configuration and the pack's configuration read and validated, the program previewed under the
 * mocks or the real engine, and the report or the `--json` document.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { CheckArgs } from "./cliArgs";
import { checkWithEngine } from "./engineCheck";
import { stackFromMockEngine } from "./fromMockEngine";
import { PACK_NAME, PackConfig } from "./packRunner";
import { PolicyConfigError, readPolicyConfig } from "./policyConfig";
import type { InvokeAnswers, RemoteComponent } from "./mockEngine";
import { jsonResult, summaryOf } from "./checkJson";
import { ProgramFailure } from "./programFailure";
import { runUnderMocks, RunOptions } from "./programRunner";
import {
    colourEnabled,
    paint,
    renderPolicies,
    renderTree,
    renderVerdicts,
    summarise,
} from "./report";
import { StackConfig, readStackOutputs, withStackConfig } from "./stackConfig";
import { PACK_VERSION, checkResources } from "./index";
import { PACK_POLICIES } from "../policypack/policies";

/**
 * What a run of the command printed and its exit status (cli.ts documents the statuses): what every
 * step here answers with.
 */
export interface CliResult {
    /** What goes to stdout: the report, or the `--json` document. */
    readonly stdout: string;
    /** What goes to stderr: usage errors, refusals, why the program could not run. */
    readonly stderr: string;
    /** The exit status. */
    readonly status: 0 | 1 | 2 | 3 | 4;
}

/** The configuration a check runs with. */
export interface CheckSetup {
    /** The stack's configuration as read. */
    readonly stack: StackConfig;
    /** How to run the program under the mocks. */
    readonly run: RunOptions;
    /** The pack's configuration (validated), `{}` without --policy-pack-config. */
    readonly policyConfig: PackConfig;
}

/** Reads the stack's and the pack's configuration and the other stacks' outputs (throwing what is wrong). */
export function prepareCheck(args: CheckArgs): CheckSetup {
    const { options, stack } = withStackConfig(
        args.dir,
        { stack: args.stack, configFile: args.configFile, config: args.config },
        args.stack,
    );
    const stackOutputs = Object.fromEntries(
        Object.entries(args.stackOutputs).map(([name, file]) => [
            name,
            readStackOutputs(name, file),
        ]),
    );
    const policyConfig = args.policyPackConfig
        ? readPolicyConfig(args.policyPackConfig, {
              name: PACK_NAME,
              version: PACK_VERSION,
              policies: PACK_POLICIES,
          })
        : {};
    const run: RunOptions & { configFile?: string } = { ...options };
    delete run.configFile;
    return {
        stack,
        run: {
            ...run,
            ...(Object.keys(stackOutputs).length > 0 ? { stackOutputs } : {}),
            ...(args.invokes === undefined ? {} : { invokes: readInvokes(args.invokes) }),
        },
        policyConfig,
    };
}

/** The `--invokes` file's answers (throwing a message for a usage error). */
function readInvokes(file: string): InvokeAnswers {
    const example = '{"aws:ssm/getParameter:getParameter": {"value": "..."}}';
    let parsed: unknown;
    try {
        parsed = JSON.parse(fs.readFileSync(file, "utf8"));
    } catch (e) {
        throw new Error(
            `--invokes ${JSON.stringify(file)} is not a readable JSON file (${(e as Error).message}); give a file holding ${example}`,
        );
    }
    const bad =
        parsed === null || typeof parsed !== "object" || Array.isArray(parsed)
            ? "not an object"
            : Object.entries(parsed).find(
                  ([, v]) => v === null || typeof v !== "object" || Array.isArray(v),
              )?.[0];
    if (bad !== undefined) {
        throw new Error(
            `--invokes ${JSON.stringify(file)}: ${bad === "not an object" ? "the file is not an object" : `the answer to ${JSON.stringify(bad)} is not an object`}; allowed: an object of results by invoke token, e.g. ${example}`,
        );
    }
    return parsed as InvokeAnswers;
}

/** A --policy-pack-config the CLI refuses: exit status 2, its text as the CLI prints it, then what is allowed. */
export function policyConfigRefusal(args: CheckArgs, e: PolicyConfigError): CliResult {
    const cli = e.lines.filter((l) => !/^(allowed|fix):? /.test(l));
    const help = e.lines.filter((l) => /^(allowed|fix):? /.test(l));
    return {
        stdout: "",
        stderr:
            `encrypted-logs: --policy-pack-config ${args.policyPackConfig} is refused${e.cliRefuses ? ", as `pulumi preview --policy-pack-config` refuses it" : ""}:\n` +
            [...cli.map((l) => `  error: ${l}`), ...help.map((l) => `  ${l}`)].join("\n") +
            "\n",
        status: 2,
    };
}

/** One line saying which stack and config were read. */
export function stackLine(stack: StackConfig): string {
    const file = stack.file ? path.basename(stack.file) : undefined;
    const values = Object.keys(stack.config).length;
    const parts = [
        file
            ? `config from ${file} (${values} ${values === 1 ? "value" : "values"} in all)`
            : `no Pulumi.${stack.stack}.yaml, ${values === 0 ? "no config" : `${values} ${values === 1 ? "value" : "values"} from --config`}`,
    ];
    if (stack.unreadSecrets.length > 0) {
        parts.push(
            `secure values not set (they cannot be decrypted offline; give them with --config): ${stack.unreadSecrets.join(", ")}`,
        );
    }
    return `Stack ${stack.stack}: ${parts.join("; ")}`;
}

const verdictLine = (mandatory: number, unseen = 0) =>
    mandatory > 0
        ? `${mandatory} mandatory violations: \`pulumi preview --policy-pack\` of this program fails.`
        : unseen > 0
          ? "0 mandatory violations among the resources seen; not a pass: part of the stack was not seen."
          : "0 mandatory violations: `pulumi preview --policy-pack` of this program passes.";

/** The line naming the remote components whose children the check did not see. */
export function unseenLine(unseen: readonly RemoteComponent[]): string {
    return (
        `Not seen: the children of ${unseen.length} remote component${unseen.length === 1 ? "" : "s"} (${unseen.map((u) => `${u.type} "${u.name}"`).join(", ")}): ` +
        "a real preview runs their package's provider to construct them, which the offline check cannot; check them with --engine cli, or declare what they create yourself."
    );
}

/** The program could not run: exit status 3, the error (or its JSON document). */
function programFailed(args: CheckArgs, setup: CheckSetup, e: unknown): CliResult {
    const missing = /Missing required configuration variable '([^']+)'/.exec(String(e))?.[1];
    const text =
        (e instanceof StalledError || e instanceof ProgramFailure
            ? e.message
            : e instanceof Error
              ? e.message
              : String(e)) +
        (missing
            ? `\nOffline, give it with --config ${missing}=<value> or in ${setup.stack.file ? path.basename(setup.stack.file) : `Pulumi.${setup.stack.stack}.yaml`} (config: ${missing}: <value>).`
            : "");
    if (args.json) {
        return jsonResult({
            summary: summaryOf(
                { dir: args.dir, stack: setup.stack.stack, file: setup.stack.file },
                "mocks",
                {
                    resources: 0,
                    mandatory: 0,
                    advisory: 0,
                    failed: true,
                },
            ),
            diagnostics: [],
            error: text,
        });
    }
    return {
        stdout: "",
        stderr: `encrypted-logs: the program in ${args.dir} could not run: ${text}\n`,
        status: 3,
    };
}

/**
 * Runs `run` with the stack outputs wrapped so that every stack a StackReference asks for is
 * recorded; if the program stops making progress (Node's event loop empties while registrations
 * still wait: a StackReference or an invoke nobody answers leaves its resources waiting forever,
 * and Pulumi would only say "N promises were still active"), rejects naming what was not answered
 * and how to answer it, instead of exiting with nothing printed.
 */
export async function untilSettled<T>(
    opts: RunOptions,
    run: (opts: RunOptions) => Promise<T>,
): Promise<T> {
    const given = opts.stackOutputs ?? {};
    const asked = new Set<string>();
    const stackOutputs = new Proxy(given, {
        get(target, name) {
            if (typeof name === "string" && !(name in target)) {
                asked.add(name);
            }
            return Reflect.get(target, name);
        },
    });
    let onStall: () => void = () => undefined;
    const stalled = new Promise<never>((_, reject) => {
        onStall = () => reject(new StalledError(stallMessage([...asked], Object.keys(given))));
    });
    process.once("beforeExit", onStall);
    try {
        return await Promise.race([run({ ...opts, stackOutputs }), stalled]);
    } finally {
        process.removeListener("beforeExit", onStall);
    }
}

/** The program stopped making progress: the message says what was not answered (no stack frames: they would be this package's). */
class StalledError extends Error {}

function stallMessage(asked: readonly string[], given: readonly string[]): string {
    if (asked.length > 0) {
        return (
            `the program read ${asked.map((n) => `stack "${n}"`).join(", ")} through a StackReference, and no --stack-outputs gives ${asked.length === 1 ? "its" : "their"} outputs ` +
            `(given: ${given.length === 0 ? "none" : given.join(", ")}), so the resources that wait on ${asked.length === 1 ? "it" : "them"} never registered. ` +
            `Fix: ${asked.map((n) => `--stack-outputs ${n}=<file>`).join(" ")}, the file written by \`pulumi stack output --json --stack ${asked[0]}\`.`
        );
    }
    return "the program stopped before its resources finished registering (something it waits on is never answered offline: an invoke or a StackReference); run it with --engine cli, or answer it (docs/check.md).";
}

/** `check` under Pulumi's mocks in this process. */
export async function checkByMocks(
    args: CheckArgs,
    setup: CheckSetup,
    fellBack: string | undefined,
    colour: boolean | undefined,
): Promise<CliResult> {
    let preview;
    try {
        preview = await untilSettled(setup.run, (run) =>
            runUnderMocks(args.dir, { ...run, dryRun: true }),
        );
    } catch (e) {
        return programFailed(args, setup, e);
    }
    const stack = stackFromMockEngine(preview);
    const result = await checkResources(stack, { policyConfig: setup.policyConfig });
    const mandatory = result.mandatory.length;
    const unseen = preview.remote;
    if (args.json) {
        return jsonResult({
            summary: summaryOf(
                { dir: args.dir, stack: setup.stack.stack, file: setup.stack.file },
                "mocks",
                {
                    resources: stack.filter((r) => !r.type.startsWith("pulumi:")).length,
                    mandatory,
                    advisory: result.diagnostics.length - mandatory,
                    unseen: unseen.length,
                },
            ),
            ...(unseen.length > 0 ? { unseen } : {}),
            diagnostics: result.diagnostics.map((d) => ({
                policyName: d.policyName,
                policyPackName: d.policyPackName,
                policyPackVersion: d.policyPackVersion,
                enforcementLevel: d.enforcementLevel,
                ...(d.urn === "" ? {} : { resourceUrn: d.urn }),
                message: d.message === "" ? d.description : `${d.description}\n${d.message}`,
            })),
        });
    }
    const needsDeployed = renderPolicies(preview, undefined, args.full).some(
        (l) => l === "  (unknown)",
    );
    const deployed = needsDeployed
        ? await runUnderMocks(args.dir, { ...setup.run, dryRun: false })
        : undefined;
    const colours = paint(colour ?? colourEnabled(process.stdout));
    const out = [
        `${args.dir}: ${summarise(stack, result.diagnostics)}`,
        stackLine(setup.stack),
        "",
        `Resources (offline preview under Pulumi's mocks: region ${preview.account.region}, account ${preview.account.accountId}):`,
        ...renderTree(preview).map((l) => `  ${l}`),
        ...renderPolicies(preview, deployed, args.full),
        "",
        `Policy pack "encrypted-logs" v${PACK_VERSION} (in process, as \`pulumi preview --policy-pack\` runs it${args.policyPackConfig ? `; configured by ${args.policyPackConfig}` : ""}):`,
        ...renderVerdicts(stack, result.diagnostics, colours).map((l) => `  ${l}`),
        "",
        verdictLine(mandatory, unseen.length),
        ...(unseen.length === 0 ? [] : [unseenLine(unseen)]),
        ...(fellBack === undefined
            ? []
            : [
                  `Engine: Pulumi's mocks, not the real \`pulumi preview\`: ${fellBack}. With one, check runs \`pulumi preview --policy-pack\` offline (--engine cli).`,
              ]),
        args.full
            ? "Next: in your tests, checkProgram() from pulumi-aws-encrypted-logs/testing asserts the same (README: Check your own program)."
            : "Next: --full prints the whole policies; checkProgram() from pulumi-aws-encrypted-logs/testing asserts the same in your tests.",
    ];
    return {
        stdout: `${out.join("\n")}\n`,
        stderr: "",
        status: mandatory > 0 ? 1 : unseen.length > 0 ? 4 : 0,
    };
}

/**
 * `check` through the real engine: `pulumi preview --policy-pack` of the program, offline
 * (engineCheck.ts), with the stack's configuration and the pack's. Prints the summary (which
 * engine, how long), then each policy violation as the CLI reports it.
 */
export async function checkByEngine(args: CheckArgs, setup: CheckSetup): Promise<CliResult> {
    const r = await checkWithEngine(args.dir, {
        config: setup.stack.config,
        ...(args.policyPackConfig ? { policyPackConfig: args.policyPackConfig } : {}),
    });
    const advisory = r.diagnostics.length - r.mandatory.length;
    const failed = r.exitCode !== 0 && r.mandatory.length === 0;
    if (args.json) {
        const doc = jsonResult({
            summary: summaryOf(
                { dir: args.dir, stack: setup.stack.stack, file: setup.stack.file },
                "cli",
                {
                    resources: r.resources,
                    mandatory: r.mandatory.length,
                    advisory,
                    failed,
                },
            ),
            diagnostics: r.diagnostics.map((d) => ({
                policyName: d.policyName,
                policyPackName: PACK_NAME,
                policyPackVersion: PACK_VERSION,
                enforcementLevel: d.enforcementLevel,
                ...(d.urn === "" ? {} : { resourceUrn: d.urn }),
                message: d.message,
            })),
            ...(failed ? { error: r.errors.join("\n") } : {}),
        });
        return doc;
    }
    const head =
        `${args.dir}: ${r.resources} resources; ${r.mandatory.length} mandatory, ${advisory} advisory violations ` +
        `(engine: pulumi v${r.cli.version} preview --policy-pack, offline aws provider; ${(r.millis / 1000).toFixed(1)} s)`;
    const lines = [head, stackLine(setup.stack), ""];
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
    if (failed) {
        return {
            stdout: `${lines.join("\n")}\n`,
            stderr: `encrypted-logs: the program in ${args.dir} failed under pulumi preview:\n${r.errors.join("\n")}\n`,
            status: 3,
        };
    }
    lines.push(verdictLine(r.mandatory.length));
    return { stdout: `${lines.join("\n")}\n`, stderr: "", status: r.mandatory.length > 0 ? 1 : 0 };
}
