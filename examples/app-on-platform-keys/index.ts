// An application stack on the platform's keys: it creates no key, and reads the platform stack's
// published key (see examples/platform-keys, which exports each key's facts) with a PublishedKey.
// The PublishedKey carries the key's facts into this stack, so the policy pack judges the platform
// key here at preview and at `pulumi up` (symmetric, region, multi-Region, key policy for these log
// groups, rotation) instead of "cannot verify yet". (A bare StackReference would not do: the engine
// hands a policy pack the resources a program registers, not those it reads.)
//   pulumi config set platformStack <org>/platform-keys/<stack>
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { EncryptedLogGroup, PublishedKey } from "pulumi-aws-encrypted-logs";

const config = new pulumi.Config();
const platformStack = config.get("platformStack") ?? "acme/platform-keys/prod";

// The facts of the platform's LogsKey; their `arn` is the key ARN CloudWatch Logs needs.
const logsKey = new PublishedKey("platform-logs-key", {
    stackName: platformStack,
    outputName: "logsKey",
});

const orders = new EncryptedLogGroup("orders", {
    logGroupName: "/app/orders",
    retentionInDays: 90,
    kmsKeyArn: logsKey.arn,
});

// A plain aws.cloudwatch.LogGroup works the same way, here on the same key read from the map of
// facts the platform stack also exports.
const fromMap = new PublishedKey("platform-keys-logs", {
    stackName: platformStack,
    outputName: "keys.logs",
});
const payments = new aws.cloudwatch.LogGroup("payments", {
    name: "/app/payments",
    retentionInDays: 90,
    kmsKeyId: fromMap.arn,
});

export const logGroupNames = [orders.name, payments.name];
