/**
 * Validators for the CloudTrail arguments: trail names (CreateTrail's rules), S3 bucket names (S3's
 * general-purpose bucket naming rules), the S3 key prefix, and the trail's region settings. Pure:
 * plain values in, the value out, or an {@link InputError} naming argument, value, allowed and fix.
 */
import { callerIsAmong } from "../../aws/arn";
import { InputError } from "../../aws/errors";
import { rejectedCharacters, validateIntegerInRange, validateOneOf } from "../common/validation";

const IP_ADDRESS = /^\d{1,3}(\.\d{1,3}){3}$/;

/** What CloudTrail accepts as a trail name (the CreateTrail `Name` rules). */
export const TRAIL_NAME_RULES =
    "3 to 128 characters from a-z, A-Z, 0-9, '.', '_', '-', starting and ending with a letter or digit, no two of '.', '_', '-' next to each other, not an IP address";

/**
 * Checks a trail name against CloudTrail's rules: 3-128 characters, ASCII letters, digits, `.`, `_`
 * and `-`, starting and ending with a letter or digit, no adjacent `.`/`_`/`-` (`my-_trail`,
 * `my--trail`), not in IP address form.
 */
export function validateTrailName(value: unknown, argument = "trailName"): string {
    const refuse = (problem: string, fix: string): never => {
        throw new InputError(argument, value, problem, TRAIL_NAME_RULES, fix);
    };
    if (typeof value !== "string" || value.length === 0) {
        return refuse(
            "a trail needs a name",
            "give a name such as 'org-audit', or omit it to use the resource name",
        );
    }
    if (value.length < 3 || value.length > 128) {
        refuse(
            `the name is ${value.length} character${value.length === 1 ? "" : "s"} long`,
            "use a name of 3 to 128 characters",
        );
    }
    const rejected = rejectedCharacters("CloudTrail", value, /^[A-Za-z0-9._-]+$/);
    if (rejected !== undefined) {
        refuse(rejected, "replace those characters, e.g. with '-'");
    }
    if (!/^[A-Za-z0-9]/.test(value) || !/[A-Za-z0-9]$/.test(value)) {
        refuse(
            "the name must start and end with a letter or digit",
            "remove the leading or trailing '.', '_' or '-'",
        );
    }
    const adjacent = /[._-]{2}/.exec(value);
    if (adjacent !== null) {
        refuse(
            `'${adjacent[0]}' puts two of '.', '_', '-' next to each other`,
            "keep a letter or digit between separators, e.g. 'my-trail' instead of 'my-_trail'",
        );
    }
    if (IP_ADDRESS.test(value)) {
        refuse("the name looks like an IP address", "use a name with letters in it");
    }
    return value;
}

/** What S3 accepts as a general-purpose bucket name. */
export const BUCKET_NAME_RULES =
    "3 to 63 characters from a-z, 0-9, '.', '-', starting and ending with a letter or digit, no '..', not an IP address, not starting with 'xn--', 'sthree-' or 'amzn-s3-demo-', not ending with '-s3alias', '--ol-s3', '.mrap', '--x-s3' or '--table-s3'";

const RESERVED_BUCKET_PREFIXES = ["xn--", "sthree-", "amzn-s3-demo-"];
const RESERVED_BUCKET_SUFFIXES = ["-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3"];

/**
 * A name S3 accepts made from a refused one: lowercase, every other character `-`, no `..`,
 * trimmed to start and end with a letter or digit; `undefined` when that still breaks a rule
 * (the suggestion is checked by {@link validateBucketName} itself, so it is never refused).
 */
export function suggestedBucketName(value: string): string | undefined {
    const name = value
        .toLowerCase()
        .replace(/[^a-z0-9.-]/g, "-")
        .replace(/\.{2,}/g, ".")
        .replace(/^[.-]+|[.-]+$/g, "");
    try {
        return validateBucketName(name);
    } catch {
        return undefined;
    }
}

/** Checks an S3 bucket name against S3's naming rules for general-purpose buckets. */
export function validateBucketName(value: unknown, argument = "bucketName"): string {
    const refuse = (problem: string, fix: string): never => {
        throw new InputError(argument, value, problem, BUCKET_NAME_RULES, fix);
    };
    if (typeof value !== "string" || value.length === 0) {
        return refuse(
            "a bucket needs a name",
            "give a globally unique name such as 'acme-audit-logs-111122223333', or omit it to let Pulumi generate one",
        );
    }
    if (value.length < 3 || value.length > 63) {
        refuse(
            `the name is ${value.length} character${value.length === 1 ? "" : "s"} long`,
            "use 3 to 63 characters",
        );
    }
    const rejected = rejectedCharacters("S3", value, /^[a-z0-9.-]+$/);
    if (rejected !== undefined) {
        const suggestion = suggestedBucketName(value);
        refuse(
            rejected,
            suggestion === undefined
                ? "use only lowercase letters, digits, '.' and '-'"
                : `use only lowercase letters, digits, '.' and '-', e.g. '${suggestion}'`,
        );
    }
    if (!/^[a-z0-9]/.test(value) || !/[a-z0-9]$/.test(value)) {
        refuse(
            "the name must start and end with a letter or digit",
            "remove the leading or trailing '.' or '-'",
        );
    }
    if (value.includes("..")) {
        refuse("the name has two adjacent periods", "replace '..' with '.'");
    }
    if (IP_ADDRESS.test(value)) {
        refuse("the name looks like an IP address", "use a name with letters in it");
    }
    const prefix = RESERVED_BUCKET_PREFIXES.find((p) => value.startsWith(p));
    if (prefix !== undefined) {
        refuse(`names starting with '${prefix}' are reserved`, "choose another prefix");
    }
    const suffix = RESERVED_BUCKET_SUFFIXES.find((s) => value.endsWith(s));
    if (suffix !== undefined) {
        refuse(`names ending with '${suffix}' are reserved`, "choose another ending");
    }
    return value;
}

/**
 * Checks the S3 key prefix of a trail: no leading or trailing `/` (CloudTrail adds the slashes:
 * `<prefix>/AWSLogs/...`, so `logs/` would write to `logs//AWSLogs/...` and miss the bucket
 * policy's resource), at most 200 characters, not empty.
 */
export function validateS3KeyPrefix(value: unknown, argument = "s3KeyPrefix"): string {
    const allowed = "1 to 200 characters, without a leading or trailing '/', e.g. 'org/audit'";
    if (typeof value !== "string" || value.length === 0) {
        throw new InputError(
            argument,
            value,
            "an empty prefix is not a prefix",
            allowed,
            "omit s3KeyPrefix to write directly under AWSLogs/",
        );
    }
    if (value.startsWith("/") || value.endsWith("/")) {
        const trimmed = value.replace(/^\/+|\/+$/g, "");
        throw new InputError(
            argument,
            value,
            "CloudTrail adds the '/' itself, so a leading or trailing slash puts the logs under a key the bucket policy does not name",
            allowed,
            trimmed === "" ? "omit s3KeyPrefix" : `use '${trimmed}'`,
        );
    }
    if (value.length > 200) {
        throw new InputError(
            argument,
            value,
            `the prefix is ${value.length} characters long, over CloudTrail's limit`,
            allowed,
            "shorten the prefix",
        );
    }
    return value;
}

/** The region settings of a trail as the user gave them. */
export interface TrailRegionArgs {
    readonly isMultiRegionTrail?: boolean;
    readonly includeGlobalServiceEvents?: boolean;
}

/**
 * Applies the defaults (multi-Region, global service events on) and refuses the combination
 * CloudTrail rejects: a multi-Region trail must include global service events.
 */
export function validatedTrailRegions(args: TrailRegionArgs): Required<TrailRegionArgs> {
    const isMultiRegionTrail = args.isMultiRegionTrail ?? true;
    const includeGlobalServiceEvents = args.includeGlobalServiceEvents ?? true;
    if (isMultiRegionTrail && !includeGlobalServiceEvents) {
        throw new InputError(
            "includeGlobalServiceEvents",
            includeGlobalServiceEvents,
            "a multi-Region trail must include global service events (CloudTrail rejects it with InvalidParameterCombinationException)",
            "includeGlobalServiceEvents: true with isMultiRegionTrail: true (the default)",
            "remove includeGlobalServiceEvents: false, or set isMultiRegionTrail: false for a single-Region trail",
        );
    }
    return { isMultiRegionTrail, includeGlobalServiceEvents };
}

/** Why a trail's creator must be able to decrypt with the trail key (see {@link checkCallerAmongAdmins}). */
export const TRAIL_CALLER_NEEDS_DECRYPT =
    "CloudTrail requires of the caller that creates or updates a trail whose bucket uses an S3 Bucket Key";

/**
 * Why an event data store's creator must be able to use its key: CloudTrail User Guide, "When you
 * create an event data store and encrypt it with a KMS key, or run queries on an event data store
 * that you're encrypting with a KMS key, you should have write access to the KMS key."
 */
export const EVENT_DATA_STORE_CALLER_NEEDS_KEY =
    "CloudTrail requires of whoever creates an event data store encrypted with the key";

/**
 * Checks that explicit key administrators include whoever runs `pulumi up` (`callerArn`), or the
 * account root: with `keyAdminArns` the account root no longer delegates to IAM, and CloudTrail
 * needs that caller to be able to decrypt with the key. CloudTrail User Guide, "Configure AWS KMS
 * key policies for CloudTrail": "If you are using an existing S3 bucket with an S3 Bucket Key,
 * `kms:Decrypt` permissions are required to create or update a trail with SSE-KMS encryption
 * enabled." (KMS would also refuse the key policy: `CreateKey` requires that "the key policy must
 * allow the principal that is making the CreateKey request to make a subsequent PutKeyPolicy
 * request", KMS API Reference.) A caller whose ARN names no principal a key policy can list (a
 * federated user) is left to KMS.
 */
export function checkCallerAmongAdmins(
    adminArns: readonly string[],
    callerArn: string,
    argument = "keyAdminArns",
    why = TRAIL_CALLER_NEEDS_DECRYPT,
): readonly string[] {
    if (callerIsAmong(callerArn, adminArns) === false) {
        throw new InputError(
            argument,
            adminArns,
            `whoever runs pulumi up (${callerArn}) is not among them, so nothing in the key policy lets it kms:Decrypt, which ${why} (and KMS refuses a key policy its creator could not change again)`,
            "admins that include the role or user running pulumi up, or the account root",
            "add that role's or user's ARN to keyAdminArns, or omit keyAdminArns so the account root (and IAM) administers the key",
        );
    }
    return adminArns;
}

/** What CloudTrail accepts as an event data store name (CreateEventDataStore `Name`). */
export const EVENT_DATA_STORE_NAME_RULES = "3 to 128 characters from a-z, A-Z, 0-9, '.', '_', '-'";

/**
 * Checks an event data store name: CreateEventDataStore, `Name`: "Length Constraints: Minimum
 * length of 3. Maximum length of 128. Pattern: `^[a-zA-Z0-9._\-]+$`".
 */
export function validateEventDataStoreName(
    value: unknown,
    argument = "eventDataStoreName",
): string {
    const fix = "use a name of 3 to 128 characters, e.g. 'org-audit-lake'";
    if (typeof value !== "string") {
        throw new InputError(
            argument,
            value,
            "an event data store needs a name",
            EVENT_DATA_STORE_NAME_RULES,
            fix,
        );
    }
    if (value.length < 3 || value.length > 128) {
        throw new InputError(
            argument,
            value,
            `the name is ${value.length} character${value.length === 1 ? "" : "s"} long`,
            EVENT_DATA_STORE_NAME_RULES,
            fix,
        );
    }
    const rejected = rejectedCharacters("CloudTrail", value, /^[A-Za-z0-9._-]+$/);
    if (rejected !== undefined) {
        throw new InputError(
            argument,
            value,
            rejected,
            EVENT_DATA_STORE_NAME_RULES,
            "replace those characters, e.g. with '-'",
        );
    }
    return value;
}

/** The billing modes of an event data store, and the longest retention each allows, in days. */
export const EVENT_DATA_STORE_MAX_RETENTION: Readonly<Record<string, number>> = {
    EXTENDABLE_RETENTION_PRICING: 3653,
    FIXED_RETENTION_PRICING: 2557,
};

/**
 * Checks an event data store's retention against its billing mode. CreateEventDataStore,
 * `RetentionPeriod`: "If BillingMode is set to EXTENDABLE_RETENTION_PRICING, you can set a
 * retention period of up to 3653 days, the equivalent of 10 years. If BillingMode is set to
 * FIXED_RETENTION_PRICING, you can set a retention period of up to 2557 days", and "Valid Range:
 * Minimum value of 7. Maximum value of 3653."
 */
export function validateEventDataStoreRetention(
    retentionPeriod: unknown,
    billingMode: unknown,
): { retentionPeriod: number; billingMode: string } {
    const mode = validateOneOf(
        "billingMode",
        billingMode,
        Object.keys(EVENT_DATA_STORE_MAX_RETENTION),
        "CloudTrail Lake has no such billing mode",
        "use EXTENDABLE_RETENTION_PRICING (the default) or FIXED_RETENTION_PRICING",
    );
    const max = EVENT_DATA_STORE_MAX_RETENTION[mode];
    const days = validateIntegerInRange(
        "retentionPeriod",
        retentionPeriod,
        7,
        max,
        mode === "FIXED_RETENTION_PRICING"
            ? "FIXED_RETENTION_PRICING keeps events at most 2557 days; use fewer days, or EXTENDABLE_RETENTION_PRICING for up to 3653"
            : "keep events 7 to 3653 days",
    );
    return { retentionPeriod: days, billingMode: mode };
}
