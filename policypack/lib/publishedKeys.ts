/**
 * Keys published by another stack: the key facts (the contract of
 * `components/common/keyFactsContract.ts`) found among the outputs of a `StackReference`.
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
 */
import {
    PublishedKeyFacts,
    checkKeyFacts,
    claimsKeyFacts,
} from "../../components/common/keyFactsContract";
import type { StackResource } from "./stackIndex";
import { readProperty, readString, unwrapSecrets } from "./wire";

/** The resource type of a `StackReference` (`new pulumi.StackReference(...)`). */
export const STACK_REFERENCE_TYPE = "pulumi:pulumi:StackReference";

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

/** `StackReference "platform" (stack acme/platform/prod)`: how messages name a StackReference. */
export function describeStackReference(ref: StackResource): string {
    const stack = readString(ref.props, "name");
    return `StackReference "${ref.name}"${typeof stack === "string" && stack !== ref.name ? ` (stack ${stack})` : ""}`;
}

/** `outputs.logsKey`, `outputs.keys["eu-west-1"]`, `outputs.list[0]`. */
function childPath(path: string, key: string | number): string {
    if (typeof key === "number") {
        return `${path}[${key}]`;
    }
    return /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

/** Reads the key facts among the `outputs` of a StackReference resource. Never throws. */
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
    visit(unwrapSecrets(readProperty(ref.props, "outputs")), "outputs", 0);
    return { stackReference: ref, byArn, malformed };
}
