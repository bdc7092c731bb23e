/**
 * The facts of one log group as a log group (not its key: that is `facts.ts`): the group, how
 * messages name it, and its settings as the engine sent them. A rule about a setting of the group
 * (how long it keeps its logs) reads the setting here by name, so it needs no new fact.
 */
import { describeTarget } from "./facts";
import type { StackIndex, StackResource } from "../stack/stackIndex";
import { TARGET_TYPES } from "../stack/targets";
import { readProperty, unwrapSecrets } from "../stack/wire";

/** What the log-group rules judge about one log group. */
export interface LogGroupFacts {
    /** The group itself (its URN and name decide exemptions and where findings are reported). */
    readonly target: StackResource;
    /** How messages name it: `log group "app" (aws:cloudwatch/logGroup:LogGroup)`. */
    readonly subject: string;
    /**
     * A setting of the group (a property, e.g. `retentionInDays`): its value (a secret's plain
     * value), `UNKNOWN` when it is unknown at preview, `undefined` when it is absent.
     */
    setting(property: string): unknown;
}

/** The facts of every log group of the stack (of the AWS and AWS Native providers), in the stack's order. */
export function logGroupFacts(index: StackIndex): LogGroupFacts[] {
    return index.resources
        .filter((r) => TARGET_TYPES[r.type]?.kind === "log group")
        .map((target) => ({
            target,
            subject: describeTarget(target),
            setting: (property) => unwrapSecrets(readProperty(target.props, property)),
        }));
}
