/**
 * What `PublishedKey` and `PublishedLogGroup` share: reading facts another stack publishes as an
 * output (or at a dotted path into an output) through a StackReference, with the arguments checked
 * first and the facts checked on arrival.
 */
import * as pulumi from "@pulumi/pulumi";
import { InputError } from "../../aws/errors";
import { checked } from "./component";

/** The stack and output a published thing is read from. */
export interface PublishedArgs {
    readonly stackName: pulumi.Input<string>;
    readonly outputName: string;
}

/**
 * How the errors about one kind of published facts read; whole texts, so docs/errors.md can quote
 * them as written in the component's file.
 */
export interface PublishedKind {
    /** The problem of a bad `outputName`. */
    readonly outputProblem: string;
    /** The problem of a missing `stackName`. */
    readonly stackProblem: string;
    /** An output name and a dotted path, e.g. `["logsKey", "keys.logs"]`. */
    readonly examples: readonly [string, string];
    /** How to publish such facts. */
    readonly howTo: string;
}

const OUTPUT_NAME = /^[^.\s]+(\.[^.\s]+)*$/;

/** Checks `stackName` and `outputName`, known at construction; throws an {@link InputError}. Pure. */
export function checkPublishedArgs(args: PublishedArgs | undefined, kind: PublishedKind): void {
    if (typeof args?.outputName !== "string" || !OUTPUT_NAME.test(args.outputName)) {
        const problem = kind.outputProblem;
        throw new InputError(
            "outputName",
            args?.outputName,
            problem,
            `an output name (${JSON.stringify(kind.examples[0])}), or a dotted path into a map of facts (${JSON.stringify(kind.examples[1])})`,
            kind.howTo,
        );
    }
    if (args.stackName === undefined || args.stackName === null || args.stackName === "") {
        const problem = kind.stackProblem;
        throw new InputError(
            "stackName",
            args.stackName,
            problem,
            'a stack name as a StackReference takes it, "<organization>/<project>/<stack>"',
            "pass the owning stack's name",
        );
    }
}

/** The value at `outputName`'s path below its first segment, whose value is `output`. Pure. */
export function valueAtOutputPath(output: unknown, outputName: string): unknown {
    let value: unknown = output;
    for (const part of outputName.split(".").slice(1)) {
        value =
            value !== null && typeof value === "object"
                ? (value as Record<string, unknown>)[part]
                : undefined;
    }
    return value;
}

/**
 * Checks `args` (as `check` does), then reads the output they name through the StackReference
 * `${name}-stack`, a child of `parent`, and checks it with `factsAt`. Returns the stack name and
 * the facts, for the component to assign and register.
 */
export function readPublished<T>(
    parent: pulumi.Resource,
    label: string,
    name: string,
    args: PublishedArgs,
    check: (args: PublishedArgs) => void,
    factsAt: (output: unknown, outputName: string, stackName: string) => T,
): { stackName: pulumi.Output<string>; facts: pulumi.Output<T> } {
    checked(parent, label, () => check(args));
    const reference = new pulumi.StackReference(
        `${name}-stack`,
        { name: args.stackName },
        { parent },
    );
    const stackName = pulumi.output(args.stackName);
    const facts = pulumi
        .all([reference.requireOutput(args.outputName.split(".")[0]), stackName])
        .apply(([output, stack]) =>
            checked(parent, label, () => factsAt(output, args.outputName, stack)),
        );
    return { stackName, facts };
}
