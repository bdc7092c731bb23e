/**
 * `policypack/lib/destinations/services/ecs.ts`, ECS task definitions (awslogs containers): its reader (props, read through the
 * real unknown-checking proxy, to destinations) and, at the facts level, the declared group without
 * a kmsKeyId refused, the encrypted one passing, and the group's name unknown at preview.
 */
import { unknown } from "../../harness/policyHarness";
import {
    factsCases,
    named,
    ReaderCase,
    readerCases,
    U,
    U_OBJECT,
    UNKNOWN,
    writes,
} from "./support";

const TASK = "aws:ecs/taskDefinition:TaskDefinition";

/** One container logging with awslogs to `group`. */
const containers = (group: string) =>
    JSON.stringify([
        {
            name: "web",
            image: "nginx",
            logConfiguration: {
                logDriver: "awslogs",
                options: { "awslogs-group": group, "awslogs-stream-prefix": "web" },
            },
        },
    ]);

/** Where the group of container `i` is read. */
const GROUP_AT = (i: number) =>
    `containerDefinitions[${i}].logConfiguration.options["awslogs-group"]`;

/** A container named `name` logging with awslogs, `options` as given. */
const awslogs = (name: string, options: unknown) => ({
    name,
    image: "nginx",
    logConfiguration: { logDriver: "awslogs", options },
});

const NO_AWSLOGS = {
    kind: "disabled",
    property: "containerDefinitions",
    reason: "no container has an awslogs logConfiguration",
} as const;

const CASES: ReaderCase[] = [
    [
        "task definition, containerDefinitions a list rather than JSON text",
        TASK,
        { family: "web", containerDefinitions: [awslogs("web", { "awslogs-group": "/ecs/web" })] },
        writes(named('container logs of "web"', "/ecs/web", GROUP_AT(0), { region: undefined })),
    ],
    ...['{"name":"web"}', '"web"', "42", "null", "{}"].map((text): ReaderCase => [
        `task definition, JSON that is not a list: ${text}`,
        TASK,
        { family: "web", containerDefinitions: text },
        {
            kind: "unknown",
            property: "containerDefinitions",
            reason: "containerDefinitions is not a JSON list of containers",
        },
    ]),
    [
        "task definition, a container's options unknown: group, region and creation unknown",
        TASK,
        { family: "web", containerDefinitions: [awslogs("web", U_OBJECT)] },
        writes(
            named('container logs of "web"', UNKNOWN, GROUP_AT(0), {
                serviceCreatesGroup: true,
                region: UNKNOWN,
            }),
        ),
    ],
    [
        "task definition, awslogs-region and awslogs-create-group unknown, create-group in capitals or false",
        TASK,
        {
            family: "web",
            containerDefinitions: [
                awslogs("web", {
                    "awslogs-group": "/ecs/web",
                    "awslogs-region": U,
                    "awslogs-create-group": U,
                }),
                awslogs("api", { "awslogs-group": "/ecs/api", "awslogs-create-group": "TRUE" }),
                awslogs("job", { "awslogs-group": "/ecs/job", "awslogs-create-group": "false" }),
            ],
        },
        writes(
            named('container logs of "web"', "/ecs/web", GROUP_AT(0), {
                serviceCreatesGroup: true,
                region: UNKNOWN,
            }),
            named('container logs of "api"', "/ecs/api", GROUP_AT(1), {
                serviceCreatesGroup: true,
                region: undefined,
            }),
            named('container logs of "job"', "/ecs/job", GROUP_AT(2), { region: undefined }),
        ),
    ],
    [
        "task definition, awslogs-region empty: the task's own region",
        TASK,
        {
            family: "web",
            containerDefinitions: JSON.stringify([
                awslogs("web", { "awslogs-group": "/ecs/web", "awslogs-region": "" }),
            ]),
        },
        writes(named('container logs of "web"', "/ecs/web", GROUP_AT(0), { region: undefined })),
    ],
    [
        "task definition, an unnamed container: named by its index",
        TASK,
        {
            family: "web",
            containerDefinitions: JSON.stringify([
                { image: "busybox" },
                {
                    image: "nginx",
                    logConfiguration: {
                        logDriver: "awslogs",
                        options: { "awslogs-group": "/ecs/web" },
                    },
                },
            ]),
        },
        writes(
            named("container logs of container 1", "/ecs/web", GROUP_AT(1), { region: undefined }),
        ),
    ],
    ...[undefined, {}, { "awslogs-group": "" }, { "awslogs-stream-prefix": "web" }].map(
        (options, i): ReaderCase => [
            `task definition, awslogs without awslogs-group (${i})`,
            TASK,
            { family: "web", containerDefinitions: JSON.stringify([awslogs("web", options)]) },
            NO_AWSLOGS,
        ],
    ),
    ...[{}, { logDriver: 5 }, { options: { "awslogs-group": "/ecs/web" } }, U_OBJECT].map(
        (logConfiguration, i): ReaderCase => [
            `task definition, a logConfiguration without a driver, or unknown (${i})`,
            TASK,
            { family: "web", containerDefinitions: [{ name: "web", logConfiguration }] },
            NO_AWSLOGS,
        ],
    ),
    [
        "task definition, several other drivers: each named once",
        TASK,
        {
            family: "web",
            containerDefinitions: JSON.stringify(
                ["splunk", "awsfirelens", "splunk"].map((logDriver) => ({
                    name: logDriver,
                    logConfiguration: { logDriver },
                })),
            ),
        },
        {
            kind: "elsewhere",
            property: "containerDefinitions",
            reason: "the containers log with splunk, awsfirelens, not awslogs",
        },
    ],
    [
        "task definition, one container with awslogs among other drivers",
        TASK,
        {
            family: "web",
            containerDefinitions: JSON.stringify([
                { name: "proxy", logConfiguration: { logDriver: "splunk" } },
                awslogs("web", { "awslogs-group": "/ecs/web" }),
            ]),
        },
        writes(named('container logs of "web"', "/ecs/web", GROUP_AT(1), { region: undefined })),
    ],
    // ECS task definitions.
    [
        "task definition, awslogs",
        TASK,
        {
            family: "web",
            containerDefinitions: JSON.stringify([
                {
                    name: "web",
                    image: "nginx",
                    logConfiguration: {
                        logDriver: "awslogs",
                        options: {
                            "awslogs-group": "/ecs/web",
                            "awslogs-region": "eu-west-1",
                            "awslogs-stream-prefix": "web",
                        },
                    },
                },
                {
                    name: "sidecar",
                    image: "envoy",
                    logConfiguration: {
                        logDriver: "awslogs",
                        options: {
                            "awslogs-group": "/ecs/sidecar",
                            "awslogs-create-group": "true",
                        },
                    },
                },
                { name: "quiet", image: "busybox" },
            ]),
        },
        writes(
            named(
                'container logs of "web"',
                "/ecs/web",
                'containerDefinitions[0].logConfiguration.options["awslogs-group"]',
                {
                    region: "eu-west-1",
                },
            ),
            named(
                'container logs of "sidecar"',
                "/ecs/sidecar",
                'containerDefinitions[1].logConfiguration.options["awslogs-group"]',
                { serviceCreatesGroup: true, region: undefined },
            ),
        ),
    ],
    [
        "task definition, no logConfiguration",
        TASK,
        { family: "web", containerDefinitions: JSON.stringify([{ name: "web", image: "nginx" }]) },
        {
            kind: "disabled",
            property: "containerDefinitions",
            reason: "no container has an awslogs logConfiguration",
        },
    ],
    [
        "task definition, FireLens",
        TASK,
        {
            family: "web",
            containerDefinitions: JSON.stringify([
                { name: "web", image: "nginx", logConfiguration: { logDriver: "awsfirelens" } },
            ]),
        },
        {
            kind: "elsewhere",
            property: "containerDefinitions",
            reason: "the containers log with awsfirelens, not awslogs",
        },
    ],
    [
        "task definition, containerDefinitions unknown",
        TASK,
        { family: "web", containerDefinitions: U },
        {
            kind: "unknown",
            property: "containerDefinitions",
            reason: "containerDefinitions is unknown at preview",
        },
    ],
    [
        "task definition, not JSON",
        TASK,
        { family: "web", containerDefinitions: "[{" },
        {
            kind: "unknown",
            property: "containerDefinitions",
            reason: "containerDefinitions is not valid JSON",
        },
    ],
];

describe("destinations/services/ecs.ts: ECS task definitions (awslogs containers)", () => {
    describe("reader: props to destinations", () => {
        readerCases(CASES);
    });

    describe("facts: writer and declared group to match and finding", () => {
        factsCases({
            type: TASK,
            group: "/app/web",
            writes: { family: "web", containerDefinitions: containers("/app/web") },
            unknown: { family: "web", containerDefinitions: unknown() },
            unknownMatch: [],
        });
    });
});
