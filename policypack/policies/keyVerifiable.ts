/**
 * `log-encryption-key-verifiable`: an advisory for every target whose key could not be (fully)
 * verified yet, saying what was not checked and why: never a silent pass.
 */
import type { StackValidationPolicy } from "@pulumi/policy";
import { EXEMPTIONS_SCHEMA, isExempt, readExemptions } from "../lib/config";
import { stackConfiguration } from "../lib/location";
import { KEY_RULES } from "../lib/rules";
import { reportsOfThisRequest } from "./stackReports";

/** What the advisory says it could not check, per rule id. */
const LABELS = new Map(KEY_RULES.map((rule) => [rule.id, rule.label]));

/** Says, as an advisory, what could not be verified yet: never a silent pass. */
export const logEncryptionKeyVerifiable: StackValidationPolicy = {
    name: "log-encryption-key-verifiable",
    description:
        "The KMS key of a log group, anomaly detector or trail must be verifiable by this pack; when it is not (yet), this advisory says what was not checked.",
    enforcementLevel: "advisory",
    configSchema: EXEMPTIONS_SCHEMA,
    validateStack: (args, reportViolation) => {
        const exemptions = readExemptions(args.getConfig());
        for (const { facts, findings } of reportsOfThisRequest(args, stackConfiguration())) {
            if (isExempt(exemptions, facts.target)) {
                continue;
            }
            const r = facts.resolution;
            if (r.kind === "unresolved") {
                reportViolation(
                    `[cannot verify yet] ${facts.subject}: ${r.reason}, so none of the key checks could run. ` +
                        `They run once the key reference is known (e.g. the next preview after deploying), ` +
                        `or pass the ARN of a key defined in this stack.`,
                    facts.target.urn,
                );
            } else if (r.kind === "external") {
                // A reference that is not a key ARN at all is the usable policy's violation alone.
                if (!findings.some((f) => f.rule === "key-arn")) {
                    reportViolation(
                        `[cannot verify yet] ${facts.subject} uses KMS key ${r.reference}, which is not managed in this stack: ` +
                            `its key spec, key policy and rotation cannot be checked here (its ARN, region and multi-Region id were). ` +
                            `Verify that key where it is defined, or exempt this resource in this policy's configuration.`,
                        facts.target.urn,
                    );
                }
            } else if (r.kind === "stack-key") {
                const open = findings.filter((f) => f.outcome === "unverifiable");
                if (open.length > 0) {
                    const what = [...new Set(open.map((f) => LABELS.get(f.rule)))].join(", ");
                    reportViolation(
                        `[cannot verify yet] ${facts.subject} uses KMS key "${r.key.resource.name}" (found through ${r.via}); ` +
                            `not verified: ${what}, because ${open.map((f) => f.message).join("; ")}.`,
                        facts.target.urn,
                    );
                }
            }
        }
    },
};
