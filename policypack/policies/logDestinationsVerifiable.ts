/**
 * `log-destinations-verifiable`: an advisory for every resource whose log destination could not be
 * identified yet (a group name unknown at preview that leads to nothing in the stack), saying why:
 * never a silent pass.
 */
import type { StackValidationPolicy } from "@pulumi/policy";
import { isExempt } from "../lib/config";
import { DESTINATIONS_VERIFIABLE_SCHEMA, readDestinationsConfig } from "../lib/destinationConfig";
import { stackConfiguration } from "../lib/location";
import { destinationReportsOfThisRequest } from "./destinationReports";

/** Says, as an advisory, which log destinations could not be identified yet. */
export const logDestinationsVerifiable: StackValidationPolicy = {
    name: "log-destinations-verifiable",
    description:
        "The log group a resource writes its logs to must be identifiable by this pack; when it is not (yet), this advisory says why.",
    enforcementLevel: "advisory",
    configSchema: DESTINATIONS_VERIFIABLE_SCHEMA,
    validateStack: (args, reportViolation) => {
        const config = readDestinationsConfig(args.getConfig());
        for (const report of destinationReportsOfThisRequest(args, stackConfiguration(), config)) {
            if (
                isExempt(config, report.facts.writer) ||
                config.disabledServices.includes(report.facts.row.service)
            ) {
                continue;
            }
            for (const f of report.findings) {
                if (f.outcome === "unverifiable") {
                    reportViolation(`[cannot verify yet] ${f.message}`, report.facts.writer.urn);
                }
            }
        }
    },
};
