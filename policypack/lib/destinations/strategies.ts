/**
 * The matching strategies the services share ({@link MatchStrategy}): how the generic matcher
 * (`match.ts`) finds a destination's log group when the writer names it by an input, references it
 * by ARN, or when the service derives its name from the writer (its own name or id, or what those
 * are computed from). A service whose group is found another way declares its own strategy in its
 * file under `services/`; the matcher has no service-specific branch.
 */
import { UNKNOWN } from "../stack/wire";
import { LogDestination, MatchStrategy, OwnRegion } from "./types";

/** The group's name as the destination holds it: known, else `undefined`. */
function nameOf(destination: LogDestination): string | undefined {
    const group = destination.group;
    if (group.by === "name") {
        return group.name === UNKNOWN ? undefined : group.name;
    }
    return group.parsed?.name;
}

/** Only the resources the destination's properties depend on. */
function dependenciesOnly(_writerUrn: string, deps: readonly string[]): readonly string[] {
    return deps;
}

/**
 * The writer names its group by an input (Lambda's `loggingConfig.logGroup`, ECS's
 * `awslogs-group`, MSK's `logGroup`): found by that name, or through what the input references.
 */
export const BY_INPUT_NAME: MatchStrategy = {
    name: "input name",
    serviceDefault: false,
    knownName: nameOf,
    refusal: () => undefined,
    foundBy: () => "its name",
    ownRegion: () => undefined,
    nameSources: dependenciesOnly,
};

/**
 * The writer references its group by ARN (`:*` forms accepted): found by the ARN's name in the
 * ARN's region, or through what the input references; refused when a known ARN names no log group.
 */
export const BY_ARN_REFERENCE: MatchStrategy = {
    name: "ARN reference",
    serviceDefault: false,
    knownName: nameOf,
    refusal: (destination) => {
        const group = destination.group;
        return group.by === "arn" && typeof group.arn === "string" && group.parsed === undefined
            ? `${destination.property} is ${JSON.stringify(group.arn)}, which is not a log group ARN`
            : undefined;
    },
    foundBy: (destination) => `the ARN in ${destination.property}`,
    ownRegion: (destination): OwnRegion | undefined =>
        destination.group.by === "arn" && destination.group.parsed !== undefined
            ? { region: destination.group.parsed.region, source: "its ARN" }
            : undefined,
    nameSources: dependenciesOnly,
};

/**
 * The service names the group after the writer (`/aws/lambda/<name>`, `/aws/eks/<name>/cluster`,
 * `API-Gateway-Execution-Logs_<restApiId>/<stage>`, `/aws/appsync/apis/<apiId>`): from the
 * writer's inputs, which may be computed from other resources, or from the writer's own outputs
 * (AppSync's `id`, a provider auto-name). An unknown name is followed to a declared group whose
 * own name is computed from the same resources or from the writer itself.
 */
export const BY_WRITER_IDENTITY: MatchStrategy = {
    ...BY_INPUT_NAME,
    name: "writer's own name or id",
    serviceDefault: true,
    nameSources: (writerUrn, deps) => [...new Set([...deps, writerUrn])],
};
