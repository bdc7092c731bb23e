/**
 * `log-encryption-unverified`: the pack's one advisory, about what it did not check. It says, for
 * every log group, detector and trail whose key could not be (fully) verified yet and every
 * resource whose log destination could not be identified yet, what was not checked and why (never
 * a silent pass); then every exemption the pack's policies applied on the stack, and every
 * `encrypted-logs:exempt` tag that exempts nothing (`exemptions.ts`).
 *
 * It runs last: it takes `log-encryption-key-usable`'s key reports, `log-destinations-encrypted`'s
 * destination reports and every policy's exemptions of the same AnalyzeStack request. When one of
 * those policies is disabled, it runs that analysis itself with its defaults.
 *
 * One policy, not three (it took over `log-encryption-key-verifiable`,
 * `log-destinations-verifiable` and `log-encryption-exemptions`, `lib/config/renamed.ts`):
 * `@pulumi/policy` rebuilds the list of every resource for each stack policy, and users configure
 * the three alike: advisory, with exemptions. It must stay advisory (the runner refuses it
 * mandatory): an exemption reported at a mandatory level would block the deployment it exempts. An
 * organisation that refuses what cannot be verified says so where the requirement is enforced:
 * `unverified: "mandatory"` on `log-encryption-key-usable` and on `log-destinations-encrypted`,
 * which then report it themselves, and this advisory no longer repeats it.
 */
import type { StackValidationArgs, StackValidationPolicy } from "@pulumi/policy";
import { EXEMPTIONS_SCHEMA, readExemptions } from "../lib/config/config";
import { readDestinationsConfig } from "../lib/destinations/config";
import { stackConfiguration } from "../lib/stack/location";
import { DESTINATION_REPORTS, destinationReportsOfThisRequest } from "./destinationReports";
import { EXEMPTION_RECORDS } from "./exemptionLedger";
import { exemptionMessages } from "./exemptions";
import { keyAdvisory } from "./keyAdvisories";
import type { Judged } from "./stackPolicy";
import { stackPolicy } from "./stackPolicy";
import { KEY_REPORTS, reportsOfThisRequest } from "./stackReports";
import {
    REFUSED_UNVERIFIED,
    cannotVerifyYetMessages,
    refusedUnverifiedOfThisRequest,
} from "./unverifiedRefusals";

/** An advisory's judgement of `resource`: its messages, exempted only with the whole policy. */
function advisories(
    resource: Judged["resource"],
    subject: string,
    messages: readonly string[],
): Judged {
    return {
        resource,
        subject,
        findings: messages.map((message) => ({ check: undefined, message })),
    };
}

/**
 * Each key target, then each log writer, with what could not be verified about it; nothing on what
 * a policy before it already refused as unverified (its `unverified: "mandatory"`), though the
 * resource is still judged, so that an exemption of it is recorded.
 */
function judge(args: StackValidationArgs): Judged[] {
    const config = stackConfiguration();
    const refused = refusedUnverifiedOfThisRequest(args);
    // The destinations first: when log-destinations-encrypted is disabled, their analysis reads
    // the key reports, which the key advisories then take.
    const writers = destinationReportsOfThisRequest(args, config, readDestinationsConfig({}));
    const targets = reportsOfThisRequest(args, config).map((report) => {
        const { target, subject } = report.facts;
        const message = refused.keys.has(target.urn) ? undefined : keyAdvisory(report);
        return advisories(target, subject, message === undefined ? [] : [message]);
    });
    return [
        ...targets,
        ...writers.map(({ facts: { writer, subject }, findings }) =>
            advisories(
                writer,
                subject,
                refused.writers.has(writer.urn) ? [] : cannotVerifyYetMessages(findings),
            ),
        ),
    ];
}

/** Says, as an advisory, what could not be verified yet, and what exemptions skipped. */
export const logEncryptionUnverified: StackValidationPolicy = stackPolicy({
    name: "log-encryption-unverified",
    description:
        "The KMS key of a log group, anomaly detector or trail, and the log group a resource writes its logs to, must be verifiable by this pack, and every exemption visible; " +
        "this advisory says what was not checked and why: a key not managed in this stack or unknown at preview, a log group that cannot be identified yet, " +
        "and each resource an exemption skips (the policy and checks, the reason, until when, which entry or tag), and each encrypted-logs:exempt tag that exempts nothing. " +
        "Supports the controls log-encryption-key-required, log-encryption-key-usable and log-destinations-encrypted serve: what it names is not (yet) shown to meet them.",
    enforcementLevel: "advisory",
    advisoryOnly:
        'to refuse what cannot be verified yet, set unverified: "mandatory" in the configuration of log-encryption-key-usable and of log-destinations-encrypted.',
    configSchema: EXEMPTIONS_SCHEMA,
    readConfig: readExemptions,
    // Last: it takes what the policies before it computed, refused and exempted on this request.
    handOver: { takes: [KEY_REPORTS, DESTINATION_REPORTS, REFUSED_UNVERIFIED, EXEMPTION_RECORDS] },
    judge,
    report: exemptionMessages,
});
