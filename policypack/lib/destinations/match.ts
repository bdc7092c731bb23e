/**
 * Finding the log group one destination writes to (`destinationFacts.ts` says what counts as
 * declared): by its known name, by what its property references, by what its unknown name is
 * computed from; else among the groups other stacks publish; else, when its name is unknown at
 * preview, by ruling out the declared groups that cannot be it.
 *
 * Ruling out. A group the service creates itself (a Lambda function's `/aws/lambda/<name>`) whose
 * name is unknown at preview because it derives from resources of this stack is new with them. A
 * declared group can be it only if its name may take that value: a known name fitting the
 * destination's pattern, or an unknown name derived from the writer or from what the writer's
 * group property depends on, or from nothing the engine reports (a read). Every other declared
 * group's name derives from other resources: none can be it, and the service creates its group
 * with no key. When every group that can be it has no `kmsKeyId`, the logs are unencrypted either
 * way. Only when one with a key might be it is the answer deferred.
 */
import type { DeclaredLogGroup, GroupMatch, LogGroupIndex } from "./groups";
import { LogDestination } from "./services";
import { Region } from "../stack/location";
import { StackResource } from "../stack/stackIndex";
import { UNKNOWN, Unknown } from "../stack/wire";

export function regionName(region: Region | Unknown | undefined): string | undefined {
    return region === UNKNOWN || region === undefined ? undefined : region.region;
}

/** Whether a group can be in `region` (unknown on either side: it may be). */
function sameRegion(group: DeclaredLogGroup, region: string | undefined): boolean {
    const own = regionName(group.region);
    return own === undefined || region === undefined || own === region;
}

export function distinct(groups: readonly DeclaredLogGroup[]): DeclaredLogGroup[] {
    return [...new Map(groups.map((g) => [g.resource.urn, g])).values()];
}

function names(groups: readonly DeclaredLogGroup[]): string {
    return groups
        .map((g) => `"${g.resource.name}"`)
        .sort()
        .join(", ");
}

/** The destination's region: the one it names itself (an ARN's, `awslogs-region`), else the writer's. */
export function destinationRegion(
    destination: LogDestination,
    writerRegion: Region | Unknown | undefined,
): Region | Unknown | undefined {
    if (destination.group.by === "arn" && destination.group.parsed !== undefined) {
        return { region: destination.group.parsed.region, source: "its ARN" };
    }
    if (destination.region === UNKNOWN) {
        return UNKNOWN;
    }
    if (typeof destination.region === "string" && destination.region !== "") {
        return { region: destination.region, source: "awslogs-region" };
    }
    return writerRegion;
}

/** What one match works from. */
interface Lookup {
    readonly groups: LogGroupIndex;
    readonly writer: StackResource;
    readonly destination: LogDestination;
    readonly where: string | undefined;
    /** The resources the destination's properties depend on. */
    readonly deps: readonly string[];
    /** The declared groups those lead to. */
    readonly referenced: readonly DeclaredLogGroup[];
}

function notLogGroupArn(destination: LogDestination, arn: string): GroupMatch {
    return {
        kind: "unresolved",
        reason: `${destination.property} is ${JSON.stringify(arn)}, which is not a log group ARN`,
    };
}

/** A destination whose group's name is known. */
function byKnownName(l: Lookup, knownName: string): GroupMatch {
    const { groups, destination, where } = l;
    const group = destination.group;
    const sameName = groups.named(knownName);
    const here = sameName.filter((g) => sameRegion(g, where));
    const preferred = here.find((g) => l.referenced.includes(g)) ?? here[0];
    if (preferred !== undefined) {
        return {
            kind: "declared",
            group: preferred,
            via: group.by === "arn" ? `the ARN in ${destination.property}` : "its name",
        };
    }
    const unknownNamed = l.referenced.filter((g) => g.name === UNKNOWN && sameRegion(g, where));
    if (unknownNamed.length === 1) {
        return {
            kind: "declared",
            group: unknownNamed[0],
            via: `the property dependency of ${destination.dependencyProperties.join(", ")}`,
        };
    }
    if (group.by === "arn" && group.parsed === undefined) {
        return notLogGroupArn(destination, String(group.arn));
    }
    const published = groups.published.find(knownName, where);
    if (published !== undefined) {
        return { kind: "published", published, resource: groups.publishedResource(published) };
    }
    return {
        kind: "undeclared",
        name: knownName,
        region: where,
        elsewhere: [
            ...new Set(sameName.map((g) => regionName(g.region)).filter((r) => r !== undefined)),
        ] as string[],
    };
}

/** Finds the declared group of one destination. */
export function match(
    groups: LogGroupIndex,
    writer: StackResource,
    destination: LogDestination,
    region: Region | Unknown | undefined,
): GroupMatch {
    const group = destination.group;
    const knownName =
        group.by === "name"
            ? group.name === UNKNOWN
                ? undefined
                : group.name
            : group.parsed?.name;
    const deps = destination.dependencyProperties.flatMap(
        (p) => writer.propertyDependencies[p] ?? [],
    );
    const lookup: Lookup = {
        groups,
        writer,
        destination,
        where: regionName(region),
        deps,
        // What the property references: a log group, or a component holding log groups.
        referenced: distinct(deps.flatMap((urn) => groups.at(urn))),
    };
    if (knownName !== undefined) {
        return byKnownName(lookup, knownName);
    }
    if (group.by === "arn" && typeof group.arn === "string") {
        return notLogGroupArn(destination, group.arn);
    }
    return byUnknownName(lookup);
}

/** The group's name or ARN is unknown at preview: follow what it comes from. */
function byUnknownName(l: Lookup): GroupMatch {
    const { groups, destination, where, deps } = l;
    const properties = destination.dependencyProperties.join(", ");
    const direct = l.referenced.filter((g) => sameRegion(g, where));
    if (direct.length === 1) {
        return {
            kind: "declared",
            group: direct[0],
            via: `the property dependency of ${properties}`,
        };
    }
    if (direct.length > 1) {
        return {
            kind: "unresolved",
            reason: `${properties} is unknown at preview and depends on several log groups (${names(direct)})`,
        };
    }
    const sources = [...new Set([...deps, l.writer.urn])];
    const computedAlike = distinct(sources.flatMap((urn) => groups.unknownNamedFrom(urn))).filter(
        (g) => sameRegion(g, where),
    );
    if (computedAlike.length === 1) {
        const source = deps.map((urn) => groups.resource(urn)).find((r) => r !== undefined);
        return {
            kind: "declared",
            group: computedAlike[0],
            via: `its name, computed from the same ${source === undefined ? "resource" : `${source.type} "${source.name}"`}`,
        };
    }
    const decidable =
        destination.serviceCreatesGroup && (destination.serviceDefault || deps.length > 0);
    if (decidable) {
        return ruledOut(l, computedAlike);
    }
    if (computedAlike.length > 1) {
        return {
            kind: "unresolved",
            reason: `the group's name is unknown at preview, and several log groups are named from the same resource (${names(computedAlike)})`,
        };
    }
    if (deps.length === 0) {
        return {
            kind: "unresolved",
            reason: `${properties} ${destination.serviceDefault ? "(which the group's name is built from) " : ""}is unknown at preview and depends on no resource of this stack`,
        };
    }
    return {
        kind: "unresolved",
        reason: `${properties} is unknown at preview and comes from ${describeSources(groups, deps)}, which leads to no log group in this stack`,
    };
}

function describeSources(groups: LogGroupIndex, urns: readonly string[]): string {
    return [...new Set(urns)]
        .map((urn) => {
            const r = groups.resource(urn);
            return r === undefined ? urn : `${r.type} "${r.name}"`;
        })
        .join(", ");
}

/**
 * A group the service creates itself, whose name is unknown at preview: the declared groups that
 * can still be it (see the file's comment); refused when none can or none of them has a key.
 */
function ruledOut(l: Lookup, computedAlike: readonly DeclaredLogGroup[]): GroupMatch {
    const { groups, destination, where } = l;
    const pattern = destination.namePattern;
    const candidates = distinct([
        ...computedAlike,
        ...groups.all().filter((g) => {
            if (!sameRegion(g, where)) {
                return false;
            }
            if (typeof g.name === "string") {
                return (
                    pattern === undefined ||
                    (g.name.startsWith(pattern.prefix) && g.name.endsWith(pattern.suffix))
                );
            }
            // An unknown name derived from nothing the engine reports may be anything.
            return g.name === UNKNOWN && g.nameSources.length === 0;
        }),
    ]);
    const from =
        l.deps.length > 0
            ? `comes from ${describeSources(groups, l.deps)}, created in this deployment`
            : "is the name of a resource created in this deployment";
    if (candidates.length === 0) {
        return {
            kind: "created",
            reason:
                `the group's name is unknown at preview, but it ${from}, and no log group this stack declares can have it ` +
                `(every log group whose name is unknown derives from other resources${pattern === undefined ? "" : `, and none with a known name fits ${pattern.prefix}…${pattern.suffix}`})`,
        };
    }
    const withKey = candidates.filter((g) => groups.judge(g).facts.resolution.kind !== "none");
    if (withKey.length === 0) {
        return {
            kind: "unencrypted",
            reason: `the group's name is unknown at preview; the only log groups this stack declares that can be it (${names(candidates)}) have no kmsKeyId`,
        };
    }
    return {
        kind: "unresolved",
        reason: `the group's name is unknown at preview, and ${withKey.length === 1 ? "a log group" : "log groups"} this stack declares with a key may be it (${names(withKey)})`,
    };
}
