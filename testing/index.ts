/**
 * `pulumi-aws-encrypted-logs/testing`: run your own Pulumi program under Pulumi's mocks and get the
 * "encrypted-logs" policy pack's verdicts on it, as `pulumi preview --policy-pack` would show them,
 * in your own mocha or jest tests, without the Pulumi CLI or an AWS account.
 *
 * ```ts
 * import { checkProgram, formatDiagnostics } from "pulumi-aws-encrypted-logs/testing";
 *
 * it("the pack finds nothing in my stack", async () => {
 *     const result = await checkProgram(() => import("../index"));
 *     assert.deepEqual(result.diagnostics, [], formatDiagnostics(result.diagnostics));
 * });
 * ```
 *
 * The program registers its resources with the `@pulumi/pulumi` it imports; the mocks are set on
 * that same copy (the package has no copy of its own: `@pulumi/pulumi` is a dependency with a
 * floor, which npm dedupes into yours), and a program that resolves another copy is refused with
 * the two paths. The pack's policies run in this process with the arguments `@pulumi/policy`'s
 * analyzer server builds, without loading `@pulumi/policy` (not needed to use this export).
 * @packageDocumentation
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { stackFromMockEngine } from "./fromMockEngine";
import { PACK_POLICIES } from "../policypack/policies";
import { PACK_NAME, PLAIN_PROPS, PackConfig, PackRunner } from "./packRunner";
import { InvokeAnswers, RemoteComponent } from "./mockEngine";
import { ProgramFailure } from "./programFailure";
import { Program, RunOptions, programEntry, runUnderMocks } from "./programRunner";
import { PolicyConfigError, readPolicyConfig } from "./policyConfig";
import { SecretValue, StackResource, UnknownValue, secret, unknown } from "./resources";
import { withStackConfig } from "./stackConfig";

export {
    InvokeAnswers,
    PolicyConfigError,
    ProgramFailure,
    RemoteComponent,
    Program,
    RunOptions,
    SecretValue,
    StackResource,
    UnknownValue,
    programEntry,
    secret,
    unknown,
};

/**
 * The earlier name of {@link StackResource}.
 * @deprecated Use {@link StackResource}: the same type, named for what it is.
 */
export type FixtureResource = StackResource;

// On request, the same check through the real engine: `pulumi preview --policy-pack` offline, with a
// Pulumi CLI >= 3.248.0 from PULUMI_CLI_DIR or PATH (what `encrypted-logs check` runs when it can).
export {
    EngineCheck,
    EngineCheckOptions,
    EngineDiagnostic,
    checkWithEngine,
    engineUnavailable,
} from "./engineCheck";

const root = path.resolve(__dirname, "..", "..");

/** This package's version, which is the pack's. */
export const PACK_VERSION: string = JSON.parse(
    fs.readFileSync(path.join(root, "package.json"), "utf8"),
).version;

/**
 * A resource as the engine sends it to a policy pack: its URN, type, name, inputs (what `Analyze`
 * judges) and outputs (what `AnalyzeStack` judges; the inputs when absent), parent, provider,
 * dependencies and property dependencies (URNs). A value unknown at preview is an
 * {@link UnknownValue} (`unknown()`), a secret a {@link SecretValue} (`secret(v)`). Without a URN
 * a resource gets the one the engine would give a top-level resource of stack `test` of project
 * `project` (`urn:pulumi:test::project::<type>::<name>`).
 */
export type PackResource = Omit<StackResource, "urn"> & {
    /** The URN. @default `urn:pulumi:test::project::<type>::<name>` */
    readonly urn?: string;
};

/** One policy violation, with what the Pulumi CLI prints for it. */
export interface PolicyDiagnostic {
    /** The policy, e.g. `log-encryption-key-required`. */
    readonly policyName: string;
    /** The pack, `encrypted-logs`. */
    readonly policyPackName: string;
    /** The pack's version, as the CLI shows it after `@v`. */
    readonly policyPackVersion: string;
    /** `mandatory` fails `pulumi preview`/`up`; `advisory` is printed only. */
    readonly enforcementLevel: "advisory" | "mandatory";
    /** The policy's description (the CLI's first line under the violation). */
    readonly description: string;
    /** What the policy reported (the lines after the description). */
    readonly message: string;
    /** The resource the violation is about (`""` when it is about the stack). */
    readonly urn: string;
}

/** The pack's verdicts on a set of resources. */
export interface CheckResult {
    /** The resources judged, in registration order, each with its URN. */
    readonly resources: readonly StackResource[];
    /** Every violation: `Analyze`'s, resource by resource, then `AnalyzeStack`'s. */
    readonly diagnostics: readonly PolicyDiagnostic[];
    /** The mandatory ones: a real preview of this stack fails when there is any. */
    readonly mandatory: readonly PolicyDiagnostic[];
    /**
     * The remote components (`remote: true` registrations: `@pulumi/awsx`, `@pulumi/eks` ...)
     * whose children were not seen: their Construct runs in their package's provider at a real
     * preview, which the mocks do not run, so the pack never judged what they create. A result
     * with any is not a pass (`encrypted-logs check` exits 4).
     */
    readonly unseen: readonly RemoteComponent[];
}

/** Options for {@link checkResources}. */
export interface PackOptions {
    /**
     * The pack's configuration, as in a `--policy-pack-config` file: policy name → `{
     * enforcementLevel?, ...properties }`, given to the pack as it is. @default {} (each policy's
     * own level and defaults)
     */
    readonly policyConfig?: PackConfig;
    /**
     * A `--policy-pack-config` file, read and validated as `pulumi preview --policy-pack-config`
     * does (a misspelt or wrongly typed value throws a {@link PolicyConfigError} with the CLI's
     * text; a policy the pack does not have too). `policyConfig`'s entries apply on top.
     */
    readonly policyPackConfig?: string;
}

/**
 * Options for {@link runProgram} and {@link checkProgram}: how to run the program, and the pack's
 * configuration. For a program given as a directory or file, the stack's config file
 * (`Pulumi.<stack>.yaml` beside its Pulumi.yaml, stack `test` unless `stack` says otherwise) is
 * read when it exists, as `pulumi preview --stack` reads it; `config` applies on top (a key
 * without a namespace gets the project's name), and its `aws:region` is the region unless `region`
 * is given. `secure:` values cannot be read offline and are left unset unless `config` gives them.
 */
export interface ProgramOptions extends RunOptions, PackOptions {
    /** The stack's config file to read instead of `Pulumi.<stack>.yaml` (`pulumi preview --config-file`). */
    readonly configFile?: string;
}

/** What running a program registered. */
export interface ProgramRun {
    /** The resources, as the engine would send them to a policy pack. */
    readonly resources: readonly StackResource[];
    /** The invokes the program made (`aws:index/getRegion:getRegion`, ...), in order. */
    readonly invokes: readonly string[];
    /** The remote components it registered, whose children were not seen ({@link CheckResult.unseen}). */
    readonly remote: readonly RemoteComponent[];
}

/**
 * Runs a Pulumi program under the mocks (every invoke the components make answered: partition,
 * region, caller identity, organization) with stack transforms as the engine applies them, and
 * returns what it registered. A function program must import the program itself, so that it runs
 * after the mocks are set: `() => import("../index")`.
 */
export async function runProgram(program: Program, opts: ProgramOptions = {}): Promise<ProgramRun> {
    const run = typeof program === "string" ? withStackConfig(program, opts).options : opts;
    const engine = await runUnderMocks(program, run);
    return {
        resources: stackFromMockEngine(engine),
        invokes: engine.invokes.map((i) => i.token),
        remote: [...engine.remote],
    };
}

/** A resource given without a URN gets the one the engine would give it (stack `test`, project `project`). */
function withUrn(r: PackResource): StackResource {
    return { ...r, urn: r.urn || `urn:pulumi:test::project::${r.type}::${r.name}` };
}

/**
 * Runs the pack over resources already collected (from your own mocks, or {@link runProgram}):
 * `Analyze` for each resource in order, then one `AnalyzeStack`, as a preview does.
 */
export async function checkResources(
    resources: readonly PackResource[],
    opts: PackOptions = {},
): Promise<CheckResult> {
    const stack = resources.map(withUrn);
    const pack = new PackRunner(PACK_VERSION, PACK_POLICIES, PACK_NAME, PLAIN_PROPS, false);
    const fromFile = opts.policyPackConfig
        ? readPolicyConfig(opts.policyPackConfig, {
              name: PACK_NAME,
              version: PACK_VERSION,
              policies: PACK_POLICIES,
          })
        : {};
    await pack.configure({ ...fromFile, ...(opts.policyConfig ?? {}) });
    const result = await pack.preview(stack);
    const descriptions = new Map(pack.policies.map((p) => [p.name, p.description]));
    const diagnostics = result.all.map((d): PolicyDiagnostic => {
        const description = descriptions.get(d.policyName) ?? "";
        return {
            policyName: d.policyName,
            policyPackName: d.policyPackName,
            policyPackVersion: PACK_VERSION,
            enforcementLevel: d.enforcementLevel === "mandatory" ? "mandatory" : "advisory",
            description,
            message: d.message,
            urn: d.urn,
        };
    });
    return {
        resources: stack,
        diagnostics,
        mandatory: diagnostics.filter((d) => d.enforcementLevel === "mandatory"),
        unseen: [],
    };
}

/** {@link runProgram}, then {@link checkResources} on what it registered. */
export async function checkProgram(
    program: Program,
    opts: ProgramOptions = {},
): Promise<CheckResult> {
    const run = await runProgram(program, opts);
    return { ...(await checkResources(run.resources, opts)), unseen: run.remote };
}

/** `type: name` of a URN (`urn:pulumi:<stack>::<project>::<parent$>type::name`), as the CLI shows it. */
function typeAndName(urn: string): string {
    const parts = urn.split("::");
    const type = (parts[2] ?? "").split("$").pop();
    return `${type}: ${parts.slice(3).join("::")}`;
}

/**
 * The diagnostics as the Pulumi CLI prints them under `Policies:` (a ❌ or ✅ line for the pack,
 * then per violation `- [level]  policy  (type: name)`, the description and the message), e.g.
 *
 * ```
 * Policies:
 *     ❌ encrypted-logs@v0.1.0 (local: policypack)
 *         - [mandatory]  log-encryption-key-required  (aws:cloudwatch/logGroup:LogGroup: app)
 *           Log groups, anomaly detectors and trails must be encrypted ...
 *           [key-required] log group "app" ...
 * ```
 */
export function formatDiagnostics(diagnostics: readonly PolicyDiagnostic[]): string {
    // The CLI's rendering, as `pulumi preview` printed it for a failing local pack (the README of
    // github.com/desteves/pulumi-stackvalidation-example, "When in violation of the Stack Policy"):
    // "Policies:\n    ❌ pulumi-stackvalidation-example-diana@v0.0.1 (local: policypack)\n        -
    // [mandatory]  pulumi-stackvalidation-example-diana  (pulumi:pulumi:Stack:
    // pulumi-stackvalidation-example-dev)\n          every bucket must have ...\n          arn:aws:s3:::...";
    // passing: "Policies:\n    ✅ pulumi-stackvalidation-example-diana@v0.0.1 (local: policypack)".
    // "(local: policypack)" names the pack's directory, as the repository's is.
    const mark = diagnostics.some((d) => d.enforcementLevel === "mandatory") ? "❌" : "✅";
    const lines = ["Policies:", `    ${mark} ${PACK_NAME}@v${PACK_VERSION} (local: policypack)`];
    for (const d of diagnostics) {
        const about = d.urn === "" ? "" : `  (${typeAndName(d.urn)})`;
        lines.push(`        - [${d.enforcementLevel}]  ${d.policyName}${about}`);
        for (const line of [d.description, ...d.message.split("\n")]) {
            if (line !== "") {
                lines.push(`          ${line}`);
            }
        }
    }
    return lines.join("\n");
}
