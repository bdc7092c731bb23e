/**
 * `pulumi policy analyze`, replayed: a policy pack run over an existing stack's state (a file
 * `pulumi stack export` wrote) exactly as the Pulumi CLI runs it, over the analyzer gRPC protocol
 * of {@link PolicyPackHarness} (the pack started as the CLI starts it).
 *
 * What the CLI does, from pulumi/pulumi `pkg/resource/deploy/analyze_snapshot.go` (`AnalyzeSnapshot`):
 *
 * - every resource of the snapshot but those marked `delete`, in state order
 *   (`for _, res := range snap.Resources { if res.Delete { continue } ...`), is sent with its
 *   **inputs** (`stateToAnalyzerResource(res, res.Inputs, providers)`), its provider as the
 *   provider resource's inputs (`Properties: resource.FromResourcePropertyMap(provRes.Inputs)`),
 *   and its parent and protect options;
 * - first `Remediate`: "Unlike during a deployment, we report what would be changed but do not
 *   apply the changes"; a remediation with a diagnostic is reported as an advisory
 *   (`EnforcementLevel: apitype.Advisory`), one with properties as a would-be remediation;
 * - then `Analyze`: "We use dryRun=true because we're not executing a deployment; violations are
 *   reported but do not fail the resource", a remediate-level diagnostic counting as mandatory
 *   ("downgrade" the level from remediate to mandatory);
 * - then one `AnalyzeStack` with every resource's **outputs** ("AnalyzeStack receives Outputs (final
 *   deployed state) rather than Inputs"), parent, dependencies and property dependencies from the
 *   state (`Dependencies: res.Dependencies, PropertyDependencies: res.PropertyDependencies`);
 *   a stack diagnostic whose URN is not a resource of the snapshot is attributed to the root
 *   stack (`resolveStackPolicyViolationURN`);
 * - the result: `hasMandatoryViolation || sawStackError.Load()`, "true if any mandatory policy
 *   violations were found", on which the command (`pkg/cmd/pulumi/policy/policy_analyze.go`)
 *   returns `errors.New("one or more mandatory policy violations were found")`, and the CLI exits
 *   with `cmd.ExitCodeFor(err)`, which for such an error is `ExitCodeError = 1` ("generic/unclassified
 *   error"; `ExitPolicyViolation = 5` exists but is not wired yet: "TODO: Wire policy, timeout, and
 *   resource-specific errors").
 *
 * Every value of a state is known. Secrets: a `pulumi stack export --show-secrets` file holds them
 * as `plaintext` (JSON), which is what the pack gets; a file whose secrets are `ciphertext` the CLI
 * cannot decrypt offline is analyzed "with secret values redacted" to the string `[secret]`
 * (`policy_analyze.go`: "Secrets in the file that can't be decrypted offline are redacted to the
 * string `[secret]` for analysis, regardless of their original type"), and so it is here.
 */
import * as fs from "node:fs";
import { RESOURCE_REFERENCE_SIG } from "../policypack/lib/stack/wire";
import {
    Diagnostic,
    StackResource,
    PolicyPackHarness,
    SECRET_SIG,
    SecretValue,
} from "./policyHarness";

/** One resource of a state, as `pulumi stack export` writes it (the fields the analysis reads). */
export interface StateResource {
    readonly urn: string;
    readonly type: string;
    readonly custom?: boolean;
    readonly id?: string;
    /** Marked for deletion (a replaced resource's old copy): not analyzed. */
    readonly delete?: boolean;
    readonly inputs?: Record<string, unknown>;
    readonly outputs?: Record<string, unknown>;
    readonly parent?: string;
    /** A provider reference: `<provider URN>::<provider id>`. */
    readonly provider?: string;
    readonly protect?: boolean;
    readonly dependencies?: readonly string[];
    readonly propertyDependencies?: Readonly<Record<string, readonly string[]>>;
}

/** A `pulumi stack export` file (`apitype.UntypedDeployment` with a version-3 deployment). */
export interface StackExport {
    readonly version: number;
    readonly deployment: {
        readonly manifest?: unknown;
        readonly secrets_providers?: unknown;
        readonly resources?: readonly StateResource[];
    };
}

/** A diagnostic as `pulumi policy analyze` reports it: on a resource, from one of the three calls. */
export interface AnalyzedDiagnostic extends Diagnostic {
    /** Which call reported it. */
    readonly phase: "remediate" | "analyze" | "analyzeStack";
}

/** What `pulumi policy analyze` reports for a state, and how it exits. */
export interface SnapshotAnalysis {
    /** Every violation, in the order the CLI reports them, each on the URN the CLI shows it on. */
    readonly diagnostics: readonly AnalyzedDiagnostic[];
    /** Remediations that would change a resource (reported, never applied). */
    readonly remediations: readonly {
        readonly urn: string;
        readonly policyName: string;
        readonly properties: Record<string, unknown>;
    }[];
    /** Whether any mandatory violation was found (`AnalyzeSnapshot`'s result). */
    readonly hasMandatory: boolean;
    /** The CLI's exit status: 1 with mandatory violations (`ExitCodeError`), else 0. */
    readonly exitStatus: 0 | 1;
}

/** Reads a `pulumi stack export` file; fails naming the file when it is not one. */
export function readStackExport(file: string): StackExport {
    const parsed = JSON.parse(fs.readFileSync(file, "utf8")) as Partial<StackExport>;
    if (
        typeof parsed !== "object" ||
        parsed === null ||
        typeof parsed.version !== "number" ||
        typeof parsed.deployment !== "object" ||
        parsed.deployment === null
    ) {
        throw new Error(
            `${file} is not a \`pulumi stack export\` file: expected { "version": <number>, "deployment": { "resources": [...] } }`,
        );
    }
    return parsed as StackExport;
}

/**
 * A state value as the CLI hands it to analyzers: secrets decrypted (or redacted), all known, and
 * resource references (a component's registered outputs hold them) as the analyzer plugin marshals
 * them, without `KeepResources` (`sdk/go/common/resource/plugin/rpc.go`: `if !opts.KeepResources
 * { val := string(ref.URN); if !ref.ID.IsNull() { return MarshalPropertyValue(key, ref.ID, opts) }
 * ... return MarshalString(val, opts) }`): the resource's id, or its URN when it has none.
 */
function fromState(value: unknown): unknown {
    if (Array.isArray(value)) {
        return value.map(fromState);
    }
    if (value !== null && typeof value === "object") {
        const obj = value as Record<string, unknown>;
        if (obj[SECRET_SIG.key] === RESOURCE_REFERENCE_SIG) {
            return obj.id !== undefined && obj.id !== null ? obj.id : obj.urn;
        }
        if (obj[SECRET_SIG.key] === SECRET_SIG.value) {
            if (typeof obj.plaintext === "string") {
                return new SecretValue(fromState(JSON.parse(obj.plaintext)));
            }
            return new SecretValue("value" in obj ? fromState(obj.value) : "[secret]");
        }
        return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, fromState(v)]));
    }
    return value;
}

/** The URN in a provider reference (`<urn>::<id>`). */
function providerUrn(reference: string): string {
    return reference.slice(0, reference.lastIndexOf("::"));
}

/** The resources `AnalyzeSnapshot` analyzes (not those marked `delete`), as harness fixtures. */
export function stateResources(state: StackExport): StackResource[] {
    return (state.deployment.resources ?? [])
        .filter((r) => r.delete !== true)
        .map((r) => {
            if (!r.urn.startsWith("urn:pulumi:")) {
                // policy_analyze.go: "reject a structurally invalid URN here instead of panicking".
                throw new Error(`the state contains a resource with an invalid URN "${r.urn}"`);
            }
            return {
                urn: r.urn,
                type: r.type,
                name: r.urn.slice(r.urn.lastIndexOf("::") + 2),
                inputs: fromState(r.inputs ?? {}) as Record<string, unknown>,
                outputs: fromState(r.outputs ?? {}) as Record<string, unknown>,
                parent: r.parent === "" ? undefined : r.parent,
                provider:
                    r.provider === undefined || r.provider === ""
                        ? undefined
                        : providerUrn(r.provider),
                protect: r.protect,
                dependencies: r.dependencies ?? [],
                propertyDependencies: r.propertyDependencies ?? {},
            };
        });
}

/** The root stack's URN, as `snapshotRootStackURN` finds it. */
function rootStackUrn(resources: readonly StackResource[]): string {
    const root = resources.find((r) => r.type === "pulumi:pulumi:Stack" && r.parent === undefined);
    if (root !== undefined) {
        return root.urn;
    }
    const first = resources[0];
    if (first === undefined) {
        return "";
    }
    // resource.DefaultRootStackURN(stack, project): urn:pulumi:<stack>::<project>::pulumi:pulumi:Stack::<project>-<stack>
    const [, stack, project] = /^urn:pulumi:([^:]+)::([^:]+)::/.exec(first.urn) ?? [];
    return `urn:pulumi:${stack}::${project}::pulumi:pulumi:Stack::${project}-${stack}`;
}

const mandatory = (d: Diagnostic) =>
    d.enforcementLevel === "mandatory" || d.enforcementLevel === "remediate";

/**
 * Runs `pack` over `state` as `pulumi policy analyze --file <state>` does (see the module
 * comment): Remediate then Analyze per resource with its inputs, then one AnalyzeStack with the
 * outputs. Returns what the CLI reports and its exit status.
 */
export async function analyzeSnapshot(
    pack: PolicyPackHarness,
    state: StackExport,
): Promise<SnapshotAnalysis> {
    const resources = stateResources(state);
    const byUrn = new Map(resources.map((r) => [r.urn, r]));
    const diagnostics: AnalyzedDiagnostic[] = [];
    const remediations: SnapshotAnalysis["remediations"][number][] = [];
    let hasMandatory = false;
    for (const r of resources) {
        for (const m of await pack.remediate(r, byUrn)) {
            if (m.diagnostic !== "") {
                diagnostics.push({
                    policyName: m.policyName,
                    policyPackName: m.policyPackName,
                    message: m.diagnostic,
                    urn: r.urn,
                    enforcementLevel: "advisory",
                    phase: "remediate",
                });
            } else if (m.properties !== undefined) {
                remediations.push({
                    urn: r.urn,
                    policyName: m.policyName,
                    properties: m.properties,
                });
            }
        }
        for (const d of await pack.analyzeIn(r, byUrn)) {
            hasMandatory ||= mandatory(d);
            diagnostics.push({
                ...d,
                enforcementLevel:
                    d.enforcementLevel === "remediate" ? "mandatory" : d.enforcementLevel,
                urn: r.urn,
                phase: "analyze",
            });
        }
    }
    const root = rootStackUrn(resources);
    for (const d of await pack.analyzeStack(resources)) {
        hasMandatory ||= mandatory(d);
        diagnostics.push({
            ...d,
            enforcementLevel: d.enforcementLevel === "remediate" ? "mandatory" : d.enforcementLevel,
            urn: byUrn.has(d.urn) ? d.urn : root,
            phase: "analyzeStack",
        });
    }
    return { diagnostics, remediations, hasMandatory, exitStatus: hasMandatory ? 1 : 0 };
}
