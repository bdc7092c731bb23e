/**
 * Vended logs delivered through CloudWatch Logs deliveries (V2): a delivery destination whose
 * resource is a log group. The `aws:cloudwatch/logDelivery:LogDelivery` that pairs a source with
 * it names only the destination's ARN, so the destination is what is judged.
 */
import { UNKNOWN, readString } from "../../stack/wire";
import { arnWrites, readObject } from "../read";
import { DestinationType, LogDestinations } from "../types";

const PROPERTY = "deliveryDestinationConfiguration.destinationResourceArn";

function deliveryDestination(props: unknown): LogDestinations {
    // https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/AWS-vended-logs-permissions-V2.html:
    // "A DeliveryDestination, which is a logical object that represents the actual delivery
    // destination." For a log group, AWS-logs-infrastructure-V2-CloudWatchLogs.html asks only for
    // user permissions and "The log group where the logs are being sent must have a resource policy
    // that includes certain permissions": nothing of its KMS key (unlike the S3 page, which gives
    // delivery.logs.amazonaws.com a key-policy statement for SSE-KMS buckets). CloudWatch Logs
    // itself encrypts what lands in the group, so the group's key needs what any log group's key
    // needs, and no delivery.logs.amazonaws.com statement is required of it.
    const type = readString(props, "deliveryDestinationType");
    if (type === "XRAY") {
        return {
            kind: "elsewhere",
            property: "deliveryDestinationType",
            reason: 'deliveryDestinationType is "XRAY": traces go to X-Ray',
        };
    }
    const config = readObject(props, "deliveryDestinationConfiguration");
    const arn = config === UNKNOWN ? UNKNOWN : readString(config, "destinationResourceArn");
    if (arn === undefined || arn === "") {
        return {
            kind: "unknown",
            property: PROPERTY,
            reason: `${PROPERTY} is not set`,
        };
    }
    return arnWrites("vended logs", arn, PROPERTY, "deliveryDestinationConfiguration");
}

/** The row of this service in the destinations table. */
export const LOG_DELIVERY: Readonly<Record<string, DestinationType>> = {
    "aws:cloudwatch/logDeliveryDestination:LogDeliveryDestination": {
        service: "logdelivery",
        label: "CloudWatch Logs delivery destination",
        serviceName: "CloudWatch Logs vended log delivery",
        fix: "set deliveryDestinationConfiguration.destinationResourceArn to an EncryptedLogGroup's arn",
        documentation:
            "https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/AWS-logs-infrastructure-V2-CloudWatchLogs.html",
        destinations: deliveryDestination,
    },
};
