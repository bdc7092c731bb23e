/**
 * Turns a program previewed under the recording mock engine into the resources a real preview
 * sends the policy pack: every registered resource with its inputs (unknowns and secrets kept),
 * parent, provider, dependencies and property dependencies, plus the default AWS provider the
 * engine adds (with the stack's region), and as outputs the inputs plus the provider-computed
 * properties (ARNs, ids) a preview does not know yet (after a deploy, the outputs the engine
 * answered with); a read (a `StackReference`) has the properties the engine answered the read
 * with, known at preview (kept by the state export; a preview sends no read).
 */
import { RESOURCE_REFERENCE_SIG } from "../policypack/lib/stack/wire";
import { SECRET_SIG, SecretValue, StackResource, UnknownValue, unknown } from "./resources";
import { MockEngine, RecordedResource, isUnknownInput } from "./mockEngine";

function convert(value: unknown): unknown {
    if (isUnknownInput(value)) {
        return unknown();
    }
    if (Array.isArray(value)) {
        return value.map(convert);
    }
    if (value !== null && typeof value === "object") {
        const obj = value as Record<string, unknown>;
        if (obj[SECRET_SIG.key] === RESOURCE_REFERENCE_SIG) {
            // As the analyzer plugin marshals a reference (no KeepResources): its id, unknown
            // while the id is (a preview), or its URN when it has none (a component).
            if (obj.id === undefined || obj.id === null) {
                return obj.urn;
            }
            return obj.id === "" || isUnknownInput(obj.id) ? unknown() : obj.id;
        }
        if (obj[SECRET_SIG.key] === SECRET_SIG.value) {
            return new SecretValue(convert(obj.value));
        }
        return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, convert(v)]));
    }
    return value;
}

/**
 * What a program run registered (resources the engine answered), its stack resource, and the URN
 * of the default AWS provider the engine adds for it.
 */
export function recordedStack(engine: MockEngine): {
    recorded: RecordedResource[];
    stack: RecordedResource;
    defaultProvider: string;
} {
    const recorded = engine.resources.filter((r) => r.urn !== "");
    const stack = recorded.find((r) => r.type === "pulumi:pulumi:Stack");
    if (stack === undefined) {
        throw new Error("the program registered no stack resource");
    }
    const prefix = stack.urn.slice(0, stack.urn.lastIndexOf("::pulumi:pulumi:Stack::"));
    return { recorded, stack, defaultProvider: `${prefix}::pulumi:providers:aws::default_7_48_0` };
}

/**
 * The resources of a previewed program, as the engine would send them to a policy pack at
 * `pulumi preview` and `pulumi up`: the registrations only. Run by the real CLI (v3.248.0), the
 * engine sends a pack no read (no `pulumi:pulumi:StackReference`, no `.get()`), neither to
 * `Analyze` nor to `AnalyzeStack`, and a property that came from a read has no dependency on it
 * (tests/engine: a pack that records what it is sent). `pulumi policy analyze`, which replays the
 * state, does see reads: `stateExport.ts` keeps them.
 */
export function stackFromMockEngine(engine: MockEngine): StackResource[] {
    const { recorded: all, stack, defaultProvider } = recordedStack(engine);
    const reads = new Set(all.filter((r) => r.read === true).map((r) => r.urn));
    const recorded = all.filter((r) => !reads.has(r.urn));
    const notRead = (urns: readonly string[]) => urns.filter((u) => !reads.has(u));
    const out: StackResource[] = [];
    for (const r of recorded) {
        const inputs = convert(r.inputs) as Record<string, unknown>;
        const providerUrn =
            r.provider !== "" && r.provider !== undefined
                ? r.provider.split("::").slice(0, -1).join("::")
                : r.custom && r.type.startsWith("aws:")
                  ? defaultProvider
                  : undefined;
        // A component (and the stack) has the outputs it registered, at preview too: the real
        // engine sends those as its properties. An aws resource has what the mock engine answered:
        // at preview the provider's plan (computed outputs unknown), after a deploy its outputs.
        const registered = r.custom ? undefined : engine.registeredOutputs.get(r.urn);
        const outputs =
            registered !== undefined
                ? (convert(registered) as Record<string, unknown>)
                : r.outputs !== undefined &&
                    (r.read === true || !engine.preview || (r.custom && r.type.startsWith("aws:")))
                  ? (convert(r.outputs) as Record<string, unknown>)
                  : r.custom
                    ? {
                          ...inputs,
                          ...Object.fromEntries(["arn", "id"].map((k) => [k, unknown()])),
                      }
                    : inputs;
        out.push({
            urn: r.urn,
            type: r.type,
            name: r.name,
            inputs,
            outputs: r.type.startsWith("pulumi:providers:") ? inputs : outputs,
            parent: r.parent === "" ? undefined : r.parent,
            provider: providerUrn,
            dependencies: notRead(r.dependencies),
            propertyDependencies: Object.fromEntries(
                Object.entries(r.propertyDependencies).map(([k, v]) => [k, notRead(v)]),
            ),
        });
        if (r === stack) {
            out.push({
                urn: defaultProvider,
                type: "pulumi:providers:aws",
                name: "default_7_48_0",
                inputs: { region: engine.account.region, skipCredentialsValidation: false },
                parent: stack.urn,
            });
        }
    }
    return out;
}

/** Whether a fixture value is unknown at preview. */
export function isUnknownFixture(v: unknown): boolean {
    return v instanceof UnknownValue;
}
