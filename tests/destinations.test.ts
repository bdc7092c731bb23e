/**
 * policypack/lib/destinations/ (one file per service): for every resource type that sends logs to CloudWatch Logs, the
 * group it writes to (found), that it writes nowhere when logging is off (disabled), and that an
 * unknown name stays UNKNOWN with the property to follow (name unknown). Props are read through
 * `@pulumi/policy`'s real unknown-checking proxy, as the policies get them.
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import {
    DESTINATION_TYPES,
    DESTINATION_SUMMARY,
    DESTINATION_TYPE_NAMES,
    LogDestination,
    LogDestinations,
    apiGatewayStageKey,
    logDestinations,
} from "../policypack/lib/destinations/services";
import { UNKNOWN, UNKNOWN_SENTINELS } from "../policypack/lib/stack/wire";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const proxy = require(
    path.resolve(__dirname, "..", "..", "policypack", "node_modules", "@pulumi", "policy", "proxy"),
) as { unknownCheckingProxy(o: object): Record<string, unknown> };

/** The engine's unknown string (and list, object) sentinels, as the analyzer receives them. */
const U = UNKNOWN_SENTINELS[2];
const U_LIST = UNKNOWN_SENTINELS[3];
const U_OBJECT = UNKNOWN_SENTINELS[6];

const LAMBDA = "aws:lambda/function:Function";
const STAGE = "aws:apigateway/stage:Stage";
const METHOD_SETTINGS = "aws:apigateway/methodSettings:MethodSettings";
const STAGE_V2 = "aws:apigatewayv2/stage:Stage";
const EKS = "aws:eks/cluster:Cluster";
const RDS_INSTANCE = "aws:rds/instance:Instance";
const RDS_CLUSTER = "aws:rds/cluster:Cluster";
const FLOW_LOG = "aws:ec2/flowLog:FlowLog";
const TASK = "aws:ecs/taskDefinition:TaskDefinition";
const STATE_MACHINE = "aws:sfn/stateMachine:StateMachine";
const CODEBUILD = "aws:codebuild/project:Project";
const QUERY_LOG = "aws:route53/queryLog:QueryLog";
const OPENSEARCH = "aws:opensearch/domain:Domain";
const ELASTICSEARCH = "aws:elasticsearch/domain:Domain";
const MSK = "aws:msk/cluster:Cluster";
const BEDROCK = "aws:bedrockmodel/invocationLoggingConfiguration:InvocationLoggingConfiguration";
const FIREWALL = "aws:networkfirewall/loggingConfiguration:LoggingConfiguration";
const WAF = "aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration";
const RESOLVER = "aws:route53/resolverQueryLogConfig:ResolverQueryLogConfig";
const TRAIL = "aws:cloudtrail/trail:Trail";
const NATIVE_TRAIL = "aws-native:cloudtrail:Trail";
const ECS_CLUSTER = "aws:ecs/cluster:Cluster";
const DELIVERY = "aws:cloudwatch/logDeliveryDestination:LogDeliveryDestination";
const APPSYNC = "aws:appsync/graphQLApi:GraphQLApi";
const GLUE = "aws:glue/job:Job";
const ROLE = "arn:aws:iam::111122223333:role/logs";

const GROUP_ARN = "arn:aws:logs:eu-west-1:111122223333:log-group:/app/access";
const PARSED = {
    partition: "aws",
    region: "eu-west-1",
    accountId: "111122223333",
    name: "/app/access",
};

/** The destinations, without `namePattern` (asserted on its own below). */
function of(type: string, props: Record<string, unknown>): LogDestinations | undefined {
    const found = logDestinations(type, proxy.unknownCheckingProxy(props));
    if (found?.kind !== "writes") {
        return found;
    }
    return {
        kind: "writes",
        destinations: found.destinations.map(({ namePattern: _, ...rest }) => rest),
    };
}

/** A destination with the defaults most rows have; `over` replaces fields. */
function named(
    logs: string,
    name: string | typeof UNKNOWN,
    property: string,
    over: Partial<LogDestination> = {},
): LogDestination {
    return {
        logs,
        group: { by: "name", name },
        property,
        dependencyProperties: [property.split(/[.[]/)[0]],
        serviceDefault: false,
        serviceCreatesGroup: false,
        ...over,
    };
}

function byArn(logs: string, property: string, arn: string | typeof UNKNOWN): LogDestination {
    return {
        logs,
        group: arn === UNKNOWN ? { by: "arn", arn } : { by: "arn", arn, parsed: PARSED },
        property,
        dependencyProperties: [property.split(/[.[]/)[0]],
        serviceDefault: false,
        serviceCreatesGroup: false,
    };
}

function writes(...destinations: LogDestination[]): LogDestinations {
    return { kind: "writes", destinations };
}

type Case = [what: string, type: string, props: Record<string, unknown>, expected: LogDestinations];

const lambdaDefault = (name: string | typeof UNKNOWN, deps = ["name"]) =>
    named("function logs", name, "name", {
        serviceDefault: true,
        serviceCreatesGroup: true,
        dependencyProperties: deps,
    });

const CASES: Case[] = [
    // Lambda: no way to turn its logging off.
    [
        "Lambda, default group",
        LAMBDA,
        { name: "orders" },
        writes(lambdaDefault("/aws/lambda/orders")),
    ],
    [
        "Lambda, loggingConfig.logGroup",
        LAMBDA,
        { name: "orders", loggingConfig: { logFormat: "JSON", logGroup: "/app/orders" } },
        writes(
            named("function logs", "/app/orders", "loggingConfig.logGroup", {
                serviceCreatesGroup: true,
            }),
        ),
    ],
    [
        "Lambda, loggingConfig without logGroup",
        LAMBDA,
        { name: "orders", loggingConfig: { logFormat: "JSON" } },
        writes(lambdaDefault("/aws/lambda/orders")),
    ],
    ["Lambda, name unknown", LAMBDA, { name: U }, writes(lambdaDefault(UNKNOWN))],
    ["Lambda, name absent (auto-named)", LAMBDA, {}, writes(lambdaDefault(UNKNOWN))],
    [
        "Lambda, loggingConfig.logGroup unknown",
        LAMBDA,
        { name: "orders", loggingConfig: { logFormat: "Text", logGroup: U } },
        writes(
            named("function logs", UNKNOWN, "loggingConfig.logGroup", {
                serviceCreatesGroup: true,
            }),
        ),
    ],
    [
        "Lambda, loggingConfig computed at preview (unknown as a whole)",
        LAMBDA,
        { name: "orders", loggingConfig: U_OBJECT },
        writes(lambdaDefault("/aws/lambda/orders", ["name", "loggingConfig"])),
    ],

    // API Gateway REST stage: access logs.
    [
        "REST stage, access logs",
        STAGE,
        {
            stageName: "prod",
            accessLogSettings: { destinationArn: GROUP_ARN, format: "$context.requestId" },
        },
        writes(byArn("access logs", "accessLogSettings.destinationArn", GROUP_ARN)),
    ],
    [
        "REST stage, access logs to a :* ARN",
        STAGE,
        { accessLogSettings: { destinationArn: `${GROUP_ARN}:*`, format: "x" } },
        writes({
            ...byArn("access logs", "accessLogSettings.destinationArn", GROUP_ARN),
            group: { by: "arn", arn: `${GROUP_ARN}:*`, parsed: PARSED },
        }),
    ],
    [
        "REST stage, access logs disabled",
        STAGE,
        { stageName: "prod" },
        {
            kind: "disabled",
            property: "accessLogSettings",
            reason: "accessLogSettings is not set: no access logs",
        },
    ],
    [
        "REST stage, destination unknown",
        STAGE,
        { accessLogSettings: { destinationArn: U, format: "x" } },
        writes(byArn("access logs", "accessLogSettings.destinationArn", UNKNOWN)),
    ],
    [
        "REST stage, access logs to Firehose",
        STAGE,
        {
            accessLogSettings: {
                destinationArn:
                    "arn:aws:firehose:eu-west-1:111122223333:deliverystream/amazon-apigateway-x",
                format: "x",
            },
        },
        {
            kind: "elsewhere",
            property: "accessLogSettings.destinationArn",
            reason: "accessLogSettings.destinationArn is a firehose ARN, not a CloudWatch Logs log group",
        },
    ],

    // API Gateway REST execution logs, turned on by MethodSettings.
    [
        "MethodSettings, INFO",
        METHOD_SETTINGS,
        {
            restApi: "a1b2c3",
            stageName: "prod",
            methodPath: "*/*",
            settings: { loggingLevel: "INFO" },
        },
        writes({
            logs: "execution logs",
            group: { by: "name", name: "API-Gateway-Execution-Logs_a1b2c3/prod" },
            property: "restApi, stageName",
            dependencyProperties: ["restApi", "stageName"],
            serviceDefault: true,
            serviceCreatesGroup: true,
        }),
    ],
    [
        "MethodSettings, ERROR, rest API id unknown",
        METHOD_SETTINGS,
        { restApi: U, stageName: "prod", methodPath: "*/*", settings: { loggingLevel: "ERROR" } },
        writes({
            logs: "execution logs",
            group: { by: "name", name: UNKNOWN },
            property: "restApi, stageName",
            dependencyProperties: ["restApi", "stageName"],
            serviceDefault: true,
            serviceCreatesGroup: true,
        }),
    ],
    [
        "MethodSettings, OFF",
        METHOD_SETTINGS,
        {
            restApi: "a1b2c3",
            stageName: "prod",
            methodPath: "*/*",
            settings: { loggingLevel: "OFF" },
        },
        {
            kind: "disabled",
            property: "settings.loggingLevel",
            reason: 'settings.loggingLevel is "OFF": no execution logs',
        },
    ],
    [
        "MethodSettings, metrics only",
        METHOD_SETTINGS,
        {
            restApi: "a1b2c3",
            stageName: "prod",
            methodPath: "*/*",
            settings: { metricsEnabled: true },
        },
        {
            kind: "disabled",
            property: "settings.loggingLevel",
            reason: "settings.loggingLevel is not set: no execution logs",
        },
    ],
    [
        "MethodSettings, level unknown",
        METHOD_SETTINGS,
        { restApi: "a1b2c3", stageName: "prod", settings: { loggingLevel: U } },
        {
            kind: "unknown",
            property: "settings.loggingLevel",
            reason: "settings.loggingLevel is unknown at preview",
        },
    ],

    // API Gateway v2 stage.
    [
        "v2 stage, access logs",
        STAGE_V2,
        { apiId: "x1", accessLogSettings: { destinationArn: GROUP_ARN, format: "x" } },
        writes(byArn("access logs", "accessLogSettings.destinationArn", GROUP_ARN)),
    ],
    [
        "v2 stage, access logs disabled",
        STAGE_V2,
        { apiId: "x1", autoDeploy: true },
        {
            kind: "disabled",
            property: "accessLogSettings",
            reason: "accessLogSettings is not set: no access logs",
        },
    ],
    [
        "v2 stage, settings unknown as a whole",
        STAGE_V2,
        { apiId: "x1", accessLogSettings: U_OBJECT },
        writes(byArn("access logs", "accessLogSettings", UNKNOWN)),
    ],

    // EKS.
    [
        "EKS, control plane logs",
        EKS,
        { name: "prod", enabledClusterLogTypes: ["api", "audit"] },
        writes(
            named("control plane logs", "/aws/eks/prod/cluster", "name", {
                serviceDefault: true,
                serviceCreatesGroup: true,
            }),
        ),
    ],
    [
        "EKS, no log types",
        EKS,
        { name: "prod", enabledClusterLogTypes: [] },
        {
            kind: "disabled",
            property: "enabledClusterLogTypes",
            reason: "enabledClusterLogTypes is empty: no control plane logs",
        },
    ],
    [
        "EKS, log types absent",
        EKS,
        { name: "prod" },
        {
            kind: "disabled",
            property: "enabledClusterLogTypes",
            reason: "enabledClusterLogTypes is empty: no control plane logs",
        },
    ],
    [
        "EKS, name unknown",
        EKS,
        { name: U, enabledClusterLogTypes: ["api"] },
        writes(
            named("control plane logs", UNKNOWN, "name", {
                serviceDefault: true,
                serviceCreatesGroup: true,
            }),
        ),
    ],
    [
        "EKS, log types unknown",
        EKS,
        { name: "prod", enabledClusterLogTypes: U_LIST },
        {
            kind: "unknown",
            property: "enabledClusterLogTypes",
            reason: "enabledClusterLogTypes is unknown at preview",
        },
    ],

    // RDS.
    [
        "RDS instance, two exports",
        RDS_INSTANCE,
        { identifier: "orders-db", enabledCloudwatchLogsExports: ["error", "slowquery"] },
        writes(
            ...["error", "slowquery"].map((log) => ({
                logs: `${log} logs`,
                group: { by: "name" as const, name: `/aws/rds/instance/orders-db/${log}` },
                property: "identifier, enabledCloudwatchLogsExports",
                dependencyProperties: ["identifier", "enabledCloudwatchLogsExports"],
                serviceDefault: true,
                serviceCreatesGroup: true,
            })),
        ),
    ],
    [
        "RDS instance, no exports",
        RDS_INSTANCE,
        { identifier: "orders-db" },
        {
            kind: "disabled",
            property: "enabledCloudwatchLogsExports",
            reason: "enabledCloudwatchLogsExports is empty: no logs are exported",
        },
    ],
    [
        "RDS instance, identifier unknown",
        RDS_INSTANCE,
        { identifier: U, enabledCloudwatchLogsExports: ["postgresql"] },
        writes({
            logs: "postgresql logs",
            group: { by: "name", name: UNKNOWN },
            property: "identifier, enabledCloudwatchLogsExports",
            dependencyProperties: ["identifier", "enabledCloudwatchLogsExports"],
            serviceDefault: true,
            serviceCreatesGroup: true,
        }),
    ],
    [
        "RDS cluster, audit export",
        RDS_CLUSTER,
        { clusterIdentifier: "aurora-1", enabledCloudwatchLogsExports: ["audit"] },
        writes({
            logs: "audit logs",
            group: { by: "name", name: "/aws/rds/cluster/aurora-1/audit" },
            property: "clusterIdentifier, enabledCloudwatchLogsExports",
            dependencyProperties: ["clusterIdentifier", "enabledCloudwatchLogsExports"],
            serviceDefault: true,
            serviceCreatesGroup: true,
        }),
    ],
    [
        "RDS cluster, empty exports",
        RDS_CLUSTER,
        { clusterIdentifier: "aurora-1", enabledCloudwatchLogsExports: [] },
        {
            kind: "disabled",
            property: "enabledCloudwatchLogsExports",
            reason: "enabledCloudwatchLogsExports is empty: no logs are exported",
        },
    ],
    [
        "RDS cluster, identifier absent (auto-named)",
        RDS_CLUSTER,
        { enabledCloudwatchLogsExports: ["postgresql"] },
        writes({
            logs: "postgresql logs",
            group: { by: "name", name: UNKNOWN },
            property: "clusterIdentifier, enabledCloudwatchLogsExports",
            dependencyProperties: ["clusterIdentifier", "enabledCloudwatchLogsExports"],
            serviceDefault: true,
            serviceCreatesGroup: true,
        }),
    ],

    // VPC flow logs.
    [
        "flow log, CloudWatch Logs by default",
        FLOW_LOG,
        { vpcId: "vpc-1", logDestination: GROUP_ARN, trafficType: "ALL" },
        writes(byArn("flow logs", "logDestination", GROUP_ARN)),
    ],
    [
        "flow log, to S3",
        FLOW_LOG,
        { vpcId: "vpc-1", logDestinationType: "s3", logDestination: "arn:aws:s3:::flow-logs" },
        {
            kind: "elsewhere",
            property: "logDestinationType",
            reason: 'logDestinationType is "s3": the flow logs do not go to CloudWatch Logs',
        },
    ],
    [
        "flow log, destination unknown",
        FLOW_LOG,
        { vpcId: "vpc-1", logDestinationType: "cloud-watch-logs", logDestination: U },
        writes(byArn("flow logs", "logDestination", UNKNOWN)),
    ],
    [
        "flow log, a state with the older logGroupName",
        FLOW_LOG,
        { vpcId: "vpc-1", logGroupName: "/vpc/flow" },
        writes(named("flow logs", "/vpc/flow", "logGroupName")),
    ],

    // ECS task definitions.
    [
        "task definition, awslogs",
        TASK,
        {
            family: "web",
            containerDefinitions: JSON.stringify([
                {
                    name: "web",
                    image: "nginx",
                    logConfiguration: {
                        logDriver: "awslogs",
                        options: {
                            "awslogs-group": "/ecs/web",
                            "awslogs-region": "eu-west-1",
                            "awslogs-stream-prefix": "web",
                        },
                    },
                },
                {
                    name: "sidecar",
                    image: "envoy",
                    logConfiguration: {
                        logDriver: "awslogs",
                        options: {
                            "awslogs-group": "/ecs/sidecar",
                            "awslogs-create-group": "true",
                        },
                    },
                },
                { name: "quiet", image: "busybox" },
            ]),
        },
        writes(
            named(
                'container logs of "web"',
                "/ecs/web",
                'containerDefinitions[0].logConfiguration.options["awslogs-group"]',
                {
                    region: "eu-west-1",
                },
            ),
            named(
                'container logs of "sidecar"',
                "/ecs/sidecar",
                'containerDefinitions[1].logConfiguration.options["awslogs-group"]',
                { serviceCreatesGroup: true, region: undefined },
            ),
        ),
    ],
    [
        "task definition, no logConfiguration",
        TASK,
        { family: "web", containerDefinitions: JSON.stringify([{ name: "web", image: "nginx" }]) },
        {
            kind: "disabled",
            property: "containerDefinitions",
            reason: "no container has an awslogs logConfiguration",
        },
    ],
    [
        "task definition, FireLens",
        TASK,
        {
            family: "web",
            containerDefinitions: JSON.stringify([
                { name: "web", image: "nginx", logConfiguration: { logDriver: "awsfirelens" } },
            ]),
        },
        {
            kind: "elsewhere",
            property: "containerDefinitions",
            reason: "the containers log with awsfirelens, not awslogs",
        },
    ],
    [
        "task definition, containerDefinitions unknown",
        TASK,
        { family: "web", containerDefinitions: U },
        {
            kind: "unknown",
            property: "containerDefinitions",
            reason: "containerDefinitions is unknown at preview",
        },
    ],
    [
        "task definition, not JSON",
        TASK,
        { family: "web", containerDefinitions: "[{" },
        {
            kind: "unknown",
            property: "containerDefinitions",
            reason: "containerDefinitions is not valid JSON",
        },
    ],

    // Step Functions.
    [
        "state machine, ALL to a :* ARN",
        STATE_MACHINE,
        {
            definition: "{}",
            loggingConfiguration: {
                level: "ALL",
                includeExecutionData: true,
                logDestination: `${GROUP_ARN}:*`,
            },
        },
        writes({
            ...byArn("execution history", "loggingConfiguration.logDestination", GROUP_ARN),
            group: { by: "arn", arn: `${GROUP_ARN}:*`, parsed: PARSED },
        }),
    ],
    [
        "state machine, OFF",
        STATE_MACHINE,
        { definition: "{}", loggingConfiguration: { level: "OFF" } },
        {
            kind: "disabled",
            property: "loggingConfiguration.level",
            reason: 'loggingConfiguration.level is "OFF"',
        },
    ],
    [
        "state machine, no loggingConfiguration",
        STATE_MACHINE,
        { definition: "{}" },
        {
            kind: "disabled",
            property: "loggingConfiguration",
            reason: "loggingConfiguration is not set: no execution history is logged",
        },
    ],
    [
        "state machine, destination unknown",
        STATE_MACHINE,
        { definition: "{}", loggingConfiguration: { level: "ERROR", logDestination: U } },
        writes(byArn("execution history", "loggingConfiguration.logDestination", UNKNOWN)),
    ],

    // CodeBuild.
    [
        "CodeBuild, default group",
        CODEBUILD,
        { name: "build-web" },
        writes(
            named("build logs", "/aws/codebuild/build-web", "name", {
                serviceDefault: true,
                serviceCreatesGroup: true,
            }),
        ),
    ],
    [
        "CodeBuild, groupName",
        CODEBUILD,
        {
            name: "build-web",
            logsConfig: { cloudwatchLogs: { status: "ENABLED", groupName: "/ci/web" } },
        },
        writes(named("build logs", "/ci/web", "logsConfig.cloudwatchLogs.groupName")),
    ],
    [
        "CodeBuild, DISABLED",
        CODEBUILD,
        { name: "build-web", logsConfig: { cloudwatchLogs: { status: "DISABLED" } } },
        {
            kind: "disabled",
            property: "logsConfig.cloudwatchLogs.status",
            reason: 'logsConfig.cloudwatchLogs.status is "DISABLED"',
        },
    ],
    [
        "CodeBuild, name unknown",
        CODEBUILD,
        { name: U },
        writes(
            named("build logs", UNKNOWN, "name", {
                serviceDefault: true,
                serviceCreatesGroup: true,
            }),
        ),
    ],

    // Route 53 query logging (the resource exists only to log).
    [
        "Route 53 query log",
        QUERY_LOG,
        { zoneId: "Z1", cloudwatchLogGroupArn: GROUP_ARN },
        writes(byArn("DNS query logs", "cloudwatchLogGroupArn", GROUP_ARN)),
    ],
    [
        "Route 53 query log, ARN unknown",
        QUERY_LOG,
        { zoneId: "Z1", cloudwatchLogGroupArn: U },
        writes(byArn("DNS query logs", "cloudwatchLogGroupArn", UNKNOWN)),
    ],

    // OpenSearch / Elasticsearch.
    [
        "OpenSearch, one enabled and one disabled option",
        OPENSEARCH,
        {
            logPublishingOptions: [
                { logType: "INDEX_SLOW_LOGS", cloudwatchLogGroupArn: GROUP_ARN },
                { logType: "AUDIT_LOGS", cloudwatchLogGroupArn: GROUP_ARN, enabled: false },
            ],
        },
        writes(
            byArn(
                "INDEX_SLOW_LOGS logs",
                "logPublishingOptions[0].cloudwatchLogGroupArn",
                GROUP_ARN,
            ),
        ),
    ],
    [
        "OpenSearch, all disabled",
        OPENSEARCH,
        {
            logPublishingOptions: [
                { logType: "AUDIT_LOGS", cloudwatchLogGroupArn: GROUP_ARN, enabled: false },
            ],
        },
        {
            kind: "disabled",
            property: "logPublishingOptions",
            reason: "no enabled logPublishingOptions entry names a log group",
        },
    ],
    [
        "Elasticsearch, ARN unknown",
        ELASTICSEARCH,
        { logPublishingOptions: [{ logType: "ES_APPLICATION_LOGS", cloudwatchLogGroupArn: U }] },
        writes(
            byArn(
                "ES_APPLICATION_LOGS logs",
                "logPublishingOptions[0].cloudwatchLogGroupArn",
                UNKNOWN,
            ),
        ),
    ],

    [
        "OpenSearch, options unknown",
        OPENSEARCH,
        { logPublishingOptions: U_LIST },
        {
            kind: "unknown",
            property: "logPublishingOptions",
            reason: "logPublishingOptions is unknown at preview",
        },
    ],
    [
        "Elasticsearch, search slow logs",
        ELASTICSEARCH,
        {
            logPublishingOptions: [
                { logType: "SEARCH_SLOW_LOGS", cloudwatchLogGroupArn: GROUP_ARN },
            ],
        },
        writes(
            byArn(
                "SEARCH_SLOW_LOGS logs",
                "logPublishingOptions[0].cloudwatchLogGroupArn",
                GROUP_ARN,
            ),
        ),
    ],
    [
        "Elasticsearch, no options",
        ELASTICSEARCH,
        { domainName: "search" },
        {
            kind: "disabled",
            property: "logPublishingOptions",
            reason: "no enabled logPublishingOptions entry names a log group",
        },
    ],

    // MSK.
    [
        "MSK, broker logs",
        MSK,
        {
            loggingInfo: {
                brokerLogs: { cloudwatchLogs: { enabled: true, logGroup: "/msk/brokers" } },
            },
        },
        writes(
            named("broker logs", "/msk/brokers", "loggingInfo.brokerLogs.cloudwatchLogs.logGroup"),
        ),
    ],
    [
        "MSK, broker logs disabled",
        MSK,
        {
            loggingInfo: {
                brokerLogs: { cloudwatchLogs: { enabled: false, logGroup: "/msk/brokers" } },
            },
        },
        {
            kind: "disabled",
            property: "loggingInfo.brokerLogs.cloudwatchLogs",
            reason: "broker logs are not sent to CloudWatch Logs",
        },
    ],
    [
        "MSK, group unknown",
        MSK,
        { loggingInfo: { brokerLogs: { cloudwatchLogs: { enabled: true, logGroup: U } } } },
        writes(named("broker logs", UNKNOWN, "loggingInfo.brokerLogs.cloudwatchLogs.logGroup")),
    ],
    // Bedrock model invocation logging: a group it does not create.
    [
        "Bedrock, cloudwatchConfig.logGroupName",
        BEDROCK,
        { loggingConfig: { cloudwatchConfig: { logGroupName: "/app/bedrock", roleArn: ROLE } } },
        writes(
            named(
                "model invocation logs",
                "/app/bedrock",
                "loggingConfig.cloudwatchConfig.logGroupName",
                {
                    dependencyProperties: ["loggingConfig"],
                },
            ),
        ),
    ],
    [
        "Bedrock, logGroupName unknown",
        BEDROCK,
        { loggingConfig: { cloudwatchConfig: { logGroupName: U, roleArn: ROLE } } },
        writes(
            named("model invocation logs", UNKNOWN, "loggingConfig.cloudwatchConfig.logGroupName", {
                dependencyProperties: ["loggingConfig"],
            }),
        ),
    ],
    [
        "Bedrock, S3 only",
        BEDROCK,
        { loggingConfig: { s3Config: { bucketName: "logs" } } },
        {
            kind: "elsewhere",
            property: "loggingConfig.s3Config",
            reason: "loggingConfig sends the invocation logs to S3 only",
        },
    ],
    [
        "Bedrock, no destination",
        BEDROCK,
        { loggingConfig: { textDataDeliveryEnabled: true } },
        {
            kind: "disabled",
            property: "loggingConfig.cloudwatchConfig",
            reason: "loggingConfig names neither a CloudWatch Logs nor an S3 destination",
        },
    ],
    [
        "Bedrock, loggingConfig unknown",
        BEDROCK,
        { loggingConfig: U_OBJECT },
        {
            kind: "unknown",
            property: "loggingConfig",
            reason: "loggingConfig is unknown at preview",
        },
    ],
    // Network Firewall: one destination per log type; only the CloudWatchLogs ones count.
    [
        "Network Firewall, flow logs to a group and alerts to S3",
        FIREWALL,
        {
            firewallArn: "arn:aws:network-firewall:eu-west-1:111122223333:firewall/fw",
            loggingConfiguration: {
                logDestinationConfigs: [
                    {
                        logDestinationType: "S3",
                        logType: "ALERT",
                        logDestination: { bucketName: "b" },
                    },
                    {
                        logDestinationType: "CloudWatchLogs",
                        logType: "FLOW",
                        logDestination: { logGroup: "/app/firewall" },
                    },
                ],
            },
        },
        writes(
            named(
                "flow logs",
                "/app/firewall",
                "loggingConfiguration.logDestinationConfigs[1].logDestination.logGroup",
            ),
        ),
    ],
    [
        "Network Firewall, group name unknown",
        FIREWALL,
        {
            loggingConfiguration: {
                logDestinationConfigs: [
                    {
                        logDestinationType: "CloudWatchLogs",
                        logType: "ALERT",
                        logDestination: { logGroup: U },
                    },
                ],
            },
        },
        writes(
            named(
                "alert logs",
                UNKNOWN,
                "loggingConfiguration.logDestinationConfigs[0].logDestination.logGroup",
            ),
        ),
    ],
    [
        "Network Firewall, Firehose only",
        FIREWALL,
        {
            loggingConfiguration: {
                logDestinationConfigs: [
                    {
                        logDestinationType: "KinesisDataFirehose",
                        logType: "FLOW",
                        logDestination: { deliveryStream: "s" },
                    },
                ],
            },
        },
        {
            kind: "elsewhere",
            property: "loggingConfiguration.logDestinationConfigs",
            reason: 'no entry of loggingConfiguration.logDestinationConfigs has logDestinationType "CloudWatchLogs"',
        },
    ],
    [
        "Network Firewall, no destinations",
        FIREWALL,
        { loggingConfiguration: { logDestinationConfigs: [] } },
        {
            kind: "disabled",
            property: "loggingConfiguration.logDestinationConfigs",
            reason: "loggingConfiguration.logDestinationConfigs is empty: no logs",
        },
    ],
    // WAFv2: one destination ARN.
    [
        "WAFv2, a log group ARN",
        WAF,
        {
            resourceArn: "arn:aws:wafv2:eu-west-1:111122223333:regional/webacl/a/1",
            logDestinationConfigs: [GROUP_ARN],
        },
        writes({
            ...byArn("web ACL logs", "logDestinationConfigs[0]", GROUP_ARN),
            dependencyProperties: ["logDestinationConfigs"],
        }),
    ],
    [
        "WAFv2, ARN unknown",
        WAF,
        { logDestinationConfigs: [U] },
        writes({
            ...byArn("web ACL logs", "logDestinationConfigs[0]", UNKNOWN),
            dependencyProperties: ["logDestinationConfigs"],
        }),
    ],
    [
        "WAFv2, a Firehose stream",
        WAF,
        {
            logDestinationConfigs: [
                "arn:aws:firehose:eu-west-1:111122223333:deliverystream/aws-waf-logs-x",
            ],
        },
        {
            kind: "elsewhere",
            property: "logDestinationConfigs[0]",
            reason: "logDestinationConfigs[0] is a firehose ARN, not a CloudWatch Logs log group",
        },
    ],
    [
        "WAFv2, list unknown",
        WAF,
        { logDestinationConfigs: U_LIST },
        {
            kind: "unknown",
            property: "logDestinationConfigs",
            reason: "logDestinationConfigs is unknown at preview",
        },
    ],
    // Route 53 Resolver query logs.
    [
        "Resolver query logs, a log group ARN",
        RESOLVER,
        { name: "q", destinationArn: GROUP_ARN },
        writes(byArn("Resolver query logs", "destinationArn", GROUP_ARN)),
    ],
    [
        "Resolver query logs, ARN unknown",
        RESOLVER,
        { name: "q", destinationArn: U },
        writes(byArn("Resolver query logs", "destinationArn", UNKNOWN)),
    ],
    [
        "Resolver query logs, an S3 bucket",
        RESOLVER,
        { name: "q", destinationArn: "arn:aws:s3:::dns-logs" },
        {
            kind: "elsewhere",
            property: "destinationArn",
            reason: "destinationArn is a s3 ARN, not a CloudWatch Logs log group",
        },
    ],
    // A trail's CloudWatch Logs group (`:*` accepted), in both providers.
    [
        "Trail, cloudWatchLogsGroupArn",
        TRAIL,
        { name: "t", s3BucketName: "b", cloudWatchLogsGroupArn: `${GROUP_ARN}:*` },
        writes({
            ...byArn("trail events", "cloudWatchLogsGroupArn", `${GROUP_ARN}:*`),
        }),
    ],
    [
        "Trail, ARN unknown",
        TRAIL,
        { name: "t", s3BucketName: "b", cloudWatchLogsGroupArn: U },
        writes(byArn("trail events", "cloudWatchLogsGroupArn", UNKNOWN)),
    ],
    [
        "Trail, no CloudWatch Logs group",
        TRAIL,
        { name: "t", s3BucketName: "b" },
        {
            kind: "disabled",
            property: "cloudWatchLogsGroupArn",
            reason: "cloudWatchLogsGroupArn is not set: the trail sends no events to CloudWatch Logs",
        },
    ],
    [
        "AWS Native trail, cloudWatchLogsLogGroupArn",
        NATIVE_TRAIL,
        { isLogging: true, s3BucketName: "b", cloudWatchLogsLogGroupArn: GROUP_ARN },
        writes(byArn("trail events", "cloudWatchLogsLogGroupArn", GROUP_ARN)),
    ],
    [
        "AWS Native trail, ARN unknown",
        NATIVE_TRAIL,
        { isLogging: true, s3BucketName: "b", cloudWatchLogsLogGroupArn: U },
        writes(byArn("trail events", "cloudWatchLogsLogGroupArn", UNKNOWN)),
    ],
    [
        "AWS Native trail, no CloudWatch Logs group",
        NATIVE_TRAIL,
        { isLogging: true, s3BucketName: "b" },
        {
            kind: "disabled",
            property: "cloudWatchLogsLogGroupArn",
            reason: "cloudWatchLogsLogGroupArn is not set: the trail sends no events to CloudWatch Logs",
        },
    ],
    // ECS Container Insights: the service's own group, named from the cluster.
    ...["enabled", "enhanced"].map((value): Case => [
        `ECS cluster, containerInsights ${value}`,
        ECS_CLUSTER,
        { name: "prod", settings: [{ name: "containerInsights", value }] },
        writes(
            named(
                "Container Insights performance logs",
                "/aws/ecs/containerinsights/prod/performance",
                "name",
                {
                    serviceDefault: true,
                    serviceCreatesGroup: true,
                },
            ),
        ),
    ]),
    [
        "ECS cluster, name unknown",
        ECS_CLUSTER,
        { name: U, settings: [{ name: "containerInsights", value: "enabled" }] },
        writes(
            named("Container Insights performance logs", UNKNOWN, "name", {
                serviceDefault: true,
                serviceCreatesGroup: true,
            }),
        ),
    ],
    [
        "ECS cluster, containerInsights disabled",
        ECS_CLUSTER,
        { name: "prod", settings: [{ name: "containerInsights", value: "disabled" }] },
        {
            kind: "disabled",
            property: "settings",
            reason: 'the "containerInsights" setting is "disabled": no Container Insights logs',
        },
    ],
    [
        "ECS cluster, no settings",
        ECS_CLUSTER,
        { name: "prod" },
        {
            kind: "disabled",
            property: "settings",
            reason: 'the "containerInsights" setting is not set: no Container Insights logs',
        },
    ],
    // AppSync GraphQL API: AppSync's own group, named from the API's id (an output).
    [
        "AppSync, logConfig set, id known",
        APPSYNC,
        {
            name: "api",
            id: "abcdefghij",
            logConfig: { cloudwatchLogsRoleArn: ROLE, fieldLogLevel: "ERROR" },
        },
        writes(
            named("request and field logs", "/aws/appsync/apis/abcdefghij", "id", {
                serviceDefault: true,
                serviceCreatesGroup: true,
            }),
        ),
    ],
    [
        "AppSync, fieldLogLevel NONE still writes request-level logs; id from the ARN",
        APPSYNC,
        {
            name: "api",
            arn: "arn:aws:appsync:eu-west-1:111122223333:apis/abcdefghij",
            logConfig: { cloudwatchLogsRoleArn: ROLE, fieldLogLevel: "NONE" },
        },
        writes(
            named("request and field logs", "/aws/appsync/apis/abcdefghij", "id", {
                serviceDefault: true,
                serviceCreatesGroup: true,
            }),
        ),
    ],
    [
        "AppSync, id unknown (a new API)",
        APPSYNC,
        { name: "api", logConfig: { cloudwatchLogsRoleArn: ROLE, fieldLogLevel: "ALL" } },
        writes(
            named("request and field logs", UNKNOWN, "id", {
                serviceDefault: true,
                serviceCreatesGroup: true,
            }),
        ),
    ],
    [
        "AppSync, no logConfig",
        APPSYNC,
        { name: "api", id: "abcdefghij" },
        {
            kind: "disabled",
            property: "logConfig",
            reason: "logConfig is not set: no logs are sent to CloudWatch Logs",
        },
    ],
    [
        "AppSync, logConfig unknown",
        APPSYNC,
        { name: "api", logConfig: U_OBJECT },
        { kind: "unknown", property: "logConfig", reason: "logConfig is unknown at preview" },
    ],
    // Glue job continuous logging: Glue's default group, or a custom one it does not create.
    [
        "Glue, continuous logging to the default group",
        GLUE,
        { name: "etl", defaultArguments: { "--enable-continuous-cloudwatch-log": "true" } },
        writes(
            named("continuous logs", "/aws-glue/jobs/logs-v2", "defaultArguments", {
                serviceDefault: true,
                serviceCreatesGroup: true,
            }),
        ),
    ],
    [
        "Glue, continuous logging to a custom group",
        GLUE,
        {
            name: "etl",
            defaultArguments: {
                "--enable-continuous-cloudwatch-log": "true",
                "--continuous-log-logGroup": "/app/etl",
            },
        },
        writes(
            named("continuous logs", "/app/etl", 'defaultArguments["--continuous-log-logGroup"]', {
                dependencyProperties: ["defaultArguments"],
            }),
        ),
    ],
    [
        "Glue, custom group unknown",
        GLUE,
        {
            name: "etl",
            defaultArguments: {
                "--enable-continuous-cloudwatch-log": "true",
                "--continuous-log-logGroup": U,
            },
        },
        writes(
            named("continuous logs", UNKNOWN, 'defaultArguments["--continuous-log-logGroup"]', {
                dependencyProperties: ["defaultArguments"],
            }),
        ),
    ],
    [
        "Glue, continuous logging off",
        GLUE,
        { name: "etl", defaultArguments: { "--enable-continuous-cloudwatch-log": "false" } },
        {
            kind: "disabled",
            property: "defaultArguments",
            reason: 'defaultArguments["--enable-continuous-cloudwatch-log"] is "false": no continuous logging',
        },
    ],
    [
        "Glue, no defaultArguments",
        GLUE,
        { name: "etl" },
        {
            kind: "disabled",
            property: "defaultArguments",
            reason: 'defaultArguments["--enable-continuous-cloudwatch-log"] is not set: no continuous logging',
        },
    ],
    [
        "Glue, defaultArguments unknown",
        GLUE,
        { name: "etl", defaultArguments: U_OBJECT },
        {
            kind: "unknown",
            property: "defaultArguments",
            reason: "defaultArguments is unknown at preview",
        },
    ],
    [
        "Glue, a security configuration (its group's name and key are not modelled)",
        GLUE,
        {
            name: "etl",
            securityConfiguration: "kms-logs",
            defaultArguments: { "--enable-continuous-cloudwatch-log": "true" },
        },
        {
            kind: "unknown",
            property: "securityConfiguration",
            reason: "the job has a securityConfiguration, whose CloudWatch encryption decides the continuous-logging group's name and key; the pack does not read it",
        },
    ],
    // Vended log deliveries (V2) into a log group.
    [
        "Delivery destination, a log group ARN",
        DELIVERY,
        { name: "d", deliveryDestinationConfiguration: { destinationResourceArn: GROUP_ARN } },
        writes({
            ...byArn(
                "vended logs",
                "deliveryDestinationConfiguration.destinationResourceArn",
                GROUP_ARN,
            ),
            dependencyProperties: ["deliveryDestinationConfiguration"],
        }),
    ],
    [
        "Delivery destination, ARN unknown",
        DELIVERY,
        { name: "d", deliveryDestinationConfiguration: { destinationResourceArn: U } },
        writes({
            ...byArn(
                "vended logs",
                "deliveryDestinationConfiguration.destinationResourceArn",
                UNKNOWN,
            ),
            dependencyProperties: ["deliveryDestinationConfiguration"],
        }),
    ],
    [
        "Delivery destination, an S3 bucket",
        DELIVERY,
        {
            name: "d",
            deliveryDestinationConfiguration: { destinationResourceArn: "arn:aws:s3:::vended" },
        },
        {
            kind: "elsewhere",
            property: "deliveryDestinationConfiguration.destinationResourceArn",
            reason: "deliveryDestinationConfiguration.destinationResourceArn is a s3 ARN, not a CloudWatch Logs log group",
        },
    ],
    [
        "Delivery destination, X-Ray",
        DELIVERY,
        { name: "d", deliveryDestinationType: "XRAY" },
        {
            kind: "elsewhere",
            property: "deliveryDestinationType",
            reason: 'deliveryDestinationType is "XRAY": traces go to X-Ray',
        },
    ],
];

describe("policypack/lib/destinations: where each resource type writes its logs", () => {
    for (const [what, type, props, expected] of CASES) {
        it(`${what}`, () => {
            assert.deepEqual(of(type, props), expected);
        });
    }

    it("says what a default group's unknown name starts and ends with; nothing when the name is known", () => {
        const pattern = (type: string, props: Record<string, unknown>) => {
            const found = logDestinations(type, proxy.unknownCheckingProxy(props));
            return found?.kind === "writes" ? found.destinations[0].namePattern : "not writes";
        };
        assert.deepEqual(pattern(LAMBDA, { name: U }), { prefix: "/aws/lambda/", suffix: "" });
        assert.deepEqual(pattern(RDS_CLUSTER, { enabledCloudwatchLogsExports: ["postgresql"] }), {
            prefix: "/aws/rds/cluster/",
            suffix: "/postgresql",
        });
        assert.deepEqual(
            pattern(APPSYNC, { logConfig: { cloudwatchLogsRoleArn: ROLE, fieldLogLevel: "ALL" } }),
            { prefix: "/aws/appsync/apis/", suffix: "" },
        );
        assert.equal(pattern(LAMBDA, { name: "orders" }), undefined);
    });

    it("has a found, a disabled (or documented always-on) and an unknown-name case for every type", () => {
        const kinds = new Map<string, Set<string>>();
        for (const [, type, props] of CASES) {
            const result = of(type, props)!;
            const seen = kinds.get(type) ?? new Set<string>();
            if (result.kind === "writes") {
                seen.add("found");
                if (
                    result.destinations.some(
                        (d) => (d.group.by === "name" ? d.group.name : d.group.arn) === UNKNOWN,
                    )
                ) {
                    seen.add("unknown");
                }
            } else {
                seen.add(result.kind === "unknown" ? "unknown" : "off");
            }
            kinds.set(type, seen);
        }
        // Lambda functions and Route 53 query logging configurations cannot have logging turned off.
        const alwaysOn = new Set([LAMBDA, QUERY_LOG]);
        for (const type of DESTINATION_TYPE_NAMES) {
            const expected = alwaysOn.has(type)
                ? ["found", "unknown"]
                : ["found", "off", "unknown"];
            assert.deepEqual([...(kinds.get(type) ?? [])].sort(), expected.sort(), type);
        }
    });

    it("returns undefined for types that send no logs to CloudWatch Logs", () => {
        assert.equal(of("aws:s3/bucket:Bucket", { bucket: "b" }), undefined);
        assert.equal(of("aws:cloudwatch/logGroup:LogGroup", { name: "/x" }), undefined);
        assert.equal(logDestinations("toString", {}), undefined);
    });

    it("never throws on odd input", () => {
        for (const type of DESTINATION_TYPE_NAMES) {
            for (const odd of [
                null,
                undefined,
                42,
                "x",
                [],
                { loggingConfig: 7, accessLogSettings: "x", settings: [] },
            ]) {
                const result = logDestinations(type, odd);
                assert.ok(result !== undefined, type);
            }
        }
    });

    it("every row has a service key, a label and an https AWS documentation link", () => {
        for (const [type, row] of Object.entries(DESTINATION_TYPES)) {
            assert.match(row.service, /^[a-z0-9]+$/, type);
            assert.ok(row.label.length > 0, type);
            assert.match(row.documentation, /^https:\/\/docs\.aws\.amazon\.com\//, type);
        }
    });

    it("docs/policy-pack.md lists every row with its fix and documentation, in table order", () => {
        const docs = fs.readFileSync(
            path.resolve(__dirname, "..", "..", "docs", "policy-pack.md"),
            "utf8",
        );
        const start = docs.indexOf("\n## Log destinations\n");
        const section = docs.slice(start, docs.indexOf("\n## ", start + 1));
        const listed = section.split("\n").filter((l) => l.startsWith("| `"));
        assert.deepEqual(
            listed,
            Object.entries(DESTINATION_TYPES).map(
                ([type, row]) =>
                    `| \`${type}\` | ${row.label} (${row.serviceName}) | ${row.fix.replace(/\|/g, "\\|")} | ${row.documentation} |`,
            ),
        );
    });

    it("DESTINATION_SUMMARY names every row's label once, in the plural", () => {
        assert.equal(
            DESTINATION_SUMMARY.split(", ").length,
            new Set(Object.values(DESTINATION_TYPES).map((r) => r.label)).size,
        );
        assert.match(
            DESTINATION_SUMMARY,
            /^Lambda functions, API Gateway stages, API Gateway method settings, /,
        );
        assert.match(DESTINATION_SUMMARY, /, CloudWatch Logs delivery destinations$/);
    });

    it("apiGatewayStageKey reads the same restApi/stageName from a Stage and its MethodSettings", () => {
        const stage = proxy.unknownCheckingProxy({
            restApi: "a1b2c3",
            stageName: "prod",
            deployment: "d",
        });
        const settings = proxy.unknownCheckingProxy({
            restApi: "a1b2c3",
            stageName: "prod",
            methodPath: "*/*",
            settings: { loggingLevel: "INFO" },
        });
        assert.deepEqual(apiGatewayStageKey(stage), { restApiId: "a1b2c3", stageName: "prod" });
        assert.deepEqual(apiGatewayStageKey(settings), apiGatewayStageKey(stage));
        assert.deepEqual(
            apiGatewayStageKey(proxy.unknownCheckingProxy({ restApi: U, stageName: "prod" })),
            {
                restApiId: UNKNOWN,
                stageName: "prod",
            },
        );
    });
});
