/**
 * `policypack/lib/destinations/services/bedrock.ts`, Bedrock model invocation logging: its reader (props, read through the
 * real unknown-checking proxy, to destinations) and, at the facts level, the declared group without
 * a kmsKeyId refused, the encrypted one passing, and the group's name unknown at preview.
 */
import { unknown } from "../../harness/policyHarness";
import {
    factsCases,
    named,
    ReaderCase,
    readerCases,
    ROLE,
    U,
    U_OBJECT,
    UNKNOWN,
    writes,
} from "./support";

const BEDROCK = "aws:bedrockmodel/invocationLoggingConfiguration:InvocationLoggingConfiguration";

const CASES: ReaderCase[] = [
    // Bedrock model invocation logging: a group it does not create.
    [
        "Bedrock, cloudwatchConfig.logGroupName",
        BEDROCK,
        { loggingConfig: { cloudwatchConfig: { logGroupName: "/app/bedrock", roleArn: ROLE } } },
        writes(
            named(
                "model invocation logs",
                "/app/bedrock",
                "loggingConfig.cloudwatchConfig.logGroupName",
                {
                    dependencyProperties: ["loggingConfig"],
                },
            ),
        ),
    ],
    [
        "Bedrock, logGroupName unknown",
        BEDROCK,
        { loggingConfig: { cloudwatchConfig: { logGroupName: U, roleArn: ROLE } } },
        writes(
            named("model invocation logs", UNKNOWN, "loggingConfig.cloudwatchConfig.logGroupName", {
                dependencyProperties: ["loggingConfig"],
            }),
        ),
    ],
    [
        "Bedrock, S3 only",
        BEDROCK,
        { loggingConfig: { s3Config: { bucketName: "logs" } } },
        {
            kind: "elsewhere",
            property: "loggingConfig.s3Config",
            reason: "loggingConfig sends the invocation logs to S3 only",
        },
    ],
    [
        "Bedrock, no destination",
        BEDROCK,
        { loggingConfig: { textDataDeliveryEnabled: true } },
        {
            kind: "disabled",
            property: "loggingConfig.cloudwatchConfig",
            reason: "loggingConfig names neither a CloudWatch Logs nor an S3 destination",
        },
    ],
    [
        "Bedrock, loggingConfig unknown",
        BEDROCK,
        { loggingConfig: U_OBJECT },
        {
            kind: "unknown",
            property: "loggingConfig",
            reason: "loggingConfig is unknown at preview",
        },
    ],
];

describe("destinations/services/bedrock.ts: Bedrock model invocation logging", () => {
    describe("reader: props to destinations", () => {
        readerCases(CASES);
    });

    describe("facts: writer and declared group to match and finding", () => {
        factsCases({
            type: BEDROCK,
            group: "/app/bedrock",
            writes: {
                loggingConfig: {
                    cloudwatchConfig: { logGroupName: "/app/bedrock", roleArn: ROLE },
                    textDataDeliveryEnabled: true,
                },
            },
            unknown: {
                loggingConfig: {
                    cloudwatchConfig: { logGroupName: unknown(), roleArn: ROLE },
                    textDataDeliveryEnabled: true,
                },
            },
            unknownMatch: ["unresolved"],
        });
    });
});
