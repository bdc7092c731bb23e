// A Lambda function for `npm run demo`, previewed offline twice: without configuration it writes
// to the /aws/lambda/<name> group Lambda would create itself, unencrypted, and the policy pack
// refuses it; with `fixed: true` the program's first line is encryptLambdaLogGroups(), which
// declares that group, encrypted, before the function, and the pack passes it. Never deploy it.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { encryptLambdaLogGroups } from "pulumi-aws-encrypted-logs";

if (new pulumi.Config().getBoolean("fixed") === true) {
    encryptLambdaLogGroups({ retentionInDays: 30 });
}

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
new aws.lambda.Function("orders", {
    name: "orders-handler",
    runtime: aws.lambda.Runtime.NodeJS22dX,
    handler: "index.handler",
    role: role.arn,
    code: new pulumi.asset.AssetArchive({
        "index.js": new pulumi.asset.StringAsset("exports.handler = async () => ({ ok: true });\n"),
    }),
});
