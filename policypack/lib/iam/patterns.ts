/**
 * Patterns of IAM policies, for the key-policy evaluator (./iam.ts): policy variables replaced from
 * the request context, `*` and `?` wildcards, ARNs compared component by component, and which ids
 * a KMS key not created yet may get that a `key/...` pattern matches.
 */
import { BoundedMap } from "./boundedMap";

/** `*` in a pattern: any characters. */
export const ANY = 0;
/** `?` in a pattern: one character. */
export const ONE = 1;
/** A piece of a pattern: text from the policy, a substituted value (`{ value }`), `*` or `?`. */
export type Piece = string | { readonly value: string } | typeof ANY | typeof ONE;
/** A pattern after policy variables are replaced. */
export type Pattern = readonly Piece[];

/** What patterns are resolved against: the request context (keys lower-cased). */
export interface Env {
    readonly context: ReadonlyMap<string, string>;
    readonly variables: boolean;
}

/** An {@link Env} with no context and no variables (actions, the first ARN components). */
export const NO_VARIABLES: Env = { context: new Map(), variables: false };

const plainPatterns = new BoundedMap<string, Pattern>(20_000);

/**
 * `text` as pieces, policy variables replaced from the context; `undefined` when a variable has
 * no value and no default (IAM User Guide, Variables: "any attempt to match it fails and causes
 * the statement to be invalid"). Without `wildcards`, `*` and `?` are literal.
 */
export function resolve(text: string, env: Env, wildcards: boolean): Pattern | undefined {
    const dynamic = env.variables && text.includes("${");
    const cacheKey = `${wildcards ? "w" : "l"}${text}`;
    if (!dynamic) {
        const known = plainPatterns.get(cacheKey);
        if (known !== undefined) {
            return known;
        }
    }
    const pieces: Piece[] = [];
    let literal = "";
    const flush = () => {
        if (literal !== "") {
            pieces.push(literal);
            literal = "";
        }
    };
    for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (dynamic && c === "$" && text[i + 1] === "{") {
            const end = text.indexOf("}", i + 2);
            if (end >= 0) {
                const inside = text.slice(i + 2, end);
                let value: string | undefined;
                if (inside === "*" || inside === "?" || inside === "$") {
                    value = inside;
                } else {
                    const parts = inside.split(", ");
                    const fallback =
                        parts.length === 2 && /^'.*'$/.test(parts[1])
                            ? parts[1].slice(1, -1)
                            : undefined;
                    const found = env.context.get(parts[0].trim().toLowerCase());
                    value = found !== undefined && found !== "" ? found : fallback || undefined;
                    if (value === undefined) {
                        return undefined;
                    }
                }
                flush();
                pieces.push({ value });
                i = end;
                continue;
            }
        }
        if (wildcards && (c === "*" || c === "?")) {
            flush();
            pieces.push(c === "*" ? ANY : ONE);
        } else {
            literal += c;
        }
    }
    flush();
    if (!dynamic) {
        plainPatterns.set(cacheKey, pieces);
    }
    return pieces;
}

/** The text a piece stands for (`*` and `?` for the wildcards). */
export const textOf = (p: Piece): string =>
    typeof p === "string" ? p : typeof p === "object" ? p.value : p === ANY ? "*" : "?";

/** The pattern as one string, when it has no wildcards. */
export function literalOf(pattern: Pattern): string | undefined {
    return pattern.every((p) => typeof p !== "number") ? pattern.map(textOf).join("") : undefined;
}

const regexCache = new BoundedMap<string, RegExp>(10_000);
/** Whether `value` matches the pattern, `*` and `?` as wildcards. */
export function globMatch(pattern: Pattern, value: string, ignoreCase = false): boolean {
    const literal = literalOf(pattern);
    if (literal !== undefined) {
        return ignoreCase ? literal.toLowerCase() === value.toLowerCase() : literal === value;
    }
    const source = pattern
        .map((p) =>
            p === ANY
                ? "[^]*"
                : p === ONE
                  ? "[^]"
                  : textOf(p).replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&"),
        )
        .join("");
    const cacheKey = `${ignoreCase ? "i" : "s"}${source}`;
    let re = regexCache.get(cacheKey);
    if (re === undefined) {
        re = new RegExp(`^${source}$`, ignoreCase ? "i" : "");
        regexCache.set(cacheKey, re);
    }
    return re.test(value);
}

/**
 * The six ARN components of a pattern, split at the policy's own colons only (a substituted
 * value never shifts a component); `undefined` when there are fewer than six.
 */
function splitPattern(pattern: Pattern): Piece[][] | undefined {
    const parts: Piece[][] = [[]];
    for (const piece of pattern) {
        if (typeof piece !== "string" || parts.length === 6) {
            parts[parts.length - 1].push(piece);
            continue;
        }
        const chunks = piece.split(":");
        chunks.forEach((chunk, i) => {
            if (i > 0) {
                if (parts.length < 6) {
                    parts.push([]);
                } else {
                    parts[5].push(":");
                }
            }
            if (chunk !== "") {
                parts[parts.length - 1].push(chunk);
            }
        });
    }
    return parts.length === 6 ? parts : undefined;
}

/** `arn:partition:service:region:account:resource` as its six components, the last with its colons. */
export function splitArn(arn: string): string[] | undefined {
    const all = arn.split(":");
    return all.length < 6 ? undefined : [...all.slice(0, 5), all.slice(5).join(":")];
}

/**
 * ArnLike/ArnEquals (IAM User Guide: "Each of the six colon-delimited components of the ARN is
 * checked separately"); `undefined` when either side is not an ARN, so negated operators fail too.
 */
export function arnMatch(pattern: Pattern, value: string): boolean | undefined {
    const p = splitPattern(pattern);
    const v = splitArn(value);
    if (p === undefined || v === undefined) {
        return undefined;
    }
    return p.every((part, i) => globMatch(part, v[i]));
}

// ---- Keys not created yet: which new ids the policy's key patterns match.

/** A `key/...` pattern as characters and wildcards. */
export type IdPattern = readonly (string | typeof ANY | typeof ONE)[];

/**
 * A Resource or NotResource that depends on the new key's id: it holds when some pattern matches
 * the id (`negated`: when none does).
 */
export interface IdCondition {
    readonly patterns: readonly IdPattern[];
    readonly negated: boolean;
}

const HEX = "0123456789abcdef";
/**
 * `key/<id>` as character classes, per id form: KMS API reference, "Key ID:
 * 1234abcd-12ab-34cd-56ef-1234567890ab" (a UUID) and, for a multi-Region key, "Key ID:
 * mrk-1234abcd12ab34cd56ef1234567890ab".
 */
const ID_FORMS: Record<"single" | "multi", readonly string[]> = {
    single: [..."key/"].concat(
        [8, 4, 4, 4, 12].flatMap((n, i) => [...(i > 0 ? ["-"] : []), ...Array(n).fill(HEX)]),
    ),
    multi: [..."key/mrk-"].concat(Array(32).fill(HEX)),
};

/** NFA states of a pattern reachable without reading a character (`*` may match nothing). */
function closure(pattern: IdPattern, states: Set<number>): Set<number> {
    for (const i of [...states]) {
        for (let j = i; pattern[j] === ANY; j++) {
            states.add(j + 1);
        }
    }
    return states;
}

function step(pattern: IdPattern, states: ReadonlySet<number>, c: string): Set<number> {
    const next = new Set<number>();
    for (const i of states) {
        if (pattern[i] === ANY) {
            next.add(i);
        } else if (pattern[i] === ONE || pattern[i] === c) {
            next.add(i + 1);
        }
    }
    return closure(pattern, next);
}

/**
 * For every id a new key may get, which patterns match it: the distinct combinations, found by
 * running all patterns together over the id's character classes (a product of their NFAs);
 * `undefined` when there are too many to enumerate.
 */
export function idMatchCombinations(
    patterns: readonly IdPattern[],
    multiRegion: boolean | undefined,
): boolean[][] | undefined {
    const forms =
        multiRegion === undefined
            ? [ID_FORMS.single, ID_FORMS.multi]
            : [multiRegion ? ID_FORMS.multi : ID_FORMS.single];
    const found = new Map<string, boolean[]>();
    for (const form of forms) {
        let states = new Map<string, Set<number>[]>();
        const start = patterns.map((p) => closure(p, new Set([0])));
        states.set("", start);
        for (const chars of form) {
            const next = new Map<string, Set<number>[]>();
            for (const sets of states.values()) {
                for (const c of chars) {
                    const to = sets.map((set, k) => step(patterns[k], set, c));
                    next.set(to.map((set) => [...set].sort((a, b) => a - b).join()).join("|"), to);
                }
            }
            if (next.size > 4_096) {
                return undefined;
            }
            states = next;
        }
        for (const sets of states.values()) {
            const accepted = sets.map((set, k) => set.has(patterns[k].length));
            found.set(accepted.join(), accepted);
        }
    }
    return [...found.values()];
}
