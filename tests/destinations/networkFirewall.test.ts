/**
 * `policypack/lib/destinations/services/networkFirewall.ts`, Network Firewall logging configurations: its reader (props, read through the
 * real unknown-checking proxy, to destinations) and, at the facts level, the declared group without
 * a kmsKeyId refused, the encrypted one passing, and the group's name unknown at preview.
 */
import { unknown } from "../../harness/policyHarness";
import {
    factsCases,
    named,
    ReaderCase,
    readerCases,
    U,
    U_LIST,
    U_OBJECT,
    UNKNOWN,
    writes,
} from "./support";

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

const PROPERTY = "loggingConfiguration.logDestinationConfigs";

const ALERTS_TO_S3 = {
    logDestinationType: "S3",
    logType: "ALERT",
    logDestination: { bucketName: "b" },
};

const CASES: ReaderCase[] = [
    ...[
        { loggingConfiguration: U_OBJECT },
        { loggingConfiguration: { logDestinationConfigs: U_LIST } },
    ].map((props, i): ReaderCase => [
        `Network Firewall, destinations unknown (${i})`,
        FIREWALL,
        props,
        { kind: "unknown", property: PROPERTY, reason: `${PROPERTY} is unknown at preview` },
    ]),
    ...[{}, { loggingConfiguration: {} }].map((props, i): ReaderCase => [
        `Network Firewall, no destination list (${i})`,
        FIREWALL,
        props,
        { kind: "disabled", property: PROPERTY, reason: `${PROPERTY} is empty: no logs` },
    ]),
    [
        "Network Firewall, a destination type unknown after an S3 one",
        FIREWALL,
        {
            loggingConfiguration: {
                logDestinationConfigs: [
                    ALERTS_TO_S3,
                    {
                        logDestinationType: U,
                        logType: "FLOW",
                        logDestination: { logGroup: "/app/firewall" },
                    },
                ],
            },
        },
        {
            kind: "unknown",
            property: `${PROPERTY}[1].logDestinationType`,
            reason: `${PROPERTY}[1].logDestinationType is unknown at preview`,
        },
    ],
    [
        "Network Firewall, entries without logType, and TLS logs",
        FIREWALL,
        {
            loggingConfiguration: {
                logDestinationConfigs: [
                    {
                        logDestinationType: "CloudWatchLogs",
                        logDestination: { logGroup: "/app/fw" },
                    },
                    {
                        logDestinationType: "CloudWatchLogs",
                        logType: "TLS",
                        logDestination: { logGroup: "/app/tls" },
                    },
                ],
            },
        },
        writes(
            named("firewall logs", "/app/fw", `${PROPERTY}[0].logDestination.logGroup`),
            named("tls logs", "/app/tls", `${PROPERTY}[1].logDestination.logGroup`),
        ),
    ],
    // A CloudWatchLogs entry whose group is not given cannot be read yet: unknown, never "".
    ...[
        {},
        { logDestination: {} },
        { logDestination: { logGroup: "" } },
        { logDestination: U_OBJECT },
    ].map((over, i): ReaderCase => [
        `Network Firewall, a CloudWatchLogs entry naming no group (${i})`,
        FIREWALL,
        {
            loggingConfiguration: {
                logDestinationConfigs: [
                    { logDestinationType: "CloudWatchLogs", logType: "ALERT", ...over },
                ],
            },
        },
        writes(named("alert logs", UNKNOWN, `${PROPERTY}[0].logDestination.logGroup`)),
    ]),
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
