/** An EKS cluster's log destination: its control plane logs. */
import { eksClusterLogGroupName } from "../../../../aws/serviceLogGroups";
import { UNKNOWN } from "../../stack/wire";
import { readList, physicalName, writes, derived } from "../read";
import { LogDestinations, DestinationType } from "../types";

function eksCluster(props: unknown): LogDestinations {
    // "By default, cluster control plane logs aren't sent to CloudWatch Logs. You must enable each
    // log type individually" (control-plane-logs.html); all types go to one group per cluster.
    const types = readList(props, "enabledClusterLogTypes");
    if (types === UNKNOWN) {
        return {
            kind: "unknown",
            property: "enabledClusterLogTypes",
            reason: "enabledClusterLogTypes is unknown at preview",
        };
    }
    if (types === undefined || types.length === 0) {
        return {
            kind: "disabled",
            property: "enabledClusterLogTypes",
            reason: "enabledClusterLogTypes is empty: no control plane logs",
        };
    }
    return writes(
        derived(
            "control plane logs",
            [physicalName(props, "name")],
            eksClusterLogGroupName,
            ["name"],
            true,
        ),
    );
}

/** The row of this service in the destinations table. */
export const EKS: Readonly<Record<string, DestinationType>> = {
    "aws:eks/cluster:Cluster": {
        service: "eks",
        label: "EKS cluster",
        serviceName: "EKS",
        fix: "declare it first, new EncryptedLogGroup(name, { logGroupName: eksClusterLogGroupName(clusterName) }), and add that group to the cluster's dependsOn",
        documentation: "https://docs.aws.amazon.com/eks/latest/userguide/control-plane-logs.html",
        destinations: eksCluster,
    },
};
