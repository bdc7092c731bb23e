/**
 * `policypack/lib/destinations/services/codeBuild.ts`, CodeBuild projects: its reader (props, read through the
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
    U,
    U_OBJECT,
    UNKNOWN,
    writes,
} from "./support";

const CODEBUILD = "aws:codebuild/project:Project";

const CASES: ReaderCase[] = [
    // CodeBuild.
    [
        "CodeBuild, default group",
        CODEBUILD,
        { name: "build-web" },
        writes(
            named("build logs", "/aws/codebuild/build-web", "name", {
                strategy: BY_WRITER_IDENTITY,
                serviceCreatesGroup: true,
            }),
        ),
    ],
    [
        "CodeBuild, groupName",
        CODEBUILD,
        {
            name: "build-web",
            logsConfig: { cloudwatchLogs: { status: "ENABLED", groupName: "/ci/web" } },
        },
        writes(named("build logs", "/ci/web", "logsConfig.cloudwatchLogs.groupName")),
    ],
    [
        "CodeBuild, DISABLED",
        CODEBUILD,
        { name: "build-web", logsConfig: { cloudwatchLogs: { status: "DISABLED" } } },
        {
            kind: "disabled",
            property: "logsConfig.cloudwatchLogs.status",
            reason: 'logsConfig.cloudwatchLogs.status is "DISABLED"',
        },
    ],
    ...[{ logsConfig: U_OBJECT }, { logsConfig: { cloudwatchLogs: U_OBJECT } }].map(
        (over, i): ReaderCase => [
            `CodeBuild, CloudWatch Logs settings unknown (${i})`,
            CODEBUILD,
            { name: "build-web", ...over },
            {
                kind: "unknown",
                property: "logsConfig.cloudwatchLogs",
                reason: "logsConfig.cloudwatchLogs is unknown at preview",
            },
        ],
    ),
    [
        "CodeBuild, status unknown",
        CODEBUILD,
        { name: "build-web", logsConfig: { cloudwatchLogs: { status: U, groupName: "/ci/web" } } },
        {
            kind: "unknown",
            property: "logsConfig.cloudwatchLogs.status",
            reason: "logsConfig.cloudwatchLogs.status is unknown at preview",
        },
    ],
    [
        "CodeBuild, disabled in lower case",
        CODEBUILD,
        { name: "build-web", logsConfig: { cloudwatchLogs: { status: "disabled" } } },
        {
            kind: "disabled",
            property: "logsConfig.cloudwatchLogs.status",
            reason: 'logsConfig.cloudwatchLogs.status is "DISABLED"',
        },
    ],
    [
        "CodeBuild, groupName unknown",
        CODEBUILD,
        { name: "build-web", logsConfig: { cloudwatchLogs: { status: "ENABLED", groupName: U } } },
        writes(named("build logs", UNKNOWN, "logsConfig.cloudwatchLogs.groupName")),
    ],
    // No groupName (absent, empty, or no cloudwatchLogs at all): CodeBuild's own group.
    ...[
        { logsConfig: { cloudwatchLogs: { status: "ENABLED", groupName: "" } } },
        { logsConfig: { cloudwatchLogs: { status: "ENABLED" } } },
        { logsConfig: { s3Logs: { status: "ENABLED", location: "bucket/build" } } },
    ].map((over, i): ReaderCase => [
        `CodeBuild, no groupName: the default group (${i})`,
        CODEBUILD,
        { name: "build-web", ...over },
        writes(
            named("build logs", "/aws/codebuild/build-web", "name", {
                strategy: BY_WRITER_IDENTITY,
                serviceCreatesGroup: true,
            }),
        ),
    ]),
    [
        "CodeBuild, name unknown",
        CODEBUILD,
        { name: U },
        writes(
            named("build logs", UNKNOWN, "name", {
                strategy: BY_WRITER_IDENTITY,
                serviceCreatesGroup: true,
            }),
        ),
    ],
];

describe("destinations/services/codeBuild.ts: CodeBuild projects", () => {
    describe("reader: props to destinations", () => {
        readerCases(CASES);
    });

    describe("facts: writer and declared group to match and finding", () => {
        factsCases({
            type: CODEBUILD,
            group: "/aws/codebuild/build-web",
            writes: { name: "build-web" },
            unknown: { name: unknown() },
            unknownMatch: ["created"],
        });
    });
});
