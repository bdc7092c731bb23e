/**
 * `aws.iam.getPolicyDocument` computed as the provider computes it: terraform-provider-aws
 * `internal/service/iam/policy_document_data_source.go` (the statements to an `IAMPolicyDoc`,
 * `json.MarshalIndent(doc, "", "  ")` for `json`, `json.Marshal` for `minifiedJson`, the id
 * `create.StringHashcode(json)`) and `internal/service/iam/policy_model.go`:
 * - `policyDecodeConfigStringList`: a set of one string is written as that string, a larger set
 *   as an array sorted in reverse (`sort.Sort(sort.Reverse(sort.StringSlice(ret)))`);
 * - `IAMPolicyStatementPrincipalSet.MarshalJSON`: principals grouped by type into an object
 *   (Go maps marshal with sorted keys), and a principal of type `*` with identifier `*` as the
 *   string `"*"`;
 * - `IAMPolicyStatementConditionSet.MarshalJSON`: `{test: {variable: values}}`;
 * - statement members in the struct's order: Sid, Effect, Action, NotAction, Resource,
 *   NotResource, Principal, NotPrincipal, Condition, each left out when empty.
 * `sourcePolicyDocuments` and `overridePolicyDocuments` merge by `Sid` as the data source does:
 * source statements first, then the document's, an override replacing a statement of the same Sid.
 */
import { crc32 } from "node:zlib";
import { Props, Value } from "./wire";

type Json = string | string[] | Record<string, unknown>;

interface Principal {
    readonly type: string;
    readonly identifiers: string[];
}

function strings(v: Value | undefined): string[] {
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
}

/** A set of strings as the provider writes it: one → the string, more → reverse-sorted array. */
function decodeList(values: string[]): string | string[] | undefined {
    const set = [...new Set(values)];
    if (set.length === 0) {
        return undefined;
    }
    return set.length === 1 ? set[0] : set.sort().reverse();
}

function principals(list: Value | undefined): Json | undefined {
    const ps: Principal[] = (Array.isArray(list) ? list : []).map((p) => {
        const o = (p ?? {}) as Record<string, Value>;
        return { type: String(o.type ?? ""), identifiers: strings(o.identifiers) };
    });
    if (ps.length === 0) {
        return undefined;
    }
    if (ps.some((p) => p.type === "*" && p.identifiers.includes("*"))) {
        return "*";
    }
    const byType: Record<string, string[]> = {};
    for (const p of ps) {
        byType[p.type] = [...(byType[p.type] ?? []), ...p.identifiers];
    }
    return Object.fromEntries(
        Object.keys(byType)
            .sort()
            .map((t) => [t, decodeList(byType[t]) as string | string[]]),
    );
}

function conditions(list: Value | undefined): Json | undefined {
    const cs = Array.isArray(list) ? list : [];
    if (cs.length === 0) {
        return undefined;
    }
    const byTest: Record<string, Record<string, string[]>> = {};
    for (const c of cs) {
        const o = (c ?? {}) as Record<string, Value>;
        const test = String(o.test ?? "");
        const variable = String(o.variable ?? "");
        byTest[test] ??= {};
        byTest[test][variable] = [...(byTest[test][variable] ?? []), ...strings(o.values)];
    }
    const sorted = (o: Record<string, unknown>) =>
        Object.fromEntries(
            Object.keys(o)
                .sort()
                .map((k) => [k, o[k]]),
        );
    return sorted(
        Object.fromEntries(
            Object.entries(byTest).map(([test, vars]) => [
                test,
                sorted(
                    Object.fromEntries(Object.entries(vars).map(([k, v]) => [k, decodeList(v)])),
                ),
            ]),
        ),
    );
}

function statement(s: Value): Record<string, unknown> {
    const o = (s ?? {}) as Record<string, Value>;
    const out: Record<string, unknown> = {
        Sid: typeof o.sid === "string" && o.sid !== "" ? o.sid : undefined,
        Effect: typeof o.effect === "string" && o.effect !== "" ? o.effect : "Allow",
        Action: decodeList(strings(o.actions)),
        NotAction: decodeList(strings(o.notActions)),
        Resource: decodeList(strings(o.resources)),
        NotResource: decodeList(strings(o.notResources)),
        Principal: principals(o.principals),
        NotPrincipal: principals(o.notPrincipals),
        Condition: conditions(o.conditions),
    };
    return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined));
}

/** Go's `encoding/json` escapes <, > and & (HTML-safe output, the default of `json.Marshal`). */
function goEscape(json: string): string {
    return json.replace(/</g, "\\u003c").replace(/>/g, "\\u003e").replace(/&/g, "\\u0026");
}

function statementsOf(doc: string): Record<string, unknown>[] {
    const parsed = JSON.parse(doc) as { Statement?: unknown };
    const st = parsed.Statement;
    return (Array.isArray(st) ? st : st === undefined ? [] : [st]) as Record<string, unknown>[];
}

/** Merges statements by Sid: a later statement with the same non-empty Sid replaces the earlier. */
function mergeBySid(into: Record<string, unknown>[], add: Record<string, unknown>[]): void {
    for (const s of add) {
        const i = typeof s.Sid === "string" ? into.findIndex((x) => x.Sid === s.Sid) : -1;
        if (i >= 0) {
            into[i] = s;
        } else {
            into.push(s);
        }
    }
}

/** The answer of `aws:iam/getPolicyDocument:getPolicyDocument` for `args`. */
export function policyDocument(args: Props): Record<string, Value> {
    const merged: Record<string, unknown>[] = [];
    for (const source of strings(args.sourcePolicyDocuments)) {
        mergeBySid(merged, statementsOf(source));
    }
    mergeBySid(merged, (Array.isArray(args.statements) ? args.statements : []).map(statement));
    for (const override of strings(args.overridePolicyDocuments)) {
        mergeBySid(merged, statementsOf(override));
    }
    const doc: Record<string, unknown> = {
        Version: typeof args.version === "string" ? args.version : "2012-10-17",
        Id: typeof args.policyId === "string" ? args.policyId : undefined,
        Statement: merged,
    };
    const json = goEscape(JSON.stringify(doc, null, 2));
    return {
        id: String(crc32(json) >>> 0),
        json,
        minifiedJson: goEscape(JSON.stringify(doc)),
        version: doc.Version as string,
        ...(args.policyId === undefined ? {} : { policyId: args.policyId }),
        statements: Array.isArray(args.statements) ? args.statements : [],
    };
}
