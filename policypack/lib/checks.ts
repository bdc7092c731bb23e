/**
 * The key checks, as pure functions of the indexed stack: for one log group, detector or trail,
 * each check passes, finds a violation, or cannot be verified yet (and says why). No cloud calls.
 */
import { parse as parseArn } from "@aws-sdk/util-arn-parser";
import { parseKmsKeyArn } from "../../components/common/arn";
import {
    ANOMALY_DETECTOR_ACTIONS,
    ANOMALY_DETECTOR_CRYPTO_ACTIONS,
    LOGS_CONTEXT_KEY,
    LOGS_CRYPTO_CONTEXT_KEY,
    LOG_GROUP_KEY_ACTIONS,
} from "../../components/logs/policies";
import {
    KeyRequest,
    ParsedPolicy,
    evaluateCached as evaluate,
    parsePolicyCached as parsePolicy,
    principalAccounts,
} from "./iam";
import { Region, partitionOfRegion, providerAccount, resolveRegion } from "./location";
import { Indexed, KeyResolution, StackIndex, StackKey } from "./stack";
import { TARGET_TYPES, TargetType } from "./targets";
import { UNKNOWN, Unknown, containsUnknown, readBoolean, readProperty, readString } from "./wire";

/** The checks of the `log-encryption-key-usable` policy, each named in its messages. */
export type CheckId =
    | "key-arn"
    | "symmetric"
    | "region"
    | "multi-region"
    | "key-policy"
    | "public-grant"
    | "rotation";

/** One finding: a violation, or something that cannot be verified yet. */
export interface Finding {
    readonly check: CheckId;
    readonly outcome: "violation" | "unverifiable";
    readonly message: string;
}

/** The options the checks take (from the policy's configuration). */
export interface CheckOptions {
    /** Accept multi-Region keys (`multiRegion: true`, `mrk-` ids). */
    readonly allowMultiRegionKeys: boolean;
    /** Require automatic rotation on symmetric customer keys that can rotate. */
    readonly requireKeyRotation: boolean;
}

/** The CloudTrail service principal (global in every partition) and its encryption-context key. */
export const CLOUDTRAIL_PRINCIPAL = "cloudtrail.amazonaws.com";
export const CLOUDTRAIL_CONTEXT_KEY = "kms:EncryptionContext:aws:cloudtrail:arn";

/** The KMS actions the services call, to turn the policy builders' action patterns into requests. */
const SERVICE_CALLS = [
    "kms:Encrypt",
    "kms:Decrypt",
    "kms:ReEncryptFrom",
    "kms:ReEncryptTo",
    "kms:GenerateDataKey",
    "kms:DescribeKey",
];
const callsByPatterns = new Map<readonly string[], string[]>();
function callsMatching(patterns: readonly string[]): string[] {
    let calls = callsByPatterns.get(patterns);
    if (calls === undefined) {
        const re = patterns.map((p) => new RegExp(`^${p.replace(/\*/g, ".*")}$`, "i"));
        calls = SERVICE_CALLS.filter((a) => re.some((r) => r.test(a)));
        callsByPatterns.set(patterns, calls);
    }
    return calls;
}

/** Actions that must never be open to anyone (principal `*` without a condition). */
const SENSITIVE_ACTIONS = [
    "kms:Decrypt",
    "kms:Encrypt",
    "kms:GenerateDataKey",
    "kms:ReEncryptFrom",
    "kms:CreateGrant",
    "kms:PutKeyPolicy",
    "kms:ScheduleKeyDeletion",
    "kms:DisableKey",
];

/** `log group "app"`: how messages name a target. */
export function describeTarget(target: Indexed): string {
    const type = TARGET_TYPES[target.type];
    return `${type?.kind ?? target.type} "${target.name}" (${target.type})`;
}

function describeKey(key: StackKey): string {
    return `KMS key "${key.resource.name}" (${key.resource.type})`;
}

function describeRegion(r: Region): string {
    return `${r.region} (from ${r.source})`;
}

/** The key's region: from its known ARN, else like any resource's. */
function keyRegion(key: StackKey): Region | Unknown | undefined {
    const arn = readString(key.resource.props, "arn");
    if (typeof arn === "string") {
        try {
            const parts = parseArn(arn);
            if (parts.region !== "") {
                return { region: parts.region, source: "its ARN" };
            }
        } catch {
            // fall through to the inputs
        }
    }
    return resolveRegion(key.resource.type, key.resource.props, key.resource.provider);
}

/** The region the key must be in: the trail's bucket's for trails (seed 004), the resource's own otherwise. */
function requiredRegion(
    index: StackIndex,
    target: Indexed,
    type: TargetType,
): { region: Region | Unknown | undefined; unverifiable?: string } {
    if (type.bucketProperty !== undefined) {
        const bucket = index.bucketOf(target, type.bucketProperty);
        if (bucket === undefined) {
            const name = readString(target.props, type.bucketProperty);
            return {
                region: undefined,
                unverifiable: `its S3 bucket ${typeof name === "string" ? `"${name}"` : "(unknown at preview)"} is not in this stack, and CloudTrail needs the key in the bucket's region`,
            };
        }
        const region = resolveRegion(bucket.type, bucket.props, bucket.provider);
        return {
            region:
                region === UNKNOWN || region === undefined
                    ? region
                    : {
                          region: region.region,
                          source: `its S3 bucket "${bucket.name}", ${region.source}`,
                      },
        };
    }
    return { region: resolveRegion(target.type, target.props, target.provider) };
}

function checkKeyArn(subject: string, reference: unknown): Finding[] {
    if (reference === UNKNOWN) {
        return [];
    }
    try {
        parseKmsKeyArn("kmsKeyId", reference);
        return [];
    } catch (e) {
        return [
            {
                check: "key-arn",
                outcome: "violation",
                message: `${subject}: ${(e as Error).message}`,
            },
        ];
    }
}

function symmetricSpec(key: StackKey): { spec: string | Unknown; usage: string | Unknown } {
    // Absent means the provider's default (symmetric); present but not a string is shown as is.
    const read = (prop: string): string | Unknown | undefined => {
        const v = readProperty(key.resource.props, prop);
        return v === undefined || v === UNKNOWN || typeof v === "string" ? v : JSON.stringify(v);
    };
    let spec: string | Unknown = "SYMMETRIC_DEFAULT";
    for (const prop of key.type.specProperties) {
        const v = read(prop);
        if (v !== undefined) {
            spec = v;
            break;
        }
    }
    return { spec, usage: read("keyUsage") ?? "ENCRYPT_DECRYPT" };
}

function checkSymmetric(subject: string, key: StackKey): Finding[] {
    const { spec, usage } = symmetricSpec(key);
    if (spec === UNKNOWN || usage === UNKNOWN) {
        return [
            {
                check: "symmetric",
                outcome: "unverifiable",
                message: `the key spec or key usage of ${describeKey(key)} is unknown at preview`,
            },
        ];
    }
    if (spec !== "SYMMETRIC_DEFAULT" || usage !== "ENCRYPT_DECRYPT") {
        return [
            {
                check: "symmetric",
                outcome: "violation",
                message:
                    `${subject} is encrypted with ${describeKey(key)}, whose key spec is "${spec}" and key usage "${usage}": ` +
                    `CloudWatch Logs and CloudTrail only use symmetric encryption keys. ` +
                    `Fix: use a key with key spec "SYMMETRIC_DEFAULT" and key usage "ENCRYPT_DECRYPT" (the defaults; a LogsKey is one).`,
            },
        ];
    }
    return [];
}

function checkRegion(
    subject: string,
    keyName: string,
    required: { region: Region | Unknown | undefined; unverifiable?: string },
    actual: Region | Unknown | undefined,
    kind: string,
): Finding[] {
    if (required.unverifiable !== undefined) {
        return [{ check: "region", outcome: "unverifiable", message: required.unverifiable }];
    }
    if (required.region === UNKNOWN || required.region === undefined) {
        return [
            {
                check: "region",
                outcome: "unverifiable",
                message: `the region of ${subject} is ${required.region === UNKNOWN ? "unknown at preview" : "not set (no region input, provider region or aws:region config)"}`,
            },
        ];
    }
    if (actual === UNKNOWN || actual === undefined) {
        return [
            {
                check: "region",
                outcome: "unverifiable",
                message: `the region of ${keyName} is ${actual === UNKNOWN ? "unknown at preview" : "not set"}`,
            },
        ];
    }
    if (actual.region !== required.region.region) {
        const where = kind === "trail" ? "the region of the trail's S3 bucket" : `its own region`;
        return [
            {
                check: "region",
                outcome: "violation",
                message:
                    `${subject} is in ${describeRegion(required.region)} but ${keyName} is in ${describeRegion(actual)}: ` +
                    `the service can only use a key in ${where}. ` +
                    `Fix: create the key in ${required.region.region} (give it the same provider or region input) and use that key's ARN.`,
            },
        ];
    }
    return [];
}

function checkMultiRegion(
    subject: string,
    keyName: string,
    multiRegion: boolean | Unknown,
    why: string,
    options: CheckOptions,
): Finding[] {
    if (options.allowMultiRegionKeys) {
        return [];
    }
    if (multiRegion === UNKNOWN) {
        return [
            {
                check: "multi-region",
                outcome: "unverifiable",
                message: `whether ${keyName} is a multi-Region key is unknown at preview`,
            },
        ];
    }
    if (multiRegion) {
        return [
            {
                check: "multi-region",
                outcome: "violation",
                message:
                    `${subject} is encrypted with ${keyName}, a multi-Region key (${why}): log encryption keys must be region-scoped. ` +
                    `Fix: use a single-Region key (multiRegion: false), or set allowMultiRegionKeys: true in this policy's configuration.`,
            },
        ];
    }
    return [];
}

function stackKeyMultiRegion(key: StackKey): { value: boolean | Unknown; why: string } {
    if (key.type.alwaysMultiRegion) {
        return { value: true, why: `${key.resource.type} is a replica of a multi-Region key` };
    }
    const arn = readString(key.resource.props, "arn");
    if (typeof arn === "string" && /:key\/mrk-/.test(arn)) {
        return { value: true, why: "its key id starts with mrk-" };
    }
    const flag = readBoolean(key.resource.props, "multiRegion");
    return { value: flag ?? false, why: "multiRegion: true" };
}

/** Where a resource's name sits in the ARNs a key policy's conditions name, per target kind. */
const NAME_IN_ARN: Record<string, RegExp> = {
    "log group": /:log-group:(.+)$/,
    "anomaly detector": /:anomaly-detector:(.+)$/,
    trail: /:trail\/(.+)$/,
};

/**
 * Names of `kind` that the Allow statements' conditions mention (wildcards made concrete): when a
 * resource's own name is unknown at preview, it may be one of these, so a policy scoped to them
 * cannot be judged yet. A policy whose conditions name only other kinds of resources (a detector
 * on a key scoped to log groups) yields none, and stays judged.
 */
function candidateNames(policy: ParsedPolicy, kind: string): string[] {
    const pattern = NAME_IN_ARN[kind];
    const names = new Set<string>();
    const visit = (value: unknown): void => {
        if (typeof value === "string") {
            const m = pattern?.exec(value.replace(/[*?]/g, "x"));
            if (m) {
                names.add(m[1]);
            }
        } else if (Array.isArray(value)) {
            value.forEach(visit);
        } else if (value !== null && typeof value === "object") {
            Object.values(value).forEach(visit);
        }
    };
    policy.statements.filter((st) => st.Effect === "Allow").forEach((st) => visit(st.Condition));
    return [...names];
}

/** A request attribute that may not be known at preview: evaluated with two different guesses. */
const GUESSES = ["0f1e2d3c-4b5a-4697-8877-665544332211", "9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d"];

interface ServiceContext {
    readonly principal: string;
    /** Requests that must be allowed (each built for a guess of the unknown parts). */
    readonly needed: (guess: string) => KeyRequest[];
    /** Requests that must be denied: other accounts' resources, no encryption context. */
    readonly outOfScope: KeyRequest[];
    /** Whether a guess was needed (a name or account unknown at preview). */
    readonly guessed: boolean;
    /** Whether the account itself was guessed: a denial then proves nothing. */
    readonly accountGuessed: boolean;
}

function serviceContext(
    target: Indexed,
    type: TargetType,
    region: string,
    account: string | undefined,
    keyArn: string | undefined,
): ServiceContext {
    const { partition, dnsSuffix } = partitionOfRegion(region);
    const other = account === "999999999999" ? "000000000000" : "999999999999";
    const name = readString(target.props, type.nameProperty);
    const knownArn = readString(target.props, "arn");
    const guessed =
        account === undefined ||
        typeof name !== "string" ||
        (type.kind === "anomaly detector" && typeof knownArn !== "string");
    const service = (principal: string) => ({ kind: "service" as const, service: principal });
    if (type.service === "cloudtrail") {
        const trailArn = (acct: string, n: string) =>
            `arn:${partition}:cloudtrail:${region}:${acct}:trail/${n}`;
        const build = (
            acct: string,
            n: string,
            withContext: boolean,
            action: string,
        ): KeyRequest => ({
            principal: service(CLOUDTRAIL_PRINCIPAL),
            action,
            resource: keyArn,
            context: {
                "aws:SourceArn": trailArn(acct, n),
                "aws:SourceAccount": acct,
                ...(withContext ? { [CLOUDTRAIL_CONTEXT_KEY]: trailArn(acct, n) } : {}),
            },
        });
        return {
            principal: CLOUDTRAIL_PRINCIPAL,
            needed: (guess) => {
                const acct = account ?? guess.replace(/\D/g, "").padEnd(12, "0").slice(0, 12);
                const n = typeof name === "string" ? name : guess;
                return [
                    build(acct, n, true, "kms:GenerateDataKey"),
                    build(acct, n, false, "kms:DescribeKey"),
                ];
            },
            outOfScope: [
                build(
                    other,
                    typeof name === "string" ? name : "trail",
                    true,
                    "kms:GenerateDataKey",
                ),
                {
                    principal: service(CLOUDTRAIL_PRINCIPAL),
                    action: "kms:GenerateDataKey",
                    resource: keyArn,
                    context: {},
                },
            ],
            guessed,
            accountGuessed: account === undefined,
        };
    }
    const principal = `logs.${region}.${dnsSuffix}`;
    const contextArn = (acct: string, guess: string): string => {
        if (type.kind === "anomaly detector") {
            if (typeof knownArn === "string" && account !== undefined) {
                return knownArn;
            }
            return `arn:${partition}:logs:${region}:${acct}:anomaly-detector:${guess}`;
        }
        return `arn:${partition}:logs:${region}:${acct}:log-group:${typeof name === "string" ? name : guess}`;
    };
    const requests = (acct: string, guess: string): KeyRequest[] => {
        const arn = contextArn(acct, guess);
        const make = (actions: readonly string[], contextKey: string) =>
            callsMatching(actions).map((action) => ({
                principal: service(principal),
                action,
                resource: keyArn,
                context: { [contextKey]: arn },
            }));
        if (type.kind === "anomaly detector") {
            return [
                ...make(ANOMALY_DETECTOR_ACTIONS, LOGS_CONTEXT_KEY),
                ...make(ANOMALY_DETECTOR_CRYPTO_ACTIONS, LOGS_CRYPTO_CONTEXT_KEY),
            ];
        }
        return make(LOG_GROUP_KEY_ACTIONS, LOGS_CONTEXT_KEY);
    };
    const scoped = ["kms:Encrypt", "kms:GenerateDataKey"];
    return {
        principal,
        needed: (guess) =>
            requests(account ?? guess.replace(/\D/g, "").padEnd(12, "0").slice(0, 12), guess),
        outOfScope: [
            ...requests(other, "other").filter((r) => scoped.includes(r.action)),
            ...scoped.map((action) => ({
                principal: service(principal),
                action,
                resource: keyArn,
                context: {},
            })),
        ],
        guessed,
        accountGuessed: account === undefined,
    };
}

/** The account the target lives in: known ARNs first, then the provider, then the key policy's only account. */
function targetAccount(target: Indexed, key: StackKey, policy: ParsedPolicy): string | undefined {
    for (const arn of [readString(target.props, "arn"), readString(key.resource.props, "arn")]) {
        if (typeof arn === "string") {
            const account = arn.split(":")[4];
            if (/^\d{12}$/.test(account ?? "")) {
                return account;
            }
        }
    }
    const fromProvider = providerAccount(target.provider);
    if (fromProvider !== undefined) {
        return fromProvider;
    }
    const named = principalAccounts(policy);
    return named.length === 1 ? named[0] : undefined;
}

function keyPolicyOf(
    key: StackKey,
    standAlone: Indexed | undefined,
): { value: unknown; source: string } {
    if (standAlone !== undefined) {
        return {
            value: readProperty(standAlone.props, "policy"),
            source: `the KMS key policy "${standAlone.name}" (${standAlone.type})`,
        };
    }
    return {
        value: readProperty(key.resource.props, key.type.policyProperty),
        source: "its key policy",
    };
}

/**
 * The key-policy checks, on the policy that applies: a stand-alone KeyPolicy naming the key, else
 * the key's own. When a KeyPolicy may target the key (its keyId unknown at preview, depending on
 * the key), both are checked, and if they disagree the outcome cannot be decided yet.
 */
function checkKeyPolicy(
    subject: string,
    target: Indexed,
    type: TargetType,
    key: StackKey,
    region: Region | Unknown | undefined,
): Finding[] {
    const own = checkOnePolicy(subject, target, type, key, region, key.keyPolicy);
    const verdict = (fs: Finding[]) =>
        fs
            .map((f) => `${f.check}:${f.outcome}`)
            .sort()
            .join();
    for (const possible of key.possibleKeyPolicies ?? []) {
        const other = checkOnePolicy(subject, target, type, key, region, possible);
        if (verdict(other) !== verdict(own)) {
            return [
                {
                    check: "key-policy",
                    outcome: "unverifiable",
                    message: `the KMS key policy "${possible.name}" (${possible.type}) may replace the policy of ${describeKey(key)}: its keyId is unknown at preview and depends on that key`,
                },
            ];
        }
    }
    return own;
}

function checkOnePolicy(
    subject: string,
    target: Indexed,
    type: TargetType,
    key: StackKey,
    region: Region | Unknown | undefined,
    standAlone: Indexed | undefined,
): Finding[] {
    const name = describeKey(key);
    const { value, source } = keyPolicyOf(key, standAlone);
    if (value !== undefined && containsUnknown(value)) {
        return [
            {
                check: "key-policy",
                outcome: "unverifiable",
                message: `${source} of ${name} is unknown at preview`,
            },
        ];
    }
    if (region === UNKNOWN || region === undefined) {
        return [
            {
                check: "key-policy",
                outcome: "unverifiable",
                message: `the region of ${subject} is unknown, so the service principal that needs the key is too`,
            },
        ];
    }
    const keyArnValue = readString(key.resource.props, "arn");
    const keyArn = typeof keyArnValue === "string" ? keyArnValue : undefined;
    if (value === undefined) {
        const principal =
            type.service === "logs"
                ? `logs.${region.region}.${partitionOfRegion(region.region).dnsSuffix}`
                : CLOUDTRAIL_PRINCIPAL;
        return [
            {
                check: "key-policy",
                outcome: "violation",
                message:
                    `${subject} is encrypted with ${name}, which has no key policy: KMS then applies the default policy, which gives ${principal} no access. ` +
                    `Fix: give the key a policy that lets ${principal} use it for this ${type.kind} (e.g. a LogsKey, or the statements logGroupKeyPolicy writes).`,
            },
        ];
    }
    const policy = parsePolicy(value);
    if (policy.error !== undefined) {
        return [
            {
                check: "key-policy",
                outcome: "violation",
                message: `${subject} is encrypted with ${name}, but ${source} cannot be read: ${policy.error}. Fix: write the key policy as a JSON policy document.`,
            },
        ];
    }
    const findings: Finding[] = [];
    const account = targetAccount(target, key, policy);
    const ctx = serviceContext(target, type, region.region, account, keyArn);
    // With nothing unknown one evaluation decides; otherwise two different guesses must agree.
    const deniedPerGuess = (ctx.guessed ? GUESSES : GUESSES.slice(0, 1)).map((g) =>
        ctx.needed(g).filter((r) => evaluate(policy, r) !== "Allowed"),
    );
    const denied = deniedPerGuess[0];
    const deniedOther = deniedPerGuess[deniedPerGuess.length - 1];
    if (denied.length > 0 || deniedOther.length > 0) {
        // With a guessed name, a denial proves nothing if the real name may be one the policy's
        // conditions name: try those names too.
        if (
            ctx.guessed &&
            (ctx.accountGuessed ||
                denied.length !== deniedOther.length ||
                candidateNames(policy, type.kind).some((n) =>
                    ctx.needed(n).every((r) => evaluate(policy, r) === "Allowed"),
                ))
        ) {
            findings.push({
                check: "key-policy",
                outcome: "unverifiable",
                message: `${source} of ${name} grants ${ctx.principal} access only for some ${type.kind}s, and ${account === undefined ? "the account" : "the name"} of ${subject} is unknown at preview`,
            });
        } else {
            const actions = [
                ...new Set((denied.length > 0 ? denied : deniedOther).map((r) => r.action)),
            ];
            const contextKeys = [
                ...new Set(denied.flatMap((r) => Object.keys(r.context ?? {}))),
            ].filter((k) => k.startsWith("kms:"));
            findings.push({
                check: "key-policy",
                outcome: "violation",
                message:
                    `${subject} is encrypted with ${name}, but ${source} does not allow ${ctx.principal} ${actions.join(", ")}` +
                    `${contextKeys.length > 0 ? ` with ${contextKeys.join(" / ")} naming this ${type.kind}` : ""}: the service cannot use the key. ` +
                    `Fix: add the statement${type.service === "logs" ? "s" : ""} the AWS documentation gives for ${ctx.principal}, scoped to this ${type.kind} by an encryption-context condition (a LogsKey writes them).`,
            });
        }
    }
    const open = ctx.outOfScope.filter((r) => evaluate(policy, r) === "Allowed");
    if (open.length > 0) {
        const noContext = open.some(
            (r) => !Object.keys(r.context ?? {}).some((k) => k.startsWith("kms:EncryptionContext")),
        );
        findings.push({
            check: "key-policy",
            outcome: "violation",
            message:
                `${subject} is encrypted with ${name}, but ${source} allows ${ctx.principal} ${[...new Set(open.map((r) => r.action))].join(", ")} ` +
                `${noContext ? "without an encryption-context condition" : "for another account's resources"}. ` +
                `Fix: add a condition on ${type.service === "logs" ? LOGS_CONTEXT_KEY : CLOUDTRAIL_CONTEXT_KEY} that names this account's ${type.kind}s (ArnEquals or ArnLike).`,
        });
    }
    const partition = partitionOfRegion(region.region).partition;
    const strangers: KeyRequest["principal"][] = [
        { kind: "anonymous" },
        {
            kind: "aws",
            arn: `arn:${partition}:iam::${account === "999999999999" ? "000000000000" : "999999999999"}:role/anyone`,
            account: account === "999999999999" ? "000000000000" : "999999999999",
        },
    ];
    const public_ = SENSITIVE_ACTIONS.filter((action) =>
        strangers.some(
            (principal) =>
                evaluate(policy, { principal, action, resource: keyArn, context: {} }) ===
                "Allowed",
        ),
    );
    if (public_.length > 0) {
        findings.push({
            check: "public-grant",
            outcome: "violation",
            message:
                `${subject} is encrypted with ${name}, but ${source} grants ${public_.join(", ")} to any principal ("*") without a condition. ` +
                `Fix: name the principals, or add a condition such as kms:CallerAccount or aws:PrincipalOrgID.`,
        });
    }
    return findings;
}

function checkRotation(subject: string, key: StackKey, options: CheckOptions): Finding[] {
    if (!options.requireKeyRotation || key.type.importedMaterial || key.type.replica) {
        return [];
    }
    const { spec } = symmetricSpec(key);
    if (spec !== "SYMMETRIC_DEFAULT") {
        return []; // asymmetric and HMAC keys cannot rotate automatically
    }
    const store = readString(key.resource.props, "customKeyStoreId");
    const xks = readString(key.resource.props, "xksKeyId");
    const origin = readString(key.resource.props, "origin");
    if (
        (typeof store === "string" && store !== "") ||
        (typeof xks === "string" && xks !== "") ||
        (typeof origin === "string" && origin !== "AWS_KMS")
    ) {
        return []; // keys in a custom key store or with imported material cannot rotate
    }
    const rotation = readBoolean(key.resource.props, "enableKeyRotation");
    if (rotation === UNKNOWN || store === UNKNOWN || origin === UNKNOWN) {
        return [
            {
                check: "rotation",
                outcome: "unverifiable",
                message: `whether ${describeKey(key)} rotates is unknown at preview`,
            },
        ];
    }
    if (rotation !== true) {
        return [
            {
                check: "rotation",
                outcome: "violation",
                message:
                    `${subject} is encrypted with ${describeKey(key)}, whose enableKeyRotation is ${rotation === false ? "false" : "not set (false)"}: ` +
                    `symmetric customer keys used for logs must rotate. Fix: set enableKeyRotation: true (a LogsKey does), or set requireKeyRotation: false in this policy's configuration.`,
            },
        ];
    }
    return [];
}

/** Everything the checks found about one log group, detector or trail. */
export interface TargetReport {
    readonly target: Indexed;
    readonly resolution: KeyResolution;
    readonly findings: readonly Finding[];
}

/** Runs every check on one target. Never throws. */
export function checkTarget(
    index: StackIndex,
    target: Indexed,
    options: CheckOptions,
): TargetReport {
    const type = TARGET_TYPES[target.type];
    const resolution = index.resolveKey(target, type);
    const subject = describeTarget(target);
    const findings: Finding[] = [];
    const required = requiredRegion(index, target, type);
    const ownRegion = resolveRegion(target.type, target.props, target.provider);
    if (resolution.kind === "invalid") {
        findings.push(...checkKeyArn(subject, resolution.value));
    } else if (resolution.kind === "external") {
        findings.push(...checkKeyArn(subject, resolution.reference));
        if (findings.length === 0) {
            const arn = parseKmsKeyArn("kmsKeyId", resolution.reference);
            const keyName = `KMS key ${arn.arn}`;
            findings.push(
                ...checkRegion(
                    subject,
                    keyName,
                    required,
                    { region: arn.region, source: "its ARN" },
                    type.kind,
                ),
                ...checkMultiRegion(
                    subject,
                    keyName,
                    arn.multiRegion,
                    "its key id starts with mrk-",
                    options,
                ),
            );
        }
    } else if (resolution.kind === "stack-key") {
        const key = resolution.key;
        findings.push(
            ...checkKeyArn(subject, resolution.reference),
            ...checkSymmetric(subject, key),
            ...checkRegion(subject, describeKey(key), required, keyRegion(key), type.kind),
        );
        const multi = stackKeyMultiRegion(key);
        findings.push(
            ...checkMultiRegion(subject, describeKey(key), multi.value, multi.why, options),
            ...checkKeyPolicy(subject, target, type, key, ownRegion),
            ...checkRotation(subject, key, options),
        );
    }
    return { target, resolution, findings };
}
