/**
 * `log-encryption-key-usable`: the key of every log group, detector and trail is usable by the
 * service. Runs the key rules (`lib/rules/`) on each target's facts and reports their violations.
 */
import type { StackValidationPolicy } from "@pulumi/policy";
import {
    USABLE_SCHEMA,
    isExempt,
    readUsableConfig,
    unknownConfigurationMessage,
} from "../lib/config";
import { stackConfiguration } from "../lib/location";
import { analyseAndHandOver } from "./stackReports";

/** The key must be usable by the service: an accepted reference, symmetric, same region, single-Region, policy, rotation. */
export const logEncryptionKeyUsable: StackValidationPolicy = {
    name: "log-encryption-key-usable",
    description:
        "The KMS key of a log group, anomaly detector or trail must be usable by the service: in a form the service accepts (a key ARN; " +
        "for a trail also an alias or key id), symmetric, in the resource's region (a trail's: its bucket's), single-Region (for a trail " +
        "only if configured), with a key policy that lets the service use it only under an encryption-context condition and grants " +
        "nothing to everyone, and rotating.",
    enforcementLevel: "mandatory",
    configSchema: USABLE_SCHEMA,
    validateStack: (args, reportViolation) => {
        const raw = args.getConfig();
        const refused = unknownConfigurationMessage(
            "log-encryption-key-usable",
            raw,
            USABLE_SCHEMA,
        );
        if (refused !== undefined) {
            reportViolation(refused);
        }
        const config = readUsableConfig(raw);
        for (const report of analyseAndHandOver(args, stackConfiguration(), config)) {
            if (isExempt(config, report.facts.target)) {
                continue;
            }
            for (const f of report.findings) {
                if (f.outcome === "violation") {
                    reportViolation(`[${f.rule}] ${f.message}`, report.facts.target.urn);
                }
            }
        }
    },
};
