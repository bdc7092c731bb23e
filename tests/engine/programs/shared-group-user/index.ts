// An application stack whose flow logs go to groups it does not declare: one read from the
// platform stack's published facts (PublishedLogGroup: judged at preview), one read with
// LogGroup.get (not sent to policy packs: "cannot verify yet").
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { PublishedLogGroup } from "pulumi-aws-encrypted-logs";

const platformStack = new pulumi.Config().require("platformStack");
const shared = new PublishedLogGroup("platform-shared", {
    stackName: platformStack,
    outputName: "sharedGroup",
});
new aws.ec2.FlowLog("published", {
    vpcId: "vpc-0123456789abcdef0",
    trafficType: "ALL",
    logDestination: shared.arn,
});
const read = aws.cloudwatch.LogGroup.get("read", "/platform/read");
new aws.ec2.FlowLog("read", {
    vpcId: "vpc-0123456789abcdef0",
    trafficType: "ALL",
    logDestination: read.arn,
});
