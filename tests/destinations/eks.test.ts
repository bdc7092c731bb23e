/**
 * `policypack/lib/destinations/services/eks.ts`, EKS clusters (control plane logs): its reader (props, read through the
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
    ROLE,
    U,
    U_LIST,
    UNKNOWN,
    writes,
} from "./support";

const EKS = "aws:eks/cluster:Cluster";

const CASES: ReaderCase[] = [
    // EKS.
    [
        "EKS, control plane logs",
        EKS,
        { name: "prod", enabledClusterLogTypes: ["api", "audit"] },
        writes(
            named("control plane logs", "/aws/eks/prod/cluster", "name", {
                strategy: BY_WRITER_IDENTITY,
                serviceCreatesGroup: true,
            }),
        ),
    ],
    [
        "EKS, no log types",
        EKS,
        { name: "prod", enabledClusterLogTypes: [] },
        {
            kind: "disabled",
            property: "enabledClusterLogTypes",
            reason: "enabledClusterLogTypes is empty: no control plane logs",
        },
    ],
    [
        "EKS, log types absent",
        EKS,
        { name: "prod" },
        {
            kind: "disabled",
            property: "enabledClusterLogTypes",
            reason: "enabledClusterLogTypes is empty: no control plane logs",
        },
    ],
    [
        "EKS, name unknown",
        EKS,
        { name: U, enabledClusterLogTypes: ["api"] },
        writes(
            named("control plane logs", UNKNOWN, "name", {
                strategy: BY_WRITER_IDENTITY,
                serviceCreatesGroup: true,
            }),
        ),
    ],
    [
        "EKS, log types unknown",
        EKS,
        { name: "prod", enabledClusterLogTypes: U_LIST },
        {
            kind: "unknown",
            property: "enabledClusterLogTypes",
            reason: "enabledClusterLogTypes is unknown at preview",
        },
    ],
];

describe("destinations/services/eks.ts: EKS clusters (control plane logs)", () => {
    describe("reader: props to destinations", () => {
        readerCases(CASES);
    });

    describe("facts: writer and declared group to match and finding", () => {
        factsCases({
            type: EKS,
            group: "/aws/eks/prod/cluster",
            writes: { name: "prod", roleArn: ROLE, enabledClusterLogTypes: ["api", "audit"] },
            unknown: { name: unknown(), roleArn: ROLE, enabledClusterLogTypes: ["api", "audit"] },
            unknownMatch: ["created"],
        });
    });
});
