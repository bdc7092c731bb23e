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
