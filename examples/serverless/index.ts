// A Lambda function behind an API Gateway REST API, and a Step Functions state machine that calls
// it, where every log group they write to is declared by the stack, encrypted with its own
// customer-managed key, and created before the service first writes to it (a group the service
// created itself first would be unencrypted, and the stack's own create of it would then fail with
// ResourceAlreadyExistsException):
//
// - the function's /aws/lambda/<name> group: encryptLambdaLogGroups() (one line, for every function);
// - the stage's access logs: a group of our own, named by the stage's accessLogSettings;
// - the stage's execution logs: API Gateway's API-Gateway-Execution-Logs_<api id>/<stage> group,
//   declared before the method settings that turn execution logging on (on an account-wide key);
// - the state machine's execution history: a group of our own, named by its loggingConfiguration.
//
// Every key is retained if the stack is destroyed, and so is every group (skipDestroy).
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import {
    EncryptedLogGroup,
    LogsKey,
    apiGatewayExecutionLogGroupName,
    encryptLambdaLogGroups,
} from "pulumi-aws-encrypted-logs";

const config = new pulumi.Config();
const prefix = config.get("prefix") ?? "serverless-orders";
const stageName = config.get("stageName") ?? "prod";
const retentionInDays = config.getNumber("retentionInDays") ?? 30;
const tags = { example: "serverless" };

// Before any function: every aws.lambda.Function created after this line gets an encrypted group.
encryptLambdaLogGroups({ retentionInDays, tags });

const partition = aws.getPartitionOutput().partition;
const managedPolicy = (name: string) =>
    pulumi.interpolate`arn:${partition}:iam::aws:policy/service-role/${name}`;
const assumedBy = (service: string) =>
    JSON.stringify({
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Action: "sts:AssumeRole", Principal: { Service: service } }],
    });

// The function.
const handlerRole = new aws.iam.Role("handler", {
    assumeRolePolicy: assumedBy("lambda.amazonaws.com"),
    tags,
});
new aws.iam.RolePolicyAttachment("handler-logs", {
    role: handlerRole.name,
    policyArn: managedPolicy("AWSLambdaBasicExecutionRole"),
});
const handler = new aws.lambda.Function("handler", {
    name: `${prefix}-handler`,
    runtime: aws.lambda.Runtime.NodeJS22dX,
    handler: "index.handler",
    role: handlerRole.arn,
    code: new pulumi.asset.AssetArchive({
        "index.js": new pulumi.asset.StringAsset(
            "exports.handler = async (event) => ({ statusCode: 200, body: JSON.stringify({ ok: true, path: event.path ?? null }) });\n",
        ),
    }),
    tags,
});

// The REST API in front of it.
const api = new aws.apigateway.RestApi("api", { name: prefix, tags });
const method = new aws.apigateway.Method("any", {
    restApi: api.id,
    resourceId: api.rootResourceId,
    httpMethod: "ANY",
    authorization: "NONE",
});
const integration = new aws.apigateway.Integration("handler", {
    restApi: api.id,
    resourceId: api.rootResourceId,
    httpMethod: method.httpMethod,
    integrationHttpMethod: "POST",
    type: "AWS_PROXY",
    uri: handler.invokeArn,
});
new aws.lambda.Permission("api-invokes-handler", {
    action: "lambda:InvokeFunction",
    function: handler.name,
    principal: "apigateway.amazonaws.com",
    sourceArn: pulumi.interpolate`${api.executionArn}/*/*`,
});
const deployment = new aws.apigateway.Deployment(
    "api",
    { restApi: api.id, triggers: { integration: integration.id } },
    { dependsOn: [integration] },
);

// API Gateway writes to CloudWatch Logs with the account's (per-region) CloudWatch role.
const apiGatewayLogsRole = new aws.iam.Role("api-gateway-logs", {
    assumeRolePolicy: assumedBy("apigateway.amazonaws.com"),
    tags,
});
new aws.iam.RolePolicyAttachment("api-gateway-logs", {
    role: apiGatewayLogsRole.name,
    policyArn: managedPolicy("AmazonAPIGatewayPushToCloudWatchLogs"),
});
const account = new aws.apigateway.Account("api-gateway", {
    cloudwatchRoleArn: apiGatewayLogsRole.arn,
});

// Access logs: a group of our own. Execution logs: API Gateway's own group name, declared here.
const accessLogs = new EncryptedLogGroup("api-access-logs", {
    logGroupName: `/${prefix}/api-access`,
    retentionInDays,
    tags,
});
// The execution-log group's name carries the API's id, known only once the API exists; a key scoped
// to that name has a policy known only then too, so `pulumi preview` could not judge it before the
// first deploy. An account-wide key (any log group of this account and region) is judged at once.
const executionLogsKey = new LogsKey("api-execution-logs-key", { accountWide: true, tags });
const executionLogs = new EncryptedLogGroup("api-execution-logs", {
    logGroupName: api.id.apply((id) => apiGatewayExecutionLogGroupName(id, stageName)),
    kmsKeyArn: executionLogsKey.arn,
    retentionInDays,
    tags,
});
const stage = new aws.apigateway.Stage(
    "api",
    {
        restApi: api.id,
        deployment: deployment.id,
        stageName,
        accessLogSettings: {
            destinationArn: accessLogs.arn,
            format: JSON.stringify({
                requestId: "$context.requestId",
                ip: "$context.identity.sourceIp",
                method: "$context.httpMethod",
                path: "$context.resourcePath",
                status: "$context.status",
            }),
        },
        tags,
    },
    { dependsOn: [account] },
);
new aws.apigateway.MethodSettings(
    "api-execution-logging",
    {
        restApi: api.id,
        stageName: stage.stageName,
        methodPath: "*/*",
        settings: { loggingLevel: "ERROR", metricsEnabled: true },
    },
    // Turning execution logging on is what makes API Gateway write: the group must exist first.
    { dependsOn: [executionLogs, account] },
);

// The state machine, which logs its execution history to a group of our own.
const workflowLogs = new EncryptedLogGroup("workflow-logs", {
    logGroupName: `/${prefix}/workflow`,
    retentionInDays,
    tags,
});
const workflowRole = new aws.iam.Role("workflow", {
    assumeRolePolicy: assumedBy("states.amazonaws.com"),
    tags,
});
new aws.iam.RolePolicy("workflow", {
    role: workflowRole.id,
    policy: handler.arn.apply((functionArn) =>
        JSON.stringify({
            Version: "2012-10-17",
            Statement: [
                { Effect: "Allow", Action: "lambda:InvokeFunction", Resource: functionArn },
                {
                    // What Step Functions needs to deliver logs to CloudWatch Logs (these actions
                    // do not support resource-level permissions).
                    Effect: "Allow",
                    Action: [
                        "logs:CreateLogDelivery",
                        "logs:GetLogDelivery",
                        "logs:UpdateLogDelivery",
                        "logs:DeleteLogDelivery",
                        "logs:ListLogDeliveries",
                        "logs:PutResourcePolicy",
                        "logs:DescribeResourcePolicies",
                        "logs:DescribeLogGroups",
                    ],
                    Resource: "*",
                },
            ],
        }),
    ),
});
const workflow = new aws.sfn.StateMachine("workflow", {
    name: `${prefix}-workflow`,
    roleArn: workflowRole.arn,
    definition: handler.arn.apply((arn) =>
        JSON.stringify({
            StartAt: "Handle",
            States: { Handle: { Type: "Task", Resource: arn, End: true } },
        }),
    ),
    loggingConfiguration: {
        level: "ERROR",
        includeExecutionData: false,
        logDestination: pulumi.interpolate`${workflowLogs.arn}:*`,
    },
    tags,
});

export const url = stage.invokeUrl;
export const functionName = handler.name;
export const stateMachineArn = workflow.arn;
export const logGroups = {
    access: accessLogs.name,
    execution: executionLogs.name,
    workflow: workflowLogs.name,
};
