/** A trail's CloudWatch Logs destination (its key, for the S3 log files, is judged as a target). */
import { readString } from "../../stack/wire";
import { arnWrites } from "../read";
import { DestinationType, LogDestinations } from "../types";

function trailLogs(property: string): (props: unknown) => LogDestinations {
    // https://docs.aws.amazon.com/awscloudtrail/latest/userguide/send-cloudtrail-events-to-cloudwatch-logs.html:
    // to send events to a log group, "Create a log group or specify an existing log group." and
    // CreateTrail's CloudWatchLogsLogGroupArn: "Specifies a log group name using an Amazon Resource
    // Name (ARN), a unique identifier that represents the log group to which CloudTrail logs will
    // be delivered." The trail's own kmsKeyId encrypts only the S3 log files; the group is encrypted
    // by its own key, like any other.
    return (props) => {
        const arn = readString(props, property);
        if (arn === undefined || arn === "") {
            return {
                kind: "disabled",
                property,
                reason: `${property} is not set: the trail sends no events to CloudWatch Logs`,
            };
        }
        return arnWrites("trail events", arn, property, property);
    };
}

const ROW = {
    service: "cloudtrail",
    label: "CloudTrail trail",
    serviceName: "CloudTrail",
    documentation:
        "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/send-cloudtrail-events-to-cloudwatch-logs.html",
};

/** The rows of this service in the destinations table. */
export const CLOUDTRAIL: Readonly<Record<string, DestinationType>> = {
    "aws:cloudtrail/trail:Trail": {
        ...ROW,
        fix: "set cloudWatchLogsGroupArn to an EncryptedLogGroup's arn followed by :*",
        destinations: trailLogs("cloudWatchLogsGroupArn"),
    },
    "aws-native:cloudtrail:Trail": {
        ...ROW,
        fix: "set cloudWatchLogsLogGroupArn to an EncryptedLogGroup's arn followed by :*",
        destinations: trailLogs("cloudWatchLogsLogGroupArn"),
    },
};
