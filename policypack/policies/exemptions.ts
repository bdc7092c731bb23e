/**
 * The exemptions report of `log-encryption-unverified` (`unverified.ts`): an advisory on every
 * resource an exemption skips (which policy and checks, the reason, until when, and which entry or
 * tag), and on every `encrypted-logs:exempt` tag that exempts nothing, so a preview shows what was
 * not checked and an audit can read why.
 */
import type { StackValidationArgs } from "@pulumi/policy";
import {
    EXEMPT_REASON_TAG,
    EXEMPT_TAG,
    EXEMPT_UNTIL_TAG,
    TAG_SEPARATOR,
    describeSource,
    readExemptTag,
    tagsOf,
} from "../lib/config/exemptions";
import { TARGET_TYPES } from "../lib/stack/targets";
import { ExemptionRecord, tagVocabulary, exemptionsOfThisRequest, today } from "./exemptionLedger";
import type { Unjudged } from "./stackPolicy";

/** `[exempted] log group "app" (...) is exempted from <policy>: <reason> (until <date>; <source>).` */
export function exemptedMessage(record: ExemptionRecord): string {
    const e = record.exemption;
    const checks = e.rules === "all" ? "" : ` (${e.rules.join(", ")} only)`;
    const until = e.expires === undefined ? "no expiry" : `until ${e.expires}`;
    const reason = e.reason ?? "no reason given";
    const legacy =
        e.source.kind === "legacy"
            ? ", which records no reason: move it to exemptions with a reason and, if it should end, expires"
            : "";
    return `[exempted] ${record.subject} is exempted from ${e.policy}${checks}: ${reason} (${until}; ${describeSource(e)}${legacy}).`;
}

/** The clock's problem, each exemption applied on this request, then each exemption tag that exempts nothing. */
export function* exemptionMessages(args: StackValidationArgs): Iterable<Unjudged> {
    const clock = today();
    if (clock.error !== undefined) {
        yield { message: `[configuration] ${clock.error}` };
    }
    for (const record of exemptionsOfThisRequest(args)) {
        yield { message: exemptedMessage(record), urn: record.urn };
    }
    for (const r of args.resources) {
        const tag = readExemptTag(tagsOf(r.props), tagVocabulary());
        if (tag?.problem !== undefined) {
            yield {
                message:
                    `[exemption tag] ${TARGET_TYPES[r.type]?.kind ?? "resource"} "${r.name}" (${r.type}) has the tag ${EXEMPT_TAG}=${tag.value}, which exempts nothing: ${tag.problem}. ` +
                    `Allowed: ${EXEMPT_TAG} naming policies or checks of this pack or all, joined by "${TAG_SEPARATOR}" (${tagVocabulary().join(", ")}), ` +
                    `with the reason in ${EXEMPT_REASON_TAG} and optionally the last day in ${EXEMPT_UNTIL_TAG} (YYYY-MM-DD). ` +
                    `Fix: correct the tags, or remove ${EXEMPT_TAG}.`,
                urn: r.urn,
            };
        }
    }
}
