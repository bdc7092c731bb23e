/**
 * Synthetic stacks for the benchmarks, with the mix of a real account's stack: in every unit of
 * 20 resources, an EncryptedLogGroup (component, LogsKey component, key, log group), a Lambda
 * service around it (role, policy attachment, function, alarm, queue, topic, table, parameter,
 * security group), a bucket with its public-access block, a log group on the stack's shared key,
 * and every fifth unit an anomaly detector with its key; every tenth unit has a log group without
 * a key (a violation). Half the units are already deployed (ARNs known), half new (unknown).
 */
import { logGroupKeyPolicy } from "../components";
import { FixtureResource, unknown } from "../tests/support/policyHarness";
import { ACCOUNT, StackBuilder, detectorPolicy } from "../tests/support/stackFixtures";

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
        const keyComponent = s.add({
            urn: s.urn("encrypted-logs:index:LogsKey", `${name}-key`, component.urn),
            type: "encrypted-logs:index:LogsKey",
            name: `${name}-key`,
            inputs: {},
            parent: component.urn,
        });
        const key = s.key(`${name}-key`, {
            existing,
            parent: keyComponent.urn,
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
            s.logGroup(`${name}-debug`, {});
        } else {
            other("aws:ssm/parameter:Parameter", "flag", { type: "String", value: "on" });
        }
    }
    return s.resources;
}
