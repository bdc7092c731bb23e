// Many log groups on one account-wide key: one KMS key per account and region instead of one per
// group. The key policy lets CloudWatch Logs use it for any log group of this account and region
// (ArnLike arn:<partition>:logs:<region>:<account>:*), and nothing else.
import { EncryptedLogGroup, LogsKey } from "pulumi-aws-encrypted-logs";

const shared = new LogsKey("logs-shared", {
    accountWide: true,
    alias: "alias/logs/shared",
    description: "Shared key for this account's CloudWatch Logs log groups",
});

const services = ["orders", "payments", "shipping"];
const groups = services.map(
    (service) =>
        new EncryptedLogGroup(service, {
            logGroupName: `/services/${service}`,
            retentionInDays: 30,
            kmsKeyArn: shared.arn,
        }),
);

export const sharedKeyArn = shared.arn;
export const logGroupNames = groups.map((g) => g.name);
