// Quick start: what `pulumi up` at the repository root deploys (and what `npm run demo` previews
// offline). One log group with a key scoped to exactly that group, an anomaly detector on it with
// its own key, and a multi-Region CloudTrail trail encrypted with a third key scoped to that trail.
// Every key is retained if the stack is destroyed: deleting a key makes everything it encrypted
// unreadable.
import * as pulumi from "@pulumi/pulumi";
import {
    EncryptedAnomalyDetector,
    EncryptedLogGroup,
    EncryptedTrail,
} from "pulumi-aws-encrypted-logs";

const config = new pulumi.Config();

const app = new EncryptedLogGroup("app", {
    logGroupName: config.get("logGroupName") ?? "/encrypted-logs/app",
    retentionInDays: config.getNumber("retentionInDays") ?? 90,
    tags: { example: "complete" },
});

const anomalies = new EncryptedAnomalyDetector("app-anomalies", {
    logGroupArn: app.arn,
    evaluationFrequency: "FIFTEEN_MIN",
    tags: { example: "complete" },
});

const trail = new EncryptedTrail("audit", {
    decryptPrincipalArns: config.getObject<string[]>("trailReaders"),
    tags: { example: "complete" },
});

export const logGroupName = app.name;
export const logGroupKeyArn = app.kmsKeyArn;
export const detectorArn = anomalies.arn;
export const detectorKeyArn = anomalies.kmsKeyArn;
export const trailArn = trail.arn;
export const trailBucket = trail.bucket.bucket;
export const trailKeyArn = trail.kmsKeyArn;
