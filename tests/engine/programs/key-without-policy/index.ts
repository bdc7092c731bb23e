// A KMS key created without `policy` or `multiRegion`, and a log group encrypted with it: both are
// optional and computed in the aws provider's schema, so a real preview has them unknown.
import * as aws from "@pulumi/aws";

const key = new aws.kms.Key("bare", { description: "no policy given" });
new aws.cloudwatch.LogGroup("bare", { name: "/engine-tests/bare", kmsKeyId: key.arn });
export const keyArn = key.arn;
