/**
 * A log group another stack owns and publishes (`logGroupFacts(group, key.facts)` as a stack
 * output), read through a StackReference so that the group's facts, and its key's, reach this
 * stack's policy pack: a resource of this stack that writes to the group (a Lambda's
 * `loggingConfig.logGroup`, an API Gateway stage's access-log ARN, a flow log, ...) is then judged
 * at `pulumi preview` instead of "cannot verify yet".
 *
 * A plain `aws.cloudwatch.LogGroup.get(...)` or `pulumi.StackReference` is not enough: the Pulumi
 * engine sends a policy pack the resources a program registers, not the ones it reads (measured
 * under the real CLI v3.248.0: tests/engine/readGroup.test.ts).
 */
import * as pulumi from "@pulumi/pulumi";
import { parse as parseArn } from "@aws-sdk/util-arn-parser";
import { PACKAGE } from "./component";
import { PublishedKind, checkPublishedArgs, readPublished, valueAtOutputPath } from "./published";
import { InputError } from "../../aws/errors";
import { PublishedKeyFacts } from "../../aws/keyFactsContract";
import {
    LOG_GROUP_FACTS_KIND,
    PublishedLogGroupFacts,
    checkLogGroupFacts,
    claimsLogGroupFacts,
} from "../../aws/logGroupFactsContract";

const HOW_TO =
    "export the group's facts in the owning stack (export const sharedGroup = logGroupFacts(group, key.facts);) and name that output";

/** The log group {@link logGroupFacts} reads: an `aws.cloudwatch.LogGroup`, an `EncryptedLogGroup`, a `LogGroup.get`. */
export interface LogGroupLike {
    /** The group's name. */
    readonly name: pulumi.Input<string>;
    /** The group's ARN (with or without `:*`). */
    readonly arn: pulumi.Input<string>;
    /** `kmsKeyId` of an `aws.cloudwatch.LogGroup`. */
    readonly kmsKeyId?: pulumi.Input<string | undefined>;
    /** `kmsKeyArn` of an `EncryptedLogGroup`. */
    readonly kmsKeyArn?: pulumi.Input<string | undefined>;
}

/**
 * The facts of `group` to publish as a stack output (`export const sharedGroup =
 * logGroupFacts(group, key.facts);`), for a {@link PublishedLogGroup} in the stacks that write to
 * it. `key`: the facts of the group's key (`LogsKey.facts`, `keyFacts(key)`), so the pack judges
 * that key too; without them the pack can only say the key cannot be verified.
 */
export function logGroupFacts(
    group: LogGroupLike,
    key?: pulumi.Input<PublishedKeyFacts>,
): pulumi.Output<PublishedLogGroupFacts> {
    return pulumi
        .all([group.name, group.arn, group.kmsKeyArn ?? group.kmsKeyId, key])
        .apply(([name, arn, kmsKeyArn, keyFacts]) => ({
            kind: LOG_GROUP_FACTS_KIND,
            name,
            arn: arn.replace(/:\*$/, ""),
            region: parseArn(arn).region,
            kmsKeyArn: kmsKeyArn ?? "",
            ...(keyFacts === undefined ? {} : { key: keyFacts as PublishedKeyFacts }),
        }));
}

/** Arguments of {@link PublishedLogGroup}. */
export interface PublishedLogGroupArgs {
    /** The stack that owns the group: `<organization>/<project>/<stack>`. */
    readonly stackName: pulumi.Input<string>;
    /** The output of that stack holding the group's facts, or a dotted path into a map (`groups.shared`). */
    readonly outputName: string;
}

const GROUP: PublishedKind = {
    outputProblem: "it must name the output of the owning stack that holds the group's facts",
    stackProblem: "it must name the stack that owns the log group",
    examples: ["sharedGroup", "groups.shared"],
    howTo: HOW_TO,
};

/** Checks the arguments of a {@link PublishedLogGroup} known at construction. Pure. */
export function checkPublishedLogGroupArgs(args: PublishedLogGroupArgs | undefined): void {
    checkPublishedArgs(args, GROUP);
}

/** The facts at `outputName` of the value of its first segment, checked; throws an InputError saying how to publish. */
export function publishedLogGroupFactsAt(
    output: unknown,
    outputName: string,
    stackName: string,
): PublishedLogGroupFacts {
    const value = valueAtOutputPath(output, outputName);
    const allowed = `an output holding an object with kind "${LOG_GROUP_FACTS_KIND}"`;
    if (!claimsLogGroupFacts(value)) {
        throw new InputError(
            "outputName",
            outputName,
            `the output ${JSON.stringify(outputName)} of stack ${stackName} holds ${JSON.stringify(value) ?? "nothing"}, not a log group's facts`,
            allowed,
            HOW_TO,
        );
    }
    const found = checkLogGroupFacts(value);
    if ("problems" in found) {
        throw new InputError(
            "outputName",
            outputName,
            `the log group facts at the output ${JSON.stringify(outputName)} of stack ${stackName} break the contract: ${found.problems.join("; ")}`,
            allowed,
            HOW_TO,
        );
    }
    return found.facts;
}

/**
 * Reads another stack's published log group: its name and ARN for the resources that write to it,
 * and its facts (with its key's), which this component registers as an output so that the
 * `encrypted-logs` policy pack judges the group and its key in this stack at preview.
 *
 * ```ts
 * const shared = new PublishedLogGroup("platform-shared", {
 *     stackName: "acme/platform/prod",
 *     outputName: "sharedGroup",
 * });
 * new aws.ec2.FlowLog("vpc", { vpcId, trafficType: "ALL", logDestination: shared.arn, iamRoleArn });
 * ```
 */
export class PublishedLogGroup extends pulumi.ComponentResource {
    /** The group's name. */
    public readonly name: pulumi.Output<string>;
    /** The group's ARN (without `:*`). */
    public readonly arn: pulumi.Output<string>;
    /** The group's key ARN, `""` when it has none. */
    public readonly kmsKeyArn: pulumi.Output<string>;
    /** The published facts, checked against the contract. */
    public readonly facts: pulumi.Output<PublishedLogGroupFacts>;
    /** The stack read, as given. */
    public readonly stackName: pulumi.Output<string>;

    /**
     * @param name the component's name; its StackReference is named `${name}-stack`.
     * @param args the stack and the output that publish the group.
     * @param opts options.
     */
    constructor(name: string, args: PublishedLogGroupArgs, opts?: pulumi.ComponentResourceOptions) {
        super(`${PACKAGE}:index:PublishedLogGroup`, name, {}, opts);
        const label = `PublishedLogGroup "${name}"`;
        const read = readPublished(
            this,
            label,
            name,
            args,
            checkPublishedLogGroupArgs,
            publishedLogGroupFactsAt,
        );
        this.stackName = read.stackName;
        this.facts = read.facts;
        this.name = this.facts.name;
        this.arn = this.facts.arn;
        this.kmsKeyArn = this.facts.kmsKeyArn;
        this.registerOutputs({
            name: this.name,
            arn: this.arn,
            kmsKeyArn: this.kmsKeyArn,
            facts: this.facts,
            stackName: this.stackName,
        });
    }
}
