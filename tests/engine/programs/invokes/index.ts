// The invokes the offline provider answers, exported so a test can read what `up` got; with
// config `unanswered: true` it also calls one it does not answer.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

const config = new pulumi.Config();
export const partition = aws.getPartitionOutput();
export const region = aws.getRegionOutput();
export const caller = aws.getCallerIdentityOutput();
export const zones = aws.getAvailabilityZonesOutput();
export const organization = aws.organizations.getOrganizationOutput();
export const vpc = aws.ec2.getVpcOutput({ default: true });
export const subnets = aws.ec2.getSubnetsOutput({
    filters: [{ name: "vpc-id", values: [vpc.id] }],
});
export const document = aws.iam.getPolicyDocumentOutput({
    statements: [
        {
            sid: "Logs",
            actions: ["kms:Encrypt*", "kms:Decrypt*", "kms:Decrypt*"],
            resources: ["*"],
            principals: [{ type: "Service", identifiers: ["logs.us-east-1.amazonaws.com"] }],
            conditions: [
                {
                    test: "ArnLike",
                    variable: "kms:EncryptionContext:aws:logs:arn",
                    values: [
                        "arn:aws:logs:us-east-1:123456789012:log-group:/a",
                        "arn:aws:logs:us-east-1:123456789012:log-group:/b",
                    ],
                },
            ],
        },
        {
            effect: "Deny",
            notActions: ["s3:GetObject"],
            notResources: ["arn:aws:s3:::b/*"],
            principals: [{ type: "*", identifiers: ["*"] }],
        },
    ],
}).json;
// Reads of resources this stack does not manage (`.get(name, id)`): described from the id.
export const existingGroupArn = aws.cloudwatch.LogGroup.get("existing", "/existing/group").arn;
export const existingKeyId = aws.kms.Key.get(
    "existing",
    "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
).keyId;
if (config.getBoolean("unanswered") === true) {
    aws.ec2.getVpcOutput({ id: "vpc-0123456789abcdef0" });
}
