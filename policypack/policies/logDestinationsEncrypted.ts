/**
 * `log-destinations-encrypted`: every resource that writes to CloudWatch Logs writes to a log
 * group the stack declares, encrypted with a KMS key the key rules accept. Runs the
 * log-destination rule (`lib/destinations/rule.ts`) on each writer and reports its violations.
 */
import type { StackValidationPolicy } from "@pulumi/policy";
import { DESTINATION_SUMMARY } from "../lib/destinations/services";
import { DESTINATIONS_SCHEMA, readDestinationsConfig } from "../lib/destinations/config";
import { LOG_DESTINATION } from "../lib/destinations/rule";
import { stackConfiguration } from "../lib/stack/location";
import { DESTINATION_CONTROLS } from "./controls";
import { DESTINATION_REPORTS, analyseDestinationsAndHandOver } from "./destinationReports";
import { stackPolicy, violationsOf } from "./stackPolicy";
import { KEY_REPORTS } from "./stackReports";
import { UNVERIFIED_CHECK } from "../lib/rules/options";
import {
    REFUSED_UNVERIFIED,
    cannotVerifyYetMessages,
    refuseUnverified,
} from "./unverifiedRefusals";

/** Resources that send logs to CloudWatch Logs must write to a log group the stack declares with a usable KMS key. */
export const logDestinationsEncrypted: StackValidationPolicy = stackPolicy({
    name: "log-destinations-encrypted",
    description:
        `Resources that send logs to CloudWatch Logs (${DESTINATION_SUMMARY}) must write to a log group this stack declares, in their region, ` +
        "encrypted with a KMS key the key checks accept; a group the service would create itself is refused. " +
        `Serves: ${DESTINATION_CONTROLS}, for the groups services write to.`,
    enforcementLevel: "mandatory",
    configSchema: DESTINATIONS_SCHEMA,
    readConfig: readDestinationsConfig,
    checks: [LOG_DESTINATION, UNVERIFIED_CHECK],
    // The log groups written to are judged by log-encryption-key-usable's reports of the request.
    handOver: { gives: [DESTINATION_REPORTS, REFUSED_UNVERIFIED], reads: [KEY_REPORTS] },
    judge: (args, config) =>
        analyseDestinationsAndHandOver(args, stackConfiguration(), config).map(
            ({ facts, findings }) => ({
                resource: facts.writer,
                subject: facts.subject,
                findings: [
                    ...violationsOf(findings),
                    ...refuseUnverified(
                        args,
                        "writers",
                        facts.writer.urn,
                        config.unverified === "mandatory" ? cannotVerifyYetMessages(findings) : [],
                    ),
                ],
            }),
        ),
});
