/**
 * What `log-encryption-key-usable` and `log-destinations-encrypted` refused as "cannot verify yet"
 * on an AnalyzeStack request (their `unverified: "mandatory"`), handed to
 * `log-encryption-unverified` (through `handOver.ts`), which then does not say it again.
 */
import type { StackValidationArgs } from "@pulumi/policy";
import { UNVERIFIED_CHECK } from "../lib/rules/options";
import type { Finding } from "../lib/rules/rule";
import { RequestHandOver } from "./handOver";
import type { PolicyFinding } from "./stackPolicy";

/** The URNs refused as unverified on a request: key targets, and log writers. */
export interface RefusedUnverified {
    readonly keys: Set<string>;
    readonly writers: Set<string>;
}

/** What the policies refused as unverified on this request, for `log-encryption-unverified`. */
export const REFUSED_UNVERIFIED = new RequestHandOver<RefusedUnverified>(
    "what the policies refused as cannot verify yet",
    "say it again as an advisory",
);

/**
 * `messages` (what cannot be verified yet about the `kind` subject `urn`) as findings of the check
 * {@link UNVERIFIED_CHECK}, keeping for this request that the subject was refused (when any).
 */
export function refuseUnverified(
    args: StackValidationArgs,
    kind: keyof RefusedUnverified,
    urn: string,
    messages: readonly string[],
): PolicyFinding[] {
    if (messages.length === 0) {
        return [];
    }
    let kept = REFUSED_UNVERIFIED.peek(args);
    if (kept === undefined) {
        kept = { keys: new Set(), writers: new Set() };
        REFUSED_UNVERIFIED.put(args, kept);
    }
    kept[kind].add(urn);
    return messages.map((message) => ({ check: UNVERIFIED_CHECK, message }));
}

/** What the policies before refused as unverified on this request (nothing when none did), taken. */
export function refusedUnverifiedOfThisRequest(args: StackValidationArgs): RefusedUnverified {
    return REFUSED_UNVERIFIED.take(args) ?? { keys: new Set(), writers: new Set() };
}

/** What cannot be verified yet among `findings`, as the advisory and an `unverified: "mandatory"` policy say it. */
export function cannotVerifyYetMessages(findings: readonly Finding[]): string[] {
    return findings
        .filter((f) => f.outcome === "unverifiable")
        .map((f) => `[cannot verify yet] ${f.message}`);
}
