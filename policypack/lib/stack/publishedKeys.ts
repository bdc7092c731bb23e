/**
 * Keys published by another stack: the key facts (the contract of
 * `aws/keyFactsContract.ts`) found among the outputs of a `StackReference`.
 *
 * A `StackReference` is a read of a `pulumi:pulumi:StackReference` resource, whose outputs are
 * known at preview. The engine's builtin provider answers that read with three properties
 * (pulumi/pulumi `pkg/resource/deploy/builtins.go`, `readStackReference`):
 *
 *     return property.NewMap(map[string]property.Value{
 *         "name":              name,
 *         "outputs":           property.New(outputs),
 *         "secretOutputNames": property.New(secretOutputs),
 *     }), nil
 *
 * `outputs` holds the referenced stack's outputs as they are, secrets included (an output whose
 * value `HasSecrets()` is listed in `secretOutputNames`); `@pulumi/policy` hands `Analyze` and
 * `AnalyzeStack` those secrets already unwrapped, `Remediate` wrapped in its `Secret` class, and
 * {@link unwrapSecrets} reads both. Facts may sit at any depth: an output of their own
 * (`export const logsKey = key.facts;`), in a map (`export const keys = { logs: ..., trail: ... }`)
 * or in an array.
 *
 * But the engine hands a policy pack no read at `pulumi preview` or `pulumi up`: run by the real
 * CLI (v3.248.0), `AnalyzeStack` gets the registered resources only (no
 * `pulumi:pulumi:StackReference`, no `.get()` read), and a property that came from a read has no
 * property dependency on it. Only `pulumi policy analyze`, which replays the state, sees the
 * StackReference. So facts are also read where a deployment carries them to the pack: the outputs
 * of a {@link PUBLISHED_KEY_TYPE} component (which reads them through its own StackReference) and
 * the stack's own outputs (`export const platformKeys = ref.getOutput("keys")`). Facts are
 * self-describing (their `kind`), so where they sit says nothing of their truth; they are as
 * trustworthy as the stack that published them was, as through a StackReference.
 */
import { PublishedKeyFacts, checkKeyFacts, claimsKeyFacts } from "../../../aws/keyFactsContract";
import type { StackResource } from "./resource";
import { readProperty, readString, unwrapSecrets } from "./wire";

/** The resource type of a `StackReference` (`new pulumi.StackReference(...)`). */
export const STACK_REFERENCE_TYPE = "pulumi:pulumi:StackReference";

/** The type of the root stack resource, whose properties are the stack's outputs. */
export const ROOT_STACK_TYPE = "pulumi:pulumi:Stack";

/** The component that reads another stack's published key (`new PublishedKey(...)`); its `facts` output. */
export const PUBLISHED_KEY_TYPE = "encrypted-logs:index:PublishedKey";

/**
 * The component that reads another stack's published log group (`new PublishedLogGroup(...)`); its
 * `facts` output holds the group's facts and, nested, its key's (found here like any key facts).
 */
export const PUBLISHED_LOG_GROUP_TYPE = "encrypted-logs:index:PublishedLogGroup";

/** The resources whose properties may carry another stack's key facts, and where they sit. */
export const CARRIERS: Readonly<
    Record<string, { readonly property?: string; readonly path: string }>
> = {
    [STACK_REFERENCE_TYPE]: { property: "outputs", path: "outputs" },
    [ROOT_STACK_TYPE]: { path: "outputs" },
    [PUBLISHED_KEY_TYPE]: { property: "facts", path: "facts" },
    [PUBLISHED_LOG_GROUP_TYPE]: { property: "facts", path: "facts" },
};

/** Whether a resource of this type may carry published key facts. */
export function carriesKeyFacts(type: string): boolean {
    return CARRIERS[type] !== undefined;
}

/** Key facts a StackReference's outputs hold, valid under the contract. */
export interface PublishedKey {
    readonly facts: PublishedKeyFacts;
    /** Where in the StackReference they are, e.g. `outputs.logsKey` or `outputs.keys["eu-west-1"]`. */
    readonly path: string;
    /** The StackReference resource. */
    readonly stackReference: StackResource;
}

/** An object among the outputs that claims to be key facts but breaks the contract. */
export interface MalformedKeyFacts {
    readonly path: string;
    readonly stackReference: StackResource;
    /** Its `arn`, if it has a string one. */
    readonly arn?: string;
    readonly problems: readonly string[];
}

/** Everything one StackReference publishes about keys. */
export interface PublishedKeys {
    /** The StackReference resource. */
    readonly stackReference: StackResource;
    /** Valid facts by key ARN (the first place an ARN is found wins). */
    readonly byArn: ReadonlyMap<string, PublishedKey>;
    readonly malformed: readonly MalformedKeyFacts[];
}

/**
 * How messages name where facts were found: `StackReference "platform" (stack acme/platform/prod)`,
 * `this stack's outputs`, `PublishedKey "platform-logs"`.
 */
export function describeStackReference(ref: StackResource): string {
    if (ref.type === ROOT_STACK_TYPE) {
        return "this stack's outputs";
    }
    if (ref.type === PUBLISHED_KEY_TYPE || ref.type === PUBLISHED_LOG_GROUP_TYPE) {
        const stack = readString(ref.props, "stackName");
        const component = ref.type === PUBLISHED_KEY_TYPE ? "PublishedKey" : "PublishedLogGroup";
        return `${component} "${ref.name}"${typeof stack === "string" ? ` (stack ${stack})` : ""}`;
    }
    const stack = readString(ref.props, "name");
    return `StackReference "${ref.name}"${typeof stack === "string" && stack !== ref.name ? ` (stack ${stack})` : ""}`;
}

/** `outputs.logsKey`, `outputs.keys["eu-west-1"]`, `outputs.list[0]`. */
export function childPath(path: string, key: string | number): string {
    if (typeof key === "number") {
        return `${path}[${key}]`;
    }
    return /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

/**
 * Reads the key facts a resource carries: among the `outputs` of a StackReference, the outputs of
 * the root stack, the `facts` of a PublishedKey. Never throws.
 */
export function readPublishedKeys(ref: StackResource): PublishedKeys {
    const byArn = new Map<string, PublishedKey>();
    const malformed: MalformedKeyFacts[] = [];
    const visit = (value: unknown, path: string, depth: number): void => {
        if (depth > 32 || value === null || typeof value !== "object") {
            return;
        }
        if (claimsKeyFacts(value)) {
            const checked = checkKeyFacts(value);
            if ("facts" in checked) {
                if (!byArn.has(checked.facts.arn)) {
                    byArn.set(checked.facts.arn, {
                        facts: checked.facts,
                        path,
                        stackReference: ref,
                    });
                }
            } else {
                malformed.push({
                    path,
                    stackReference: ref,
                    arn: typeof value.arn === "string" ? value.arn : undefined,
                    problems: checked.problems,
                });
            }
            return;
        }
        if (Array.isArray(value)) {
            value.forEach((v, i) => visit(v, childPath(path, i), depth + 1));
            return;
        }
        for (const [k, v] of Object.entries(value)) {
            visit(v, childPath(path, k), depth + 1);
        }
    };
    const carrier = CARRIERS[ref.type] ?? CARRIERS[STACK_REFERENCE_TYPE];
    const root =
        carrier.property === undefined ? ref.props : readProperty(ref.props, carrier.property);
    visit(unwrapSecrets(root), carrier.path, 0);
    return { stackReference: ref, byArn, malformed };
}
