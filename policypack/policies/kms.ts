/**
 * The pack's policies: one exported constant each. `log-encryption-key-required` runs on every
 * resource (Analyze, preview included); the other two walk the stack once (AnalyzeStack) so they
 * can follow a key reference that is unknown at preview to the key resource and judge it.
 */
import type {
    ResourceValidationPolicy,
    StackValidationArgs,
    StackValidationPolicy,
} from "@pulumi/policy";
import { CheckId, CheckOptions, TargetReport, checkTarget, describeTarget } from "../lib/checks";
import {
    EXEMPTIONS_SCHEMA,
    USABLE_SCHEMA,
    isExempt,
    readExemptions,
    readUsableConfig,
} from "../lib/config";
import { partitionOfRegion, resolveRegion } from "../lib/location";
import { StackIndex, StackResourceLike } from "../lib/stack";
import { TARGET_TYPES } from "../lib/targets";
import { UNKNOWN, readProperty } from "../lib/wire";

/** Log groups, anomaly detectors and trails must carry a KMS key (`kmsKeyId`). */
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
        const region = resolveRegion(args.type, args.props, args.provider);
        const where = region === undefined || region === UNKNOWN ? undefined : region.region;
        const principal =
            type.service === "logs"
                ? `logs.${where ?? "<region>"}.${where === undefined ? "<dnsSuffix>" : partitionOfRegion(where).dnsSuffix}`
                : "cloudtrail.amazonaws.com";
        reportViolation(
            `[key-required] ${type.kind} "${args.name}" (${args.type}) has no ${type.keyProperty}: ` +
                `it would be encrypted with an AWS-owned key that you cannot control, audit or revoke. ` +
                `Fix: set ${type.keyProperty} to the ARN of a symmetric KMS key in ${where ?? "its region"} whose key policy lets ${principal} use it ` +
                `(e.g. ${type.service === "logs" ? "EncryptedLogGroup / EncryptedAnomalyDetector" : "EncryptedTrail"} create one).`,
        );
    },
};

/** Builds the index (one pass) and checks every target of the stack. */
function reports(args: StackValidationArgs, options: CheckOptions): TargetReport[] {
    const index = new StackIndex(args.resources as readonly StackResourceLike[]);
    return index.targets.map((t) => checkTarget(index, t, options));
}

/**
 * The reports `log-encryption-key-usable` computed in this AnalyzeStack, handed to
 * `log-encryption-key-verifiable`, which runs right after it on the same request: the checks run
 * once per stack, not once per policy. `@pulumi/policy` runs the stack policies of one request
 * back to back, awaiting only already-settled promises, so no other request can run in between;
 * the hand-over is still dropped at the next turn of the event loop, and taken only if the URNs
 * are the same, in the same order. Otherwise the advisory policy computes its own.
 */
let handOver: { readonly urns: readonly string[]; readonly reports: TargetReport[] } | undefined;

function sameUrns(a: readonly string[], resources: StackValidationArgs["resources"]): boolean {
    return a.length === resources.length && resources.every((r, i) => r.urn === a[i]);
}

/** The key must be usable by the service: key ARN, symmetric, same region, single-Region, policy, rotation. */
export const logEncryptionKeyUsable: StackValidationPolicy = {
    name: "log-encryption-key-usable",
    description:
        "The KMS key of a log group, anomaly detector or trail must be usable by the service: a full key ARN (or a key in the stack), " +
        "symmetric, in the resource's region (a trail's: its bucket's), single-Region, with a key policy that lets the service use it " +
        "only under an encryption-context condition and grants nothing to everyone, and rotating.",
    enforcementLevel: "mandatory",
    configSchema: USABLE_SCHEMA,
    validateStack: (args, reportViolation) => {
        const config = readUsableConfig(args.getConfig());
        const all = reports(args, config);
        handOver = { urns: args.resources.map((r) => r.urn), reports: all };
        setImmediate(() => {
            handOver = undefined;
        });
        for (const report of all) {
            if (isExempt(config, report.target)) {
                continue;
            }
            for (const f of report.findings) {
                if (f.outcome === "violation") {
                    reportViolation(`[${f.check}] ${f.message}`, report.target.urn);
                }
            }
        }
    },
};

/** What the advisory policy says it could not check, per check. */
const CHECK_NAMES: Record<CheckId, string> = {
    "key-arn": "key ARN",
    symmetric: "key spec",
    region: "region",
    "multi-region": "multi-Region",
    "key-policy": "key policy",
    "public-grant": "key policy",
    rotation: "rotation",
};

/** Says, as an advisory, what could not be verified yet: never a silent pass. */
export const logEncryptionKeyVerifiable: StackValidationPolicy = {
    name: "log-encryption-key-verifiable",
    description:
        "The KMS key of a log group, anomaly detector or trail must be verifiable by this pack; when it is not (yet), this advisory says what was not checked.",
    enforcementLevel: "advisory",
    configSchema: EXEMPTIONS_SCHEMA,
    validateStack: (args, reportViolation) => {
        const exemptions = readExemptions(args.getConfig());
        const given =
            handOver !== undefined && sameUrns(handOver.urns, args.resources)
                ? handOver.reports
                : undefined;
        handOver = undefined;
        // Without the usable policy's reports (it is disabled), check with its defaults.
        const all =
            given ?? reports(args, { allowMultiRegionKeys: false, requireKeyRotation: true });
        for (const report of all) {
            if (isExempt(exemptions, report.target)) {
                continue;
            }
            const subject = describeTarget(report.target);
            const r = report.resolution;
            if (r.kind === "unresolved") {
                reportViolation(
                    `[cannot verify yet] ${subject}: ${r.reason}, so none of the key checks could run. ` +
                        `They run once the key reference is known (e.g. the next preview after deploying), ` +
                        `or pass the ARN of a key defined in this stack.`,
                    report.target.urn,
                );
            } else if (r.kind === "external") {
                // A reference that is not a key ARN at all is the usable policy's violation alone.
                if (!report.findings.some((f) => f.check === "key-arn")) {
                    reportViolation(
                        `[cannot verify yet] ${subject} uses KMS key ${r.reference}, which is not managed in this stack: ` +
                            `its key spec, key policy and rotation cannot be checked here (its ARN, region and multi-Region id were). ` +
                            `Verify that key where it is defined, or exempt this resource in this policy's configuration.`,
                        report.target.urn,
                    );
                }
            } else if (r.kind === "stack-key") {
                const open = report.findings.filter((f) => f.outcome === "unverifiable");
                if (open.length > 0) {
                    const what = [...new Set(open.map((f) => CHECK_NAMES[f.check]))].join(", ");
                    reportViolation(
                        `[cannot verify yet] ${subject} uses KMS key "${r.key.resource.name}" (found through ${r.via}); ` +
                            `not verified: ${what}, because ${open.map((f) => f.message).join("; ")}.`,
                        report.target.urn,
                    );
                }
            }
        }
    },
};

/** The pack's policies, in the order it declares them (the usable policy before the verifiable one it hands over to). */
export const PACK_POLICIES: readonly (ResourceValidationPolicy | StackValidationPolicy)[] = [
    logEncryptionKeyRequired,
    logEncryptionKeyUsable,
    logEncryptionKeyVerifiable,
];
