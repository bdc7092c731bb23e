/**
 * The key-policy judgement for a trail whose S3 bucket uses an S3 Bucket Key: the requests
 * CloudTrail then makes carry the bucket's ARN as encryption context (the facts and the AWS
 * documentation quoted: `facts/bucketKey.ts`).
 */
import { cloudTrailBucketKeyStatement } from "../../../aws/cloudTrailStatements";
import { BUCKET_KEY_CONTEXT_KEY } from "../facts/bucketKey";
import type { TargetFacts } from "../facts/facts";
import type { ServiceRequests } from "../facts/serviceRequests";
import type { Decision, KeyRequest, ParsedPolicy } from "../iam/policy";
import { Finding, unverifiable, violation } from "./rule";
import { UNKNOWN } from "../stack/wire";

/**
 * The statement to add to a trail's key policy for its bucket's S3 Bucket Key, as JSON: the one
 * `CloudTrailKey` with `s3BucketKey: true` writes, for this trail (or, when its name is unknown,
 * any trail of the account).
 */
export function bucketKeyStatementText(
    where: { readonly partition: string; readonly region: string },
    account: string | undefined,
    trailName: string | undefined,
): string {
    return JSON.stringify(
        cloudTrailBucketKeyStatement(
            { partition: where.partition, region: where.region, accountId: account ?? "<account>" },
            trailName,
        ),
    );
}

/** The component type whose `s3BucketKey` adds the bucket-key statement. */
const CLOUDTRAIL_KEY = "encrypted-logs:index:CloudTrailKey";

const DENIED = new Set<Decision>(["ImplicitlyDenied", "ExplicitlyDenied"]);

/**
 * A trail whose bucket uses an S3 Bucket Key: the key policy must also let CloudTrail
 * `kms:GenerateDataKey` and `kms:Decrypt` under the bucket's encryption context (`bucketKey.ts`).
 * With a guessed name or account, or a bucket-key setting unknown at preview, a denial is only
 * "cannot verify yet" when the policy's conditions name trails or buckets (the real ones may be
 * among them) or the setting may be off.
 */
export function judgeBucketKey(
    facts: TargetFacts,
    policy: ParsedPolicy,
    ctx: ServiceRequests,
    decide: (r: KeyRequest) => Decision,
    judged: {
        readonly rule: string;
        readonly guesses: readonly string[];
        readonly policySource: string;
        /** The account the judgement settled on (the provider's, or the one the policy names). */
        readonly account: string | undefined;
    },
): Finding[] {
    const { rule, guesses, policySource, account } = judged;
    const bucketKey = facts.bucketKey;
    if (bucketKey === undefined || ctx.bucketKeyNeeded === undefined) {
        return [];
    }
    const guessed = ctx.guessed || typeof bucketKey.bucketName !== "string";
    const deniedPerGuess = (guessed ? guesses : guesses.slice(0, 1)).map((g) =>
        ctx.bucketKeyNeeded!(g).filter((r) => DENIED.has(decide(r))),
    );
    const denied = deniedPerGuess.find((d) => d.length > 0);
    if (denied === undefined) {
        return [];
    }
    const names = JSON.stringify(
        policy.statements.filter((st) => st.Effect === "Allow").map((st) => st.Condition ?? {}),
    );
    const bucket =
        typeof bucketKey.bucketName === "string"
            ? `S3 bucket "${bucketKey.bucketName}"`
            : "its S3 bucket (name unknown at preview)";
    const actions = [...new Set(denied.map((r) => r.action))].join(", ");
    const under = `${actions} under the bucket key's encryption context (${BUCKET_KEY_CONTEXT_KEY} = the bucket's ARN, no aws:cloudtrail:arn)`;
    if (bucketKey.enabled === UNKNOWN) {
        return [
            unverifiable(
                rule,
                `whether ${bucket} uses an S3 Bucket Key (${bucketKey.source}) is unknown at preview, and ${policySource} does not allow ${ctx.principal} ${under}`,
            ),
        ];
    }
    if (
        ctx.accountGuessed ||
        (guessed && deniedPerGuess.some((d) => d.length === 0)) ||
        // The real name may be one the conditions name: the trail's when it is guessed, the
        // bucket's when it is unknown at preview.
        (ctx.guessed && /:trail\//.test(names)) ||
        (typeof bucketKey.bucketName !== "string" && /:s3:::/.test(names))
    ) {
        return [
            unverifiable(
                rule,
                `${policySource} grants ${ctx.principal} access under ${bucket}'s S3 Bucket Key only for some trails or buckets, and the name of ${facts.subject} or of its bucket is unknown at preview`,
            ),
        ];
    }
    const statement = bucketKeyStatementText(
        facts.partition === undefined || facts.region === undefined || facts.region === UNKNOWN
            ? { partition: "aws", region: "<region>" }
            : { partition: facts.partition.partition, region: facts.region.region },
        account,
        typeof facts.name === "string" ? facts.name : undefined,
    );
    const owner = facts.key?.owner;
    const component =
        owner?.type === CLOUDTRAIL_KEY
            ? `set s3BucketKey: true on CloudTrailKey "${owner.name}", which adds it, or add`
            : "add";
    return [
        violation(
            rule,
            `${facts.subject} writes to ${bucket}, which uses an S3 Bucket Key (${bucketKey.source} is true), but ${policySource} does not allow ${ctx.principal} ${under}: CloudTrail cannot create or update the trail, nor deliver its log files. ` +
                `Fix: ${component} this statement to the key policy: ${statement}; or turn the bucket key off (bucketKeyEnabled: false).`,
        ),
    ];
}
