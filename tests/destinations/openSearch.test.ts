/**
 * `policypack/lib/destinations/services/openSearch.ts`, OpenSearch and Elasticsearch domains: its reader (props, read through the
 * real unknown-checking proxy, to destinations) and, at the facts level, the declared group without
 * a kmsKeyId refused, the encrypted one passing, and the group's name unknown at preview.
 */
import { unknown } from "../../harness/policyHarness";
import {
    arnOf,
    byArn,
    factsCases,
    GROUP_ARN,
    ReaderCase,
    readerCases,
    U,
    U_LIST,
    U_OBJECT,
    UNKNOWN,
    writes,
} from "./support";

const OPENSEARCH = "aws:opensearch/domain:Domain";
const ELASTICSEARCH = "aws:elasticsearch/domain:Domain";

const NONE_NAMED = {
    kind: "disabled",
    property: "logPublishingOptions",
    reason: "no enabled logPublishingOptions entry names a log group",
} as const;

const SLOW_LOGS = { logType: "INDEX_SLOW_LOGS", cloudwatchLogGroupArn: GROUP_ARN };

const CASES: ReaderCase[] = [
    // An entry unknown as a whole: the engine's sentinel, or one a caller has already read as
    // UNKNOWN (the reader accepts plain objects as well as the props proxy).
    ...[U_OBJECT, U, UNKNOWN].map((entry, i): ReaderCase => [
        `OpenSearch, an entry unknown at preview (${i})`,
        OPENSEARCH,
        { logPublishingOptions: [SLOW_LOGS, entry] },
        {
            kind: "unknown",
            property: "logPublishingOptions[1]",
            reason: "logPublishingOptions[1] is unknown at preview",
        },
    ]),
    ...[{ logType: "AUDIT_LOGS" }, { logType: "AUDIT_LOGS", cloudwatchLogGroupArn: "" }].map(
        (entry, i): ReaderCase => [
            `OpenSearch, an entry naming no group (${i})`,
            OPENSEARCH,
            { logPublishingOptions: [entry] },
            NONE_NAMED,
        ],
    ),
    [
        "OpenSearch, an entry naming no group beside one that does",
        OPENSEARCH,
        { logPublishingOptions: [{ logType: "AUDIT_LOGS", enabled: true }, SLOW_LOGS] },
        writes(
            byArn(
                "INDEX_SLOW_LOGS logs",
                "logPublishingOptions[1].cloudwatchLogGroupArn",
                GROUP_ARN,
            ),
        ),
    ],
    [
        "OpenSearch, an entry without logType",
        OPENSEARCH,
        { logPublishingOptions: [{ cloudwatchLogGroupArn: GROUP_ARN }] },
        writes(byArn("published logs", "logPublishingOptions[0].cloudwatchLogGroupArn", GROUP_ARN)),
    ],
    [
        "OpenSearch, an ARN that is not a log group's, alone",
        OPENSEARCH,
        {
            logPublishingOptions: [
                { logType: "AUDIT_LOGS", cloudwatchLogGroupArn: "arn:aws:s3:::audit-logs" },
            ],
        },
        NONE_NAMED,
    ],
    [
        "OpenSearch, an ARN that is not a log group's, beside a group",
        ELASTICSEARCH,
        {
            logPublishingOptions: [
                { logType: "AUDIT_LOGS", cloudwatchLogGroupArn: "arn:aws:s3:::audit-logs" },
                SLOW_LOGS,
            ],
        },
        writes(
            byArn(
                "INDEX_SLOW_LOGS logs",
                "logPublishingOptions[1].cloudwatchLogGroupArn",
                GROUP_ARN,
            ),
        ),
    ],
    // OpenSearch / Elasticsearch.
    [
        "OpenSearch, one enabled and one disabled option",
        OPENSEARCH,
        {
            logPublishingOptions: [
                { logType: "INDEX_SLOW_LOGS", cloudwatchLogGroupArn: GROUP_ARN },
                { logType: "AUDIT_LOGS", cloudwatchLogGroupArn: GROUP_ARN, enabled: false },
            ],
        },
        writes(
            byArn(
                "INDEX_SLOW_LOGS logs",
                "logPublishingOptions[0].cloudwatchLogGroupArn",
                GROUP_ARN,
            ),
        ),
    ],
    [
        "OpenSearch, all disabled",
        OPENSEARCH,
        {
            logPublishingOptions: [
                { logType: "AUDIT_LOGS", cloudwatchLogGroupArn: GROUP_ARN, enabled: false },
            ],
        },
        {
            kind: "disabled",
            property: "logPublishingOptions",
            reason: "no enabled logPublishingOptions entry names a log group",
        },
    ],
    [
        "Elasticsearch, ARN unknown",
        ELASTICSEARCH,
        { logPublishingOptions: [{ logType: "ES_APPLICATION_LOGS", cloudwatchLogGroupArn: U }] },
        writes(
            byArn(
                "ES_APPLICATION_LOGS logs",
                "logPublishingOptions[0].cloudwatchLogGroupArn",
                UNKNOWN,
            ),
        ),
    ],
    [
        "OpenSearch, options unknown",
        OPENSEARCH,
        { logPublishingOptions: U_LIST },
        {
            kind: "unknown",
            property: "logPublishingOptions",
            reason: "logPublishingOptions is unknown at preview",
        },
    ],
    [
        "Elasticsearch, search slow logs",
        ELASTICSEARCH,
        {
            logPublishingOptions: [
                { logType: "SEARCH_SLOW_LOGS", cloudwatchLogGroupArn: GROUP_ARN },
            ],
        },
        writes(
            byArn(
                "SEARCH_SLOW_LOGS logs",
                "logPublishingOptions[0].cloudwatchLogGroupArn",
                GROUP_ARN,
            ),
        ),
    ],
    [
        "Elasticsearch, no options",
        ELASTICSEARCH,
        { domainName: "search" },
        {
            kind: "disabled",
            property: "logPublishingOptions",
            reason: "no enabled logPublishingOptions entry names a log group",
        },
    ],
];

describe("destinations/services/openSearch.ts: OpenSearch and Elasticsearch domains", () => {
    describe("reader: props to destinations", () => {
        readerCases(CASES);
    });

    describe("facts: writer and declared group to match and finding", () => {
        factsCases({
            type: OPENSEARCH,
            group: "/app/search",
            writes: {
                logPublishingOptions: [
                    { logType: "INDEX_SLOW_LOGS", cloudwatchLogGroupArn: arnOf("/app/search") },
                ],
            },
            unknown: {
                logPublishingOptions: [
                    { logType: "INDEX_SLOW_LOGS", cloudwatchLogGroupArn: unknown() },
                ],
            },
            unknownMatch: ["unresolved"],
        });
        factsCases({
            type: ELASTICSEARCH,
            group: "/app/search",
            writes: {
                logPublishingOptions: [
                    { logType: "INDEX_SLOW_LOGS", cloudwatchLogGroupArn: arnOf("/app/search") },
                ],
            },
            unknown: {
                logPublishingOptions: [
                    { logType: "INDEX_SLOW_LOGS", cloudwatchLogGroupArn: unknown() },
                ],
            },
            unknownMatch: ["unresolved"],
        });
    });
});
