/**
 * Finding the log group one destination writes to (`facts.ts` says what counts as declared), the
 * same way for every service: the destination's `MatchStrategy` (declared by its reader,
 * `strategies.ts`) says what its known name is, how a group found by it was found, which region it
 * names itself and what an unknown name can be computed from. By its known name, by what its
 * property references, by what its unknown name is computed from; else among the groups other
 * stacks publish; else, when its name is unknown at preview, by ruling out the declared groups that
 * cannot be it.
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
import type { LogDestination } from "./types";
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
    const own = destination.strategy.ownRegion(destination);
    if (own !== undefined) {
        return own;
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

/** Finds the declared group of one destination, as its strategy says. */
export function match(
    groups: LogGroupIndex,
    writer: StackResource,
    destination: LogDestination,
    region: Region | Unknown | undefined,
): GroupMatch {
    const strategy = destination.strategy;
    const lookup = lookupOf(groups, writer, destination, region);
    const knownName = strategy.knownName(destination);
    if (knownName !== undefined) {
        return byKnownName(lookup, knownName);
    }
    const refusal = strategy.refusal(destination);
    if (refusal !== undefined) {
        return { kind: "unresolved", reason: refusal };
    }
    return byUnknownName(lookup);
}

function lookupOf(
    groups: LogGroupIndex,
    writer: StackResource,
    destination: LogDestination,
    region: Region | Unknown | undefined,
): Lookup {
    const deps = destination.dependencyProperties.flatMap(
        (p) => writer.propertyDependencies[p] ?? [],
    );
    return {
        groups,
        writer,
        destination,
        where: regionName(region),
        deps,
        // What the property references: a log group, or a component holding log groups.
        referenced: distinct(deps.flatMap((urn) => groups.at(urn))),
    };
}

function viaDependency(destination: LogDestination): string {
    return `the property dependency of ${destination.dependencyProperties.join(", ")}`;
}

/** A destination whose group's name is known: declared by that name, referenced, published, or undeclared. */
function byKnownName(l: Lookup, knownName: string): GroupMatch {
    const { groups, destination, where } = l;
    const sameName = groups.named(knownName);
    const here = sameName.filter((g) => sameRegion(g, where));
    const preferred = here.find((g) => l.referenced.includes(g)) ?? here[0];
    if (preferred !== undefined) {
        return {
            kind: "declared",
            group: preferred,
            via: destination.strategy.foundBy(destination),
        };
    }
    const unknownNamed = l.referenced.filter((g) => g.name === UNKNOWN && sameRegion(g, where));
    if (unknownNamed.length === 1) {
        return { kind: "declared", group: unknownNamed[0], via: viaDependency(destination) };
    }
    return publishedOrUndeclared(l, knownName, sameName);
}

function publishedOrUndeclared(
    l: Lookup,
    knownName: string,
    sameName: readonly DeclaredLogGroup[],
): GroupMatch {
    const published = l.groups.published.find(knownName, l.where);
    if (published !== undefined) {
        return { kind: "published", published, resource: l.groups.publishedResource(published) };
    }
    const elsewhere = sameName.map((g) => regionName(g.region)).filter((r) => r !== undefined);
    return {
        kind: "undeclared",
        name: knownName,
        region: l.where,
        elsewhere: [...new Set(elsewhere)] as string[],
    };
}

/** The group's name or ARN is unknown at preview: follow what it comes from. */
function byUnknownName(l: Lookup): GroupMatch {
    const referenced = byReference(l);
    if (referenced !== undefined) {
        return referenced;
    }
    const { destination, deps } = l;
    const computedAlike = namedFromTheSameSources(l);
    if (computedAlike.length === 1) {
        const source = deps.map((urn) => l.groups.resource(urn)).find((r) => r !== undefined);
        return {
            kind: "declared",
            group: computedAlike[0],
            via: `its name, computed from the same ${source === undefined ? "resource" : `${source.type} "${source.name}"`}`,
        };
    }
    const decidable =
        destination.serviceCreatesGroup && (destination.strategy.serviceDefault || deps.length > 0);
    if (decidable) {
        return ruledOut(l, computedAlike);
    }
    return { kind: "unresolved", reason: unresolvedReason(l, computedAlike) };
}

/** The one declared group in the destination's region its properties reference, if any. */
function byReference(l: Lookup): GroupMatch | undefined {
    const direct = l.referenced.filter((g) => sameRegion(g, l.where));
    if (direct.length === 1) {
        return { kind: "declared", group: direct[0], via: viaDependency(l.destination) };
    }
    if (direct.length > 1) {
        return {
            kind: "unresolved",
            reason: `${l.destination.dependencyProperties.join(", ")} is unknown at preview and depends on several log groups (${names(direct)})`,
        };
    }
    return undefined;
}

/** Declared groups whose own unknown name is computed from what the strategy says this one's may be. */
function namedFromTheSameSources(l: Lookup): DeclaredLogGroup[] {
    const sources = l.destination.strategy.nameSources(l.writer.urn, l.deps);
    return distinct(sources.flatMap((urn) => l.groups.unknownNamedFrom(urn))).filter((g) =>
        sameRegion(g, l.where),
    );
}

function unresolvedReason(l: Lookup, computedAlike: readonly DeclaredLogGroup[]): string {
    const { destination, deps } = l;
    const properties = destination.dependencyProperties.join(", ");
    if (computedAlike.length > 1) {
        return `the group's name is unknown at preview, and several log groups are named from the same resource (${names(computedAlike)})`;
    }
    if (deps.length === 0) {
        return `${properties} ${destination.strategy.serviceDefault ? "(which the group's name is built from) " : ""}is unknown at preview and depends on no resource of this stack`;
    }
    return `${properties} is unknown at preview and comes from ${describeSources(l.groups, deps)}, which leads to no log group in this stack`;
}

function describeSources(groups: LogGroupIndex, urns: readonly string[]): string {
    return [...new Set(urns)]
        .map((urn) => {
            const r = groups.resource(urn);
            return r === undefined ? urn : `${r.type} "${r.name}"`;
        })
        .join(", ");
}

/** Whether a declared group can have the destination's unknown name (see the file's comment). */
function canBeIt(g: DeclaredLogGroup, l: Lookup): boolean {
    if (!sameRegion(g, l.where)) {
        return false;
    }
    const pattern = l.destination.namePattern;
    if (typeof g.name === "string") {
        return (
            pattern === undefined ||
            (g.name.startsWith(pattern.prefix) && g.name.endsWith(pattern.suffix))
        );
    }
    // An unknown name derived from nothing the engine reports may be anything.
    return g.name === UNKNOWN && g.nameSources.length === 0;
}

/**
 * A group the service creates itself, whose name is unknown at preview: the declared groups that
 * can still be it (see the file's comment); refused when none can or none of them has a key.
 */
function ruledOut(l: Lookup, computedAlike: readonly DeclaredLogGroup[]): GroupMatch {
    const { groups, destination } = l;
    const candidates = distinct([...computedAlike, ...groups.all().filter((g) => canBeIt(g, l))]);
    if (candidates.length === 0) {
        const pattern = destination.namePattern;
        const from =
            l.deps.length > 0
                ? `comes from ${describeSources(groups, l.deps)}, created in this deployment`
                : "is the name of a resource created in this deployment";
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
