/**
 * `policypack/lib/destinations/services/cloudTrail.ts`, CloudTrail trails (both providers): its reader (props, read through the
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
    UNKNOWN,
    writes,
} from "./support";

const TRAIL = "aws:cloudtrail/trail:Trail";
const NATIVE_TRAIL = "aws-native:cloudtrail:Trail";

const CASES: ReaderCase[] = [
    // An empty ARN is no group: the trail sends nothing to CloudWatch Logs.
    ...(
        [
            [TRAIL, "cloudWatchLogsGroupArn"],
            [NATIVE_TRAIL, "cloudWatchLogsLogGroupArn"],
        ] as const
    ).map(([type, property]): ReaderCase => [
        `${type}, ${property} empty`,
        type,
        { s3BucketName: "b", [property]: "" },
        {
            kind: "disabled",
            property,
            reason: `${property} is not set: the trail sends no events to CloudWatch Logs`,
        },
    ]),
    // A trail's CloudWatch Logs group (`:*` accepted), in both providers.
    [
        "Trail, cloudWatchLogsGroupArn",
        TRAIL,
        { name: "t", s3BucketName: "b", cloudWatchLogsGroupArn: `${GROUP_ARN}:*` },
        writes({
            ...byArn("trail events", "cloudWatchLogsGroupArn", `${GROUP_ARN}:*`),
        }),
    ],
    [
        "Trail, ARN unknown",
        TRAIL,
        { name: "t", s3BucketName: "b", cloudWatchLogsGroupArn: U },
        writes(byArn("trail events", "cloudWatchLogsGroupArn", UNKNOWN)),
    ],
    [
        "Trail, no CloudWatch Logs group",
        TRAIL,
        { name: "t", s3BucketName: "b" },
        {
            kind: "disabled",
            property: "cloudWatchLogsGroupArn",
            reason: "cloudWatchLogsGroupArn is not set: the trail sends no events to CloudWatch Logs",
        },
    ],
    [
        "AWS Native trail, cloudWatchLogsLogGroupArn",
        NATIVE_TRAIL,
        { isLogging: true, s3BucketName: "b", cloudWatchLogsLogGroupArn: GROUP_ARN },
        writes(byArn("trail events", "cloudWatchLogsLogGroupArn", GROUP_ARN)),
    ],
    [
        "AWS Native trail, ARN unknown",
        NATIVE_TRAIL,
        { isLogging: true, s3BucketName: "b", cloudWatchLogsLogGroupArn: U },
        writes(byArn("trail events", "cloudWatchLogsLogGroupArn", UNKNOWN)),
    ],
    [
        "AWS Native trail, no CloudWatch Logs group",
        NATIVE_TRAIL,
        { isLogging: true, s3BucketName: "b" },
        {
            kind: "disabled",
            property: "cloudWatchLogsLogGroupArn",
            reason: "cloudWatchLogsLogGroupArn is not set: the trail sends no events to CloudWatch Logs",
        },
    ],
];

describe("destinations/services/cloudTrail.ts: CloudTrail trails (both providers)", () => {
    describe("reader: props to destinations", () => {
        readerCases(CASES);
    });

    describe("facts: writer and declared group to match and finding", () => {
        factsCases({
            type: TRAIL,
            group: "/app/audit",
            writes: { s3BucketName: "b", cloudWatchLogsGroupArn: `${arnOf("/app/audit")}:*` },
            unknown: { s3BucketName: "b", cloudWatchLogsGroupArn: unknown() },
            unknownMatch: ["unresolved"],
        });
        factsCases({
            type: NATIVE_TRAIL,
            group: "/app/audit",
            writes: {
                isLogging: true,
                s3BucketName: "b",
                cloudWatchLogsLogGroupArn: `${arnOf("/app/audit")}:*`,
            },
            unknown: { isLogging: true, s3BucketName: "b", cloudWatchLogsLogGroupArn: unknown() },
            unknownMatch: ["unresolved"],
        });
    });
});
