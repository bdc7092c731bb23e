import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import * as time from "@pulumiverse/time";
import {
    PACKAGE,
    checked,
    checkedInput,
    checkedKeyAdminArns,
    checkedOptionalInput,
} from "../common/component";
import { AwsLocation } from "../../aws/arn";
import { awsLocation } from "../common/environment";
import { InputError } from "../../aws/errors";
import {
    validateDataProtectionPolicy,
    validateLogGroupName,
    validateOneOf,
    validateRetentionInDays,
} from "../common/validation";
import { ENCRYPTABLE_LOG_GROUP_CLASSES, LogGroupClass } from "./enums";
import { checkedKeyArn, refuseGrantOnOwnKey } from "../common/keyArn";
import { chooseKey } from "./logsKey";
import { decryptOnlyKeyPolicy } from "./policies";

/** Arguments of {@link EncryptedLogGroup}. */
export interface EncryptedLogGroupArgs {
    /**
     * Name of the log group: 1 to 512 characters from `a-z A-Z 0-9 _ - / . #`, not starting with
     * `aws/`. The name is fixed (no random suffix) because the key policy names the group's ARN.
     * @default - the component's resource name
     */
    readonly logGroupName?: pulumi.Input<string>;
    /**
     * Days to keep log events: one of 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545,
     * 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653, or 0 to keep them forever.
     * @default 365
     */
    readonly retentionInDays?: pulumi.Input<number>;
    /**
     * ARN of the KMS key to encrypt the group with (a full key ARN in the group's region, e.g. a
     * shared `LogsKey`'s `arn`; not an alias or key id). That key's policy must let CloudWatch
     * Logs use it for this group (a `LogsKey` with `accountWide: true` or this group's name).
     * @default - a new KMS key `<name>-key` (the key a `LogsKey` would create) scoped to exactly this log group (the AWS recommendation)
     */
    readonly kmsKeyArn?: pulumi.Input<string>;
    /**
     * IAM roles that call CloudWatch Logs and may use the new key only through it (`kms:ViaService`).
     * Only for the key this component creates; with `kmsKeyArn`, grant them on that key instead.
     * @default - none
     */
    readonly viaServiceRoleArns?: pulumi.Input<pulumi.Input<string>[]>;
    /**
     * Administrators of the key this component creates and of the decrypt-only policies it puts
     * on `previousKmsKeyArns`.
     * @default - the account root, which delegates key administration to IAM
     */
    readonly keyAdminArns?: pulumi.Input<pulumi.Input<string>[]>;
    /**
     * Keys this group was encrypted with before (re-keying, AWS's "convert an encrypted log group"
     * steps). Each gets a key policy reduced to administration plus CloudWatch Logs `kms:Decrypt`
     * for this group, so old log events stay readable and nothing new is encrypted with it. The
     * reduced policy is put on the key only five minutes after the group moved to its new key
     * (a `time.Sleep` between the two: an association "can take up to five minutes to take
     * effect", and until then CloudWatch Logs may still encrypt with the old key), so one
     * `pulumi up` re-keys without dropping events; that `pulumi up` takes five minutes longer.
     * The old keys are never disabled or deleted, and the reduced policy stays in place if this
     * argument is later removed. The policy replaces the key's whole policy: list only keys that
     * served this group alone.
     * @default - none
     */
    readonly previousKmsKeyArns?: pulumi.Input<string>[];
    /**
     * Log class: `STANDARD` or `INFREQUENT_ACCESS` (both support KMS keys; in TypeScript also
     * `LogGroupClass.Standard`, `LogGroupClass.InfrequentAccess`). Cannot change after creation.
     * @default "STANDARD"
     */
    readonly logGroupClass?: pulumi.Input<LogGroupClass>;
    /**
     * Keep the log group and its events in AWS when it is removed from the stack or the stack is
     * destroyed. Set false to delete them on destroy (deletion protection then defaults to off).
     * @default true
     */
    readonly skipDestroy?: boolean;
    /**
     * Turn on CloudWatch Logs deletion protection, which "blocks all deletion operations until it
     * is explicitly disabled" (PutLogGroupDeletionProtection): nobody deletes the group and its
     * events by accident, in or outside Pulumi. To opt out, set false; with `skipDestroy: false`
     * it defaults to false, since AWS would refuse the delete ("Cannot delete log group with
     * deletion protection enabled").
     * @default true (false with `skipDestroy: false`)
     */
    readonly deletionProtectionEnabled?: boolean;
    /**
     * A CloudWatch Logs data protection policy for the group (JSON: `Name`, `Version`
     * `2021-06-01`, statements that audit or mask sensitive data), for groups that hold personal
     * or secret data. Created as an `aws.cloudwatch.LogDataProtectionPolicy` `<name>-data-protection`
     * ("Only one data protection policy can be defined per CloudWatch Logs log group").
     * @default - none
     */
    readonly dataProtectionPolicy?: pulumi.Input<string>;
    /**
     * Region of the log group and its key.
     * @default - the region of the AWS provider
     */
    readonly region?: pulumi.Input<string>;
    /**
     * Tags for the log group and the key this component creates.
     * @default - none
     */
    readonly tags?: pulumi.Input<{ [key: string]: pulumi.Input<string> }>;
}

/**
 * How long a re-keyed group waits before its previous keys become decrypt-only:
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html (and the
 * CloudWatch Logs User Guide, "Limits"): "After you associate or disassociate a key from a log
 * group, it can take up to five minutes for the operation to take effect." Until then CloudWatch
 * Logs may still encrypt new events with the previous key, so that key keeps its policy for five
 * minutes after `AssociateKmsKey` returned.
 */
export const KEY_ASSOCIATION_DELAY = "5m";

function keyDescription(groupName: string): string {
    return `CloudWatch Logs key for log group ${groupName} (pulumi-aws-encrypted-logs)`;
}

/**
 * A CloudWatch Logs log group encrypted with a customer-managed KMS key whose policy lets
 * CloudWatch Logs use it for exactly this group, created before the group so the first
 * `pulumi up` works.
 */
export class EncryptedLogGroup extends pulumi.ComponentResource {
    /** The log group. */
    public readonly logGroup: aws.cloudwatch.LogGroup;
    /** ARN of the log group (without the trailing `:*`). */
    public readonly arn: pulumi.Output<string>;
    /** Name of the log group. */
    public readonly name: pulumi.Output<string>;
    /** ARN of the key the group is encrypted with. */
    public readonly kmsKeyArn: pulumi.Output<string>;
    /** The key this component created, when `kmsKeyArn` was not given. */
    public readonly key?: aws.kms.Key;
    /** The group's data protection policy, with `dataProtectionPolicy`. */
    public readonly dataProtectionPolicy?: aws.cloudwatch.LogDataProtectionPolicy;
    /** The decrypt-only key policies put on `previousKmsKeyArns`, in the same order. */
    public readonly previousKeyPolicies: aws.kms.KeyPolicy[];

    /**
     * @param name the component's name; the group is named `name`, its key `${name}-key`.
     * @param args the group's settings; all optional.
     * @param opts options; an AWS `provider` here decides the partition, region and account.
     */
    constructor(
        name: string,
        args: EncryptedLogGroupArgs = {},
        opts?: pulumi.ComponentResourceOptions,
    ) {
        super(`${PACKAGE}:index:EncryptedLogGroup`, name, {}, opts);
        const label = `EncryptedLogGroup "${name}"`;
        const inputs = validatedLogGroupInputs(this, label, name, args);
        const keyAdminArns = checkedKeyAdminArns(this, label, args.keyAdminArns);
        const where = awsLocation(this, args.region);
        const { groupName } = inputs;
        const chosen = chooseKey(this, label, name, args.kmsKeyArn, where, "the log group", {
            logGroupNames: [groupName],
            viaServiceRoleArns: args.viaServiceRoleArns,
            adminArns: keyAdminArns,
            description:
                typeof groupName === "string"
                    ? keyDescription(groupName)
                    : pulumi.output(groupName).apply(keyDescription),
            region: args.region,
            tags: args.tags,
        });
        this.key = chosen.key;
        const keyArn = chosen.arn;

        this.logGroup = new aws.cloudwatch.LogGroup(
            name,
            {
                name: groupName,
                retentionInDays: inputs.retentionInDays,
                kmsKeyId: keyArn,
                logGroupClass: inputs.logGroupClass,
                skipDestroy: args.skipDestroy ?? true,
                // "By default, deletion protection is not enabled" (CloudWatch Logs User Guide,
                // "Protecting log groups from deletion"); on here, like skipDestroy.
                deletionProtectionEnabled:
                    args.deletionProtectionEnabled ?? args.skipDestroy ?? true,
                region: args.region,
                tags: args.tags,
            },
            { parent: this, dependsOn: chosen.dependsOn },
        );
        this.dataProtectionPolicy = dataProtection(this, label, name, args);
        this.previousKeyPolicies = previousKeyPolicies(this, label, name, args, {
            where,
            groupName,
            keyAdminArns,
            keyArn,
        });

        this.arn = this.logGroup.arn;
        this.name = this.logGroup.name;
        this.kmsKeyArn = keyArn;
        this.registerOutputs({
            logGroup: this.logGroup,
            arn: this.arn,
            name: this.name,
            kmsKeyArn: this.kmsKeyArn,
            key: this.key,
            previousKeyPolicies: this.previousKeyPolicies,
            dataProtectionPolicy: this.dataProtectionPolicy,
        });
    }
}

/** The group's arguments, checked, as the steps below use them. */
interface LogGroupInputs {
    readonly groupName: pulumi.Input<string>;
    readonly retentionInDays: pulumi.Input<number>;
    readonly logGroupClass: pulumi.Input<string>;
}

/** Checks the arguments of an {@link EncryptedLogGroup} `name` up front (what is plain at once, the rest on arrival). */
function validatedLogGroupInputs(
    parent: EncryptedLogGroup,
    label: string,
    name: string,
    args: EncryptedLogGroupArgs,
): LogGroupInputs {
    const groupName = checkedInput(parent, label, args.logGroupName ?? name, (n) =>
        validateLogGroupName(n),
    );
    const retentionInDays = checkedInput(parent, label, args.retentionInDays ?? 365, (d) =>
        validateRetentionInDays(d),
    );
    const logGroupClass = checkedInput(parent, label, args.logGroupClass ?? "STANDARD", (c) =>
        validateOneOf(
            "logGroupClass",
            c,
            ENCRYPTABLE_LOG_GROUP_CLASSES,
            "this log class does not keep events under a retention period with a customer-managed key (DELIVERY keeps them one day)",
            "use STANDARD or INFREQUENT_ACCESS, or a plain aws.cloudwatch.LogGroup for DELIVERY",
        ),
    );
    checked(parent, label, () => {
        if (args.skipDestroy === false && args.deletionProtectionEnabled === true) {
            throw new InputError(
                "deletionProtectionEnabled",
                true,
                'skipDestroy: false asks pulumi destroy to delete the group, which deletion protection refuses ("Cannot delete log group with deletion protection enabled")',
                "deletionProtectionEnabled: true with skipDestroy true (the default), or false with skipDestroy: false",
                "drop skipDestroy: false to keep the group, or drop deletionProtectionEnabled: true to let destroy delete it",
            );
        }
        refuseGrantOnOwnKey(
            args.kmsKeyArn,
            "viaServiceRoleArns",
            args.viaServiceRoleArns,
            "these roles are added only to the key this component creates, but kmsKeyArn brings a key of your own",
            "grant the roles on your key (e.g. LogsKey's viaServiceRoleArns), or drop kmsKeyArn",
        );
    });
    return { groupName, retentionInDays, logGroupClass };
}

/** The `dataProtectionPolicy` of the group, checked, as `${name}-data-protection`; none without it. */
function dataProtection(
    parent: EncryptedLogGroup,
    label: string,
    name: string,
    args: EncryptedLogGroupArgs,
): aws.cloudwatch.LogDataProtectionPolicy | undefined {
    const policyDocument = checkedOptionalInput(parent, label, args.dataProtectionPolicy, (d) =>
        validateDataProtectionPolicy(d),
    );
    return policyDocument === undefined
        ? undefined
        : new aws.cloudwatch.LogDataProtectionPolicy(
              `${name}-data-protection`,
              { logGroupName: parent.logGroup.name, policyDocument, region: args.region },
              { parent },
          );
}

/** What the decrypt-only policies of the previous keys are made from. */
interface RekeyContext {
    readonly where: pulumi.Output<AwsLocation>;
    readonly groupName: pulumi.Input<string>;
    readonly keyAdminArns: pulumi.Input<string[]> | undefined;
    readonly keyArn: pulumi.Output<string>;
}

/**
 * The decrypt-only key policies `${name}-previous-key-<i>` on `previousKmsKeyArns`, each put on its
 * key five minutes after the group moved to its new key (the `${name}-rekey-wait`).
 */
function previousKeyPolicies(
    parent: EncryptedLogGroup,
    label: string,
    name: string,
    args: EncryptedLogGroupArgs,
    rekey: RekeyContext,
): aws.kms.KeyPolicy[] {
    const previousKeys = args.previousKmsKeyArns ?? [];
    // Not an output: the multi-language schema can only name @pulumi packages' resources.
    let wait: time.Sleep | undefined;
    if (previousKeys.length > 0) {
        // Ordering by dependsOn alone would put the decrypt-only policy on the old key the
        // moment AssociateKmsKey returns, while CloudWatch Logs may go on encrypting with the
        // old key for up to five minutes
        // (https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html):
        // AWS offers no call that says when the association has taken effect, so the only
        // point to order after is a wait. The
        // triggers re-run it whenever the group's key or the list of previous keys changes,
        // i.e. whenever an up changes which key CloudWatch Logs is moving away from.
        wait = new time.Sleep(
            `${name}-rekey-wait`,
            {
                createDuration: KEY_ASSOCIATION_DELAY,
                triggers: {
                    logGroupKmsKeyId: parent.logGroup.kmsKeyId.apply((k) => k ?? ""),
                    previousKmsKeyArns: pulumi.all(previousKeys).apply((arns) => arns.join(",")),
                },
            },
            { parent, dependsOn: [parent.logGroup] },
        );
    }
    const after = [parent.logGroup, ...(wait === undefined ? [] : [wait])];
    return previousKeys.map((previous, i) =>
        previousKeyPolicy(parent, label, `${name}-previous-key-${i}`, args, rekey, {
            argument: `previousKmsKeyArns[${i}]`,
            previous,
            after,
        }),
    );
}

/** One decrypt-only key policy, on `key.previous`, named `name`, once `key.after` exist. */
function previousKeyPolicy(
    parent: EncryptedLogGroup,
    label: string,
    name: string,
    args: EncryptedLogGroupArgs,
    rekey: RekeyContext,
    key: { argument: string; previous: pulumi.Input<string>; after: pulumi.Resource[] },
): aws.kms.KeyPolicy {
    const { argument } = key;
    // keyId carries only the previous key's own dependencies, so a policy pack can tell
    // at preview which key this policy replaces; the "not the current key" check sits in
    // the policy input, which blocks the KeyPolicy just the same when it fails.
    const previousArn = checkedKeyArn(
        parent,
        label,
        argument,
        key.previous,
        rekey.where,
        "the log group",
    );
    const notCurrent = pulumi.all([previousArn, rekey.keyArn]).apply(([arn, current]) =>
        checked(parent, label, () => {
            if (arn === current) {
                throw new InputError(
                    argument,
                    arn,
                    "this is the key the log group uses now; a decrypt-only policy on it would stop new log events from being encrypted",
                    "keys the group used before, not its current key",
                    "remove it from previousKmsKeyArns",
                );
            }
            return arn;
        }),
    );
    return new aws.kms.KeyPolicy(
        name,
        {
            keyId: previousArn,
            policy: pulumi
                .all([rekey.where, rekey.groupName, rekey.keyAdminArns, notCurrent])
                .apply(([loc, logGroupName, adminArns]) =>
                    checked(parent, label, () =>
                        JSON.stringify(
                            decryptOnlyKeyPolicy({
                                ...loc,
                                logGroupNames: [logGroupName],
                                adminArns,
                            }),
                        ),
                    ),
                ),
            region: args.region,
        },
        // Five minutes after the group has moved to the new key (the wait depends on the
        // group); kept if removed, because deleting a KeyPolicy resets the key to the
        // default policy and CloudWatch Logs loses access.
        { parent, dependsOn: key.after, retainOnDelete: true },
    );
}
