/**
 * The statement elements of a key policy and whether each applies to one request: Principal and
 * NotPrincipal, Action and NotAction, Resource and NotResource (segment by segment, with a key not
 * created yet as an id pattern), then the Condition block (`conditions.ts`). Used by `policy.ts`.
 */
import { conditionsHold } from "./conditions";
import {
    Env,
    IdCondition,
    IdPattern,
    NO_VARIABLES,
    globMatch,
    literalOf,
    resolve,
    splitArn,
    textOf,
} from "./patterns";
import type { KeyRequest, RequestPrincipal, Statement, UnknownKeyArn } from "./types";

export function asList(value: unknown): unknown[] {
    return Array.isArray(value) ? value : value === undefined ? [] : [value];
}

/** Whether an element matches: yes, no, or it depends on a new key's id. */
type Match = boolean | IdCondition;

function principalMatches(principal: unknown, who: RequestPrincipal): boolean {
    if (principal === "*") {
        return true;
    }
    if (principal === null || typeof principal !== "object" || Array.isArray(principal)) {
        return false;
    }
    const p = principal as Record<string, unknown>;
    const aws = asList(p.AWS).filter((x): x is string => typeof x === "string");
    if (aws.includes("*")) {
        return true;
    }
    if (who.kind === "service") {
        // Compared exactly, as IAM compares principals ("You cannot use a wildcard to match part
        // of a principal name or ARN").
        return asList(p.Service).includes(who.service);
    }
    if (who.kind === "aws") {
        const partition = who.arn.split(":")[1];
        return aws.some((a) => {
            if (a === who.arn || a === who.account) {
                return true;
            }
            // IAM User Guide: "IAM roles and resource-based policies delegate access across
            // accounts only within a single partition."
            const root = /^arn:([^:]+):iam::(\d{12}):root$/.exec(a);
            return root !== null && root[1] === partition && root[2] === who.account;
        });
    }
    return false;
}

function actionMatches(actions: unknown, action: string): boolean {
    return asList(actions).some(
        (a) => typeof a === "string" && globMatch(resolve(a, NO_VARIABLES, true)!, action, true),
    );
}

/**
 * One Resource entry against the key: whether it matches, the id pattern it matches a new key's
 * id with, or "invalid" when a variable in it cannot be resolved.
 */
function resourceMatch(
    text: string,
    resource: string | UnknownKeyArn | undefined,
    env: Env,
): boolean | IdPattern | "invalid" {
    if (text === "*" || resource === undefined) {
        return true;
    }
    let raw = text.split(":");
    if (raw.length < 6) {
        if (!text.includes("*")) {
            return false;
        }
        raw = [...raw, ...Array(6 - raw.length).fill("*")];
    }
    // IAM User Guide: "You can use a policy variable in the Resource element, but only in the
    // resource portion of the ARN"; the first five components are matched as written.
    const head = raw.slice(0, 5).map((segment) => resolve(segment, NO_VARIABLES, true)!);
    const tail = resolve(raw.slice(5).join(":"), env, true);
    if (tail === undefined) {
        return "invalid";
    }
    if (typeof resource === "string") {
        const arn = splitArn(resource);
        return (
            arn !== undefined &&
            head.every((segment, i) => globMatch(segment, arn[i])) &&
            globMatch(tail, arn[5])
        );
    }
    const known = ["arn", resource.partition, "kms", resource.region, resource.account];
    if (!head.every((segment, i) => globMatch(segment, known[i]))) {
        return false;
    }
    if (literalOf(tail) !== undefined) {
        return false; // names one key (or alias) that exists: never the new key
    }
    return tail.flatMap((p): IdPattern => (typeof p === "number" ? [p] : [...textOf(p)]));
}

/** Resource: some entry matches the key; NotResource: no entry does. */
function resourceElement(s: Statement, request: KeyRequest, env: Env): Match {
    const negated = !("Resource" in s);
    if (negated && !("NotResource" in s)) {
        return false;
    }
    if (negated && request.resource === undefined) {
        return true; // nothing known about the key: not known to be excluded
    }
    const entries = asList(negated ? s.NotResource : s.Resource).map((r) =>
        typeof r === "string" ? resourceMatch(r, request.resource, env) : "invalid",
    );
    if (entries.includes(true) || (negated && entries.includes("invalid"))) {
        return !negated;
    }
    const patterns = entries.filter((e): e is IdPattern => Array.isArray(e));
    return patterns.length === 0 ? negated : { patterns, negated };
}

/**
 * A statement element and its negation (`Principal`/`NotPrincipal`, ...): the element must match,
 * or the negated one must not; a statement with neither does not apply.
 */
function elementHolds(
    s: Statement,
    name: string,
    notName: string,
    matches: (value: unknown) => boolean,
): boolean {
    if (name in s) {
        return matches(s[name]);
    }
    return notName in s && !matches(s[notName]);
}

export function statementApplies(s: Statement, request: KeyRequest, env: Env): Match {
    if (
        !elementHolds(s, "Principal", "NotPrincipal", (p) =>
            principalMatches(p, request.principal),
        ) ||
        !elementHolds(s, "Action", "NotAction", (a) => actionMatches(a, request.action)) ||
        !conditionsHold(s.Condition, env)
    ) {
        return false;
    }
    return resourceElement(s, request, env);
}
