/**
 * Every Lambda function of the stack gets an encrypted log group, declared before the function:
 * {@link encryptLambdaLogGroups} registers a stack transform; {@link lambdaLogGroupTransform} is
 * the transform itself (also usable in one resource's `transforms` option).
 *
 * Why a transform, and why the group must come first. Lambda "automatically creates a log group
 * named /aws/lambda/<function name> for your function when it's first invoked"
 * (https://docs.aws.amazon.com/lambda/latest/dg/monitoring-cloudwatchlogs-loggroups.html), with no
 * key; if the stack declares that group after the function has run, its creation fails with
 * `ResourceAlreadyExistsException`. The transform runs when the engine receives the function's
 * registration, before the function is created, so it can declare the group then.
 *
 * How the function is ordered after the group. The function's `loggingConfig.logGroup` is set to
 * the group's `name` output: the SDK sends the transformed inputs only once that output resolves,
 * which in an update is after the log group (and, before it, its key and key policy) has been
 * created. The transform also returns the group in `dependsOn`; the Pulumi engine records a stack
 * transform's returned dependencies only for resources that carry `transforms` themselves
 * (`pkg/resource/deploy/source_eval.go`, pulumi/pulumi 1b59498: `if len(req.Transforms) > 0`), so
 * the data flow, not `dependsOn`, is what orders a stack-transformed function.
 */
import * as pulumi from "@pulumi/pulumi";
import { createHash } from "node:crypto";
import { lambdaLogGroupName } from "../../aws/serviceLogGroups";
import { validateOneOf, validateRetentionInDays } from "../common/validation";
import { ENCRYPTABLE_LOG_GROUP_CLASSES } from "./enums";
import { EncryptedLogGroup, EncryptedLogGroupArgs } from "./encryptedLogGroup";

/** The Pulumi type of a Lambda function. */
const LAMBDA_FUNCTION = "aws:lambda/function:Function";

/**
 * Settings of the log groups {@link lambdaLogGroupTransform} declares: those of
 * {@link EncryptedLogGroupArgs} that are the same for every function (the group's name and region
 * come from each function).
 */
export type LambdaLogGroupArgs = Pick<
    EncryptedLogGroupArgs,
    | "retentionInDays"
    | "kmsKeyArn"
    | "viaServiceRoleArns"
    | "keyAdminArns"
    | "logGroupClass"
    | "skipDestroy"
    | "tags"
>;

function isPlainObject(value: unknown): value is Record<string, unknown> {
    return (
        value !== null &&
        typeof value === "object" &&
        !Array.isArray(value) &&
        !pulumi.Output.isInstance(value) &&
        !pulumi.isUnknown(value)
    );
}

/**
 * The group of a function whose `name` is not given: the provider auto-names the function
 * (`<resource name>-<random>`), which the transform cannot know, so the group gets a name of the
 * same shape that is stable across deployments: `/aws/lambda/<resource name>-<7 hex digits>`, the
 * digits from the function's parent URN (which carries the project and stack) and resource name, so
 * two stacks of one program in one account do not collide.
 */
function autoNamedGroup(
    resourceName: string,
    parent: pulumi.Resource | undefined,
): pulumi.Output<string> {
    return pulumi.output(parent?.urn ?? "").apply((parentUrn) => {
        const digest = createHash("sha256").update(`${parentUrn}\n${resourceName}`).digest("hex");
        return lambdaLogGroupName(`${resourceName}-${digest.slice(0, 7)}`);
    });
}

/** The group name for a function's `name` as the transform receives it. */
function groupNameFor(
    functionName: unknown,
    resourceName: string,
    parent: pulumi.Resource | undefined,
): pulumi.Input<string> {
    if (typeof functionName === "string" && functionName !== "") {
        return lambdaLogGroupName(functionName);
    }
    if (pulumi.isUnknown(functionName)) {
        // Unknown during a preview (computed from another resource): the group's name follows it.
        return pulumi.output(functionName as string).apply(lambdaLogGroupName);
    }
    return autoNamedGroup(resourceName, parent);
}

/** Validates the arguments that are plain values once, when the transform is made. */
function validated(args: LambdaLogGroupArgs): LambdaLogGroupArgs {
    if (typeof args.retentionInDays === "number") {
        validateRetentionInDays(args.retentionInDays);
    }
    if (typeof args.logGroupClass === "string") {
        validateOneOf(
            "logGroupClass",
            args.logGroupClass,
            ENCRYPTABLE_LOG_GROUP_CLASSES,
            "this log class does not keep events under a retention period with a customer-managed key (DELIVERY keeps them one day)",
            "use STANDARD or INFREQUENT_ACCESS",
        );
    }
    return { ...args };
}

/**
 * A resource transform that gives each `aws.lambda.Function` without `loggingConfig.logGroup` an
 * {@link EncryptedLogGroup} named `/aws/lambda/<function name>` (the group Lambda would otherwise
 * create itself, unencrypted) and points the function's `loggingConfig.logGroup` at it, so the
 * function is created only after the group exists.
 *
 * - The group is the component `<function resource name>-logs`, a sibling of the function (same
 *   parent, same provider, the function's `region`).
 * - A function whose `name` is not given (auto-named by the provider) gets the group
 *   `/aws/lambda/<resource name>-<7 hex digits>`, stable across deployments.
 * - A function that already sets `loggingConfig.logGroup` is left alone, as is a function whose
 *   `loggingConfig` is unknown as a whole; other settings of `loggingConfig` are kept (`logFormat`
 *   defaults to `Text`, Lambda's plain-text format).
 * - Every other resource is left alone.
 *
 * @param args settings of every group it declares; plain values are validated here, at once.
 * @returns the transform, for `pulumi.runtime.registerResourceTransform` or a resource's `transforms`.
 */
export function lambdaLogGroupTransform(args: LambdaLogGroupArgs = {}): pulumi.ResourceTransform {
    const settings = validated(args);
    return ({ type, name, props, opts }) => {
        if (type !== LAMBDA_FUNCTION) {
            return undefined;
        }
        const config: unknown = props.loggingConfig;
        if (config !== undefined && config !== null && !isPlainObject(config)) {
            return undefined; // unknown at preview as a whole: whether it names a group is not known
        }
        const logGroup = isPlainObject(config) ? config.logGroup : undefined;
        if (logGroup !== undefined && logGroup !== null && logGroup !== "") {
            return undefined; // the function names its group: the stack declares it, or the pack says so
        }
        const group = new EncryptedLogGroup(
            `${name}-logs`,
            {
                ...settings,
                logGroupName: groupNameFor(props.name, name, opts.parent),
                region: props.region as pulumi.Input<string> | undefined,
            },
            { parent: opts.parent, provider: opts.provider },
        );
        return {
            props: {
                ...props,
                loggingConfig: {
                    logFormat: "Text",
                    ...(isPlainObject(config) ? config : {}),
                    logGroup: group.name,
                },
            },
            opts: { ...opts, dependsOn: withDependency(opts.dependsOn, group) },
        };
    };
}

/** `dependsOn` plus `resource`, whatever form `dependsOn` takes. */
function withDependency(
    dependsOn: pulumi.ResourceOptions["dependsOn"],
    resource: pulumi.Resource,
): pulumi.ResourceOptions["dependsOn"] {
    if (dependsOn === undefined) {
        return [resource];
    }
    if (Array.isArray(dependsOn)) {
        return [...dependsOn, resource];
    }
    if (pulumi.Resource.isInstance(dependsOn)) {
        return [dependsOn, resource];
    }
    return pulumi
        .output(dependsOn as pulumi.Input<pulumi.Resource[]>)
        .apply((d) => [...(Array.isArray(d) ? d : [d]), resource]);
}

/**
 * Gives every Lambda function created after this call an {@link EncryptedLogGroup} through its
 * `loggingConfig`, created before the function (see {@link lambdaLogGroupTransform}). Call it once,
 * at the top of the program: a stack transform only sees resources registered after it.
 *
 * ```ts
 * import { encryptLambdaLogGroups } from "pulumi-aws-encrypted-logs";
 * encryptLambdaLogGroups({ retentionInDays: 30 });
 * ```
 *
 * @param args settings of every group it declares.
 */
export function encryptLambdaLogGroups(args: LambdaLogGroupArgs = {}): void {
    pulumi.runtime.registerResourceTransform(lambdaLogGroupTransform(args));
}
