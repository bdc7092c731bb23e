/**
 * `log-encryption-key-usable`: the key of every log group, detector and trail is usable by the
 * service. Runs the key rules (`lib/rules/`) on each target's facts and reports their violations.
 */
import type { PolicyConfigSchema, StackValidationPolicy } from "@pulumi/policy";
import type { Exemptions } from "../lib/config/config";
import { KEY_RULES } from "../lib/rules";
import { UNVERIFIED_CHECK, ruleConfigSchema, unverifiedOption } from "../lib/rules/options";
import type { RuleOptions } from "../lib/rules/rule";
import { stackConfiguration } from "../lib/stack/location";
import { KEY_CONTROLS } from "./controls";
import { keyAdvisory } from "./keyAdvisories";
import { rulePolicy } from "./rulePolicy";
import { violationsOf } from "./stackPolicy";
import { KEY_REPORTS, analyseAndHandOver } from "./stackReports";
import { REFUSED_UNVERIFIED, refuseUnverified } from "./unverifiedRefusals";

/** The options of the policy itself: `unverified`. */
const OWN_OPTIONS = { unverified: unverifiedOption("keys") };

/** Schema of `log-encryption-key-usable`: the options of its rules ({@link KEY_RULES}), `unverified` and the exemptions. */
export const USABLE_SCHEMA: PolicyConfigSchema = ruleConfigSchema(KEY_RULES, OWN_OPTIONS);

/** The configuration of `log-encryption-key-usable`: its rules' options ({@link USABLE_SCHEMA}) and the exemptions. */
export type UsableConfig = Exemptions & RuleOptions;

/**
 * The key must be usable by the service: an accepted reference, symmetric, same region, single-Region, policy, rotation.
 * The description is written, not built from the rules' `requirement`s: it is one sentence about
 * keys, and every rule of {@link KEY_RULES} judges a key.
 */
export const logEncryptionKeyUsable: StackValidationPolicy = rulePolicy({
    name: "log-encryption-key-usable",
    description:
        "The KMS key of a log group, anomaly detector or trail must be usable by the service: in a form the service accepts (a key ARN; " +
        "for a trail also an alias or key id), symmetric, in the resource's region (a trail's: its bucket's), single-Region (for a trail " +
        "only if configured), with a key policy that lets the service use it only under an encryption-context condition and grants " +
        "nothing to everyone, and rotating. " +
        `Serves: ${KEY_CONTROLS}; stricter than each (they ask for a key, this for a key the service can use: docs/controls.md).`,
    enforcementLevel: "mandatory",
    rules: KEY_RULES,
    options: OWN_OPTIONS,
    checks: [UNVERIFIED_CHECK],
    handOver: { gives: [KEY_REPORTS, REFUSED_UNVERIFIED] },
    judge: (args, options) =>
        analyseAndHandOver(args, stackConfiguration(), options).map((report) => {
            const advisory = options.unverified === "mandatory" ? keyAdvisory(report) : undefined;
            const urn = report.facts.target.urn;
            return {
                resource: report.facts.target,
                subject: report.facts.subject,
                findings: [
                    ...violationsOf(report.findings),
                    ...refuseUnverified(
                        args,
                        "keys",
                        urn,
                        advisory === undefined ? [] : [advisory],
                    ),
                ],
            };
        }),
});
