/** An MSK cluster's log destination: its broker logs. */
import { UNKNOWN, readBoolean, readString } from "../../stack/wire";
import { readObject, writes } from "../read";
import { LogDestinations, DestinationType } from "../types";

function mskCluster(props: unknown): LogDestinations {
    // `loggingInfo.brokerLogs.cloudwatchLogs`: `enabled` and `logGroup` "Name of the Cloudwatch
    // Log Group to deliver logs to." (@pulumi/aws ClusterLoggingInfoBrokerLogsCloudwatchLogs).
    const info = readObject(props, "loggingInfo");
    const broker = info === UNKNOWN ? UNKNOWN : readObject(info, "brokerLogs");
    const cloudwatch = broker === UNKNOWN ? UNKNOWN : readObject(broker, "cloudwatchLogs");
    if (cloudwatch === UNKNOWN) {
        return {
            kind: "unknown",
            property: "loggingInfo.brokerLogs.cloudwatchLogs",
            reason: "loggingInfo.brokerLogs.cloudwatchLogs is unknown at preview",
        };
    }
    const enabled = readBoolean(cloudwatch, "enabled");
    if (enabled === UNKNOWN) {
        return {
            kind: "unknown",
            property: "loggingInfo.brokerLogs.cloudwatchLogs.enabled",
            reason: "loggingInfo.brokerLogs.cloudwatchLogs.enabled is unknown at preview",
        };
    }
    const group = readString(cloudwatch, "logGroup");
    if (enabled !== true || group === undefined || group === "") {
        return {
            kind: "disabled",
            property: "loggingInfo.brokerLogs.cloudwatchLogs",
            reason: "broker logs are not sent to CloudWatch Logs",
        };
    }
    return writes({
        logs: "broker logs",
        group: { by: "name", name: group },
        property: "loggingInfo.brokerLogs.cloudwatchLogs.logGroup",
        dependencyProperties: ["loggingInfo"],
        serviceDefault: false,
        serviceCreatesGroup: false,
    });
}

/** The row of this service in the destinations table. */
export const MSK: Readonly<Record<string, DestinationType>> = {
    "aws:msk/cluster:Cluster": {
        service: "msk",
        label: "MSK cluster",
        serviceName: "Amazon MSK",
        fix: "set loggingInfo.brokerLogs.cloudwatchLogs.logGroup to an EncryptedLogGroup's name",
        documentation: "https://docs.aws.amazon.com/msk/latest/developerguide/msk-logging.html",
        destinations: mskCluster,
    },
};
