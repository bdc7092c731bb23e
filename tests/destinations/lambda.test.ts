/**
 * `policypack/lib/destinations/services/lambda.ts`, Lambda functions: its reader (props, read through the
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

const LAMBDA = "aws:lambda/function:Function";

const lambdaDefault = (name: string | typeof UNKNOWN, deps = ["name"]) =>
    named("function logs", name, "name", {
        strategy: BY_WRITER_IDENTITY,
        serviceCreatesGroup: true,
        dependencyProperties: deps,
    });

const CASES: ReaderCase[] = [
    // Lambda: no way to turn its logging off.
    [
        "Lambda, default group",
        LAMBDA,
        { name: "orders" },
        writes(lambdaDefault("/aws/lambda/orders")),
    ],
    [
        "Lambda, loggingConfig.logGroup",
        LAMBDA,
        { name: "orders", loggingConfig: { logFormat: "JSON", logGroup: "/app/orders" } },
        writes(
            named("function logs", "/app/orders", "loggingConfig.logGroup", {
                serviceCreatesGroup: true,
            }),
        ),
    ],
    [
        "Lambda, loggingConfig without logGroup",
        LAMBDA,
        { name: "orders", loggingConfig: { logFormat: "JSON" } },
        writes(lambdaDefault("/aws/lambda/orders")),
    ],
    ["Lambda, name unknown", LAMBDA, { name: U }, writes(lambdaDefault(UNKNOWN))],
    ["Lambda, name absent (auto-named)", LAMBDA, {}, writes(lambdaDefault(UNKNOWN))],
    [
        "Lambda, loggingConfig.logGroup unknown",
        LAMBDA,
        { name: "orders", loggingConfig: { logFormat: "Text", logGroup: U } },
        writes(
            named("function logs", UNKNOWN, "loggingConfig.logGroup", {
                serviceCreatesGroup: true,
            }),
        ),
    ],
    [
        "Lambda, loggingConfig computed at preview (unknown as a whole)",
        LAMBDA,
        { name: "orders", loggingConfig: U_OBJECT },
        writes(lambdaDefault("/aws/lambda/orders", ["name", "loggingConfig"])),
    ],
];

describe("destinations/services/lambda.ts: Lambda functions", () => {
    describe("reader: props to destinations", () => {
        readerCases(CASES, true);
    });

    describe("facts: writer and declared group to match and finding", () => {
        factsCases({
            type: LAMBDA,
            group: "/aws/lambda/orders-fn",
            writes: { name: "orders-fn" },
            unknown: {},
            unknownMatch: ["created"],
        });
        factsCases({
            type: LAMBDA,
            group: "/app/orders",
            writes: {
                name: "orders-fn",
                loggingConfig: { logFormat: "Text", logGroup: "/app/orders" },
            },
            unknown: {
                name: "orders-fn",
                loggingConfig: { logFormat: "Text", logGroup: unknown() },
            },
            unknownMatch: ["unresolved"],
        });
    });
});
