/**
 * A small evaluator for KMS key policies: given a policy document and one request (principal,
 * action, key, request context), it answers "Allowed", "ExplicitlyDenied" or "ImplicitlyDenied"
 * the way AWS's policy evaluation logic does for a resource policy:
 *
 * - a statement applies when its Principal/NotPrincipal, Action/NotAction, Resource/NotResource
 *   and every condition match; an explicit Deny wins, else an Allow allows, else implicit deny;
 * - `*` and `?` wildcards in actions (case-insensitive) and resources; ARN conditions compare the
 *   six ARN components separately, each with wildcards;
 * - condition operators: String*, Arn*, Numeric*, Date*, Bool, Null, `...IfExists`, and the
 *   `ForAnyValue:`/`ForAllValues:` set qualifiers; negated operators hold when the key is absent,
 *   positive ones do not; condition keys are case-insensitive, values case-sensitive. An operator
 *   it does not know never matches, so a statement it cannot read never allows anything.
 *
 * Why not a library: the only IAM evaluator on npm with a licence this Apache-2.0 pack can ship
 * (`pbac`, MIT) rejects `Resource: "*"` and `Principal: "*"` written as plain strings, throws on a
 * service principal, and reads only the first two colon-separated parts of a context key, so
 * `kms:EncryptionContext:aws:logs:arn` cannot be expressed. The tests check this evaluator against
 * `@cloud-copilot/iam-simulate` (AGPL, a test-only dependency) on a table of policies and requests.
 */

/** Who makes the request. */
export type RequestPrincipal =
    | { readonly kind: "service"; readonly service: string }
    | { readonly kind: "aws"; readonly arn: string; readonly account: string }
    | { readonly kind: "anonymous" };

/** One request against a KMS key. */
export interface KeyRequest {
    readonly principal: RequestPrincipal;
    /** e.g. `kms:GenerateDataKey`. */
    readonly action: string;
    /** The key's ARN; `undefined` when not known yet (then any Resource naming a key matches). */
    readonly resource?: string;
    /** Request context: condition key → value (single-valued). */
    readonly context?: Readonly<Record<string, string>>;
}

/** The outcome of evaluating a request. */
export type Decision = "Allowed" | "ExplicitlyDenied" | "ImplicitlyDenied";

/** A statement as found in a policy document (anything JSON may hold). */
type Statement = Record<string, unknown>;

/** A policy document parsed and checked for shape; `error` says why it cannot be evaluated. */
export interface ParsedPolicy {
    readonly statements: readonly Statement[];
    readonly error?: string;
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
    const raw = (doc as Record<string, unknown>).Statement;
    const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
    const statements = list.filter(
        (s): s is Statement => s !== null && typeof s === "object" && !Array.isArray(s),
    );
    if (statements.length !== list.length) {
        return { statements, error: "the key policy has a statement that is not an object" };
    }
    return { statements };
}

function asList(value: unknown): unknown[] {
    return Array.isArray(value) ? value : value === undefined ? [] : [value];
}

function wildcardRegex(pattern: string, flags: string): RegExp {
    const body = pattern
        .split("")
        .map((c) => (c === "*" ? ".*" : c === "?" ? "." : c.replace(/[.+^${}()|[\]\\/-]/g, "\\$&")))
        .join("");
    return new RegExp(`^${body}$`, flags);
}

const regexCache = new Map<string, RegExp>();
function wildcardMatch(pattern: string, value: string, ignoreCase = false): boolean {
    if (!pattern.includes("*") && !pattern.includes("?")) {
        return ignoreCase ? pattern.toLowerCase() === value.toLowerCase() : pattern === value;
    }
    const cacheKey = `${ignoreCase ? "i" : "s"}${pattern}`;
    let re = regexCache.get(cacheKey);
    if (re === undefined) {
        re = wildcardRegex(pattern, ignoreCase ? "i" : "");
        if (regexCache.size > 10_000) {
            regexCache.clear();
        }
        regexCache.set(cacheKey, re);
    }
    return re.test(value);
}

const arnParts = new Map<string, string[] | null>();
/** `arn:partition:service:region:account:resource` split into its six components (cached). */
function splitArn(s: string): string[] | null {
    let parts = arnParts.get(s);
    if (parts === undefined) {
        const all = s.split(":");
        parts = all.length < 6 ? null : [...all.slice(0, 5), all.slice(5).join(":")];
        if (arnParts.size > 50_000) {
            arnParts.clear();
        }
        arnParts.set(s, parts);
    }
    return parts;
}

/** ArnLike/ArnEquals: the six components (`arn:partition:service:region:account:resource`) compared one by one. */
function arnMatch(pattern: string, value: string): boolean {
    const p = splitArn(pattern);
    const v = splitArn(value);
    if (p === null || v === null) {
        return false;
    }
    return p.every((part, i) => wildcardMatch(part, v[i]));
}

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
        return asList(p.Service).some(
            (s) => typeof s === "string" && s.toLowerCase() === who.service.toLowerCase(),
        );
    }
    if (who.kind === "aws") {
        return aws.some(
            (a) =>
                a === who.account ||
                a === who.arn ||
                (/^arn:[^:]+:iam::\d{12}:root$/.test(a) && a.split(":")[4] === who.account),
        );
    }
    return false;
}

function actionMatches(actions: unknown, action: string): boolean {
    return asList(actions).some((a) => typeof a === "string" && wildcardMatch(a, action, true));
}

function resourceMatches(resources: unknown, resource: string | undefined): boolean {
    return asList(resources).some(
        (r) =>
            typeof r === "string" &&
            (r === "*" || resource === undefined || wildcardMatch(r, resource)),
    );
}

/** `undefined`: the values cannot be compared (not numbers, not dates), so the condition fails, negated or not. */
type Compare = (policyValue: string, requestValue: string) => boolean | undefined;

const NUMERIC = (f: (a: number, b: number) => boolean): Compare => {
    return (p, r) => {
        const a = Number(r);
        const b = Number(p);
        return Number.isFinite(a) && Number.isFinite(b) ? f(a, b) : undefined;
    };
};
const DATE = (f: (a: number, b: number) => boolean): Compare => {
    return (p, r) => {
        const a = Date.parse(r);
        const b = Date.parse(p);
        return !Number.isNaN(a) && !Number.isNaN(b) ? f(a, b) : undefined;
    };
};

/** Positive operators; each has a negated twin handled below. */
const OPERATORS: Record<string, { compare: Compare; negated: boolean }> = {
    StringEquals: { compare: (p, r) => p === r, negated: false },
    StringNotEquals: { compare: (p, r) => p === r, negated: true },
    StringEqualsIgnoreCase: {
        compare: (p, r) => p.toLowerCase() === r.toLowerCase(),
        negated: false,
    },
    StringNotEqualsIgnoreCase: {
        compare: (p, r) => p.toLowerCase() === r.toLowerCase(),
        negated: true,
    },
    StringLike: { compare: (p, r) => wildcardMatch(p, r), negated: false },
    StringNotLike: { compare: (p, r) => wildcardMatch(p, r), negated: true },
    ArnEquals: { compare: arnMatch, negated: false },
    ArnLike: { compare: arnMatch, negated: false },
    ArnNotEquals: { compare: arnMatch, negated: true },
    ArnNotLike: { compare: arnMatch, negated: true },
    NumericEquals: { compare: NUMERIC((a, b) => a === b), negated: false },
    NumericNotEquals: { compare: NUMERIC((a, b) => a === b), negated: true },
    NumericLessThan: { compare: NUMERIC((a, b) => a < b), negated: false },
    NumericLessThanEquals: { compare: NUMERIC((a, b) => a <= b), negated: false },
    NumericGreaterThan: { compare: NUMERIC((a, b) => a > b), negated: false },
    NumericGreaterThanEquals: { compare: NUMERIC((a, b) => a >= b), negated: false },
    DateEquals: { compare: DATE((a, b) => a === b), negated: false },
    DateNotEquals: { compare: DATE((a, b) => a === b), negated: true },
    DateLessThan: { compare: DATE((a, b) => a < b), negated: false },
    DateLessThanEquals: { compare: DATE((a, b) => a <= b), negated: false },
    DateGreaterThan: { compare: DATE((a, b) => a > b), negated: false },
    DateGreaterThanEquals: { compare: DATE((a, b) => a >= b), negated: false },
    Bool: { compare: (p, r) => p.toLowerCase() === r.toLowerCase(), negated: false },
};

function conditionValues(value: unknown): string[] | undefined {
    const list = asList(value);
    if (
        !list.every((v) => typeof v === "string" || typeof v === "number" || typeof v === "boolean")
    ) {
        return undefined;
    }
    return list.map(String);
}

/** Evaluates one `Operator: { key: values }` entry against the request context. */
function conditionHolds(
    operatorName: string,
    key: string,
    value: unknown,
    context: ReadonlyMap<string, string>,
): boolean {
    const values = conditionValues(value);
    if (values === undefined) {
        return false;
    }
    const requestValue = context.get(key.toLowerCase());
    let op = operatorName;
    let qualifier: "ForAnyValue" | "ForAllValues" | undefined;
    const colon = op.indexOf(":");
    if (colon >= 0) {
        const q = op.slice(0, colon);
        if (q !== "ForAnyValue" && q !== "ForAllValues") {
            return false;
        }
        qualifier = q;
        op = op.slice(colon + 1);
    }
    if (op === "Null") {
        if (qualifier !== undefined || values.length !== 1) {
            return false;
        }
        const wantAbsent = values[0].toLowerCase() === "true";
        return wantAbsent === (requestValue === undefined);
    }
    const ifExists = op.endsWith("IfExists");
    if (ifExists) {
        op = op.slice(0, -"IfExists".length);
    }
    const operator = OPERATORS[op];
    if (operator === undefined) {
        return false;
    }
    if (requestValue === undefined) {
        if (ifExists || qualifier === "ForAllValues") {
            return true;
        }
        return qualifier === undefined && operator.negated;
    }
    const matches = values.map((v) => operator.compare(v, requestValue));
    if (matches.includes(undefined)) {
        return false; // as IAM: "NumericNotEquals" on a value that is not a number does not hold
    }
    const anyMatch = matches.includes(true);
    return operator.negated ? !anyMatch : anyMatch;
}

function conditionsHold(condition: unknown, context: ReadonlyMap<string, string>): boolean {
    if (condition === undefined) {
        return true;
    }
    if (condition === null || typeof condition !== "object" || Array.isArray(condition)) {
        return false;
    }
    return Object.entries(condition as Record<string, unknown>).every(([operator, block]) => {
        if (block === null || typeof block !== "object" || Array.isArray(block)) {
            return false;
        }
        return Object.entries(block as Record<string, unknown>).every(([key, value]) =>
            conditionHolds(operator, key, value, context),
        );
    });
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
    notMatches: (value: unknown) => boolean = matches,
): boolean {
    if (name in s) {
        return matches(s[name]);
    }
    return notName in s && !notMatches(s[notName]);
}

function statementApplies(
    s: Statement,
    request: KeyRequest,
    context: ReadonlyMap<string, string>,
): boolean {
    return (
        elementHolds(s, "Principal", "NotPrincipal", (p) =>
            principalMatches(p, request.principal),
        ) &&
        elementHolds(s, "Action", "NotAction", (a) => actionMatches(a, request.action)) &&
        elementHolds(
            s,
            "Resource",
            "NotResource",
            (r) => resourceMatches(r, request.resource),
            // An unknown key ARN is not known to be excluded.
            (r) => request.resource !== undefined && resourceMatches(r, request.resource),
        ) &&
        conditionsHold(s.Condition, context)
    );
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
    let key = `${who}|${request.action}|${request.resource ?? ""}`;
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
    const context = new Map(
        Object.entries(request.context ?? {}).map(([k, v]) => [k.toLowerCase(), v] as const),
    );
    let allowed = false;
    for (const s of policy.statements) {
        if (!statementApplies(s, request, context)) {
            continue;
        }
        if (s.Effect === "Deny") {
            return "ExplicitlyDenied";
        }
        if (s.Effect === "Allow") {
            allowed = true;
        }
    }
    return allowed ? "Allowed" : "ImplicitlyDenied";
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
