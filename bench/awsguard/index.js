// @pulumi/awsguard, every policy mandatory: the AWS best-practice pack Pulumi published. It has no
// policy for CloudWatch Logs or CloudTrail encryption; the benchmark counts what it finds anyway.
const { AwsGuard } = require("@pulumi/awsguard");

new AwsGuard({ all: "mandatory" });
