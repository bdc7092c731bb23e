// A CloudWatch Logs group with no KMS key: the pack's mandatory log-encryption-key-required must
// refuse it at preview, under the real engine as under the emulation. Config `name` and
// `retentionInDays` change it, to see which changes replace it.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

const config = new pulumi.Config();
export const name = new aws.cloudwatch.LogGroup("plain", {
    name: config.get("name") ?? "/engine-tests/plain",
    retentionInDays: config.getNumber("retentionInDays") ?? 7,
}).name;
