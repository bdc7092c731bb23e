// A deliberately wrong program for the pack: an EncryptedTrail given a LogsKey's ARN, whose policy
// lets CloudWatch Logs use the key but not CloudTrail. The pack must catch it at preview.
import { EncryptedTrail, LogsKey } from "../../../components";

const key = new LogsKey("logs-only", { accountWide: true });
new EncryptedTrail("audit", { kmsKeyArn: key.arn });
