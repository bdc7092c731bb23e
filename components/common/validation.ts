/**
 * Validators for the arguments the components accept. Pure: plain values in, the same (or a
 * normalised) value out, or an {@link InputError} that names the argument, the value, what is
 * allowed and the fix.
 */
import { InputError } from "../../aws/errors";

/** Retention periods CloudWatch Logs accepts (`PutRetentionPolicy`), in days; 0 means "never expire". */
export const RETENTION_DAYS: readonly number[] = [
    0, 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922,
    3288, 3653,
];

const LOG_GROUP_NAME_PATTERN = /^[A-Za-z0-9_\-/.#]+$/;

/**
 * The characters of `value` that `allowed` (a pattern matching one allowed character, or a whole
 * string of them) refuses, as an error's problem: `S3 rejects the characters "A", "_"`; undefined
 * when there are none.
 */
export function rejectedCharacters(
    service: string,
    value: string,
    allowed: RegExp,
): string | undefined {
    const bad = [...new Set([...value].filter((c) => !allowed.test(c)))];
    if (bad.length === 0) {
        return undefined;
    }
    return `${service} rejects the character${bad.length > 1 ? "s" : ""} ${bad
        .map((c) => JSON.stringify(c))
        .join(", ")}`;
}

/** Checks `retentionInDays` against the values CloudWatch Logs accepts. */
export function validateRetentionInDays(value: unknown, argument = "retentionInDays"): number {
    if (typeof value === "number" && RETENTION_DAYS.includes(value)) {
        return value;
    }
    let fix = "use one of the allowed values";
    if (typeof value === "number" && Number.isFinite(value)) {
        // 0 ("never expire") is a different choice, not a nearby period: suggest periods only.
        const periods = RETENTION_DAYS.filter((d) => d !== 0);
        const below = [...periods].reverse().find((d) => d < value);
        const above = periods.find((d) => d > value);
        const nearest = [below, above].filter((d): d is number => d !== undefined);
        if (nearest.length > 0) {
            fix = `use ${nearest.join(" or ")}, the nearest allowed value${nearest.length > 1 ? "s" : ""}`;
        }
    }
    throw new InputError(
        argument,
        value,
        "CloudWatch Logs does not accept this retention period",
        `0 (never expire), ${RETENTION_DAYS.filter((d) => d !== 0).join(", ")}`,
        fix,
    );
}

/** Checks a log group name against the rules of `CreateLogGroup`. */
export function validateLogGroupName(value: unknown, argument = "logGroupName"): string {
    const allowed =
        "1 to 512 characters from a-z, A-Z, 0-9, '_', '-', '/', '.', '#', not starting with 'aws/'";
    if (typeof value !== "string" || value.length === 0) {
        throw new InputError(
            argument,
            value,
            "a log group needs a non-empty name",
            allowed,
            "give a name such as '/app/orders', or omit it to use the resource name",
        );
    }
    if (value.length > 512) {
        throw new InputError(
            argument,
            value,
            `the name is ${value.length} characters long, over CloudWatch Logs' limit`,
            allowed,
            "shorten the name to 512 characters or fewer",
        );
    }
    const rejected = rejectedCharacters("CloudWatch Logs", value, LOG_GROUP_NAME_PATTERN);
    if (rejected !== undefined) {
        throw new InputError(
            argument,
            value,
            rejected,
            allowed,
            "replace those characters, e.g. with '-' or '/'",
        );
    }
    if (value.startsWith("aws/")) {
        throw new InputError(
            argument,
            value,
            "names starting with 'aws/' are reserved for AWS services",
            allowed,
            "use another prefix, e.g. '/app/...'",
        );
    }
    return value;
}

/** Checks that `value` is an integer in `[min, max]`. */
export function validateIntegerInRange(
    argument: string,
    value: unknown,
    min: number,
    max: number,
    fix: string,
): number {
    if (typeof value === "number" && Number.isInteger(value) && value >= min && value <= max) {
        return value;
    }
    throw new InputError(
        argument,
        value,
        "out of range",
        `a whole number from ${min} to ${max}`,
        fix,
    );
}

/** Checks that `value` is one of `allowed`. */
export function validateOneOf(
    argument: string,
    value: unknown,
    allowed: readonly string[],
    problem: string,
    fix: string,
): string {
    if (typeof value === "string" && allowed.includes(value)) {
        return value;
    }
    // A known value in the wrong case (or with '-' for '_'): the problem is the spelling, not
    // the choice, so say that rather than why the other values are refused.
    const normal = (v: string) => v.toUpperCase().replace(/-/g, "_");
    const meant =
        typeof value === "string" ? allowed.find((a) => normal(a) === normal(value)) : undefined;
    if (meant !== undefined) {
        throw new InputError(
            argument,
            value,
            "the allowed values are case-sensitive",
            allowed.join(", "),
            `did you mean ${JSON.stringify(meant)}? Write ${argument}: ${JSON.stringify(meant)}`,
        );
    }
    throw new InputError(argument, value, problem, allowed.join(", "), fix);
}

/**
 * Checks a KMS alias name and returns it with the `alias/` prefix. Accepts `orders-logs` or
 * `alias/orders-logs`.
 */
export function validateAliasName(value: unknown, argument = "alias"): string {
    const allowed =
        "'alias/' followed by 1 to 250 characters from a-z, A-Z, 0-9, '/', '_', '-', not starting with 'alias/aws/'";
    if (typeof value !== "string" || value.length === 0) {
        throw new InputError(
            argument,
            value,
            "an alias needs a non-empty name",
            allowed,
            "give a name such as 'alias/orders-logs', or omit the alias",
        );
    }
    const full = value.startsWith("alias/") ? value : `alias/${value}`;
    const rest = full.slice("alias/".length);
    if (!/^[A-Za-z0-9/_-]{1,250}$/.test(rest)) {
        throw new InputError(
            argument,
            value,
            "KMS rejects this alias name",
            allowed,
            "use only letters, digits, '/', '_' and '-'",
        );
    }
    if (full.startsWith("alias/aws/")) {
        throw new InputError(
            argument,
            value,
            "aliases starting with 'alias/aws/' are reserved for AWS managed keys",
            allowed,
            "choose another name, e.g. 'alias/logs/orders'",
        );
    }
    return full;
}

/** Checks that a list argument is an array (possibly empty) and returns it. */
export function validateList<T>(argument: string, value: unknown): T[] {
    if (Array.isArray(value)) {
        return value as T[];
    }
    throw new InputError(
        argument,
        value,
        "expected a list",
        "an array of strings",
        `pass a list, e.g. ${argument}: ["..."]`,
    );
}

/** The policy language version of CloudWatch Logs data protection policies. */
export const DATA_PROTECTION_POLICY_VERSION = "2021-06-01";

/**
 * Checks a CloudWatch Logs data protection policy document: JSON with a `Name`, `Version`
 * `2021-06-01` and at least one statement. CloudWatch Logs User Guide, "Understanding data
 * protection policies": "A data protection policy requires the following basic policy information
 * for identification: Name – The policy name. ... Version – The policy language version. The
 * current version is 2021-06-01." The statements themselves (data identifiers, audit and
 * de-identify operations) are CloudWatch Logs' to judge.
 */
export function validateDataProtectionPolicy(
    value: unknown,
    argument = "dataProtectionPolicy",
): string {
    const allowed = `a JSON document with "Name", "Version": "${DATA_PROTECTION_POLICY_VERSION}" and a non-empty "Statement" list`;
    let doc: unknown;
    try {
        doc = typeof value === "string" ? JSON.parse(value) : undefined;
    } catch {
        doc = undefined;
    }
    if (doc === null || typeof doc !== "object" || Array.isArray(doc)) {
        throw new InputError(
            argument,
            value,
            "not a JSON data protection policy document",
            allowed,
            "pass JSON.stringify({...}) of the policy, or the json output of aws.cloudwatch.getLogDataProtectionPolicyDocument",
        );
    }
    const { Name, Version, Statement } = doc as Record<string, unknown>;
    if (
        typeof Name !== "string" ||
        Name === "" ||
        Version !== DATA_PROTECTION_POLICY_VERSION ||
        !Array.isArray(Statement) ||
        Statement.length === 0
    ) {
        throw new InputError(
            argument,
            value,
            `a data protection policy needs a Name, Version "${DATA_PROTECTION_POLICY_VERSION}" (the current policy language version) and at least one statement`,
            allowed,
            `add the missing parts, e.g. { "Name": "orders", "Version": "${DATA_PROTECTION_POLICY_VERSION}", "Statement": [...] }`,
        );
    }
    return value as string;
}
