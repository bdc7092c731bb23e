/** An RDS DB instance's or cluster's log destinations: its exported logs. */
import { rdsClusterLogGroupName, rdsInstanceLogGroupName } from "../../../../aws/serviceLogGroups";
import { UNKNOWN } from "../../stack/wire";
import { readList, elementString, physicalName, writes, derived } from "../read";
import { LogDestinations, DestinationType } from "../types";

function rdsExports(
    idProperty: string,
    build: (id: string, logType: string) => string,
): (props: unknown) => LogDestinations {
    return (props) => {
        // One group per exported log type; RDS creates each (the policy AWS documents for it grants
        // the service logs:CreateLogGroup on log-group:/aws/rds/*).
        const logTypes = readList(props, "enabledCloudwatchLogsExports");
        if (logTypes === UNKNOWN) {
            return {
                kind: "unknown",
                property: "enabledCloudwatchLogsExports",
                reason: "enabledCloudwatchLogsExports is unknown at preview",
            };
        }
        if (logTypes === undefined || logTypes.length === 0) {
            return {
                kind: "disabled",
                property: "enabledCloudwatchLogsExports",
                reason: "enabledCloudwatchLogsExports is empty: no logs are exported",
            };
        }
        const id = physicalName(props, idProperty);
        return writes(
            ...logTypes.map((entry) => {
                const logType = elementString(entry) ?? UNKNOWN;
                return derived(
                    typeof logType === "string" ? `${logType} logs` : "exported logs",
                    [id, logType],
                    build,
                    [idProperty, "enabledCloudwatchLogsExports"],
                    true,
                );
            }),
        );
    };
}

/** The rows of this service in the destinations table. */
export const RDS: Readonly<Record<string, DestinationType>> = {
    "aws:rds/instance:Instance": {
        service: "rds",
        label: "RDS DB instance",
        serviceName: "RDS",
        fix: "declare one per exported log first, new EncryptedLogGroup(name, { logGroupName: rdsInstanceLogGroupName(identifier, logType) }), and add them to the instance's dependsOn",
        documentation:
            "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_LogAccess.Procedural.UploadtoCloudWatch.html",
        destinations: rdsExports("identifier", rdsInstanceLogGroupName),
    },
    "aws:rds/cluster:Cluster": {
        service: "rds",
        label: "RDS DB cluster",
        serviceName: "RDS",
        fix: "declare one per exported log first, new EncryptedLogGroup(name, { logGroupName: rdsClusterLogGroupName(clusterIdentifier, logType) }), and add them to the cluster's dependsOn",
        documentation:
            "https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/AuroraMySQL.Integrating.CloudWatch.html",
        destinations: rdsExports("clusterIdentifier", rdsClusterLogGroupName),
    },
};
