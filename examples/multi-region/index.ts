// Log groups in two regions of one stack. The service principal must be in the key's region, so
// each region gets its own keys: the components read partition, region and account from the
// provider they are given.
import * as aws from "@pulumi/aws";
import { EncryptedLogGroup } from "pulumi-aws-encrypted-logs";

const regions = ["us-east-1", "eu-west-1"];

const groups = regions.map((region) => {
    const provider = new aws.Provider(region, { region: region as aws.Region });
    return new EncryptedLogGroup(
        `api-${region}`,
        { logGroupName: "/app/api", retentionInDays: 90 },
        { provider },
    );
});

export const keyArns = groups.map((g) => g.kmsKeyArn);
export const logGroupArns = groups.map((g) => g.arn);
