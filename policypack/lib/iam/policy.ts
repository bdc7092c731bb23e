/**
 * A small evaluator for KMS key policies: given a policy document and one request (principal,
 * action, key, request context), it answers "Allowed", "ExplicitlyDenied" or "ImplicitlyDenied"
 * the way AWS's policy evaluation logic does for a resource policy, and "Undetermined" when the
 * answer depends on the id of a key not created yet.
 *
 * - a statement applies when its Principal/NotPrincipal, Action/NotAction, Resource/NotResource
 *   and every condition match; an explicit Deny wins, else an Allow allows, else implicit deny;
 * - principals are compared exactly (service principals too), an account's `:root` ARN only in
 *   its own partition; actions case-insensitively with `*` and `?`; resources segment by segment,
 *   each with wildcards (IAM User Guide, Resource: "You can use wildcard characters (* and ?)
 *   within any ARN segment (the parts separated by colons)");
 * - condition operators: String*, Arn*, Numeric*, Date*, Bool, Binary, IpAddress/NotIpAddress,
 *   Null, `...IfExists`, and the `ForAnyValue:`/`ForAllValues:` set qualifiers; condition keys
 *   are case-insensitive, values case-sensitive. An operator it does not know never matches.
 * - policy variables (`${aws:SourceAccount}`, `${key, 'default'}`, `${*}`, `${?}`, `${$}`) in
 *   String, Arn and Bool condition values and in the resource part of a Resource, for policies of
 *   Version 2012-10-17 only.
 *
 * Why not a library: `@cloud-copilot/iam-simulate` (and the `iam-policy`/`iam-utils` packages it
 * needs) is AGPL-3.0-or-later (its package.json and LICENSE.txt), which this Apache-2.0 pack cannot
 * ship; the only evaluator on npm with a licence it can ship (`pbac`, MIT) rejects
 * `Resource: "*"` and `Principal: "*"` written as plain strings, throws on a service principal,
 * and reads only the first two colon-separated parts of a context key, so
 * `kms:EncryptionContext:aws:logs:arn` cannot be expressed. tests/iamDifferential.test.ts checks
 * this evaluator against iam-simulate (a test-only dependency) on generated policies and requests.
 */
import { conditionsHold } from "./conditions";
import {
    Env,
    IdCondition,
    IdPattern,
    NO_VARIABLES,
    globMatch,
    idMatchCombinations,
    literalOf,
    resolve,
    splitArn,
    textOf,
} from "./patterns";

/** Who makes the request. */
export type RequestPrincipal =
    | { readonly kind: "service"; readonly service: string }
    | { readonly kind: "aws"; readonly arn: string; readonly account: string }
    | { readonly kind: "anonymous" };

/**
 * A key not created yet: its ARN will be `arn:<partition>:kms:<region>:<account>:key/<new id>`,
 * with only the id unknown. A new id cannot be the id of any existing key, so a Resource naming a
 * key without wildcards never names it. (Not for a replica key: it has its primary key's id.)
 */
export interface UnknownKeyArn {
    readonly partition: string;
    readonly region: string;
    readonly account: string;
    /**
     * Whether the key is multi-Region (id `mrk-` and 32 hex digits) or not (a UUID).
     * @default either form
     */
    readonly multiRegion?: boolean;
}

/** One request against a KMS key. */
export interface KeyRequest {
    readonly principal: RequestPrincipal;
    /** e.g. `kms:GenerateDataKey`. */
    readonly action: string;
    /**
     * The key: its ARN; or an {@link UnknownKeyArn} for a key whose id is not known yet (a
     * Resource or NotResource that matches some new ids and not others makes the decision
     * "Undetermined"); or `undefined` when nothing is known (then every Resource matches and no
     * NotResource excludes the key).
     */
    readonly resource?: string | UnknownKeyArn;
    /** Request context: condition key → value (single-valued). */
    readonly context?: Readonly<Record<string, string>>;
}

/**
 * The outcome of evaluating a request. "Undetermined" only for an {@link UnknownKeyArn} whose new
 * id decides it; "ImplicitlyDenied" also when no id is allowed but a Deny applies to some ids.
 */
export type Decision = "Allowed" | "ExplicitlyDenied" | "ImplicitlyDenied" | "Undetermined";

/** A statement as found in a policy document (anything JSON may hold). */
type Statement = Record<string, unknown>;

/** A policy document parsed and checked for shape; `error` says why it cannot be evaluated. */
export interface ParsedPolicy {
    readonly statements: readonly Statement[];
    readonly error?: string;
    /**
     * Whether `${...}` policy variables are replaced: IAM User Guide, Variables: "If you don't
     * include the Version element and set it to an appropriate version date, variables like
     * ${aws:username} are treated as literal strings in the policy" (they came with 2012-10-17).
     * @default false
     */
    readonly variables?: boolean;
}

const parsedByText = new Map<string, ParsedPolicy>();

/**
 * {@link parsePolicy}, remembered by policy text: a stack's keys often share a policy, and both
 * stack policies of the pack read the same keys in one AnalyzeStack.
 */
export function parsePolicyCached(policy: unknown): ParsedPolicy {
    if (typeof policy !== "string") {
        return parsePolicy(policy);
    }
    let parsed = parsedByText.get(policy);
    if (parsed === undefined) {
        parsed = parsePolicy(policy);
        if (parsedByText.size > 20_000) {
            parsedByText.clear();
        }
        parsedByText.set(policy, parsed);
    }
    return parsed;
}

/** Parses a key policy given as a JSON string or as an object (AWS Native's `keyPolicy`). */
export function parsePolicy(policy: unknown): ParsedPolicy {
    let doc: unknown = policy;
    if (typeof policy === "string") {
        try {
            doc = JSON.parse(policy);
        } catch (e) {
            return {
                statements: [],
                error: `the key policy is not valid JSON (${(e as Error).message})`,
            };
        }
    }
    if (doc === null || typeof doc !== "object" || Array.isArray(doc)) {
        return { statements: [], error: "the key policy is not a JSON object" };
    }
    const variables = (doc as Record<string, unknown>).Version === "2012-10-17";
    const raw = (doc as Record<string, unknown>).Statement;
    const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
    const statements = list.filter(
        (s): s is Statement => s !== null && typeof s === "object" && !Array.isArray(s),
    );
    if (statements.length !== list.length) {
        return {
            statements,
            variables,
            error: "the key policy has a statement that is not an object",
        };
    }
    return { statements, variables };
}

function asList(value: unknown): unknown[] {
    return Array.isArray(value) ? value : value === undefined ? [] : [value];
}

// ---- Statement elements.

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

function statementApplies(s: Statement, request: KeyRequest, env: Env): Match {
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

const decisions = new WeakMap<ParsedPolicy, Map<string, Decision>>();

/** {@link evaluate}, remembered per parsed policy and request (the pack asks the same questions of shared keys). */
export function evaluateCached(policy: ParsedPolicy, request: KeyRequest): Decision {
    let known = decisions.get(policy);
    if (known === undefined) {
        known = new Map();
        decisions.set(policy, known);
    }
    const p = request.principal;
    const who =
        p.kind === "service" ? `s:${p.service}` : p.kind === "aws" ? `a:${p.arn}` : "anonymous";
    const r = request.resource;
    const resource =
        typeof r === "object"
            ? `?${r.partition}:${r.region}:${r.account}:${r.multiRegion ?? ""}`
            : (r ?? "");
    let key = `${who}|${request.action}|${resource}`;
    for (const [k, v] of Object.entries(request.context ?? {})) {
        key += `|${k}=${v}`;
    }
    let decision = known.get(key);
    if (decision === undefined) {
        decision = evaluate(policy, request);
        if (known.size > 1_000) {
            known.clear();
        }
        known.set(key, decision);
    }
    return decision;
}

/** Evaluates `request` against the key policy. Never throws. */
export function evaluate(policy: ParsedPolicy, request: KeyRequest): Decision {
    const env: Env = {
        context: new Map(
            Object.entries(request.context ?? {}).map(([k, v]) => [k.toLowerCase(), v] as const),
        ),
        variables: policy.variables === true,
    };
    let allowed = false;
    const allows: IdCondition[] = [];
    const denies: IdCondition[] = [];
    for (const s of policy.statements) {
        const applies = statementApplies(s, request, env);
        if (applies === false || (s.Effect !== "Allow" && s.Effect !== "Deny")) {
            continue;
        }
        if (applies === true) {
            if (s.Effect === "Deny") {
                return "ExplicitlyDenied";
            }
            allowed = true;
        } else {
            (s.Effect === "Deny" ? denies : allows).push(applies);
        }
    }
    if (denies.length === 0 && (allowed || allows.length === 0)) {
        return allowed ? "Allowed" : "ImplicitlyDenied";
    }
    if (!allowed && allows.length === 0) {
        return "ImplicitlyDenied"; // a Deny may apply, but nothing allows whatever the id
    }
    return newKeyDecision(allowed, allows, denies, request.resource as UnknownKeyArn);
}

/** The decision for a key not created yet, over every id it may get. */
function newKeyDecision(
    allowed: boolean,
    allows: readonly IdCondition[],
    denies: readonly IdCondition[],
    key: UnknownKeyArn,
): Decision {
    const patterns = [...new Set([...allows, ...denies].flatMap((c) => c.patterns))];
    const combinations = idMatchCombinations(patterns, key.multiRegion);
    if (combinations === undefined) {
        return "Undetermined";
    }
    const holds = (c: IdCondition, matched: boolean[]) =>
        c.patterns.some((p) => matched[patterns.indexOf(p)]) !== c.negated;
    const outcomes = new Set<Decision>(
        combinations.map((matched) =>
            denies.some((c) => holds(c, matched))
                ? "ExplicitlyDenied"
                : allowed || allows.some((c) => holds(c, matched))
                  ? "Allowed"
                  : "ImplicitlyDenied",
        ),
    );
    if (outcomes.size === 1) {
        return [...outcomes][0];
    }
    return outcomes.has("Allowed") ? "Undetermined" : "ImplicitlyDenied";
}

/** The accounts named by AWS principals (account ids, `:root` or other IAM ARNs) of Allow statements. */
export function principalAccounts(policy: ParsedPolicy): string[] {
    const found = new Set<string>();
    for (const s of policy.statements) {
        if (s.Effect !== "Allow" || s.Principal === null || typeof s.Principal !== "object") {
            continue;
        }
        for (const a of asList((s.Principal as Record<string, unknown>).AWS)) {
            if (typeof a !== "string") {
                continue;
            }
            if (/^\d{12}$/.test(a)) {
                found.add(a);
            } else if (/^arn:[^:]+:iam::\d{12}:/.test(a)) {
                found.add(a.split(":")[4]);
            }
        }
    }
    return [...found].sort();
}
