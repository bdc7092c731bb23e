// A platform stack that owns a log group other stacks write to, and publishes its facts (with its
// key's) for their PublishedLogGroup.
import { EncryptedLogGroup, LogsKey, logGroupFacts } from "pulumi-aws-encrypted-logs";

const key = new LogsKey("platform-logs", { accountWide: true });
const shared = new EncryptedLogGroup("shared", {
    logGroupName: "/platform/shared",
    retentionInDays: 90,
    kmsKeyArn: key.arn,
});
export const sharedGroup = logGroupFacts(shared, key.facts);
