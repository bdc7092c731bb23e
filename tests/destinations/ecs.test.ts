/**
 * `policypack/lib/destinations/services/ecs.ts`, ECS task definitions (awslogs containers): its reader (props, read through the
 * real unknown-checking proxy, to destinations) and, at the facts level, the declared group without
 * a kmsKeyId refused, the encrypted one passing, and the group's name unknown at preview.
 */
import { unknown } from "../../harness/policyHarness";
import { factsCases, named, ReaderCase, readerCases, U, writes } from "./support";

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

const CASES: ReaderCase[] = [
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
