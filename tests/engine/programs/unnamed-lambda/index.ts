// A Lambda function without `name`: the provider names it in Check (`orders-<7 hex>`), so the
// group Lambda writes to is `/aws/lambda/orders-<7 hex>`, which this program does not declare.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

const role = new aws.iam.Role("orders", {
    assumeRolePolicy: JSON.stringify({
        Version: "2012-10-17",
        Statement: [
            {
                Effect: "Allow",
                Action: "sts:AssumeRole",
                Principal: { Service: "lambda.amazonaws.com" },
            },
        ],
    }),
});
const fn = new aws.lambda.Function("orders", {
    runtime: aws.lambda.Runtime.NodeJS22dX,
    handler: "index.handler",
    role: role.arn,
    code: new pulumi.asset.AssetArchive({
        "index.js": new pulumi.asset.StringAsset("exports.handler = async () => ({ ok: true });\n"),
    }),
});
export const functionName = fn.name;
export const roleName = role.name;
