/** A WAFv2 web ACL logging configuration's destination: web ACL traffic logs. */
import { UNKNOWN } from "../../stack/wire";
import { arnWrites, elementString, readList } from "../read";
import { DestinationType, LogDestinations } from "../types";

function webAclLogging(props: unknown): LogDestinations {
    // https://docs.aws.amazon.com/waf/latest/APIReference/API_LoggingConfiguration.html: "Create
    // your logging destination. You can use an Amazon CloudWatch Logs log group, an Amazon Simple
    // Storage Service (Amazon S3) bucket, or an Amazon Kinesis Data Firehose. The name that you
    // give the destination must start with aws-waf-logs-." and "You can define one logging
    // destination per web ACL." WAF creates a resource policy on the group, not the group.
    const list = readList(props, "logDestinationConfigs");
    if (list === UNKNOWN) {
        return {
            kind: "unknown",
            property: "logDestinationConfigs",
            reason: "logDestinationConfigs is unknown at preview",
        };
    }
    const arn = list === undefined ? undefined : elementString(list[0]);
    if (arn === undefined || arn === "") {
        return {
            kind: "disabled",
            property: "logDestinationConfigs",
            reason: "logDestinationConfigs is empty: no web ACL logs",
        };
    }
    return arnWrites("web ACL logs", arn, "logDestinationConfigs[0]", "logDestinationConfigs");
}

/** The row of this service in the destinations table. */
export const WAFV2: Readonly<Record<string, DestinationType>> = {
    "aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration": {
        service: "wafv2",
        label: "WAFv2 web ACL logging configuration",
        serviceName: "WAF",
        fix: 'set logDestinationConfigs to the arn of an EncryptedLogGroup named "aws-waf-logs-..."',
        documentation:
            "https://docs.aws.amazon.com/waf/latest/APIReference/API_LoggingConfiguration.html",
        destinations: webAclLogging,
    },
};
