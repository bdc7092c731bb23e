/**
 * `policypack/lib/destinations/services/stepFunctions.ts`, Step Functions state machines: its reader (props, read through the
 * real unknown-checking proxy, to destinations) and, at the facts level, the declared group without
 * a kmsKeyId refused, the encrypted one passing, and the group's name unknown at preview.
 */
import { unknown } from "../../harness/policyHarness";
import {
    arnOf,
    byArn,
    factsCases,
    GROUP_ARN,
    PARSED,
    ReaderCase,
    readerCases,
    U,
    UNKNOWN,
    writes,
} from "./support";

const STATE_MACHINE = "aws:sfn/stateMachine:StateMachine";

const CASES: ReaderCase[] = [
    ...[{ level: "ALL" }, { level: "ALL", logDestination: "" }].map(
        (loggingConfiguration, i): ReaderCase => [
            `state machine, no log destination (${i})`,
            STATE_MACHINE,
            { definition: "{}", loggingConfiguration },
            {
                kind: "disabled",
                property: "loggingConfiguration.logDestination",
                reason: "loggingConfiguration.logDestination is not set",
            },
        ],
    ),
    [
        "state machine, level off in lower case",
        STATE_MACHINE,
        {
            definition: "{}",
            loggingConfiguration: { level: "off", logDestination: `${GROUP_ARN}:*` },
        },
        {
            kind: "disabled",
            property: "loggingConfiguration.level",
            reason: 'loggingConfiguration.level is "OFF"',
        },
    ],
    [
        "state machine, an S3 ARN",
        STATE_MACHINE,
        {
            definition: "{}",
            loggingConfiguration: { level: "ALL", logDestination: "arn:aws:s3:::history" },
        },
        {
            kind: "elsewhere",
            property: "loggingConfiguration.logDestination",
            reason: "loggingConfiguration.logDestination is a s3 ARN, not a CloudWatch Logs log group",
        },
    ],
    // Step Functions.
    [
        "state machine, ALL to a :* ARN",
        STATE_MACHINE,
        {
            definition: "{}",
            loggingConfiguration: {
                level: "ALL",
                includeExecutionData: true,
                logDestination: `${GROUP_ARN}:*`,
            },
        },
        writes({
            ...byArn("execution history", "loggingConfiguration.logDestination", GROUP_ARN),
            group: { by: "arn", arn: `${GROUP_ARN}:*`, parsed: PARSED },
        }),
    ],
    [
        "state machine, OFF",
        STATE_MACHINE,
        { definition: "{}", loggingConfiguration: { level: "OFF" } },
        {
            kind: "disabled",
            property: "loggingConfiguration.level",
            reason: 'loggingConfiguration.level is "OFF"',
        },
    ],
    [
        "state machine, no loggingConfiguration",
        STATE_MACHINE,
        { definition: "{}" },
        {
            kind: "disabled",
            property: "loggingConfiguration",
            reason: "loggingConfiguration is not set: no execution history is logged",
        },
    ],
    [
        "state machine, destination unknown",
        STATE_MACHINE,
        { definition: "{}", loggingConfiguration: { level: "ERROR", logDestination: U } },
        writes(byArn("execution history", "loggingConfiguration.logDestination", UNKNOWN)),
    ],
];

describe("destinations/services/stepFunctions.ts: Step Functions state machines", () => {
    describe("reader: props to destinations", () => {
        readerCases(CASES);
    });

    describe("facts: writer and declared group to match and finding", () => {
        factsCases({
            type: STATE_MACHINE,
            group: "/app/workflow",
            writes: {
                definition: "{}",
                loggingConfiguration: {
                    level: "ALL",
                    logDestination: `${arnOf("/app/workflow")}:*`,
                },
            },
            unknown: {
                definition: "{}",
                loggingConfiguration: { level: "ALL", logDestination: unknown() },
            },
            unknownMatch: ["unresolved"],
        });
    });
});
