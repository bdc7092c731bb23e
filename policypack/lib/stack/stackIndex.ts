/**
 * The stack, indexed once per `AnalyzeStack` call: the lookups the facts of a target need (a
 * resource by URN, a key by ARN, key id or alias, the keys among some URNs, a trail's bucket).
 * It only looks things up; how a target's key is found is `keyResolution.ts`.
 *
 * Everything is read from the raw properties (see `wire.ts`), so unknown values never make
 * `@pulumi/policy` abort the policy. Building the index is one pass over the resources; resolving
 * a target's key is a few map lookups, so a stack of N resources costs O(N).
 */
import { targetViews } from "./centralization";
import { defaultedAtCreate } from "./createInputs";
import { parse as parseArn, validate as looksLikeArn } from "@aws-sdk/util-arn-parser";
import {
    ALIAS_TYPES,
    BUCKET_TYPES,
    KEY_POLICY_TYPES,
    KEY_TYPES,
    KeyType,
    TARGET_TYPES,
} from "./targets";
import type { StackResource, StackResourceLike } from "./resource";
import {
    PublishedKey,
    PublishedKeys,
    STACK_REFERENCE_TYPE,
    carriesKeyFacts,
    readPublishedKeys,
} from "./publishedKeys";
import { UNKNOWN, Unknown, readString } from "./wire";

export type { StackResource, StackResourceLike } from "./resource";

/** A key in the stack: the key resource and the stand-alone key policies that target it. */
export interface StackKey {
    readonly resource: StackResource;
    readonly type: KeyType;
    /**
     * The properties its inputs left to AWS at create (`createInputs.ts`): an unknown output of
     * these is AWS's default, not something to verify later.
     */
    readonly defaulted: ReadonlySet<string>;
    /** A KeyPolicy whose known `keyId` names this key: it replaces the key's own policy. */
    readonly keyPolicy?: StackResource;
    /**
     * KeyPolicies whose `keyId` is unknown at preview and depends on this key: they may target it
     * (or only use its ARN to compute another key's id), so the key's policy is uncertain.
     */
    readonly possibleKeyPolicies?: readonly StackResource[];
}

function toStackResource(r: StackResourceLike): StackResource {
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
    readonly resources: readonly StackResource[];
    readonly targets: readonly StackResource[] = [];
    private readonly byUrn = new Map<string, StackResource>();
    private readonly children = new Map<string, StackResource[]>();
    private readonly keys = new Map<string, StackKey>();
    private readonly keysByIdentifier = new Map<string, string>();
    private readonly keysByName = new Map<string, string[]>();
    private readonly aliasesByIdentifier = new Map<string, StackResource>();
    /** Each alias's target key reference (`targetKeyId`), read once. */
    private readonly aliasTargets = new Map<string, string | Unknown | undefined>();
    private readonly bucketsByName = new Map<string, StackResource>();
    /** What each StackReference publishes, read the first time a target depends on it. */
    private readonly published = new Map<string, PublishedKeys>();
    private publishedByArn: Map<string, PublishedKey> | undefined;

    constructor(resources: readonly StackResourceLike[]) {
        this.resources = resources.map(toStackResource);
        const keyPolicies: StackResource[] = [];
        const targets: StackResource[] = [];
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
                this.keys.set(r.urn, {
                    resource: r,
                    type: keyType,
                    defaulted: defaultedAtCreate(r.urn),
                });
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
                this.aliasTargets.set(r.urn, readString(r.props, ALIAS_TYPES[r.type].target));
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
                targets.push(...targetViews(r));
            }
        }
        (this.targets as StackResource[]).push(...targets);
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
    get(urn: string): StackResource | undefined {
        return this.byUrn.get(urn);
    }

    /** The key in the stack known by this ARN, key id or alias (name or ARN). */
    keyByIdentifier(value: string): { key: StackKey; alias?: StackResource } | undefined {
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

    private keyOfAlias(alias: StackResource): StackKey | undefined {
        const prop = ALIAS_TYPES[alias.type].target;
        const target = this.aliasTargets.get(alias.urn);
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
    singleKeyAmong(
        urns: readonly string[],
        throughComponents: boolean,
    ): { key?: StackKey; alias?: StackResource; ambiguous?: string[] } | undefined {
        const found = new Map<string, { key: StackKey; alias?: StackResource }>();
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

    /**
     * The StackReferences among `urns` (a key property's dependencies) and the key facts their
     * outputs publish, each StackReference read once per stack.
     */
    publishedAmong(urns: readonly string[]): readonly PublishedKeys[] {
        const found: PublishedKeys[] = [];
        for (const urn of new Set(urns)) {
            const r = this.byUrn.get(urn);
            if (r?.type !== STACK_REFERENCE_TYPE) {
                continue;
            }
            found.push(this.publishedBy(r));
        }
        return found;
    }

    /** What `r` publishes (a carrier of key facts), read once per stack. */
    private publishedBy(r: StackResource): PublishedKeys {
        let keys = this.published.get(r.urn);
        if (keys === undefined) {
            keys = readPublishedKeys(r);
            this.published.set(r.urn, keys);
        }
        return keys;
    }

    /**
     * The key facts for `arn` that any resource of the stack carries (a StackReference, the
     * stack's outputs, a PublishedKey component), whatever the key property depends on: at a real
     * preview the engine sends no StackReference and no dependency on one (see publishedKeys.ts).
     * The carriers are read once per stack, on the first call.
     */
    publishedAnywhere(arn: string): PublishedKey | undefined {
        if (this.publishedByArn === undefined) {
            this.publishedByArn = new Map();
            for (const r of this.byUrn.values()) {
                if (!carriesKeyFacts(r.type)) {
                    continue;
                }
                for (const [a, k] of this.publishedBy(r).byArn) {
                    if (!this.publishedByArn.has(a)) {
                        this.publishedByArn.set(a, k);
                    }
                }
            }
        }
        return this.publishedByArn.get(arn);
    }

    /** The keys whose Pulumi name is `name`, by URN. */
    keysNamed(name: string): readonly string[] {
        return this.keysByName.get(name) ?? [];
    }

    /** The stack key with this URN (with the KeyPolicy that targets it, if any). */
    key(urn: string): StackKey | undefined {
        return this.keys.get(urn);
    }

    /**
     * The S3 bucket in the stack that a trail writes to: by its known name (`name`, the value of
     * `property`), else by the property dependencies of `property`.
     */
    bucketOf(
        target: StackResource,
        property: string,
        name: string | Unknown | undefined,
    ): StackResource | undefined {
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
}
