/**
 * The key-management arguments every key component of this package shares (rotation, deletion
 * window, retention on delete, alias), validated and defaulted once. Pure.
 */
import { InputError } from "./errors";
import { validateAliasName, validateIntegerInRange } from "./validation";

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
