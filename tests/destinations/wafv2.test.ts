/**
 * `policypack/lib/destinations/services/wafv2.ts`, WAFv2 web ACL logging configurations: its reader (props, read through the
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
    U_LIST,
    UNKNOWN,
    writes,
} from "./support";

const WAF = "aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration";

const WEB_ACL = "arn:aws:wafv2:us-east-1:111122223333:regional/webacl/api/1";

const CASES: ReaderCase[] = [
    ...[{}, { logDestinationConfigs: [] }, { logDestinationConfigs: [""] }].map(
        (over, i): ReaderCase => [
            `WAF logging, no destination (${i})`,
            WAF,
            { resourceArn: "arn:aws:wafv2:us-east-1:111122223333:regional/webacl/a/1", ...over },
            {
                kind: "disabled",
                property: "logDestinationConfigs",
                reason: "logDestinationConfigs is empty: no web ACL logs",
            },
        ],
    ),
    // WAFv2: one destination ARN.
    [
        "WAFv2, a log group ARN",
        WAF,
        {
            resourceArn: "arn:aws:wafv2:eu-west-1:111122223333:regional/webacl/a/1",
            logDestinationConfigs: [GROUP_ARN],
        },
        writes({
            ...byArn("web ACL logs", "logDestinationConfigs[0]", GROUP_ARN),
            dependencyProperties: ["logDestinationConfigs"],
        }),
    ],
    [
        "WAFv2, ARN unknown",
        WAF,
        { logDestinationConfigs: [U] },
        writes({
            ...byArn("web ACL logs", "logDestinationConfigs[0]", UNKNOWN),
            dependencyProperties: ["logDestinationConfigs"],
        }),
    ],
    [
        "WAFv2, a Firehose stream",
        WAF,
        {
            logDestinationConfigs: [
                "arn:aws:firehose:eu-west-1:111122223333:deliverystream/aws-waf-logs-x",
            ],
        },
        {
            kind: "elsewhere",
            property: "logDestinationConfigs[0]",
            reason: "logDestinationConfigs[0] is a firehose ARN, not a CloudWatch Logs log group",
        },
    ],
    [
        "WAFv2, list unknown",
        WAF,
        { logDestinationConfigs: U_LIST },
        {
            kind: "unknown",
            property: "logDestinationConfigs",
            reason: "logDestinationConfigs is unknown at preview",
        },
    ],
];

describe("destinations/services/wafv2.ts: WAFv2 web ACL logging configurations", () => {
    describe("reader: props to destinations", () => {
        readerCases(CASES);
    });

    describe("facts: writer and declared group to match and finding", () => {
        factsCases({
            type: WAF,
            group: "aws-waf-logs-api",
            writes: { resourceArn: WEB_ACL, logDestinationConfigs: [arnOf("aws-waf-logs-api")] },
            unknown: { resourceArn: WEB_ACL, logDestinationConfigs: [unknown()] },
            unknownMatch: ["unresolved"],
        });
    });
});
