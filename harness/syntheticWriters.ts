/**
 * The resources of a synthetic bench stack's unit that write to CloudWatch Logs, each into a group
 * of the unit: by name, by ARN (known once deployed), or, while new, through the property
 * dependency on the group.
 */
import { StackResource, UnknownValue, unknown } from "./policyHarness";
import { ACCOUNT } from "./stackFixtures";

/** What builds a unit's other resources: `<unit>-<suffix>` of `type` with `inputs`. */
export type Other = (
    type: string,
    suffix: string,
    inputs: Record<string, unknown>,
    propertyDependencies?: Record<string, string[]>,
) => StackResource;

/**
 * One writer of the 2025-2026 log surfaces per unit, in turn, into the unit's access-log group: a
 * vended-log delivery destination, a WAFv2 logging configuration, a Route 53 Resolver query log
 * configuration (by ARN) and a Network Firewall logging configuration (by name).
 */
export function newSurface(
    u: number,
    name: string,
    accessArn: string | UnknownValue,
    onAccess: (property: string) => Record<string, string[]>,
    other: Other,
): void {
    switch (u % 4) {
        case 0:
            other(
                "aws:cloudwatch/logDeliveryDestination:LogDeliveryDestination",
                "delivery",
                {
                    name: `${name}-delivery`,
                    deliveryDestinationConfiguration: { destinationResourceArn: accessArn },
                },
                onAccess("deliveryDestinationConfiguration"),
            );
            return;
        case 1:
            other(
                "aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration",
                "waf-logging",
                {
                    resourceArn: `arn:aws:wafv2:us-east-1:${ACCOUNT}:regional/webacl/${name}/1`,
                    logDestinationConfigs: [accessArn],
                },
                onAccess("logDestinationConfigs"),
            );
            return;
        case 2:
            other(
                "aws:route53/resolverQueryLogConfig:ResolverQueryLogConfig",
                "resolver",
                { name: `${name}-resolver`, destinationArn: accessArn },
                onAccess("destinationArn"),
            );
            return;
        default:
            other(
                "aws:networkfirewall/loggingConfiguration:LoggingConfiguration",
                "firewall-logging",
                {
                    firewallArn: `arn:aws:network-firewall:us-east-1:${ACCOUNT}:firewall/${name}`,
                    loggingConfiguration: {
                        logDestinationConfigs: [
                            {
                                logDestinationType: "CloudWatchLogs",
                                logType: "FLOW",
                                logDestination: { logGroup: `/app/${name}-access` },
                            },
                        ],
                    },
                },
            );
    }
}

/** The unit's function, logging into the unit's `group` by name (a property dependency on it). */
export function lambdaFunction(
    name: string,
    existing: boolean,
    group: StackResource,
    other: Other,
): void {
    other(
        "aws:lambda/function:Function",
        "fn",
        {
            name: `${name}-fn`,
            runtime: "nodejs20.x",
            handler: "index.handler",
            role: existing ? `arn:aws:iam::${ACCOUNT}:role/${name}-role` : unknown(),
            memorySize: 512,
            timeout: 30,
            environment: {
                variables: { QUEUE: `${name}-queue`, LOG_LEVEL: "info" },
            },
            loggingConfig: { logFormat: "JSON", logGroup: `/app/${name}` },
        },
        { loggingConfig: [group.urn] },
    );
}

/** An API Gateway stage, a VPC flow log and a state machine into the unit's access-log group. */
export function accessLogWriters(
    name: string,
    existing: boolean,
    accessArn: string | UnknownValue,
    onAccess: (property: string) => Record<string, string[]>,
    other: Other,
): void {
    other(
        "aws:apigateway/stage:Stage",
        "stage",
        {
            restApi: `${name}-api`,
            stageName: "prod",
            deployment: existing ? `${name}-deployment` : unknown(),
            accessLogSettings: { destinationArn: accessArn, format: "$context.requestId" },
        },
        onAccess("accessLogSettings"),
    );
    other(
        "aws:ec2/flowLog:FlowLog",
        "flow",
        { vpcId: `vpc-${name}`, trafficType: "REJECT", logDestination: accessArn },
        onAccess("logDestination"),
    );
    other(
        "aws:sfn/stateMachine:StateMachine",
        "workflow",
        {
            definition: JSON.stringify({
                StartAt: "Done",
                States: { Done: { Type: "Succeed" } },
            }),
            loggingConfiguration: {
                level: "ERROR",
                logDestination: existing ? `${accessArn as string}:*` : unknown(),
            },
        },
        onAccess("loggingConfiguration"),
    );
}

/** An ECS task definition and a CodeBuild project writing into the unit's group by its name. */
export function groupNameWriters(name: string, other: Other): void {
    other("aws:ecs/taskDefinition:TaskDefinition", "task", {
        family: `${name}-task`,
        containerDefinitions: JSON.stringify([
            {
                name: "app",
                image: "nginx",
                logConfiguration: {
                    logDriver: "awslogs",
                    options: {
                        "awslogs-group": `/app/${name}`,
                        "awslogs-stream-prefix": "app",
                    },
                },
            },
        ]),
    });
    other("aws:codebuild/project:Project", "build", {
        name: `${name}-build`,
        logsConfig: { cloudwatchLogs: { status: "ENABLED", groupName: `/app/${name}` } },
    });
}
