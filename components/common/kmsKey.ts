/**
 * The KMS resources every key of this package is made of: a symmetric, single-Region,
 * ENCRYPT_DECRYPT `aws.kms.Key` with the validated key-management settings, and its optional alias.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { KeySettings } from "./keySettings";

/** What differs between the package's keys. */
export interface SymmetricKeyArgs {
    readonly description: pulumi.Input<string>;
    readonly policy: pulumi.Input<string>;
    readonly settings: KeySettings;
    readonly region?: pulumi.Input<string>;
    readonly tags?: pulumi.Input<{ [key: string]: pulumi.Input<string> }>;
}

/**
 * Creates the key `name` as a child of `parent` (retained on delete unless the settings say
 * otherwise) and, when the settings carry an alias, the alias `${name}-alias` pointing at it.
 */
export function createSymmetricKey(
    parent: pulumi.Resource,
    name: string,
    args: SymmetricKeyArgs,
): aws.kms.Key {
    const { settings } = args;
    const key = new aws.kms.Key(
        name,
        {
            description: args.description,
            customerMasterKeySpec: "SYMMETRIC_DEFAULT",
            keyUsage: "ENCRYPT_DECRYPT",
            multiRegion: false,
            enableKeyRotation: settings.enableKeyRotation,
            rotationPeriodInDays: settings.rotationPeriodInDays,
            deletionWindowInDays: settings.deletionWindowInDays,
            policy: args.policy,
            region: args.region,
            tags: args.tags,
        },
        { parent, retainOnDelete: settings.retainOnDelete },
    );
    if (settings.alias !== undefined) {
        new aws.kms.Alias(
            `${name}-alias`,
            { name: settings.alias, targetKeyId: key.keyId, region: args.region },
            { parent },
        );
    }
    return key;
}
