/**
 * What the log-destination suites through the analyzer protocol share: the policy names and
 * description, fixture helpers, the row builders, and {@link packSuite}, which starts the pack once
 * for a suite whose cases are registered by small functions.
 */
import { namedLogGroup, writer } from "../../harness/destinationFixtures";
import { StackResource, unknown, usePolicyPackResetPerTest } from "../../harness/policyHarness";
import { ACCOUNT, StackBuilder, cloudTrailPolicy } from "../../harness/stackFixtures";
import { DESTINATION_SUMMARY, logDestinations } from "../../policypack/lib/destinations/services";

/** The running pack, as {@link usePolicyPackResetPerTest} returns it. */
export type Running = ReturnType<typeof usePolicyPackResetPerTest>;

/** A preview of a stack under the running pack. */
export function previewOf(running: Running) {
    return (s: StackBuilder) => running().preview(s.resources);
}

/** A suite with the pack started once, its configuration reset after each case. */
export function packSuite(title: string, register: (running: Running) => void): void {
    describe(title, function () {
        this.timeout(120_000);
        const running = usePolicyPackResetPerTest();
        register(running);
    });
}

export const ENCRYPTED = "log-destinations-encrypted";
export const UNVERIFIED = "log-encryption-unverified";
export const REQUIRED = "log-encryption-key-required";
/** The policy's description: the table's labels (`DESTINATION_SUMMARY`), derived, never listed here. */
export const DESCRIPTION =
    `Resources that send logs to CloudWatch Logs (${DESTINATION_SUMMARY}) must write to a log group this stack declares, in their region, ` +
    "encrypted with a KMS key the key checks accept; a group the service would create itself is refused. " +
    "Serves: AWS Config cloudwatch-log-group-encrypted, NIST SP 800-53 SC-28 and AU-9, for the groups services write to.";

export const arn = (name: string, region = "us-east-1") =>
    `arn:aws:logs:${region}:${ACCOUNT}:log-group:${name}`;

/** A resource the unknown names are computed from (say a random suffix). */
export function source(s: StackBuilder): StackResource {
    return writer(s, "random:index/randomPet:RandomPet", "suffix", { length: 2 });
}

/**
 * One row of the table: the writer (`name`), what it writes to (`group`: the log group's name), and
 * builders for each case. `reference` points the writer at a declared group through an unknown
 * value with a property dependency; `unknownName`, at a group whose name is unknown at preview.
 */
export interface Row {
    readonly type: string;
    readonly name: string;
    readonly group: string;
    /** The writer writing to `group` by its known name or ARN. */
    readonly known: (s: StackBuilder) => void;
    readonly reference?: (s: StackBuilder, group: StackResource) => void;
    readonly unknownName: (s: StackBuilder) => void;
    /** Logging off (absent for the types that cannot turn it off). */
    readonly disabled?: (s: StackBuilder) => void;
}

export const LAMBDA = "aws:lambda/function:Function";
export const APPSYNC = "aws:appsync/graphQLApi:GraphQLApi";
export const APPSYNC_INPUTS = {
    name: "api",
    authenticationType: "API_KEY",
    logConfig: {
        cloudwatchLogsRoleArn: `arn:aws:iam::${ACCOUNT}:role/appsync`,
        fieldLogLevel: "ERROR",
    },
};
export const ECS_DEFINITIONS = (group: string, extra: Record<string, string> = {}) =>
    JSON.stringify([
        {
            name: "web",
            image: "nginx",
            logConfiguration: {
                logDriver: "awslogs",
                options: { "awslogs-group": group, "awslogs-stream-prefix": "web", ...extra },
            },
        },
    ]);

/** A row whose writer names its group (`property` holds `group` or its ARN). */
export function arnRow(
    type: string,
    name: string,
    group: string,
    props: (destination: unknown) => Record<string, unknown>,
    top: string,
    disabled?: Record<string, unknown>,
    suffix = "",
): Row {
    return {
        type,
        name,
        group,
        known: (s) => writer(s, type, name, props(arn(group) + suffix)),
        reference: (s, g) =>
            writer(s, type, name, props(unknown()), {
                propertyDependencies: { [top]: [g.urn] },
            }),
        unknownName: (s) => {
            const g = namedLogGroup(s, `${name}-logs`, unknown(), { nameFrom: source(s) });
            writer(s, type, name, props(unknown()), { propertyDependencies: { [top]: [g.urn] } });
        },
        disabled: disabled === undefined ? undefined : (s) => writer(s, type, name, disabled),
    };
}

/** A row whose group is the service's default, named from the writer's `idProperty`. */
export function defaultRow(
    type: string,
    name: string,
    group: string,
    idProperty: string,
    props: Record<string, unknown>,
    disabled?: Record<string, unknown>,
): Row {
    return {
        type,
        name,
        group,
        known: (s) => writer(s, type, name, props),
        unknownName: (s) => {
            const from = source(s);
            namedLogGroup(s, `${name}-logs`, unknown(), { nameFrom: from });
            writer(
                s,
                type,
                name,
                { ...props, [idProperty]: unknown() },
                { propertyDependencies: { [idProperty]: [from.urn] } },
            );
        },
        disabled: disabled === undefined ? undefined : (s) => writer(s, type, name, disabled),
    };
}

/** A row whose writer names its group by name in `props(name)` (`top`: the top-level input). */
export function nameRow(
    type: string,
    name: string,
    group: string,
    props: (destination: unknown) => Record<string, unknown>,
    top: string,
    disabled?: Record<string, unknown>,
): Row {
    return {
        type,
        name,
        group,
        known: (s) => writer(s, type, name, props(group)),
        reference: (s, g) =>
            writer(s, type, name, props(unknown()), { propertyDependencies: { [top]: [g.urn] } }),
        unknownName: (s) => {
            const g = namedLogGroup(s, `${name}-logs`, unknown(), { nameFrom: source(s) });
            writer(s, type, name, props(unknown()), { propertyDependencies: { [top]: [g.urn] } });
        },
        disabled: disabled === undefined ? undefined : (s) => writer(s, type, name, disabled),
    };
}

/** A trail with a usable key and its bucket, sending its events to `groupArn` (or nowhere). */
export function trail(s: StackBuilder, groupArn: unknown, dependsOn: string[] = []): void {
    const key = s.key("audit-key", { existing: true, policy: cloudTrailPolicy() });
    const r = s.trail("audit", s.bucket("audit-logs"), {
        key,
        extra: groupArn === undefined ? {} : { cloudWatchLogsGroupArn: groupArn },
    });
    if (dependsOn.length > 0) {
        (r.propertyDependencies as Record<string, string[]>).cloudWatchLogsGroupArn = dependsOn;
    }
}

/**
 * Whether the row's service creates the group it writes to when it is missing (then a group the
 * stack does not declare is refused; else it must exist outside the stack): read from the table.
 */
export function serviceCreatesItsGroup(row: Row): boolean {
    const s = new StackBuilder();
    row.known(s);
    const w = s.resources.find((r) => r.type === row.type && r.name === row.name)!;
    const logs = logDestinations(row.type, { ...w.inputs, ...w.outputs });
    return logs?.kind === "writes" && logs.destinations.some((d) => d.serviceCreatesGroup);
}
