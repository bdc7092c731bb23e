/**
 * The facts of one resource that writes to CloudWatch Logs (a "writer": a Lambda function, an API
 * Gateway stage, an EKS cluster, ...): where its logs go (`destinations/`), and for each
 * destination the log group the stack declares for it, how it was found, and that group's own
 * facts and key-rule findings (`facts.ts`, `rules/`), computed once per group. Rules read only this.
 *
 * A destination's group is "declared by the stack" when a log group resource of the same region
 * has its name, or when the writer's property the group comes from depends on it (its ARN or name
 * referenced: `propertyDependencies`, a component's log group included). A name unknown at preview
 * is followed the same way, or through the resource it is computed from (a group whose own name is
 * unknown and computed from the same resource, such as `API-Gateway-Execution-Logs_${api.id}/prod`
 * for a MethodSettings of that API). A group the stack does not declare may be published by the
 * stack that owns it (`publishedLogGroups.ts`). How one destination is matched: `destinationMatch.ts`.
 */
import { DESTINATION_TYPES, DestinationType, LogDestination, LogDestinations } from "./services";
import { DeclaredLogGroup, GroupJudgement, GroupMatch, LogGroupIndex } from "./groups";
import { destinationRegion, distinct, match } from "./match";
import { describeTarget } from "../facts/facts";
import { Region, StackConfiguration, resolveRegion } from "../stack/location";
import { StackResource } from "../stack/stackIndex";
import { UNKNOWN, Unknown } from "../stack/wire";

/** One destination of a writer and its group. */
export interface DestinationFacts {
    readonly destination: LogDestination;
    /** The region the group must be in: the ARN's, `awslogs-region`, else the writer's. */
    readonly region: Region | Unknown | undefined;
    readonly match: GroupMatch;
    /** For a declared or published group: its facts and what the key rules found. */
    readonly judgement?: GroupJudgement;
}

/** Everything the log-destination rule judges about one writer. */
export interface WriterFacts {
    readonly writer: StackResource;
    readonly row: DestinationType;
    /** How messages name the writer: `Lambda function "orders" (aws:lambda/function:Function)`. */
    readonly subject: string;
    readonly region: Region | Unknown | undefined;
    readonly logs: LogDestinations;
    /** One per destination when {@link logs} is `writes`. */
    readonly destinations: readonly DestinationFacts[];
}

/** `Lambda function "orders" (aws:lambda/function:Function)`. */
export function describeWriter(writer: { readonly type: string; readonly name: string }): string {
    const row = DESTINATION_TYPES[writer.type];
    return `${row?.label ?? writer.type} "${writer.name}" (${writer.type})`;
}

/** The facts of one writer. Never throws. */
export function writerFacts(
    groups: LogGroupIndex,
    writer: StackResource,
    row: DestinationType,
    logs: LogDestinations,
    config: StackConfiguration,
): WriterFacts {
    const region = resolveRegion(writer.type, writer.props, writer.provider, config);
    const destinations =
        logs.kind === "writes"
            ? logs.destinations
            : logs.kind === "unknown"
              ? referencedDestinations(groups, writer, logs.property)
              : [];
    return {
        writer,
        row,
        subject: describeWriter(writer),
        region,
        logs,
        destinations: destinations.map((destination): DestinationFacts => {
            const where = destinationRegion(destination, region);
            const found = match(groups, writer, destination, where);
            return {
                destination,
                region: where,
                match: found,
                judgement:
                    found.kind === "declared"
                        ? groups.judge(found.group)
                        : found.kind === "published"
                          ? groups.judge(found)
                          : undefined,
            };
        }),
    };
}

/**
 * When whether or where a resource logs is unknown at preview (an ECS task definition's
 * `containerDefinitions`, a JSON string that is unknown as a whole when any part is), the log
 * groups the unknown property depends on are its destinations as far as can be known: one per
 * group, judged like any other. None: nothing to judge, and the rule says it cannot verify yet.
 */
function referencedDestinations(
    groups: LogGroupIndex,
    writer: StackResource,
    property: string,
): LogDestination[] {
    const top = property.split(/[.[]/)[0];
    const referenced = distinct(
        (writer.propertyDependencies[top] ?? []).flatMap((urn) => groups.at(urn)),
    );
    return referenced.map((g) => ({
        logs: "logs",
        group: { by: "name", name: g.name ?? UNKNOWN },
        property: top,
        dependencyProperties: [top],
        serviceDefault: false,
        serviceCreatesGroup: false,
    }));
}

/** `log group "app" (aws:cloudwatch/logGroup:LogGroup)`: how messages name a declared group. */
export function describeGroup(group: DeclaredLogGroup): string {
    return describeTarget(group.resource);
}
