/**
 * `log-encryption-exemptions`: an advisory on every resource an exemption skips (which policy and
 * checks, the reason, until when, and which entry or tag), and on every `encrypted-logs:exempt` tag
 * that exempts nothing, so a preview shows what was not checked and an audit can read why.
 */
import type {
    PolicyConfigSchema,
    StackValidationArgs,
    StackValidationPolicy,
} from "@pulumi/policy";
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
import {
    EXEMPTION_RECORDS,
    ExemptionRecord,
    TAG_VOCABULARY,
    exemptionsOfThisRequest,
    today,
} from "./exemptionLedger";
import { Unjudged, stackPolicy } from "./stackPolicy";

/** This policy takes no options of its own (the exemptions are in each policy's configuration). */
const SCHEMA: PolicyConfigSchema = { properties: {} };

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
function* exemptionMessages(args: StackValidationArgs): Iterable<Unjudged> {
    const clock = today();
    if (clock.error !== undefined) {
        yield { message: `[configuration] ${clock.error}` };
    }
    for (const record of exemptionsOfThisRequest(args)) {
        yield { message: exemptedMessage(record), urn: record.urn };
    }
    for (const r of args.resources) {
        const tag = readExemptTag(tagsOf(r.props), TAG_VOCABULARY);
        if (tag?.problem !== undefined) {
            yield {
                message:
                    `[exemption tag] ${TARGET_TYPES[r.type]?.kind ?? "resource"} "${r.name}" (${r.type}) has the tag ${EXEMPT_TAG}=${tag.value}, which exempts nothing: ${tag.problem}. ` +
                    `Allowed: ${EXEMPT_TAG} naming policies or checks of this pack or all, joined by "${TAG_SEPARATOR}" (${TAG_VOCABULARY.join(", ")}), ` +
                    `with the reason in ${EXEMPT_REASON_TAG} and optionally the last day in ${EXEMPT_UNTIL_TAG} (YYYY-MM-DD). ` +
                    `Fix: correct the tags, or remove ${EXEMPT_TAG}.`,
                urn: r.urn,
            };
        }
    }
}

/** Reports every exemption the pack's policies applied on this stack, and every exemption tag that exempts nothing. */
export const logEncryptionExemptions: StackValidationPolicy = stackPolicy({
    name: "log-encryption-exemptions",
    description:
        "Every exemption from this pack's policies must be visible: this advisory names each resource an exemption skips, " +
        "the policy (and checks), the reason, until when and which entry or tag exempts it, and each encrypted-logs:exempt tag that exempts nothing. " +
        "It makes the exceptions to the controls the other policies serve auditable.",
    enforcementLevel: "advisory",
    configSchema: SCHEMA,
    readConfig: () => undefined,
    // Last: it takes what every stack policy before it exempted on this request.
    handOver: { takes: [EXEMPTION_RECORDS] },
    report: exemptionMessages,
});
