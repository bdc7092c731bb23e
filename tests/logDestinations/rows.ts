/**
 * One row per resource type of the destinations table, for the analyzer-protocol suite: the writer
 * writing to a group by its known name or ARN, by reference, by an unknown name, and not at all.
 */
import { namedLogGroup, writer } from "../../harness/destinationFixtures";
import { unknown } from "../../harness/policyHarness";
import { ACCOUNT } from "../../harness/stackFixtures";
import {
    APPSYNC,
    APPSYNC_INPUTS,
    ECS_DEFINITIONS,
    LAMBDA,
    Row,
    arn,
    arnRow,
    defaultRow,
    nameRow,
    source,
    trail,
} from "./fixtures";

export const ROWS: Row[] = [
    {
        type: LAMBDA,
        name: "orders",
        group: "/app/orders",
        known: (s) =>
            writer(s, LAMBDA, "orders", {
                name: "orders-fn",
                loggingConfig: { logFormat: "Text", logGroup: "/app/orders" },
            }),
        reference: (s, g) =>
            writer(
                s,
                LAMBDA,
                "orders",
                { name: "orders-fn", loggingConfig: { logFormat: "Text", logGroup: unknown() } },
                { propertyDependencies: { loggingConfig: [g.urn] } },
            ),
        unknownName: (s) => {
            const g = namedLogGroup(s, "orders-logs", unknown(), { nameFrom: source(s) });
            writer(
                s,
                LAMBDA,
                "orders",
                { name: "orders-fn", loggingConfig: { logFormat: "Text", logGroup: unknown() } },
                { propertyDependencies: { loggingConfig: [g.urn] } },
            );
        },
    },
    defaultRow(LAMBDA, "worker", "/aws/lambda/worker-fn", "name", { name: "worker-fn" }),
    arnRow(
        "aws:apigateway/stage:Stage",
        "prod",
        "/app/api-access",
        (d) => ({
            restApi: "a1b2c3",
            stageName: "prod",
            deployment: "d1",
            accessLogSettings: { destinationArn: d, format: "$context.requestId" },
        }),
        "accessLogSettings",
        { restApi: "a1b2c3", stageName: "prod", deployment: "d1" },
    ),
    defaultRow(
        "aws:apigateway/methodSettings:MethodSettings",
        "prod-logging",
        "API-Gateway-Execution-Logs_a1b2c3/prod",
        "restApi",
        {
            restApi: "a1b2c3",
            stageName: "prod",
            methodPath: "*/*",
            settings: { loggingLevel: "ERROR" },
        },
        {
            restApi: "a1b2c3",
            stageName: "prod",
            methodPath: "*/*",
            settings: { loggingLevel: "OFF" },
        },
    ),
    arnRow(
        "aws:apigatewayv2/stage:Stage",
        "http-prod",
        "/app/http-access",
        (d) => ({
            apiId: "x1y2z3",
            name: "prod",
            accessLogSettings: { destinationArn: d, format: "x" },
        }),
        "accessLogSettings",
        { apiId: "x1y2z3", name: "prod", autoDeploy: true },
    ),
    defaultRow(
        "aws:eks/cluster:Cluster",
        "cluster",
        "/aws/eks/prod/cluster",
        "name",
        {
            name: "prod",
            roleArn: `arn:aws:iam::${ACCOUNT}:role/eks`,
            enabledClusterLogTypes: ["api", "audit"],
        },
        { name: "prod", roleArn: `arn:aws:iam::${ACCOUNT}:role/eks`, enabledClusterLogTypes: [] },
    ),
    defaultRow(
        "aws:rds/instance:Instance",
        "db",
        "/aws/rds/instance/orders-db/postgresql",
        "identifier",
        {
            identifier: "orders-db",
            engine: "postgres",
            enabledCloudwatchLogsExports: ["postgresql"],
        },
        { identifier: "orders-db", engine: "postgres" },
    ),
    defaultRow(
        "aws:rds/cluster:Cluster",
        "aurora",
        "/aws/rds/cluster/aurora-1/postgresql",
        "clusterIdentifier",
        {
            clusterIdentifier: "aurora-1",
            engine: "aurora-postgresql",
            enabledCloudwatchLogsExports: ["postgresql"],
        },
        {
            clusterIdentifier: "aurora-1",
            engine: "aurora-postgresql",
            enabledCloudwatchLogsExports: [],
        },
    ),
    arnRow(
        "aws:ec2/flowLog:FlowLog",
        "vpc-flow",
        "/app/flow",
        (d) => ({ vpcId: "vpc-1", trafficType: "ALL", logDestination: d }),
        "logDestination",
        {
            vpcId: "vpc-1",
            trafficType: "ALL",
            logDestinationType: "s3",
            logDestination: "arn:aws:s3:::flow-logs",
        },
    ),
    {
        type: "aws:ecs/taskDefinition:TaskDefinition",
        name: "web",
        group: "/app/web",
        known: (s) =>
            writer(s, "aws:ecs/taskDefinition:TaskDefinition", "web", {
                family: "web",
                containerDefinitions: ECS_DEFINITIONS("/app/web"),
            }),
        // An image URI or a group name unknown at preview makes the whole JSON string unknown.
        reference: (s, g) =>
            writer(
                s,
                "aws:ecs/taskDefinition:TaskDefinition",
                "web",
                { family: "web", containerDefinitions: unknown() },
                { propertyDependencies: { containerDefinitions: [g.urn] } },
            ),
        unknownName: (s) => {
            const g = namedLogGroup(s, "web-logs", unknown(), { nameFrom: source(s) });
            writer(
                s,
                "aws:ecs/taskDefinition:TaskDefinition",
                "web",
                { family: "web", containerDefinitions: unknown() },
                { propertyDependencies: { containerDefinitions: [g.urn] } },
            );
        },
        disabled: (s) =>
            writer(s, "aws:ecs/taskDefinition:TaskDefinition", "web", {
                family: "web",
                containerDefinitions: JSON.stringify([{ name: "web", image: "nginx" }]),
            }),
    },
    arnRow(
        "aws:sfn/stateMachine:StateMachine",
        "workflow",
        "/app/workflow",
        (d) => ({ definition: "{}", loggingConfiguration: { level: "ALL", logDestination: d } }),
        "loggingConfiguration",
        { definition: "{}", loggingConfiguration: { level: "OFF" } },
        ":*",
    ),
    defaultRow(
        "aws:codebuild/project:Project",
        "build",
        "/aws/codebuild/build-web",
        "name",
        { name: "build-web" },
        { name: "build-web", logsConfig: { cloudwatchLogs: { status: "DISABLED" } } },
    ),
    arnRow(
        "aws:route53/queryLog:QueryLog",
        "dns",
        "/app/dns",
        (d) => ({ zoneId: "Z1", cloudwatchLogGroupArn: d }),
        "cloudwatchLogGroupArn",
    ),
    ...["aws:opensearch/domain:Domain", "aws:elasticsearch/domain:Domain"].map((type) =>
        arnRow(
            type,
            "search",
            "/app/search",
            (d) => ({
                logPublishingOptions: [{ logType: "INDEX_SLOW_LOGS", cloudwatchLogGroupArn: d }],
            }),
            "logPublishingOptions",
            {
                logPublishingOptions: [
                    {
                        logType: "INDEX_SLOW_LOGS",
                        cloudwatchLogGroupArn: arn("/app/search"),
                        enabled: false,
                    },
                ],
            },
        ),
    ),
    {
        type: "aws:msk/cluster:Cluster",
        name: "kafka",
        group: "/app/brokers",
        known: (s) =>
            writer(s, "aws:msk/cluster:Cluster", "kafka", {
                loggingInfo: {
                    brokerLogs: { cloudwatchLogs: { enabled: true, logGroup: "/app/brokers" } },
                },
            }),
        reference: (s, g) =>
            writer(
                s,
                "aws:msk/cluster:Cluster",
                "kafka",
                {
                    loggingInfo: {
                        brokerLogs: { cloudwatchLogs: { enabled: true, logGroup: unknown() } },
                    },
                },
                { propertyDependencies: { loggingInfo: [g.urn] } },
            ),
        unknownName: (s) => {
            const g = namedLogGroup(s, "kafka-logs", unknown(), { nameFrom: source(s) });
            writer(
                s,
                "aws:msk/cluster:Cluster",
                "kafka",
                {
                    loggingInfo: {
                        brokerLogs: { cloudwatchLogs: { enabled: true, logGroup: unknown() } },
                    },
                },
                { propertyDependencies: { loggingInfo: [g.urn] } },
            );
        },
        disabled: (s) =>
            writer(s, "aws:msk/cluster:Cluster", "kafka", {
                loggingInfo: { brokerLogs: { cloudwatchLogs: { enabled: false } } },
            }),
    },
    nameRow(
        "aws:bedrockmodel/invocationLoggingConfiguration:InvocationLoggingConfiguration",
        "invocations",
        "/app/bedrock",
        (d) => ({
            loggingConfig: {
                cloudwatchConfig: { logGroupName: d, roleArn: `arn:aws:iam::${ACCOUNT}:role/b` },
                textDataDeliveryEnabled: true,
            },
        }),
        "loggingConfig",
        { loggingConfig: { s3Config: { bucketName: "invocations" } } },
    ),
    nameRow(
        "aws:networkfirewall/loggingConfiguration:LoggingConfiguration",
        "firewall-logs",
        "/app/firewall",
        (d) => ({
            firewallArn: `arn:aws:network-firewall:us-east-1:${ACCOUNT}:firewall/fw`,
            loggingConfiguration: {
                logDestinationConfigs: [
                    {
                        logDestinationType: "CloudWatchLogs",
                        logType: "FLOW",
                        logDestination: { logGroup: d },
                    },
                ],
            },
        }),
        "loggingConfiguration",
        {
            firewallArn: `arn:aws:network-firewall:us-east-1:${ACCOUNT}:firewall/fw`,
            loggingConfiguration: {
                logDestinationConfigs: [
                    {
                        logDestinationType: "S3",
                        logType: "FLOW",
                        logDestination: { bucketName: "fw" },
                    },
                ],
            },
        },
    ),
    arnRow(
        "aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration",
        "waf-logs",
        "aws-waf-logs-api",
        (d) => ({
            resourceArn: `arn:aws:wafv2:us-east-1:${ACCOUNT}:regional/webacl/api/1`,
            logDestinationConfigs: [d],
        }),
        "logDestinationConfigs",
        {
            resourceArn: `arn:aws:wafv2:us-east-1:${ACCOUNT}:regional/webacl/api/1`,
            logDestinationConfigs: [],
        },
    ),
    arnRow(
        "aws:route53/resolverQueryLogConfig:ResolverQueryLogConfig",
        "resolver",
        "/app/resolver",
        (d) => ({ name: "resolver", destinationArn: d }),
        "destinationArn",
        { name: "resolver", destinationArn: "arn:aws:s3:::resolver-logs" },
    ),
    {
        type: "aws:cloudtrail/trail:Trail",
        name: "audit",
        group: "/app/audit",
        known: (s) => trail(s, `${arn("/app/audit")}:*`),
        reference: (s, g) => trail(s, unknown(), [g.urn]),
        unknownName: (s) => {
            const g = namedLogGroup(s, "audit-logs", unknown(), { nameFrom: source(s) });
            trail(s, unknown(), [g.urn]);
        },
        disabled: (s) => trail(s, undefined),
    },
    defaultRow(
        "aws:ecs/cluster:Cluster",
        "ecs",
        "/aws/ecs/containerinsights/prod/performance",
        "name",
        { name: "prod", settings: [{ name: "containerInsights", value: "enhanced" }] },
        { name: "prod", settings: [{ name: "containerInsights", value: "disabled" }] },
    ),
    {
        // The group is named from the API's id, an output AppSync assigns: known once the API
        // exists (the `id` output), unknown for a new one, when a group named
        // pulumi.interpolate`/aws/appsync/apis/${api.id}` is computed from the API itself.
        type: APPSYNC,
        name: "graphql",
        group: "/aws/appsync/apis/abcdefghij",
        known: (s) =>
            writer(s, APPSYNC, "graphql", APPSYNC_INPUTS, {
                outputs: { ...APPSYNC_INPUTS, id: "abcdefghij" },
            }),
        unknownName: (s) => {
            const api = writer(s, APPSYNC, "graphql", APPSYNC_INPUTS);
            namedLogGroup(s, "graphql-logs", unknown(), { nameFrom: api });
        },
        disabled: (s) =>
            writer(s, APPSYNC, "graphql", { name: "api", authenticationType: "API_KEY" }),
    },
    nameRow(
        "aws:glue/job:Job",
        "etl",
        "/app/etl",
        (d) => ({
            name: "etl",
            roleArn: `arn:aws:iam::${ACCOUNT}:role/glue`,
            defaultArguments: {
                "--enable-continuous-cloudwatch-log": "true",
                "--continuous-log-logGroup": d,
            },
        }),
        "defaultArguments",
        { name: "etl", roleArn: `arn:aws:iam::${ACCOUNT}:role/glue` },
    ),
    arnRow(
        "aws:cloudwatch/logDeliveryDestination:LogDeliveryDestination",
        "vended",
        "/app/vended",
        (d) => ({
            name: "vended",
            deliveryDestinationConfiguration: { destinationResourceArn: d },
        }),
        "deliveryDestinationConfiguration",
        {
            name: "vended",
            deliveryDestinationConfiguration: { destinationResourceArn: "arn:aws:s3:::vended" },
        },
    ),
];
