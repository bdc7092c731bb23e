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
export { CloudTrailKey, CloudTrailKeyArgs } from "./cloudtrail/cloudTrailKey";
export { EncryptedTrail, EncryptedTrailArgs } from "./cloudtrail/encryptedTrail";
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
export { AwsLocation, KmsKeyArn, parseKmsKeyArn } from "./common/arn";
export {
    ANOMALY_DETECTOR_ACTIONS,
    ANOMALY_DETECTOR_CRYPTO_ACTIONS,
    CLOUDTRAIL_CONTEXT_KEY,
    LOGS_CONTEXT_KEY,
    LOGS_CRYPTO_CONTEXT_KEY,
    LOG_GROUP_KEY_ACTIONS,
    ServiceLocation,
    VIA_SERVICE_ACTIONS,
    cloudTrailServicePrincipal,
    logsServicePrincipal,
} from "./common/services";
export { InputError } from "./common/errors";
export {
    PolicyDocument,
    PolicyStatement,
    PolicyPrincipal,
    PolicyCondition,
} from "./common/policyDocument";
export { RETENTION_DAYS } from "./common/validation";
