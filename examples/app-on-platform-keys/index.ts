// An application stack on the platform's keys: it creates no key, and takes the key ARNs from the
// platform stack's outputs through a StackReference (see examples/platform-keys, which publishes
// each key's facts). Because the ARN comes from that StackReference, the policy pack judges the
// platform key here at preview (symmetric, region, multi-Region, key policy for these log groups,
// rotation) from the facts the platform stack published, instead of "cannot verify yet".
//   pulumi config set platformStack <org>/platform-keys/<stack>
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { EncryptedLogGroup, PublishedKeyFacts } from "pulumi-aws-encrypted-logs";

const config = new pulumi.Config();
const platform = new pulumi.StackReference(
    config.get("platformStack") ?? "acme/platform-keys/prod",
);

// The facts of the platform's LogsKey; their `arn` is the key ARN CloudWatch Logs needs.
const logsKey = platform.requireOutput("logsKey") as pulumi.Output<PublishedKeyFacts>;

const orders = new EncryptedLogGroup("orders", {
    logGroupName: "/app/orders",
    retentionInDays: 90,
    kmsKeyArn: logsKey.arn,
});

// A plain aws.cloudwatch.LogGroup works the same way: the pack follows kmsKeyId to the
// StackReference, here through the map of facts the platform stack also exports.
const keys = platform.requireOutput("keys") as pulumi.Output<{ logs: PublishedKeyFacts }>;
const payments = new aws.cloudwatch.LogGroup("payments", {
    name: "/app/payments",
    retentionInDays: 90,
    kmsKeyId: keys.logs.arn,
});

export const logGroupNames = [orders.name, payments.name];
