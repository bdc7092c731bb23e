/**
 * The "encrypted-logs" pack's policies called in this process, with the arguments `@pulumi/policy`'s
 * analyzer server (`server.js`, 1.21) builds from the engine's requests, and the diagnostics it
 * returns. The core of {@link ./inProcessPack} (mutation testing, with `@pulumi/policy`'s own
 * deserializer and unknown-checking proxy) and of the shipped `pulumi-aws-encrypted-logs/testing`
 * export, which must not load `@pulumi/policy` (an optional peer dependency of the package, as
 * for `pulumi-aws-encrypted-logs/policypack`): there the properties are given as `server.js`'s
 * `deserializeProperties(struct, false)` leaves them (secrets unwrapped, unknowns the engine's
 * sentinel strings), without the proxy, which the pack never trips (it reads properties through
 * `policypack/lib/stack/wire.ts`).
 *
 * What is reproduced from `server.js`:
 * - stack resources: parent, dependencies and property dependencies resolved to the resource
 *   objects, dangling URNs dropped; the provider with its inputs; the resource options;
 * - `getConfig()`: the configured properties without `enforcementLevel`, `{}` when the policy
 *   was not configured (`makeGetConfigFun`; defaults are the policies' own business);
 * - the enforcement level: configured, else the policy's, else the pack's; disabled policies do
 *   not run; "remediate" is reported as "mandatory";
 * - `reportViolation(message, urn?)`: message `${description}\n${message}`
 *   (`makeReportViolationFun`), or the policy's message alone with `wireMessages: false`; an `UnknownValueError` becomes the "can't run ... during preview"
 *   advisory; any other error fails the call, as the gRPC call fails.
 */
import type { EnforcementLevel, ReportViolation } from "../policypack/node_modules/@pulumi/policy";
import { noteConfiguredPolicies } from "../policypack/lib/config/configuredPolicies";
import { PACK_POLICIES } from "../policypack/policies";
import {
    Diagnostic,
    StackResource,
    PreviewResult,
    SecretValue,
    UnknownValue,
    enforcementLevelOf,
    fixtureProvider,
    previewWith,
    toWire,
} from "./resources";

type Level = Diagnostic["enforcementLevel"];
/** A policy of the pack (a resource or a stack validation policy). */
export type PackPolicy = (typeof PACK_POLICIES)[number];
type ResourcePolicy = Extract<PackPolicy, { validateResource?: unknown }>;
type StackPolicy = Extract<PackPolicy, { validateStack: unknown }>;
/** The per-policy configuration a `--policy-pack-config` file holds. */
export type PackConfig = Record<string, { enforcementLevel?: string; [k: string]: unknown }>;

/** The policy pack's name, as `PulumiPolicy.yaml` and `new PolicyPack(...)` give it. */
export const PACK_NAME = "encrypted-logs";

/** How properties reach a policy, and what counts as "unknown at preview" when one throws. */
export interface PropsRuntime {
    /** The `props` object a policy receives for a fixture's inputs or outputs. */
    props(props: Record<string, unknown>): Record<string, unknown>;
    /** Whether an error a policy threw is `@pulumi/policy`'s `UnknownValueError`. */
    isUnknownValueError(e: unknown): boolean;
}

/** A property value as `deserializeProperties(struct, false)` returns it: secrets unwrapped, unknowns as sentinels. */
function plain(value: unknown): unknown {
    if (value instanceof SecretValue) {
        return plain(value.value);
    }
    if (Array.isArray(value)) {
        return value.map((v) => plain(v) ?? null);
    }
    if (value !== null && typeof value === "object" && !(value instanceof UnknownValue)) {
        return Object.fromEntries(
            Object.entries(value)
                .filter(([, v]) => v !== undefined)
                .map(([k, v]) => [k, plain(v)]),
        );
    }
    return toWire(value);
}

/** Properties as plain data, without `@pulumi/policy` (the testing export's way). */
export const PLAIN_PROPS: PropsRuntime = {
    props: (props) => plain(props) as Record<string, unknown>,
    isUnknownValueError: (e) => e instanceof Error && e.constructor.name === "UnknownValueError",
};

/** The pack, in process. */
export class PackRunner {
    protected config: Record<string, Record<string, unknown>> = {};

    constructor(
        /** The pack's version, as the "can't run ... during preview" advisory names it. */
        readonly version: string,
        readonly policies: readonly PackPolicy[] = PACK_POLICIES,
        readonly packName = PACK_NAME,
        protected readonly runtime: PropsRuntime = PLAIN_PROPS,
        /**
         * Prefix each message with the policy's description, as `server.js`'s
         * `makeReportViolationFun` sends it over the wire (`true`), or give the policy's own message
         * (`false`: the `testing` export, whose diagnostics carry the description apart).
         */
        readonly wireMessages = true,
    ) {}

    /**
     * `Configure`: replaces the configuration, as the server does, with the configuration the CLI
     * sends: a policy given without `enforcementLevel` keeps its own level (`ReconcilePolicyPackConfig`,
     * pkg/resource/analyzer/config.go, v3.248.0, starts from each policy's declared level and
     * applies only a valid given one), so `{ exemptions: [...] }` never turns an advisory mandatory.
     */
    async configure(config: PackConfig): Promise<void> {
        this.config = {};
        for (const [name, { enforcementLevel, ...props }] of Object.entries(config)) {
            const declared = this.policies.find((p) => p.name === name)?.enforcementLevel;
            this.config[name] = {
                ...this.configProps(props),
                enforcementLevel: enforcementLevelOf(enforcementLevel ?? declared),
            };
        }
        // The names and levels, as the pack watches them (policypack/lib/config/configuredPolicies.ts).
        noteConfiguredPolicies(
            Object.entries(this.config).map(
                ([name, c]) => [name, c.enforcementLevel as EnforcementLevel] as const,
            ),
        );
    }

    /** A policy's configured properties as the server receives them. */
    protected configProps(props: Record<string, unknown>): Record<string, unknown> {
        return JSON.parse(JSON.stringify(props));
    }

    private options(r: StackResource) {
        return {
            protect: r.protect ?? false,
            ignoreChanges: [],
            aliases: [],
            customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 },
            additionalSecretOutputs: [],
            ...(r.parent ? { parent: r.parent } : {}),
        };
    }

    private providerOf(r: StackResource, byUrn: ReadonlyMap<string, StackResource>) {
        const p = fixtureProvider(r, byUrn);
        return p && { type: p.type, name: p.name, urn: p.urn, props: this.runtime.props(p.inputs) };
    }

    /**
     * `StackValidationArgs.resources` for `stack`, as `@pulumi/policy` builds them from an
     * AnalyzeStack request (each resource's outputs).
     */
    stackResources(stack: readonly StackResource[]): Record<string, unknown>[] {
        const byUrn = new Map(stack.map((r) => [r.urn, r]));
        const resources = stack.map((r) => {
            const props = this.runtime.props(r.outputs ?? r.inputs);
            const resource: Record<string, unknown> = {
                type: r.type,
                props,
                urn: r.urn,
                name: r.name,
                opts: this.options(r),
                dependencies: [],
                propertyDependencies: {},
                ...typeChecks(r.type, props),
            };
            const provider = this.providerOf(r, byUrn);
            if (provider) {
                resource.provider = provider;
            }
            return resource;
        });
        const byUrnOut = new Map(resources.map((r) => [r.urn as string, r]));
        const resolve = (urns: readonly string[]) =>
            urns.map((u) => byUrnOut.get(u)).filter((d) => d !== undefined);
        stack.forEach((r, i) => {
            const out = resources[i];
            const parent = r.parent ? byUrnOut.get(r.parent) : undefined;
            if (parent) {
                out.parent = parent;
            }
            out.dependencies = resolve(r.dependencies ?? []);
            const deps: Record<string, unknown[]> = {};
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

    /** The level a policy reports at, or `undefined` when it is disabled. */
    private level(p: PackPolicy): Level | undefined {
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
        p: PackPolicy,
        level: Level,
        ds: Diagnostic[],
        call: (report: ReportViolation) => void | Promise<void>,
    ): Promise<void> {
        const report: ReportViolation = (message, urn) =>
            ds.push({
                policyName: p.name,
                policyPackName: this.packName,
                message: !this.wireMessages
                    ? (message ?? "")
                    : message
                      ? `${p.description}\n${message}`
                      : p.description,
                urn: urn ?? "",
                enforcementLevel: level,
            });
        try {
            await Promise.resolve(call(report));
        } catch (e) {
            const from = `policy '${p.name}' from policy pack '${this.packName}@v${this.version}'`;
            if (this.runtime.isUnknownValueError(e)) {
                ds.push({
                    policyName: p.name,
                    policyPackName: this.packName,
                    message: `can't run ${from} during preview: ${(e as Error).message}`,
                    urn: "",
                    enforcementLevel: "advisory",
                });
            } else {
                throw new Error(`Error validating resource with ${from}: ${e}`, { cause: e });
            }
        }
    }

    /** `Analyze` for one resource (its inputs). */
    async analyze(r: StackResource, stack: readonly StackResource[] = [r]): Promise<Diagnostic[]> {
        const byUrn = new Map(stack.map((s) => [s.urn, s]));
        const ds: Diagnostic[] = [];
        for (const p of this.policies) {
            const level = this.level(p);
            if (level === undefined || !("validateResource" in p)) {
                continue;
            }
            const validations = [(p as ResourcePolicy).validateResource ?? []].flat();
            for (const validate of validations) {
                await this.run(p, level, ds, (report) => {
                    const props = this.runtime.props(r.inputs);
                    const args: Record<string, unknown> = {
                        type: r.type,
                        props,
                        urn: r.urn,
                        name: r.name,
                        opts: this.options(r),
                        stackTags: new Map<string, string>(),
                        ...typeChecks(r.type, props),
                        getConfig: this.getConfig(p.name),
                        notApplicable,
                    };
                    const provider = this.providerOf(r, byUrn);
                    if (provider) {
                        args.provider = provider;
                    }
                    return validate(args as never, report);
                });
            }
        }
        return ds;
    }

    /** `AnalyzeStack` for the whole stack (every resource's outputs). */
    async analyzeStack(stack: readonly StackResource[]): Promise<Diagnostic[]> {
        const ds: Diagnostic[] = [];
        for (const p of this.policies) {
            const level = this.level(p);
            if (level === undefined || !("validateStack" in p)) {
                continue;
            }
            await this.run(p, level, ds, (report) =>
                (p as StackPolicy).validateStack(
                    {
                        resources: this.stackResources(stack),
                        getConfig: this.getConfig(p.name),
                        stackTags: new Map<string, string>(),
                        notApplicable,
                    } as never,
                    report,
                ),
            );
        }
        return ds;
    }

    /** What a preview sends: Analyze for each resource in order, then one AnalyzeStack. */
    async preview(stack: readonly StackResource[]): Promise<PreviewResult> {
        return previewWith(stack, this, (r) => this.analyze(r, stack));
    }

    /** Nothing to stop. */
    async stop(): Promise<void> {}
}

const notApplicable = (reason?: string): never => {
    throw new Error(`notApplicable is not used by this pack (${reason})`);
};
const typeChecks = (type: string, props: object) => ({
    isType: (cls: { __pulumiType?: string }) => cls.__pulumiType === type,
    asType: (cls: { __pulumiType?: string }) => (cls.__pulumiType === type ? props : undefined),
});
