/** Bedrock model invocation logging's destination in CloudWatch Logs. */
import { UNKNOWN, readString } from "../../stack/wire";
import { readObject, writes } from "../read";
import { DestinationType, LogDestinations } from "../types";

function invocationLogging(props: unknown): LogDestinations {
    // https://docs.aws.amazon.com/bedrock/latest/userguide/model-invocation-logging.html: "Supported
    // destinations include Amazon CloudWatch Logs and Amazon Simple Storage Service (Amazon S3).
    // Only destinations from the same account and Region are supported." and "Before you can
    // enable invocation logging, you need to set up an Amazon S3 or CloudWatch Logs destination":
    // Bedrock writes to a group that exists (it does not create it). CloudWatch Logs encrypts it
    // with the group's key, so the key needs only what any log group's key needs (logs.<region>).
    // @pulumi/aws bedrockmodel InvocationLoggingConfigurationLoggingConfigCloudwatchConfig:
    // `logGroupName` (required) and `roleArn`.
    const config = readObject(props, "loggingConfig");
    if (config === UNKNOWN) {
        return {
            kind: "unknown",
            property: "loggingConfig",
            reason: "loggingConfig is unknown at preview",
        };
    }
    const cloudwatch = readObject(config, "cloudwatchConfig");
    const name = cloudwatch === UNKNOWN ? UNKNOWN : readString(cloudwatch, "logGroupName");
    if (name === undefined || name === "") {
        return readObject(config, "s3Config") === undefined
            ? {
                  kind: "disabled",
                  property: "loggingConfig.cloudwatchConfig",
                  reason: "loggingConfig names neither a CloudWatch Logs nor an S3 destination",
              }
            : {
                  kind: "elsewhere",
                  property: "loggingConfig.s3Config",
                  reason: "loggingConfig sends the invocation logs to S3 only",
              };
    }
    return writes({
        logs: "model invocation logs",
        group: { by: "name", name },
        property: "loggingConfig.cloudwatchConfig.logGroupName",
        dependencyProperties: ["loggingConfig"],
        serviceDefault: false,
        serviceCreatesGroup: false,
    });
}

/** The row of this service in the destinations table. */
export const BEDROCK: Readonly<Record<string, DestinationType>> = {
    "aws:bedrockmodel/invocationLoggingConfiguration:InvocationLoggingConfiguration": {
        service: "bedrock",
        label: "Bedrock model invocation logging configuration",
        serviceName: "Bedrock",
        fix: "set loggingConfig.cloudwatchConfig.logGroupName to an EncryptedLogGroup's name",
        documentation:
            "https://docs.aws.amazon.com/bedrock/latest/userguide/model-invocation-logging.html",
        destinations: invocationLogging,
    },
};
