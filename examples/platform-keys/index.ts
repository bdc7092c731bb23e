// The platform stack: it owns this account's log keys (one LogsKey for every log group and
// anomaly detector of the account and region, one CloudTrailKey for the organisation trail) and
// publishes each key's facts, so that the policy pack judges the keys in every application stack
// that takes them through a StackReference (see examples/app-on-platform-keys). The facts are
// { kind: "pulumi-aws-encrypted-logs/key-facts@1", arn, region, keySpec, keyUsage, multiRegion,
// enableKeyRotation, policy }: the names are a contract, so export them as they are.
import { CloudTrailKey, LogsKey } from "pulumi-aws-encrypted-logs";

const logs = new LogsKey("platform-logs", {
    accountWide: true,
    anomalyDetectors: true,
    alias: "alias/platform/logs",
    description: "Platform key for this account's CloudWatch Logs log groups and detectors",
});

const trail = new CloudTrailKey("platform-trail", {
    alias: "alias/platform/cloudtrail",
    description: "Platform key for the organisation trail",
});

// One output per key, as the README shows (`export const logsKey = key.facts;`)...
export const logsKey = logs.facts;
export const cloudTrailKey = trail.facts;
// ...or a map of them: the pack finds facts at any depth of a stack's outputs.
export const keys = { logs: logs.facts, cloudtrail: trail.facts };
// The ARNs alone, for tools that only need them.
export const logsKeyArn = logs.arn;
export const cloudTrailKeyArn = trail.arn;
