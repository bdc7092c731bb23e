/**
 * `log-destinations-encrypted`: every resource that writes to CloudWatch Logs writes to a log
 * group the stack declares, encrypted with a KMS key the key rules accept. Runs the
 * log-destination rule (`lib/rules/logDestination.ts`) on each writer and reports its violations.
 */
import type { StackValidationPolicy } from "@pulumi/policy";
import { isExempt } from "../lib/config";
import { DESTINATIONS_SCHEMA, readDestinationsConfig } from "../lib/destinationConfig";
import { stackConfiguration } from "../lib/location";
import { analyseDestinationsAndHandOver } from "./destinationReports";

/** Resources that send logs to CloudWatch Logs must write to a log group the stack declares with a usable KMS key. */
export const logDestinationsEncrypted: StackValidationPolicy = {
    name: "log-destinations-encrypted",
    description:
        "Resources that send logs to CloudWatch Logs (Lambda functions, API Gateway stages and method settings, EKS clusters, " +
        "RDS instances and clusters, VPC flow logs, ECS task definitions, Step Functions state machines, CodeBuild projects, " +
        "Route 53 query logs, OpenSearch domains, MSK clusters) must write to a log group this stack declares, in their region, " +
        "encrypted with a KMS key the key checks accept; a group the service would create itself is refused.",
    enforcementLevel: "mandatory",
    configSchema: DESTINATIONS_SCHEMA,
    validateStack: (args, reportViolation) => {
        const config = readDestinationsConfig(args.getConfig());
        for (const report of analyseDestinationsAndHandOver(args, stackConfiguration(), config)) {
            if (isExempt(config, report.facts.writer)) {
                continue;
            }
            for (const f of report.findings) {
                if (f.outcome === "violation") {
                    reportViolation(`[${f.rule}] ${f.message}`, report.facts.writer.urn);
                }
            }
        }
    },
};
