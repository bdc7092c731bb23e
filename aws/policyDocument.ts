/**
 * IAM policy document types and the statements every key policy in this package shares. Pure.
 */
import { AwsLocation, validateIamPrincipalArn } from "./arn";
import { InputError } from "./errors";

/** A condition block: operator → context key → value(s). */
export type PolicyCondition = Record<string, Record<string, string | string[]>>;

/** The principal of a statement. */
export interface PolicyPrincipal {
    /** IAM principals: account roots, roles, users. */
    AWS?: string | string[];
    /** Service principals, e.g. `logs.us-east-1.amazonaws.com`. */
    Service?: string | string[];
}

/** One statement of a key policy or bucket policy. */
export interface PolicyStatement {
    /** Statement id; every statement this package writes has a stable one. */
    Sid: string;
    /** Allow or Deny. */
    Effect: "Allow" | "Deny";
    /** Who the statement is about. */
    Principal: PolicyPrincipal | "*";
    /** Actions, e.g. `kms:Decrypt`. */
    Action: string | string[];
    /** Resources; `*` in a key policy means "this key". */
    Resource: string | string[];
    /** Conditions the request must meet. */
    Condition?: PolicyCondition;
}

/** An IAM policy document (version 2012-10-17). */
export interface PolicyDocument {
    /** Policy language version; always `2012-10-17`. */
    Version: "2012-10-17";
    /** Optional policy id. */
    Id?: string;
    /** The statements. */
    Statement: PolicyStatement[];
}

/** One value as a string, several as an array: the form the AWS documentation uses. */
export function oneOrMany(values: readonly string[]): string | string[] {
    return values.length === 1 ? values[0] : [...values];
}

/** Checks the location a builder was given: every ARN in the policy is built from it. */
export function validateLocation(where: AwsLocation): AwsLocation {
    const checks: [keyof AwsLocation, RegExp, string][] = [
        ["partition", /^aws(-[a-z]+)*$/, "'aws', 'aws-cn', 'aws-us-gov', ..."],
        ["region", /^[a-z]{2}(-[a-z]+)+-\d+$/, "a region name such as 'us-east-1'"],
        ["accountId", /^\d{12}$/, "a 12-digit account id"],
        ["dnsSuffix", /^[a-z0-9-]+(\.[a-z0-9-]+)+$/, "a DNS suffix such as 'amazonaws.com'"],
    ];
    for (const [field, pattern, allowed] of checks) {
        const value: unknown = where[field];
        if (typeof value !== "string" || !pattern.test(value)) {
            throw new InputError(
                field,
                value,
                "cannot build a key policy for this location",
                allowed,
                "pass the values aws.getPartition, aws.getRegion and aws.getCallerIdentity return",
            );
        }
    }
    return where;
}

/**
 * Checks a list of key administrators as `argument` (the name the user wrote, e.g. `keyAdminArns`
 * on a component, `adminArns` on a key): a list (a single string is named as such), not empty,
 * each an IAM role, user or account-root ARN (in `partition` when it is known).
 */
export function validateAdminArns(argument: string, value: unknown, partition?: string): string[] {
    if (typeof value === "string") {
        throw new InputError(
            argument,
            value,
            "a list of ARNs is expected, not a single string",
            "a list of one or more IAM role, user or account-root ARNs",
            `put the ARN in a list: ${argument}: [${JSON.stringify(value)}]`,
        );
    }
    if (!Array.isArray(value) || value.length === 0) {
        throw new InputError(
            argument,
            value,
            "a key nobody can administer can never be changed or recovered",
            "one or more IAM role, user or account-root ARNs",
            `list at least one admin, or omit ${argument} to let the account root (and so IAM) administer the key`,
        );
    }
    return value.map((arn, i) => validateIamPrincipalArn(`${argument}[${i}]`, arn, partition));
}

/**
 * The key-administration statement. The account root (which delegates to IAM) unless
 * explicit admin ARNs are given; never dropped, since a key nobody can administer is lost.
 */
export function keyAdministrationStatement(
    where: AwsLocation,
    adminArns: readonly string[] | undefined,
): PolicyStatement {
    const admins =
        adminArns === undefined
            ? [`arn:${where.partition}:iam::${where.accountId}:root`]
            : validateAdminArns("adminArns", adminArns, where.partition);
    return {
        Sid: "KeyAdministration",
        Effect: "Allow",
        Principal: { AWS: oneOrMany(admins) },
        Action: "kms:*",
        Resource: "*",
    };
}
