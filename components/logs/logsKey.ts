import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { AwsLocation } from "../../aws/arn";
import { ChosenKey, givenKey } from "../common/keyArn";
import { PublishedKeyFacts } from "../../aws/keyFactsContract";
import { PACKAGE, checked } from "../common/component";
import { awsLocation } from "../common/environment";
import { KeyManagementArgs, validatedKeySettings } from "../common/keySettings";
import { createSymmetricKey } from "../common/kmsKey";
import { ServiceKeySpec, createServiceKey } from "../common/serviceKey";
import { checkLogsKeyScope, logsKeyPolicy } from "./policies";

/** Arguments of {@link LogsKey}. At least one of `logGroupNames`, `accountWide`, `anomalyDetectors` is required. */
export interface LogsKeyArgs extends KeyManagementArgs {
    /**
     * Names of the log groups this key encrypts. The key policy lets CloudWatch Logs use the key
     * only when the encryption context is one of these groups' ARNs (`ArnEquals
     * kms:EncryptionContext:aws:logs:arn`), the scope the AWS documentation recommends.
     * @default - none
     */
    readonly logGroupNames?: pulumi.Input<pulumi.Input<string>[]>;
    /**
     * Let every log group of the account in the key's region use this key (`ArnLike
     * kms:EncryptionContext:aws:logs:arn = arn:<partition>:logs:<region>:<account>:*`). Use it for
     * one shared key per account and region; cannot be combined with `logGroupNames`.
     * @default false
     */
    readonly accountWide?: boolean;
    /**
     * Add the statements CloudWatch Logs needs to encrypt log anomaly detectors and their findings
     * with this key (any detector of the account and region).
     * @default false
     */
    readonly anomalyDetectors?: boolean;
    /**
     * IAM roles that call CloudWatch Logs (for example to read encrypted log events) and may use
     * the key only through it (`kms:ViaService = logs.<region>.amazonaws.com`, the `.amazonaws.com`
     * suffix in every partition, China included, as the KMS Developer Guide says).
     * @default - none
     */
    readonly viaServiceRoleArns?: pulumi.Input<pulumi.Input<string>[]>;
    /**
     * Description of the key.
     * @default "CloudWatch Logs encryption key (pulumi-aws-encrypted-logs)"
     */
    readonly description?: pulumi.Input<string>;
    /**
     * Region to create the key in.
     * @default - the region of the AWS provider
     */
    readonly region?: pulumi.Input<string>;
}

/**
 * A symmetric customer-managed KMS key whose key policy lets CloudWatch Logs use it for the given
 * log groups and/or anomaly detectors, scoped by encryption context, so the first `pulumi up`
 * works.
 */
export class LogsKey extends pulumi.ComponentResource {
    /** The KMS key. */
    public readonly key: aws.kms.Key;
    /** The key ARN: what CloudWatch Logs needs as `kmsKeyId`. */
    public readonly arn: pulumi.Output<string>;
    /** The key id (a UUID). */
    public readonly keyId: pulumi.Output<string>;
    /** The key policy, as JSON. */
    public readonly policy: pulumi.Output<string>;
    /**
     * The key's facts (kind `pulumi-aws-encrypted-logs/key-facts@1`: arn, region, keySpec,
     * keyUsage, multiRegion, enableKeyRotation, policy). Export them (`export const logsKey =
     * key.facts;`) and the policy pack judges this key in every stack that uses it through a
     * StackReference.
     */
    public readonly facts: pulumi.Output<PublishedKeyFacts>;

    /**
     * @param name the component's name; the key is named `name`, its alias `${name}-alias`.
     * @param args what the key is for and how it is managed.
     * @param opts options; an AWS `provider` here decides the key's partition, region and account.
     */
    constructor(name: string, args: LogsKeyArgs = {}, opts?: pulumi.ComponentResourceOptions) {
        super(`${PACKAGE}:index:LogsKey`, name, {}, opts);
        const made = createServiceKey(this, name, logsKeySpec(this, `LogsKey "${name}"`, args));
        this.key = made.key;
        this.arn = made.arn;
        this.keyId = made.keyId;
        this.policy = made.policy;
        this.facts = made.facts;
        this.registerOutputs(made);
    }
}

/**
 * Validates `args` and builds the key a `LogsKey` is made of: the CloudWatch Logs key policy, the
 * description and the key settings. `LogsKey` creates it; `EncryptedLogGroup` and
 * `EncryptedAnomalyDetector` create it directly for their dedicated key (see {@link chooseKey}),
 * which saves a component registration per group (the cost that dominates large stacks).
 */
function logsKeySpec(
    parent: pulumi.Resource,
    label: string,
    args: LogsKeyArgs,
    where: pulumi.Output<AwsLocation> = awsLocation(parent, args.region),
): ServiceKeySpec {
    const settings = checked(parent, label, () => {
        // With the list known now, check the scope now; an Output list is checked on arrival.
        if (
            !pulumi.Output.isInstance(args.logGroupNames) &&
            !(args.logGroupNames instanceof Promise)
        ) {
            checkLogsKeyScope({ ...args, logGroupNames: args.logGroupNames });
        }
        return validatedKeySettings(args);
    });

    const policy = pulumi
        .all([where, args.logGroupNames, args.viaServiceRoleArns, args.adminArns])
        .apply(([loc, logGroupNames, viaServiceRoleArns, adminArns]) =>
            checked(parent, label, () =>
                JSON.stringify(
                    logsKeyPolicy({
                        ...loc,
                        logGroupNames,
                        accountWide: args.accountWide,
                        anomalyDetectors: args.anomalyDetectors,
                        viaServiceRoleArns,
                        adminArns,
                    }),
                ),
            ),
        );

    return {
        description:
            args.description ?? "CloudWatch Logs encryption key (pulumi-aws-encrypted-logs)",
        policy,
        settings,
        region: args.region,
        tags: args.tags,
    };
}

/**
 * Uses the key ARN the user gave (checked against the resource's location inside an apply), or
 * creates `${name}-key`, the `aws.kms.Key` a `LogsKey` with `newKeyArgs` would hold, as a child
 * of `parent`.
 */
export function chooseKey(
    parent: pulumi.Resource,
    label: string,
    name: string,
    given: pulumi.Input<string> | undefined,
    where: pulumi.Output<AwsLocation>,
    user: string,
    newKeyArgs: LogsKeyArgs,
): ChosenKey {
    if (given === undefined) {
        const key = createSymmetricKey(
            parent,
            `${name}-key`,
            logsKeySpec(parent, label, newKeyArgs, where),
        );
        return { arn: key.arn, key, dependsOn: [key] };
    }
    return givenKey(parent, label, given, where, user);
}
