/** An ECS cluster's Container Insights performance logs. */
import { ecsContainerInsightsLogGroupName } from "../../../../aws/serviceLogGroups";
import { UNKNOWN, readString } from "../../stack/wire";
import { derived, physicalName, readList, writes } from "../read";
import { DestinationType, LogDestinations } from "../types";

/** The `containerInsights` values that turn it on (@pulumi/aws ClusterSetting: `enhanced`, `enabled`, `disabled`). */
const ON = ["enabled", "enhanced"];

function cluster(props: unknown): LogDestinations {
    // The group is Container Insights' own and it creates it (serviceLogGroups.ts). Only the
    // cluster's own setting is read: an account default (`aws ecs put-account-setting-default
    // --name containerInsights`) is not in the program, so a cluster without the setting is judged
    // as off.
    const settings = readList(props, "settings");
    if (settings === UNKNOWN) {
        return {
            kind: "unknown",
            property: "settings",
            reason: "settings is unknown at preview",
        };
    }
    const setting = (settings ?? []).find((s) => readString(s, "name") === "containerInsights");
    const value = readString(setting, "value");
    if (value === UNKNOWN) {
        return {
            kind: "unknown",
            property: "settings",
            reason: 'the "containerInsights" setting\'s value is unknown at preview',
        };
    }
    if (value === undefined || !ON.includes(value)) {
        return {
            kind: "disabled",
            property: "settings",
            reason: `the "containerInsights" setting is ${value === undefined ? "not set" : JSON.stringify(value)}: no Container Insights logs`,
        };
    }
    return writes(
        derived(
            "Container Insights performance logs",
            [physicalName(props, "name")],
            ecsContainerInsightsLogGroupName,
            ["name"],
            true,
        ),
    );
}

/** The row of this service in the destinations table. */
export const ECS_CLUSTER: Readonly<Record<string, DestinationType>> = {
    "aws:ecs/cluster:Cluster": {
        service: "ecs",
        label: "ECS cluster",
        serviceName: "CloudWatch Container Insights",
        fix: 'declare it first, new EncryptedLogGroup(name, { logGroupName: "/aws/ecs/containerinsights/<cluster name>/performance" }), and add that group to the cluster\'s dependsOn',
        documentation:
            "https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Container-Insights-reference-performance-logs-ECS.html",
        destinations: cluster,
    },
};
