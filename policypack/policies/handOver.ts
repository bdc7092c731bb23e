/**
 * Handing what one stack policy computed to the policies that run after it on the same
 * AnalyzeStack request, so they read it instead of computing it again (the key reports, the
 * destination reports, the exemptions applied).
 *
 * `@pulumi/policy` runs the stack policies of one request back to back, awaiting only
 * already-settled promises, so no other request can run in between; it builds a new resources
 * array for each policy, so a value is matched to its request by the URNs (same URNs, same order),
 * and forgotten at the next turn of the event loop, so a later request never reads it.
 */
import type { StackValidationArgs } from "@pulumi/policy";

function sameUrns(a: readonly string[], resources: StackValidationArgs["resources"]): boolean {
    return a.length === resources.length && resources.every((r, i) => r.urn === a[i]);
}

/**
 * What a hand-over carries, as the order check (`stackPolicy.ts`) names it: a policy that reads it
 * must run after the one that hands it over.
 */
export interface HandOverChannel {
    /** What is handed over: `the key reports`. */
    readonly what: string;
    /** What a reader does when it finds nothing: `run the key rules again with their defaults`. */
    readonly ifMissed: string;
}

/** One value of type `T` per AnalyzeStack request, handed from the policy that makes it to those after it. */
export class RequestHandOver<T> implements HandOverChannel {
    private last: { readonly urns: readonly string[]; readonly value: T } | undefined;

    constructor(
        readonly what: string,
        readonly ifMissed: string,
    ) {}

    /** Keeps `value` for the policies that run next on this request. */
    put(args: StackValidationArgs, value: T): void {
        const entry = { urns: args.resources.map((r) => r.urn), value };
        this.last = entry;
        setImmediate(() => {
            if (this.last === entry) {
                this.last = undefined;
            }
        });
    }

    /** The value kept for this request, if any, leaving it for later policies. */
    peek(args: StackValidationArgs): T | undefined {
        return this.last !== undefined && sameUrns(this.last.urns, args.resources)
            ? this.last.value
            : undefined;
    }

    /** The value kept for this request, if any, taken: later policies no longer see it. */
    take(args: StackValidationArgs): T | undefined {
        const value = this.peek(args);
        this.last = undefined;
        return value;
    }
}
