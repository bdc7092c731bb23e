// Bring your own key: encrypt a log group with a key created elsewhere (another stack, a security
// team's account baseline). Its ARN comes from config:
//   pulumi config set kmsKeyArn arn:aws:kms:us-east-1:111122223333:key/...
// The key must be a symmetric key in this stack's region whose policy lets CloudWatch Logs use it
// for this group (e.g. a LogsKey with accountWide: true, or the policy logGroupKeyPolicy writes).
import * as pulumi from "@pulumi/pulumi";
import { EncryptedLogGroup } from "pulumi-aws-encrypted-logs";

const config = new pulumi.Config();

const audit = new EncryptedLogGroup("audit", {
    logGroupName: config.get("logGroupName") ?? "/security/audit",
    retentionInDays: 3653,
    kmsKeyArn: config.require("kmsKeyArn"),
});

export const logGroupName = audit.name;
export const kmsKeyArn = audit.kmsKeyArn;
