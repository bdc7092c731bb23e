/**
 * `policypack/lib/destinations/services/route53.ts`, Route 53 query logging and Resolver query logging: its reader (props, read through the
 * real unknown-checking proxy, to destinations) and, at the facts level, the declared group without
 * a kmsKeyId refused, the encrypted one passing, and the group's name unknown at preview.
 */
import * as assert from "node:assert/strict";
import { unknown } from "../../harness/policyHarness";
import {
    arnOf,
    byArn,
    factsCases,
    GROUP_ARN,
    ReaderCase,
    readerCases,
    readerOf,
    U,
    UNKNOWN,
    writes,
} from "./support";

const QUERY_LOG = "aws:route53/queryLog:QueryLog";
const RESOLVER = "aws:route53/resolverQueryLogConfig:ResolverQueryLogConfig";

const CASES: ReaderCase[] = [
    // Route 53 query logging (the resource exists only to log).
    [
        "Route 53 query log",
        QUERY_LOG,
        { zoneId: "Z1", cloudwatchLogGroupArn: GROUP_ARN },
        writes(byArn("DNS query logs", "cloudwatchLogGroupArn", GROUP_ARN)),
    ],
    [
        "Route 53 query log, ARN unknown",
        QUERY_LOG,
        { zoneId: "Z1", cloudwatchLogGroupArn: U },
        writes(byArn("DNS query logs", "cloudwatchLogGroupArn", UNKNOWN)),
    ],
    // Route 53 Resolver query logs.
    ...[{}, { cloudwatchLogGroupArn: "" }].map((arn, i): ReaderCase => [
        `Route 53 query log, no ARN (${i})`,
        QUERY_LOG,
        { zoneId: "Z1", ...arn },
        {
            kind: "unknown",
            property: "cloudwatchLogGroupArn",
            reason: "cloudwatchLogGroupArn is not set",
        },
    ]),
    ...[{}, { destinationArn: "" }].map((arn, i): ReaderCase => [
        `Resolver query logs, no ARN (${i})`,
        RESOLVER,
        { name: "q", ...arn },
        {
            kind: "unknown",
            property: "destinationArn",
            reason: "destinationArn is not set",
        },
    ]),
    [
        "Resolver query logs, a log group ARN",
        RESOLVER,
        { name: "q", destinationArn: GROUP_ARN },
        writes(byArn("Resolver query logs", "destinationArn", GROUP_ARN)),
    ],
    [
        "Resolver query logs, ARN unknown",
        RESOLVER,
        { name: "q", destinationArn: U },
        writes(byArn("Resolver query logs", "destinationArn", UNKNOWN)),
    ],
    [
        "Resolver query logs, an S3 bucket",
        RESOLVER,
        { name: "q", destinationArn: "arn:aws:s3:::dns-logs" },
        {
            kind: "elsewhere",
            property: "destinationArn",
            reason: "destinationArn is a s3 ARN, not a CloudWatch Logs log group",
        },
    ],
];

describe("destinations/services/route53.ts: Route 53 query logging and Resolver query logging", () => {
    describe("reader: props to destinations", () => {
        describe("Route 53 query logging (always on)", () => {
            readerCases(
                CASES.filter(([, type]) => type === QUERY_LOG),
                true,
            );
        });
        describe("Route 53 Resolver query logging", () => {
            readerCases(CASES.filter(([, type]) => type === RESOLVER));
        });
    });

    it("Route 53 query log, an S3 bucket: elsewhere", () => {
        assert.deepEqual(
            readerOf(QUERY_LOG, { zoneId: "Z1", cloudwatchLogGroupArn: "arn:aws:s3:::dns-logs" }),
            {
                kind: "elsewhere",
                property: "cloudwatchLogGroupArn",
                reason: "cloudwatchLogGroupArn is a s3 ARN, not a CloudWatch Logs log group",
            },
        );
    });

    describe("facts: writer and declared group to match and finding", () => {
        factsCases({
            type: QUERY_LOG,
            group: "/app/dns",
            writes: { zoneId: "Z1", cloudwatchLogGroupArn: arnOf("/app/dns") },
            unknown: { zoneId: "Z1", cloudwatchLogGroupArn: unknown() },
            unknownMatch: ["unresolved"],
        });
        factsCases({
            type: RESOLVER,
            group: "/app/resolver",
            writes: { name: "resolver", destinationArn: arnOf("/app/resolver") },
            unknown: { name: "resolver", destinationArn: unknown() },
            unknownMatch: ["unresolved"],
        });
    });
});
