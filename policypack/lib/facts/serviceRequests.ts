/**
 * The requests a service makes to a target's key, to evaluate against the key policy: the ones it
 * must be allowed (CloudWatch Logs encrypting for this log group or detector, CloudTrail for this
 * trail, CloudTrail Lake for this event data store) and the ones that must be denied (another
 * account's resources, no encryption context; none for event data stores, which have no context).
 * Principals, context keys and actions come from the package's service vocabulary.
 */
import {
    ANOMALY_DETECTOR_ACTIONS,
    ANOMALY_DETECTOR_CRYPTO_ACTIONS,
    CLOUDTRAIL_CONTEXT_KEY,
    EVENT_DATA_STORE_DESCRIBE_ACTIONS,
    EVENT_DATA_STORE_SERVICE_ACTIONS,
    LOGS_CONTEXT_KEY,
    LOGS_CRYPTO_CONTEXT_KEY,
    LOG_GROUP_KEY_ACTIONS,
    S3_CONTEXT_KEY,
    cloudTrailServicePrincipal,
    logsServicePrincipal,
} from "../../../aws/services";
import type { TargetFacts } from "./facts";
import { KeyRequest, UnknownKeyArn } from "../iam/policy";

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

/** The service principal that uses the key of a target in `region` (`partition` its partition's). */
export function servicePrincipal(
    facts: TargetFacts,
    region: string,
    partition: { readonly dnsSuffix: string },
): string {
    return facts.type.service === "logs"
        ? logsServicePrincipal({ region, dnsSuffix: partition.dnsSuffix })
        : cloudTrailServicePrincipal();
}

/** The encryption-context key the service sets (the condition key a policy scopes it with). */
export function serviceContextKey(facts: TargetFacts): string {
    return facts.type.service === "logs" ? LOGS_CONTEXT_KEY : CLOUDTRAIL_CONTEXT_KEY;
}

/** What the service asks of the key for one target. */
export interface ServiceRequests {
    readonly principal: string;
    /** Requests that must be allowed (each built for a guess of the unknown parts). */
    readonly needed: (guess: string) => KeyRequest[];
    /** Requests that must be denied: other accounts' resources, no encryption context. */
    readonly outOfScope: KeyRequest[];
    /** Whether a guess was needed (a name or account unknown at preview). */
    readonly guessed: boolean;
    /** Whether the account itself was guessed: a denial then proves nothing. */
    readonly accountGuessed: boolean;
    /**
     * A trail whose bucket uses an S3 Bucket Key: the requests CloudTrail makes under it, which
     * carry the bucket's ARN as encryption context instead of the trail's (`bucketKey.ts`).
     */
    readonly bucketKeyNeeded?: (guess: string) => KeyRequest[];
}

/** What a service's requests for one target are built from. */
interface RequestBasis {
    readonly facts: TargetFacts;
    readonly region: string;
    readonly partition: string;
    /** The account the policy judgement settled on (`undefined`: guessed per request). */
    readonly account: string | undefined;
    readonly keyArn: string | UnknownKeyArn | undefined;
    readonly principal: string;
    /** Whether the name, account or ARN in the requests is a guess. */
    readonly guessed: boolean;
}

/**
 * The service's requests for a target in a known region, with the account the policy judgement
 * settled on, against `keyArn`: the key's ARN, the partition, region and account of a key not
 * created yet, or `undefined` when not even those are known.
 */
export function serviceRequests(
    facts: TargetFacts,
    region: string,
    partitionFacts: { readonly partition: string; readonly dnsSuffix: string },
    account: string | undefined,
    keyArn: string | UnknownKeyArn | undefined,
): ServiceRequests {
    const type = facts.type;
    const basis: RequestBasis = {
        facts,
        region,
        partition: partitionFacts.partition,
        account,
        keyArn,
        principal: servicePrincipal(facts, region, partitionFacts),
        guessed:
            account === undefined ||
            typeof facts.name !== "string" ||
            (type.kind === "anomaly detector" && typeof facts.arn !== "string"),
    };
    if (type.kind === "event data store") {
        return eventDataStoreRequests(basis);
    }
    return type.service === "cloudtrail" ? trailRequests(basis) : logsRequests(basis);
}

/** A request of the service's principal against the key. */
function serviceRequest(
    basis: RequestBasis,
    action: string,
    context: Readonly<Record<string, string>>,
): KeyRequest {
    return {
        principal: { kind: "service", service: basis.principal },
        action,
        resource: basis.keyArn,
        context,
    };
}

/** An account that is not the target's, for the requests that must be out of scope. */
export function otherAccount(account: string | undefined): string {
    return account === "999999999999" ? "000000000000" : "999999999999";
}

/** The account the requests name: the known one, or a 12-digit stand-in made from `guess`. */
function accountFor(account: string | undefined, guess: string): string {
    return account ?? guess.replace(/\D/g, "").padEnd(12, "0").slice(0, 12);
}

/**
 * CloudTrail User Guide, "Required KMS key policy elements for event data stores": "The
 * `aws:SourceArn` and `aws:SourceAccount` condition keys are not supported in KMS key policies for
 * event data stores." Nor does the guide give an encryption context for them. So CloudTrail's
 * requests carry neither: a policy that conditions on them (a trail's key) denies the store, and
 * with no context to scope by, no request of CloudTrail's is out of scope (a key made for one store
 * is the scope). Nothing about the store's name or account enters the requests, so nothing is
 * guessed.
 */
function eventDataStoreRequests(basis: RequestBasis): ServiceRequests {
    const requests = [
        ...EVENT_DATA_STORE_SERVICE_ACTIONS,
        ...EVENT_DATA_STORE_DESCRIBE_ACTIONS,
    ].map((action) => serviceRequest(basis, action, {}));
    return {
        principal: basis.principal,
        needed: () => requests,
        outOfScope: [],
        guessed: false,
        accountGuessed: false,
    };
}

/** A trail's requests: `aws:SourceArn`/`aws:SourceAccount` always, the trail's context on encrypt. */
function trailRequests(basis: RequestBasis): ServiceRequests {
    const { facts, region, partition, account } = basis;
    const name = facts.name;
    const trailArn = (acct: string, n: string) =>
        `arn:${partition}:cloudtrail:${region}:${acct}:trail/${n}`;
    const build = (
        acct: string,
        n: string,
        withContext: boolean,
        action: string,
        bucketContext: Record<string, string> = {},
    ): KeyRequest =>
        serviceRequest(basis, action, {
            "aws:SourceArn": trailArn(acct, n),
            "aws:SourceAccount": acct,
            ...(withContext ? { [CLOUDTRAIL_CONTEXT_KEY]: trailArn(acct, n) } : {}),
            ...bucketContext,
        });
    const nameFor = (guess: string) => (typeof name === "string" ? name : guess);
    const bucketKey = facts.bucketKey;
    return {
        principal: basis.principal,
        needed: (guess) => [
            build(accountFor(account, guess), nameFor(guess), true, "kms:GenerateDataKey"),
            build(accountFor(account, guess), nameFor(guess), false, "kms:DescribeKey"),
        ],
        // Under the bucket key: the bucket's ARN in the context, no aws:cloudtrail:arn
        // (bucketKey.ts); aws:SourceArn still names the trail, as for every request of
        // CloudTrail's ("The value of aws:SourceArn is always the trail ARN").
        bucketKeyNeeded:
            bucketKey === undefined
                ? undefined
                : (guess) => {
                      const bucket =
                          typeof bucketKey.bucketName === "string"
                              ? bucketKey.bucketName
                              : `bucket-${guess}`;
                      const context = { [S3_CONTEXT_KEY]: `arn:${partition}:s3:::${bucket}` };
                      return ["kms:GenerateDataKey", "kms:Decrypt"].map((action) =>
                          build(accountFor(account, guess), nameFor(guess), false, action, context),
                      );
                  },
        outOfScope: [
            build(
                otherAccount(account),
                typeof name === "string" ? name : "trail",
                true,
                "kms:GenerateDataKey",
            ),
            serviceRequest(basis, "kms:GenerateDataKey", {}),
        ],
        guessed: basis.guessed,
        accountGuessed: account === undefined,
    };
}

/**
 * CloudWatch Logs' requests for a log group or an anomaly detector.
 *
 * The ARN CloudWatch Logs puts in the encryption context: the target's own (its known ARN, or one
 * built from its name) for the requests it must be allowed, and always one built for `acct` for the
 * requests of another account's resources. A detector's ARN is assigned by the service (known only
 * after deploy): that known ARN names this account's detector, so it must never stand in for
 * another account's (it did, and the documented policy was refused once deployed). CloudWatch Logs
 * User Guide, "Encrypt an anomaly detector and its results with AWS KMS"
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/LogsAnomalyDetection-KMS.html): both
 * documented statements scope the service with "ArnLike" on
 * "arn:aws:logs:REGION:Your_account_ID:anomaly-detector:*", one under
 * kms:EncryptionContext:aws:logs:arn, the other under
 * kms:EncryptionContext:aws-crypto-ec:aws:logs:arn; "The Condition section in this example limits
 * the use of the AWS KMS key to the specified account, but it can be used for any anomaly
 * detector." A request naming another account's detector under either key, or carrying neither
 * key, matches neither condition (ArnLike on an absent key is false).
 */
function logsRequests(basis: RequestBasis): ServiceRequests {
    const { facts, region, partition, account } = basis;
    const { type, name } = facts;
    const knownArn = facts.arn;
    const contextArn = (acct: string, guess: string, own: boolean): string => {
        if (type.kind === "anomaly detector") {
            if (own && typeof knownArn === "string" && account !== undefined) {
                return knownArn;
            }
            return `arn:${partition}:logs:${region}:${acct}:anomaly-detector:${guess}`;
        }
        return `arn:${partition}:logs:${region}:${acct}:log-group:${typeof name === "string" ? name : guess}`;
    };
    const requests = (acct: string, guess: string, own: boolean): KeyRequest[] => {
        const arn = contextArn(acct, guess, own);
        const make = (actions: readonly string[], contextKey: string) =>
            callsMatching(actions).map((action) =>
                serviceRequest(basis, action, { [contextKey]: arn }),
            );
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
        principal: basis.principal,
        needed: (guess) => requests(accountFor(account, guess), guess, true),
        outOfScope: [
            ...requests(otherAccount(account), "other", false).filter((r) =>
                scoped.includes(r.action),
            ),
            ...scoped.map((action) => serviceRequest(basis, action, {})),
        ],
        guessed: basis.guessed,
        accountGuessed: account === undefined,
    };
}
