/**
 * The state a program run under the recording mock engine (as `pulumi up`, `preview: false`)
 * would leave, written as `pulumi stack export` writes it: what `pulumi policy analyze --file`
 * reads, and what tests/fixtures/state/ holds. Every resource with the inputs it was registered
 * with, the outputs the engine answered (a read's properties, a component's registered outputs),
 * its parent, provider reference (`<urn>::<id>`), dependencies and property dependencies, plus the
 * default AWS provider the engine adds.
 */
import { recordedStack } from "../testing/fromMockEngine";
import { MockEngine, uuidFrom } from "../testing/mockEngine";
import { StackExport, StateResource } from "./stateReplay";

/** Plain JSON of a recorded value (inputs are deserialized runtime values). */
function json(value: unknown): Record<string, unknown> {
    return JSON.parse(JSON.stringify(value ?? {})) as Record<string, unknown>;
}

/** The state `engine`'s run would leave (run it with `preview: false`: every output known). */
export function stackExportFromMockEngine(engine: MockEngine): StackExport {
    if (engine.preview) {
        throw new Error("a preview leaves no state: run the program with preview: false");
    }
    const { recorded, stack, defaultProvider } = recordedStack(engine);
    const defaultProviderRef = `${defaultProvider}::${uuidFrom("default_7_48_0")}`;
    const resources: StateResource[] = [];
    for (const r of recorded) {
        // In wire form, as a state file keeps them: a read's answer, a custom resource's answer, a
        // component's registered outputs.
        const outputs = r.read
            ? r.outputs
            : r.custom
              ? r.answered?.outputs
              : engine.registeredOutputs.get(r.urn);
        resources.push({
            urn: r.urn,
            custom: r.custom,
            ...(r.custom ? { id: r.answered?.id ?? r.inputs.name ?? "" } : {}),
            type: r.type,
            inputs: json(r.inputs),
            outputs: json(outputs),
            ...(r.parent === "" ? {} : { parent: r.parent }),
            ...(r.provider !== ""
                ? { provider: r.provider }
                : r.custom && r.type.startsWith("aws:")
                  ? { provider: defaultProviderRef }
                  : {}),
            ...(r.protect === true ? { protect: true } : {}),
            dependencies: r.dependencies,
            propertyDependencies: r.propertyDependencies,
        });
        if (r === stack) {
            const inputs = { region: engine.account.region, skipCredentialsValidation: "false" };
            resources.push({
                urn: defaultProvider,
                custom: true,
                id: defaultProviderRef.slice(defaultProvider.length + 2),
                type: "pulumi:providers:aws",
                inputs,
                outputs: inputs,
                parent: stack.urn,
            });
        }
    }
    return {
        version: 3,
        deployment: {
            manifest: { time: "2026-12-01T00:00:00Z", magic: "", version: "v3.248.0" },
            resources,
        },
    };
}
