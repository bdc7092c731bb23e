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
import { BoundedMap } from "./boundedMap";
import { asList, statementApplies } from "./elements";
import { Env, IdCondition, idMatchCombinations } from "./patterns";
import type { Decision, KeyRequest, ParsedPolicy, Statement, UnknownKeyArn } from "./types";

export type { Decision, KeyRequest, ParsedPolicy, RequestPrincipal, UnknownKeyArn } from "./types";

const parsedByText = new BoundedMap<string, ParsedPolicy>(20_000);

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

const decisions = new WeakMap<ParsedPolicy, BoundedMap<string, Decision>>();

/** {@link evaluate}, remembered per parsed policy and request (the pack asks the same questions of shared keys). */
export function evaluateCached(policy: ParsedPolicy, request: KeyRequest): Decision {
    let known = decisions.get(policy);
    if (known === undefined) {
        known = new BoundedMap(1_000);
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
