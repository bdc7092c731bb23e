/** A VPC flow log's destination in CloudWatch Logs. */
import { UNKNOWN, readString } from "../../stack/wire";
import { writes, byArn } from "../read";
import { LogDestinations, DestinationType } from "../types";

function flowLog(props: unknown): LogDestinations {
    // "Logging destination type. Valid values: `cloud-watch-logs`, `s3`, `kinesis-data-firehose`.
    // Default: `cloud-watch-logs`." and `logDestination`: "ARN of the logging destination."
    // (@pulumi/aws ec2/flowLog.d.ts). v7 has no `logGroupName` input any more; a state written by
    // an older provider may still carry it, so it is read as a name.
    const type = readString(props, "logDestinationType");
    if (type === UNKNOWN) {
        return {
            kind: "unknown",
            property: "logDestinationType",
            reason: "logDestinationType is unknown at preview",
        };
    }
    if (type !== undefined && type !== "cloud-watch-logs") {
        return {
            kind: "elsewhere",
            property: "logDestinationType",
            reason: `logDestinationType is ${JSON.stringify(type)}: the flow logs do not go to CloudWatch Logs`,
        };
    }
    const destination = readString(props, "logDestination");
    if (destination !== undefined && destination !== "") {
        const found = byArn("flow logs", destination, "logDestination", "logDestination");
        return "elsewhere" in found
            ? { kind: "elsewhere", property: "logDestination", reason: found.elsewhere }
            : writes(found);
    }
    const legacyName = readString(props, "logGroupName");
    if (legacyName !== undefined && legacyName !== "") {
        return writes({
            logs: "flow logs",
            group: { by: "name", name: legacyName },
            property: "logGroupName",
            dependencyProperties: ["logGroupName"],
            serviceDefault: false,
            serviceCreatesGroup: false,
        });
    }
    return {
        kind: "unknown",
        property: "logDestination",
        reason: "logDestination is not set, so the flow log names no log group",
    };
}

/** The row of this service in the destinations table. */
export const FLOW_LOGS: Readonly<Record<string, DestinationType>> = {
    "aws:ec2/flowLog:FlowLog": {
        service: "ec2",
        label: "VPC flow log",
        serviceName: "VPC Flow Logs",
        fix: "set logDestination to an EncryptedLogGroup's arn",
        documentation: "https://docs.aws.amazon.com/vpc/latest/userguide/flow-logs-cwl.html",
        destinations: flowLog,
    },
};
