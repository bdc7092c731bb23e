/**
 * The judgement of a target's key policy, shared by the two rules that read it (`key-policy`:
 * the service can use the key, and only under an encryption-context condition where the service
 * sets one (event data stores have none); `public-grant`:
 * nobody else can). One evaluation per target: both rules take their part of the same result.
 *
 * The policy that applies is a stand-alone KeyPolicy naming the key, else the key's own. When a
 * KeyPolicy may target the key (its keyId unknown at preview, depending on the key), both are
 * judged, and if they disagree the outcome cannot be decided yet.
 */
import type { KeyPolicyFacts, KeySettings, TargetFacts } from "../facts/facts";
import {
    Decision,
    KeyRequest,
    UnknownKeyArn,
    ParsedPolicy,
    evaluateCached as evaluate,
    parsePolicyCached as parsePolicy,
    principalAccounts,
} from "../iam/policy";
import { partitionOfRegion } from "../stack/location";
import { Finding, unverifiable, violation } from "./rule";
import { UNKNOWN } from "../stack/wire";
import {
    ServiceRequests,
    serviceContextKey,
    servicePrincipal,
    serviceRequests,
} from "../facts/serviceRequests";
import { judgeBucketKey } from "./bucketKeyJudgement";
import { PUBLIC_GRANT_RULE, publicGrants } from "./publicGrantJudgement";

/** The rule ids whose findings this judgement produces. */
export const KEY_POLICY_RULE = "key-policy";
export { PUBLIC_GRANT_RULE };

/**
 * Where an event data store's key statements come from. CloudTrail User Guide: "The
 * `aws:SourceArn` and `aws:SourceAccount` condition keys are not supported in KMS key policies
 * for event data stores", so a trail's key (a CloudTrailKey) does not serve one.
 */
const EVENT_DATA_STORE_POLICY_SOURCE =
    "an EncryptedEventDataStore creates such a key; eventDataStoreKeyPolicy writes the statements";

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

/** The component type whose keys a LogsKey's arguments scope (see {@link fixFor}). */
const LOGS_KEY = "encrypted-logs:index:LogsKey";

/**
 * The key as a key policy's Resource sees it: its ARN; for a key not created yet (ARN unknown at
 * preview) its partition, region and account, so that a Resource naming other keys does not name
 * it; `undefined` when not even those are known, or for a replica key (it takes its primary's id).
 */
function keyResource(
    facts: TargetFacts,
    settings: KeySettings,
    account: string | undefined,
): string | UnknownKeyArn | undefined {
    const key = facts.key;
    if (settings.arn !== undefined) {
        return settings.arn;
    }
    if (
        key === undefined ||
        account === undefined ||
        settings.replica === true ||
        key.region === undefined ||
        key.region === UNKNOWN
    ) {
        return undefined;
    }
    return {
        partition: partitionOfRegion(key.region.region).partition,
        region: key.region.region,
        account,
        multiRegion: typeof key.multiRegion === "boolean" ? key.multiRegion : undefined,
    };
}

/**
 * What to change when the key policy does not let the service use the key for this target: the
 * argument of the LogsKey the key belongs to, else the statements to add.
 */
function fixFor(facts: TargetFacts, principal: string): string {
    const owner = facts.key?.owner;
    const { type, name } = facts;
    if (owner?.type === LOGS_KEY && type.service === "logs") {
        return type.kind === "anomaly detector"
            ? `Fix: set anomalyDetectors: true on LogsKey "${owner.name}" (its policy then has the anomaly-detector statements).`
            : `Fix: add ${JSON.stringify(name)} to the logGroupNames of LogsKey "${owner.name}" (logGroupNames: [..., ${JSON.stringify(name)}]), or set accountWide: true on it.`;
    }
    return (
        `Fix: add the statement${type.service === "logs" ? "s" : ""} the AWS documentation gives for ${principal}, scoped to this ${type.kind} by an encryption-context condition ` +
        `(a ${type.service === "logs" ? "LogsKey" : "CloudTrailKey"} writes them).`
    );
}

const isDenied = (d: Decision) => d === "ImplicitlyDenied" || d === "ExplicitlyDenied";

/** One key policy being judged for one target. */
interface PolicyUnderJudgement {
    readonly facts: TargetFacts;
    readonly description: string;
    /** Where the policy comes from, for messages ("the policy of ..."). */
    readonly source: string;
    readonly policy: ParsedPolicy;
    readonly ctx: ServiceRequests;
    /** The account the requests name (the target's, or the one account the policy names). */
    readonly account: string | undefined;
    readonly resource: string | UnknownKeyArn | undefined;
    readonly partition: string;
    /** Evaluates one request (noting whether a key not created yet left it undetermined). */
    readonly decide: (r: KeyRequest) => Decision;
}

/** The region's partition and the parsed policy, or why the policy cannot be judged. */
type Readable =
    | {
          readonly policy: ParsedPolicy;
          readonly region: string;
          readonly partition: { readonly partition: string; readonly dnsSuffix: string };
      }
    | { readonly findings: Finding[] };

/** The policy parsed, or the finding that says why it cannot be (unknown, absent, not JSON). */
function readPolicy(facts: TargetFacts, description: string, candidate: KeyPolicyFacts): Readable {
    const { subject, type } = facts;
    const { value, source } = candidate;
    if (candidate.unknown) {
        return {
            findings: [
                unverifiable(KEY_POLICY_RULE, `${source} of ${description} is unknown at preview`),
            ],
        };
    }
    const region = facts.region;
    if (region === undefined || typeof region === "symbol" || facts.partition === undefined) {
        return {
            findings: [
                unverifiable(
                    KEY_POLICY_RULE,
                    `the region of ${subject} is unknown, so the service principal that needs the key is too`,
                ),
            ],
        };
    }
    const partition = facts.partition;
    if (value === undefined) {
        const principal = servicePrincipal(facts, region.region, partition);
        return {
            findings: [
                violation(
                    KEY_POLICY_RULE,
                    `${subject} is encrypted with ${description}, which has no key policy: KMS then applies the default policy, which gives ${principal} no access. ` +
                        (type.kind === "event data store"
                            ? `Fix: give the key a policy that lets ${principal} use it for event data stores (${EVENT_DATA_STORE_POLICY_SOURCE}).`
                            : `Fix: give the key a policy that lets ${principal} use it for this ${type.kind} ` +
                              `(e.g. ${type.service === "logs" ? "a LogsKey, or the statements logGroupKeyPolicy writes" : "a CloudTrailKey, or the statements cloudTrailKeyPolicy writes"}).`),
                ),
            ],
        };
    }
    const policy = parsePolicy(value);
    if (policy.error !== undefined) {
        return {
            findings: [
                violation(
                    KEY_POLICY_RULE,
                    `${subject} is encrypted with ${description}, but ${source} cannot be read: ${policy.error}. Fix: write the key policy as a JSON policy document.`,
                ),
            ],
        };
    }
    return { policy, region: region.region, partition };
}

/** Judges one key policy for the target: the findings of both rules. */
function judgePolicy(
    facts: TargetFacts,
    description: string,
    settings: KeySettings,
    candidate: KeyPolicyFacts,
): Finding[] {
    const readable = readPolicy(facts, description, candidate);
    if ("findings" in readable) {
        return readable.findings;
    }
    const { policy, region, partition } = readable;
    const named = principalAccounts(policy);
    const account = facts.account ?? (named.length === 1 ? named[0] : undefined);
    const resource = keyResource(facts, settings, account);
    // A key not created yet may be named by the policy's Resource patterns or not, by its new id.
    let undetermined = false;
    const j: PolicyUnderJudgement = {
        facts,
        description,
        source: candidate.source,
        policy,
        ctx: serviceRequests(facts, region, partition, account, resource),
        account,
        resource,
        partition: partition.partition,
        decide: (r) => {
            const d = evaluate(policy, r);
            undetermined ||= d === "Undetermined";
            return d;
        },
    };
    const findings = serviceDenials(j);
    if (!findings.some((f) => f.rule === KEY_POLICY_RULE)) {
        const judged = {
            rule: KEY_POLICY_RULE,
            guesses: GUESSES,
            policySource: `${j.source} of ${description}`,
            account,
        };
        findings.push(...judgeBucketKey(facts, policy, j.ctx, j.decide, judged));
    }
    findings.push(...openToOthers(j), ...publicGrants(j, j.partition));
    if (undetermined && !findings.some((f) => f.rule === KEY_POLICY_RULE)) {
        findings.push(
            unverifiable(
                KEY_POLICY_RULE,
                `${j.source} of ${description} lets ${j.ctx.principal} use only keys whose ARN its Resource or NotResource names, and the new key's ARN is unknown at preview`,
            ),
        );
    }
    return findings;
}

/** The service's own requests the policy denies: a violation, or "cannot verify yet" on a guess. */
function serviceDenials(j: PolicyUnderJudgement): Finding[] {
    const { facts, description, source, policy, ctx, account, decide } = j;
    const { subject, type } = facts;
    // With nothing unknown one evaluation decides; otherwise two different guesses must agree.
    const deniedPerGuess = (ctx.guessed ? GUESSES : GUESSES.slice(0, 1)).map((g) =>
        ctx.needed(g).filter((r) => isDenied(decide(r))),
    );
    const denied = deniedPerGuess[0];
    const deniedOther = deniedPerGuess[deniedPerGuess.length - 1];
    if (denied.length === 0 && deniedOther.length === 0) {
        return [];
    }
    // With a guessed name, a denial proves nothing if the real name may be one the policy's
    // conditions name: try those names too.
    if (
        ctx.guessed &&
        (ctx.accountGuessed ||
            denied.length !== deniedOther.length ||
            candidateNames(policy, type.kind).some((n) =>
                ctx.needed(n).every((r) => decide(r) === "Allowed"),
            ))
    ) {
        return [
            unverifiable(
                KEY_POLICY_RULE,
                `${source} of ${description} grants ${ctx.principal} access only for some ${type.kind}s, and ${account === undefined ? "the account" : "the name"} of ${subject} is unknown at preview`,
            ),
        ];
    }
    const actions = [...new Set((denied.length > 0 ? denied : deniedOther).map((r) => r.action))];
    const contextKeys = [...new Set(denied.flatMap((r) => Object.keys(r.context ?? {})))].filter(
        (k) => k.startsWith("kms:"),
    );
    return [
        violation(
            KEY_POLICY_RULE,
            `${subject} is encrypted with ${description}, but ${source} does not allow ${ctx.principal} ${actions.join(", ")}` +
                `${contextKeys.length > 0 ? ` with ${contextKeys.join(" / ")} naming this ${type.kind}` : ""}: the service cannot use the key. ` +
                (type.kind === "event data store"
                    ? `Fix: add the statements the AWS documentation gives for event data stores, without aws:SourceArn or aws:SourceAccount conditions, which KMS key policies for event data stores do not support (${EVENT_DATA_STORE_POLICY_SOURCE}).`
                    : fixFor(facts, ctx.principal)),
        ),
    ];
}

/** Requests the service makes for other accounts' resources, or with no context, that are allowed. */
function openToOthers(j: PolicyUnderJudgement): Finding[] {
    const { facts, description, source, ctx } = j;
    const open = ctx.outOfScope.filter((r) => j.decide(r) === "Allowed");
    if (open.length === 0) {
        return [];
    }
    const noContext = open.some(
        (r) => !Object.keys(r.context ?? {}).some((k) => k.startsWith("kms:EncryptionContext")),
    );
    return [
        violation(
            KEY_POLICY_RULE,
            `${facts.subject} is encrypted with ${description}, but ${source} allows ${ctx.principal} ${[...new Set(open.map((r) => r.action))].join(", ")} ` +
                `${noContext ? "without an encryption-context condition" : "for another account's resources"}. ` +
                `Fix: add a condition on ${serviceContextKey(facts)} that names this account's ${facts.type.kind}s (ArnEquals or ArnLike).`,
        ),
    ];
}

const verdicts = new WeakMap<TargetFacts, readonly Finding[]>();

/**
 * The findings of the key-policy judgement for a target whose key is in the stack (empty for any
 * other), computed once per facts record. When a KeyPolicy that may replace the key's policy
 * would change the verdict, the only finding is that it cannot be verified yet.
 */
export function keyPolicyVerdict(facts: TargetFacts): readonly Finding[] {
    let verdict = verdicts.get(facts);
    if (verdict === undefined) {
        verdict = judgeAll(facts);
        verdicts.set(facts, verdict);
    }
    return verdict;
}

function judgeAll(facts: TargetFacts): readonly Finding[] {
    const key = facts.key;
    const settings = key?.settings;
    if (key === undefined || settings === undefined) {
        return [];
    }
    const own = judgePolicy(facts, key.description, settings, settings.policy);
    const outcomes = (fs: Finding[]) =>
        fs
            .map((f) => `${f.rule}:${f.outcome}`)
            .sort()
            .join();
    for (const possible of settings.possiblePolicies) {
        const other = judgePolicy(facts, key.description, settings, possible);
        if (outcomes(other) !== outcomes(own)) {
            return [
                unverifiable(
                    KEY_POLICY_RULE,
                    `${possible.source} may replace the policy of ${key.description}: its keyId is unknown at preview and depends on that key`,
                ),
            ];
        }
    }
    return own;
}
