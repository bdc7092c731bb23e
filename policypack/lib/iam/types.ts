/** The requests, decisions and parsed policies of the key-policy evaluator (`policy.ts`). */

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
export type Statement = Record<string, unknown>;

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
