/** An AppSync GraphQL API's log destination: its request-level and field-level logs. */
import { parse as parseArn, validate as looksLikeArn } from "@aws-sdk/util-arn-parser";
import { UNKNOWN, Unknown, readString } from "../../stack/wire";
import { derived, physicalName, readObject, writes } from "../read";
import { DestinationType, LogDestinations } from "../types";

/** `/aws/appsync/apis/<graphql_api_id>`, the group AppSync writes an API's logs to. */
function appSyncLogGroupName(apiId: string): string {
    return `/aws/appsync/apis/${apiId}`;
}

/**
 * The API's id: the provider's `id` output, else the last part of its `arn`
 * (`arn:aws:appsync:<region>:<account>:apis/<id>`); UNKNOWN at preview of a new API, whose id
 * AppSync assigns at create.
 */
function apiId(props: unknown): string | Unknown {
    const id = physicalName(props, "id");
    if (id !== UNKNOWN) {
        return id;
    }
    const arn = readString(props, "arn");
    if (typeof arn === "string" && looksLikeArn(arn)) {
        try {
            const resource = parseArn(arn).resource;
            if (resource.startsWith("apis/") && resource.length > "apis/".length) {
                return resource.slice("apis/".length);
            }
        } catch {
            // not an ARN after all
        }
    }
    return UNKNOWN;
}

function graphQlApi(props: unknown): LogDestinations {
    // https://docs.aws.amazon.com/appsync/latest/devguide/monitoring.html: with `logConfig` set
    // (CloudWatchLogsRoleArn, FieldLogLevel, ExcludeVerboseContent: @pulumi/aws GraphQLApiLogConfig)
    // AppSync writes request-level logs, and field-level logs unless FieldLogLevel is NONE ("NONE:
    // No field-level logs are captured", AWS::AppSync::GraphQLApi LogConfig), so any logConfig
    // writes. The group is AppSync's own and it creates it: "If you turn on logging, AWS AppSync
    // manages the CloudWatch Logs. The process includes creating log groups and log streams ...
    // AWS AppSync creates a log group and log streams under the log group. The log group is named
    // following the /aws/appsync/apis/{api_id} format." (the same service's Event API guide,
    // event-api-monitoring-cw-logs.html; the GraphQL guide's role policy grants
    // "logs:CreateLogGroup"). The id is the API's own output, unknown when the API is new: a
    // declared group named `pulumi.interpolate\`/aws/appsync/apis/${api.id}\`` has its name computed
    // from this API, which the matcher follows (destinationMatch.ts, "computed from the same").
    const config = readObject(props, "logConfig");
    if (config === undefined) {
        return {
            kind: "disabled",
            property: "logConfig",
            reason: "logConfig is not set: no logs are sent to CloudWatch Logs",
        };
    }
    if (config === UNKNOWN) {
        return {
            kind: "unknown",
            property: "logConfig",
            reason: "logConfig is unknown at preview",
        };
    }
    return writes(
        derived("request and field logs", [apiId(props)], appSyncLogGroupName, ["id"], true),
    );
}

/** The row of this service in the destinations table. */
export const APPSYNC: Readonly<Record<string, DestinationType>> = {
    "aws:appsync/graphQLApi:GraphQLApi": {
        service: "appsync",
        label: "AppSync GraphQL API",
        serviceName: "AppSync",
        fix: "declare it from the API's id, new EncryptedLogGroup(name, { logGroupName: pulumi.interpolate`/aws/appsync/apis/${api.id}` }), in the same deployment, before the API first serves requests",
        documentation: "https://docs.aws.amazon.com/appsync/latest/devguide/monitoring.html",
        destinations: graphQlApi,
    },
};
