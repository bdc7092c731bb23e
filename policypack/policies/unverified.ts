/**
 * `log-encryption-unverified`: says, for every log group, detector and trail whose key could not be
 * (fully) verified yet and every resource whose log destination could not be identified yet, what
 * was not checked and why: never a silent pass.
 *
 * It runs after the policies it supports: it takes `log-encryption-key-usable`'s key reports and
 * `log-destinations-encrypted`'s destination reports of the same AnalyzeStack request. When one of
 * those policies is disabled, it runs that analysis itself with its defaults.
 *
 * One policy, not two (it took over `log-encryption-key-verifiable` and
 * `log-destinations-verifiable`, `lib/config/renamed.ts`): `@pulumi/policy` rebuilds the list of
 * every resource for each stack policy, and what users configure about both is the same: one
 * enforcement level for "not verified yet" (advisory, or mandatory for a strict organisation), and
 * exemptions. The exemptions report stays a policy of its own (`exemptions.ts`): its messages must
 * stay advisory when this one is made mandatory, and `@pulumi/policy` gives each policy one level.
 */
import type { StackValidationArgs, StackValidationPolicy } from "@pulumi/policy";
import { EXEMPTIONS_SCHEMA, readExemptions } from "../lib/config/config";
import type { WriterReport } from "../lib/destinations/analysis";
import { readDestinationsConfig } from "../lib/destinations/config";
import { stackConfiguration } from "../lib/stack/location";
import { DESTINATION_REPORTS, destinationReportsOfThisRequest } from "./destinationReports";
import { keyAdvisory } from "./keyAdvisories";
import type { Judged } from "./stackPolicy";
import { stackPolicy } from "./stackPolicy";
import { KEY_REPORTS, reportsOfThisRequest } from "./stackReports";

/** What the advisory says of a writer whose log group could not be identified yet. */
function destinationAdvisories({ facts, findings }: WriterReport): Judged {
    return {
        resource: facts.writer,
        subject: facts.subject,
        findings: findings
            .filter((f) => f.outcome === "unverifiable")
            .map((f) => ({ check: undefined, message: `[cannot verify yet] ${f.message}` })),
    };
}

/** Each key target, then each log writer, with what could not be verified about it. */
function judge(args: StackValidationArgs): Judged[] {
    const config = stackConfiguration();
    // The destinations first: when log-destinations-encrypted is disabled, their analysis reads
    // the key reports, which the key advisories then take.
    const writers = destinationReportsOfThisRequest(args, config, readDestinationsConfig({}));
    const targets = reportsOfThisRequest(args, config).map((report) => {
        const message = keyAdvisory(report);
        return {
            resource: report.facts.target,
            subject: report.facts.subject,
            findings: message === undefined ? [] : [{ check: undefined, message }],
        };
    });
    return [...targets, ...writers.map(destinationAdvisories)];
}

/** Says, as an advisory, what could not be verified yet. */
export const logEncryptionUnverified: StackValidationPolicy = stackPolicy({
    name: "log-encryption-unverified",
    description:
        "The KMS key of a log group, anomaly detector or trail, and the log group a resource writes its logs to, must be verifiable by this pack; " +
        "when they are not (yet), this advisory says what was not checked and why (a key not managed in this stack or unknown at preview, a log group that cannot be identified yet). " +
        "Supports the controls log-encryption-key-required, log-encryption-key-usable and log-destinations-encrypted serve: what it names is not yet shown to meet them.",
    enforcementLevel: "advisory",
    configSchema: EXEMPTIONS_SCHEMA,
    readConfig: readExemptions,
    // After the policies it supports: it takes what they computed on this request.
    handOver: { takes: [KEY_REPORTS, DESTINATION_REPORTS] },
    judge,
});
