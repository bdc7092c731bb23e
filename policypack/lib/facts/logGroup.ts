/**
 * The facts of one log group as a log group (not its key: that is `facts.ts`): the group, how
 * messages name it, and its settings as the engine sent them. A rule about a setting of the group
 * (how long it keeps its logs) reads the setting here by name, so it needs no new fact.
 */
import { describeTarget } from "./facts";
import { TARGET_TYPES } from "../stack/targets";
import { readProperty, unwrapSecrets } from "../stack/wire";

/** A resource as the log-group facts read it: a stack policy's or a resource policy's. */
export interface LogGroupResource {
    readonly type: string;
    readonly name: string;
    readonly urn: string;
    readonly props: unknown;
}

/** What the log-group rules judge about one log group. */
export interface LogGroupFacts {
    /** The group itself (its URN and name decide exemptions and where findings are reported). */
    readonly target: LogGroupResource;
    /** How messages name it: `log group "app" (aws:cloudwatch/logGroup:LogGroup)`. */
    readonly subject: string;
    /**
     * A setting of the group (a property, e.g. `retentionInDays`): its value (a secret's plain
     * value), `UNKNOWN` when it is unknown at preview, `undefined` when it is absent.
     */
    setting(property: string): unknown;
}

/**
 * The facts of `resource` when it is a log group (of the AWS or AWS Native provider), else
 * `undefined`.
 */
export function logGroupFactsOf(resource: LogGroupResource): LogGroupFacts | undefined {
    return TARGET_TYPES[resource.type]?.kind === "log group"
        ? {
              target: resource,
              subject: describeTarget(resource),
              setting: (property) => unwrapSecrets(readProperty(resource.props, property)),
          }
        : undefined;
}
