/**
 * A KMS key another stack owns and publishes (its `LogsKey.facts`, `CloudTrailKey.facts` or
 * `keyFacts(key)` output), read through a StackReference so that both the key ARN and the key's
 * facts reach this stack's policy pack.
 */
import * as pulumi from "@pulumi/pulumi";
import { PACKAGE } from "./component";
import { PublishedKind, checkPublishedArgs, readPublished, valueAtOutputPath } from "./published";
import { InputError } from "../../aws/errors";
import { PublishedKeyFacts, checkKeyFacts, claimsKeyFacts } from "../../aws/keyFactsContract";

const FACTS_HOW_TO =
    "export the key's facts in the owning stack (export const logsKey = key.facts; for a LogsKey or CloudTrailKey, keyFacts(key) for any aws.kms.Key) and name that output";
const KEY: PublishedKind = {
    outputProblem: "it must name the output of the owning stack that holds the key's facts",
    stackProblem: "it must name the stack that owns the key",
    examples: ["logsKey", "keys.logs"],
    howTo: FACTS_HOW_TO,
};

/** Checks the arguments of a {@link PublishedKey} that are known at construction. Pure. */
export function checkPublishedKeyArgs(args: PublishedKeyArgs | undefined): void {
    checkPublishedArgs(args, KEY);
}

/**
 * The key facts at `outputName` (a dotted path) of the value a stack's first path segment holds,
 * checked against the key-facts contract; throws an {@link InputError} naming the output, the
 * stack, what was found and how to publish facts. Pure.
 */
export function publishedKeyFactsAt(
    output: unknown,
    outputName: string,
    stackName: string,
): PublishedKeyFacts {
    const value = valueAtOutputPath(output, outputName);
    if (!claimsKeyFacts(value)) {
        throw new InputError(
            "outputName",
            outputName,
            `the output ${JSON.stringify(outputName)} of stack ${stackName} holds ${JSON.stringify(value) ?? "nothing"}, not a key's facts`,
            'an output holding an object with kind "pulumi-aws-encrypted-logs/key-facts@1"',
            FACTS_HOW_TO,
        );
    }
    const facts = checkKeyFacts(value);
    if ("problems" in facts) {
        throw new InputError(
            "outputName",
            outputName,
            `the key facts at the output ${JSON.stringify(outputName)} of stack ${stackName} break the contract: ${facts.problems.join("; ")}`,
            "facts published by key.facts or keyFacts(key) of the same major version of pulumi-aws-encrypted-logs",
            "publish them with key.facts or keyFacts(key), or upgrade this package to the publisher's major version",
        );
    }
    return facts.facts;
}

/** Arguments of {@link PublishedKey}. */
export interface PublishedKeyArgs {
    /**
     * The stack that owns the key, as a StackReference names it: `<organization>/<project>/<stack>`
     * (`organization/<project>/<stack>` on a self-managed backend).
     */
    readonly stackName: pulumi.Input<string>;
    /**
     * The output of that stack holding the key's facts (`logsKey` for `export const logsKey =
     * key.facts;`), or a dotted path into a map of facts (`keys.logs` for `export const keys = {
     * logs: logsKey.facts }`).
     */
    readonly outputName: string;
}

/**
 * Reads another stack's published key: its ARN for `kmsKeyArn`, and its facts, which this
 * component registers as an output so that the `encrypted-logs` policy pack judges the key in
 * this stack at `pulumi preview` and `pulumi up` (symmetric, region, multi-Region, key policy for
 * the groups that use it, rotation).
 *
 * A plain `pulumi.StackReference` is not enough for that: the Pulumi engine hands a policy pack
 * the resources a program registers, not the ones it reads (a StackReference is a read), so a
 * key ARN taken straight from a StackReference can only be reported as "cannot verify yet" until
 * the stack is deployed and audited with `pulumi policy analyze`.
 *
 * ```ts
 * const logsKey = new PublishedKey("platform-logs-key", {
 *     stackName: "acme/platform-keys/prod",
 *     outputName: "logsKey",
 * });
 * new EncryptedLogGroup("orders", { logGroupName: "/app/orders", kmsKeyArn: logsKey.arn });
 * ```
 */
export class PublishedKey extends pulumi.ComponentResource {
    /** The key ARN, from the published facts: what `kmsKeyArn` / `kmsKeyId` take. */
    public readonly arn: pulumi.Output<string>;
    /** The key's region, from the published facts. */
    public readonly region: pulumi.Output<string>;
    /** The published facts, checked against the key-facts contract. */
    public readonly facts: pulumi.Output<PublishedKeyFacts>;
    /** The stack read, as given. */
    public readonly stackName: pulumi.Output<string>;

    /**
     * @param name the component's name; its StackReference is named `${name}-stack`.
     * @param args the stack and the output that publish the key.
     * @param opts options.
     */
    constructor(name: string, args: PublishedKeyArgs, opts?: pulumi.ComponentResourceOptions) {
        super(`${PACKAGE}:index:PublishedKey`, name, {}, opts);
        const label = `PublishedKey "${name}"`;
        const read = readPublished(
            this,
            label,
            name,
            args,
            checkPublishedKeyArgs,
            publishedKeyFactsAt,
        );
        this.stackName = read.stackName;
        this.facts = read.facts;
        this.arn = this.facts.arn;
        this.region = this.facts.region;
        this.registerOutputs({
            arn: this.arn,
            region: this.region,
            facts: this.facts,
            stackName: this.stackName,
        });
    }
}
