/**
 * `log-encryption-key-usable`: the key of every log group, detector and trail is usable by the
 * service. Runs the key rules (`lib/rules/`) on each target's facts and reports their violations.
 */
import type { StackValidationPolicy } from "@pulumi/policy";
import { USABLE_SCHEMA, readUsableConfig } from "../lib/config/config";
import { stackConfiguration } from "../lib/stack/location";
import { KEY_CONTROLS } from "./controls";
import { stackPolicy, violationsOf } from "./stackPolicy";
import { KEY_REPORTS, analyseAndHandOver } from "./stackReports";

/** The key must be usable by the service: an accepted reference, symmetric, same region, single-Region, policy, rotation. */
export const logEncryptionKeyUsable: StackValidationPolicy = stackPolicy({
    name: "log-encryption-key-usable",
    description:
        "The KMS key of a log group, anomaly detector or trail must be usable by the service: in a form the service accepts (a key ARN; " +
        "for a trail also an alias or key id), symmetric, in the resource's region (a trail's: its bucket's), single-Region (for a trail " +
        "only if configured), with a key policy that lets the service use it only under an encryption-context condition and grants " +
        "nothing to everyone, and rotating. " +
        `Serves: ${KEY_CONTROLS}; stricter than each (they ask for a key, this for a key the service can use: docs/controls.md).`,
    enforcementLevel: "mandatory",
    configSchema: USABLE_SCHEMA,
    readConfig: readUsableConfig,
    handOver: { gives: [KEY_REPORTS] },
    judge: (args, options) =>
        analyseAndHandOver(args, stackConfiguration(), options).map(({ facts, findings }) => ({
            resource: facts.target,
            subject: facts.subject,
            findings: violationsOf(findings),
        })),
});
