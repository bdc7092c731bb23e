/** `log-encryption-key-required`: every log group, anomaly detector and trail carries a KMS key. */
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { cloudTrailServicePrincipal, logsServicePrincipal } from "../../components/common/services";
import { EXEMPTIONS_SCHEMA, isExempt, readExemptions } from "../lib/config";
import { partitionOfRegion, resolveRegion, stackConfiguration } from "../lib/location";
import { TARGET_TYPES } from "../lib/targets";
import { UNKNOWN, readProperty } from "../lib/wire";

/** Log groups, anomaly detectors and trails must carry a KMS key (`kmsKeyId`). Runs on every resource, preview included. */
export const logEncryptionKeyRequired: ResourceValidationPolicy = {
    name: "log-encryption-key-required",
    description:
        "Log groups, log anomaly detectors and CloudTrail trails must be encrypted with a customer-managed KMS key (kmsKeyId set).",
    enforcementLevel: "mandatory",
    configSchema: EXEMPTIONS_SCHEMA,
    validateResource: (args, reportViolation) => {
        const type = TARGET_TYPES[args.type];
        if (type === undefined) {
            return;
        }
        // `in` and readProperty never go through the props proxy's get trap: an unknown kmsKeyId
        // (a new key's ARN at preview) counts as present instead of aborting the policy.
        const value =
            type.keyProperty in args.props ? readProperty(args.props, type.keyProperty) : undefined;
        if (value !== undefined && value !== "") {
            return;
        }
        if (isExempt(readExemptions(args.getConfig()), args)) {
            return;
        }
        const region = resolveRegion(args.type, args.props, args.provider, stackConfiguration());
        const where = region === undefined || region === UNKNOWN ? undefined : region.region;
        const principal =
            type.service === "logs"
                ? logsServicePrincipal({
                      region: where ?? "<region>",
                      dnsSuffix:
                          where === undefined ? "<dnsSuffix>" : partitionOfRegion(where).dnsSuffix,
                  })
                : cloudTrailServicePrincipal();
        reportViolation(
            `[key-required] ${type.kind} "${args.name}" (${args.type}) has no ${type.keyProperty}: ` +
                `it would be encrypted with an AWS-owned key that you cannot control, audit or revoke. ` +
                `Fix: set ${type.keyProperty} to the ARN of a symmetric KMS key in ${where ?? "its region"} whose key policy lets ${principal} use it ` +
                `(e.g. ${type.service === "logs" ? "EncryptedLogGroup / EncryptedAnomalyDetector" : "EncryptedTrail"} create one).`,
        );
    },
};
