import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { AwsLocation, parseLogGroupArn } from "../../aws/arn";
import { PACKAGE, checked, checkedKeyAdminArns, checkedOptionalInput } from "../common/component";
import { awsLocation } from "../common/environment";
import { InputError } from "../../aws/errors";
import { validateIntegerInRange, validateOneOf } from "../common/validation";
import { EVALUATION_FREQUENCIES, EvaluationFrequency } from "./enums";
import { chooseKey } from "./logsKey";

/** Arguments of {@link EncryptedAnomalyDetector}. */
export interface EncryptedAnomalyDetectorArgs {
    /**
     * ARN of the log group to watch (e.g. an `EncryptedLogGroup`'s `arn`), in the detector's
     * region.
     */
    readonly logGroupArn: pulumi.Input<string>;
    /**
     * ARN of the KMS key that encrypts the detector and its findings: a full key ARN in the
     * detector's region whose policy carries the anomaly-detector statements (a `LogsKey` with
     * `anomalyDetectors: true`). The key of a detector cannot be changed in place: a different key
     * replaces the detector (a new one is created, then the old one deleted), and the new detector
     * learns its baseline again.
     * @default - a new KMS key `<name>-key` (the key a `LogsKey` would create) with the anomaly-detector statements
     */
    readonly kmsKeyArn?: pulumi.Input<string>;
    /**
     * Name of the detector.
     * @default - the component's resource name
     */
    readonly detectorName?: pulumi.Input<string>;
    /**
     * How often the detector runs: `ONE_MIN`, `FIVE_MIN`, `TEN_MIN`, `FIFTEEN_MIN`, `THIRTY_MIN`
     * or `ONE_HOUR` (in TypeScript also `EvaluationFrequency.FifteenMin` and so on).
     * @default - the CloudWatch Logs default
     */
    readonly evaluationFrequency?: pulumi.Input<EvaluationFrequency>;
    /**
     * Only log events matching this filter pattern are examined.
     * @default - all events
     */
    readonly filterPattern?: pulumi.Input<string>;
    /**
     * Days an anomaly stays visible before it is baselined, 7 to 90.
     * @default - the CloudWatch Logs default
     */
    readonly anomalyVisibilityTime?: pulumi.Input<number>;
    /**
     * Whether the detector runs.
     * @default true
     */
    readonly enabled?: pulumi.Input<boolean>;
    /**
     * Administrators of the key this component creates.
     * @default - the account root, which delegates key administration to IAM
     */
    readonly keyAdminArns?: pulumi.Input<pulumi.Input<string>[]>;
    /**
     * Region of the detector and its key; must be the log group's region.
     * @default - the region of the AWS provider
     */
    readonly region?: pulumi.Input<string>;
    /**
     * Tags for the detector and the key this component creates.
     * @default - none
     */
    readonly tags?: pulumi.Input<{ [key: string]: pulumi.Input<string> }>;
}

/**
 * A CloudWatch Logs anomaly detector whose model and findings are encrypted with a
 * customer-managed KMS key that carries the statements CloudWatch Logs needs for detectors.
 */
export class EncryptedAnomalyDetector extends pulumi.ComponentResource {
    /** The anomaly detector. */
    public readonly detector: aws.cloudwatch.LogAnomalyDetector;
    /** ARN of the anomaly detector. */
    public readonly arn: pulumi.Output<string>;
    /** ARN of the key the detector is encrypted with. */
    public readonly kmsKeyArn: pulumi.Output<string>;
    /** The key this component created, when `kmsKeyArn` was not given. */
    public readonly key?: aws.kms.Key;

    /**
     * @param name the component's name; the detector is named `name`, its key `${name}-key`.
     * @param args the log group to watch and the detector's settings.
     * @param opts options; an AWS `provider` here decides the partition, region and account.
     */
    constructor(
        name: string,
        args: EncryptedAnomalyDetectorArgs,
        opts?: pulumi.ComponentResourceOptions,
    ) {
        super(`${PACKAGE}:index:EncryptedAnomalyDetector`, name, {}, opts);
        const label = `EncryptedAnomalyDetector "${name}"`;
        const { evaluationFrequency, anomalyVisibilityTime } = validatedDetectorInputs(
            this,
            label,
            args,
        );
        const where = awsLocation(this, args.region);
        const logGroupArn = checkedLogGroupArn(this, label, args.logGroupArn, where);

        const chosen = chooseKey(this, label, name, args.kmsKeyArn, where, "the detector", {
            anomalyDetectors: true,
            adminArns: checkedKeyAdminArns(this, label, args.keyAdminArns),
            description: "CloudWatch Logs anomaly detector key (pulumi-aws-encrypted-logs)",
            region: args.region,
            tags: args.tags,
        });
        this.key = chosen.key;
        const keyArn = chosen.arn;

        this.detector = new aws.cloudwatch.LogAnomalyDetector(
            name,
            {
                logGroupArnLists: [logGroupArn],
                kmsKeyId: keyArn,
                detectorName: args.detectorName ?? name,
                evaluationFrequency,
                filterPattern: args.filterPattern,
                anomalyVisibilityTime,
                enabled: args.enabled ?? true,
                region: args.region,
                tags: args.tags,
            },
            // CloudWatch Logs cannot change a detector's key: a new key means a new detector.
            { parent: this, dependsOn: chosen.dependsOn, replaceOnChanges: ["kmsKeyId"] },
        );
        this.arn = this.detector.arn;
        this.kmsKeyArn = keyArn;
        this.registerOutputs({
            detector: this.detector,
            arn: this.arn,
            kmsKeyArn: this.kmsKeyArn,
            key: this.key,
        });
    }
}

/** Checks the arguments of an {@link EncryptedAnomalyDetector} known up front (the rest on arrival). */
function validatedDetectorInputs(
    parent: EncryptedAnomalyDetector,
    label: string,
    args: EncryptedAnomalyDetectorArgs,
): {
    evaluationFrequency?: pulumi.Input<string>;
    anomalyVisibilityTime?: pulumi.Input<number>;
} {
    checked(parent, label, () => {
        if (args === undefined || args === null || args.logGroupArn === undefined) {
            throw new InputError(
                "logGroupArn",
                undefined,
                "an anomaly detector watches one log group and needs its ARN",
                "arn:<partition>:logs:<region>:<account>:log-group:<name>",
                "pass e.g. logGroupArn: myEncryptedLogGroup.arn",
            );
        }
    });
    const evaluationFrequency = checkedOptionalInput(parent, label, args.evaluationFrequency, (f) =>
        validateOneOf(
            "evaluationFrequency",
            f,
            EVALUATION_FREQUENCIES,
            "CloudWatch Logs does not accept this frequency",
            "pick the value closest to how often the log group receives events",
        ),
    );
    const anomalyVisibilityTime = checkedOptionalInput(
        parent,
        label,
        args.anomalyVisibilityTime,
        (d) =>
            validateIntegerInRange(
                "anomalyVisibilityTime",
                d,
                7,
                90,
                "pick 7 to 90 days, or omit it for the CloudWatch Logs default",
            ),
    );
    return { evaluationFrequency, anomalyVisibilityTime };
}

/** `logGroupArn`, checked on arrival to be a log group ARN in the detector's partition and region. */
function checkedLogGroupArn(
    parent: EncryptedAnomalyDetector,
    label: string,
    logGroupArn: pulumi.Input<string>,
    where: pulumi.Output<AwsLocation>,
): pulumi.Output<string> {
    return pulumi.all([logGroupArn, where]).apply(([arn, loc]) =>
        checked(parent, label, () => {
            const group = parseLogGroupArn("logGroupArn", arn);
            if (group.partition !== loc.partition || group.region !== loc.region) {
                throw new InputError(
                    "logGroupArn",
                    arn,
                    `the log group is in ${group.partition}/${group.region} but the detector is in ${loc.partition}/${loc.region}`,
                    `a log group ARN in ${loc.partition}/${loc.region}`,
                    "create the detector with the log group's provider or region",
                );
            }
            return arn;
        }),
    );
}
