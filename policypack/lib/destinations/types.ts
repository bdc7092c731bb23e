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
    /** The service's own default group (its name derived from the resource), not one the resource names. */
    readonly serviceDefault: boolean;
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
