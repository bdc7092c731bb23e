/**
 * The stack, indexed once per `AnalyzeStack` call, and the resolution of a log group's, detector's
 * or trail's key inside it.
 *
 * Everything is read from the raw properties (see `wire.ts`), so unknown values never make
 * `@pulumi/policy` abort the policy. Building the index is one pass over the resources; resolving
 * a resource's key is a few map lookups, so a stack of N resources costs O(N).
 */
import { parse as parseArn, validate as looksLikeArn } from "@aws-sdk/util-arn-parser";
import {
    ALIAS_TYPES,
    BUCKET_TYPES,
    KEY_POLICY_TYPES,
    KEY_TYPES,
    KeyType,
    TARGET_TYPES,
    TargetType,
} from "./targets";
import { ProviderInfo } from "./location";
import { UNKNOWN, Unknown, readProperty, readString } from "./wire";

/** The shape of a resource in `StackValidationArgs.resources` that the pack relies on. */
export interface StackResourceLike {
    readonly type: string;
    readonly name: string;
    readonly urn: string;
    readonly props: unknown;
    readonly provider?: { readonly type: string; readonly name: string; readonly props: unknown };
    readonly parent?: { readonly urn: string };
    readonly dependencies?: readonly { readonly urn: string }[];
    readonly propertyDependencies?: Readonly<Record<string, readonly { readonly urn: string }[]>>;
}

/** A resource of the stack with what the pack needs, read once. */
export interface Indexed {
    readonly type: string;
    readonly name: string;
    readonly urn: string;
    readonly props: unknown;
    readonly provider?: ProviderInfo;
    readonly parentUrn?: string;
    readonly dependencies: readonly string[];
    readonly propertyDependencies: Readonly<Record<string, readonly string[]>>;
}

/** A key in the stack: the key resource and the stand-alone key policies that target it. */
export interface StackKey {
    readonly resource: Indexed;
    readonly type: KeyType;
    /** A KeyPolicy whose known `keyId` names this key: it replaces the key's own policy. */
    readonly keyPolicy?: Indexed;
    /**
     * KeyPolicies whose `keyId` is unknown at preview and depends on this key: they may target it
     * (or only use its ARN to compute another key's id), so the key's policy is uncertain.
     */
    readonly possibleKeyPolicies?: readonly Indexed[];
}

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
          readonly alias?: Indexed;
      }
    /** A known reference to a key that is not in this stack. */
    | { readonly kind: "external"; readonly reference: string }
    /** A key reference that is neither a string nor unknown (a number, an object...). */
    | { readonly kind: "invalid"; readonly value: unknown }
    /** Nothing can be known yet: the reference is unknown and leads to no key in the stack. */
    | { readonly kind: "unresolved"; readonly reason: string }
    /** The resource carries no key at all (the resource-level policy reports it). */
    | { readonly kind: "none" };

function toIndexed(r: StackResourceLike): Indexed {
    const propertyDependencies: Record<string, string[]> = {};
    for (const [key, deps] of Object.entries(r.propertyDependencies ?? {})) {
        propertyDependencies[key] = (deps ?? []).map((d) => d.urn);
    }
    return {
        type: r.type,
        name: r.name,
        urn: r.urn,
        props: r.props,
        provider:
            r.provider === undefined
                ? undefined
                : { type: r.provider.type, name: r.provider.name, props: r.provider.props },
        parentUrn: r.parent?.urn,
        dependencies: (r.dependencies ?? []).map((d) => d.urn),
        propertyDependencies,
    };
}

/** The key-id part of a KMS ARN or a bare key id, lower-cased, for matching. */
function keyIdentifiers(value: string): string[] {
    const ids = [value];
    if (looksLikeArn(value)) {
        try {
            const parts = parseArn(value);
            if (parts.service === "kms" && parts.resource.startsWith("key/")) {
                ids.push(parts.resource.slice("key/".length));
            }
        } catch {
            // not an ARN after all
        }
    }
    return ids;
}

/** The stack, indexed for the lookups key resolution needs. */
export class StackIndex {
    readonly resources: readonly Indexed[];
    readonly targets: readonly Indexed[] = [];
    private readonly byUrn = new Map<string, Indexed>();
    private readonly children = new Map<string, Indexed[]>();
    private readonly keys = new Map<string, StackKey>();
    private readonly keysByIdentifier = new Map<string, string>();
    private readonly keysByName = new Map<string, string[]>();
    private readonly aliasesByIdentifier = new Map<string, Indexed>();
    private readonly bucketsByName = new Map<string, Indexed>();

    constructor(resources: readonly StackResourceLike[]) {
        this.resources = resources.map(toIndexed);
        const keyPolicies: Indexed[] = [];
        const targets: Indexed[] = [];
        for (const r of this.resources) {
            this.byUrn.set(r.urn, r);
            if (r.parentUrn !== undefined) {
                const siblings = this.children.get(r.parentUrn);
                if (siblings === undefined) {
                    this.children.set(r.parentUrn, [r]);
                } else {
                    siblings.push(r);
                }
            }
            const keyType = KEY_TYPES[r.type];
            if (keyType !== undefined) {
                this.keys.set(r.urn, { resource: r, type: keyType });
                for (const prop of ["arn", "keyId", "id"]) {
                    const v = readString(r.props, prop);
                    if (typeof v === "string" && v !== "") {
                        for (const id of keyIdentifiers(v)) {
                            this.keysByIdentifier.set(id, r.urn);
                        }
                    }
                }
                const same = this.keysByName.get(r.name);
                if (same === undefined) {
                    this.keysByName.set(r.name, [r.urn]);
                } else {
                    same.push(r.urn);
                }
            } else if (ALIAS_TYPES[r.type] !== undefined) {
                for (const prop of [ALIAS_TYPES[r.type].name, "arn"]) {
                    const v = readString(r.props, prop);
                    if (typeof v === "string" && v !== "") {
                        this.aliasesByIdentifier.set(v, r);
                    }
                }
            } else if (KEY_POLICY_TYPES[r.type] !== undefined) {
                keyPolicies.push(r);
            } else if (BUCKET_TYPES[r.type] !== undefined) {
                const v = readString(r.props, BUCKET_TYPES[r.type].name);
                if (typeof v === "string" && v !== "") {
                    this.bucketsByName.set(v, r);
                }
            } else if (TARGET_TYPES[r.type] !== undefined) {
                targets.push(r);
            }
        }
        (this.targets as Indexed[]).push(...targets);
        for (const kp of keyPolicies) {
            const prop = KEY_POLICY_TYPES[kp.type].key;
            const value = readString(kp.props, prop);
            const known = typeof value === "string" ? this.keyByIdentifierOnly(value) : undefined;
            if (known !== undefined) {
                this.keys.set(known.resource.urn, { ...known, keyPolicy: kp });
            } else if (value === UNKNOWN) {
                const possible = this.singleKeyAmong(
                    kp.propertyDependencies[prop] ?? [],
                    false,
                )?.key;
                if (possible !== undefined) {
                    const current = this.keys.get(possible.resource.urn)!;
                    this.keys.set(possible.resource.urn, {
                        ...current,
                        possibleKeyPolicies: [...(current.possibleKeyPolicies ?? []), kp],
                    });
                }
            }
        }
    }

    /** The resource with this URN. */
    get(urn: string): Indexed | undefined {
        return this.byUrn.get(urn);
    }

    /** The key in the stack known by this ARN, key id or alias (name or ARN). */
    private keyByIdentifier(value: string): { key: StackKey; alias?: Indexed } | undefined {
        for (const id of keyIdentifiers(value)) {
            const urn = this.keysByIdentifier.get(id);
            if (urn !== undefined) {
                return { key: this.keys.get(urn)! };
            }
        }
        const alias = this.aliasesByIdentifier.get(value);
        if (alias !== undefined) {
            const key = this.keyOfAlias(alias);
            return key === undefined ? undefined : { key, alias };
        }
        return undefined;
    }

    private keyOfAlias(alias: Indexed): StackKey | undefined {
        const prop = ALIAS_TYPES[alias.type].target;
        const target = readString(alias.props, prop);
        if (typeof target === "string") {
            const viaValue = this.keyByIdentifierOnly(target);
            if (viaValue !== undefined) {
                return viaValue;
            }
        }
        return this.singleKeyAmong(alias.propertyDependencies[prop] ?? [], false)?.key;
    }

    private keyByIdentifierOnly(value: string): StackKey | undefined {
        for (const id of keyIdentifiers(value)) {
            const urn = this.keysByIdentifier.get(id);
            if (urn !== undefined) {
                return this.keys.get(urn);
            }
        }
        return undefined;
    }

    /**
     * The one key the URNs lead to: a key itself, an alias's key, or the keys inside a component.
     * `undefined` when none; `ambiguous` lists them when several.
     */
    private singleKeyAmong(
        urns: readonly string[],
        throughComponents: boolean,
    ): { key?: StackKey; alias?: Indexed; ambiguous?: string[] } | undefined {
        const found = new Map<string, { key: StackKey; alias?: Indexed }>();
        for (const urn of urns) {
            const r = this.byUrn.get(urn);
            if (r === undefined) {
                continue;
            }
            const key = this.keys.get(urn);
            if (key !== undefined) {
                found.set(urn, { key });
            } else if (ALIAS_TYPES[r.type] !== undefined) {
                const aliased = this.keyOfAlias(r);
                if (aliased !== undefined) {
                    found.set(aliased.resource.urn, { key: aliased, alias: r });
                }
            } else if (throughComponents) {
                for (const child of this.children.get(urn) ?? []) {
                    const childKey = this.keys.get(child.urn);
                    if (childKey !== undefined) {
                        found.set(child.urn, { key: childKey });
                    }
                }
            }
        }
        if (found.size === 0) {
            return undefined;
        }
        if (found.size > 1) {
            return { ambiguous: [...found.values()].map((f) => f.key.resource.name).sort() };
        }
        return [...found.values()][0];
    }

    /** The stack key with this URN (with the KeyPolicy that targets it, if any). */
    key(urn: string): StackKey | undefined {
        return this.keys.get(urn);
    }

    /** The S3 bucket in the stack that a trail writes to, by known name or property dependency. */
    bucketOf(target: Indexed, property: string): Indexed | undefined {
        const name = readString(target.props, property);
        if (typeof name === "string") {
            const byName = this.bucketsByName.get(name);
            if (byName !== undefined) {
                return byName;
            }
        }
        for (const urn of target.propertyDependencies[property] ?? []) {
            const r = this.byUrn.get(urn);
            if (r !== undefined && BUCKET_TYPES[r.type] !== undefined) {
                return r;
            }
        }
        return undefined;
    }

    /**
     * Finds the key of a log group, detector or trail: by its known key ARN (or key id or alias)
     * among the stack's keys; else through the property dependencies of its key property; else,
     * only when those say nothing, through its dependencies, then a key named like it
     * (`<name>-key` or `<name>`). Outcome: a stack key, an external key ARN, or unresolved.
     */
    resolveKey(target: Indexed, type: TargetType): KeyResolution {
        const prop = type.keyProperty;
        const raw = readProperty(target.props, prop);
        if (raw === undefined || raw === "") {
            return { kind: "none" };
        }
        if (raw !== UNKNOWN && typeof raw !== "string") {
            return { kind: "invalid", value: raw };
        }
        const reference: string | Unknown = raw;
        if (typeof raw === "string") {
            const found = this.keyByIdentifier(raw);
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
            const among = this.singleKeyAmong(deps, true);
            if (among?.key !== undefined) {
                return {
                    kind: "stack-key",
                    key: among.key,
                    reference,
                    via: `the property dependency of ${prop}`,
                    alias: among.alias,
                };
            }
            if (typeof raw === "string") {
                return { kind: "external", reference: raw };
            }
            if (among?.ambiguous !== undefined) {
                return {
                    kind: "unresolved",
                    reason: `${prop} depends on several keys (${among.ambiguous.join(", ")})`,
                };
            }
            const sources = deps.map((urn) => {
                const r = this.byUrn.get(urn);
                return r === undefined ? urn : `${r.type} "${r.name}"`;
            });
            return {
                kind: "unresolved",
                reason: `${prop} is unknown at preview and comes from ${sources.join(", ")}, which is not a KMS key in this stack`,
            };
        }
        if (typeof raw === "string") {
            return { kind: "external", reference: raw };
        }
        const fromDeps = this.singleKeyAmong(target.dependencies, true);
        if (fromDeps?.key !== undefined) {
            return {
                kind: "stack-key",
                key: fromDeps.key,
                reference,
                via: "its dependencies",
                alias: fromDeps.alias,
            };
        }
        const named = [
            ...(this.keysByName.get(`${target.name}-key`) ?? []),
            ...(this.keysByName.get(target.name) ?? []),
        ];
        if (named.length === 1 && fromDeps?.ambiguous === undefined) {
            return {
                kind: "stack-key",
                key: this.keys.get(named[0])!,
                reference,
                via: `its name (the key "${this.keys.get(named[0])!.resource.name}")`,
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
}
