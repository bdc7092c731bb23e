/**
 * The log-destination policies through the analyzer protocol (the pack started as the CLI starts
 * it, a whole preview per case): for every resource type of the destinations table, with no
 * declared group (refused), a declared group without a key (refused), a declared encrypted group
 * by name or ARN and by reference (passes), a name unknown at preview (followed), and logging
 * disabled (silent); then the messages word for word, regions, configuration, "cannot verify yet".
 */
import * as assert from "node:assert/strict";
import { namedLogGroup, groupArnOf, writer } from "../harness/destinationFixtures";
import { StackResource, unknown, usePolicyPack } from "../harness/policyHarness";
import { messageOf, verdicts } from "../harness/verdicts";
import { ACCOUNT, StackBuilder, cloudTrailPolicy } from "../harness/stackFixtures";

const ENCRYPTED = "log-destinations-encrypted";
const VERIFIABLE = "log-destinations-verifiable";
const REQUIRED = "log-encryption-key-required";
const DESCRIPTION =
    "Resources that send logs to CloudWatch Logs (Lambda functions, API Gateway stages, API Gateway method settings, " +
    "API Gateway v2 stages, EKS clusters, RDS DB instances, RDS DB clusters, VPC flow logs, ECS task definitions, " +
    "Step Functions state machines, CodeBuild projects, Route 53 query logging configurations, " +
    "Route 53 Resolver query logging configurations, OpenSearch domains, Elasticsearch domains, MSK clusters, " +
    "Bedrock model invocation logging configurations, Network Firewall logging configurations, " +
    "WAFv2 web ACL logging configurations, CloudTrail trails, ECS clusters, AppSync GraphQL APIs, Glue jobs, CloudWatch Logs delivery destinations) must write to a log group this stack declares, in their region, " +
    "encrypted with a KMS key the key checks accept; a group the service would create itself is refused. " +
    "Serves: AWS Config cloudwatch-log-group-encrypted, NIST SP 800-53 SC-28 and AU-9, for the groups services write to.";

const arn = (name: string, region = "us-east-1") =>
    `arn:aws:logs:${region}:${ACCOUNT}:log-group:${name}`;

/** A resource the unknown names are computed from (say a random suffix). */
function source(s: StackBuilder): StackResource {
    return writer(s, "random:index/randomPet:RandomPet", "suffix", { length: 2 });
}

/**
 * One row of the table: the writer (`name`), what it writes to (`group`: the log group's name), and
 * builders for each case. `reference` points the writer at a declared group through an unknown
 * value with a property dependency; `unknownName`, at a group whose name is unknown at preview.
 */
interface Row {
    readonly type: string;
    readonly name: string;
    readonly group: string;
    /** The writer writing to `group` by its known name or ARN. */
    readonly known: (s: StackBuilder) => void;
    readonly reference?: (s: StackBuilder, group: StackResource) => void;
    readonly unknownName: (s: StackBuilder) => void;
    /** Logging off (absent for the types that cannot turn it off). */
    readonly disabled?: (s: StackBuilder) => void;
}

const LAMBDA = "aws:lambda/function:Function";
const APPSYNC = "aws:appsync/graphQLApi:GraphQLApi";
const APPSYNC_INPUTS = {
    name: "api",
    authenticationType: "API_KEY",
    logConfig: {
        cloudwatchLogsRoleArn: `arn:aws:iam::${ACCOUNT}:role/appsync`,
        fieldLogLevel: "ERROR",
    },
};
const ECS_DEFINITIONS = (group: string, extra: Record<string, string> = {}) =>
    JSON.stringify([
        {
            name: "web",
            image: "nginx",
            logConfiguration: {
                logDriver: "awslogs",
                options: { "awslogs-group": group, "awslogs-stream-prefix": "web", ...extra },
            },
        },
    ]);

/** A row whose writer names its group (`property` holds `group` or its ARN). */
function arnRow(
    type: string,
    name: string,
    group: string,
    props: (destination: unknown) => Record<string, unknown>,
    top: string,
    disabled?: Record<string, unknown>,
    suffix = "",
): Row {
    return {
        type,
        name,
        group,
        known: (s) => writer(s, type, name, props(arn(group) + suffix)),
        reference: (s, g) =>
            writer(s, type, name, props(unknown()), {
                propertyDependencies: { [top]: [g.urn] },
            }),
        unknownName: (s) => {
            const g = namedLogGroup(s, `${name}-logs`, unknown(), { nameFrom: source(s) });
            writer(s, type, name, props(unknown()), { propertyDependencies: { [top]: [g.urn] } });
        },
        disabled: disabled === undefined ? undefined : (s) => writer(s, type, name, disabled),
    };
}

/** A row whose group is the service's default, named from the writer's `idProperty`. */
function defaultRow(
    type: string,
    name: string,
    group: string,
    idProperty: string,
    props: Record<string, unknown>,
    disabled?: Record<string, unknown>,
): Row {
    return {
        type,
        name,
        group,
        known: (s) => writer(s, type, name, props),
        unknownName: (s) => {
            const from = source(s);
            namedLogGroup(s, `${name}-logs`, unknown(), { nameFrom: from });
            writer(
                s,
                type,
                name,
                { ...props, [idProperty]: unknown() },
                { propertyDependencies: { [idProperty]: [from.urn] } },
            );
        },
        disabled: disabled === undefined ? undefined : (s) => writer(s, type, name, disabled),
    };
}

/** A row whose writer names its group by name in `props(name)` (`top`: the top-level input). */
function nameRow(
    type: string,
    name: string,
    group: string,
    props: (destination: unknown) => Record<string, unknown>,
    top: string,
    disabled?: Record<string, unknown>,
): Row {
    return {
        type,
        name,
        group,
        known: (s) => writer(s, type, name, props(group)),
        reference: (s, g) =>
            writer(s, type, name, props(unknown()), { propertyDependencies: { [top]: [g.urn] } }),
        unknownName: (s) => {
            const g = namedLogGroup(s, `${name}-logs`, unknown(), { nameFrom: source(s) });
            writer(s, type, name, props(unknown()), { propertyDependencies: { [top]: [g.urn] } });
        },
        disabled: disabled === undefined ? undefined : (s) => writer(s, type, name, disabled),
    };
}

/** A trail with a usable key and its bucket, sending its events to `groupArn` (or nowhere). */
function trail(s: StackBuilder, groupArn: unknown, dependsOn: string[] = []): void {
    const key = s.key("audit-key", { existing: true, policy: cloudTrailPolicy() });
    const r = s.trail("audit", s.bucket("audit-logs"), {
        key,
        extra: groupArn === undefined ? {} : { cloudWatchLogsGroupArn: groupArn },
    });
    if (dependsOn.length > 0) {
        (r.propertyDependencies as Record<string, string[]>).cloudWatchLogsGroupArn = dependsOn;
    }
}

const ROWS: Row[] = [
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

describe("policy pack: log-destinations-encrypted through the analyzer protocol", function () {
    this.timeout(120_000);
    const running = usePolicyPack();
    afterEach(async () => {
        await running().configure({});
    });
    const preview = (s: StackBuilder) => running().preview(s.resources);

    for (const row of ROWS) {
        describe(`${row.type} "${row.name}" writing to ${row.group}`, () => {
            // A named group its service does not create is outside the stack: "cannot verify yet".
            const outside = ![
                "aws:lambda/function:Function",
                "aws:rds/instance:Instance",
                "aws:rds/cluster:Cluster",
                "aws:apigateway/methodSettings:MethodSettings",
                "aws:eks/cluster:Cluster",
                "aws:codebuild/project:Project",
                "aws:ecs/cluster:Cluster",
                APPSYNC,
            ].includes(row.type);
            it(
                outside
                    ? "cannot be verified yet when the stack declares no such group (outside the stack)"
                    : "is refused when the stack declares no such group",
                async () => {
                    const s = new StackBuilder();
                    row.known(s);
                    assert.deepEqual(verdicts(await preview(s)), [
                        outside
                            ? `${VERIFIABLE}/${row.name} [cannot verify yet]`
                            : `${ENCRYPTED}/${row.name} [log-destination]`,
                    ]);
                },
            );

            it("is refused when the declared group has no kmsKeyId", async () => {
                const s = new StackBuilder();
                namedLogGroup(s, "group", row.group, { encrypted: false });
                row.known(s);
                const result = await preview(s);
                assert.deepEqual(verdicts(result), [
                    `${ENCRYPTED}/${row.name} [log-destination]`,
                    `${REQUIRED}/group [key-required]`,
                ]);
                assert.match(messageOf(result, ENCRYPTED, row.name), /which has no kmsKeyId/);
            });

            it("passes with a declared encrypted group of that name", async () => {
                const s = new StackBuilder();
                namedLogGroup(s, "group", row.group);
                row.known(s);
                assert.deepEqual(verdicts(await preview(s)), []);
            });

            if (row.reference !== undefined) {
                it("passes with a declared encrypted group it references (its ARN or name unknown at preview)", async () => {
                    const s = new StackBuilder();
                    row.reference!(s, namedLogGroup(s, "group", row.group));
                    assert.deepEqual(verdicts(await preview(s)), []);
                });
            }

            it("follows a name unknown at preview to the declared encrypted group", async () => {
                const s = new StackBuilder();
                row.unknownName(s);
                assert.deepEqual(verdicts(await preview(s)), []);
            });

            if (row.disabled !== undefined) {
                it("is silent when its logging is off", async () => {
                    const s = new StackBuilder();
                    row.disabled!(s);
                    assert.deepEqual(verdicts(await preview(s)), []);
                });
            }
        });
    }

    describe("a new AppSync API, whose group is named from its own id", () => {
        it("is refused when the only group with an unknown name is computed from another API", async () => {
            const s = new StackBuilder();
            writer(s, APPSYNC, "graphql", APPSYNC_INPUTS);
            const other = writer(s, APPSYNC, "other", {
                name: "other",
                authenticationType: "API_KEY",
            });
            namedLogGroup(s, "other-logs", unknown(), { nameFrom: other });
            const result = await preview(s);
            assert.deepEqual(verdicts(result), [`${ENCRYPTED}/graphql [log-destination]`]);
        });
    });

    describe("a Glue job logging continuously to Glue's default group", () => {
        const GLUE = "aws:glue/job:Job";
        const job = (s: StackBuilder, extra: Record<string, unknown> = {}) =>
            writer(s, GLUE, "etl", {
                name: "etl",
                roleArn: `arn:aws:iam::${ACCOUNT}:role/glue`,
                defaultArguments: { "--enable-continuous-cloudwatch-log": "true" },
                ...extra,
            });

        it("is refused when the stack does not declare /aws-glue/jobs/logs-v2 (Glue creates it)", async () => {
            const s = new StackBuilder();
            job(s);
            const result = await preview(s);
            assert.deepEqual(verdicts(result), [`${ENCRYPTED}/etl [log-destination]`]);
            assert.match(
                messageOf(result, ENCRYPTED, "etl"),
                /"\/aws-glue\/jobs\/logs-v2" in us-east-1, which this stack does not declare: Glue creates it itself/,
            );
        });

        it("passes with a declared encrypted /aws-glue/jobs/logs-v2", async () => {
            const s = new StackBuilder();
            namedLogGroup(s, "group", "/aws-glue/jobs/logs-v2");
            job(s);
            assert.deepEqual(verdicts(await preview(s)), []);
        });

        it("cannot verify yet with a security configuration (its group's name is not modelled)", async () => {
            const s = new StackBuilder();
            job(s, { securityConfiguration: "kms-logs" });
            assert.deepEqual(verdicts(await preview(s)), [`${VERIFIABLE}/etl [cannot verify yet]`]);
        });
    });

    describe("messages, word for word", () => {
        it("names the group the service would create, the resource and the fix", async () => {
            const s = new StackBuilder();
            writer(s, LAMBDA, "worker", { name: "worker-fn" });
            const result = await preview(s);
            const d = result.all[0];
            assert.equal(d.enforcementLevel, "mandatory");
            assert.equal(d.policyName, ENCRYPTED);
            assert.equal(
                d.message,
                `${DESCRIPTION}\n` +
                    '[log-destination] Lambda function "worker" (aws:lambda/function:Function) writes its function logs to the log group ' +
                    '"/aws/lambda/worker-fn" in us-east-1, which this stack does not declare: Lambda creates it itself, with no KMS key, ' +
                    "when it first writes (and a later attempt to declare it fails with ResourceAlreadyExistsException). " +
                    "Fix: declare the group with an EncryptedLogGroup and set loggingConfig.logGroup to its name, or call " +
                    "encryptLambdaLogGroups() at the top of the program.",
            );
        });

        const messages: [string, (s: StackBuilder) => void, string, string][] = [
            [
                "names the MethodSettings' execution-log group and how to declare it first",
                (s) =>
                    ROWS.find(
                        (r) => r.type === "aws:apigateway/methodSettings:MethodSettings",
                    )!.known(s),
                "prod-logging",
                '[log-destination] API Gateway method settings "prod-logging" (aws:apigateway/methodSettings:MethodSettings) writes its ' +
                    'execution logs to the log group "API-Gateway-Execution-Logs_a1b2c3/prod" in us-east-1, which this stack does not declare: ' +
                    "API Gateway creates it itself, with no KMS key, when it first writes (and a later attempt to declare it fails with " +
                    "ResourceAlreadyExistsException). Fix: declare it first, new EncryptedLogGroup(name, { logGroupName: " +
                    "apiGatewayExecutionLogGroupName(restApiId, stageName) }), and add that group to the MethodSettings' dependsOn.",
            ],
            [
                "a declared group without a key",
                (s) =>
                    ROWS[0].reference!(
                        s,
                        namedLogGroup(s, "orders-logs", "/app/orders", { encrypted: false }),
                    ),
                "orders",
                '[log-destination] Lambda function "orders" (aws:lambda/function:Function) writes its function logs to log group ' +
                    '"orders-logs" (aws:cloudwatch/logGroup:LogGroup) (found through the property dependency of loggingConfig), which has ' +
                    "no kmsKeyId: its events are encrypted with an AWS-owned key. Fix: give that log group a kmsKeyId (an EncryptedLogGroup " +
                    "creates the key and its policy).",
            ],
        ];
        for (const [title, build, name, message] of messages) {
            it(title, async () => {
                const s = new StackBuilder();
                build(s);
                assert.equal(messageOf(await preview(s), ENCRYPTED, name), message);
            });
        }

        it("a declared group whose key the key rules refuse, reported on both", async () => {
            const s = new StackBuilder();
            s.logGroup("orders-logs", {
                key: s.key("rsa", {
                    existing: true,
                    spec: "RSA_2048",
                    policyFor: ["/app/orders-logs"],
                }),
            });
            writer(s, LAMBDA, "orders", {
                name: "orders-fn",
                loggingConfig: { logFormat: "Text", logGroup: "/app/orders-logs" },
            });
            const result = await preview(s);
            assert.deepEqual(verdicts(result), [
                `${ENCRYPTED}/orders [log-destination]`,
                "log-encryption-key-usable/orders-logs [symmetric]",
            ]);
            assert.equal(
                messageOf(result, ENCRYPTED, "orders"),
                '[log-destination] Lambda function "orders" (aws:lambda/function:Function) writes its function logs to log group ' +
                    '"orders-logs" (aws:cloudwatch/logGroup:LogGroup) (found through its name), whose KMS key fails [symmetric] ' +
                    "(see that log group's log-encryption-key-usable findings). Fix: fix that log group's key.",
            );
        });

        it("cannot verify yet, as an advisory, only when nothing leads to a group", async () => {
            const s = new StackBuilder();
            writer(s, LAMBDA, "worker", {
                name: "worker-fn",
                loggingConfig: { logFormat: "Text", logGroup: unknown() },
            });
            const result = await preview(s);
            assert.deepEqual(verdicts(result), [`${VERIFIABLE}/worker [cannot verify yet]`]);
            assert.equal(result.all[0].enforcementLevel, "advisory");
            assert.equal(
                messageOf(result, VERIFIABLE, "worker"),
                '[cannot verify yet] Lambda function "worker" (aws:lambda/function:Function) writes its function logs to a log group that ' +
                    "cannot be identified yet: loggingConfig is unknown at preview and depends on no resource " +
                    "of this stack. It is checked once that is known (e.g. the next preview after deploying); naming the group with an " +
                    "EncryptedLogGroup's name or arn lets it be checked now.",
            );
        });

        it("keeps the catalogued phrases of docs/errors.md", async () => {
            const s = new StackBuilder();
            ROWS.find((r) => r.type === "aws:sfn/stateMachine:StateMachine")!.known(s);
            writer(s, LAMBDA, "worker", {
                name: "worker-fn",
                loggingConfig: { logFormat: "Text", logGroup: unknown() },
            });
            writer(s, "aws:ecs/taskDefinition:TaskDefinition", "web", {
                family: "web",
                containerDefinitions: unknown(),
            });
            const result = await preview(s);
            assert.match(
                messageOf(result, VERIFIABLE, "workflow"),
                /which this stack does not declare and Step Functions does not create \(it must already exist, managed by another stack or account\): whether it has a usable KMS key cannot be verified yet/,
            );
            assert.match(
                messageOf(result, VERIFIABLE, "worker"),
                /to a log group that cannot be identified yet/,
            );
            assert.match(
                messageOf(result, VERIFIABLE, "web"),
                /whether or where it writes logs to CloudWatch Logs is not known yet/,
            );
        });

        it("cannot verify yet when several groups are named from the same resource", async () => {
            const s = new StackBuilder();
            const from = source(s);
            namedLogGroup(s, "one", unknown(), { nameFrom: from });
            namedLogGroup(s, "two", unknown(), { nameFrom: from });
            writer(
                s,
                LAMBDA,
                "worker",
                { name: unknown() },
                { propertyDependencies: { name: [from.urn] } },
            );
            assert.match(
                messageOf(await preview(s), VERIFIABLE, "worker"),
                /the group's name is unknown at preview, and log groups this stack declares with a key may be it \("one", "two"\)/,
            );
        });

        it("a task definition unknown as a whole that references no log group cannot be verified yet", async () => {
            const s = new StackBuilder();
            writer(s, "aws:ecs/taskDefinition:TaskDefinition", "web", {
                family: "web",
                containerDefinitions: unknown(),
            });
            assert.equal(
                messageOf(await preview(s), VERIFIABLE, "web"),
                '[cannot verify yet] ECS task definition "web" (aws:ecs/taskDefinition:TaskDefinition): whether or where it writes logs ' +
                    "to CloudWatch Logs is not known yet: containerDefinitions is unknown at preview.",
            );
        });
    });

    describe("regions", () => {
        it("refuses a group of that name declared in another region, and says where", async () => {
            const s = new StackBuilder();
            const eu = s.provider("eu", "eu-west-1");
            namedLogGroup(s, "group", "/aws/lambda/worker-fn", { provider: eu });
            writer(s, LAMBDA, "worker", { name: "worker-fn" });
            assert.match(
                messageOf(await preview(s), ENCRYPTED, "worker"),
                /"\/aws\/lambda\/worker-fn" in us-east-1, which this stack does not declare \(a log group of that name is declared in eu-west-1, not in us-east-1\)/,
            );
        });

        it("takes an ECS container's awslogs-region over the task definition's", async () => {
            const s = new StackBuilder();
            namedLogGroup(s, "group", "/app/web");
            writer(s, "aws:ecs/taskDefinition:TaskDefinition", "web", {
                family: "web",
                containerDefinitions: ECS_DEFINITIONS("/app/web", {
                    "awslogs-region": "eu-west-1",
                    "awslogs-create-group": "true",
                }),
            });
            assert.equal(
                messageOf(await preview(s), ENCRYPTED, "web"),
                '[log-destination] ECS task definition "web" (aws:ecs/taskDefinition:TaskDefinition) writes its container logs of "web" ' +
                    'to the log group "/app/web" in eu-west-1, which this stack does not declare (a log group of that name is declared in ' +
                    "us-east-1, not in eu-west-1): ECS creates it itself, with no KMS key, when it first writes (and a later attempt to " +
                    'declare it fails with ResourceAlreadyExistsException). Fix: set the container\'s options["awslogs-group"] to an ' +
                    "EncryptedLogGroup's name, without awslogs-create-group.",
            );
        });

        it("takes a known ARN's region: a Route 53 query log's group in us-east-1 from an eu-west-1 provider", async () => {
            const s = new StackBuilder();
            const eu = s.provider("eu", "eu-west-1");
            namedLogGroup(s, "group", "/app/dns");
            writer(
                s,
                "aws:route53/queryLog:QueryLog",
                "dns",
                {
                    zoneId: "Z1",
                    cloudwatchLogGroupArn: arn("/app/dns"),
                },
                { provider: eu },
            );
            assert.deepEqual(verdicts(await preview(s)), []);
        });
    });

    describe("configuration", () => {
        it("turns a service off with disabledServices, on both policies", async () => {
            const s = new StackBuilder();
            writer(s, LAMBDA, "worker", { name: "worker-fn" });
            writer(s, LAMBDA, "later", { name: unknown() });
            writer(s, "aws:eks/cluster:Cluster", "cluster", {
                name: "prod",
                enabledClusterLogTypes: ["api"],
            });
            await running().configure({
                [ENCRYPTED]: { disabledServices: ["lambda"] },
                [VERIFIABLE]: { disabledServices: ["lambda"] },
            });
            assert.deepEqual(verdicts(await preview(s)), [
                `${ENCRYPTED}/cluster [log-destination]`,
            ]);
        });

        it("skips exempt resources by name and URN pattern", async () => {
            const s = new StackBuilder();
            writer(s, LAMBDA, "worker", { name: "worker-fn" });
            writer(s, "aws:eks/cluster:Cluster", "cluster", {
                name: "prod",
                enabledClusterLogTypes: ["api"],
            });
            writer(s, LAMBDA, "later", {
                name: "later-fn",
                loggingConfig: { logFormat: "Text", logGroup: unknown() },
            });
            await running().configure({
                [ENCRYPTED]: {
                    exemptResourceNames: ["worker"],
                    exemptUrnPatterns: ["*eks/cluster:Cluster::*"],
                },
                [VERIFIABLE]: { exemptResourceNames: ["later"] },
            });
            // Skipped, and the exemptions advisory says so on each of them.
            assert.deepEqual(verdicts(await preview(s)), [
                "log-encryption-exemptions/cluster [exempted]",
                "log-encryption-exemptions/later [exempted]",
                "log-encryption-exemptions/worker [exempted]",
            ]);
        });

        it("exempts by an entry with a reason or by tag, and applies again once the entry has expired", async () => {
            const s = new StackBuilder();
            writer(s, LAMBDA, "worker", { name: "worker-fn" });
            writer(s, LAMBDA, "tagged", {
                name: "tagged-fn",
                tags: {
                    "encrypted-logs:exempt": "log-destination",
                    "encrypted-logs:exempt-reason":
                        "writes nothing sensitive, group managed by the platform team",
                },
            });
            const plain = (await preview(s)).all.find((d) => d.urn.endsWith("::worker"))!;
            await running().configure({
                [ENCRYPTED]: {
                    exemptions: [
                        {
                            resourceNames: ["worker"],
                            rules: ["log-destination"],
                            reason: "moved to a declared group in SEC-12",
                        },
                    ],
                },
            });
            const exempted = await preview(s);
            assert.deepEqual(
                exempted.all.map((d) => [d.policyName, d.message.split("\n")[1]]),
                [
                    [
                        "log-encryption-exemptions",
                        '[exempted] Lambda function "worker" (aws:lambda/function:Function) is exempted from log-destinations-encrypted (log-destination only): ' +
                            "moved to a declared group in SEC-12 (no expiry; exemptions[0] of log-destinations-encrypted's configuration).",
                    ],
                    [
                        "log-encryption-exemptions",
                        '[exempted] Lambda function "tagged" (aws:lambda/function:Function) is exempted from log-destinations-encrypted (log-destination only): ' +
                            "writes nothing sensitive, group managed by the platform team (no expiry; the tag encrypted-logs:exempt=log-destination).",
                    ],
                ],
            );
            await running().configure({
                [ENCRYPTED]: {
                    exemptions: [
                        {
                            resourceNames: ["worker"],
                            reason: "moved to a declared group in SEC-12",
                            expires: "2000-01-31",
                        },
                    ],
                },
            });
            assert.deepEqual(
                (await preview(s)).all
                    .filter((d) => d.policyName === ENCRYPTED)
                    .map((d) => d.message),
                [
                    `${plain.message} Not exempted: exemptions[0] of log-destinations-encrypted's configuration ` +
                        '(reason "moved to a declared group in SEC-12") expired: it applied until 2000-01-31.',
                ],
            );
        });

        it("judges the group's key by log-encryption-key-usable's findings, under its configuration", async () => {
            const s = new StackBuilder();
            s.logGroup("orders-logs", {
                key: s.key("mrk", {
                    existing: true,
                    multiRegion: true,
                    policyFor: ["/app/orders-logs"],
                }),
            });
            writer(s, LAMBDA, "orders", {
                name: "orders-fn",
                loggingConfig: { logFormat: "Text", logGroup: "/app/orders-logs" },
            });
            assert.deepEqual(verdicts(await preview(s)), [
                `${ENCRYPTED}/orders [log-destination]`,
                "log-encryption-key-usable/orders-logs [multi-region]",
            ]);
            await running().configure({
                "log-encryption-key-usable": { allowMultiRegionKeys: true },
            });
            assert.deepEqual(verdicts(await preview(s)), []);
            // With the usable policy disabled, the key rules run here with their defaults.
            await running().configure({
                "log-encryption-key-usable": { enforcementLevel: "disabled" },
            });
            assert.deepEqual(verdicts(await preview(s)), [`${ENCRYPTED}/orders [log-destination]`]);
        });

        it("declares both policies with their levels and defaults", async () => {
            const info = (await running().info()).getPoliciesList();
            const ours = info
                .filter((p) => p.getName().startsWith("log-destinations-"))
                .map((p) => ({
                    name: p.getName(),
                    level: p.getEnforcementlevel(),
                    config: p.getConfigschema()?.getProperties()?.toJavaScript() as Record<
                        string,
                        { default?: unknown }
                    >,
                }));
            assert.deepEqual(
                ours.map((p) => [p.name, p.level, Object.keys(p.config).sort()]),
                [
                    [
                        ENCRYPTED,
                        1,
                        [
                            "disabledServices",
                            "exemptResourceNames",
                            "exemptUrnPatterns",
                            "exemptionTags",
                            "exemptions",
                            "outsideStack",
                        ],
                    ],
                    [
                        VERIFIABLE,
                        0,
                        [
                            "disabledServices",
                            "exemptResourceNames",
                            "exemptUrnPatterns",
                            "exemptionTags",
                            "exemptions",
                        ],
                    ],
                ],
            );
            assert.deepEqual(ours[0].config.disabledServices.default, []);
        });
    });

    it("is silent on resources that log nowhere or elsewhere", async () => {
        const s = new StackBuilder();
        writer(s, "aws:s3/bucket:Bucket", "data", { bucket: "data-bucket" });
        writer(s, "aws:sqs/queue:Queue", "jobs", {});
        writer(s, "aws:iam/role:Role", "role", { assumeRolePolicy: "{}" });
        writer(s, "aws:ec2/flowLog:FlowLog", "to-firehose", {
            vpcId: "vpc-1",
            logDestinationType: "kinesis-data-firehose",
            logDestination: "arn:aws:firehose:us-east-1:111122223333:deliverystream/flows",
        });
        namedLogGroup(s, "unused", "/app/unused");
        assert.deepEqual(verdicts(await preview(s)), []);
    });

    it("refuses each undeclared RDS export and passes each declared one", async () => {
        const s = new StackBuilder();
        namedLogGroup(s, "pg", "/aws/rds/instance/orders-db/postgresql");
        writer(s, "aws:rds/instance:Instance", "db", {
            identifier: "orders-db",
            enabledCloudwatchLogsExports: ["postgresql", "upgrade"],
        });
        const result = await preview(s);
        assert.deepEqual(verdicts(result), [`${ENCRYPTED}/db [log-destination]`]);
        assert.match(
            messageOf(result, ENCRYPTED, "db"),
            /writes its upgrade logs to the log group "\/aws\/rds\/instance\/orders-db\/upgrade" in us-east-1/,
        );
    });

    it("finds a group inside a component through a property dependency on the component", async () => {
        const s = new StackBuilder();
        const component = writer(s, "encrypted-logs:index:EncryptedLogGroup", "orders-logs", {});
        namedLogGroup(s, "orders-logs", "/app/orders", { parent: component.urn });
        writer(
            s,
            "aws:sfn/stateMachine:StateMachine",
            "workflow",
            { definition: "{}", loggingConfiguration: { level: "ALL", logDestination: unknown() } },
            { propertyDependencies: { loggingConfiguration: [component.urn] } },
        );
        assert.deepEqual(verdicts(await preview(s)), []);
    });

    it("uses the same group references as a deployed stack: known ARNs of existing groups", async () => {
        const s = new StackBuilder();
        const g = namedLogGroup(s, "group", "/app/api-access");
        assert.ok(
            typeof groupArnOf(g) !== "string",
            "the fixture group's ARN is unknown at preview",
        );
        writer(s, "aws:apigatewayv2/stage:Stage", "http-prod", {
            apiId: "x1",
            accessLogSettings: { destinationArn: `${arn("/app/api-access")}:*`, format: "x" },
        });
        assert.deepEqual(verdicts(await preview(s)), []);
    });
});
