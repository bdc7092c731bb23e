/**
 * `policypack/lib/destinations/services/rds.ts`, RDS DB instances and clusters (exported logs): its reader (props, read through the
 * real unknown-checking proxy, to destinations) and, at the facts level, the declared group without
 * a kmsKeyId refused, the encrypted one passing, and the group's name unknown at preview.
 */
import { unknown } from "../../harness/policyHarness";
import {
    BY_WRITER_IDENTITY,
    factsCases,
    ReaderCase,
    readerCases,
    U,
    U_LIST,
    UNKNOWN,
    writes,
} from "./support";

const RDS_INSTANCE = "aws:rds/instance:Instance";
const RDS_CLUSTER = "aws:rds/cluster:Cluster";

/** What an RDS instance (`identifier`) or cluster (`clusterIdentifier`) writes for one exported log. */
function exported(
    id: "identifier" | "clusterIdentifier",
    logs: string,
    name: string | typeof UNKNOWN,
): Parameters<typeof writes>[0] {
    return {
        logs,
        group: { by: "name", name },
        property: `${id}, enabledCloudwatchLogsExports`,
        dependencyProperties: [id, "enabledCloudwatchLogsExports"],
        strategy: BY_WRITER_IDENTITY,
        serviceCreatesGroup: true,
    };
}

const CASES: ReaderCase[] = [
    ...[RDS_INSTANCE, RDS_CLUSTER].map((type): ReaderCase => [
        `${type}, exports unknown`,
        type,
        {
            identifier: "orders-db",
            clusterIdentifier: "aurora-1",
            enabledCloudwatchLogsExports: U_LIST,
        },
        {
            kind: "unknown",
            property: "enabledCloudwatchLogsExports",
            reason: "enabledCloudwatchLogsExports is unknown at preview",
        },
    ]),
    [
        "RDS instance, one export unknown and one that is not text, beside a known one",
        RDS_INSTANCE,
        { identifier: "orders-db", enabledCloudwatchLogsExports: [U, 5, "error"] },
        writes(
            exported("identifier", "exported logs", UNKNOWN),
            exported("identifier", "exported logs", UNKNOWN),
            exported("identifier", "error logs", "/aws/rds/instance/orders-db/error"),
        ),
    ],
    // RDS.
    [
        "RDS instance, two exports",
        RDS_INSTANCE,
        { identifier: "orders-db", enabledCloudwatchLogsExports: ["error", "slowquery"] },
        writes(
            exported("identifier", "error logs", "/aws/rds/instance/orders-db/error"),
            exported("identifier", "slowquery logs", "/aws/rds/instance/orders-db/slowquery"),
        ),
    ],
    [
        "RDS instance, no exports",
        RDS_INSTANCE,
        { identifier: "orders-db" },
        {
            kind: "disabled",
            property: "enabledCloudwatchLogsExports",
            reason: "enabledCloudwatchLogsExports is empty: no logs are exported",
        },
    ],
    [
        "RDS instance, identifier unknown",
        RDS_INSTANCE,
        { identifier: U, enabledCloudwatchLogsExports: ["postgresql"] },
        writes(exported("identifier", "postgresql logs", UNKNOWN)),
    ],
    [
        "RDS cluster, audit export",
        RDS_CLUSTER,
        { clusterIdentifier: "aurora-1", enabledCloudwatchLogsExports: ["audit"] },
        writes(exported("clusterIdentifier", "audit logs", "/aws/rds/cluster/aurora-1/audit")),
    ],
    [
        "RDS cluster, empty exports",
        RDS_CLUSTER,
        { clusterIdentifier: "aurora-1", enabledCloudwatchLogsExports: [] },
        {
            kind: "disabled",
            property: "enabledCloudwatchLogsExports",
            reason: "enabledCloudwatchLogsExports is empty: no logs are exported",
        },
    ],
    [
        "RDS cluster, identifier absent (auto-named)",
        RDS_CLUSTER,
        { enabledCloudwatchLogsExports: ["postgresql"] },
        writes(exported("clusterIdentifier", "postgresql logs", UNKNOWN)),
    ],
];

describe("destinations/services/rds.ts: RDS DB instances and clusters (exported logs)", () => {
    describe("reader: props to destinations", () => {
        readerCases(CASES);
    });

    describe("facts: writer and declared group to match and finding", () => {
        factsCases({
            type: RDS_INSTANCE,
            group: "/aws/rds/instance/orders-db/postgresql",
            writes: {
                identifier: "orders-db",
                engine: "postgres",
                enabledCloudwatchLogsExports: ["postgresql"],
            },
            unknown: {
                identifier: unknown(),
                engine: "postgres",
                enabledCloudwatchLogsExports: ["postgresql"],
            },
            unknownMatch: ["created"],
        });
        factsCases({
            type: RDS_CLUSTER,
            group: "/aws/rds/cluster/aurora-1/postgresql",
            writes: {
                clusterIdentifier: "aurora-1",
                engine: "aurora-postgresql",
                enabledCloudwatchLogsExports: ["postgresql"],
            },
            unknown: {
                clusterIdentifier: unknown(),
                engine: "aurora-postgresql",
                enabledCloudwatchLogsExports: ["postgresql"],
            },
            unknownMatch: ["created"],
        });
    });
});
