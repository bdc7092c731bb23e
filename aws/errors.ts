/**
 * Errors the pure helpers raise for input a user gave. No Pulumi runtime imports: the key-policy
 * builders and validators throw {@link InputError}; components turn it into a `pulumi.ResourceError`.
 */

/**
 * Renders a received value for an error message: JSON (BigInts as `12n`), shortened so a huge
 * input stays readable. Never throws, whatever the value (cycles, null prototypes, symbols).
 */
export function describeValue(value: unknown): string {
    let text: string;
    try {
        text =
            value === undefined
                ? "undefined"
                : (JSON.stringify(value, (_key, v: unknown) =>
                      typeof v === "bigint" ? `${v}n` : v,
                  ) ?? String(value));
    } catch {
        text = Object.prototype.toString.call(value);
    }
    return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

/**
 * An argument that cannot be used as given. The message always names the argument, the value
 * received, what is allowed and how to fix it, in that order.
 */
export class InputError extends Error {
    /**
     * @param argument the argument's name as the user wrote it, e.g. `retentionInDays`.
     * @param value the value received.
     * @param problem why the value cannot be used.
     * @param allowed what would be accepted.
     * @param fix what the user should change.
     */
    constructor(
        readonly argument: string,
        readonly value: unknown,
        problem: string,
        allowed: string,
        fix: string,
    ) {
        // An argument left out is "not set", not the JavaScript word for it.
        const got = value === undefined ? "not set" : describeValue(value);
        super(`${argument} is ${got}: ${problem}. Allowed: ${allowed}. Fix: ${fix}.`);
        this.name = "InputError";
    }
}
