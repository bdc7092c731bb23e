/**
 * `policypack/lib/destinations/services/glue.ts`, Glue jobs (continuous logging): its reader (props, read through the
 * real unknown-checking proxy, to destinations) and, at the facts level, the declared group without
 * a kmsKeyId refused, the encrypted one passing, and the group's name unknown at preview.
 */
import { unknown } from "../../harness/policyHarness";
import {
    BY_WRITER_IDENTITY,
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

const GLUE = "aws:glue/job:Job";

const glueJob = (group: unknown) => ({
    name: "etl",
    roleArn: ROLE,
    defaultArguments: {
        "--enable-continuous-cloudwatch-log": "true",
        "--continuous-log-logGroup": group,
    },
});

const CASES: ReaderCase[] = [
    // Glue job continuous logging: Glue's default group, or a custom one it does not create.
    [
        "Glue, continuous logging to the default group",
        GLUE,
        { name: "etl", defaultArguments: { "--enable-continuous-cloudwatch-log": "true" } },
        writes(
            named("continuous logs", "/aws-glue/jobs/logs-v2", "defaultArguments", {
                strategy: BY_WRITER_IDENTITY,
                serviceCreatesGroup: true,
            }),
        ),
    ],
    [
        "Glue, continuous logging to a custom group",
        GLUE,
        {
            name: "etl",
            defaultArguments: {
                "--enable-continuous-cloudwatch-log": "true",
                "--continuous-log-logGroup": "/app/etl",
            },
        },
        writes(
            named("continuous logs", "/app/etl", 'defaultArguments["--continuous-log-logGroup"]', {
                dependencyProperties: ["defaultArguments"],
            }),
        ),
    ],
    [
        "Glue, custom group unknown",
        GLUE,
        {
            name: "etl",
            defaultArguments: {
                "--enable-continuous-cloudwatch-log": "true",
                "--continuous-log-logGroup": U,
            },
        },
        writes(
            named("continuous logs", UNKNOWN, 'defaultArguments["--continuous-log-logGroup"]', {
                dependencyProperties: ["defaultArguments"],
            }),
        ),
    ],
    // No custom group (an empty one), or an empty securityConfiguration: Glue's default group.
    ...[
        {
            defaultArguments: {
                "--enable-continuous-cloudwatch-log": "true",
                "--continuous-log-logGroup": "",
            },
        },
        {
            securityConfiguration: "",
            defaultArguments: { "--enable-continuous-cloudwatch-log": "TRUE" },
        },
    ].map((over, i): ReaderCase => [
        `Glue, continuous logging to the default group (${i})`,
        GLUE,
        { name: "etl", ...over },
        writes(
            named("continuous logs", "/aws-glue/jobs/logs-v2", "defaultArguments", {
                strategy: BY_WRITER_IDENTITY,
                serviceCreatesGroup: true,
            }),
        ),
    ]),
    [
        "Glue, continuous logging switch unknown",
        GLUE,
        { name: "etl", defaultArguments: { "--enable-continuous-cloudwatch-log": U } },
        {
            kind: "unknown",
            property: "defaultArguments",
            reason: 'defaultArguments["--enable-continuous-cloudwatch-log"] is unknown at preview',
        },
    ],
    [
        "Glue, securityConfiguration unknown",
        GLUE,
        {
            name: "etl",
            securityConfiguration: U,
            defaultArguments: {
                "--enable-continuous-cloudwatch-log": "true",
                "--continuous-log-logGroup": "/app/etl",
            },
        },
        {
            kind: "unknown",
            property: "securityConfiguration",
            reason: "the job has a securityConfiguration, whose CloudWatch encryption decides the continuous-logging group's name and key; the pack does not read it",
        },
    ],
    [
        "Glue, continuous logging off",
        GLUE,
        { name: "etl", defaultArguments: { "--enable-continuous-cloudwatch-log": "false" } },
        {
            kind: "disabled",
            property: "defaultArguments",
            reason: 'defaultArguments["--enable-continuous-cloudwatch-log"] is "false": no continuous logging',
        },
    ],
    [
        "Glue, no defaultArguments",
        GLUE,
        { name: "etl" },
        {
            kind: "disabled",
            property: "defaultArguments",
            reason: 'defaultArguments["--enable-continuous-cloudwatch-log"] is not set: no continuous logging',
        },
    ],
    [
        "Glue, defaultArguments unknown",
        GLUE,
        { name: "etl", defaultArguments: U_OBJECT },
        {
            kind: "unknown",
            property: "defaultArguments",
            reason: "defaultArguments is unknown at preview",
        },
    ],
    [
        "Glue, a security configuration (its group's name and key are not modelled)",
        GLUE,
        {
            name: "etl",
            securityConfiguration: "kms-logs",
            defaultArguments: { "--enable-continuous-cloudwatch-log": "true" },
        },
        {
            kind: "unknown",
            property: "securityConfiguration",
            reason: "the job has a securityConfiguration, whose CloudWatch encryption decides the continuous-logging group's name and key; the pack does not read it",
        },
    ],
];

describe("destinations/services/glue.ts: Glue jobs (continuous logging)", () => {
    describe("reader: props to destinations", () => {
        readerCases(CASES);
    });

    describe("facts: writer and declared group to match and finding", () => {
        factsCases({
            type: GLUE,
            group: "/app/etl",
            writes: glueJob("/app/etl"),
            unknown: glueJob(unknown()),
            unknownMatch: ["unresolved"],
        });
    });
});
