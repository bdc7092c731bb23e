/**
 * `policypack/lib/destinations/services/flowLogs.ts`, VPC flow logs: its reader (props, read through the
 * real unknown-checking proxy, to destinations) and, at the facts level, the declared group without
 * a kmsKeyId refused, the encrypted one passing, and the group's name unknown at preview.
 */
import { unknown } from "../../harness/policyHarness";
import {
    arnOf,
    byArn,
    factsCases,
    GROUP_ARN,
    named,
    ReaderCase,
    readerCases,
    U,
    UNKNOWN,
    writes,
} from "./support";

const FLOW_LOG = "aws:ec2/flowLog:FlowLog";

const CASES: ReaderCase[] = [
    [
        "flow log, destination type unknown",
        FLOW_LOG,
        { vpcId: "vpc-1", logDestinationType: U, logDestination: GROUP_ARN },
        {
            kind: "unknown",
            property: "logDestinationType",
            reason: "logDestinationType is unknown at preview",
        },
    ],
    [
        "flow log, a Firehose ARN",
        FLOW_LOG,
        {
            vpcId: "vpc-1",
            logDestinationType: "cloud-watch-logs",
            logDestination: "arn:aws:firehose:us-east-1:111122223333:deliverystream/flows",
        },
        {
            kind: "elsewhere",
            property: "logDestination",
            reason: "logDestination is a firehose ARN, not a CloudWatch Logs log group",
        },
    ],
    ...[{}, { logDestination: "", logGroupName: "" }].map((over, i): ReaderCase => [
        `flow log, no destination (${i})`,
        FLOW_LOG,
        { vpcId: "vpc-1", ...over },
        {
            kind: "unknown",
            property: "logDestination",
            reason: "logDestination is not set, so the flow log names no log group",
        },
    ]),
    [
        "flow log, an empty logDestination and a legacy logGroupName",
        FLOW_LOG,
        { vpcId: "vpc-1", logDestination: "", logGroupName: "/vpc/legacy" },
        writes(named("flow logs", "/vpc/legacy", "logGroupName")),
    ],
    // VPC flow logs.
    [
        "flow log, CloudWatch Logs by default",
        FLOW_LOG,
        { vpcId: "vpc-1", logDestination: GROUP_ARN, trafficType: "ALL" },
        writes(byArn("flow logs", "logDestination", GROUP_ARN)),
    ],
    [
        "flow log, to S3",
        FLOW_LOG,
        { vpcId: "vpc-1", logDestinationType: "s3", logDestination: "arn:aws:s3:::flow-logs" },
        {
            kind: "elsewhere",
            property: "logDestinationType",
            reason: 'logDestinationType is "s3": the flow logs do not go to CloudWatch Logs',
        },
    ],
    [
        "flow log, destination unknown",
        FLOW_LOG,
        { vpcId: "vpc-1", logDestinationType: "cloud-watch-logs", logDestination: U },
        writes(byArn("flow logs", "logDestination", UNKNOWN)),
    ],
    [
        "flow log, a state with the older logGroupName",
        FLOW_LOG,
        { vpcId: "vpc-1", logGroupName: "/vpc/flow" },
        writes(named("flow logs", "/vpc/flow", "logGroupName")),
    ],
];

describe("destinations/services/flowLogs.ts: VPC flow logs", () => {
    describe("reader: props to destinations", () => {
        readerCases(CASES);
    });

    describe("facts: writer and declared group to match and finding", () => {
        factsCases({
            type: FLOW_LOG,
            group: "/app/flow",
            writes: { vpcId: "vpc-1", trafficType: "ALL", logDestination: arnOf("/app/flow") },
            unknown: { vpcId: "vpc-1", trafficType: "ALL", logDestination: unknown() },
            unknownMatch: ["unresolved"],
        });
    });
});
