/**
 * Fixture builders for resources that write to CloudWatch Logs and the log groups they write to,
 * on top of {@link StackBuilder}: a writer of any type with its inputs and property dependencies,
 * and log groups with a given name (known or unknown at preview, computed from a resource).
 */
import { logGroupKeyPolicy } from "../components";
import { StackResource, UnknownValue, unknown } from "./policyHarness";
import { ACCOUNT, StackBuilder } from "./stackFixtures";

/** Options of {@link writer}. */
export interface WriterOptions {
    /** Property dependencies, as the engine sends them (also the resource's dependencies). */
    readonly propertyDependencies?: Readonly<Record<string, readonly string[]>>;
    /** Outputs, when they differ from the inputs (AnalyzeStack reads outputs). */
    readonly outputs?: Record<string, unknown>;
    readonly provider?: string;
    readonly parent?: string;
}

/** A resource of `type` named `name` with these inputs, under the stack and its default provider. */
export function writer(
    s: StackBuilder,
    type: string,
    name: string,
    inputs: Record<string, unknown>,
    opts: WriterOptions = {},
): StackResource {
    const propertyDependencies = opts.propertyDependencies ?? {};
    return s.add({
        urn: s.urn(type, name, opts.parent),
        type,
        name,
        inputs,
        outputs: opts.outputs,
        parent: opts.parent ?? s.stackUrn,
        provider: opts.provider ?? s.defaultProvider,
        dependencies: [...new Set(Object.values(propertyDependencies).flat())],
        propertyDependencies,
    });
}

/** Options of {@link namedLogGroup}. */
export interface NamedLogGroupOptions {
    /** Encrypt it with a deployed key scoped to the group (or, for an unknown name, account-wide). @default true */
    readonly encrypted?: boolean;
    /** The resource the group's name is computed from (when the name is unknown at preview). */
    readonly nameFrom?: StackResource;
    readonly region?: string;
    readonly provider?: string;
    readonly parent?: string;
}

/**
 * An `aws:cloudwatch/logGroup:LogGroup` resource `resourceName` whose `name` is `groupName` (or
 * unknown at preview), by default encrypted with a deployed key whose policy covers it.
 */
export function namedLogGroup(
    s: StackBuilder,
    resourceName: string,
    groupName: string | UnknownValue,
    opts: NamedLogGroupOptions = {},
): StackResource {
    const region = opts.region ?? s.regionOf(opts.provider);
    const key =
        opts.encrypted === false
            ? undefined
            : s.key(`${resourceName}-key`, {
                  existing: true,
                  region: opts.region,
                  provider: opts.provider,
                  policy: logGroupKeyPolicy({
                      partition: "aws",
                      dnsSuffix: "amazonaws.com",
                      region,
                      accountId: ACCOUNT,
                      ...(typeof groupName === "string"
                          ? { logGroupNames: [groupName] }
                          : { accountWide: true }),
                  }),
              });
    const group = s.logGroup(resourceName, {
        key,
        region: opts.region,
        provider: opts.provider,
        parent: opts.parent,
        extra: { name: groupName },
    });
    if (opts.nameFrom !== undefined) {
        (group.propertyDependencies as Record<string, string[]>).name = [opts.nameFrom.urn];
    }
    return group;
}

/** The value a resource gets when it references `group`'s ARN (unknown at preview in these fixtures). */
export function groupArnOf(group: StackResource): string | UnknownValue {
    const arn = (group.outputs ?? group.inputs).arn;
    return typeof arn === "string" ? arn : unknown();
}

/**
 * A stack with every kind of log-destination finding, for the word-for-word catalogue: groups the
 * service would create, a group that must exist elsewhere, a declared group without a key, one
 * whose key the key rules refuse, a region mismatch, destinations followed through unknown names,
 * one that cannot be identified yet, and writers that log nowhere.
 */
export function logDestinationStack(): StackResource[] {
    const s = new StackBuilder();
    const LAMBDA = "aws:lambda/function:Function";
    // The service creates it: Lambda's default group, EKS's, an RDS export's.
    writer(s, LAMBDA, "undeclared-fn", { name: "undeclared-fn" });
    writer(s, "aws:eks/cluster:Cluster", "cluster", {
        name: "prod",
        enabledClusterLogTypes: ["api", "audit"],
    });
    writer(s, "aws:rds/instance:Instance", "db", {
        identifier: "orders-db",
        enabledCloudwatchLogsExports: ["postgresql"],
    });
    // Must exist elsewhere: a state machine's ARN to a group the stack does not declare.
    writer(s, "aws:sfn/stateMachine:StateMachine", "workflow", {
        definition: "{}",
        loggingConfiguration: {
            level: "ERROR",
            logDestination: `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:/app/workflow:*`,
        },
    });
    // Declared without a key, and declared with an RSA key.
    const plain = namedLogGroup(s, "plain-logs", "/app/plain", { encrypted: false });
    writer(
        s,
        LAMBDA,
        "plain-fn",
        { name: "plain-fn", loggingConfig: { logFormat: "Text", logGroup: unknown() } },
        { propertyDependencies: { loggingConfig: [plain.urn] } },
    );
    s.logGroup("rsa-logs", {
        key: s.key("rsa-logs-key", { existing: true, spec: "RSA_2048" }),
        extra: { name: "/aws/codebuild/build-web" },
    });
    writer(s, "aws:codebuild/project:Project", "build", { name: "build-web" });
    // A group of the name in another region than its writer's.
    const eu = s.provider("eu", "eu-west-1");
    namedLogGroup(s, "eu-logs", "/aws/lambda/regional-fn", { provider: eu });
    writer(s, LAMBDA, "regional-fn", { name: "regional-fn" });
    apiGatewayLogs(s);
    // Cannot be identified yet.
    writer(s, LAMBDA, "unnamed-fn", { name: unknown() });
    writer(s, "aws:ecs/taskDefinition:TaskDefinition", "web", {
        family: "web",
        containerDefinitions: unknown(),
    });
    // Logging off, or elsewhere.
    writer(s, "aws:ec2/flowLog:FlowLog", "to-s3", {
        vpcId: "vpc-1",
        logDestinationType: "s3",
        logDestination: "arn:aws:s3:::flow-logs",
    });
    writer(s, "aws:codebuild/project:Project", "quiet-build", {
        name: "quiet-build",
        logsConfig: { cloudwatchLogs: { status: "DISABLED" } },
    });
    return s.resources;
}

/**
 * Destinations followed through unknown values, for {@link logDestinationStack}: the execution logs
 * of an API whose id is unknown at preview, and a stage's access logs by reference to their group.
 */
function apiGatewayLogs(s: StackBuilder): void {
    const api = writer(s, "aws:apigateway/restApi:RestApi", "api", { name: "api" });
    namedLogGroup(s, "execution-logs", unknown(), { nameFrom: api });
    writer(
        s,
        "aws:apigateway/methodSettings:MethodSettings",
        "api-logging",
        {
            restApi: unknown(),
            stageName: "prod",
            methodPath: "*/*",
            settings: { loggingLevel: "INFO" },
        },
        { propertyDependencies: { restApi: [api.urn] } },
    );
    const access = namedLogGroup(s, "access-logs", "/app/access");
    writer(
        s,
        "aws:apigateway/stage:Stage",
        "prod",
        {
            restApi: unknown(),
            stageName: "prod",
            accessLogSettings: { destinationArn: groupArnOf(access), format: "$context.requestId" },
        },
        { propertyDependencies: { restApi: [api.urn], accessLogSettings: [access.urn] } },
    );
}
