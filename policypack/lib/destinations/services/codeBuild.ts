/** A CodeBuild project's log destination: its build logs. */
import { codeBuildLogGroupName } from "../../../../aws/serviceLogGroups";
import { UNKNOWN, readString } from "../../stack/wire";
import { readObject, physicalName, writes, derived } from "../read";
import { LogDestinations, DestinationType } from "../types";

function codeBuildProject(props: unknown): LogDestinations {
    // `logsConfig.cloudwatchLogs.status`: "Valid values: `ENABLED`, `DISABLED`. Defaults to
    // `ENABLED`."; `groupName`: "Group name of the logs in CloudWatch Logs." (@pulumi/aws
    // ProjectLogsConfigCloudwatchLogs). Without a groupName CodeBuild writes to its own group.
    const logsConfig = readObject(props, "logsConfig");
    const cloudwatch = logsConfig === UNKNOWN ? UNKNOWN : readObject(logsConfig, "cloudwatchLogs");
    if (cloudwatch === UNKNOWN) {
        return {
            kind: "unknown",
            property: "logsConfig.cloudwatchLogs",
            reason: "logsConfig.cloudwatchLogs is unknown at preview",
        };
    }
    const status = readString(cloudwatch, "status");
    if (status === UNKNOWN) {
        return {
            kind: "unknown",
            property: "logsConfig.cloudwatchLogs.status",
            reason: "logsConfig.cloudwatchLogs.status is unknown at preview",
        };
    }
    if (typeof status === "string" && status.toUpperCase() === "DISABLED") {
        return {
            kind: "disabled",
            property: "logsConfig.cloudwatchLogs.status",
            reason: 'logsConfig.cloudwatchLogs.status is "DISABLED"',
        };
    }
    const groupName = readString(cloudwatch, "groupName");
    if (groupName === UNKNOWN || (typeof groupName === "string" && groupName !== "")) {
        return writes({
            logs: "build logs",
            group: { by: "name", name: groupName },
            property: "logsConfig.cloudwatchLogs.groupName",
            dependencyProperties: ["logsConfig"],
            serviceDefault: false,
            serviceCreatesGroup: false,
        });
    }
    return writes(
        derived("build logs", [physicalName(props, "name")], codeBuildLogGroupName, ["name"], true),
    );
}

/** The row of this service in the destinations table. */
export const CODEBUILD: Readonly<Record<string, DestinationType>> = {
    "aws:codebuild/project:Project": {
        service: "codebuild",
        label: "CodeBuild project",
        serviceName: "CodeBuild",
        fix: "set logsConfig.cloudwatchLogs.groupName to an EncryptedLogGroup's name, or declare the default group first, new EncryptedLogGroup(name, { logGroupName: codeBuildLogGroupName(projectName) }), in the project's dependsOn",
        documentation:
            "https://docs.aws.amazon.com/codebuild/latest/userguide/getting-started-cli-monitor-build.html",
        destinations: codeBuildProject,
    },
};
