/** What the destinations table says of a resource: the groups it writes to, or why none. */
import { Unknown } from "../stack/wire";

/** The log group a destination names: by name, or by ARN (`:*` forms accepted). */
export type GroupReference =
    /** A log group name: known, or {@link UNKNOWN} at preview. */
    | { readonly by: "name"; readonly name: string | Unknown }
    /** A log group ARN as written, and its parts when it parses as one (`:*` removed from the name). */
    | {
          readonly by: "arn";
          readonly arn: string | Unknown;
          readonly parsed?: {
              readonly partition: string;
              readonly region: string;
              readonly accountId: string;
              readonly name: string;
          };
      };

/** One log group a resource writes to. */
export interface LogDestination {
    /** What is written, for messages: `function logs`, `access logs`, `slowquery logs`, ... */
    readonly logs: string;
    /** The group. */
    readonly group: GroupReference;
    /**
     * Where the group comes from, as the `@pulumi/aws` input path: `loggingConfig.logGroup`; for a
     * service's default group, the properties its name is built from (`name`, `restApi, stageName`).
     */
    readonly property: string;
    /** The top-level inputs whose propertyDependencies lead to what decides the group (to follow unknowns). */
    readonly dependencyProperties: readonly string[];
    /**
     * How the generic matcher (`match.ts`) finds the group: the reader declares it with the
     * destination (`strategies.ts` holds the shared ones; a service may declare its own).
     */
    readonly strategy: MatchStrategy;
    /**
     * The service creates the group itself when it does not exist, with no key: a group the stack
     * does not declare is then created unencrypted.
     */
    readonly serviceCreatesGroup: boolean;
    /** A region the destination names itself (ECS `awslogs-region`), which wins over the resource's. */
    readonly region?: string | Unknown;
    /**
     * For a service's default group whose name is unknown at preview: what every name it can take
     * starts and ends with (`/aws/lambda/` and ``), so that a declared group whose known name does
     * not fit is ruled out as a candidate. Absent: any name may fit.
     */
    readonly namePattern?: { readonly prefix: string; readonly suffix: string };
}

/** A region a destination names itself, and where it was read, for messages. */
export interface OwnRegion {
    readonly region: string;
    /** `its ARN`. */
    readonly source: string;
}

/**
 * How one destination's group is found in the stack: what the generic matcher asks of it at each
 * step (its known name, how a group found by that name was found, the region it names itself, and
 * what an unknown name can be computed from). Declared by the reader with each destination, so a
 * service with a new way of naming its group brings its strategy in its own file.
 */
export interface MatchStrategy {
    /** What it follows, for documentation and tests: `input name`, `ARN reference`, ... */
    readonly name: string;
    /** The group is the service's own default (its name derived from the writer), not one the writer names. */
    readonly serviceDefault: boolean;
    /** The group's name when it is known now; `undefined` when unknown at preview or unreadable. */
    knownName(destination: LogDestination): string | undefined;
    /** Why the destination can never be a log group (a known ARN that names none); else `undefined`. */
    refusal(destination: LogDestination): string | undefined;
    /** How a group found by its known name was found, for messages: `its name`. */
    foundBy(destination: LogDestination): string;
    /** The region the destination names itself (an ARN's), which wins over the writer's. */
    ownRegion(destination: LogDestination): OwnRegion | undefined;
    /**
     * The resources an unknown name can be computed from: a declared group whose own unknown name
     * is computed from one of them may be this one. `deps`: what the destination's properties
     * depend on; `writerUrn`: the writer itself (whose outputs, such as its id, a name may use).
     */
    nameSources(writerUrn: string, deps: readonly string[]): readonly string[];
}

/** What a resource does with its logs. */
export type LogDestinations =
    /** It writes to these groups (at least one). */
    | { readonly kind: "writes"; readonly destinations: readonly LogDestination[] }
    /** Logging to CloudWatch Logs is off (or not enabled). */
    | { readonly kind: "disabled"; readonly property: string; readonly reason: string }
    /** Its logs go somewhere else (S3, Firehose, another log driver). */
    | { readonly kind: "elsewhere"; readonly property: string; readonly reason: string }
    /** Whether or where it logs is not known yet (unknown at preview, or unreadable). */
    | { readonly kind: "unknown"; readonly property: string; readonly reason: string };

/** A resource type that can send logs to CloudWatch Logs. */
export interface DestinationType {
    /** The configuration key that turns the type on or off: `lambda`, `apigateway`, `rds`, ... */
    readonly service: string;
    /** What a person calls it, for messages: `Lambda function`. */
    readonly label: string;
    /** The AWS service that writes the logs, for messages: `Lambda`, `API Gateway`. */
    readonly serviceName: string;
    /** How to fix a destination whose group the stack does not declare (for messages and the README). */
    readonly fix: string;
    /** The AWS documentation of where its logs go. */
    readonly documentation: string;
    /** Its destinations, from its raw properties. Never throws. */
    readonly destinations: (props: unknown) => LogDestinations;
    /**
     * Top-level inputs that, when the program leaves them out, mean AWS's default at create (logging
     * off, ...), even though the preview reports the provider's computed output unknown: the pack
     * reads them as absent when `Analyze` saw the inputs without them (`createInputs.ts`).
     */
    readonly defaultedInputs?: readonly string[];
}
