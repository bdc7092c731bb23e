/**
 * The condition operators of IAM policies, for the key-policy evaluator (./iam.ts): String*,
 * Arn*, Numeric*, Date*, Bool, BinaryEquals, IpAddress/NotIpAddress, Null, `...IfExists` and the
 * `ForAnyValue:`/`ForAllValues:` set qualifiers, on a single-valued request context.
 */
import { BlockList, isIP } from "node:net";
import { BoundedMap } from "./boundedMap";
import { Env, arnMatch, globMatch, literalOf, resolve } from "./patterns";

function asList(value: unknown): unknown[] {
    return Array.isArray(value) ? value : value === undefined ? [] : [value];
}

/** The comparison of one policy value with the request value; `undefined`: they cannot be compared. */
type Compare = (policyValue: string, requestValue: string, env: Env) => boolean | undefined;

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const NUMERIC = (f: (request: number, policy: number) => boolean): Compare => {
    return (p, r) => (NUMBER.test(p) && NUMBER.test(r) ? f(Number(r), Number(p)) : undefined);
};

/** W3C's ISO 8601 profile (http://www.w3.org/TR/NOTE-datetime), after a bare year. */
const W3C_DATE = /^\d{4}-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?)?$/;
/**
 * IAM User Guide, Date condition operators: "You must specify date/time values with one of the
 * W3C implementations of the ISO 8601 date formats or in epoch (UNIX) time" (seconds).
 */
function parseDate(value: string): number | undefined {
    if (/^-?\d+$/.test(value)) {
        return Number(value) * 1000;
    }
    const t = W3C_DATE.test(value) ? Date.parse(value) : NaN;
    return Number.isNaN(t) ? undefined : t;
}
const DATE = (f: (request: number, policy: number) => boolean): Compare => {
    return (p, r) => {
        const a = parseDate(r);
        const b = parseDate(p);
        return a !== undefined && b !== undefined ? f(a, b) : undefined;
    };
};

const literal = (p: string, env: Env): string | undefined => {
    const pattern = resolve(p, env, false);
    return pattern === undefined ? undefined : literalOf(pattern);
};
const equals: Compare = (p, r, env) => {
    const l = literal(p, env);
    return l === undefined ? undefined : l === r;
};
const equalsIgnoreCase: Compare = (p, r, env) => {
    const l = literal(p, env);
    return l === undefined ? undefined : l.toLowerCase() === r.toLowerCase();
};
const like: Compare = (p, r, env) => {
    const pattern = resolve(p, env, true);
    return pattern === undefined ? undefined : globMatch(pattern, r);
};
const arn: Compare = (p, r, env) => {
    const pattern = resolve(p, env, true);
    return pattern === undefined ? undefined : arnMatch(pattern, r);
};
const bool: Compare = (p, r, env) => {
    const l = literal(p, env)?.toLowerCase();
    const v = r.toLowerCase();
    const isBool = (x: string | undefined) => x === "true" || x === "false";
    return isBool(l) && isBool(v) ? l === v : undefined;
};

/** A CIDR block of an IP address condition: the addresses it holds and their family. */
export interface CidrBlock {
    readonly list: BlockList;
    readonly family: "ipv4" | "ipv6";
}

/**
 * The block `text` names, or `null` when it names none. IAM User Guide, IP address condition
 * operators: "If you specify an IP address without the associated routing prefix, IAM uses the
 * default prefix value of /32" (/128 for an IPv6 address).
 */
export function cidrBlock(text: string): CidrBlock | null {
    const [address, prefix, ...rest] = text.split("/");
    const version = isIP(address);
    const maxBits = version === 6 ? 128 : 32;
    const bits = prefix === undefined ? maxBits : Number(prefix);
    if (
        version === 0 ||
        rest.length > 0 ||
        (prefix !== undefined && !/^\d{1,3}$/.test(prefix)) ||
        bits > maxBits
    ) {
        return null;
    }
    const family = version === 6 ? "ipv6" : "ipv4";
    const list = new BlockList();
    list.addSubnet(address, bits, family);
    return { list, family };
}

const blocks = new BoundedMap<string, CidrBlock | null>(1_000);
/** IpAddress: the request address is in the policy's block; an address of the other family never is. */
const inSubnet: Compare = (p, r) => {
    let block = blocks.get(p);
    if (block === undefined) {
        block = cidrBlock(p);
        blocks.set(p, block);
    }
    const version = isIP(r);
    if (block === null || version === 0) {
        return undefined;
    }
    return (version === 6 ? "ipv6" : "ipv4") === block.family && block.list.check(r, block.family);
};

/** Positive operators and their negated twins. */
const OPERATORS: Record<string, { compare: Compare; negated: boolean }> = {
    StringEquals: { compare: equals, negated: false },
    StringNotEquals: { compare: equals, negated: true },
    StringEqualsIgnoreCase: { compare: equalsIgnoreCase, negated: false },
    StringNotEqualsIgnoreCase: { compare: equalsIgnoreCase, negated: true },
    StringLike: { compare: like, negated: false },
    StringNotLike: { compare: like, negated: true },
    ArnEquals: { compare: arn, negated: false },
    ArnLike: { compare: arn, negated: false },
    ArnNotEquals: { compare: arn, negated: true },
    ArnNotLike: { compare: arn, negated: true },
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
    Bool: { compare: bool, negated: false },
    BinaryEquals: { compare: (p, r) => p === r, negated: false },
    IpAddress: { compare: inSubnet, negated: false },
    NotIpAddress: { compare: inSubnet, negated: true },
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
function conditionHolds(operatorName: string, key: string, value: unknown, env: Env): boolean {
    const values = conditionValues(value);
    if (values === undefined) {
        return false;
    }
    const requestValue = env.context.get(key.toLowerCase());
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
        if (qualifier !== undefined) {
            return false;
        }
        return values.some((v) => v.toLowerCase() === String(requestValue === undefined));
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
        // IAM User Guide, multivalued context keys: ForAllValues "also returns true if there are
        // no keys in the request"; ForAnyValue: "For no matching key or a null dataset, the
        // condition returns false". Condition operators: "If the key that you specify in a policy
        // condition is not present in the request context, the values do not match and the
        // condition is false. If the policy condition requires that the key is not matched, such
        // as StringNotLike or ArnNotLike, and the right key is not present, the condition is true."
        if (qualifier !== undefined) {
            return qualifier === "ForAllValues";
        }
        return ifExists || operator.negated;
    }
    // A single request value is a set of one for ForAnyValue and ForAllValues alike.
    const results = values.map((v) => operator.compare(v, requestValue, env));
    // A value that cannot be compared (not a number, not an ARN, an unresolvable variable) never
    // matches, negated or not.
    return operator.negated ? results.every((r) => r === false) : results.some((r) => r === true);
}

/** Whether every operator and key of a statement's Condition holds (no Condition: true). */
export function conditionsHold(condition: unknown, env: Env): boolean {
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
            conditionHolds(operator, key, value, env),
        );
    });
}
