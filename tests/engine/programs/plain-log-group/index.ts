// A CloudWatch Logs group with no KMS key: the pack's mandatory log-encryption-key-required must
// refuse it at preview, under the real engine as under the emulation.
import * as aws from "@pulumi/aws";

export const name = new aws.cloudwatch.LogGroup("plain", {
    name: "/engine-tests/plain",
    retentionInDays: 7,
}).name;
