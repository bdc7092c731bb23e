/**
 * `policypack/lib/destinations/services/appSync.ts`, AppSync GraphQL APIs: its reader (props, read through the
 * real unknown-checking proxy, to destinations) and, at the facts level, the declared group without
 * a kmsKeyId refused, the encrypted one passing, and the group's name unknown at preview.
 */
import * as assert from "node:assert/strict";
import { namedLogGroup, writer } from "../../harness/destinationFixtures";
import { unknown } from "../../harness/policyHarness";
import { StackBuilder } from "../../harness/stackFixtures";
import {
    BY_WRITER_IDENTITY,
    factsCases,
    named,
    ReaderCase,
    readerCases,
    reportOf,
    ROLE,
    U_OBJECT,
    UNKNOWN,
    writes,
} from "./support";

const APPSYNC = "aws:appsync/graphQLApi:GraphQLApi";

/** A new API's inputs (its id is an output AppSync assigns). */
const API_INPUTS = {
    name: "api",
    authenticationType: "API_KEY",
    logConfig: { cloudwatchLogsRoleArn: ROLE, fieldLogLevel: "ERROR" },
};

const CASES: ReaderCase[] = [
    // AppSync GraphQL API: AppSync's own group, named from the API's id (an output).
    [
        "AppSync, logConfig set, id known",
        APPSYNC,
        {
            name: "api",
            id: "abcdefghij",
            logConfig: { cloudwatchLogsRoleArn: ROLE, fieldLogLevel: "ERROR" },
        },
        writes(
            named("request and field logs", "/aws/appsync/apis/abcdefghij", "id", {
                strategy: BY_WRITER_IDENTITY,
                serviceCreatesGroup: true,
            }),
        ),
    ],
    [
        "AppSync, fieldLogLevel NONE still writes request-level logs; id from the ARN",
        APPSYNC,
        {
            name: "api",
            arn: "arn:aws:appsync:eu-west-1:111122223333:apis/abcdefghij",
            logConfig: { cloudwatchLogsRoleArn: ROLE, fieldLogLevel: "NONE" },
        },
        writes(
            named("request and field logs", "/aws/appsync/apis/abcdefghij", "id", {
                strategy: BY_WRITER_IDENTITY,
                serviceCreatesGroup: true,
            }),
        ),
    ],
    [
        "AppSync, id unknown (a new API)",
        APPSYNC,
        { name: "api", logConfig: { cloudwatchLogsRoleArn: ROLE, fieldLogLevel: "ALL" } },
        writes(
            named("request and field logs", UNKNOWN, "id", {
                strategy: BY_WRITER_IDENTITY,
                serviceCreatesGroup: true,
            }),
        ),
    ],
    // An ARN that names no API (another AppSync resource, "apis/" with no id, not an ARN): the id
    // stays unknown rather than being read from the wrong part.
    ...[
        "arn:aws:appsync:eu-west-1:111122223333:domainnames/api.example.com",
        "arn:aws:appsync:eu-west-1:111122223333:apis/",
        "abcdefghij",
    ].map((arn): ReaderCase => [
        `AppSync, id unknown: the ARN "${arn}" names no API`,
        APPSYNC,
        { name: "api", arn, logConfig: { cloudwatchLogsRoleArn: ROLE, fieldLogLevel: "ALL" } },
        writes(
            named("request and field logs", UNKNOWN, "id", {
                strategy: BY_WRITER_IDENTITY,
                serviceCreatesGroup: true,
            }),
        ),
    ]),
    [
        "AppSync, an empty id: the id from the ARN",
        APPSYNC,
        {
            name: "api",
            id: "",
            arn: "arn:aws:appsync:eu-west-1:111122223333:apis/a",
            logConfig: { cloudwatchLogsRoleArn: ROLE, fieldLogLevel: "ALL" },
        },
        writes(
            named("request and field logs", "/aws/appsync/apis/a", "id", {
                strategy: BY_WRITER_IDENTITY,
                serviceCreatesGroup: true,
            }),
        ),
    ],
    [
        "AppSync, no logConfig",
        APPSYNC,
        { name: "api", id: "abcdefghij" },
        {
            kind: "disabled",
            property: "logConfig",
            reason: "logConfig is not set: no logs are sent to CloudWatch Logs",
        },
    ],
    [
        "AppSync, logConfig unknown",
        APPSYNC,
        { name: "api", logConfig: U_OBJECT },
        { kind: "unknown", property: "logConfig", reason: "logConfig is unknown at preview" },
    ],
];

describe("destinations/services/appSync.ts: AppSync GraphQL APIs", () => {
    describe("reader: props to destinations", () => {
        readerCases(CASES);
    });

    describe("facts: writer and declared group to match and finding", () => {
        factsCases({
            type: APPSYNC,
            group: "/aws/appsync/apis/abcdefghij",
            writes: API_INPUTS,
            outputs: { id: "abcdefghij" },
            unknown: { ...API_INPUTS },
            unknownMatch: ["created"],
        });
        it("passes a new API's declared encrypted group named from the API's own id", () => {
            const s = new StackBuilder();
            const api = writer(s, APPSYNC, "writer", API_INPUTS);
            namedLogGroup(s, "group", unknown(), { nameFrom: api });
            const report = reportOf(s.resources, "writer");
            assert.deepEqual(
                report.facts.destinations.map((d) => d.match.kind),
                ["declared"],
            );
            assert.deepEqual(report.findings, []);
        });
    });
});
