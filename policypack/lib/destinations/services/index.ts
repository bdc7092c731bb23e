/**
 * Where resources send their logs in CloudWatch Logs: one row per resource type that writes to a
 * log group, and {@link logDestinations}, which reads one resource's raw properties (as the engine
 * sends them, unknowns included) and says which groups it writes to, or that it does not.
 *
 * Pure: no stack walking, no cloud calls. Property names are those of the `@pulumi/aws` v7 inputs
 * (`node_modules/@pulumi/aws/<module>/<resource>.d.ts`); the default group names come from
 * `aws/serviceLogGroups.ts`, where their AWS documentation is quoted. One file per
 * service in this folder holds its reader and its rows; this one puts the table together.
 *
 * Physical names. A resource whose `name` (or `identifier`, ...) is not given is auto-named by the
 * provider: the analyzer then sees the auto-name in the checked inputs and in the state, so it is
 * read like any other value. Only when the name is unknown at preview, or absent (as under the mock
 * engine, which does not auto-name), is the default group's name `UNKNOWN`; the destination
 * still names the property it depends on, so a rule can follow it through propertyDependencies.
 */
import { API_GATEWAY } from "./apiGateway";
import { APPSYNC } from "./appSync";
import { BEDROCK } from "./bedrock";
import { CLOUDTRAIL } from "./cloudTrail";
import { CODEBUILD } from "./codeBuild";
import { ECS } from "./ecs";
import { ECS_CLUSTER } from "./ecsCluster";
import { EKS } from "./eks";
import { FLOW_LOGS } from "./flowLogs";
import { GLUE } from "./glue";
import { LAMBDA } from "./lambda";
import { LOG_DELIVERY } from "./logDelivery";
import { MSK } from "./msk";
import { NETWORK_FIREWALL } from "./networkFirewall";
import { OPENSEARCH } from "./openSearch";
import { RDS } from "./rds";
import { ROUTE53 } from "./route53";
import { STEP_FUNCTIONS } from "./stepFunctions";
import { WAFV2 } from "./wafv2";
import { DestinationType, LogDestinations } from "../types";

export { ApiGatewayStageKey, apiGatewayStageKey } from "./apiGateway";
export * from "../types";

/**
 * Resource types that send logs to CloudWatch Logs, keyed by Pulumi type token, each with the AWS
 * documentation of where its logs go.
 */
export const DESTINATION_TYPES: Readonly<Record<string, DestinationType>> = {
    ...LAMBDA,
    ...API_GATEWAY,
    ...EKS,
    ...RDS,
    ...FLOW_LOGS,
    ...ECS,
    ...STEP_FUNCTIONS,
    ...CODEBUILD,
    ...ROUTE53,
    ...OPENSEARCH,
    ...MSK,
    ...BEDROCK,
    ...NETWORK_FIREWALL,
    ...WAFV2,
    ...CLOUDTRAIL,
    ...ECS_CLUSTER,
    ...APPSYNC,
    ...GLUE,
    ...LOG_DELIVERY,
};

export const DESTINATION_TYPE_NAMES: readonly string[] = Object.keys(DESTINATION_TYPES);

/**
 * What the table covers, for policy descriptions: each row's label once, in the plural, in table
 * order (`Lambda functions, API Gateway stages, ...`). Derived, so a new row updates every text.
 */
export const DESTINATION_SUMMARY: string = [
    ...new Set(
        Object.values(DESTINATION_TYPES).map((row) =>
            row.label.endsWith("s") ? row.label : `${row.label}s`,
        ),
    ),
].join(", ");

/**
 * The log groups one resource writes to, from its type and raw properties (a `@pulumi/policy`
 * props proxy or a plain object); `undefined` when the type sends no logs to CloudWatch Logs (not
 * in {@link DESTINATION_TYPES}). Never throws.
 */
export function logDestinations(type: string, props: unknown): LogDestinations | undefined {
    const row = Object.prototype.hasOwnProperty.call(DESTINATION_TYPES, type)
        ? DESTINATION_TYPES[type]
        : undefined;
    if (row === undefined) {
        return undefined;
    }
    try {
        return row.destinations(props);
    } catch (e) {
        return {
            kind: "unknown",
            property: "(properties)",
            reason: `the properties could not be read (${e instanceof Error ? e.message : String(e)})`,
        };
    }
}
