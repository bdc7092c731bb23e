/**
 * `log-encryption-key-usable`: the key of every log group, detector and trail is usable by the
 * service. Runs the key rules (`lib/rules/`) on each target's facts and reports their violations.
 */
import type { StackValidationPolicy } from "@pulumi/policy";
import { USABLE_SCHEMA, readUsableConfig, unknownConfigurationMessage } from "../lib/config";
import { isExemptFrom, lapsedNote } from "../lib/exemptions";
import { stackConfiguration } from "../lib/location";
import { StackPolicyExemptions } from "./exemptionLedger";
import { KEY_CONTROLS } from "./controls";
import { analyseAndHandOver } from "./stackReports";

const NAME = "log-encryption-key-usable";

/** The key must be usable by the service: an accepted reference, symmetric, same region, single-Region, policy, rotation. */
export const logEncryptionKeyUsable: StackValidationPolicy = {
    name: NAME,
    description:
        "The KMS key of a log group, anomaly detector or trail must be usable by the service: in a form the service accepts (a key ARN; " +
        "for a trail also an alias or key id), symmetric, in the resource's region (a trail's: its bucket's), single-Region (for a trail " +
        "only if configured), with a key policy that lets the service use it only under an encryption-context condition and grants " +
        "nothing to everyone, and rotating. " +
        `Serves: ${KEY_CONTROLS}; stricter than each (they ask for a key, this for a key the service can use: docs/controls.md).`,
    enforcementLevel: "mandatory",
    configSchema: USABLE_SCHEMA,
    validateStack: (args, reportViolation) => {
        const raw = args.getConfig();
        const refused = unknownConfigurationMessage(NAME, raw, USABLE_SCHEMA);
        if (refused !== undefined) {
            reportViolation(refused);
        }
        const exemptions = new StackPolicyExemptions(NAME, raw, reportViolation);
        for (const report of analyseAndHandOver(
            args,
            stackConfiguration(),
            readUsableConfig(raw),
        )) {
            const { target, subject } = report.facts;
            const status = exemptions.judge(target, subject);
            for (const f of report.findings) {
                if (f.outcome === "violation" && !isExemptFrom(status, f.rule)) {
                    reportViolation(
                        `[${f.rule}] ${f.message}${lapsedNote(status, f.rule)}`,
                        target.urn,
                    );
                }
            }
        }
        exemptions.handOver(args);
    },
};
