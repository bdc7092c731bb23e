/** API Gateway's log destinations: REST and HTTP/WebSocket stages' access logs, REST execution logs (MethodSettings). */
import { apiGatewayExecutionLogGroupName } from "../../../../aws/serviceLogGroups";
import { UNKNOWN, Unknown, readString } from "../../stack/wire";
import { readObject, writes, derived, byArn } from "../read";
import { LogDestinations, DestinationType } from "../types";

function accessLogs(props: unknown): LogDestinations {
    // apigateway (REST) and apigatewayv2 (HTTP, WebSocket) stages: `accessLogSettings.destinationArn`
    // is the ARN of a CloudWatch Logs group (or, for REST, a Firehose stream); "Automatically
    // removes trailing `:*` if present" (@pulumi/aws StageAccessLogSettings). API Gateway does not
    // create it: the ARN names an existing group.
    const settings = readObject(props, "accessLogSettings");
    if (settings === undefined) {
        return {
            kind: "disabled",
            property: "accessLogSettings",
            reason: "accessLogSettings is not set: no access logs",
        };
    }
    const arn = settings === UNKNOWN ? UNKNOWN : readString(settings, "destinationArn");
    if (arn === undefined || arn === "") {
        return {
            kind: "disabled",
            property: "accessLogSettings.destinationArn",
            reason: "accessLogSettings.destinationArn is not set: no access logs",
        };
    }
    const found = byArn(
        "access logs",
        arn,
        settings === UNKNOWN ? "accessLogSettings" : "accessLogSettings.destinationArn",
        "accessLogSettings",
    );
    return "elsewhere" in found
        ? {
              kind: "elsewhere",
              property: "accessLogSettings.destinationArn",
              reason: found.elsewhere,
          }
        : writes(found);
}

/** `restApi` and `stageName` of an `aws:apigateway` Stage or MethodSettings, as sent. */
export interface ApiGatewayStageKey {
    /** The REST API's id (the engine sends a `RestApi` passed as `restApi` as its id). */
    readonly restApiId: string | Unknown | undefined;
    readonly stageName: string | Unknown | undefined;
}

/**
 * The stage an `aws:apigateway/stage:Stage` or `aws:apigateway/methodSettings:MethodSettings`
 * belongs to: what a rule needs to match a MethodSettings (which turns execution logs on) to its
 * Stage. Both name it with the same two inputs, `restApi` and `stageName`.
 */
export function apiGatewayStageKey(props: unknown): ApiGatewayStageKey {
    return { restApiId: readString(props, "restApi"), stageName: readString(props, "stageName") };
}

/** Execution log levels that write to CloudWatch Logs (MethodSettingsSettings.loggingLevel). */
const EXECUTION_LOG_LEVELS = ["ERROR", "INFO"];

function methodSettings(props: unknown): LogDestinations {
    // "To enable standard execution logging, set the loggingLevel on your stage to ERROR or INFO."
    // (rest-api-execution-logging.html); the group is API Gateway's own (serviceLogGroups.ts).
    const settings = readObject(props, "settings");
    const level = settings === UNKNOWN ? UNKNOWN : readString(settings, "loggingLevel");
    if (level === UNKNOWN) {
        return {
            kind: "unknown",
            property: "settings.loggingLevel",
            reason: "settings.loggingLevel is unknown at preview",
        };
    }
    if (level === undefined || !EXECUTION_LOG_LEVELS.includes(level.toUpperCase())) {
        return {
            kind: "disabled",
            property: "settings.loggingLevel",
            reason: `settings.loggingLevel is ${level === undefined ? "not set" : JSON.stringify(level)}: no execution logs`,
        };
    }
    const stage = apiGatewayStageKey(props);
    return writes(
        derived(
            "execution logs",
            [stage.restApiId ?? UNKNOWN, stage.stageName ?? UNKNOWN],
            apiGatewayExecutionLogGroupName,
            ["restApi", "stageName"],
            true,
        ),
    );
}

/** The rows of this service in the destinations table. */
export const API_GATEWAY: Readonly<Record<string, DestinationType>> = {
    "aws:apigateway/stage:Stage": {
        service: "apigateway",
        label: "API Gateway stage",
        serviceName: "API Gateway",
        fix: "set accessLogSettings.destinationArn to an EncryptedLogGroup's arn",
        documentation:
            "https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-logging.html",
        destinations: accessLogs,
    },
    "aws:apigateway/methodSettings:MethodSettings": {
        service: "apigateway",
        label: "API Gateway method settings",
        serviceName: "API Gateway",
        fix: "declare it first, new EncryptedLogGroup(name, { logGroupName: apiGatewayExecutionLogGroupName(restApiId, stageName) }), and add that group to the MethodSettings' dependsOn",
        documentation:
            "https://docs.aws.amazon.com/apigateway/latest/developerguide/rest-api-execution-logging.html",
        destinations: methodSettings,
    },
    "aws:apigatewayv2/stage:Stage": {
        service: "apigatewayv2",
        label: "API Gateway v2 stage",
        serviceName: "API Gateway",
        fix: "set accessLogSettings.destinationArn to an EncryptedLogGroup's arn",
        documentation:
            "https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-logging.html",
        destinations: accessLogs,
    },
};
