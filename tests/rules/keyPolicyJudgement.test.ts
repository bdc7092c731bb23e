/**
 * The key-policy judgement (`policypack/lib/rules/keyPolicyJudgement.ts`) on a target's facts,
 * directly: the facts of a stack built with the `StackBuilder`, with one fact changed where the
 * case needs it (the region, the account, the key's owner, ARN or policy), and every finding
 * word for word, rule and outcome included: the region unknown, a key without a policy, the fix
 * per owner and service, explicit denials, a Resource that names other keys (a new key's place,
 * a replica, a multi-Region key), a policy open to other accounts' resources, names and accounts
 * guessed at preview, and a KeyPolicy that may replace the key's policy.
 */
import * as assert from "node:assert/strict";
import type { KeyPolicyFacts, TargetFacts } from "../../policypack/lib/facts/facts";
import { keyPolicyVerdict } from "../../policypack/lib/rules/keyPolicyJudgement";
import { UNKNOWN } from "../../policypack/lib/stack/wire";
import { ACCOUNT, StackBuilder } from "../../harness/stackFixtures";
import { unknown } from "../../testing/resources";
import { factsOf } from "./keyTarget";

const GROUP = 'log group "app" (aws:cloudwatch/logGroup:LogGroup)';
const KEY = 'KMS key "app-key" (aws:kms/key:Key)';
const LOGS = "logs.us-east-1.amazonaws.com";
const ALL_ACTIONS =
    "kms:Encrypt, kms:Decrypt, kms:ReEncryptFrom, kms:ReEncryptTo, kms:GenerateDataKey, kms:DescribeKey";
const LOGS_FIX = `Fix: add the statements the AWS documentation gives for ${LOGS}, scoped to this log group by an encryption-context condition (a LogsKey writes them).`;
const KEY_POLICY = 'the KMS key policy "kp" (aws:kms/keyPolicy:KeyPolicy)';

/** The verdict as `rule outcome: message`, every finding. */
function verdict(facts: TargetFacts): string[] {
    return keyPolicyVerdict(facts).map((f) => `${f.rule} ${f.outcome}: ${f.message}`);
}

/** The denial of `actions` for the log group "app", with `fix`. */
function denial(actions: string, fix = LOGS_FIX): string {
    return (
        `key-policy violation: ${GROUP} is encrypted with ${KEY}, but its key policy does not allow ${LOGS} ${actions} ` +
        `with kms:EncryptionContext:aws:logs:arn naming this log group: the service cannot use the key. ${fix}`
    );
}

/** "Cannot verify yet": the policy grants access only for some log groups, and `what` is unknown. */
function onlySome(what: "account" | "name"): string {
    return `key-policy unverifiable: its key policy of ${KEY} grants ${LOGS} access only for some log groups, and the ${what} of ${GROUP} is unknown at preview`;
}

const UNDETERMINED = `key-policy unverifiable: its key policy of ${KEY} lets ${LOGS} use only keys whose ARN its Resource or NotResource names, and the new key's ARN is unknown at preview`;

const groupArn = (name: string, account = ACCOUNT) =>
    `arn:aws:logs:us-east-1:${account}:log-group:${name}`;

/** A key policy of `statements`, as the key's own policy. */
function policy(...statements: object[]): KeyPolicyFacts {
    return {
        value: JSON.stringify({ Version: "2012-10-17", Statement: statements }),
        source: "its key policy",
        unknown: false,
    };
}

/** Allows the logs principal everything, under `condition` (none: unconditioned), on `resource`. */
function allowLogs(condition?: object, resource = "*"): object {
    return {
        Effect: "Allow",
        Principal: { Service: LOGS },
        Action: "kms:*",
        Resource: resource,
        ...(condition === undefined ? {} : { Condition: condition }),
    };
}

/** Allows the logs principal under an ArnLike on the log group ARN, for `names`. */
const scopedTo = (...names: string[]) =>
    allowLogs({
        ArnLike: {
            "kms:EncryptionContext:aws:logs:arn":
                names.length === 1 ? groupArn(names[0]) : names.map((n) => groupArn(n)),
        },
    });

/** Allows the logs principal `actions` where the encryption context is StringLike `pattern`. */
const whereLike = (pattern: string, actions: string | string[] = "kms:*") => ({
    Effect: "Allow",
    Principal: { Service: LOGS },
    Action: actions,
    Resource: "*",
    Condition: { StringLike: { "kms:EncryptionContext:aws:logs:arn": pattern } },
});

/** Anyone may schedule the key's deletion: a public grant, and nothing the service asks for. */
const PUBLIC_DELETION = {
    Effect: "Allow",
    Principal: "*",
    Action: "kms:ScheduleKeyDeletion",
    Resource: "*",
};
const PUBLIC_FINDING =
    `public-grant violation: ${GROUP} is encrypted with ${KEY}, but its key policy grants kms:ScheduleKeyDeletion to any principal ("*") without a condition. ` +
    "Fix: name the principals, or add a condition such as kms:CallerAccount or aws:PrincipalOrgID.";

/** A Deny of kms:Decrypt on keys whose id starts with abc: it may name a new key, or not. */
const DENY_IF_NAMED = {
    Effect: "Deny",
    Principal: "*",
    Action: "kms:Decrypt",
    Resource: `arn:aws:kms:us-east-1:${ACCOUNT}:key/abc*`,
};

/** The log group "app" under a new key "app-key" whose policy is written for `policyFor`. */
function groupFacts(opts: { policyFor?: string[]; unknownName?: boolean } = {}): TargetFacts {
    const s = new StackBuilder();
    return factsOf(
        s,
        s.logGroup("app", {
            key: s.key(
                "app-key",
                opts.policyFor === undefined ? {} : { policyFor: opts.policyFor },
            ),
            ...(opts.unknownName === true ? { extra: { name: unknown() } } : {}),
        }),
    );
}

/** `facts` with these key facts changed. */
function withKey(facts: TargetFacts, key: Partial<NonNullable<TargetFacts["key"]>>): TargetFacts {
    return { ...facts, key: { ...facts.key!, ...key } };
}

/** `facts` with these key settings changed. */
function withSettings(
    facts: TargetFacts,
    settings: Partial<NonNullable<NonNullable<TargetFacts["key"]>["settings"]>>,
): TargetFacts {
    return withKey(facts, { settings: { ...facts.key!.settings!, ...settings } });
}

describe("rules/keyPolicyJudgement.ts: what the judgement reads", () => {
    it("finds nothing for a passing policy, a target without a key, or a key without settings", () => {
        const facts = groupFacts();
        assert.deepEqual(verdict(facts), []);
        assert.deepEqual(verdict({ ...facts, key: undefined }), []);
        assert.deepEqual(verdict(withKey(facts, { settings: undefined })), []);
    });

    it("cannot verify yet when the target's region or partition is unknown", () => {
        const facts = groupFacts();
        const unknownRegion = `key-policy unverifiable: the region of ${GROUP} is unknown, so the service principal that needs the key is too`;
        assert.deepEqual(verdict({ ...facts, region: undefined }), [unknownRegion]);
        assert.deepEqual(verdict({ ...facts, region: UNKNOWN }), [unknownRegion]);
        assert.deepEqual(verdict({ ...facts, partition: undefined }), [unknownRegion]);
    });

    it("refuses a trail's key without a policy, naming CloudTrail's own key and statements", () => {
        const s = new StackBuilder();
        const trail = s.trail("audit", s.bucket("logs"), { key: s.key("t-key", { policy: null }) });
        assert.deepEqual(verdict(factsOf(s, trail)), [
            'key-policy violation: trail "audit" (aws:cloudtrail/trail:Trail) is encrypted with KMS key "t-key" (aws:kms/key:Key), which has no key policy: ' +
                "KMS then applies the default policy, which gives cloudtrail.amazonaws.com no access. " +
                "Fix: give the key a policy that lets cloudtrail.amazonaws.com use it for this trail (e.g. a CloudTrailKey, or the statements cloudTrailKeyPolicy writes).",
        ]);
    });
});

describe("rules/keyPolicyJudgement.ts: denials and the fix", () => {
    it("names the LogsKey's argument to set for a log group or a detector, and only for a logs target", () => {
        const owner = { type: "encrypted-logs:index:LogsKey", name: "lk" };
        assert.deepEqual(verdict(withKey(groupFacts({ policyFor: ["/app/other"] }), { owner })), [
            denial(
                ALL_ACTIONS,
                'Fix: add "/app/app" to the logGroupNames of LogsKey "lk" (logGroupNames: [..., "/app/app"]), or set accountWide: true on it.',
            ),
        ]);
        // Not a LogsKey: the statements to add.
        assert.deepEqual(
            verdict(
                withKey(groupFacts({ policyFor: ["/app/other"] }), {
                    owner: { type: "aws:kms/key:Key", name: "lk" },
                }),
            ),
            [denial(ALL_ACTIONS)],
        );
        let s = new StackBuilder();
        const detector = factsOf(
            s,
            s.detector("det", { key: s.key("det-key", { policyFor: ["/app/other"] }) }),
        );
        const detectorDenial = (fix: string) =>
            'key-policy violation: anomaly detector "det" (aws:cloudwatch/logAnomalyDetector:LogAnomalyDetector) is encrypted with KMS key "det-key" (aws:kms/key:Key), ' +
            `but its key policy does not allow ${LOGS} kms:Encrypt, kms:Decrypt, kms:GenerateDataKey, kms:DescribeKey, kms:ReEncryptFrom, kms:ReEncryptTo ` +
            "with kms:EncryptionContext:aws:logs:arn / kms:EncryptionContext:aws-crypto-ec:aws:logs:arn naming this anomaly detector: the service cannot use the key. " +
            fix;
        assert.deepEqual(verdict(withKey(detector, { owner })), [
            detectorDenial(
                'Fix: set anomalyDetectors: true on LogsKey "lk" (its policy then has the anomaly-detector statements).',
            ),
        ]);
        assert.deepEqual(verdict(detector), [
            detectorDenial(
                `Fix: add the statements the AWS documentation gives for ${LOGS}, scoped to this anomaly detector by an encryption-context condition (a LogsKey writes them).`,
            ),
        ]);
        // A trail on a LogsKey's key: CloudTrail's statement, not the LogsKey's argument.
        s = new StackBuilder();
        const trail = factsOf(s, s.trail("audit", s.bucket("logs"), { key: s.key("t-key") }));
        assert.deepEqual(verdict(withKey(trail, { owner })), [
            'key-policy violation: trail "audit" (aws:cloudtrail/trail:Trail) is encrypted with KMS key "t-key" (aws:kms/key:Key), ' +
                "but its key policy does not allow cloudtrail.amazonaws.com kms:GenerateDataKey, kms:DescribeKey with kms:EncryptionContext:aws:cloudtrail:arn naming this trail: " +
                "the service cannot use the key. Fix: add the statement the AWS documentation gives for cloudtrail.amazonaws.com, scoped to this trail by an encryption-context condition (a CloudTrailKey writes them).",
        ]);
    });

    it("refuses an explicit Deny of one action, and passes the same policy without it", () => {
        const facts = { ...groupFacts(), account: ACCOUNT };
        const deny = { Effect: "Deny", Principal: "*", Action: "kms:Decrypt", Resource: "*" };
        assert.deepEqual(
            verdict(withSettings(facts, { policy: policy(scopedTo("/app/app"), deny) })),
            [denial("kms:Decrypt")],
        );
        assert.deepEqual(
            verdict(withSettings(facts, { policy: policy(scopedTo("/app/app")) })),
            [],
        );
    });

    it("refuses a policy that lets the service use the key without an encryption-context condition", () => {
        const facts = { ...groupFacts(), account: ACCOUNT };
        assert.deepEqual(verdict(withSettings(facts, { policy: policy(allowLogs()) })), [
            `key-policy violation: ${GROUP} is encrypted with ${KEY}, but its key policy allows ${LOGS} kms:Encrypt, kms:GenerateDataKey without an encryption-context condition. ` +
                "Fix: add a condition on kms:EncryptionContext:aws:logs:arn that names this account's log groups (ArnEquals or ArnLike).",
        ]);
    });
});

describe("rules/keyPolicyJudgement.ts: a Resource naming keys, and a new key's ARN", () => {
    const facts = { ...groupFacts(), account: ACCOUNT };
    const otherAccountKeys = policy(
        allowLogs(
            { ArnLike: { "kms:EncryptionContext:aws:logs:arn": groupArn("*") } },
            "arn:aws:kms:us-east-1:999999999999:key/*",
        ),
    );

    it("refuses a Resource naming only another account's keys, for a new key whose place is known", () => {
        assert.deepEqual(verdict(withSettings(facts, { policy: otherAccountKeys })), [
            denial(ALL_ACTIONS),
        ]);
        assert.deepEqual(
            verdict(
                withSettings(facts, {
                    policy: otherAccountKeys,
                    arn: `arn:aws:kms:us-east-1:${ACCOUNT}:key/0000`,
                }),
            ),
            [denial(ALL_ACTIONS)],
        );
    });

    it("does not place a replica key, or a key whose region is unknown (it takes the policy's word)", () => {
        assert.deepEqual(
            verdict(withSettings(facts, { policy: otherAccountKeys, replica: true })),
            [],
        );
        const judged = withSettings(facts, { policy: otherAccountKeys });
        assert.deepEqual(verdict(withKey(judged, { region: undefined })), []);
        assert.deepEqual(verdict(withKey(judged, { region: UNKNOWN })), []);
        // No account known: the denial may be for a guessed account.
        assert.deepEqual(verdict({ ...judged, account: undefined }), [onlySome("account")]);
    });

    it("reads a multi-Region key's id prefix only when the key says whether it is one", () => {
        const mrk = policy(
            allowLogs(
                { ArnLike: { "kms:EncryptionContext:aws:logs:arn": groupArn("*") } },
                `arn:aws:kms:us-east-1:${ACCOUNT}:key/mrk-*`,
            ),
        );
        const judged = withSettings(facts, { policy: mrk });
        assert.deepEqual(verdict(withKey(judged, { multiRegion: false })), [denial(ALL_ACTIONS)]);
        assert.deepEqual(verdict(withKey(judged, { multiRegion: true })), []);
        assert.deepEqual(verdict(withKey(judged, { multiRegion: UNKNOWN })), [UNDETERMINED]);
    });

    it("cannot verify yet when a Deny may name the new key, next to a public grant", () => {
        assert.deepEqual(
            verdict(
                withSettings(facts, {
                    policy: policy(PUBLIC_DELETION, scopedTo("*"), DENY_IF_NAMED),
                }),
            ),
            [PUBLIC_FINDING, UNDETERMINED],
        );
    });

    it("does not place a new key when no account is known", () => {
        const anyAccount = allowLogs(
            {
                ArnLike: {
                    "kms:EncryptionContext:aws:logs:arn": "arn:aws:logs:us-east-1:*:log-group:*",
                },
            },
            `arn:aws:kms:us-east-1:${ACCOUNT}:key/abc*`,
        );
        assert.deepEqual(verdict(withSettings(groupFacts(), { policy: policy(anyAccount) })), [
            `key-policy violation: ${GROUP} is encrypted with ${KEY}, but its key policy allows ${LOGS} kms:Encrypt, kms:GenerateDataKey for another account's resources. ` +
                "Fix: add a condition on kms:EncryptionContext:aws:logs:arn that names this account's log groups (ArnEquals or ArnLike).",
        ]);
    });

    it("cannot verify yet when a Deny may name the new key, unless the policy is refused anyway", () => {
        const denyIfNamed = {
            Effect: "Deny",
            Principal: "*",
            Action: "kms:Decrypt",
            Resource: `arn:aws:kms:us-east-1:${ACCOUNT}:key/abc*`,
        };
        assert.deepEqual(
            verdict(withSettings(facts, { policy: policy(scopedTo("*"), denyIfNamed) })),
            [UNDETERMINED],
        );
        assert.deepEqual(
            verdict(withSettings(facts, { policy: policy(allowLogs(), denyIfNamed) })),
            [
                `key-policy violation: ${GROUP} is encrypted with ${KEY}, but its key policy allows ${LOGS} kms:Encrypt, kms:GenerateDataKey without an encryption-context condition. ` +
                    "Fix: add a condition on kms:EncryptionContext:aws:logs:arn that names this account's log groups (ArnEquals or ArnLike).",
            ],
        );
    });
});

describe("rules/keyPolicyJudgement.ts: a name or an account guessed at preview", () => {
    const guessed = { ...groupFacts({ unknownName: true }), account: ACCOUNT };

    it("cannot verify yet when the policy's conditions may name the log group", () => {
        assert.equal(guessed.name, UNKNOWN);
        for (const names of [["/app/app"], ["/app/?"], ["/a/one", "/a/two"]]) {
            assert.deepEqual(
                verdict(withSettings(guessed, { policy: policy(scopedTo(...names)) })),
                [onlySome("name")],
                names.join(),
            );
        }
    });

    it("cannot verify yet when only one of two guessed names is allowed", () => {
        for (const prefix of ["0f1e*", "9a8b*"]) {
            assert.deepEqual(
                verdict(withSettings(guessed, { policy: policy(scopedTo(prefix)) })),
                [onlySome("name")],
                prefix,
            );
        }
    });

    it("cannot verify yet when the account is guessed", () => {
        assert.deepEqual(
            verdict(
                withSettings(
                    { ...guessed, account: undefined },
                    { policy: policy(scopedTo("/app/x")) },
                ),
            ),
            [onlySome("account")],
        );
    });

    it("refuses a policy whose conditions name only log groups it does not fully allow", () => {
        const encryptOnly = {
            Effect: "Allow",
            Principal: { Service: LOGS },
            Action: ["kms:Encrypt"],
            Resource: "*",
            Condition: { ArnLike: { "kms:EncryptionContext:aws:logs:arn": groupArn("/app/b") } },
        };
        assert.deepEqual(verdict(withSettings(guessed, { policy: policy(encryptOnly) })), [
            denial(ALL_ACTIONS),
        ]);
        const denyOnly = { ...encryptOnly, Effect: "Deny", Action: "kms:*" };
        assert.deepEqual(verdict(withSettings(guessed, { policy: policy(denyOnly) })), [
            denial(ALL_ACTIONS),
        ]);
    });

    it("reads candidate names only from Allow statements' conditions, and any value in them", () => {
        // The Deny names "/app/b" (allowed): not a name the log group may have.
        const denyUnlessB = {
            Effect: "Deny",
            Principal: { Service: LOGS },
            Action: "kms:*",
            Resource: "*",
            Condition: {
                StringNotLike: { "kms:EncryptionContext:aws:logs:arn": groupArn("/app/b") },
            },
        };
        assert.deepEqual(
            verdict(
                withSettings(guessed, { policy: policy(whereLike("*log-group:*"), denyUnlessB) }),
            ),
            [denial(ALL_ACTIONS)],
        );
        // A null condition value is passed over (and the condition then never holds).
        const withNull = allowLogs({
            ArnLike: { "kms:EncryptionContext:aws:logs:arn": groupArn("/app/app") },
            Bool: { "aws:SecureTransport": null },
        });
        assert.deepEqual(verdict(withSettings(guessed, { policy: policy(withNull) })), [
            denial(ALL_ACTIONS),
        ]);
    });

    it("cannot verify yet when the two guesses are denied different numbers of actions", () => {
        // StringLike patterns without ":log-group:": no candidate names.
        assert.deepEqual(
            verdict(withSettings(guessed, { policy: policy(whereLike("*log-group:0f1e*")) })),
            [onlySome("name")],
        );
    });

    it("names the actions denied for the first guess when both are denied as many", () => {
        const rest = [
            "kms:ReEncryptFrom",
            "kms:ReEncryptTo",
            "kms:GenerateDataKey",
            "kms:DescribeKey",
        ];
        const judged = withSettings(guessed, {
            policy: policy(
                whereLike("*log-group:*", rest),
                whereLike("*log-group:0f1e*", ["kms:Decrypt"]),
                whereLike("*log-group:9a8b*", ["kms:Encrypt"]),
            ),
        });
        assert.deepEqual(verdict(judged), [
            denial("kms:Encrypt"),
            `key-policy violation: ${GROUP} is encrypted with ${KEY}, but its key policy allows ${LOGS} kms:GenerateDataKey for another account's resources. ` +
                "Fix: add a condition on kms:EncryptionContext:aws:logs:arn that names this account's log groups (ArnEquals or ArnLike).",
        ]);
    });

    it("takes the account of the policy's AWS principals only when they name one", () => {
        const name = (...arns: string[]) => ({
            Effect: "Allow",
            Principal: { AWS: arns },
            Action: "kms:*",
            Resource: "*",
        });
        const known = groupFacts({ policyFor: ["/app/other"] });
        const own = `arn:aws:iam::${ACCOUNT}:root`;
        assert.deepEqual(
            verdict(withSettings(known, { policy: policy(name(own), scopedTo("/app/other")) })),
            [denial(ALL_ACTIONS)],
        );
        assert.deepEqual(
            verdict(
                withSettings(known, {
                    policy: policy(
                        name(own, "arn:aws:iam::444455556666:root"),
                        scopedTo("/app/other"),
                    ),
                }),
            ),
            [onlySome("account")],
        );
    });
});

describe("rules/keyPolicyJudgement.ts: a KeyPolicy that may replace the key's policy", () => {
    const facts = groupFacts();
    const own = facts.key!.settings!.policy;

    it("keeps the verdict when the KeyPolicy would give the same outcomes", () => {
        assert.deepEqual(
            verdict(withSettings(facts, { possiblePolicies: [{ ...own, source: KEY_POLICY }] })),
            [],
        );
    });

    it("cannot verify yet when the KeyPolicy would change an outcome, even with as many findings", () => {
        const replaces = `key-policy unverifiable: ${KEY_POLICY} may replace the policy of ${KEY}: its keyId is unknown at preview and depends on that key`;
        assert.deepEqual(
            verdict(
                withSettings(facts, {
                    possiblePolicies: [{ value: undefined, source: KEY_POLICY, unknown: false }],
                }),
            ),
            [replaces],
        );
        // One finding each: unverifiable (own policy unknown) against a violation.
        assert.deepEqual(
            verdict(
                withSettings(facts, {
                    policy: { value: undefined, source: "its key policy", unknown: true },
                    possiblePolicies: [{ value: undefined, source: KEY_POLICY, unknown: false }],
                }),
            ),
            [replaces],
        );
    });

    it("compares the outcomes, not the order the findings came in", () => {
        const guessed = { ...groupFacts({ unknownName: true }), account: ACCOUNT };
        // Own: the public grant, then "the new key's ARN is unknown"; the KeyPolicy: "the name is
        // unknown", then the public grant. The same outcomes: the verdict is the key's own.
        const own = policy(PUBLIC_DELETION, scopedTo("*"), DENY_IF_NAMED);
        const other = { ...policy(PUBLIC_DELETION, scopedTo("/app/app")), source: KEY_POLICY };
        assert.deepEqual(
            verdict(
                withSettings(guessed, { policy: policy(PUBLIC_DELETION, scopedTo("/app/app")) }),
            ),
            [onlySome("name"), PUBLIC_FINDING],
        );
        assert.deepEqual(
            verdict(withSettings(guessed, { policy: own, possiblePolicies: [other] })),
            [PUBLIC_FINDING, UNDETERMINED],
        );
    });

    it("computes the verdict once per facts record", () => {
        const once = groupFacts();
        assert.strictEqual(keyPolicyVerdict(once), keyPolicyVerdict(once));
    });
});

describe("rules/keyPolicyJudgement.ts: a trail whose bucket uses an S3 Bucket Key", () => {
    it("reports only the key-policy denial when the policy already denies the trail", () => {
        const s = new StackBuilder();
        const trail = factsOf(s, s.trail("audit", s.bucket("logs"), { key: s.key("t-key") }));
        assert.deepEqual(
            verdict({
                ...trail,
                bucketKey: { enabled: true, bucketName: "logs-bucket", source: "bucketKeyEnabled" },
            } as TargetFacts),
            [
                'key-policy violation: trail "audit" (aws:cloudtrail/trail:Trail) is encrypted with KMS key "t-key" (aws:kms/key:Key), ' +
                    "but its key policy does not allow cloudtrail.amazonaws.com kms:GenerateDataKey, kms:DescribeKey with kms:EncryptionContext:aws:cloudtrail:arn naming this trail: " +
                    "the service cannot use the key. Fix: add the statement the AWS documentation gives for cloudtrail.amazonaws.com, scoped to this trail by an encryption-context condition (a CloudTrailKey writes them).",
            ],
        );
    });
});
