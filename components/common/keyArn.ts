/**
 * Checking a key ARN a user passes to a component (`kmsKeyArn`, `previousKmsKeyArns`): the same
 * check for every service, with the service's reason for wanting a full key ARN.
 */
import * as pulumi from "@pulumi/pulumi";
import { AwsLocation, LOGS_NEEDS_KEY_ARN, checkKeyLocation, parseKmsKeyArn } from "../../aws/arn";
import { checked } from "./component";

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
