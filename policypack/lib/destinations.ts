/**
 * Where resources send their logs in CloudWatch Logs: one row per resource type that writes to a
 * log group, and {@link logDestinations}, which reads one resource's raw properties (as the engine
 * sends them, unknowns included) and says which groups it writes to, or that it does not.
 *
 * Pure: no stack walking, no cloud calls. Property names are those of the `@pulumi/aws` v7 inputs
 * (`node_modules/@pulumi/aws/<module>/<resource>.d.ts`); the default group names come from
 * `components/common/serviceLogGroups.ts`, where their AWS documentation is quoted.
 *
 * Physical names. A resource whose `name` (or `identifier`, ...) is not given is auto-named by the
 * provider: the analyzer then sees the auto-name in the checked inputs and in the state, so it is
 * read like any other value. Only when the name is unknown at preview, or absent (as under the mock
 * engine, which does not auto-name), is the default group's name {@link UNKNOWN}; the destination
 * still names the property it depends on, so a rule can follow it through propertyDependencies.
 */
import { parse as parseArn, validate as looksLikeArn } from "@aws-sdk/util-arn-parser";
import {
    apiGatewayExecutionLogGroupName,
    codeBuildLogGroupName,
    eksClusterLogGroupName,
    lambdaLogGroupName,
    rdsClusterLogGroupName,
    rdsInstanceLogGroupName,
} from "../../components/common/serviceLogGroups";
import { UNKNOWN, Unknown, readBoolean, readProperty, readString } from "./wire";

/** The log group a destination names: by name, or by ARN (`:*` forms accepted). */
export type GroupReference =
    /** A log group name: known, or {@link UNKNOWN} at preview. */
    | { readonly by: "name"; readonly name: string | Unknown }
    /** A log group ARN as written, and its parts when it parses as one (`:*` removed from the name). */
    | {
          readonly by: "arn";
          readonly arn: string | Unknown;
          readonly parsed?: {
              readonly partition: string;
              readonly region: string;
              readonly accountId: string;
              readonly name: string;
          };
      };

/** One log group a resource writes to. */
export interface LogDestination {
    /** What is written, for messages: `function logs`, `access logs`, `slowquery logs`, ... */
    readonly logs: string;
    /** The group. */
    readonly group: GroupReference;
    /**
     * Where the group comes from, as the `@pulumi/aws` input path: `loggingConfig.logGroup`; for a
     * service's default group, the properties its name is built from (`name`, `restApi, stageName`).
     */
    readonly property: string;
    /** The top-level inputs whose propertyDependencies lead to what decides the group (to follow unknowns). */
    readonly dependencyProperties: readonly string[];
    /** The service's own default group (its name derived from the resource), not one the resource names. */
    readonly serviceDefault: boolean;
    /**
     * The service creates the group itself when it does not exist, with no key: a group the stack
     * does not declare is then created unencrypted.
     */
    readonly serviceCreatesGroup: boolean;
    /** A region the destination names itself (ECS `awslogs-region`), which wins over the resource's. */
    readonly region?: string | Unknown;
}

/** What a resource does with its logs. */
export type LogDestinations =
    /** It writes to these groups (at least one). */
    | { readonly kind: "writes"; readonly destinations: readonly LogDestination[] }
    /** Logging to CloudWatch Logs is off (or not enabled). */
    | { readonly kind: "disabled"; readonly property: string; readonly reason: string }
    /** Its logs go somewhere else (S3, Firehose, another log driver). */
    | { readonly kind: "elsewhere"; readonly property: string; readonly reason: string }
    /** Whether or where it logs is not known yet (unknown at preview, or unreadable). */
    | { readonly kind: "unknown"; readonly property: string; readonly reason: string };

/** A resource type that can send logs to CloudWatch Logs. */
export interface DestinationType {
    /** The configuration key that turns the type on or off: `lambda`, `apigateway`, `rds`, ... */
    readonly service: string;
    /** What a person calls it, for messages: `Lambda function`. */
    readonly label: string;
    /** The AWS service that writes the logs, for messages: `Lambda`, `API Gateway`. */
    readonly serviceName: string;
    /** How to fix a destination whose group the stack does not declare (for messages and the README). */
    readonly fix: string;
    /** The AWS documentation of where its logs go. */
    readonly documentation: string;
    /** Its destinations, from its raw properties. Never throws. */
    readonly destinations: (props: unknown) => LogDestinations;
}

// ---------------------------------------------------------------------------------------------
// Readers

/** A plain object (not an array), or UNKNOWN, or undefined. */
function readObject(props: unknown, key: string): Record<string, unknown> | Unknown | undefined {
    const value = readProperty(props, key);
    if (value === UNKNOWN) {
        return UNKNOWN;
    }
    return value !== null && typeof value === "object" && !Array.isArray(value)
        ? (value as Record<string, unknown>)
        : undefined;
}

/** A list (elements as sent: they may be sentinels), or UNKNOWN, or undefined. */
function readList(props: unknown, key: string): readonly unknown[] | Unknown | undefined {
    const value = readProperty(props, key);
    if (value === UNKNOWN) {
        return UNKNOWN;
    }
    return Array.isArray(value) ? value : undefined;
}

/** An element of a list read with {@link readList}: a string, UNKNOWN, or undefined. */
function elementString(value: unknown): string | Unknown | undefined {
    return readString({ value }, "value");
}

/** A known non-empty string, UNKNOWN (unknown, or absent: auto-named by the provider), never "". */
function physicalName(props: unknown, key: string): string | Unknown {
    const value = readString(props, key);
    return typeof value === "string" && value !== "" ? value : UNKNOWN;
}

/** A log group ARN as written, parsed when possible; `undefined` when it is another service's ARN. */
function groupArn(value: string | Unknown): GroupReference | undefined {
    if (value === UNKNOWN) {
        return { by: "arn", arn: UNKNOWN };
    }
    if (!looksLikeArn(value)) {
        return { by: "arn", arn: value };
    }
    let parts: ReturnType<typeof parseArn>;
    try {
        parts = parseArn(value);
    } catch {
        return { by: "arn", arn: value };
    }
    if (parts.service !== "logs") {
        return undefined;
    }
    const prefix = "log-group:";
    const name = parts.resource.startsWith(prefix)
        ? parts.resource.slice(prefix.length).replace(/:\*$/, "")
        : "";
    if (name === "") {
        return { by: "arn", arn: value };
    }
    return {
        by: "arn",
        arn: value,
        parsed: {
            partition: parts.partition,
            region: parts.region,
            accountId: parts.accountId,
            name,
        },
    };
}

/** The service an ARN belongs to (`firehose`, `s3`), for "elsewhere" reasons. */
function arnService(value: string): string {
    try {
        return parseArn(value).service;
    } catch {
        return "another service";
    }
}

function writes(...destinations: LogDestination[]): LogDestinations {
    return { kind: "writes", destinations };
}

/**
 * A destination whose group is a name built from the resource's identity (`/aws/lambda/<name>`),
 * UNKNOWN when any part is not known.
 */
function derived(
    logs: string,
    parts: readonly (string | Unknown)[],
    build: (...known: string[]) => string,
    properties: readonly string[],
    serviceCreatesGroup: boolean,
): LogDestination {
    const name = parts.some((p) => p === UNKNOWN) ? UNKNOWN : build(...(parts as string[]));
    return {
        logs,
        group: { by: "name", name },
        property: properties.join(", "),
        dependencyProperties: properties,
        serviceDefault: true,
        serviceCreatesGroup,
    };
}

/** A destination given by a property holding an ARN; `elsewhere` when it is not a logs ARN. */
function byArn(
    logs: string,
    value: string | Unknown,
    property: string,
    top: string,
): LogDestination | { elsewhere: string } {
    const group = groupArn(value);
    if (group === undefined) {
        return {
            elsewhere: `${property} is a ${arnService(value as string)} ARN, not a CloudWatch Logs log group`,
        };
    }
    return {
        logs,
        group,
        property,
        dependencyProperties: [top],
        serviceDefault: false,
        serviceCreatesGroup: false,
    };
}

// ---------------------------------------------------------------------------------------------
// One function per row

function lambdaFunction(props: unknown): LogDestinations {
    // Lambda has no switch that turns logging off: a function writes its logs whenever its
    // execution role allows it, so every function has a destination.
    // https://docs.aws.amazon.com/lambda/latest/api/API_LoggingConfig.html (LoggingConfig.LogGroup):
    // "By default, Lambda functions send logs to a default log group named /aws/lambda/<function
    // name>. To use a different log group, enter an existing log group or enter a new log group
    // name." Lambda creates either when missing (monitoring-cloudwatchlogs-loggroups.html: "To
    // configure your function to send logs to an existing log group, or to create a new log group
    // for your function, ...").
    //
    // `loggingConfig` is also a computed output: a preview reports it unknown as a whole when the
    // program does not set it (the provider fills it in, with the default group). An unknown
    // `loggingConfig` is therefore read as the default group, following `name` and `loggingConfig`;
    // a program that sets `logGroup` from an unknown value sends an object with that field unknown.
    const config = readObject(props, "loggingConfig");
    const logGroup = config === UNKNOWN ? undefined : readString(config, "logGroup");
    if (logGroup === UNKNOWN || (typeof logGroup === "string" && logGroup !== "")) {
        return writes({
            logs: "function logs",
            group: { by: "name", name: logGroup },
            property: "loggingConfig.logGroup",
            dependencyProperties: ["loggingConfig"],
            serviceDefault: false,
            serviceCreatesGroup: true,
        });
    }
    const properties = config === UNKNOWN ? ["name", "loggingConfig"] : ["name"];
    return writes({
        ...derived(
            "function logs",
            [physicalName(props, "name")],
            lambdaLogGroupName,
            ["name"],
            true,
        ),
        dependencyProperties: properties,
    });
}

function accessLogs(props: unknown): LogDestinations {
    // apigateway (REST) and apigatewayv2 (HTTP, WebSocket) stages: `accessLogSettings.destinationArn`
    // is the ARN of a CloudWatch Logs group (or, for REST, a Firehose stream); "Automatically
    // removes trailing `:*` if present" (@pulumi/aws StageAccessLogSettings). API Gateway does not
    // create it: the ARN names an existing group.
    const settings = readObject(props, "accessLogSettings");
    if (settings === undefined) {
        return {
            kind: "disabled",
            property: "accessLogSettings",
            reason: "accessLogSettings is not set: no access logs",
        };
    }
    const arn = settings === UNKNOWN ? UNKNOWN : readString(settings, "destinationArn");
    if (arn === undefined || arn === "") {
        return {
            kind: "disabled",
            property: "accessLogSettings.destinationArn",
            reason: "accessLogSettings.destinationArn is not set: no access logs",
        };
    }
    const found = byArn(
        "access logs",
        arn,
        settings === UNKNOWN ? "accessLogSettings" : "accessLogSettings.destinationArn",
        "accessLogSettings",
    );
    return "elsewhere" in found
        ? {
              kind: "elsewhere",
              property: "accessLogSettings.destinationArn",
              reason: found.elsewhere,
          }
        : writes(found);
}

/** `restApi` and `stageName` of an `aws:apigateway` Stage or MethodSettings, as sent. */
export interface ApiGatewayStageKey {
    /** The REST API's id (the engine sends a `RestApi` passed as `restApi` as its id). */
    readonly restApiId: string | Unknown | undefined;
    readonly stageName: string | Unknown | undefined;
}

/**
 * The stage an `aws:apigateway/stage:Stage` or `aws:apigateway/methodSettings:MethodSettings`
 * belongs to: what a rule needs to match a MethodSettings (which turns execution logs on) to its
 * Stage. Both name it with the same two inputs, `restApi` and `stageName`.
 */
export function apiGatewayStageKey(props: unknown): ApiGatewayStageKey {
    return { restApiId: readString(props, "restApi"), stageName: readString(props, "stageName") };
}

/** Execution log levels that write to CloudWatch Logs (MethodSettingsSettings.loggingLevel). */
const EXECUTION_LOG_LEVELS = ["ERROR", "INFO"];

function methodSettings(props: unknown): LogDestinations {
    // "To enable standard execution logging, set the loggingLevel on your stage to ERROR or INFO."
    // (rest-api-execution-logging.html); the group is API Gateway's own (serviceLogGroups.ts).
    const settings = readObject(props, "settings");
    const level = settings === UNKNOWN ? UNKNOWN : readString(settings, "loggingLevel");
    if (level === UNKNOWN) {
        return {
            kind: "unknown",
            property: "settings.loggingLevel",
            reason: "settings.loggingLevel is unknown at preview",
        };
    }
    if (level === undefined || !EXECUTION_LOG_LEVELS.includes(level.toUpperCase())) {
        return {
            kind: "disabled",
            property: "settings.loggingLevel",
            reason: `settings.loggingLevel is ${level === undefined ? "not set" : JSON.stringify(level)}: no execution logs`,
        };
    }
    const stage = apiGatewayStageKey(props);
    return writes(
        derived(
            "execution logs",
            [stage.restApiId ?? UNKNOWN, stage.stageName ?? UNKNOWN],
            apiGatewayExecutionLogGroupName,
            ["restApi", "stageName"],
            true,
        ),
    );
}

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

function taskDefinition(props: unknown): LogDestinations {
    // Each container's `logConfiguration` with `logDriver: "awslogs"` writes to
    // `options["awslogs-group"]` (in `awslogs-region` when given); with `awslogs-create-group:
    // "true"` the awslogs driver creates that group when missing
    // (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using_awslogs.html).
    const raw = readProperty(props, "containerDefinitions");
    if (raw === UNKNOWN) {
        return {
            kind: "unknown",
            property: "containerDefinitions",
            reason: "containerDefinitions is unknown at preview",
        };
    }
    let containers: unknown = raw;
    if (typeof raw === "string") {
        try {
            containers = JSON.parse(raw);
        } catch {
            return {
                kind: "unknown",
                property: "containerDefinitions",
                reason: "containerDefinitions is not valid JSON",
            };
        }
    }
    if (!Array.isArray(containers)) {
        return {
            kind: "unknown",
            property: "containerDefinitions",
            reason: "containerDefinitions is not a JSON list of containers",
        };
    }
    const found: LogDestination[] = [];
    const drivers: string[] = [];
    containers.forEach((container, i) => {
        const config = readObject(container, "logConfiguration");
        if (config === undefined || config === UNKNOWN) {
            return;
        }
        const driver = readString(config, "logDriver");
        if (driver !== "awslogs") {
            if (typeof driver === "string") {
                drivers.push(driver);
            }
            return;
        }
        const options = readObject(config, "options");
        const group = options === UNKNOWN ? UNKNOWN : readString(options, "awslogs-group");
        if (group === undefined || group === "") {
            return; // ECS refuses an awslogs configuration without awslogs-group
        }
        const containerName = readString(container, "name");
        const region = options === UNKNOWN ? UNKNOWN : readString(options, "awslogs-region");
        const create = options === UNKNOWN ? UNKNOWN : readString(options, "awslogs-create-group");
        found.push({
            logs: `container logs of ${typeof containerName === "string" ? `"${containerName}"` : `container ${i}`}`,
            group: { by: "name", name: group },
            property: `containerDefinitions[${i}].logConfiguration.options["awslogs-group"]`,
            dependencyProperties: ["containerDefinitions"],
            serviceDefault: false,
            serviceCreatesGroup: create === UNKNOWN || String(create).toLowerCase() === "true",
            region: region === "" ? undefined : region,
        });
    });
    if (found.length > 0) {
        return { kind: "writes", destinations: found };
    }
    if (drivers.length > 0) {
        return {
            kind: "elsewhere",
            property: "containerDefinitions",
            reason: `the containers log with ${[...new Set(drivers)].join(", ")}, not awslogs`,
        };
    }
    return {
        kind: "disabled",
        property: "containerDefinitions",
        reason: "no container has an awslogs logConfiguration",
    };
}

function stateMachine(props: unknown): LogDestinations {
    // "Defines which category of execution history events are logged. Valid values: `ALL`,
    // `ERROR`, `FATAL`, `OFF`" and `logDestination`: "ARN of a CloudWatch log group. ... The ARN
    // must end with `:*`" (@pulumi/aws StateMachineLoggingConfiguration). The group must exist.
    const config = readObject(props, "loggingConfiguration");
    if (config === undefined) {
        return {
            kind: "disabled",
            property: "loggingConfiguration",
            reason: "loggingConfiguration is not set: no execution history is logged",
        };
    }
    const level = config === UNKNOWN ? UNKNOWN : readString(config, "level");
    if (typeof level === "string" && level.toUpperCase() === "OFF") {
        return {
            kind: "disabled",
            property: "loggingConfiguration.level",
            reason: 'loggingConfiguration.level is "OFF"',
        };
    }
    const arn = config === UNKNOWN ? UNKNOWN : readString(config, "logDestination");
    if (arn === undefined || arn === "") {
        return {
            kind: "disabled",
            property: "loggingConfiguration.logDestination",
            reason: "loggingConfiguration.logDestination is not set",
        };
    }
    const found = byArn(
        "execution history",
        arn,
        config === UNKNOWN ? "loggingConfiguration" : "loggingConfiguration.logDestination",
        "loggingConfiguration",
    );
    return "elsewhere" in found
        ? {
              kind: "elsewhere",
              property: "loggingConfiguration.logDestination",
              reason: found.elsewhere,
          }
        : writes(found);
}

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

function queryLog(props: unknown): LogDestinations {
    // "CloudWatch log group ARN to send query logs." and "the CloudWatch log group must be in the
    // `us-east-1` region" (@pulumi/aws route53/queryLog.d.ts): the group's region is the ARN's.
    const arn = readString(props, "cloudwatchLogGroupArn");
    if (arn === undefined || arn === "") {
        return {
            kind: "unknown",
            property: "cloudwatchLogGroupArn",
            reason: "cloudwatchLogGroupArn is not set",
        };
    }
    const found = byArn("DNS query logs", arn, "cloudwatchLogGroupArn", "cloudwatchLogGroupArn");
    return "elsewhere" in found
        ? { kind: "elsewhere", property: "cloudwatchLogGroupArn", reason: found.elsewhere }
        : writes(found);
}

function searchDomain(props: unknown): LogDestinations {
    // `logPublishingOptions[]`: `cloudwatchLogGroupArn` "ARN of the Cloudwatch log group to which
    // log needs to be published.", `enabled` "Whether given log publishing option is enabled or
    // not.", `logType` (@pulumi/aws DomainLogPublishingOption).
    const options = readList(props, "logPublishingOptions");
    if (options === UNKNOWN) {
        return {
            kind: "unknown",
            property: "logPublishingOptions",
            reason: "logPublishingOptions is unknown at preview",
        };
    }
    const found: LogDestination[] = [];
    for (const [i, option] of (options ?? []).entries()) {
        if (option === UNKNOWN || typeof option === "string") {
            return {
                kind: "unknown",
                property: `logPublishingOptions[${i}]`,
                reason: `logPublishingOptions[${i}] is unknown at preview`,
            };
        }
        if (readBoolean(option, "enabled") === false) {
            continue;
        }
        const arn = readString(option, "cloudwatchLogGroupArn");
        if (arn === undefined || arn === "") {
            continue;
        }
        const logType = readString(option, "logType");
        const destination = byArn(
            typeof logType === "string" ? `${logType} logs` : "published logs",
            arn,
            `logPublishingOptions[${i}].cloudwatchLogGroupArn`,
            "logPublishingOptions",
        );
        if (!("elsewhere" in destination)) {
            found.push(destination);
        }
    }
    return found.length > 0
        ? { kind: "writes", destinations: found }
        : {
              kind: "disabled",
              property: "logPublishingOptions",
              reason: "no enabled logPublishingOptions entry names a log group",
          };
}

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

// ---------------------------------------------------------------------------------------------
// The table

/**
 * Resource types that send logs to CloudWatch Logs, keyed by Pulumi type token, each with the AWS
 * documentation of where its logs go.
 */
export const DESTINATION_TYPES: Readonly<Record<string, DestinationType>> = {
    "aws:lambda/function:Function": {
        service: "lambda",
        label: "Lambda function",
        serviceName: "Lambda",
        fix: "declare the group with an EncryptedLogGroup and set loggingConfig.logGroup to its name, or call encryptLambdaLogGroups() at the top of the program",
        documentation:
            "https://docs.aws.amazon.com/lambda/latest/dg/monitoring-cloudwatchlogs-loggroups.html",
        destinations: lambdaFunction,
    },
    "aws:apigateway/stage:Stage": {
        service: "apigateway",
        label: "API Gateway stage",
        serviceName: "API Gateway",
        fix: "set accessLogSettings.destinationArn to an EncryptedLogGroup's arn",
        documentation:
            "https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-logging.html",
        destinations: accessLogs,
    },
    "aws:apigateway/methodSettings:MethodSettings": {
        service: "apigateway",
        label: "API Gateway method settings",
        serviceName: "API Gateway",
        fix: "declare it first, new EncryptedLogGroup(name, { logGroupName: apiGatewayExecutionLogGroupName(restApiId, stageName) }), and add that group to the MethodSettings' dependsOn",
        documentation:
            "https://docs.aws.amazon.com/apigateway/latest/developerguide/rest-api-execution-logging.html",
        destinations: methodSettings,
    },
    "aws:apigatewayv2/stage:Stage": {
        service: "apigatewayv2",
        label: "API Gateway v2 stage",
        serviceName: "API Gateway",
        fix: "set accessLogSettings.destinationArn to an EncryptedLogGroup's arn",
        documentation:
            "https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-logging.html",
        destinations: accessLogs,
    },
    "aws:eks/cluster:Cluster": {
        service: "eks",
        label: "EKS cluster",
        serviceName: "EKS",
        fix: "declare it first, new EncryptedLogGroup(name, { logGroupName: eksClusterLogGroupName(clusterName) }), and add that group to the cluster's dependsOn",
        documentation: "https://docs.aws.amazon.com/eks/latest/userguide/control-plane-logs.html",
        destinations: eksCluster,
    },
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
    "aws:ec2/flowLog:FlowLog": {
        service: "ec2",
        label: "VPC flow log",
        serviceName: "VPC Flow Logs",
        fix: "set logDestination to an EncryptedLogGroup's arn",
        documentation: "https://docs.aws.amazon.com/vpc/latest/userguide/flow-logs-cwl.html",
        destinations: flowLog,
    },
    "aws:ecs/taskDefinition:TaskDefinition": {
        service: "ecs",
        label: "ECS task definition",
        serviceName: "ECS",
        fix: "set the container's options[\"awslogs-group\"] to an EncryptedLogGroup's name, without awslogs-create-group",
        documentation:
            "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using_awslogs.html",
        destinations: taskDefinition,
    },
    "aws:sfn/stateMachine:StateMachine": {
        service: "sfn",
        label: "Step Functions state machine",
        serviceName: "Step Functions",
        fix: "set loggingConfiguration.logDestination to an EncryptedLogGroup's arn followed by :*",
        documentation: "https://docs.aws.amazon.com/step-functions/latest/dg/cw-logs.html",
        destinations: stateMachine,
    },
    "aws:codebuild/project:Project": {
        service: "codebuild",
        label: "CodeBuild project",
        serviceName: "CodeBuild",
        fix: "set logsConfig.cloudwatchLogs.groupName to an EncryptedLogGroup's name, or declare the default group first, new EncryptedLogGroup(name, { logGroupName: codeBuildLogGroupName(projectName) }), in the project's dependsOn",
        documentation:
            "https://docs.aws.amazon.com/codebuild/latest/userguide/getting-started-cli-monitor-build.html",
        destinations: codeBuildProject,
    },
    "aws:route53/queryLog:QueryLog": {
        service: "route53",
        label: "Route 53 query logging configuration",
        serviceName: "Route 53",
        fix: "set cloudwatchLogGroupArn to the arn of an EncryptedLogGroup in us-east-1",
        documentation:
            "https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/query-logs.html#query-logs-configuring",
        destinations: queryLog,
    },
    "aws:opensearch/domain:Domain": {
        service: "opensearch",
        label: "OpenSearch domain",
        serviceName: "OpenSearch Service",
        fix: "set each logPublishingOptions entry's cloudwatchLogGroupArn to an EncryptedLogGroup's arn",
        documentation:
            "https://docs.aws.amazon.com/opensearch-service/latest/developerguide/createdomain-configure-slow-logs.html",
        destinations: searchDomain,
    },
    "aws:elasticsearch/domain:Domain": {
        service: "opensearch",
        label: "Elasticsearch domain",
        serviceName: "OpenSearch Service",
        fix: "set each logPublishingOptions entry's cloudwatchLogGroupArn to an EncryptedLogGroup's arn",
        documentation:
            "https://docs.aws.amazon.com/opensearch-service/latest/developerguide/createdomain-configure-slow-logs.html",
        destinations: searchDomain,
    },
    "aws:msk/cluster:Cluster": {
        service: "msk",
        label: "MSK cluster",
        serviceName: "Amazon MSK",
        fix: "set loggingInfo.brokerLogs.cloudwatchLogs.logGroup to an EncryptedLogGroup's name",
        documentation: "https://docs.aws.amazon.com/msk/latest/developerguide/msk-logging.html",
        destinations: mskCluster,
    },
};

/** Every type in {@link DESTINATION_TYPES}. */
export const DESTINATION_TYPE_NAMES: readonly string[] = Object.keys(DESTINATION_TYPES);

/**
 * The log groups one resource writes to, from its type and raw properties (a `@pulumi/policy`
 * props proxy or a plain object); `undefined` when the type sends no logs to CloudWatch Logs (not
 * in {@link DESTINATION_TYPES}). Never throws.
 */
export function logDestinations(type: string, props: unknown): LogDestinations | undefined {
    const row = Object.prototype.hasOwnProperty.call(DESTINATION_TYPES, type)
        ? DESTINATION_TYPES[type]
        : undefined;
    if (row === undefined) {
        return undefined;
    }
    try {
        return row.destinations(props);
    } catch (e) {
        return {
            kind: "unknown",
            property: "(properties)",
            reason: `the properties could not be read (${e instanceof Error ? e.message : String(e)})`,
        };
    }
}
