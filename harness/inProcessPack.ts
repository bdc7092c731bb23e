/**
 * The "encrypted-logs" pack run in this process, with the API of {@link PolicyPackHarness}: the
 * pack's policies are called directly, with the arguments `@pulumi/policy`'s analyzer server
 * (`server.js`, 1.21) builds from the engine's requests. Mutation testing needs it: Stryker only
 * sees (and switches mutants in) code that runs in the test process, and the harness runs the pack
 * in a child process. The fidelity test (`policypackInProcess.test.ts`) runs the same stacks
 * through both and requires identical diagnostics.
 *
 * What is reproduced from `server.js`:
 * - properties: the fixture marshalled as the engine marshals it ({@link toWire}, the same
 *   `Struct`), then `@pulumi/policy`'s own `deserializeProperties` (secrets unwrapped, unknowns
 *   left as the engine's sentinel strings) and `unknownCheckingProxy`, from the pack's copy;
 * - stack resources: parent, dependencies and property dependencies resolved to the resource
 *   objects, dangling URNs dropped; the provider with its inputs; the resource options;
 * - `getConfig()`: the configured properties without `enforcementLevel`, `{}` when the policy
 *   was not configured (`makeGetConfigFun`; defaults are the policies' own business);
 * - the enforcement level: configured, else the policy's, else the pack's; disabled policies do
 *   not run; "remediate" is reported as "mandatory";
 * - `reportViolation(message, urn?)`: message `${description}\n${message}`
 *   (`makeReportViolationFun`); an `UnknownValueError` becomes the "can't run ... during preview"
 *   advisory; any other error fails the call, as the gRPC call fails.
 *
 * Not reproduced: the protocol itself (start-up, port line, engine logs, `Remediate`, which this
 * pack does not implement); tests about it skip in this mode ({@link IN_PROCESS}).
 */
import type * as policy from "../policypack/node_modules/@pulumi/policy";
import type * as analyzerPb from "@pulumi/pulumi/proto/analyzer_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import * as fs from "node:fs";
import * as path from "node:path";
import { PACK_POLICIES } from "../policypack/policies";
import {
    Diagnostic,
    FixtureResource,
    PACK_DIR,
    PreviewResult,
    enforcementLevelOf,
    fixtureProvider,
    previewWith,
    struct,
} from "./policyHarness";

/** Set (by `tests/support/inProcess.ts`, Stryker's mocha `require`) to run the pack in process. */
export const IN_PROCESS = process.env.POLICY_PACK_IN_PROCESS === "1";

type Level = Diagnostic["enforcementLevel"];
type Policy = policy.ResourceValidationPolicy | policy.StackValidationPolicy;
type Config = Record<string, { enforcementLevel?: string; [k: string]: unknown }>;

interface PolicyInternals {
    deserializeProperties(s: Struct, proxySecrets: boolean): Record<string, unknown>;
    unknownCheckingProxy<T extends object>(o: T): T;
    UnknownValueError: new (...args: never[]) => Error;
    makeAnalyzerInfo(
        name: string,
        version: string,
        level: string,
        args: { policies: readonly Policy[] },
        initialConfig: undefined,
    ): analyzerPb.AnalyzerInfo;
}
let internals: PolicyInternals | undefined;

/**
 * `@pulumi/policy` internals, from the pack's own copy (the one the pack runs with); loaded on
 * first use, as this module and the harness import each other.
 */
function lib(): PolicyInternals {
    if (internals === undefined) {
        const dir = path.join(PACK_DIR, "node_modules", "@pulumi", "policy");
        /* eslint-disable @typescript-eslint/no-require-imports */
        internals = {
            ...require(path.join(dir, "deserialize")),
            ...require(path.join(dir, "proxy")),
            ...require(path.join(dir, "protoutil")),
        } as PolicyInternals;
        /* eslint-enable @typescript-eslint/no-require-imports */
    }
    return internals;
}

/** The props object a policy receives for `props` (a fixture's inputs or outputs). */
function policyProps(props: Record<string, unknown>): Record<string, unknown> {
    return lib().unknownCheckingProxy(lib().deserializeProperties(struct(props), false));
}

function options(r: FixtureResource): policy.PolicyResourceOptions {
    return {
        protect: r.protect ?? false,
        ignoreChanges: [],
        aliases: [],
        customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 },
        additionalSecretOutputs: [],
        ...(r.parent ? { parent: r.parent } : {}),
    };
}

function providerOf(
    r: FixtureResource,
    byUrn: ReadonlyMap<string, FixtureResource>,
): policy.PolicyProviderResource | undefined {
    const p = fixtureProvider(r, byUrn);
    return p && { type: p.type, name: p.name, urn: p.urn, props: policyProps(p.inputs) };
}

const notApplicable = (reason?: string): never => {
    throw new Error(`notApplicable is not used by this pack (${reason})`);
};
const typeChecks = (type: string, props: object) => ({
    isType: (cls: { __pulumiType?: string }) => cls.__pulumiType === type,
    asType: (cls: { __pulumiType?: string }) => (cls.__pulumiType === type ? props : undefined),
});

/**
 * `StackValidationArgs.resources` for `stack`, as `@pulumi/policy` builds them from an
 * AnalyzeStack request (each resource's outputs).
 */
export function stackResources(stack: readonly FixtureResource[]): policy.PolicyResource[] {
    const byUrn = new Map(stack.map((r) => [r.urn, r]));
    const resources = stack.map((r) => {
        const props = policyProps(r.outputs ?? r.inputs);
        const resource = {
            type: r.type,
            props,
            urn: r.urn,
            name: r.name,
            opts: options(r),
            dependencies: [] as policy.PolicyResource[],
            propertyDependencies: {} as Record<string, policy.PolicyResource[]>,
            ...typeChecks(r.type, props),
        } as policy.PolicyResource;
        const provider = providerOf(r, byUrn);
        if (provider) {
            resource.provider = provider;
        }
        return resource;
    });
    const byUrnOut = new Map(resources.map((r) => [r.urn, r]));
    const resolve = (urns: readonly string[]) =>
        urns.map((u) => byUrnOut.get(u)).filter((d): d is policy.PolicyResource => !!d);
    stack.forEach((r, i) => {
        const out = resources[i] as { -readonly [K in keyof policy.PolicyResource]: unknown };
        const parent = r.parent ? byUrnOut.get(r.parent) : undefined;
        if (parent) {
            out.parent = parent;
        }
        out.dependencies = resolve(r.dependencies ?? []);
        const deps: Record<string, policy.PolicyResource[]> = {};
        for (const [k, urns] of Object.entries(r.propertyDependencies ?? {})) {
            // The harness (like the engine) sends only non-empty property dependencies.
            if (urns.length > 0) {
                deps[k] = resolve(urns);
            }
        }
        out.propertyDependencies = deps;
    });
    return resources;
}

/** The pack, in process. */
export class InProcessPack {
    /** The pack's version (its package.json), as `PolicyPack` reads it. */
    readonly version: string = JSON.parse(
        fs.readFileSync(path.join(PACK_DIR, "package.json"), "utf8"),
    ).version;
    private config: Record<string, Record<string, unknown>> = {};

    constructor(
        readonly policies: readonly Policy[] = PACK_POLICIES,
        readonly packName = "encrypted-logs",
    ) {}

    /** `GetAnalyzerInfo`, built by `@pulumi/policy`'s own code from the pack's policies. */
    async info(): Promise<analyzerPb.AnalyzerInfo> {
        return lib().makeAnalyzerInfo(
            this.packName,
            this.version,
            "advisory",
            { policies: this.policies },
            undefined,
        );
    }

    /** `Configure`: replaces the configuration, as the server does. */
    async configure(config: Config): Promise<void> {
        this.config = {};
        for (const [name, { enforcementLevel, ...props }] of Object.entries(config)) {
            this.config[name] = {
                // The same round trip as over the wire: a Struct, and the level as a number.
                ...(Struct.fromJavaScript(props as Record<string, never>).toJavaScript() as Record<
                    string,
                    unknown
                >),
                enforcementLevel: enforcementLevelOf(enforcementLevel),
            };
        }
    }

    /** The level a policy reports at, or `undefined` when it is disabled. */
    private level(p: Policy): Level | undefined {
        const level = (this.config[p.name]?.enforcementLevel ||
            p.enforcementLevel ||
            "advisory") as Level;
        return level === "disabled" ? undefined : level === "remediate" ? "mandatory" : level;
    }

    private getConfig(name: string): () => Record<string, unknown> {
        return () => {
            const c = this.config[name];
            if (!c) {
                return {};
            }
            return Object.fromEntries(Object.entries(c).filter(([k]) => k !== "enforcementLevel"));
        };
    }

    /** Runs one policy, collecting what it reports into `ds`. */
    private async run(
        p: Policy,
        level: Level,
        ds: Diagnostic[],
        call: (report: policy.ReportViolation) => void | Promise<void>,
    ): Promise<void> {
        const report: policy.ReportViolation = (message, urn) =>
            ds.push({
                policyName: p.name,
                policyPackName: this.packName,
                message: message ? `${p.description}\n${message}` : p.description,
                urn: urn ?? "",
                enforcementLevel: level,
            });
        try {
            await Promise.resolve(call(report));
        } catch (e) {
            const from = `policy '${p.name}' from policy pack '${this.packName}@v${this.version}'`;
            if (e instanceof lib().UnknownValueError) {
                ds.push({
                    policyName: p.name,
                    policyPackName: this.packName,
                    message: `can't run ${from} during preview: ${e.message}`,
                    urn: "",
                    enforcementLevel: "advisory",
                });
            } else {
                throw new Error(`Error validating resource with ${from}: ${e}`, { cause: e });
            }
        }
    }

    /** `Analyze` for one resource (its inputs). */
    async analyze(
        r: FixtureResource,
        stack: readonly FixtureResource[] = [r],
    ): Promise<Diagnostic[]> {
        const byUrn = new Map(stack.map((s) => [s.urn, s]));
        const ds: Diagnostic[] = [];
        for (const p of this.policies) {
            const level = this.level(p);
            if (level === undefined || !("validateResource" in p)) {
                continue;
            }
            const validations = [p.validateResource ?? []].flat();
            for (const validate of validations) {
                await this.run(p, level, ds, (report) => {
                    const props = policyProps(r.inputs);
                    const args = {
                        type: r.type,
                        props,
                        urn: r.urn,
                        name: r.name,
                        opts: options(r),
                        stackTags: new Map<string, string>(),
                        ...typeChecks(r.type, props),
                        getConfig: this.getConfig(p.name),
                        notApplicable,
                    } as policy.ResourceValidationArgs;
                    const provider = providerOf(r, byUrn);
                    if (provider) {
                        args.provider = provider;
                    }
                    return validate(args, report);
                });
            }
        }
        return ds;
    }

    /** `AnalyzeStack` for the whole stack (every resource's outputs). */
    async analyzeStack(stack: readonly FixtureResource[]): Promise<Diagnostic[]> {
        const ds: Diagnostic[] = [];
        for (const p of this.policies) {
            const level = this.level(p);
            if (level === undefined || !("validateStack" in p)) {
                continue;
            }
            await this.run(p, level, ds, (report) =>
                p.validateStack(
                    {
                        resources: stackResources(stack),
                        getConfig: this.getConfig(p.name),
                        stackTags: new Map<string, string>(),
                        notApplicable,
                    } as policy.StackValidationArgs,
                    report,
                ),
            );
        }
        return ds;
    }

    /** What a preview sends: Analyze for each resource in order, then one AnalyzeStack. */
    async preview(stack: readonly FixtureResource[]): Promise<PreviewResult> {
        return previewWith(stack, this, (r) => this.analyze(r, stack));
    }

    /** Nothing to stop. */
    async stop(): Promise<void> {}
}
