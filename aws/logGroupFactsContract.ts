/**
 * The log-group-facts contract: what a stack that owns a log group publishes about it (a stack
 * output) so that the policy pack, running on another stack whose resources write to that group
 * (a Lambda's `loggingConfig.logGroup`, an API Gateway access-log ARN, ...), judges the group and
 * its key as if the group were declared there. As for key facts (`keyFactsContract.ts`), the kind,
 * field names and types are a contract between stacks: a change is a new `@<version>`.
 *
 * Pure: no Pulumi runtime imports; used by the components (`logGroupFacts`, `PublishedLogGroup`)
 * and by the policy pack (`policypack/lib/stack/publishedLogGroups.ts`).
 */
import { checkKeyFacts, claimsKeyFacts, PublishedKeyFacts } from "./keyFactsContract";

/** The `kind` of a log-group-facts object, with its contract version. */
export const LOG_GROUP_FACTS_KIND = "pulumi-aws-encrypted-logs/log-group-facts@1";

/** What every log-group-facts `kind` starts with, whatever its version. */
export const LOG_GROUP_FACTS_KIND_PREFIX = "pulumi-aws-encrypted-logs/log-group-facts@";

/** The facts of one log group, as the stack that owns it publishes them. */
export interface PublishedLogGroupFacts {
    /** Always `pulumi-aws-encrypted-logs/log-group-facts@1`. */
    readonly kind: string;
    /** The group's name, e.g. `/platform/shared`. */
    readonly name: string;
    /** The group's ARN (`arn:<partition>:logs:<region>:<account>:log-group:<name>`, `:*` accepted). */
    readonly arn: string;
    /** The group's region, e.g. `us-east-1`: the ARN's. */
    readonly region: string;
    /** The group's `kmsKeyId` (a key ARN), or `""` when the group has no KMS key. */
    readonly kmsKeyArn: string;
    /** The facts of that key (the key-facts contract), so the pack judges it; absent when unknown. */
    readonly key?: PublishedKeyFacts;
}

/** Whether `value` claims to be log-group facts (any version). */
export function claimsLogGroupFacts(value: unknown): value is Record<string, unknown> {
    if (value === null || typeof value !== "object" || Array.isArray(value)) {
        return false;
    }
    const kind = (value as Record<string, unknown>).kind;
    return typeof kind === "string" && kind.startsWith(LOG_GROUP_FACTS_KIND_PREFIX);
}

const ARN = /^arn:[^:]+:logs:([^:]+):[^:]*:log-group:(.+?)(:\*)?$/;

/**
 * Checks an object that claims to be log-group facts against the contract: the facts, else every
 * problem found (each naming the field, the value got and what is allowed). Pure.
 */
export function checkLogGroupFacts(value: Record<string, unknown>):
    | {
          /** The facts, with exactly the contract's fields. */
          readonly facts: PublishedLogGroupFacts;
      }
    | {
          /** Every problem found, each naming the field, the value got and what is allowed. */
          readonly problems: readonly string[];
      } {
    if (value.kind !== LOG_GROUP_FACTS_KIND) {
        return {
            problems: [
                `kind is ${JSON.stringify(value.kind)}, but this version of pulumi-aws-encrypted-logs reads ${JSON.stringify(LOG_GROUP_FACTS_KIND)}`,
            ],
        };
    }
    const problems: string[] = [];
    for (const field of ["name", "arn", "region", "kmsKeyArn"]) {
        if (typeof value[field] !== "string") {
            problems.push(
                `${field} is ${JSON.stringify(value[field]) ?? "missing"}; a string is required`,
            );
        }
    }
    const arn = typeof value.arn === "string" ? ARN.exec(value.arn) : null;
    if (typeof value.arn === "string" && arn === null) {
        problems.push(
            `arn is ${JSON.stringify(value.arn)}, not a log group ARN (arn:<partition>:logs:<region>:<account>:log-group:<name>)`,
        );
    } else if (arn !== null && (arn[1] !== value.region || arn[2] !== value.name)) {
        problems.push(
            `arn ${JSON.stringify(value.arn)} names ${arn[2]} in ${arn[1]}, but name is ${JSON.stringify(value.name)} and region ${JSON.stringify(value.region)}`,
        );
    }
    let key: PublishedKeyFacts | undefined;
    if (value.key !== undefined && value.key !== null) {
        const checked = claimsKeyFacts(value.key) ? checkKeyFacts(value.key) : undefined;
        if (checked === undefined || "problems" in checked) {
            problems.push(
                `key breaks the key-facts contract: ${checked === undefined ? "it is not key facts" : checked.problems.join("; ")}`,
            );
        } else {
            key = checked.facts;
        }
    }
    if (problems.length > 0) {
        return { problems };
    }
    return {
        facts: {
            kind: LOG_GROUP_FACTS_KIND,
            name: value.name as string,
            arn: value.arn as string,
            region: value.region as string,
            kmsKeyArn: value.kmsKeyArn as string,
            ...(key === undefined ? {} : { key }),
        },
    };
}
