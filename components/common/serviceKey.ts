/**
 * What `LogsKey` and `CloudTrailKey` share: the key (and its alias) made from a service's key
 * policy, and the outputs both publish. Each component supplies only its policy, description and
 * settings ({@link ServiceKeySpec}).
 *
 * A helper both constructors call, not a base class: Pulumi's component provider host, which the
 * multi-language schema is inferred with, treats as a component only a class that extends
 * `pulumi.ComponentResource` itself, and reads its outputs from the class's own members
 * (`@pulumi/pulumi` provider/experimental/analyzer.js, `isPulumiComponent`, `analyzeComponent`).
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { PublishedKeyFacts } from "../../aws/keyFactsContract";
import { keyFacts } from "./keyFacts";
import { SymmetricKeyArgs, createSymmetricKey } from "./kmsKey";

/** A service's key: its key policy (as JSON), description, validated settings, region and tags. */
export interface ServiceKeySpec extends SymmetricKeyArgs {
    readonly policy: pulumi.Output<string>;
}

/** The outputs of a key component, in the order it registers them. */
export interface ServiceKeyOutputs {
    readonly key: aws.kms.Key;
    readonly arn: pulumi.Output<string>;
    readonly keyId: pulumi.Output<string>;
    readonly policy: pulumi.Output<string>;
    readonly facts: pulumi.Output<PublishedKeyFacts>;
}

/**
 * Creates the key `name` (and its alias) as a child of `parent` from `spec`, and returns the
 * outputs the key component assigns and registers.
 */
export function createServiceKey(
    parent: pulumi.Resource,
    name: string,
    spec: ServiceKeySpec,
): ServiceKeyOutputs {
    const key = createSymmetricKey(parent, name, spec);
    return {
        key,
        arn: key.arn,
        keyId: key.keyId,
        policy: spec.policy,
        facts: keyFacts(key, { policy: spec.policy }),
    };
}
