// A deliberately broken stack for `npm run demo`: each log group breaks one rule the policy pack
// enforces, the way real programs do. Previewed offline; never deploy it.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { LogsKey, logGroupKeyPolicy } from "pulumi-aws-encrypted-logs";

// An RSA key with a correct logs key policy: CloudWatch Logs still only uses symmetric keys. Its
// ARN is unknown at preview, so only following the log group's property dependency to this key
// can tell.
const rsa = new aws.kms.Key("rsa-key", {
    customerMasterKeySpec: "RSA_2048",
    keyUsage: "ENCRYPT_DECRYPT",
    description: "asymmetric: unusable for logs",
    policy: pulumi
        .all([aws.getPartitionOutput(), aws.getRegionOutput(), aws.getCallerIdentityOutput()])
        .apply(([p, r, id]) =>
            JSON.stringify(
                logGroupKeyPolicy({
                    partition: p.partition,
                    dnsSuffix: p.dnsSuffix,
                    region: r.region,
                    accountId: id.accountId,
                    logGroupNames: ["/broken/asymmetric"],
                }),
            ),
        ),
});
new aws.cloudwatch.LogGroup("asymmetric", { name: "/broken/asymmetric", kmsKeyId: rsa.arn });

// A well-formed logs key, but created through a provider in another region.
const eu = new aws.Provider("eu", { region: "eu-west-1" });
const euKey = new LogsKey("eu-key", { logGroupNames: ["/broken/wrong-region"] }, { provider: eu });
new aws.cloudwatch.LogGroup("wrong-region", { name: "/broken/wrong-region", kmsKeyId: euKey.arn });

// No key at all: encrypted with an AWS-owned key.
new aws.cloudwatch.LogGroup("no-key", { name: "/broken/no-key" });

// A symmetric key with KMS's default policy: CloudWatch Logs is not allowed to use it, and it
// does not rotate.
const plain = new aws.kms.Key("plain-key", { description: "default key policy" });
new aws.cloudwatch.LogGroup("default-policy", {
    name: "/broken/default-policy",
    kmsKeyId: plain.arn,
});
