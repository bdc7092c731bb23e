/**
 * `log-encryption-key-required`: every log group, anomaly detector, trail and CloudTrail Lake
 * event data store carries a KMS key.
 */
import { defaultedProperties, forgetKeyInputs, recordKeyInputs } from "../lib/stack/createInputs";
import { DESTINATION_TYPES } from "../lib/destinations/services";
import type { ResourceValidationArgs, ResourceValidationPolicy } from "@pulumi/policy";
import { cloudTrailServicePrincipal, logsServicePrincipal } from "../../aws/services";
import { EXEMPTIONS_SCHEMA } from "../lib/config/config";
import { renamedPolicyRefusals } from "../lib/config/renamed";
import { configuredPolicyNames } from "../lib/config/configuredPolicies";
import { centralizationFacts, centralizationRefusals } from "../lib/stack/centralization";
import { describeTarget } from "../lib/facts/facts";
import { KEY_CONTROLS } from "./controls";
import { partitionOfRegion, resolveRegion, stackConfiguration } from "../lib/stack/location";
import { TARGET_TYPES, TargetType } from "../lib/stack/targets";
import { UNKNOWN, readProperty } from "../lib/stack/wire";
import { resourcePolicy } from "./resourcePolicy";
import type { PolicyFinding } from "./stackPolicy";

const NAME = "log-encryption-key-required";
const CHECK = "key-required";

/**
 * What the service does with a resource that has no key, per kind of resource:
 * - https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html:
 *   "By default, CloudWatch Logs uses server-side encryption with 256-bit Advanced
 *   Encryption Standard Galois/Counter Mode (AES-GCM) to encrypt log data at rest";
 * - https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/LogsAnomalyDetection-KMS.html:
 *   "Anomaly detector data is always encrypted in CloudWatch Logs. By default,
 *   CloudWatch Logs uses server-side encryption for the data at rest";
 * - AWS Control Tower controls, CT.CLOUDTRAIL.PR.1: "by default, the log files delivered by
 *   CloudTrail to your buckets are encrypted by Amazon server-side encryption with Amazon
 *   S3-managed encryption keys (SSE-S3)"; S3 API reference, ServerSideEncryptionByDefault: "If a
 *   PUT Object request doesn't specify any server-side encryption, this default encryption will
 *   be applied."
 */
function withoutKey(kind: Exclude<TargetType["kind"], "centralization rule">): string {
    switch (kind) {
        case "log group":
            return "CloudWatch Logs then encrypts its log data with its own default server-side encryption (AES-GCM under keys AWS owns), which you cannot control, audit or revoke";
        case "anomaly detector":
            return "CloudWatch Logs then encrypts the detector's data with its own default server-side encryption (keys AWS owns), which you cannot control, audit or revoke";
        case "event data store":
            return "CloudTrail Lake would encrypt its events with a KMS key that AWS owns and manages, which you cannot control, audit or revoke";
        case "trail":
            return "CloudTrail then writes its log files with the S3 bucket's default encryption: SSE-S3 (keys Amazon S3 manages), or the bucket's default KMS key if the bucket sets one, not a key whose policy names this trail";
    }
}

/**
 * Log groups, anomaly detectors, trails and event data stores must carry a KMS key (`kmsKeyId`).
 * Runs on every resource, preview included. Once per preview (on the stack resource) it also
 * refuses a configuration that names a policy this pack no longer has (`lib/config/renamed.ts`).
 */
export const logEncryptionKeyRequired: ResourceValidationPolicy = resourcePolicy({
    name: NAME,
    description:
        "Log groups, log anomaly detectors, CloudTrail trails and CloudTrail Lake event data stores must be encrypted with a customer-managed KMS key (kmsKeyId set). " +
        `Serves: ${KEY_CONTROLS}.`,
    enforcementLevel: "mandatory",
    configSchema: EXEMPTIONS_SCHEMA,
    readConfig: () => undefined,
    checks: [CHECK],
    startPreview: forgetKeyInputs,
    refusalsOnStack: () => renamedPolicyRefusals(configuredPolicyNames()),
    judge: (args) => {
        // A key's (or a log writer's) inputs say what its creation leaves to AWS, which its planned
        // outputs do not.
        recordKeyInputs(args.urn, defaultedProperties(args.type, writerDefaults), args.props);
        const type = TARGET_TYPES[args.type];
        return type === undefined
            ? undefined
            : { subject: describeTarget(args), findings: keyFindings(args, type) };
    },
});

/** The target's findings: a missing key, or a centralization rule's destinations without one. */
function keyFindings(args: ResourceValidationArgs, type: TargetType): PolicyFinding[] {
    if (type.kind === "centralization rule") {
        // Its keys are nested in `rule`: centralization.ts says what it leaves to AWS's keys.
        return centralizationRefusals(centralizationFacts(args.props)).map((m) => ({
            check: CHECK,
            message: `[${CHECK}] ${describeTarget(args)}: ${m}`,
        }));
    }
    // `in` and readProperty never go through the props proxy's get trap: an unknown kmsKeyId
    // (a new key's ARN at preview) counts as present instead of aborting the policy.
    const value =
        type.keyProperty in args.props ? readProperty(args.props, type.keyProperty) : undefined;
    return value !== undefined && value !== ""
        ? []
        : [{ check: CHECK, message: missingKeyMessage(args, type, type.kind) }];
}

/** A destination row's `defaultedInputs`, for a resource type that writes logs. */
function writerDefaults(type: string): readonly string[] | undefined {
    return Object.prototype.hasOwnProperty.call(DESTINATION_TYPES, type)
        ? DESTINATION_TYPES[type].defaultedInputs
        : undefined;
}

/** The refusal of a target without a key: what the service does then, and the key to give it. */
function missingKeyMessage(
    args: Pick<ResourceValidationArgs, "type" | "name" | "props" | "provider">,
    type: TargetType,
    kind: Parameters<typeof withoutKey>[0],
): string {
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
    if (kind === "event data store") {
        // CloudTrail User Guide, "Create an event data store": "By default, all events in an
        // event data store are encrypted by CloudTrail using a KMS key that AWS owns and
        // manages for you." And: "After you associate an event data store with a KMS key, the
        // KMS key cannot be removed or changed."
        return (
            `[key-required] ${type.kind} "${args.name}" (${args.type}) has no ${type.keyProperty}: ${withoutKey(kind)}. ` +
            `Fix: set ${type.keyProperty} to the ARN of a symmetric KMS key in ${where ?? "its region"} whose key policy lets ${principal} use it for event data stores, ` +
            `with no aws:SourceArn or aws:SourceAccount condition (e.g. EncryptedEventDataStore creates one); once set, the store's key cannot be removed or changed.`
        );
    }
    return (
        `[key-required] ${type.kind} "${args.name}" (${args.type}) has no ${type.keyProperty}: ` +
        `${withoutKey(kind)}. ` +
        `Fix: set ${type.keyProperty} to the ARN of a symmetric KMS key in ${where ?? "its region"} whose key policy lets ${principal} use it ` +
        `(e.g. ${type.service === "logs" ? "EncryptedLogGroup / EncryptedAnomalyDetector" : "EncryptedTrail"} create one).`
    );
}
