/**
 * `log-destinations-verifiable`: an advisory for every resource whose log destination could not be
 * identified yet (a group name unknown at preview that leads to nothing in the stack), saying why:
 * never a silent pass.
 */
import type { StackValidationPolicy } from "@pulumi/policy";
import { DESTINATIONS_VERIFIABLE_SCHEMA, readDestinationsConfig } from "../lib/destinationConfig";
import { isExemptFrom, lapsedNote } from "../lib/exemptions";
import { stackConfiguration } from "../lib/location";
import { destinationReportsOfThisRequest } from "./destinationReports";
import { StackPolicyExemptions } from "./exemptionLedger";

const NAME = "log-destinations-verifiable";

/** Says, as an advisory, which log destinations could not be identified yet. */
export const logDestinationsVerifiable: StackValidationPolicy = {
    name: NAME,
    description:
        "The log group a resource writes its logs to must be identifiable by this pack; when it is not (yet), this advisory says why. " +
        "Supports the controls log-destinations-encrypted serves: what it names is not yet shown to meet them.",
    enforcementLevel: "advisory",
    configSchema: DESTINATIONS_VERIFIABLE_SCHEMA,
    validateStack: (args, reportViolation) => {
        const raw = args.getConfig();
        const exemptions = new StackPolicyExemptions(NAME, raw, reportViolation);
        const config = readDestinationsConfig(raw);
        for (const report of destinationReportsOfThisRequest(args, stackConfiguration(), config)) {
            const { writer, subject, row } = report.facts;
            if (config.disabledServices.includes(row.service)) {
                continue;
            }
            const status = exemptions.judge(writer, subject);
            if (isExemptFrom(status, undefined)) {
                continue;
            }
            for (const f of report.findings) {
                if (f.outcome === "unverifiable") {
                    reportViolation(
                        `[cannot verify yet] ${f.message}${lapsedNote(status, undefined)}`,
                        writer.urn,
                    );
                }
            }
        }
        exemptions.handOver(args);
    },
};
