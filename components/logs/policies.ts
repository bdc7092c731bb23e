/**
 * Pure key-policy builders for CloudWatch Logs (administration, the regional
 * CloudWatch Logs principal, the anomaly-detector statements and the re-key statement:
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html,
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/LogsAnomalyDetection-KMS.html).
 * Plain values in, a policy document out; no Pulumi runtime calls, so they are tested and
 * reused (in other tools, in the policy pack) without mocks.
 */
import { AwsLocation, logGroupArn, validateIamPrincipalArn } from "../../aws/arn";
import { InputError } from "../../aws/errors";
import {
    PolicyDocument,
    PolicyStatement,
    keyAdministrationStatement,
    oneOrMany,
    validateLocation,
} from "../../aws/policyDocument";
import {
    ANOMALY_DETECTOR_ACTIONS,
    ANOMALY_DETECTOR_CRYPTO_ACTIONS,
    LOGS_CONTEXT_KEY,
    LOGS_CRYPTO_CONTEXT_KEY,
    LOG_GROUP_KEY_ACTIONS,
    VIA_SERVICE_ACTIONS,
    VIA_SERVICE_CONTEXT_KEY,
    logsServicePrincipal,
    viaServiceName,
} from "../../aws/services";
import { validateList, validateLogGroupName } from "../common/validation";

/** Arguments of {@link logsKeyPolicy} and the builders that wrap it. */
export interface LogsKeyPolicyArgs extends AwsLocation {
    /**
     * Exact log groups the key is for: one `ArnEquals kms:EncryptionContext:aws:logs:arn`
     * condition listing their ARNs (the seed's recommendation).
     * @default [] (no log group statement unless `accountWide` is set)
     */
    readonly logGroupNames?: readonly string[];
    /** Let any log group of this account and region use the key (`ArnLike ...:*`). @default false */
    readonly accountWide?: boolean;
    /**
     * Add the two anomaly-detector statements of
     * https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/LogsAnomalyDetection-KMS.html. @default false
     */
    readonly anomalyDetectors?: boolean;
    /**
     * Roles that call CloudWatch Logs and may use the key only through it (`kms:ViaService`).
     * @default [] (no `kms:ViaService` statement)
     */
    readonly viaServiceRoleArns?: readonly string[];
    /** Key administrators. @default the account root (`arn:<partition>:iam::<account>:root`) */
    readonly adminArns?: readonly string[];
}

function logsPrincipal(where: AwsLocation): { Service: string } {
    return { Service: logsServicePrincipal(where) };
}

function checkedLogGroupArns(where: AwsLocation, names: readonly string[]): string[] {
    return validateList<string>("logGroupNames", names).map((name, i) =>
        logGroupArn(where, validateLogGroupName(name, `logGroupNames[${i}]`)),
    );
}

/**
 * Checks which log groups a logs key is for: at least one scope (groups, account-wide, anomaly
 * detectors), and not both exact groups and account-wide. Needs only the list's length, so
 * components call it at construction even when the names are still unknown.
 */
export function checkLogsKeyScope(args: {
    readonly logGroupNames?: readonly unknown[];
    readonly accountWide?: boolean;
    readonly anomalyDetectors?: boolean;
}): void {
    const names = args.logGroupNames ?? [];
    if (args.accountWide === true && names.length > 0) {
        throw new InputError(
            "logGroupNames",
            names,
            "accountWide already lets every log group of the account use the key",
            "either logGroupNames or accountWide: true, not both",
            "drop logGroupNames for a shared key, or drop accountWide to scope the key to those groups",
        );
    }
    if (names.length === 0 && args.accountWide !== true && args.anomalyDetectors !== true) {
        throw new InputError(
            "logGroupNames",
            args.logGroupNames,
            "the key would grant CloudWatch Logs nothing, so no log group or detector could use it",
            "at least one of: logGroupNames (non-empty), accountWide: true, anomalyDetectors: true",
            "name the log groups the key is for, or set accountWide or anomalyDetectors",
        );
    }
}

function logGroupStatement(
    where: AwsLocation,
    args: LogsKeyPolicyArgs,
): PolicyStatement | undefined {
    if (args.accountWide === true) {
        return {
            Sid: "AllowCloudWatchLogsForAccountLogGroups",
            Effect: "Allow",
            Principal: logsPrincipal(where),
            Action: [...LOG_GROUP_KEY_ACTIONS],
            Resource: "*",
            Condition: {
                ArnLike: {
                    [LOGS_CONTEXT_KEY]: `arn:${where.partition}:logs:${where.region}:${where.accountId}:*`,
                },
            },
        };
    }
    const arns = checkedLogGroupArns(where, args.logGroupNames ?? []);
    if (arns.length === 0) {
        return undefined;
    }
    return {
        Sid: "AllowCloudWatchLogsForLogGroups",
        Effect: "Allow",
        Principal: logsPrincipal(where),
        Action: [...LOG_GROUP_KEY_ACTIONS],
        Resource: "*",
        Condition: { ArnEquals: { [LOGS_CONTEXT_KEY]: oneOrMany(arns) } },
    };
}

function viaServiceStatement(
    where: AwsLocation,
    roleArns: readonly string[] | undefined,
): PolicyStatement[] {
    if (roleArns === undefined || roleArns.length === 0) {
        return [];
    }
    const roles = roleArns.map((arn, i) =>
        validateIamPrincipalArn(`viaServiceRoleArns[${i}]`, arn, where.partition),
    );
    return [
        {
            Sid: "AllowRolesThroughCloudWatchLogs",
            Effect: "Allow",
            Principal: { AWS: oneOrMany(roles) },
            Action: [...VIA_SERVICE_ACTIONS],
            Resource: "*",
            // `logs.<region>.amazonaws.com` in every partition (aws-cn included): KMS Developer
            // Guide, "Use the `.amazonaws.com` suffix of the AWS KMS ViaService name in all AWS
            // partitions." The service principal keeps the partition's suffix; this value does not.
            Condition: {
                StringEquals: { [VIA_SERVICE_CONTEXT_KEY]: viaServiceName("logs", where) },
            },
        },
    ];
}

function anomalyDetectorStatements(where: AwsLocation): PolicyStatement[] {
    const detectors = `arn:${where.partition}:logs:${where.region}:${where.accountId}:anomaly-detector:*`;
    return [
        {
            Sid: "AllowCloudWatchLogsAnomalyDetectors",
            Effect: "Allow",
            Principal: logsPrincipal(where),
            Action: [...ANOMALY_DETECTOR_ACTIONS],
            Resource: "*",
            Condition: { ArnLike: { [LOGS_CONTEXT_KEY]: detectors } },
        },
        {
            Sid: "AllowCloudWatchLogsAnomalyDetectorsCryptoContext",
            Effect: "Allow",
            Principal: logsPrincipal(where),
            Action: [...ANOMALY_DETECTOR_CRYPTO_ACTIONS],
            Resource: "*",
            Condition: { ArnLike: { [LOGS_CRYPTO_CONTEXT_KEY]: detectors } },
        },
    ];
}

/**
 * The whole key policy of a CloudWatch Logs key: administration, then the log-group statement
 * (exact groups or account-wide), the `kms:ViaService` statement for roles, and the
 * anomaly-detector statements. A policy that lets CloudWatch Logs use the key for nothing is an
 * error.
 */
export function logsKeyPolicy(args: LogsKeyPolicyArgs): PolicyDocument {
    const where = validateLocation(args);
    checkLogsKeyScope(args);
    const statements: PolicyStatement[] = [keyAdministrationStatement(where, args.adminArns)];
    const groups = logGroupStatement(where, args);
    if (groups !== undefined) {
        statements.push(groups);
    }
    if (args.anomalyDetectors === true) {
        statements.push(...anomalyDetectorStatements(where));
    }
    statements.push(...viaServiceStatement(where, args.viaServiceRoleArns));
    return { Version: "2012-10-17", Statement: statements };
}

/** Arguments of {@link logGroupKeyPolicy}. */
export type LogGroupKeyPolicyArgs = Omit<LogsKeyPolicyArgs, "anomalyDetectors">;

/**
 * Key policy for log groups
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html): the account root administers the key; the regional
 * CloudWatch Logs principal may `kms:Encrypt, kms:Decrypt, kms:ReEncrypt*, kms:GenerateDataKey*,
 * kms:Describe*` only when the encryption context names one of `logGroupNames` (or, with
 * `accountWide`, any log group of the account and region); `viaServiceRoleArns` may use the key
 * only through CloudWatch Logs.
 */
export function logGroupKeyPolicy(args: LogGroupKeyPolicyArgs): PolicyDocument {
    return logsKeyPolicy({ ...args, anomalyDetectors: false });
}

/** Arguments of {@link anomalyDetectorKeyPolicy}. */
export type AnomalyDetectorKeyPolicyArgs = Omit<
    LogsKeyPolicyArgs,
    "anomalyDetectors" | "logGroupNames" | "accountWide"
>;

/**
 * Key policy for log anomaly detectors
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/LogsAnomalyDetection-KMS.html): administration plus the two statements that
 * let CloudWatch Logs use the key for any anomaly detector of the account and region, under the
 * `aws:logs:arn` and `aws-crypto-ec:aws:logs:arn` encryption contexts.
 */
export function anomalyDetectorKeyPolicy(args: AnomalyDetectorKeyPolicyArgs): PolicyDocument {
    return logsKeyPolicy({
        ...args,
        logGroupNames: undefined,
        accountWide: false,
        anomalyDetectors: true,
    });
}

/** Arguments of {@link decryptOnlyKeyPolicy}. */
export interface DecryptOnlyKeyPolicyArgs extends AwsLocation {
    /** The log groups whose old data the key must still decrypt. */
    readonly logGroupNames: readonly string[];
    /** Key administrators. @default the account root */
    readonly adminArns?: readonly string[];
}

/**
 * The policy an old key gets after its log groups moved to a new key (steps 7-9 of
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html):
 * administration plus `kms:Decrypt` only, for the regional CloudWatch Logs principal, when the
 * encryption context names one of the log groups, or when there is no CloudWatch Logs encryption
 * context at all (data ingested before CloudWatch Logs set one; the seed's own decrypt-only
 * statement has no condition for that reason). Nothing can be encrypted with the key any more;
 * everything it encrypted stays readable. The key is never disabled or deleted.
 */
export function decryptOnlyKeyPolicy(args: DecryptOnlyKeyPolicyArgs): PolicyDocument {
    const where = validateLocation(args);
    const arns = checkedLogGroupArns(where, args.logGroupNames);
    if (arns.length === 0) {
        throw new InputError(
            "logGroupNames",
            args.logGroupNames,
            "a decrypt-only key must name the log groups whose data it still decrypts",
            "one or more log group names",
            "pass the names of the log groups that were encrypted with this key",
        );
    }
    return {
        Version: "2012-10-17",
        Statement: [
            keyAdministrationStatement(where, args.adminArns),
            {
                Sid: "AllowCloudWatchLogsDecryptOnly",
                Effect: "Allow",
                Principal: logsPrincipal(where),
                Action: "kms:Decrypt",
                Resource: "*",
                Condition: { ArnEquals: { [LOGS_CONTEXT_KEY]: oneOrMany(arns) } },
            },
            {
                Sid: "AllowCloudWatchLogsDecryptDataWithoutContext",
                Effect: "Allow",
                Principal: logsPrincipal(where),
                Action: "kms:Decrypt",
                Resource: "*",
                Condition: { Null: { [LOGS_CONTEXT_KEY]: "true" } },
            },
        ],
    };
}
