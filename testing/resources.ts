/**
 * The resources a policy pack is given and the diagnostics it returns, as plain data: what the
 * `pulumi-aws-encrypted-logs/testing` export and the `check` command share with the repository's
 * analyzer-protocol harness and in-process runner. No gRPC, no `@pulumi/policy` here: the testing
 * export loads this module in a user's test process.
 */
import { SECRET_SIG } from "../policypack/lib/stack/wire";

/** The engine's unknown sentinels by property type (Go: `plugin.Unknown*Value`). */
export const UNKNOWN_SENTINEL = {
    bool: "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7",
    number: "3eeb2bf0-c639-47a8-9e75-3b44932eb421",
    string: "04da6b54-80e4-46f7-96ec-b56ff0331ba9",
    array: "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2",
    object: "dd056dcd-154b-4c76-9bd3-c8f88648b5ff",
} as const;
/** The signature key and value the engine marks secrets with (Go: `resource.SigKey`, `SecretSig`): the pack's. */
export { SECRET_SIG };

/** A property value unknown at preview. */
export class UnknownValue {
    constructor(
        /** The property's type, which picks the engine's sentinel. */
        readonly kind: keyof typeof UNKNOWN_SENTINEL = "string",
    ) {}
}
/** A secret property value. */
export class SecretValue {
    constructor(
        /** The value the secret holds (policies see it unwrapped). */
        readonly value: unknown,
    ) {}
}
/** An unknown string (the usual case: an ARN or id computed by the provider). */
export const unknown = (kind: keyof typeof UNKNOWN_SENTINEL = "string") => new UnknownValue(kind);
/** A secret. */
export const secret = (value: unknown) => new SecretValue(value);

/**
 * A resource of a stack as the engine sends it to a policy pack: its URN, type, name, inputs (what
 * `Analyze` judges), outputs (what `AnalyzeStack` judges), parent, provider and dependencies.
 */
export interface StackResource {
    /** `urn:pulumi:<stack>::<project>::<parent type$>type::name`. */
    readonly urn: string;
    /** The resource type token, e.g. `aws:cloudwatch/logGroup:LogGroup`. */
    readonly type: string;
    /** The resource's logical name. */
    readonly name: string;
    /** Checked inputs: what Analyze and Remediate receive. */
    readonly inputs: Record<string, unknown>;
    /** Outputs: what AnalyzeStack receives. @default the inputs */
    readonly outputs?: Record<string, unknown>;
    /** URN of the parent resource. */
    readonly parent?: string;
    /** URN of the provider resource (it must be in the same stack). */
    readonly provider?: string;
    /** URNs of the resources this one depends on. */
    readonly dependencies?: readonly string[];
    /** Per input property, the URNs of the resources its value came from. */
    readonly propertyDependencies?: Readonly<Record<string, readonly string[]>>;
    /** The `protect` resource option. */
    readonly protect?: boolean;
}

/** A diagnostic as the pack returned it. */
export interface Diagnostic {
    readonly policyName: string;
    readonly policyPackName: string;
    readonly message: string;
    readonly urn: string;
    readonly enforcementLevel: "advisory" | "mandatory" | "disabled" | "remediate";
}

/** What a preview produced: per-resource diagnostics and the stack diagnostics. */
export interface PreviewResult {
    /** Diagnostics from Analyze, by resource URN (only resources with diagnostics). */
    readonly analyze: ReadonlyMap<string, Diagnostic[]>;
    /** Diagnostics from AnalyzeStack. */
    readonly stack: readonly Diagnostic[];
    /** Every diagnostic, Analyze first. */
    readonly all: readonly Diagnostic[];
}

export const LEVELS = ["advisory", "mandatory", "disabled", "remediate"] as const;
export const LEVEL_NUMBER: Record<string, number> = {
    advisory: 0,
    mandatory: 1,
    disabled: 2,
    remediate: 3,
};

/** The enforcement level the pack receives for a configured level, after the wire's round trip. */
export function enforcementLevelOf(level: string | undefined): Diagnostic["enforcementLevel"] {
    return LEVELS[LEVEL_NUMBER[level ?? "mandatory"] ?? 0];
}

/** Marshals a JS value the way the engine does for analyzers. */
export function toWire(value: unknown): unknown {
    if (value instanceof UnknownValue) {
        return UNKNOWN_SENTINEL[value.kind];
    }
    if (value instanceof SecretValue) {
        return { [SECRET_SIG.key]: SECRET_SIG.value, value: toWire(value.value) ?? null };
    }
    if (Array.isArray(value)) {
        return value.map((v) => toWire(v) ?? null);
    }
    if (value !== null && typeof value === "object") {
        const out: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(value)) {
            if (v !== undefined) {
                out[k] = toWire(v);
            }
        }
        return out;
    }
    return value;
}

/** The provider resource of `r` in its stack, if it has one; a fixture error if it is not there. */
export function fixtureProvider(
    r: StackResource,
    byUrn: ReadonlyMap<string, StackResource>,
): StackResource | undefined {
    if (r.provider === undefined) {
        return undefined;
    }
    const p = byUrn.get(r.provider);
    if (p === undefined) {
        throw new Error(`fixture ${r.urn} names provider ${r.provider}, which is not in the stack`);
    }
    return p;
}

/**
 * A preview: `analyze` for each resource in registration order (a diagnostic without a URN is the
 * resource's), then one AnalyzeStack.
 */
export async function previewWith(
    stack: readonly StackResource[],
    pack: { analyzeStack(stack: readonly StackResource[]): Promise<Diagnostic[]> },
    analyze: (r: StackResource) => Promise<Diagnostic[]>,
): Promise<PreviewResult> {
    const byResource = new Map<string, Diagnostic[]>();
    for (const r of stack) {
        const ds = await analyze(r);
        if (ds.length > 0) {
            byResource.set(
                r.urn,
                ds.map((d) => ({ ...d, urn: d.urn || r.urn })),
            );
        }
    }
    const stackDs = await pack.analyzeStack(stack);
    return {
        analyze: byResource,
        stack: stackDs,
        all: [...[...byResource.values()].flat(), ...stackDs],
    };
}
