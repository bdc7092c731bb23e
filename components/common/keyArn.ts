/**
 * Checking a key ARN a user passes to a component (`kmsKeyArn`, `previousKmsKeyArns`): the same
 * check for every service, with the service's reason for wanting a full key ARN.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { AwsLocation, LOGS_NEEDS_KEY_ARN, checkKeyLocation, parseKmsKeyArn } from "../../aws/arn";
import { InputError } from "../../aws/errors";
import { checked } from "./component";

/** The key a component's resource ends up with: a key it created, or the user's own, checked. */
export interface ChosenKey {
    /** The key ARN, checked to be in the resource's partition and region. */
    readonly arn: pulumi.Output<string>;
    /** The KMS key created for the resource, if one was. */
    readonly key?: aws.kms.Key;
    /** What the resource must wait for: the new key with its policy. */
    readonly dependsOn: pulumi.Resource[];
}

/** The user's `kmsKeyArn`, checked as {@link checkedKeyArn} does; nothing to wait for. */
export function givenKey(
    parent: pulumi.Resource,
    label: string,
    given: pulumi.Input<string>,
    where: pulumi.Output<AwsLocation>,
    user: string,
    needArn: string = LOGS_NEEDS_KEY_ARN,
): ChosenKey {
    return {
        arn: checkedKeyArn(parent, label, "kmsKeyArn", given, where, user, needArn),
        dependsOn: [],
    };
}

/**
 * Refuses an argument that a component grants only on the key it creates when `kmsKeyArn` brings
 * a key of the user's own. `problem` is the whole text, so docs/errors.md can quote it as written
 * in the caller. Pure.
 */
export function refuseGrantOnOwnKey(
    kmsKeyArn: unknown,
    argument: string,
    value: unknown,
    problem: string,
    fix: string,
): void {
    if (kmsKeyArn !== undefined && value !== undefined) {
        throw new InputError(argument, value, problem, `${argument} without kmsKeyArn`, fix);
    }
}

/**
 * Checks a key ARN the user gave: its form at once when it is a plain string, its partition and
 * region (which need the provider's answers) inside an apply. The result carries the input's
 * dependencies, so a failed check stops the resource that uses it. `needArn` says why a key ARN is
 * needed (by default, CloudWatch Logs' reason).
 */
export function checkedKeyArn(
    parent: pulumi.Resource,
    label: string,
    argument: string,
    given: pulumi.Input<string>,
    where: pulumi.Output<AwsLocation>,
    user: string,
    needArn: string = LOGS_NEEDS_KEY_ARN,
): pulumi.Output<string> {
    if (typeof given === "string") {
        checked(parent, label, () => parseKmsKeyArn(argument, given, needArn));
    }
    return pulumi
        .all([given, where])
        .apply(([value, loc]) =>
            checked(parent, label, () => checkKeyLocation(argument, value, loc, user, needArn).arn),
        );
}
