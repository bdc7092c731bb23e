// Re-keying (AWS's "convert an encrypted log group" steps, as code). The group moves to a new key
// scoped to it; five minutes later (a key association takes up to five minutes to take effect)
// the key it used before keeps only kms:Decrypt for CloudWatch Logs, so events
// written under it stay readable for their whole retention. The old key is never disabled or
// deleted, and its reduced policy stays if you later drop previousKmsKeyArns.
//   pulumi config set previousKeyArn arn:aws:kms:us-east-1:111122223333:key/...
// When the previous key was this group's own key (created by EncryptedLogGroup before), it was
// retained when it left the stack; pass its ARN here.
import * as pulumi from "@pulumi/pulumi";
import { EncryptedLogGroup, LogsKey } from "pulumi-aws-encrypted-logs";

const config = new pulumi.Config();
const logGroupName = config.get("logGroupName") ?? "/app/orders";

const newKey = new LogsKey("orders-key-2026", {
    logGroupNames: [logGroupName],
    alias: "alias/logs/orders-2026",
});

const orders = new EncryptedLogGroup("orders", {
    logGroupName,
    kmsKeyArn: newKey.arn,
    previousKmsKeyArns: [config.require("previousKeyArn")],
});

export const currentKeyArn = orders.kmsKeyArn;
export const previousKeyPolicyIds = orders.previousKeyPolicies.map((p) => p.id);
