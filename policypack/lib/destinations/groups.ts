/**
 * The stack's log groups as the log-destination rule looks them up (by name, by URN, by parent, by
 * what an unknown name is computed from), how a destination's group was found, and each group's
 * key judgement, computed once.
 */
import { TargetFacts, targetFacts } from "../facts/facts";
import { KEY_RULES } from "../rules";
import { Finding, RuleOptions } from "../rules/rule";
import { Region, StackConfiguration, resolveRegion } from "../stack/location";
import {
    PublishedLogGroup,
    PublishedLogGroups,
    publishedGroupResource,
} from "../stack/publishedLogGroups";
import { StackIndex, StackResource } from "../stack/stackIndex";
import { TARGET_TYPES } from "../stack/targets";
import { UNKNOWN, Unknown, readString } from "../stack/wire";

/** A log group resource of the stack, with its name and region read once. */
export interface DeclaredLogGroup {
    readonly resource: StackResource;
    readonly name: string | Unknown | undefined;
    readonly region: Region | Unknown | undefined;
    /** When the name is unknown at preview: the resources it is computed from (its property dependencies). */
    readonly nameSources: readonly string[];
}

/** How a destination's group was found in the stack, or why not. */
export type GroupMatch =
    /** A log group of the stack; `via` says how, for messages. */
    | { readonly kind: "declared"; readonly group: DeclaredLogGroup; readonly via: string }
    /** The group's name and region are known and no log group of the stack has them. */
    | {
          readonly kind: "undeclared";
          readonly name: string;
          readonly region: string | undefined;
          /** Regions where a group of that name is declared instead (a region mismatch). */
          readonly elsewhere: readonly string[];
      }
    /** A group another stack publishes (`PublishedLogGroup`, stack outputs), judged as if declared. */
    | {
          readonly kind: "published";
          readonly published: PublishedLogGroup;
          /** The group as a log group resource the key rules judge. */
          readonly resource: StackResource;
      }
    /**
     * The name is unknown at preview, the service creates the group, and no declared group can be
     * it: the service creates it with no key.
     */
    | { readonly kind: "created"; readonly reason: string }
    /** The name is unknown at preview and every declared group that can be it has no kmsKeyId. */
    | { readonly kind: "unencrypted"; readonly reason: string }
    /** Nothing can be known yet. */
    | { readonly kind: "unresolved"; readonly reason: string };

/** A declared group's facts and the key rules' findings on it. */
export interface GroupJudgement {
    readonly facts: TargetFacts;
    readonly findings: readonly Finding[];
}

/** The stack's log groups, indexed by name, by URN, by parent and by what their unknown name comes from. */
export class LogGroupIndex {
    private readonly byName = new Map<string, DeclaredLogGroup[]>();
    private readonly byUrn = new Map<string, DeclaredLogGroup>();
    private readonly byParent = new Map<string, DeclaredLogGroup[]>();
    private readonly unknownNamedBySource = new Map<string, DeclaredLogGroup[]>();
    private readonly judgements = new Map<string, GroupJudgement>();
    private readonly groups: DeclaredLogGroup[] = [];
    private publishedGroups: PublishedLogGroups | undefined;

    /**
     * @param keyReports the key rules' reports on this stack's targets, when they were already
     *   computed (by `log-encryption-key-usable`): a group is then judged by its report, not again.
     */
    constructor(
        private readonly index: StackIndex,
        private readonly config: StackConfiguration,
        private readonly options: RuleOptions,
        keyReports?: readonly {
            readonly facts: TargetFacts;
            readonly findings: readonly Finding[];
        }[],
    ) {
        for (const report of keyReports ?? []) {
            this.judgements.set(report.facts.target.urn, report);
        }
        for (const target of index.targets) {
            const type = TARGET_TYPES[target.type];
            if (type.kind !== "log group") {
                continue;
            }
            const name = readString(target.props, type.nameProperty);
            const group: DeclaredLogGroup = {
                resource: target,
                name,
                region: resolveRegion(target.type, target.props, target.provider, config),
                nameSources:
                    name === UNKNOWN ? (target.propertyDependencies[type.nameProperty] ?? []) : [],
            };
            this.groups.push(group);
            this.byUrn.set(target.urn, group);
            push(this.byParent, target.parentUrn, group);
            if (typeof group.name === "string") {
                push(this.byName, group.name, group);
            }
            for (const source of group.nameSources) {
                push(this.unknownNamedBySource, source, group);
            }
        }
    }

    /** Log groups with this known name, in any region. */
    named(name: string): readonly DeclaredLogGroup[] {
        return this.byName.get(name) ?? [];
    }

    /** The log groups a URN leads to: the group itself, or the groups inside a component. */
    at(urn: string): readonly DeclaredLogGroup[] {
        const own = this.byUrn.get(urn);
        return own !== undefined ? [own] : (this.byParent.get(urn) ?? []);
    }

    /** Log groups whose name is unknown at preview and computed from this resource. */
    unknownNamedFrom(urn: string): readonly DeclaredLogGroup[] {
        return this.unknownNamedBySource.get(urn) ?? [];
    }

    /** Every log group of the stack. */
    all(): readonly DeclaredLogGroup[] {
        return this.groups;
    }

    /** The log groups other stacks publish (read once, when first asked). */
    get published(): PublishedLogGroups {
        this.publishedGroups ??= new PublishedLogGroups(this.index.resources);
        return this.publishedGroups;
    }

    /** A published group as a log group resource for the key rules. */
    publishedResource(group: PublishedLogGroup): StackResource {
        return publishedGroupResource(group);
    }

    /** A group's facts and the key rules' findings, computed once per group. */
    judge(group: { readonly resource: StackResource }): GroupJudgement {
        let judgement = this.judgements.get(group.resource.urn);
        if (judgement === undefined) {
            const facts = targetFacts(this.index, group.resource, this.config);
            judgement = {
                facts,
                findings: KEY_RULES.flatMap((rule) => rule.run(facts, this.options)),
            };
            this.judgements.set(group.resource.urn, judgement);
        }
        return judgement;
    }

    /** A resource of the stack by URN (for messages about what a value comes from). */
    resource(urn: string): StackResource | undefined {
        return this.index.get(urn);
    }
}

function push<K, V>(map: Map<K, V[]>, key: K | undefined, value: V): void {
    if (key === undefined) {
        return;
    }
    const list = map.get(key);
    if (list === undefined) {
        map.set(key, [value]);
    } else {
        list.push(value);
    }
}
