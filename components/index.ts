/**
 * pulumi-aws-encrypted-logs: CloudWatch Logs log groups, anomaly detectors and CloudTrail trails
 * encrypted with customer-managed KMS keys whose policies work on the first `pulumi up`.
 *
 * This module only re-exports.
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
export {
    LOG_GROUP_FACTS_KIND,
    PublishedLogGroupFacts,
    checkLogGroupFacts,
    claimsLogGroupFacts,
} from "../aws/logGroupFactsContract";
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
export {
    AwsLocation,
    COMPONENT_NEEDS_KEY_ARN,
    KmsKeyArn,
    LOGS_NEEDS_KEY_ARN,
    parseKmsKeyArn,
} from "../aws/arn";
export { KeyFactsOptions, keyFacts } from "./common/keyFacts";
export {
    KEY_FACTS_FIELDS,
    KEY_FACTS_KIND,
    KEY_FACTS_KIND_PREFIX,
    KeyFactsCheck,
    PublishedKeyFacts,
    checkKeyFacts,
    claimsKeyFacts,
} from "../aws/keyFactsContract";
export {
    ANOMALY_DETECTOR_ACTIONS,
    ANOMALY_DETECTOR_CRYPTO_ACTIONS,
    CLOUDTRAIL_CONTEXT_KEY,
    LOGS_CONTEXT_KEY,
    LOGS_CRYPTO_CONTEXT_KEY,
    LOG_GROUP_KEY_ACTIONS,
    ServiceLocation,
    VIA_SERVICE_ACTIONS,
    VIA_SERVICE_CONTEXT_KEY,
    VIA_SERVICE_SUFFIX,
    cloudTrailServicePrincipal,
    logsServicePrincipal,
    viaServiceName,
} from "../aws/services";
export { InputError } from "../aws/errors";
export {
    PolicyDocument,
    PolicyStatement,
    PolicyPrincipal,
    PolicyCondition,
} from "../aws/policyDocument";
export { RETENTION_DAYS } from "./common/validation";
