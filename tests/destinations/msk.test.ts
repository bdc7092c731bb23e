/**
 * `policypack/lib/destinations/services/msk.ts`, MSK clusters (broker logs): its reader (props, read through the
 * real unknown-checking proxy, to destinations) and, at the facts level, the declared group without
 * a kmsKeyId refused, the encrypted one passing, and the group's name unknown at preview.
 */
import { unknown } from "../../harness/policyHarness";
import { UNKNOWN_SENTINELS } from "../../policypack/lib/stack/wire";
import {
    factsCases,
    named,
    ReaderCase,
    readerCases,
    U,
    U_OBJECT,
    UNKNOWN,
    writes,
} from "./support";

const U_BOOL = UNKNOWN_SENTINELS[0];

const MSK = "aws:msk/cluster:Cluster";

const CASES: ReaderCase[] = [
    ...[
        { loggingInfo: U_OBJECT },
        { loggingInfo: { brokerLogs: U_OBJECT } },
        { loggingInfo: { brokerLogs: { cloudwatchLogs: U_OBJECT } } },
    ].map((over, i): ReaderCase => [
        `MSK, logging settings unknown (${i})`,
        MSK,
        { clusterName: "k", ...over },
        {
            kind: "unknown",
            property: "loggingInfo.brokerLogs.cloudwatchLogs",
            reason: "loggingInfo.brokerLogs.cloudwatchLogs is unknown at preview",
        },
    ]),
    [
        "MSK, enabled unknown",
        MSK,
        {
            clusterName: "k",
            loggingInfo: {
                brokerLogs: { cloudwatchLogs: { enabled: U_BOOL, logGroup: "/msk/k" } },
            },
        },
        {
            kind: "unknown",
            property: "loggingInfo.brokerLogs.cloudwatchLogs.enabled",
            reason: "loggingInfo.brokerLogs.cloudwatchLogs.enabled is unknown at preview",
        },
    ],
    ...[
        { enabled: true },
        { enabled: true, logGroup: "" },
        { enabled: false, logGroup: "/msk/k" },
    ].map((cloudwatchLogs, i): ReaderCase => [
        `MSK, broker logs not to CloudWatch Logs (${i})`,
        MSK,
        { clusterName: "k", loggingInfo: { brokerLogs: { cloudwatchLogs } } },
        {
            kind: "disabled",
            property: "loggingInfo.brokerLogs.cloudwatchLogs",
            reason: "broker logs are not sent to CloudWatch Logs",
        },
    ]),
    // MSK.
    [
        "MSK, broker logs",
        MSK,
        {
            loggingInfo: {
                brokerLogs: { cloudwatchLogs: { enabled: true, logGroup: "/msk/brokers" } },
            },
        },
        writes(
            named("broker logs", "/msk/brokers", "loggingInfo.brokerLogs.cloudwatchLogs.logGroup"),
        ),
    ],
    [
        "MSK, broker logs disabled",
        MSK,
        {
            loggingInfo: {
                brokerLogs: { cloudwatchLogs: { enabled: false, logGroup: "/msk/brokers" } },
            },
        },
        {
            kind: "disabled",
            property: "loggingInfo.brokerLogs.cloudwatchLogs",
            reason: "broker logs are not sent to CloudWatch Logs",
        },
    ],
    [
        "MSK, group unknown",
        MSK,
        { loggingInfo: { brokerLogs: { cloudwatchLogs: { enabled: true, logGroup: U } } } },
        writes(named("broker logs", UNKNOWN, "loggingInfo.brokerLogs.cloudwatchLogs.logGroup")),
    ],
];

describe("destinations/services/msk.ts: MSK clusters (broker logs)", () => {
    describe("reader: props to destinations", () => {
        readerCases(CASES);
    });

    describe("facts: writer and declared group to match and finding", () => {
        factsCases({
            type: MSK,
            group: "/app/brokers",
            writes: {
                loggingInfo: {
                    brokerLogs: { cloudwatchLogs: { enabled: true, logGroup: "/app/brokers" } },
                },
            },
            unknown: {
                loggingInfo: {
                    brokerLogs: { cloudwatchLogs: { enabled: true, logGroup: unknown() } },
                },
            },
            unknownMatch: ["unresolved"],
        });
    });
});
