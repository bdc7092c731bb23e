/**
 * `policypack/lib/destinations/services/networkFirewall.ts`, Network Firewall logging configurations: its reader (props, read through the
 * real unknown-checking proxy, to destinations) and, at the facts level, the declared group without
 * a kmsKeyId refused, the encrypted one passing, and the group's name unknown at preview.
 */
import { unknown } from "../../harness/policyHarness";
import { factsCases, named, ReaderCase, readerCases, U, UNKNOWN, writes } from "./support";

const FIREWALL = "aws:networkfirewall/loggingConfiguration:LoggingConfiguration";

const firewallLogging = (group: unknown) => ({
    firewallArn: "arn:aws:network-firewall:us-east-1:111122223333:firewall/fw",
    loggingConfiguration: {
        logDestinationConfigs: [
            {
                logDestinationType: "CloudWatchLogs",
                logType: "FLOW",
                logDestination: { logGroup: group },
            },
        ],
    },
});

const CASES: ReaderCase[] = [
    // Network Firewall: one destination per log type; only the CloudWatchLogs ones count.
    [
        "Network Firewall, flow logs to a group and alerts to S3",
        FIREWALL,
        {
            firewallArn: "arn:aws:network-firewall:eu-west-1:111122223333:firewall/fw",
            loggingConfiguration: {
                logDestinationConfigs: [
                    {
                        logDestinationType: "S3",
                        logType: "ALERT",
                        logDestination: { bucketName: "b" },
                    },
                    {
                        logDestinationType: "CloudWatchLogs",
                        logType: "FLOW",
                        logDestination: { logGroup: "/app/firewall" },
                    },
                ],
            },
        },
        writes(
            named(
                "flow logs",
                "/app/firewall",
                "loggingConfiguration.logDestinationConfigs[1].logDestination.logGroup",
            ),
        ),
    ],
    [
        "Network Firewall, group name unknown",
        FIREWALL,
        {
            loggingConfiguration: {
                logDestinationConfigs: [
                    {
                        logDestinationType: "CloudWatchLogs",
                        logType: "ALERT",
                        logDestination: { logGroup: U },
                    },
                ],
            },
        },
        writes(
            named(
                "alert logs",
                UNKNOWN,
                "loggingConfiguration.logDestinationConfigs[0].logDestination.logGroup",
            ),
        ),
    ],
    [
        "Network Firewall, Firehose only",
        FIREWALL,
        {
            loggingConfiguration: {
                logDestinationConfigs: [
                    {
                        logDestinationType: "KinesisDataFirehose",
                        logType: "FLOW",
                        logDestination: { deliveryStream: "s" },
                    },
                ],
            },
        },
        {
            kind: "elsewhere",
            property: "loggingConfiguration.logDestinationConfigs",
            reason: 'no entry of loggingConfiguration.logDestinationConfigs has logDestinationType "CloudWatchLogs"',
        },
    ],
    [
        "Network Firewall, no destinations",
        FIREWALL,
        { loggingConfiguration: { logDestinationConfigs: [] } },
        {
            kind: "disabled",
            property: "loggingConfiguration.logDestinationConfigs",
            reason: "loggingConfiguration.logDestinationConfigs is empty: no logs",
        },
    ],
];

describe("destinations/services/networkFirewall.ts: Network Firewall logging configurations", () => {
    describe("reader: props to destinations", () => {
        readerCases(CASES);
    });

    describe("facts: writer and declared group to match and finding", () => {
        factsCases({
            type: FIREWALL,
            group: "/app/firewall",
            writes: firewallLogging("/app/firewall"),
            unknown: firewallLogging(unknown()),
            unknownMatch: ["unresolved"],
        });
    });
});
