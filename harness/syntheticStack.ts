/**
 * Synthetic stacks for the benchmarks, with the mix of a real account's stack: in every unit of
 * 20 resources, an EncryptedLogGroup (component, key, log group), a Lambda service around it
 * (role, policy attachment, queue) and the resources that write to CloudWatch Logs,
 * about a third of the stack (the function into the unit's group; an API Gateway stage, a VPC flow
 * log and a state machine into the unit's access-log group by ARN; an ECS task definition and a
 * CodeBuild project by name; one of a vended-log delivery destination, a WAFv2 or Network Firewall
 * logging configuration or a Resolver query log configuration, in turn; in four units of five,
 * method settings turning on execution logs,
 * whose group is declared too), a bucket with its public-access block, a log group on the stack's
 * shared key, and every fifth unit an anomaly detector with its key. Half the units are already
 * deployed (ARNs known), half new (unknown; their writers reference their groups through
 * property dependencies). One unit in ten carries a planted mistake instead of its last parameter, in turn:
 * a log group without a key, on an alias ARN, on a new RSA key (its ARN unknown at preview), on a
 * key in another region, on a new key whose policy never mentions CloudWatch Logs, or on a key
 * with rotation off. Planted resources are named `*-bad-*` ({@link PLANTED}). Once per stack, an
 * organisation centralization rule on the shared key and Bedrock invocation logging.
 */
import { logGroupKeyPolicy } from "../components";
import { StackResource, UnknownValue, unknown } from "./policyHarness";
import { ACCOUNT, StackBuilder, adminOnlyPolicy, detectorPolicy } from "./stackFixtures";

const ASSUME_ROLE = JSON.stringify({
    Version: "2012-10-17",
    Statement: [
        {
            Effect: "Allow",
            Principal: { Service: "lambda.amazonaws.com" },
            Action: "sts:AssumeRole",
        },
    ],
});

/** A stack of about `size` resources. */
export function syntheticStack(size: number): StackResource[] {
    const s = new StackBuilder("us-east-1", "bench", `n${size}`);
    const shared = s.key("shared-logs-key", {
        existing: true,
        policy: logGroupKeyPolicy({
            partition: "aws",
            dnsSuffix: "amazonaws.com",
            region: "us-east-1",
            accountId: ACCOUNT,
            accountWide: true,
        }),
    });
    const tags = { team: "payments", env: "prod", costCenter: "cc-1234", managedBy: "pulumi" };
    organisationWide(s, shared);
    for (let u = 0; s.resources.length < size; u++) {
        const existing = u % 2 === 0;
        const name = `svc${u}`;
        const component = s.add({
            urn: s.urn("encrypted-logs:index:EncryptedLogGroup", name),
            type: "encrypted-logs:index:EncryptedLogGroup",
            name,
            inputs: {},
            parent: s.stackUrn,
        });
        const key = s.key(`${name}-key`, {
            existing,
            parent: component.urn,
            policyFor: [`/app/${name}`],
            extra: { tags },
        });
        const group = s.logGroup(name, { key, parent: component.urn, extra: { tags } });
        const other = (
            type: string,
            suffix: string,
            inputs: Record<string, unknown>,
            propertyDependencies: Record<string, string[]> = {},
        ) =>
            s.add({
                urn: s.urn(type, `${name}-${suffix}`),
                type,
                name: `${name}-${suffix}`,
                inputs: { ...inputs, tags },
                outputs: {
                    ...inputs,
                    tags,
                    arn: existing ? `arn:aws:x:us-east-1:${ACCOUNT}:${name}-${suffix}` : unknown(),
                    id: existing ? `${name}-${suffix}` : unknown(),
                },
                parent: s.stackUrn,
                provider: s.defaultProvider,
                dependencies: [...new Set(Object.values(propertyDependencies).flat())],
                propertyDependencies,
            });
        const role = other("aws:iam/role:Role", "role", {
            assumeRolePolicy: ASSUME_ROLE,
            name: `${name}-role`,
        });
        other("aws:iam/rolePolicyAttachment:RolePolicyAttachment", "logs", {
            role: `${name}-role`,
            policyArn: "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",
        });
        void role;
        other("aws:sqs/queue:Queue", "queue", {
            visibilityTimeoutSeconds: 60,
            messageRetentionSeconds: 345600,
        });
        s.bucket(`${name}-data`);
        other("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "pab", {
            blockPublicAcls: true,
            blockPublicPolicy: true,
            ignorePublicAcls: true,
            restrictPublicBuckets: true,
        });
        const access = s.logGroup(`${name}-access`, {
            key: s.arnOf(shared),
            propertyDependency: true,
            keyDependsOn: [shared.urn],
        });
        // The resources that write to CloudWatch Logs, each into a group of this unit: by name, by
        // ARN (known once deployed), or, while new, through the property dependency on the group.
        const accessArn: string | UnknownValue = existing
            ? `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:/app/${name}-access`
            : unknown();
        const onAccess = (property: string) => (existing ? {} : { [property]: [access.urn] });
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
        newSurface(u, name, accessArn, onAccess, other);
        if (u % 5 === 0) {
            s.detector(`${name}-anomalies`, {
                key: s.key(`${name}-anomalies-key`, {
                    existing,
                    policy: detectorPolicy("us-east-1"),
                }),
            });
        } else {
            // Execution logs of the unit's API: API Gateway's own group, declared on the shared key.
            s.logGroup(`${name}-execution`, {
                key: s.arnOf(shared),
                propertyDependency: true,
                keyDependsOn: [shared.urn],
                extra: { name: `API-Gateway-Execution-Logs_${name}-api/prod` },
            });
            other("aws:apigateway/methodSettings:MethodSettings", "logging", {
                restApi: `${name}-api`,
                stageName: "prod",
                methodPath: "*/*",
                settings: { loggingLevel: "ERROR", metricsEnabled: true },
            });
        }
        if (u % 10 === 9) {
            plant(s, name, Math.floor(u / 10) % MISTAKES.length);
        } else {
            other("aws:ssm/parameter:Parameter", "flag", { type: "String", value: "on" });
        }
    }
    return s.resources;
}

type Other = (
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
function newSurface(
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

/**
 * Once per stack, as an organisation's log account has them: an organisation centralization rule
 * encrypting every new destination group with the shared account-wide key, and Bedrock model
 * invocation logging into the first unit's group.
 */
function organisationWide(s: StackBuilder, shared: StackResource): void {
    s.add({
        urn: s.urn(
            "aws:observabilityadmin/centralizationRuleForOrganization:CentralizationRuleForOrganization",
            "org-logs",
        ),
        type: "aws:observabilityadmin/centralizationRuleForOrganization:CentralizationRuleForOrganization",
        name: "org-logs",
        inputs: {
            ruleName: "org-logs",
            rule: {
                source: {
                    regions: ["us-east-1"],
                    scope: "OrganizationId = 'o-example123456'",
                    sourceLogsConfiguration: {
                        encryptedLogGroupStrategy: "ALLOW",
                        logGroupSelectionCriteria: "*",
                    },
                },
                destination: {
                    account: ACCOUNT,
                    region: "us-east-1",
                    destinationLogsConfiguration: {
                        logsEncryptionConfiguration: {
                            encryptionStrategy: "CUSTOMER_MANAGED",
                            encryptionScope: "NEW_DESTINATION_LOG_GROUPS",
                            kmsKeyArn: s.arnOf(shared),
                        },
                    },
                },
            },
        },
        parent: s.stackUrn,
        provider: s.defaultProvider,
        dependencies: [shared.urn],
        propertyDependencies: { rule: [shared.urn] },
    });
    s.add({
        urn: s.urn(
            "aws:bedrockmodel/invocationLoggingConfiguration:InvocationLoggingConfiguration",
            "invocations",
        ),
        type: "aws:bedrockmodel/invocationLoggingConfiguration:InvocationLoggingConfiguration",
        name: "invocations",
        inputs: {
            loggingConfig: {
                cloudwatchConfig: {
                    logGroupName: "/app/svc0",
                    roleArn: `arn:aws:iam::${ACCOUNT}:role/bedrock-logs`,
                },
                textDataDeliveryEnabled: true,
            },
        },
        parent: s.stackUrn,
        provider: s.defaultProvider,
    });
}

/** The mistakes planted, one per tenth unit in turn; every one must be refused. */
export const MISTAKES = [
    "no key",
    "alias ARN",
    "new RSA key",
    "key in another region",
    "key policy without CloudWatch Logs",
    "key rotation off",
] as const;

/** Whether a resource name is a planted mistake (a log group or the bad key behind one). */
export const PLANTED = /-bad-/;

function plant(s: StackBuilder, name: string, which: number): void {
    const group = `${name}-bad-${which}`;
    switch (MISTAKES[which]) {
        case "no key":
            s.logGroup(group, {});
            return;
        case "alias ARN":
            s.logGroup(group, { key: `arn:aws:kms:us-east-1:${ACCOUNT}:alias/app-logs` });
            return;
        case "new RSA key":
            s.logGroup(group, {
                key: s.key(`${group}-key`, { spec: "RSA_2048", policyFor: [`/app/${group}`] }),
            });
            return;
        case "key in another region":
            s.logGroup(group, {
                key: `arn:aws:kms:eu-west-1:${ACCOUNT}:key/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0`,
            });
            return;
        case "key policy without CloudWatch Logs":
            s.logGroup(group, {
                key: s.key(`${group}-key`, { policy: adminOnlyPolicy() }),
            });
            return;
        default:
            s.logGroup(group, {
                key: s.key(`${group}-key`, {
                    existing: true,
                    rotation: false,
                    policyFor: [`/app/${group}`],
                }),
            });
    }
}
