/**
 * Synthetic stacks for the benchmarks, with the mix of a real account's stack: in every unit of
 * 20 resources, an EncryptedLogGroup (component, key, log group), a Lambda service around it
 * (role, policy attachment, function, alarm, queue, topic, table, parameter, security group), a
 * bucket with its public-access block, a log group on the stack's shared key, and every fifth unit
 * an anomaly detector with its key. Half the units are already deployed (ARNs known), half new
 * (unknown). One unit in ten carries a planted mistake instead of its last parameter, in turn:
 * a log group without a key, on an alias ARN, on a new RSA key (its ARN unknown at preview), on a
 * key in another region, on a new key whose policy never mentions CloudWatch Logs, or on a key
 * with rotation off. Planted resources are named `*-bad-*` ({@link PLANTED}).
 */
import { logGroupKeyPolicy } from "../components";
import { FixtureResource, unknown } from "./policyHarness";
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
export function syntheticStack(size: number): FixtureResource[] {
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
        s.logGroup(name, { key, parent: component.urn, extra: { tags } });
        const other = (type: string, suffix: string, inputs: Record<string, unknown>) =>
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
            });
        const role = other("aws:iam/role:Role", "role", {
            assumeRolePolicy: ASSUME_ROLE,
            name: `${name}-role`,
        });
        other("aws:iam/rolePolicyAttachment:RolePolicyAttachment", "logs", {
            role: `${name}-role`,
            policyArn: "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",
        });
        other("aws:lambda/function:Function", "fn", {
            runtime: "nodejs20.x",
            handler: "index.handler",
            role: existing ? `arn:aws:iam::${ACCOUNT}:role/${name}-role` : unknown(),
            memorySize: 512,
            timeout: 30,
            environment: {
                variables: { TABLE: `${name}-table`, QUEUE: `${name}-queue`, LOG_LEVEL: "info" },
            },
        });
        void role;
        other("aws:cloudwatch/metricAlarm:MetricAlarm", "errors", {
            comparisonOperator: "GreaterThanThreshold",
            evaluationPeriods: 1,
            metricName: "Errors",
            namespace: "AWS/Lambda",
            period: 60,
            statistic: "Sum",
            threshold: 1,
        });
        other("aws:sqs/queue:Queue", "queue", {
            visibilityTimeoutSeconds: 60,
            messageRetentionSeconds: 345600,
        });
        other("aws:sns/topic:Topic", "topic", { name: `${name}-topic` });
        other("aws:dynamodb/table:Table", "table", {
            billingMode: "PAY_PER_REQUEST",
            hashKey: "pk",
            attributes: [{ name: "pk", type: "S" }],
        });
        other("aws:ssm/parameter:Parameter", "param", { type: "String", value: `${name}-config` });
        other("aws:ec2/securityGroup:SecurityGroup", "sg", {
            ingress: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["10.0.0.0/8"] }],
            egress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }],
        });
        s.bucket(`${name}-data`);
        other("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "pab", {
            blockPublicAcls: true,
            blockPublicPolicy: true,
            ignorePublicAcls: true,
            restrictPublicBuckets: true,
        });
        s.logGroup(`${name}-access`, {
            key: s.arnOf(shared),
            propertyDependency: true,
            keyDependsOn: [shared.urn],
        });
        if (u % 5 === 0) {
            s.detector(`${name}-anomalies`, {
                key: s.key(`${name}-anomalies-key`, {
                    existing,
                    policy: detectorPolicy("us-east-1"),
                }),
            });
        } else {
            other("aws:cloudwatch/dashboard:Dashboard", "dash", {
                dashboardBody: JSON.stringify({
                    widgets: [
                        { type: "metric", properties: { metrics: [["AWS/Lambda", "Errors"]] } },
                    ],
                }),
            });
            other("aws:sqs/queue:Queue", "dlq", { messageRetentionSeconds: 1209600 });
        }
        if (u % 10 === 9) {
            plant(s, name, Math.floor(u / 10) % MISTAKES.length);
        } else {
            other("aws:ssm/parameter:Parameter", "flag", { type: "String", value: "on" });
        }
    }
    return s.resources;
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
