/**
 * `policypack/lib/destinations/services/ecsCluster.ts`, ECS clusters (Container Insights): its reader (props, read through the
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
    U_LIST,
    UNKNOWN,
    writes,
} from "./support";

const ECS_CLUSTER = "aws:ecs/cluster:Cluster";

const CASES: ReaderCase[] = [
    [
        "ECS cluster, settings unknown",
        ECS_CLUSTER,
        { name: "prod", settings: U_LIST },
        { kind: "unknown", property: "settings", reason: "settings is unknown at preview" },
    ],
    [
        "ECS cluster, containerInsights value unknown",
        ECS_CLUSTER,
        { name: "prod", settings: [{ name: "containerInsights", value: U }] },
        {
            kind: "unknown",
            property: "settings",
            reason: 'the "containerInsights" setting\'s value is unknown at preview',
        },
    ],
    ...[{}, { settings: [{ name: "other", value: "enabled" }] }].map((over, i): ReaderCase => [
        `ECS cluster, no containerInsights setting (${i})`,
        ECS_CLUSTER,
        { name: "prod", ...over },
        {
            kind: "disabled",
            property: "settings",
            reason: 'the "containerInsights" setting is not set: no Container Insights logs',
        },
    ]),
    // ECS Container Insights: the service's own group, named from the cluster.
    ...["enabled", "enhanced"].map((value): ReaderCase => [
        `ECS cluster, containerInsights ${value}`,
        ECS_CLUSTER,
        { name: "prod", settings: [{ name: "containerInsights", value }] },
        writes(
            named(
                "Container Insights performance logs",
                "/aws/ecs/containerinsights/prod/performance",
                "name",
                {
                    strategy: BY_WRITER_IDENTITY,
                    serviceCreatesGroup: true,
                },
            ),
        ),
    ]),
    [
        "ECS cluster, name unknown",
        ECS_CLUSTER,
        { name: U, settings: [{ name: "containerInsights", value: "enabled" }] },
        writes(
            named("Container Insights performance logs", UNKNOWN, "name", {
                strategy: BY_WRITER_IDENTITY,
                serviceCreatesGroup: true,
            }),
        ),
    ],
    [
        "ECS cluster, containerInsights disabled",
        ECS_CLUSTER,
        { name: "prod", settings: [{ name: "containerInsights", value: "disabled" }] },
        {
            kind: "disabled",
            property: "settings",
            reason: 'the "containerInsights" setting is "disabled": no Container Insights logs',
        },
    ],
    [
        "ECS cluster, no settings",
        ECS_CLUSTER,
        { name: "prod" },
        {
            kind: "disabled",
            property: "settings",
            reason: 'the "containerInsights" setting is not set: no Container Insights logs',
        },
    ],
];

describe("destinations/services/ecsCluster.ts: ECS clusters (Container Insights)", () => {
    describe("reader: props to destinations", () => {
        readerCases(CASES);
    });

    describe("facts: writer and declared group to match and finding", () => {
        factsCases({
            type: ECS_CLUSTER,
            group: "/aws/ecs/containerinsights/prod/performance",
            writes: { name: "prod", settings: [{ name: "containerInsights", value: "enabled" }] },
            unknown: {
                name: unknown(),
                settings: [{ name: "containerInsights", value: "enabled" }],
            },
            unknownMatch: ["created"],
        });
    });
});
