/** A Network Firewall logging configuration's destinations: alert, flow and TLS logs. */
import { UNKNOWN, readString } from "../../stack/wire";
import { readList, readObject, writes } from "../read";
import { DestinationType, LogDestination, LogDestinations } from "../types";

const PROPERTY = "loggingConfiguration.logDestinationConfigs";

function firewallLogging(props: unknown): LogDestinations {
    // https://docs.aws.amazon.com/network-firewall/latest/APIReference/API_LogDestinationConfig.html:
    // "You can send each type of log to an Amazon S3 bucket, a CloudWatch log group, or a Firehose
    // delivery stream." and "For a CloudWatch log group, provide the name of the CloudWatch log
    // group, with key logGroup": the group is named, and must exist. @pulumi/aws
    // LoggingConfigurationLoggingConfigurationLogDestinationConfig: `logDestinationType`
    // (`S3`, `CloudWatchLogs`, `KinesisDataFirehose`), `logDestination` (a map), `logType`.
    const config = readObject(props, "loggingConfiguration");
    const list = config === UNKNOWN ? UNKNOWN : readList(config, "logDestinationConfigs");
    if (list === UNKNOWN) {
        return { kind: "unknown", property: PROPERTY, reason: `${PROPERTY} is unknown at preview` };
    }
    if (list === undefined || list.length === 0) {
        return { kind: "disabled", property: PROPERTY, reason: `${PROPERTY} is empty: no logs` };
    }
    const found: LogDestination[] = [];
    for (const [i, entry] of list.entries()) {
        const type = readString(entry, "logDestinationType");
        const at = `${PROPERTY}[${i}]`;
        if (type === UNKNOWN) {
            return {
                kind: "unknown",
                property: `${at}.logDestinationType`,
                reason: `${at}.logDestinationType is unknown at preview`,
            };
        }
        if (type !== "CloudWatchLogs") {
            continue;
        }
        const destination = readObject(entry, "logDestination");
        const name = destination === UNKNOWN ? UNKNOWN : readString(destination, "logGroup");
        const logType = readString(entry, "logType");
        found.push({
            logs: `${typeof logType === "string" ? logType.toLowerCase() : "firewall"} logs`,
            group: { by: "name", name: name === undefined || name === "" ? UNKNOWN : name },
            property: `${at}.logDestination.logGroup`,
            dependencyProperties: ["loggingConfiguration"],
            serviceDefault: false,
            serviceCreatesGroup: false,
        });
    }
    return found.length > 0
        ? writes(...found)
        : {
              kind: "elsewhere",
              property: PROPERTY,
              reason: `no entry of ${PROPERTY} has logDestinationType "CloudWatchLogs"`,
          };
}

/** The row of this service in the destinations table. */
export const NETWORK_FIREWALL: Readonly<Record<string, DestinationType>> = {
    "aws:networkfirewall/loggingConfiguration:LoggingConfiguration": {
        service: "networkfirewall",
        label: "Network Firewall logging configuration",
        serviceName: "Network Firewall",
        fix: 'set logDestination.logGroup of each "CloudWatchLogs" entry to an EncryptedLogGroup\'s name',
        documentation:
            "https://docs.aws.amazon.com/network-firewall/latest/APIReference/API_LogDestinationConfig.html",
        destinations: firewallLogging,
    },
};
