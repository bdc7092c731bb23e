/**
 * `policypack/lib/destinations/services/logDelivery.ts`, CloudWatch Logs delivery destinations (vended logs V2): its reader (props, read through the
 * real unknown-checking proxy, to destinations) and, at the facts level, the declared group without
 * a kmsKeyId refused, the encrypted one passing, and the group's name unknown at preview.
 */
import { unknown } from "../../harness/policyHarness";
import {
    byArn,
    arnOf,
    factsCases,
    GROUP_ARN,
    ReaderCase,
    readerCases,
    U,
    U_OBJECT,
    UNKNOWN,
    writes,
} from "./support";

const DELIVERY = "aws:cloudwatch/logDeliveryDestination:LogDeliveryDestination";

const CASES: ReaderCase[] = [
    // Vended log deliveries (V2) into a log group.
    [
        "Delivery destination, a log group ARN",
        DELIVERY,
        { name: "d", deliveryDestinationConfiguration: { destinationResourceArn: GROUP_ARN } },
        writes({
            ...byArn(
                "vended logs",
                "deliveryDestinationConfiguration.destinationResourceArn",
                GROUP_ARN,
            ),
            dependencyProperties: ["deliveryDestinationConfiguration"],
        }),
    ],
    [
        "Delivery destination, ARN unknown",
        DELIVERY,
        { name: "d", deliveryDestinationConfiguration: { destinationResourceArn: U } },
        writes({
            ...byArn(
                "vended logs",
                "deliveryDestinationConfiguration.destinationResourceArn",
                UNKNOWN,
            ),
            dependencyProperties: ["deliveryDestinationConfiguration"],
        }),
    ],
    [
        "Delivery destination, an S3 bucket",
        DELIVERY,
        {
            name: "d",
            deliveryDestinationConfiguration: { destinationResourceArn: "arn:aws:s3:::vended" },
        },
        {
            kind: "elsewhere",
            property: "deliveryDestinationConfiguration.destinationResourceArn",
            reason: "deliveryDestinationConfiguration.destinationResourceArn is a s3 ARN, not a CloudWatch Logs log group",
        },
    ],
    ...[
        {},
        { deliveryDestinationConfiguration: {} },
        { deliveryDestinationConfiguration: { destinationResourceArn: "" } },
    ].map((config, i): ReaderCase => [
        `Delivery destination, no ARN (${i})`,
        DELIVERY,
        { name: "d", ...config },
        {
            kind: "unknown",
            property: "deliveryDestinationConfiguration.destinationResourceArn",
            reason: "deliveryDestinationConfiguration.destinationResourceArn is not set",
        },
    ]),
    [
        "Delivery destination, configuration unknown",
        DELIVERY,
        { name: "d", deliveryDestinationConfiguration: U_OBJECT },
        writes({
            ...byArn(
                "vended logs",
                "deliveryDestinationConfiguration.destinationResourceArn",
                UNKNOWN,
            ),
            dependencyProperties: ["deliveryDestinationConfiguration"],
        }),
    ],
    [
        "Delivery destination, X-Ray",
        DELIVERY,
        { name: "d", deliveryDestinationType: "XRAY" },
        {
            kind: "elsewhere",
            property: "deliveryDestinationType",
            reason: 'deliveryDestinationType is "XRAY": traces go to X-Ray',
        },
    ],
];

describe("destinations/services/logDelivery.ts: CloudWatch Logs delivery destinations (vended logs V2)", () => {
    describe("reader: props to destinations", () => {
        readerCases(CASES);
    });

    describe("facts: writer and declared group to match and finding", () => {
        factsCases({
            type: DELIVERY,
            group: "/app/vended",
            writes: {
                name: "vended",
                deliveryDestinationConfiguration: { destinationResourceArn: arnOf("/app/vended") },
            },
            unknown: {
                name: "vended",
                deliveryDestinationConfiguration: { destinationResourceArn: unknown() },
            },
            unknownMatch: ["unresolved"],
        });
    });
});
