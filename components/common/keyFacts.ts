/**
 * Building a key's published facts (the contract of `keyFactsContract.ts`) from an `aws.kms.Key`:
 * what `LogsKey.facts` and `CloudTrailKey.facts` are, and what a stack exports for a key this
 * package did not make.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { parse as parseArn } from "@aws-sdk/util-arn-parser";
import { KEY_FACTS_KIND, PublishedKeyFacts } from "../../aws/keyFactsContract";

/** Options of {@link keyFacts}. */
export interface KeyFactsOptions {
    /**
     * The key policy that applies, when it is not the key's own `policy` (an
     * `aws.kms.KeyPolicy` replaces it: pass that resource's `policy`).
     * @default - the key's `policy`
     */
    readonly policy?: pulumi.Input<string>;
}

/**
 * The facts of `key` to publish as a stack output (`export const logsKey = keyFacts(key);`), so
 * that the policy pack judges the key in the stacks that use it through a `StackReference`.
 * The region is the one in the key's ARN; an unset key spec, key usage, multi-Region or rotation
 * is the provider's default, as the aws.kms.Key documentation states them: `customerMasterKeySpec`
 * "Defaults to `SYMMETRIC_DEFAULT`", `keyUsage` "Defaults to `ENCRYPT_DECRYPT`", `multiRegion`
 * "Defaults to `false`", `enableKeyRotation` "Defaults to `false`".
 */
export function keyFacts(
    key: aws.kms.Key,
    opts: KeyFactsOptions = {},
): pulumi.Output<PublishedKeyFacts> {
    return pulumi
        .all([
            key.arn,
            key.customerMasterKeySpec,
            key.keyUsage,
            key.multiRegion,
            key.enableKeyRotation,
            opts.policy ?? key.policy,
        ])
        .apply(([arn, keySpec, keyUsage, multiRegion, enableKeyRotation, policy]) => ({
            kind: KEY_FACTS_KIND,
            arn,
            region: parseArn(arn).region,
            keySpec: keySpec ?? "SYMMETRIC_DEFAULT",
            keyUsage: keyUsage ?? "ENCRYPT_DECRYPT",
            multiRegion: multiRegion ?? false,
            enableKeyRotation: enableKeyRotation ?? false,
            policy,
        }));
}
