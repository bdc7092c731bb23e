// A multi-Region trail encrypted with its own CloudTrailKey (scoped to this trail by
// aws:SourceArn), writing to a bucket that only CloudTrail can write to and only over TLS, and
// delivering to an encrypted CloudWatch Logs log group. The readers listed in configuration may
// decrypt the log files; nobody else can, whatever their S3 permissions.
import * as pulumi from "@pulumi/pulumi";
import { EncryptedTrail } from "pulumi-aws-encrypted-logs";

const config = new pulumi.Config();

const trail = new EncryptedTrail("audit", {
    trailName: config.get("trailName") ?? "org-audit",
    // Bucket names are global; leave it unset to let Pulumi generate a unique one.
    bucketName: config.get("bucketName"),
    s3KeyPrefix: "cloudtrail",
    // e.g. `pulumi config set --path 'readers[0]' arn:aws:iam::111122223333:role/auditor`
    decryptPrincipalArns: config.getObject<string[]>("readers") ?? [],
    cloudWatchLogs: true,
    cloudWatchLogsRetentionInDays: 90,
    tags: { example: "cloudtrail" },
});

export const trailArn = trail.arn;
export const bucketName = trail.bucket.bucket;
export const kmsKeyArn = trail.kmsKeyArn;
export const logGroupName = trail.logGroup?.name;
