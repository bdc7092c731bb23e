/**
 * `policypack/lib/destinations/services/apiGateway.ts`, API Gateway stages (access logs) and method settings (execution logs): its reader (props, read through the
 * real unknown-checking proxy, to destinations) and, at the facts level, the declared group without
 * a kmsKeyId refused, the encrypted one passing, and the group's name unknown at preview.
 */
import { unknown } from "../../harness/policyHarness";
import {
    arnOf,
    BY_WRITER_IDENTITY,
    byArn,
    factsCases,
    GROUP_ARN,
    PARSED,
    ReaderCase,
    readerCases,
    U,
    U_OBJECT,
    UNKNOWN,
    writes,
} from "./support";

const STAGE = "aws:apigateway/stage:Stage";
const METHOD_SETTINGS = "aws:apigateway/methodSettings:MethodSettings";
const STAGE_V2 = "aws:apigatewayv2/stage:Stage";

/** What MethodSettings of REST API a1b2c3, stage prod, write when execution logging is on. */
const EXECUTION_LOGS = writes({
    logs: "execution logs",
    group: { by: "name", name: "API-Gateway-Execution-Logs_a1b2c3/prod" },
    property: "restApi, stageName",
    dependencyProperties: ["restApi", "stageName"],
    strategy: BY_WRITER_IDENTITY,
    serviceCreatesGroup: true,
});

const CASES: ReaderCase[] = [
    // API Gateway REST stage: access logs.
    [
        "REST stage, access logs",
        STAGE,
        {
            stageName: "prod",
            accessLogSettings: { destinationArn: GROUP_ARN, format: "$context.requestId" },
        },
        writes(byArn("access logs", "accessLogSettings.destinationArn", GROUP_ARN)),
    ],
    [
        "REST stage, access logs to a :* ARN",
        STAGE,
        { accessLogSettings: { destinationArn: `${GROUP_ARN}:*`, format: "x" } },
        writes({
            ...byArn("access logs", "accessLogSettings.destinationArn", GROUP_ARN),
            group: { by: "arn", arn: `${GROUP_ARN}:*`, parsed: PARSED },
        }),
    ],
    [
        "REST stage, access logs disabled",
        STAGE,
        { stageName: "prod" },
        {
            kind: "disabled",
            property: "accessLogSettings",
            reason: "accessLogSettings is not set: no access logs",
        },
    ],
    ...[STAGE, STAGE_V2].flatMap((type) =>
        [{ format: "x" }, { destinationArn: "", format: "x" }].map((settings, i): ReaderCase => [
            `${type === STAGE ? "REST" : "v2"} stage, access log settings without a destination (${i})`,
            type,
            { stageName: "prod", accessLogSettings: settings },
            {
                kind: "disabled",
                property: "accessLogSettings.destinationArn",
                reason: "accessLogSettings.destinationArn is not set: no access logs",
            },
        ]),
    ),
    [
        "REST stage, destination unknown",
        STAGE,
        { accessLogSettings: { destinationArn: U, format: "x" } },
        writes(byArn("access logs", "accessLogSettings.destinationArn", UNKNOWN)),
    ],
    [
        "REST stage, access logs to Firehose",
        STAGE,
        {
            accessLogSettings: {
                destinationArn:
                    "arn:aws:firehose:eu-west-1:111122223333:deliverystream/amazon-apigateway-x",
                format: "x",
            },
        },
        {
            kind: "elsewhere",
            property: "accessLogSettings.destinationArn",
            reason: "accessLogSettings.destinationArn is a firehose ARN, not a CloudWatch Logs log group",
        },
    ],
    // API Gateway REST execution logs, turned on by MethodSettings.
    [
        "MethodSettings, INFO",
        METHOD_SETTINGS,
        {
            restApi: "a1b2c3",
            stageName: "prod",
            methodPath: "*/*",
            settings: { loggingLevel: "INFO" },
        },
        EXECUTION_LOGS,
    ],
    [
        "MethodSettings, ERROR, rest API id unknown",
        METHOD_SETTINGS,
        { restApi: U, stageName: "prod", methodPath: "*/*", settings: { loggingLevel: "ERROR" } },
        writes({
            logs: "execution logs",
            group: { by: "name", name: UNKNOWN },
            property: "restApi, stageName",
            dependencyProperties: ["restApi", "stageName"],
            strategy: BY_WRITER_IDENTITY,
            serviceCreatesGroup: true,
        }),
    ],
    [
        "MethodSettings, OFF",
        METHOD_SETTINGS,
        {
            restApi: "a1b2c3",
            stageName: "prod",
            methodPath: "*/*",
            settings: { loggingLevel: "OFF" },
        },
        {
            kind: "disabled",
            property: "settings.loggingLevel",
            reason: 'settings.loggingLevel is "OFF": no execution logs',
        },
    ],
    [
        "MethodSettings, metrics only",
        METHOD_SETTINGS,
        {
            restApi: "a1b2c3",
            stageName: "prod",
            methodPath: "*/*",
            settings: { metricsEnabled: true },
        },
        {
            kind: "disabled",
            property: "settings.loggingLevel",
            reason: "settings.loggingLevel is not set: no execution logs",
        },
    ],
    [
        "MethodSettings, level unknown",
        METHOD_SETTINGS,
        { restApi: "a1b2c3", stageName: "prod", settings: { loggingLevel: U } },
        {
            kind: "unknown",
            property: "settings.loggingLevel",
            reason: "settings.loggingLevel is unknown at preview",
        },
    ],
    [
        "MethodSettings, settings unknown as a whole",
        METHOD_SETTINGS,
        { restApi: "a1b2c3", stageName: "prod", methodPath: "*/*", settings: U_OBJECT },
        {
            kind: "unknown",
            property: "settings.loggingLevel",
            reason: "settings.loggingLevel is unknown at preview",
        },
    ],
    [
        "MethodSettings, no settings",
        METHOD_SETTINGS,
        { restApi: "a1b2c3", stageName: "prod", methodPath: "*/*" },
        {
            kind: "disabled",
            property: "settings.loggingLevel",
            reason: "settings.loggingLevel is not set: no execution logs",
        },
    ],
    [
        "MethodSettings, info in lower case",
        METHOD_SETTINGS,
        {
            restApi: "a1b2c3",
            stageName: "prod",
            methodPath: "*/*",
            settings: { loggingLevel: "info" },
        },
        EXECUTION_LOGS,
    ],
    // API Gateway v2 stage.
    [
        "v2 stage, access logs",
        STAGE_V2,
        { apiId: "x1", accessLogSettings: { destinationArn: GROUP_ARN, format: "x" } },
        writes(byArn("access logs", "accessLogSettings.destinationArn", GROUP_ARN)),
    ],
    [
        "v2 stage, access logs disabled",
        STAGE_V2,
        { apiId: "x1", autoDeploy: true },
        {
            kind: "disabled",
            property: "accessLogSettings",
            reason: "accessLogSettings is not set: no access logs",
        },
    ],
    [
        "v2 stage, settings unknown as a whole",
        STAGE_V2,
        { apiId: "x1", accessLogSettings: U_OBJECT },
        writes(byArn("access logs", "accessLogSettings", UNKNOWN)),
    ],
];

describe("destinations/services/apiGateway.ts: API Gateway stages (access logs) and method settings (execution logs)", () => {
    describe("reader: props to destinations", () => {
        readerCases(CASES);
    });

    describe("facts: writer and declared group to match and finding", () => {
        factsCases({
            type: STAGE,
            group: "/app/api-access",
            writes: {
                restApi: "a1b2c3",
                stageName: "prod",
                deployment: "d1",
                accessLogSettings: { destinationArn: arnOf("/app/api-access"), format: "x" },
            },
            unknown: {
                restApi: "a1b2c3",
                stageName: "prod",
                deployment: "d1",
                accessLogSettings: { destinationArn: unknown(), format: "x" },
            },
            unknownMatch: ["unresolved"],
        });
        factsCases({
            type: METHOD_SETTINGS,
            group: "API-Gateway-Execution-Logs_a1b2c3/prod",
            writes: {
                restApi: "a1b2c3",
                stageName: "prod",
                methodPath: "*/*",
                settings: { loggingLevel: "ERROR" },
            },
            unknown: {
                restApi: unknown(),
                stageName: "prod",
                methodPath: "*/*",
                settings: { loggingLevel: "ERROR" },
            },
            unknownMatch: ["created"],
        });
        factsCases({
            type: STAGE_V2,
            group: "/app/http-access",
            writes: {
                apiId: "x1y2z3",
                name: "prod",
                accessLogSettings: { destinationArn: arnOf("/app/http-access"), format: "x" },
            },
            unknown: {
                apiId: "x1y2z3",
                name: "prod",
                accessLogSettings: { destinationArn: unknown(), format: "x" },
            },
            unknownMatch: ["unresolved"],
        });
    });
});
