/**
 * pulumi-aws-encrypted-logs: CloudWatch Logs log groups, anomaly detectors and CloudTrail trails
 * encrypted with customer-managed KMS keys whose policies work on the first `pulumi up`.
 *
 * This module only re-exports, and only what a program needs: the components with their
 * arguments and enums, the pure key-policy builders (with their argument and document types), the
 * service log-group names, and the key and log-group facts that stacks publish to each other.
 * Everything else (validation, messages, the AWS vocabulary of `aws/`) is internal: import it by
 * its module path in this repository's own tests and tools.
 * @packageDocumentation
 */
export { LogsKey, LogsKeyArgs } from "./logs/logsKey";
export { EncryptedLogGroup, EncryptedLogGroupArgs } from "./logs/encryptedLogGroup";
export {
    EncryptedAnomalyDetector,
    EncryptedAnomalyDetectorArgs,
} from "./logs/encryptedAnomalyDetector";
export { EvaluationFrequency, LogGroupClass } from "./logs/enums";
export {
    AnomalyDetectorKeyPolicyArgs,
    DecryptOnlyKeyPolicyArgs,
    LogGroupKeyPolicyArgs,
    LogsKeyPolicyArgs,
    anomalyDetectorKeyPolicy,
    decryptOnlyKeyPolicy,
    logGroupKeyPolicy,
    logsKeyPolicy,
} from "./logs/policies";
export {
    LambdaLogGroupArgs,
    encryptLambdaLogGroups,
    lambdaLogGroupTransform,
} from "./logs/lambdaLogGroups";
export {
    apiGatewayExecutionLogGroupName,
    codeBuildLogGroupName,
    eksClusterLogGroupName,
    lambdaLogGroupName,
    rdsClusterLogGroupName,
    rdsInstanceLogGroupName,
} from "../aws/serviceLogGroups";
export { PublishedKey, PublishedKeyArgs } from "./common/publishedKey";
export {
    LogGroupLike,
    PublishedLogGroup,
    PublishedLogGroupArgs,
    logGroupFacts,
} from "./common/publishedLogGroup";
export { PublishedLogGroupFacts } from "../aws/logGroupFactsContract";
export { CloudTrailKey, CloudTrailKeyArgs } from "./cloudtrail/cloudTrailKey";
export { EncryptedTrail, EncryptedTrailArgs } from "./cloudtrail/encryptedTrail";
export {
    EncryptedEventDataStore,
    EncryptedEventDataStoreArgs,
} from "./cloudtrail/encryptedEventDataStore";
export {
    EVENT_DATA_STORE_DESCRIBE_ACTIONS,
    EVENT_DATA_STORE_SERVICE_ACTIONS,
    EVENT_DATA_STORE_UNSUPPORTED_CONDITION_KEYS,
    EVENT_DATA_STORE_USER_ACTIONS,
    EventDataStoreKeyPolicyArgs,
    eventDataStoreKeyPolicy,
} from "./cloudtrail/eventDataStorePolicies";
export {
    TrailAdvancedEventSelector,
    TrailDataResource,
    TrailEventSelector,
    TrailFieldSelector,
    TrailInsightSelector,
    TrailLogFileTransition,
} from "./cloudtrail/trailOptions";
export {
    CloudTrailBucketPolicyArgs,
    CloudTrailKeyPolicyArgs,
    IdentityPolicyDocument,
    IdentityStatement,
    TrustPolicyDocument,
    TrustStatement,
    cloudTrailBucketPolicy,
    cloudTrailKeyPolicy,
    cloudTrailLogsRolePolicy,
    cloudTrailLogsRoleTrustPolicy,
    trailArn,
} from "./cloudtrail/policies";
export { KeyFactsOptions, keyFacts } from "./common/keyFacts";
export {
    KEY_FACTS_FIELDS,
    KEY_FACTS_KIND,
    KeyFactsCheck,
    PublishedKeyFacts,
    checkKeyFacts,
} from "../aws/keyFactsContract";
export {
    PolicyDocument,
    PolicyStatement,
    PolicyPrincipal,
    PolicyCondition,
} from "../aws/policyDocument";
