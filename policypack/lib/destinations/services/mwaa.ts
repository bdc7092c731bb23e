/** An Amazon MWAA environment's log destinations: one group per Apache Airflow log type it sends. */
import { UNKNOWN, readProperty } from "../../stack/wire";
import { derived, physicalName, readObject } from "../read";
import { DestinationType, LogDestination, LogDestinations } from "../types";

/**
 * The log types of `loggingConfiguration` (@pulumi/aws `EnvironmentLoggingConfiguration`), what
 * they are called in messages, the suffix of their group, and whether they are on when not set
 * ("taskLogs: ... Enabled by default with `INFO` log level"; the others "Disabled by default").
 *
 * The group's name: "The Amazon Resource Name (ARN) for the CloudWatch Logs group where the Apache
 * Airflow log type (e.g. DagProcessingLogs) is published. For example,
 * arn:aws:logs:us-east-1:123456789012:log-group:airflow-MyMWAAEnvironment-MwaaEnvironment-DAGProcessing:*."
 * (https://docs.aws.amazon.com/mwaa/latest/API/API_ModuleLoggingConfiguration.html, for an
 * environment named `MyMWAAEnvironment-MwaaEnvironment`); "Reading remote log from Cloudwatch
 * log_group: airflow-{environmentName}-Task"
 * (https://docs.aws.amazon.com/mwaa/latest/userguide/t-cloudwatch-cloudtrail-logs.html). The
 * scheduler, web server and worker suffixes follow the same `airflow-{environmentName}-<type>`
 * form, which is all the execution role grants ("logs:CreateLogGroup" on
 * "arn:aws:logs:{your-region}:{your-account-id}:log-group:airflow-{your-environment-name}-*",
 * https://docs.aws.amazon.com/mwaa/latest/userguide/mwaa-create-role.html); AWS quotes them in no
 * page this file could cite, so a group the stack declares under another suffix is not found.
 */
const LOG_TYPES = [
    { key: "dagProcessingLogs", logs: "DAG processing logs", suffix: "DAGProcessing", on: false },
    { key: "schedulerLogs", logs: "scheduler logs", suffix: "Scheduler", on: false },
    { key: "taskLogs", logs: "task logs", suffix: "Task", on: true },
    { key: "webserverLogs", logs: "web server logs", suffix: "WebServer", on: false },
    { key: "workerLogs", logs: "worker logs", suffix: "Worker", on: false },
] as const;

/** `airflow-<environment name>-<log type>`, the group MWAA publishes one log type to. */
function mwaaLogGroupName(suffix: string): (environmentName: string) => string {
    return (environmentName) => `airflow-${environmentName}-${suffix}`;
}

function environment(props: unknown): LogDestinations {
    // MWAA creates the groups itself: the execution role it requires grants "logs:CreateLogGroup"
    // on "log-group:airflow-{your-environment-name}-*" (mwaa-create-role.html, quoted above).
    // `loggingConfiguration` is a computed output; left out by the program (read as absent, see
    // `defaultedInputs`), AWS's defaults apply: task logs only.
    const config = readObject(props, "loggingConfiguration");
    if (config === UNKNOWN) {
        return {
            kind: "unknown",
            property: "loggingConfiguration",
            reason: "loggingConfiguration is unknown at preview",
        };
    }
    const found: LogDestination[] = [];
    for (const type of LOG_TYPES) {
        const module = readObject(config, type.key);
        const enabled = module === UNKNOWN ? UNKNOWN : readProperty(module, "enabled");
        if (enabled === UNKNOWN) {
            return {
                kind: "unknown",
                property: `loggingConfiguration.${type.key}`,
                reason: `loggingConfiguration.${type.key}.enabled is unknown at preview`,
            };
        }
        if (enabled === true || (enabled === undefined && type.on)) {
            // Named from the environment's own name: the shared strategy for a writer's identity.
            found.push(
                derived(
                    type.logs,
                    [physicalName(props, "name")],
                    mwaaLogGroupName(type.suffix),
                    ["name"],
                    true,
                ),
            );
        }
    }
    return found.length > 0
        ? { kind: "writes", destinations: found }
        : {
              kind: "disabled",
              property: "loggingConfiguration",
              reason: "every log type of loggingConfiguration is disabled: no logs are sent to CloudWatch Logs",
          };
}

/** The row of this service in the destinations table. */
export const MWAA: Readonly<Record<string, DestinationType>> = {
    "aws:mwaa/environment:Environment": {
        service: "mwaa",
        label: "MWAA environment",
        serviceName: "Amazon MWAA",
        fix: "declare one per enabled log type first, new EncryptedLogGroup(name, { logGroupName: `airflow-${environmentName}-Task` }) (DAGProcessing, Scheduler, WebServer, Worker likewise), and add them to the environment's dependsOn",
        documentation: "https://docs.aws.amazon.com/mwaa/latest/userguide/monitoring-airflow.html",
        destinations: environment,
        defaultedInputs: ["loggingConfiguration"],
    },
};
