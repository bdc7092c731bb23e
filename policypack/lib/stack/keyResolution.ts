/**
 * How a log group's, detector's or trail's key is found in the stack: by its known key ARN (or key
 * id or alias), else through the property dependencies of its key property (a key of the stack,
 * or the key facts a StackReference it depends on publishes for that ARN), else through its
 * dependencies or a key named like it. The outcome says how, or why nothing could be found.
 */
import { MalformedKeyFacts, PublishedKey } from "./publishedKeys";
import { StackIndex, StackKey, StackResource } from "./stackIndex";
import { TargetType } from "./targets";
import { UNKNOWN, Unknown } from "./wire";

/** How a resource's key was found, or why it was not. */
export type KeyResolution =
    /** The key reference resolves to a key managed in this stack. */
    | {
          readonly kind: "stack-key";
          readonly key: StackKey;
          /** The reference as written: a known string, or UNKNOWN at preview. */
          readonly reference: string | Unknown;
          /** How: `its key ARN`, `the property dependency of kmsKeyId`, ... (for messages). */
          readonly via: string;
          /** The alias the reference went through, if any. */
          readonly alias?: StackResource;
      }
    /**
     * A known key ARN that a StackReference the key property depends on publishes facts for
     * (`publishedKeys.ts`): judged on those facts as if the key were in this stack.
     */
    | {
          readonly kind: "published-key";
          readonly published: PublishedKey;
          readonly reference: string;
      }
    /** A known reference to a key that is not in this stack. */
    | {
          readonly kind: "external";
          readonly reference: string;
          /**
           * When the key property depends on StackReferences: them, and the key facts among
           * their outputs that break the contract (the reason the key may have no facts).
           */
          readonly published?: {
              readonly stackReferences: readonly StackResource[];
              readonly malformed: readonly MalformedKeyFacts[];
          };
      }
    /** A key reference that is neither a string nor unknown (a number, an object...). */
    | { readonly kind: "invalid"; readonly value: unknown }
    /** Nothing can be known yet: the reference is unknown and leads to no key in the stack. */
    | { readonly kind: "unresolved"; readonly reason: string }
    /** The resource carries no key at all (the resource-level policy reports it). */
    | { readonly kind: "none" };

/**
 * A known reference whose key property depends on `deps`: the key facts a StackReference among
 * them publishes for that ARN, else an external key (with the StackReferences and their malformed
 * facts, if any, for the message).
 */
function publishedOrExternal(
    index: StackIndex,
    deps: readonly string[],
    reference: string,
): KeyResolution {
    const published = index.publishedAmong(deps);
    for (const keys of published) {
        const found = keys.byArn.get(reference);
        if (found !== undefined) {
            return { kind: "published-key", published: found, reference };
        }
    }
    const anywhere = index.publishedAnywhere(reference);
    if (anywhere !== undefined) {
        return { kind: "published-key", published: anywhere, reference };
    }
    if (published.length === 0) {
        return { kind: "external", reference };
    }
    return {
        kind: "external",
        reference,
        published: {
            stackReferences: published.map((p) => p.stackReference),
            // Facts for another ARN say nothing of this key; facts without a readable ARN may be its.
            malformed: published.flatMap((p) =>
                p.malformed.filter((m) => m.arn === undefined || m.arn === reference),
            ),
        },
    };
}

/**
 * Finds the key of a log group, detector or trail: by its known key ARN (or key id or alias)
 * among the stack's keys; else through the property dependencies of its key property; else,
 * only when those say nothing, through its dependencies, then a key named like it
 * (`<name>-key` or `<name>`). `raw` is the key property's value as read from the target's
 * properties. Outcome: a stack key, an external key ARN, or unresolved.
 */
export function resolveKey(
    index: StackIndex,
    target: StackResource,
    type: TargetType,
    raw: unknown,
): KeyResolution {
    const prop = type.keyProperty;
    if (raw === undefined || raw === "") {
        return { kind: "none" };
    }
    if (raw !== UNKNOWN && typeof raw !== "string") {
        return { kind: "invalid", value: raw };
    }
    const reference: string | Unknown = raw;
    if (typeof raw === "string") {
        // An alias ARN written out also names the alias in the stack whose own ARN is not known yet.
        const aliasName = /^arn:[^:]+:kms:[^:]+:\d{12}:(alias\/.+)$/.exec(raw)?.[1];
        const found =
            index.keyByIdentifier(raw) ??
            (aliasName === undefined ? undefined : index.keyByIdentifier(aliasName));
        if (found !== undefined) {
            return {
                kind: "stack-key",
                key: found.key,
                reference,
                via: found.alias === undefined ? `its ${prop}` : `its ${prop} (an alias)`,
                alias: found.alias,
            };
        }
    }
    const deps = target.propertyDependencies[prop] ?? [];
    if (deps.length > 0) {
        return throughPropertyDependencies(index, deps, prop, reference);
    }
    if (typeof raw === "string") {
        return publishedOrExternal(index, [], raw);
    }
    const fromDeps = index.singleKeyAmong(target.dependencies, true);
    if (fromDeps?.key !== undefined) {
        return {
            kind: "stack-key",
            key: fromDeps.key,
            reference,
            via: "its dependencies",
            alias: fromDeps.alias,
        };
    }
    const named = [...index.keysNamed(`${target.name}-key`), ...index.keysNamed(target.name)];
    if (named.length === 1 && fromDeps?.ambiguous === undefined) {
        return {
            kind: "stack-key",
            key: index.key(named[0])!,
            reference,
            via: `its name (the key "${index.key(named[0])!.resource.name}")`,
        };
    }
    return {
        kind: "unresolved",
        reason:
            fromDeps?.ambiguous !== undefined
                ? `${prop} is unknown at preview and the resource depends on several keys (${fromDeps.ambiguous.join(", ")})`
                : `${prop} is unknown at preview and no property dependency, dependency or name leads to a KMS key in this stack`,
    };
}

/** The key a target's key property depends on, when that property has dependencies. */
function throughPropertyDependencies(
    index: StackIndex,
    deps: readonly string[],
    prop: string,
    reference: string | Unknown,
): KeyResolution {
    const among = index.singleKeyAmong(deps, true);
    if (among?.key !== undefined) {
        return {
            kind: "stack-key",
            key: among.key,
            reference,
            via: `the property dependency of ${prop}`,
            alias: among.alias,
        };
    }
    if (typeof reference === "string") {
        return publishedOrExternal(index, deps, reference);
    }
    if (among?.ambiguous !== undefined) {
        return {
            kind: "unresolved",
            reason: `${prop} depends on several keys (${among.ambiguous.join(", ")})`,
        };
    }
    const sources = deps.map((urn) => {
        const r = index.get(urn);
        return r === undefined ? urn : `${r.type} "${r.name}"`;
    });
    return {
        kind: "unresolved",
        reason: `${prop} is unknown at preview and comes from ${sources.join(", ")}, which is not a KMS key in this stack`,
    };
}
