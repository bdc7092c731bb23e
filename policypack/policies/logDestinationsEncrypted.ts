/**
 * `log-destinations-encrypted`: every resource that writes to CloudWatch Logs writes to a log
 * group the stack declares, encrypted with a KMS key the key rules accept. Runs the
 * log-destination rule (`lib/rules/logDestination.ts`) on each writer and reports its violations.
 */
import type { StackValidationPolicy } from "@pulumi/policy";
import { DESTINATIONS_SCHEMA, readDestinationsConfig } from "../lib/destinationConfig";
import { isExemptFrom, lapsedNote } from "../lib/exemptions";
import { stackConfiguration } from "../lib/location";
import { DESTINATION_CONTROLS } from "./controls";
import { analyseDestinationsAndHandOver } from "./destinationReports";
import { StackPolicyExemptions } from "./exemptionLedger";

const NAME = "log-destinations-encrypted";

/** Resources that send logs to CloudWatch Logs must write to a log group the stack declares with a usable KMS key. */
export const logDestinationsEncrypted: StackValidationPolicy = {
    name: NAME,
    description:
        "Resources that send logs to CloudWatch Logs (Lambda functions, API Gateway stages and method settings, EKS clusters, " +
        "RDS instances and clusters, VPC flow logs, ECS task definitions, Step Functions state machines, CodeBuild projects, " +
        "Route 53 query logs, OpenSearch domains, MSK clusters) must write to a log group this stack declares, in their region, " +
        "encrypted with a KMS key the key checks accept; a group the service would create itself is refused. " +
        `Serves: ${DESTINATION_CONTROLS}, for the groups services write to.`,
    enforcementLevel: "mandatory",
    configSchema: DESTINATIONS_SCHEMA,
    validateStack: (args, reportViolation) => {
        const raw = args.getConfig();
        const exemptions = new StackPolicyExemptions(NAME, raw, reportViolation);
        const config = readDestinationsConfig(raw);
        for (const report of analyseDestinationsAndHandOver(args, stackConfiguration(), config)) {
            const { writer, subject } = report.facts;
            const status = exemptions.judge(writer, subject);
            for (const f of report.findings) {
                if (f.outcome === "violation" && !isExemptFrom(status, f.rule)) {
                    reportViolation(
                        `[${f.rule}] ${f.message}${lapsedNote(status, f.rule)}`,
                        writer.urn,
                    );
                }
            }
        }
        exemptions.handOver(args);
    },
};
