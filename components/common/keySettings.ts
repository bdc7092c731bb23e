/**
 * The key-management arguments every key component of this package shares (rotation, deletion
 * window, retention on delete, alias), documented and validated once. Pure: `@pulumi/pulumi` is
 * imported for its `Input` type only.
 */
import type * as pulumi from "@pulumi/pulumi";
import { InputError } from "../../aws/errors";
import { validateAliasName, validateIntegerInRange } from "./validation";

/**
 * The key-management arguments of `LogsKey` and `CloudTrailKey`: who administers the key, its
 * alias, rotation, deletion window, what happens when it leaves the stack, and tags.
 */
export interface KeyManagementArgs {
    /**
     * Principals that administer the key (`kms:*`). Must include whoever runs `pulumi up`, or KMS
     * refuses the policy.
     * @default - the account root, which delegates key administration to IAM policies
     */
    readonly adminArns?: pulumi.Input<pulumi.Input<string>[]>;
    /**
     * An alias for the key, with or without the `alias/` prefix. Aliases are for people; pass the
     * key ARN (`arn`) to the service.
     * @default - no alias
     */
    readonly alias?: string;
    /**
     * Rotate the key material automatically.
     * @default true
     */
    readonly enableKeyRotation?: boolean;
    /**
     * Days between automatic rotations, 90 to 2560. Requires `enableKeyRotation`.
     * @default 365 (the KMS default)
     */
    readonly rotationPeriodInDays?: number;
    /**
     * Days KMS waits before deleting the key once deletion is scheduled, 7 to 30.
     * @default 30
     */
    readonly deletionWindowInDays?: number;
    /**
     * Keep the key in AWS when it is removed from the stack or the stack is destroyed. Deleting a
     * key makes every log encrypted with it unreadable forever, so this is on unless you opt out.
     * @default true
     */
    readonly retainOnDelete?: boolean;
    /**
     * Tags for the key.
     * @default - none
     */
    readonly tags?: pulumi.Input<{ [key: string]: pulumi.Input<string> }>;
}

/** Key-management arguments as the user gave them. */
export interface KeySettingsArgs {
    readonly enableKeyRotation?: boolean;
    readonly rotationPeriodInDays?: number;
    readonly deletionWindowInDays?: number;
    readonly retainOnDelete?: boolean;
    readonly alias?: string;
}

/** Key-management settings, validated, with the package's safe defaults applied. */
export interface KeySettings {
    readonly enableKeyRotation: boolean;
    readonly rotationPeriodInDays?: number;
    readonly deletionWindowInDays: number;
    readonly retainOnDelete: boolean;
    readonly alias?: string;
}

/**
 * Validates the key-management arguments and applies the defaults: rotation on, a 30-day deletion
 * window, the key retained when removed from the stack.
 */
export function validatedKeySettings(args: KeySettingsArgs): KeySettings {
    const enableKeyRotation = args.enableKeyRotation ?? true;
    const rotationPeriodInDays =
        args.rotationPeriodInDays === undefined
            ? undefined
            : validateIntegerInRange(
                  "rotationPeriodInDays",
                  args.rotationPeriodInDays,
                  90,
                  2560,
                  "pick a period from 90 to 2560 days, or omit it for KMS's yearly rotation",
              );
    if (rotationPeriodInDays !== undefined && !enableKeyRotation) {
        throw new InputError(
            "rotationPeriodInDays",
            rotationPeriodInDays,
            "a rotation period needs automatic rotation, but enableKeyRotation is false",
            "rotationPeriodInDays together with enableKeyRotation: true",
            "remove rotationPeriodInDays, or set enableKeyRotation to true",
        );
    }
    const deletionWindowInDays = validateIntegerInRange(
        "deletionWindowInDays",
        args.deletionWindowInDays ?? 30,
        7,
        30,
        "pick 7 to 30 days; 30 gives the most time to cancel an accidental deletion",
    );
    return {
        enableKeyRotation,
        rotationPeriodInDays,
        deletionWindowInDays,
        retainOnDelete: args.retainOnDelete ?? true,
        alias: args.alias === undefined ? undefined : validateAliasName(args.alias),
    };
}
