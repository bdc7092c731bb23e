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
import { ACCOUNT, StackBuilder, detectorPolicy } from "./stackFixtures";
import { MISTAKES, plant } from "./plantedMistakes";
import {
    Other,
    accessLogWriters,
    groupNameWriters,
    lambdaFunction,
    newSurface,
} from "./syntheticWriters";

export { MISTAKES, PLANTED } from "./plantedMistakes";

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
        addUnit(s, shared, tags, u);
    }
    return s.resources;
}

/** The tags a unit's resources carry. */
type Tags = Record<string, string>;

/**
 * Unit `u` of the stack (see the file's description): deployed when `u` is even, its log groups
 * on its own key and on the stack's `shared` key.
 */
function addUnit(s: StackBuilder, shared: StackResource, tags: Tags, u: number): void {
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
    const other = otherOf(s, name, existing, tags);
    lambdaService(s, name, other);
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
    lambdaFunction(name, existing, group, other);
    accessLogWriters(name, existing, accessArn, onAccess, other);
    groupNameWriters(name, other);
    newSurface(u, name, accessArn, onAccess, other);
    if (u % 5 === 0) {
        s.detector(`${name}-anomalies`, {
            key: s.key(`${name}-anomalies-key`, {
                existing,
                policy: detectorPolicy("us-east-1"),
            }),
        });
    } else {
        executionLogs(s, shared, name, other);
    }
    if (u % 10 === 9) {
        plant(s, name, Math.floor(u / 10) % MISTAKES.length);
    } else {
        other("aws:ssm/parameter:Parameter", "flag", { type: "String", value: "on" });
    }
}

/**
 * The builder of a unit's other resources: `<name>-<suffix>` of `type` with `inputs` and the
 * unit's tags under the stack, its ARN and id known when the unit is deployed.
 */
function otherOf(s: StackBuilder, name: string, existing: boolean, tags: Tags): Other {
    return (
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
}

/** The Lambda service around a unit's group: role, policy attachment, queue, bucket and its block. */
function lambdaService(s: StackBuilder, name: string, other: Other): void {
    other("aws:iam/role:Role", "role", {
        assumeRolePolicy: ASSUME_ROLE,
        name: `${name}-role`,
    });
    other("aws:iam/rolePolicyAttachment:RolePolicyAttachment", "logs", {
        role: `${name}-role`,
        policyArn: "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",
    });
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
}

/**
 * Execution logs of the unit's API: API Gateway's own group, declared on the shared key, and the
 * method settings turning them on.
 */
function executionLogs(s: StackBuilder, shared: StackResource, name: string, other: Other): void {
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
