/**
 * Organisation-wide log centralization (`aws:observabilityadmin/centralizationRuleForOrganization`):
 * a rule copies the log groups of an organisation's accounts into destination log groups that
 * CloudWatch Logs creates in one account and region (and a backup region). What protects those
 * copies is the rule's `logsEncryptionConfiguration`; this module reads it, says what the rule
 * leaves under keys AWS owns (for `log-encryption-key-required`), and gives the key rules a target
 * per key it names (the destination region's, the backup region's), so the same KEY_RULES judge them.
 *
 * AWS facts (CloudWatch Observability Admin API, LogsEncryptionConfiguration,
 * https://docs.aws.amazon.com/cloudwatch/latest/observabilityadmin/API_LogsEncryptionConfiguration.html):
 * - "Configuration for encrypting centralized destination log groups. By default, this
 *   configuration applies only to destination log groups whose corresponding source log groups are
 *   encrypted using customer managed KMS keys. To encrypt all destination log groups created by
 *   the rule, set `EncryptionScope` to `NEW_DESTINATION_LOG_GROUPS`."
 * - EncryptionStrategy: "CUSTOMER_MANAGED uses the configured KmsKeyArn to encrypt newly created
 *   destination log groups." Valid values: CUSTOMER_MANAGED | AWS_OWNED.
 * - KmsKeyArn: "KMS Key ARN belonging to the primary destination account and region, to encrypt
 *   newly created central log groups in the primary destination."
 * - LogsBackupConfiguration.KmsKeyArn (AWS::ObservabilityAdmin::OrganizationCentralizationRule
 *   LogsBackupConfiguration): "KMS Key ARN belonging to the primary destination account and backup
 *   region, to encrypt newly created central log groups in the backup destination."
 *
 * The key policy. Neither the API reference nor the CloudFormation reference gives a key-policy
 * statement of its own for centralization (no service principal of observabilityadmin, no
 * encryption context); the destination groups are CloudWatch Logs log groups, encrypted by
 * CloudWatch Logs as any other ("Encrypt log data in CloudWatch Logs using AWS KMS",
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html), so the key
 * is judged as a log group's key: `logs.<region>.amazonaws.com` with the encryption context
 * `kms:EncryptionContext:aws:logs:arn` of a group of the destination account whose name is not
 * known (the rule names its groups from the sources'), i.e. the policy must allow the
 * destination account's groups, not one group. Nor does AWS document what a source group's key
 * needs for `encryptedLogGroupStrategy: ALLOW`; the pack does not judge that side.
 */
import { readObject } from "./wire";
import { partitionOfRegion } from "./location";
import type { StackResource } from "./resource";
import { UNKNOWN, Unknown, readString } from "./wire";

/** The Pulumi type token of an organisation centralization rule. */
export const CENTRALIZATION_TYPE =
    "aws:observabilityadmin/centralizationRuleForOrganization:CentralizationRuleForOrganization";

const DESTINATION = "rule.destination";
const LOGS = `${DESTINATION}.destinationLogsConfiguration`;
/** The input path of the encryption configuration, for messages. */
export const ENCRYPTION = `${LOGS}.logsEncryptionConfiguration`;
const BACKUP = `${LOGS}.backupConfiguration`;

/** What a rule's inputs say of its destination log groups' encryption. */
export interface CentralizationFacts {
    /** `rule` as a whole is unknown at preview: nothing can be said. */
    readonly unknown: boolean;
    readonly account: string | Unknown | undefined;
    readonly region: string | Unknown | undefined;
    /** `undefined`: no logsEncryptionConfiguration (or no destinationLogsConfiguration). */
    readonly strategy: string | Unknown | undefined;
    /** `undefined`: not set, which is ENCRYPTED_SOURCE_ONLY. */
    readonly scope: string | Unknown | undefined;
    readonly kmsKeyArn: string | Unknown | undefined;
    readonly backup?: {
        readonly region: string | Unknown | undefined;
        readonly kmsKeyArn: string | Unknown | undefined;
    };
}

function str(o: Record<string, unknown> | Unknown | undefined, key: string) {
    return o === UNKNOWN ? UNKNOWN : readString(o, key);
}

function obj(o: Record<string, unknown> | Unknown | undefined, key: string) {
    return o === UNKNOWN ? UNKNOWN : readObject(o, key);
}

/** Reads a rule's raw properties (a props proxy or a plain object). Never throws. */
export function centralizationFacts(props: unknown): CentralizationFacts {
    const rule = readObject(props, "rule");
    const destination = obj(rule, "destination");
    const logs = obj(destination, "destinationLogsConfiguration");
    const encryption = obj(logs, "logsEncryptionConfiguration");
    const backup = obj(logs, "backupConfiguration");
    return {
        unknown: rule === UNKNOWN,
        account: str(destination, "account"),
        region: str(destination, "region"),
        strategy: str(encryption, "encryptionStrategy"),
        scope: str(encryption, "encryptionScope"),
        kmsKeyArn: str(encryption, "kmsKeyArn"),
        backup:
            backup === undefined
                ? undefined
                : { region: str(backup, "region"), kmsKeyArn: str(backup, "kmsKeyArn") },
    };
}

function where(facts: CentralizationFacts): string {
    const region = typeof facts.region === "string" ? facts.region : "the destination region";
    const account = typeof facts.account === "string" ? ` of account ${facts.account}` : "";
    return `${region}${account}`;
}

/** The key to use: in the destination's region, or in `backup.region` (unknown: `undefined`), named `backup.where`. */
function keyFix(
    facts: CentralizationFacts,
    backup?: { readonly region: string | undefined; readonly where: string },
): string {
    const r =
        backup !== undefined
            ? backup.region
            : typeof facts.region === "string"
              ? facts.region
              : undefined;
    const { partition, dnsSuffix } =
        r === undefined
            ? { partition: "<partition>", dnsSuffix: "<dnsSuffix>" }
            : partitionOfRegion(r);
    const at = r ?? "<region>";
    return (
        `the ARN of a symmetric KMS key in ${backup?.where ?? where(facts)} whose key policy lets logs.${at}.${dnsSuffix} use it ` +
        `for the log groups of the destination account (kms:EncryptionContext:aws:logs:arn ArnLike arn:${partition}:logs:${at}:<account>:log-group:*)`
    );
}

/**
 * What the rule leaves under keys AWS owns, one message each (without the `[key-required]
 * <subject>` prefix). Unknown values count as set, as for every other target.
 */
export function centralizationRefusals(facts: CentralizationFacts): string[] {
    if (facts.unknown || facts.strategy === UNKNOWN) {
        return [];
    }
    const aws =
        "which you cannot control, audit or revoke: the organisation's logs leave the protection of their customer-managed keys";
    if (facts.strategy === undefined || facts.strategy !== "CUSTOMER_MANAGED") {
        const got =
            facts.strategy === undefined
                ? `${ENCRYPTION} is not set, so its destination log groups in ${where(facts)} are encrypted with keys AWS owns`
                : `${ENCRYPTION}.encryptionStrategy is ${JSON.stringify(facts.strategy)}: its destination log groups in ${where(facts)} are encrypted with keys AWS owns`;
        return [
            `${got}, ${aws}. Allowed: encryptionStrategy "CUSTOMER_MANAGED" with kmsKeyArn. ` +
                `Fix: set encryptionStrategy to "CUSTOMER_MANAGED", kmsKeyArn to ${keyFix(facts)}, and encryptionScope to "NEW_DESTINATION_LOG_GROUPS".`,
        ];
    }
    const found: string[] = [];
    if (facts.kmsKeyArn === undefined || facts.kmsKeyArn === "") {
        found.push(
            `${ENCRYPTION}.encryptionStrategy is "CUSTOMER_MANAGED" but kmsKeyArn is not set: the rule has no key for its destination log groups in ${where(facts)}. ` +
                `Fix: set kmsKeyArn to ${keyFix(facts)}.`,
        );
    }
    if (facts.scope === undefined || facts.scope === "ENCRYPTED_SOURCE_ONLY") {
        found.push(
            `${ENCRYPTION}.encryptionScope is ${facts.scope === undefined ? 'not set, which means "ENCRYPTED_SOURCE_ONLY"' : '"ENCRYPTED_SOURCE_ONLY"'}: ` +
                `kmsKeyArn encrypts only the destination groups whose source groups use a customer-managed key; the copies of every source group without one are created in ${where(facts)} under keys AWS owns, ${aws}. ` +
                `Allowed: "NEW_DESTINATION_LOG_GROUPS". Fix: set encryptionScope to "NEW_DESTINATION_LOG_GROUPS".`,
        );
    }
    const backup = facts.backup;
    if (backup !== undefined && (backup.kmsKeyArn === undefined || backup.kmsKeyArn === "")) {
        const known = typeof backup.region === "string" ? backup.region : undefined;
        const region = known ?? "the backup region";
        found.push(
            `${BACKUP}.kmsKeyArn is not set: the backup copies in ${region} are encrypted with keys AWS owns, ${aws}. ` +
                `Fix: set ${BACKUP}.kmsKeyArn to ${keyFix(facts, { region: known, where: region })}.`,
        );
    }
    return found;
}

/**
 * The targets a rule gives the key rules: one per key it names under CUSTOMER_MANAGED, in its
 * region (the destination's, the backup's), flattened to `kmsKeyArn`, `region` and the account's
 * groups' ARN pattern in `arn`, with the propertyDependencies of `rule` (where the key comes from).
 * Any other resource: itself.
 */
export function targetViews(r: StackResource): StackResource[] {
    if (r.type !== CENTRALIZATION_TYPE) {
        return [r];
    }
    const facts = centralizationFacts(r.props);
    if (facts.unknown || facts.strategy !== "CUSTOMER_MANAGED") {
        return [];
    }
    const deps = r.propertyDependencies.rule ?? [];
    const view = (name: string, key: unknown, region: unknown): StackResource => ({
        ...r,
        name,
        props: {
            ruleName: readString(r.props, "ruleName"),
            kmsKeyArn: key,
            region,
            ...(typeof facts.account === "string" && typeof region === "string"
                ? {
                      arn: `arn:${partitionOfRegion(region).partition}:logs:${region}:${facts.account}:log-group:*`,
                  }
                : {}),
        },
        propertyDependencies: { ...r.propertyDependencies, kmsKeyArn: deps },
    });
    const views: StackResource[] = [];
    if (facts.kmsKeyArn !== undefined && facts.kmsKeyArn !== "") {
        views.push(view(r.name, facts.kmsKeyArn, facts.region));
    }
    const backup = facts.backup;
    if (backup?.kmsKeyArn !== undefined && backup.kmsKeyArn !== "") {
        views.push(view(`${r.name} (backup)`, backup.kmsKeyArn, backup.region));
    }
    return views;
}
