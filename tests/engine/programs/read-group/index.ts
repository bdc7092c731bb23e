// A log group read with `.get` (managed outside the stack), a Lambda function writing to it, and a
// state machine with no loggingConfiguration: what the engine sends a policy pack of each.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

const shared = aws.cloudwatch.LogGroup.get("platform", "/platform/shared");
const role = new aws.iam.Role("app", {
    assumeRolePolicy: JSON.stringify({ Version: "2012-10-17", Statement: [] }),
});
new aws.sfn.StateMachine("flow", {
    roleArn: role.arn,
    definition: JSON.stringify({ StartAt: "A", States: { A: { Type: "Pass", End: true } } }),
});
new aws.lambda.Function("orders", {
    name: "orders",
    runtime: aws.lambda.Runtime.NodeJS22dX,
    handler: "index.handler",
    role: role.arn,
    code: new pulumi.asset.AssetArchive({
        "index.js": new pulumi.asset.StringAsset("exports.handler = async () => ({ ok: true });\n"),
    }),
    loggingConfig: { logFormat: "JSON", logGroup: shared.name },
});
export const sharedKey = shared.kmsKeyId;
