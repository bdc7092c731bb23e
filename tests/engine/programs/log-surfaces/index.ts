// Two of the 2025-2026 log surfaces under the real engine: Bedrock model invocation logging into a
// log group, and an organisation centralization rule. Config `encrypted: false` (the default):
// the invocation logs go to a group the stack does not declare and the rule keeps AWS-owned keys,
// both refused; `encrypted: true`: an EncryptedLogGroup and a CUSTOMER_MANAGED rule on an
// account-wide LogsKey for every new destination group, both accepted.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { EncryptedLogGroup, LogsKey } from "../../../../components";

const encrypted = new pulumi.Config().getBoolean("encrypted") ?? false;
const account = aws.getCallerIdentityOutput().accountId;

const group = encrypted
    ? new EncryptedLogGroup("invocations", {
          logGroupName: "/engine-tests/bedrock",
          retentionInDays: 30,
      })
    : undefined;
new aws.bedrockmodel.InvocationLoggingConfiguration("invocations", {
    loggingConfig: {
        cloudwatchConfig: {
            logGroupName: group?.name ?? "/engine-tests/bedrock",
            roleArn: pulumi.interpolate`arn:aws:iam::${account}:role/bedrock-logs`,
        },
        textDataDeliveryEnabled: true,
    },
});

const key = encrypted ? new LogsKey("central", { accountWide: true }) : undefined;
new aws.observabilityadmin.CentralizationRuleForOrganization("org", {
    ruleName: "org",
    rule: {
        source: {
            regions: ["us-east-1"],
            scope: "OrganizationId = 'o-example123456'",
            sourceLogsConfiguration: {
                encryptedLogGroupStrategy: "ALLOW",
                logGroupSelectionCriteria: "*",
            },
        },
        destination: {
            account,
            region: "us-east-1",
            destinationLogsConfiguration: {
                logsEncryptionConfiguration:
                    key === undefined
                        ? { encryptionStrategy: "AWS_OWNED" }
                        : {
                              encryptionStrategy: "CUSTOMER_MANAGED",
                              encryptionScope: "NEW_DESTINATION_LOG_GROUPS",
                              kmsKeyArn: key.arn,
                          },
            },
        },
    },
});
