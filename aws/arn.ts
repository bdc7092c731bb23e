/**
 * ARN parsing and the checks CloudWatch Logs and CloudTrail put on the key ARNs they are given.
 * Pure: no Pulumi runtime imports. ARN splitting is done by AWS's own `@aws-sdk/util-arn-parser`.
 */
import { parse as parseArn, validate as looksLikeArn } from "@aws-sdk/util-arn-parser";
import { InputError } from "./errors";

/** Where a resource lives: the stack provider's partition, region, account and DNS suffix. */
export interface AwsLocation {
    /** Partition, e.g. `aws`, `aws-cn`, `aws-us-gov`. */
    readonly partition: string;
    /** Region, e.g. `us-east-1`. */
    readonly region: string;
    /** 12-digit account id. */
    readonly accountId: string;
    /** DNS suffix of the partition, e.g. `amazonaws.com` or `amazonaws.com.cn`. */
    readonly dnsSuffix: string;
}

/** The parts of a KMS key ARN. */
export interface KmsKeyArn {
    /** The whole ARN, as given. */
    readonly arn: string;
    /** Partition of the key, e.g. `aws`. */
    readonly partition: string;
    /** Region of the key. */
    readonly region: string;
    /** Account that owns the key. */
    readonly accountId: string;
    /** The key id: a UUID, or `mrk-` and 32 hex digits for a multi-Region key. */
    readonly keyId: string;
    /** True for a multi-Region key (`mrk-` id). */
    readonly multiRegion: boolean;
}

const KEY_ID_PATTERN =
    /^(mrk-[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;
const ACCOUNT_PATTERN = /^\d{12}$/;
const KEY_ARN_FORM = "arn:<partition>:kms:<region>:<account>:key/<key-id>";

/**
 * Why CloudWatch Logs needs a key ARN. CreateLogGroup and AssociateKmsKey, `kmsKeyId`: "The Amazon
 * Resource Name (ARN) of the KMS key to use when encrypting log data."
 */
export const LOGS_NEEDS_KEY_ARN = "CloudWatch Logs takes only a key ARN as kmsKeyId";

/**
 * Why a trail or event data store component needs a key ARN although CloudTrail does not:
 * CreateTrail and CreateEventDataStore, `KmsKeyId`: "The value can be an alias name prefixed by
 * "alias/", a fully specified ARN to an alias, a fully specified ARN to a key, or a globally unique
 * identifier." The component reads the key's partition, region and account from its ARN.
 */
export const COMPONENT_NEEDS_KEY_ARN =
    "this component reads the key's region and account from its ARN (CloudTrail itself would also take an alias or a key id)";

/**
 * Parses a full KMS key ARN. Aliases, alias ARNs and bare key ids are refused with a message that
 * says why the key ARN itself is needed: `needArn`, by default what CloudWatch Logs requires.
 */
export function parseKmsKeyArn(
    argument: string,
    value: unknown,
    needArn: string = LOGS_NEEDS_KEY_ARN,
): KmsKeyArn {
    if (typeof value !== "string" || value.length === 0) {
        throw new InputError(
            argument,
            value,
            "a KMS key ARN is required here",
            KEY_ARN_FORM,
            "pass the key's ARN, e.g. a LogsKey's `arn` output or an aws.kms.Key's `arn`",
        );
    }
    if (value.startsWith("alias/")) {
        throw new InputError(
            argument,
            value,
            `this is an alias name, not a key ARN; ${needArn}`,
            KEY_ARN_FORM,
            "look the key up with aws.kms.getAliasOutput({ name }).targetKeyArn and pass that",
        );
    }
    if (KEY_ID_PATTERN.test(value)) {
        throw new InputError(
            argument,
            value,
            `this is a bare key id, not a key ARN; ${needArn}`,
            KEY_ARN_FORM,
            "pass the key's `arn` output instead of its `keyId` or `id`",
        );
    }
    if (!looksLikeArn(value)) {
        throw new InputError(argument, value, "not an ARN", KEY_ARN_FORM, "pass the key's ARN");
    }
    const parts = parseArn(value);
    if (parts.service === "kms" && parts.resource.startsWith("alias/")) {
        throw new InputError(
            argument,
            value,
            `this is an alias ARN, not a key ARN; ${needArn}`,
            KEY_ARN_FORM,
            "resolve the alias with aws.kms.getAliasOutput({ name }).targetKeyArn and pass that",
        );
    }
    const keyId = parts.resource.startsWith("key/") ? parts.resource.slice("key/".length) : "";
    if (
        parts.service !== "kms" ||
        !KEY_ID_PATTERN.test(keyId) ||
        parts.partition === "" ||
        parts.region === "" ||
        !ACCOUNT_PATTERN.test(parts.accountId)
    ) {
        throw new InputError(
            argument,
            value,
            "not a KMS key ARN",
            KEY_ARN_FORM,
            "pass the ARN of a KMS key (service 'kms', resource 'key/<id>')",
        );
    }
    return {
        arn: value,
        partition: parts.partition,
        region: parts.region,
        accountId: parts.accountId,
        keyId,
        multiRegion: keyId.startsWith("mrk-"),
    };
}

/**
 * A KMS key reference in a form CloudTrail accepts. CloudTrail API reference, CreateTrail
 * `KmsKeyId`: "The value can be an alias name prefixed by "alias/", a fully specified ARN to an
 * alias, a fully specified ARN to a key, or a globally unique identifier." and "CloudTrail also
 * supports KMS multi-Region keys."
 */
export type CloudTrailKeyReference =
    | { readonly form: "key ARN"; readonly key: KmsKeyArn }
    | {
          readonly form: "alias ARN";
          readonly arn: string;
          readonly partition: string;
          /** The alias's region, which is its key's: "The alias and its associated KMS key must be in the same AWS account and Region" (AWS::KMS::Alias). */
          readonly region: string;
          readonly accountId: string;
          /** `alias/<name>`. */
          readonly aliasName: string;
      }
    | { readonly form: "alias name"; readonly aliasName: string }
    | { readonly form: "key id"; readonly keyId: string; readonly multiRegion: boolean };

/** KMS: "An alias name can contain only alphanumeric characters, forward slashes (/), underscores (_), and dashes (-)". */
const ALIAS_NAME_PATTERN = /^alias\/[a-zA-Z0-9/_-]+$/;

/**
 * Parses a trail's key reference in any of the four forms CloudTrail accepts (see
 * {@link CloudTrailKeyReference}); anything else is refused with a message naming the forms.
 */
export function parseCloudTrailKeyReference(
    argument: string,
    value: unknown,
): CloudTrailKeyReference {
    const forms =
        "alias/<name>, arn:<partition>:kms:<region>:<account>:alias/<name>, " +
        "arn:<partition>:kms:<region>:<account>:key/<key-id>, or <key-id>";
    if (typeof value !== "string" || value.length === 0) {
        throw new InputError(
            argument,
            value,
            "a KMS key reference is required here",
            forms,
            "pass the key's ARN, e.g. a CloudTrailKey's `arn` output or an aws.kms.Key's `arn`",
        );
    }
    if (ALIAS_NAME_PATTERN.test(value)) {
        return { form: "alias name", aliasName: value };
    }
    if (KEY_ID_PATTERN.test(value)) {
        return { form: "key id", keyId: value, multiRegion: value.startsWith("mrk-") };
    }
    if (looksLikeArn(value)) {
        const parts = parseArn(value);
        if (
            parts.service === "kms" &&
            ALIAS_NAME_PATTERN.test(parts.resource) &&
            parts.partition !== "" &&
            parts.region !== "" &&
            ACCOUNT_PATTERN.test(parts.accountId)
        ) {
            return {
                form: "alias ARN",
                arn: value,
                partition: parts.partition,
                region: parts.region,
                accountId: parts.accountId,
                aliasName: parts.resource,
            };
        }
        if (parts.service === "kms" && parts.resource.startsWith("key/")) {
            return { form: "key ARN", key: parseKmsKeyArn(argument, value) };
        }
    }
    throw new InputError(
        argument,
        value,
        "not a key reference CloudTrail accepts (an alias name, an alias ARN, a key ARN or a key id)",
        forms,
        "pass the key's ARN, or an alias or key id of a key in the region of the trail's S3 bucket",
    );
}

/**
 * Parses a key ARN and checks that it lives where the resource using it lives: same partition and
 * same region (the service principal must be in the key's region: step 2 of
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html). `needArn` says why a key ARN is needed, as for `parseKmsKeyArn`.
 */
export function checkKeyLocation(
    argument: string,
    value: unknown,
    where: Pick<AwsLocation, "partition" | "region">,
    user: string,
    needArn: string = LOGS_NEEDS_KEY_ARN,
): KmsKeyArn {
    const key = parseKmsKeyArn(argument, value, needArn);
    if (key.partition !== where.partition) {
        throw new InputError(
            argument,
            value,
            `the key is in partition '${key.partition}' but ${user} is in partition '${where.partition}'`,
            `a key ARN in partition '${where.partition}'`,
            `use a key created in ${where.partition}/${where.region}`,
        );
    }
    if (key.region !== where.region) {
        throw new InputError(
            argument,
            value,
            `the key is in region '${key.region}' but ${user} is in region '${where.region}'; the service can only use a key in its own region`,
            `a key ARN in region '${where.region}'`,
            `create a key in ${where.region} (e.g. a LogsKey with that region's provider) and pass its ARN`,
        );
    }
    return key;
}

/** `arn:<p>:logs:<region>:<account>:log-group:<name>`: the ARN CloudWatch Logs puts in the encryption context. */
export function logGroupArn(where: AwsLocation, logGroupName: string): string {
    return `arn:${where.partition}:logs:${where.region}:${where.accountId}:log-group:${logGroupName}`;
}

/** The parts of a log group ARN. */
export interface LogGroupArn {
    readonly arn: string;
    readonly partition: string;
    readonly region: string;
    readonly accountId: string;
    readonly logGroupName: string;
}

/** Parses a log group ARN, with or without the trailing `:*`. */
export function parseLogGroupArn(argument: string, value: unknown): LogGroupArn {
    const form = "arn:<partition>:logs:<region>:<account>:log-group:<name>";
    if (typeof value !== "string" || !looksLikeArn(value)) {
        throw new InputError(
            argument,
            value,
            "a log group ARN is required here",
            form,
            "pass an EncryptedLogGroup's or aws.cloudwatch.LogGroup's `arn` output",
        );
    }
    const parts = parseArn(value);
    const name = parts.resource.startsWith("log-group:")
        ? parts.resource.slice("log-group:".length).replace(/:\*$/, "")
        : "";
    if (
        parts.service !== "logs" ||
        name === "" ||
        parts.region === "" ||
        !ACCOUNT_PATTERN.test(parts.accountId)
    ) {
        throw new InputError(
            argument,
            value,
            "not a CloudWatch Logs log group ARN",
            form,
            "pass an EncryptedLogGroup's or aws.cloudwatch.LogGroup's `arn` output",
        );
    }
    return {
        arn: value,
        partition: parts.partition,
        region: parts.region,
        accountId: parts.accountId,
        logGroupName: name,
    };
}

/**
 * Checks an IAM principal ARN used in a key policy (an admin or a role): an `iam` ARN in the
 * stack's partition. KMS rejects policies that name principals that do not exist.
 */
export function validateIamPrincipalArn(
    argument: string,
    value: unknown,
    partition?: string,
): string {
    const form = "arn:<partition>:iam::<account>:root | role/<name> | user/<name>";
    if (typeof value !== "string" || !looksLikeArn(value)) {
        throw new InputError(
            argument,
            value,
            "an IAM principal ARN is required here",
            form,
            "pass the ARN of an IAM role, user or account root, e.g. a role's `arn` output",
        );
    }
    const parts = parseArn(value);
    if (
        parts.service !== "iam" ||
        parts.region !== "" ||
        !ACCOUNT_PATTERN.test(parts.accountId) ||
        !/^(root|role\/.+|user\/.+)$/.test(parts.resource)
    ) {
        throw new InputError(
            argument,
            value,
            "not an IAM role, user or account-root ARN",
            form,
            "pass the ARN of an IAM role, user or account root (not an STS session ARN)",
        );
    }
    if (partition !== undefined && parts.partition !== partition) {
        throw new InputError(
            argument,
            value,
            `the principal is in partition '${parts.partition}' but the key is in partition '${partition}'`,
            `an IAM ARN in partition '${partition}'`,
            `use a principal from ${partition}`,
        );
    }
    return value;
}

/**
 * Whether the caller `callerArn` (what `aws.getCallerIdentity` returns for whoever runs
 * `pulumi up`) is one of `principalArns` as a key policy sees it: the account root covers every
 * caller of its account; a role ARN covers that role's sessions
 * (`arn:<p>:sts::<account>:assumed-role/<name>/<session>`; role names are unique in an account, so
 * the role's path does not matter); a user ARN covers that user. Undefined when the caller's ARN
 * names no IAM principal a key policy could list (a federated user, or not an ARN).
 */
export function callerIsAmong(
    callerArn: string,
    principalArns: readonly string[],
): boolean | undefined {
    if (!looksLikeArn(callerArn)) {
        return undefined;
    }
    const caller = parseArn(callerArn);
    let kind: "root" | "role" | "user";
    let callerName = "";
    if (caller.service === "iam" && caller.resource === "root") {
        kind = "root";
    } else if (caller.service === "iam" && caller.resource.startsWith("user/")) {
        kind = "user";
        callerName = caller.resource.split("/").pop() ?? "";
    } else if (caller.service === "sts" && caller.resource.startsWith("assumed-role/")) {
        kind = "role";
        callerName = caller.resource.split("/")[1] ?? "";
    } else {
        return undefined;
    }
    return principalArns.some((arn) => {
        if (!looksLikeArn(arn)) {
            return false;
        }
        const p = parseArn(arn);
        if (p.service !== "iam" || p.partition !== caller.partition) {
            return false;
        }
        if (p.accountId !== caller.accountId) {
            return false;
        }
        if (p.resource === "root") {
            return true;
        }
        return (
            kind !== "root" &&
            p.resource.startsWith(`${kind}/`) &&
            p.resource.split("/").pop() === callerName
        );
    });
}
