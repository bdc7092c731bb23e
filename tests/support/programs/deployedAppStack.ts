// The application stack whose deployed state tests/fixtures/state/app-stack.json holds (written by
// `node bin/scripts/writeStateFixture.js`): its own LogsKey (with an alias) and a group on it, an
// EncryptedTrail with its CloudTrailKey and bucket, two groups on the platform's key taken through a
// StackReference that publishes the key's facts, and a legacy group on a hand-made key whose
// rotation is off (the one the pack must refuse).
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { EncryptedLogGroup, EncryptedTrail, LogsKey, PublishedKeyFacts } from "../../../components";

const own = new LogsKey("app-logs", { logGroupNames: ["/app/api"], alias: "alias/app/logs" });
new EncryptedLogGroup("api", { logGroupName: "/app/api", retentionInDays: 90, kmsKeyArn: own.arn });

new EncryptedTrail("audit", { trailName: "app-audit" });

const platform = new pulumi.StackReference("acme/platform-keys/prod");
const logsKey = platform.requireOutput("logsKey") as pulumi.Output<PublishedKeyFacts>;
new EncryptedLogGroup("orders", {
    logGroupName: "/app/orders",
    retentionInDays: 90,
    kmsKeyArn: logsKey.arn,
});
const keys = platform.requireOutput("keys") as pulumi.Output<{ logs: PublishedKeyFacts }>;
new aws.cloudwatch.LogGroup("payments", {
    name: "/app/payments",
    retentionInDays: 90,
    kmsKeyId: keys.logs.arn,
});

const legacyKey = new aws.kms.Key("legacy-key", {
    description: "hand-made key, rotation off",
    enableKeyRotation: false,
    policy: own.policy.apply((p) => {
        // The app key's statements, for this group's name.
        return p.replace(/\/app\/api/g, "/app/legacy");
    }),
});
new aws.cloudwatch.LogGroup("legacy", {
    name: "/app/legacy",
    retentionInDays: 90,
    kmsKeyId: legacyKey.arn,
});
