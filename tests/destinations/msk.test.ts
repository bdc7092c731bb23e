/**
 * `policypack/lib/destinations/services/msk.ts`, MSK clusters (broker logs): its reader (props, read through the
 * real unknown-checking proxy, to destinations) and, at the facts level, the declared group without
 * a kmsKeyId refused, the encrypted one passing, and the group's name unknown at preview.
 */
import { unknown } from "../../harness/policyHarness";
import { factsCases, named, ReaderCase, readerCases, U, UNKNOWN, writes } from "./support";

const MSK = "aws:msk/cluster:Cluster";

const CASES: ReaderCase[] = [
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
