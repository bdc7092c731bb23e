/** A Route 53 query logging configuration's destination: DNS query logs. */
import { readString } from "../../stack/wire";
import { arnWrites, writes, byArn } from "../read";
import { LogDestinations, DestinationType } from "../types";

function queryLog(props: unknown): LogDestinations {
    // "CloudWatch log group ARN to send query logs." and "the CloudWatch log group must be in the
    // `us-east-1` region" (@pulumi/aws route53/queryLog.d.ts): the group's region is the ARN's.
    const arn = readString(props, "cloudwatchLogGroupArn");
    if (arn === undefined || arn === "") {
        return {
            kind: "unknown",
            property: "cloudwatchLogGroupArn",
            reason: "cloudwatchLogGroupArn is not set",
        };
    }
    const found = byArn("DNS query logs", arn, "cloudwatchLogGroupArn", "cloudwatchLogGroupArn");
    return "elsewhere" in found
        ? { kind: "elsewhere", property: "cloudwatchLogGroupArn", reason: found.elsewhere }
        : writes(found);
}

function resolverQueryLog(props: unknown): LogDestinations {
    // https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-route53resolver-resolverqueryloggingconfig.html
    // (DestinationArn): "The ARN of the resource that you want Resolver to send query logs: an
    // Amazon S3 bucket, a CloudWatch Logs log group, or a Kinesis Data Firehose delivery stream."
    // The group exists before (its ARN is given); its region is the ARN's.
    const arn = readString(props, "destinationArn");
    if (arn === undefined || arn === "") {
        return {
            kind: "unknown",
            property: "destinationArn",
            reason: "destinationArn is not set",
        };
    }
    return arnWrites("Resolver query logs", arn, "destinationArn", "destinationArn");
}

/** The rows of this service in the destinations table. */
export const ROUTE53: Readonly<Record<string, DestinationType>> = {
    "aws:route53/queryLog:QueryLog": {
        service: "route53",
        label: "Route 53 query logging configuration",
        serviceName: "Route 53",
        fix: "set cloudwatchLogGroupArn to the arn of an EncryptedLogGroup in us-east-1",
        documentation:
            "https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/query-logs.html#query-logs-configuring",
        destinations: queryLog,
    },
    "aws:route53/resolverQueryLogConfig:ResolverQueryLogConfig": {
        service: "route53resolver",
        label: "Route 53 Resolver query logging configuration",
        serviceName: "Route 53 Resolver",
        fix: "set destinationArn to an EncryptedLogGroup's arn",
        documentation:
            "https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/resolver-query-logs.html",
        destinations: resolverQueryLog,
    },
};
