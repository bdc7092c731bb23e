/**
 * Small helpers the components share to turn {@link InputError}s into `pulumi.ResourceError`s,
 * at construction when a value is known and inside an `apply` when it is not.
 */
import * as pulumi from "@pulumi/pulumi";
import { InputError } from "../../aws/errors";
import { validateAdminArns } from "../../aws/policyDocument";

/** The package name used in every type token: `encrypted-logs:index:<Class>`. */
export const PACKAGE = "encrypted-logs";

/**
 * Runs `check`; an {@link InputError} becomes a `ResourceError` on `resource` prefixed with
 * `label`, with its stack hidden: the message names argument, value, allowed and fix, and the
 * frames would be this package's internals. The Node SDK prints a thrown ResourceError with
 * `util.inspect` (its stack and the whole resource object) unless `hideStack` is set
 * (`@pulumi/pulumi` cmd/run/run.js: "Hide the stack if requested to by the ResourceError
 * creator"; `ResourceError(message, resource, hideStack)`).
 */
export function checked<T>(resource: pulumi.Resource, label: string, check: () => T): T {
    try {
        return check();
    } catch (e) {
        if (e instanceof InputError) {
            throw new pulumi.ResourceError(`${label}: ${e.message}`, resource, true);
        }
        throw e;
    }
}

function isPlain(value: unknown): boolean {
    if (pulumi.Output.isInstance(value) || value instanceof Promise) {
        return false;
    }
    if (Array.isArray(value)) {
        return value.every(isPlain);
    }
    return true;
}

/**
 * Validates an input: at once when it is a plain value (so the error shows at construction, and
 * the plain result comes back without wrapping it in an Output, which large stacks pay for), or
 * inside an `apply` when it is an Output or Promise (the result then carries the input's
 * dependencies, so a failed check blocks whatever consumes it).
 */
export function checkedInput<T, U>(
    resource: pulumi.Resource,
    label: string,
    value: pulumi.Input<T>,
    check: (v: pulumi.Unwrap<T>) => U,
): pulumi.Input<U> {
    if (isPlain(value)) {
        return checked(resource, label, () => check(value as pulumi.Unwrap<T>));
    }
    return pulumi
        .output(value)
        .apply((v) =>
            checked(resource, label, () => check(v as pulumi.Unwrap<T>)),
        ) as pulumi.Output<U>;
}

/** {@link checkedInput} for an optional argument: undefined stays undefined, unchecked. */
export function checkedOptionalInput<T, U>(
    resource: pulumi.Resource,
    label: string,
    value: pulumi.Input<T> | undefined,
    check: (v: pulumi.Unwrap<T>) => U,
): pulumi.Input<U> | undefined {
    return value === undefined ? undefined : checkedInput(resource, label, value, check);
}

/**
 * A component's `keyAdminArns`, checked under that name before it reaches the key (whose own
 * check would name it `adminArns`): a list, not empty, of IAM principal ARNs. `undefined` stays
 * `undefined` (the account root administers).
 */
export function checkedKeyAdminArns(
    resource: pulumi.Resource,
    label: string,
    value: pulumi.Input<pulumi.Input<string>[]> | undefined,
    argument = "keyAdminArns",
): pulumi.Input<string[]> | undefined {
    return checkedOptionalInput(resource, label, value, (v) => validateAdminArns(argument, v));
}
