/**
 * `log-destinations-verifiable`: an advisory for every resource whose log destination could not be
 * identified yet (a group name unknown at preview that leads to nothing in the stack), saying why:
 * never a silent pass.
 */
import type { StackValidationPolicy } from "@pulumi/policy";
import { DESTINATIONS_VERIFIABLE_SCHEMA, readDestinationsConfig } from "../lib/destinations/config";
import { stackConfiguration } from "../lib/stack/location";
import { DESTINATION_REPORTS, destinationReportsOfThisRequest } from "./destinationReports";
import { stackPolicy } from "./stackPolicy";
import { KEY_REPORTS } from "./stackReports";

/** Says, as an advisory, which log destinations could not be identified yet. */
export const logDestinationsVerifiable: StackValidationPolicy = stackPolicy({
    name: "log-destinations-verifiable",
    description:
        "The log group a resource writes its logs to must be identifiable by this pack; when it is not (yet), this advisory says why. " +
        "Supports the controls log-destinations-encrypted serves: what it names is not yet shown to meet them.",
    enforcementLevel: "advisory",
    configSchema: DESTINATIONS_VERIFIABLE_SCHEMA,
    // Groups outside the stack are always "cannot verify yet" here: refusing them is
    // log-destinations-encrypted's `outsideStack: "mandatory"`.
    readConfig: (raw) => ({ ...readDestinationsConfig(raw), outsideStack: "advisory" as const }),
    // When log-destinations-encrypted is disabled, its own analysis reads the key reports.
    handOver: { takes: [DESTINATION_REPORTS], reads: [KEY_REPORTS] },
    judge: (args, config) =>
        destinationReportsOfThisRequest(args, stackConfiguration(), config)
            .filter(({ facts }) => !config.disabledServices.includes(facts.row.service))
            .map(({ facts, findings }) => ({
                resource: facts.writer,
                subject: facts.subject,
                findings: findings
                    .filter((f) => f.outcome === "unverifiable")
                    .map((f) => ({
                        check: undefined,
                        message: `[cannot verify yet] ${f.message}`,
                    })),
            })),
});
