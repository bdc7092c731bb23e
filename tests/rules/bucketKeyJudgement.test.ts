/**
 * The key-policy judgement of a trail whose bucket uses an S3 Bucket Key
 * (`policypack/lib/rules/bucketKeyJudgement.ts`), directly: the trail's facts, the requests
 * CloudTrail makes under the bucket key and the decision on each given as the test says, and what
 * is found, word for word: nothing (no bucket key, nothing denied, only the first name's requests
 * when the name is known), "cannot verify yet" (setting unknown, account or name guessed, the
 * conditions naming trails or buckets) and the violation with the statement to add.
 */
import * as assert from "node:assert/strict";
import type { TargetFacts } from "../../policypack/lib/facts/facts";
import type { ServiceRequests } from "../../policypack/lib/facts/serviceRequests";
import { Decision, KeyRequest, parsePolicy } from "../../policypack/lib/iam/policy";
import { judgeBucketKey } from "../../policypack/lib/rules/bucketKeyJudgement";
import { UNKNOWN } from "../../policypack/lib/stack/wire";

const TRAIL = 'trail "audit" (aws:cloudtrail/trail:Trail)';
const SOURCE = 'bucketKeyEnabled of aws:s3/bucket:Bucket "logs"';
const UNDER =
    "kms:GenerateDataKey*, kms:Decrypt under the bucket key's encryption context (kms:EncryptionContext:aws:s3:arn = the bucket's ARN, no aws:cloudtrail:arn)";

interface Setup {
    readonly facts?: Record<string, unknown>;
    readonly ctx?: Partial<ServiceRequests>;
    /** Which guesses' requests are denied. */
    readonly denied?: readonly string[];
    readonly statements?: readonly object[];
    readonly guesses?: readonly string[];
}

/** What the judgement finds, as `outcome: message`. */
function judge(setup: Setup = {}): string[] {
    const facts = {
        subject: TRAIL,
        name: "audit",
        partition: { partition: "aws" },
        region: { region: "eu-west-1", source: "its provider" },
        bucketKey: { enabled: true, bucketName: "logs", source: SOURCE },
        key: { owner: undefined },
        ...setup.facts,
    } as unknown as TargetFacts;
    const requests = (guess: string): KeyRequest[] =>
        ["kms:GenerateDataKey*", "kms:Decrypt"].map((action) => ({
            principal: { kind: "service", service: "cloudtrail.amazonaws.com" },
            action,
            resource: "*",
            context: { guess },
        }));
    const ctx = {
        principal: "cloudtrail.amazonaws.com",
        guessed: false,
        accountGuessed: false,
        bucketKeyNeeded: requests,
        ...setup.ctx,
    } as ServiceRequests;
    const denied = new Set(setup.denied ?? ["audit", "guess-2"]);
    const decide = (r: KeyRequest): Decision =>
        denied.has(r.context?.guess as string) ? "ImplicitlyDenied" : "Allowed";
    const policy = parsePolicy({ Version: "2012-10-17", Statement: setup.statements ?? [] });
    return judgeBucketKey(facts, policy, ctx, decide, {
        rule: "key-policy",
        guesses: setup.guesses ?? ["audit", "guess-2"],
        policySource: "its key policy",
        account: "111122223333",
    }).map((f) => `${f.outcome}: ${f.message}`);
}

const SOME = (bucket: string) =>
    `unverifiable: its key policy grants cloudtrail.amazonaws.com access under ${bucket}'s S3 Bucket Key only for some trails or buckets, ` +
    `and the name of ${TRAIL} or of its bucket is unknown at preview`;

describe("rules/bucketKeyJudgement.ts: a trail's key policy and its bucket's S3 Bucket Key", () => {
    it("finds nothing without a bucket key, without requests, or with nothing denied", () => {
        assert.deepEqual(judge({ facts: { bucketKey: undefined } }), []);
        assert.deepEqual(judge({ ctx: { bucketKeyNeeded: undefined } }), []);
        assert.deepEqual(judge({ denied: [] }), []);
        // A known name: only the first name's requests count.
        assert.deepEqual(judge({ denied: ["guess-2"] }), []);
    });

    it("cannot verify yet when the setting is unknown", () => {
        assert.deepEqual(
            judge({
                facts: { bucketKey: { enabled: UNKNOWN, bucketName: UNKNOWN, source: SOURCE } },
            }),
            [
                `unverifiable: whether its S3 bucket (name unknown at preview) uses an S3 Bucket Key (${SOURCE}) is unknown at preview, ` +
                    `and its key policy does not allow cloudtrail.amazonaws.com ${UNDER}`,
            ],
        );
    });

    it("cannot verify yet with a guessed account or name, or conditions that name trails or buckets", () => {
        assert.deepEqual(judge({ ctx: { accountGuessed: true } }), [SOME('S3 bucket "logs"')]);
        assert.deepEqual(judge({ ctx: { guessed: true }, denied: ["audit"] }), [
            SOME('S3 bucket "logs"'),
        ]);
        const unknownBucket = { bucketKey: { enabled: true, bucketName: UNKNOWN, source: SOURCE } };
        assert.deepEqual(judge({ facts: unknownBucket, denied: ["audit"] }), [
            SOME("its S3 bucket (name unknown at preview)"),
        ]);
        const allow = (arn: string) => ({
            Effect: "Allow",
            Principal: "*",
            Action: "kms:*",
            Resource: "*",
            Condition: { StringEquals: { "aws:SourceArn": arn } },
        });
        const trail = allow("arn:aws:cloudtrail:eu-west-1:111122223333:trail/other");
        assert.deepEqual(judge({ ctx: { guessed: true }, statements: [trail] }), [
            SOME('S3 bucket "logs"'),
        ]);
        const bucket = allow("arn:aws:s3:::other");
        assert.deepEqual(judge({ facts: unknownBucket, statements: [bucket] }), [
            SOME("its S3 bucket (name unknown at preview)"),
        ]);
    });
});

describe("rules/bucketKeyJudgement.ts: the refusal and the statement to add", () => {
    it("refuses the policy, with the statement to add (a CloudTrailKey's switch when it has one)", () => {
        const denyNamingTrails = {
            Effect: "Deny",
            Principal: "*",
            Action: "kms:Encrypt",
            Resource: "*",
            Condition: {
                StringEquals: {
                    "aws:SourceArn":
                        "arn:aws:cloudtrail:eu-west-1:111122223333:trail/x arn:aws:s3:::y",
                },
            },
        };
        const [plain] = judge({ ctx: { guessed: true }, statements: [denyNamingTrails] });
        assert.equal(
            plain.split("Fix: ")[0],
            `violation: ${TRAIL} writes to S3 bucket "logs", which uses an S3 Bucket Key (${SOURCE} is true), but its key policy does not allow ` +
                `cloudtrail.amazonaws.com ${UNDER}: CloudTrail cannot create or update the trail, nor deliver its log files. `,
        );
        assert.match(
            plain,
            /^[^]*Fix: add this statement to the key policy: \{.*\}; or turn the bucket key off \(bucketKeyEnabled: false\)\.$/,
        );
        assert.match(plain, /arn:aws:cloudtrail:eu-west-1:111122223333:trail\/audit/);
        const [owned] = judge({
            facts: {
                key: { owner: { type: "encrypted-logs:index:CloudTrailKey", name: "trail-key" } },
                name: UNKNOWN,
            },
        });
        assert.match(
            owned,
            /Fix: set s3BucketKey: true on CloudTrailKey "trail-key", which adds it, or add this statement/,
        );
        // No trail name: any trail of the account.
        assert.match(
            owned,
            /"StringLike":\{"aws:SourceArn":"arn:aws:cloudtrail:\*:111122223333:trail\/\*"\}/,
        );
        const placeholder = "arn:aws:cloudtrail:<region>:111122223333:trail/audit";
        for (const unknownPlace of [
            { region: UNKNOWN },
            { region: undefined },
            { partition: undefined },
        ]) {
            const [found] = judge({
                facts: { key: { owner: { type: "aws:kms/key:Key", name: "k" } }, ...unknownPlace },
            });
            assert.match(found, /Fix: add this statement/);
            assert.ok(found.includes(placeholder), found);
        }
    });
});
