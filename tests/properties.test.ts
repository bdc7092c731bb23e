/**
 * Property-based tests (fast-check) of the pure pieces: for arbitrary partitions, regions,
 * accounts and log group names, the generated key policies allow exactly the intended request and
 * deny its neighbours when evaluated with the IAM evaluator; the validators either accept a value
 * (and give it back) or refuse it with an InputError naming the argument, never anything else.
 * Runs are bounded so the suite stays fast; on failure fast-check prints the seed and path to
 * replay (`fc.assert(..., { seed, path })`).
 */
import * as fc from "fast-check";
import * as assert from "node:assert/strict";
import {
    anomalyDetectorKeyPolicy,
    cloudTrailBucketPolicy,
    cloudTrailKeyPolicy,
    decryptOnlyKeyPolicy,
    logGroupKeyPolicy,
} from "../components";
import {
    checkKeyLocation,
    parseKmsKeyArn,
    parseLogGroupArn,
    validateIamPrincipalArn,
} from "../aws/arn";
import { InputError } from "../aws/errors";
import { CLOUDTRAIL_CONTEXT_KEY } from "../aws/services";
import { validatedKeySettings } from "../components/common/keySettings";
import {
    validateAliasName,
    validateIntegerInRange,
    validateLogGroupName,
    validateOneOf,
    validateRetentionInDays,
} from "../components/common/validation";
import {
    validateBucketName,
    validateS3KeyPrefix,
    validateTrailName,
} from "../components/cloudtrail/validation";
import { decide } from "./support/iam";

/** How many cases each property tries; FAST_CHECK_RUNS raises it for a longer local soak. */
const RUNS = Number(process.env.FAST_CHECK_RUNS ?? 150);

const PARTITIONS = [
    { partition: "aws", dnsSuffix: "amazonaws.com", regionPrefix: "" },
    { partition: "aws-cn", dnsSuffix: "amazonaws.com.cn", regionPrefix: "cn-" },
    { partition: "aws-us-gov", dnsSuffix: "amazonaws.com", regionPrefix: "us-gov-" },
    { partition: "aws-iso", dnsSuffix: "c2s.ic.gov", regionPrefix: "us-iso-" },
    { partition: "aws-iso-b", dnsSuffix: "sc2s.sgov.gov", regionPrefix: "us-isob-" },
];

const location = fc
    .record({
        p: fc.constantFrom(...PARTITIONS),
        area: fc.constantFrom(
            "east",
            "west",
            "north",
            "south",
            "central",
            "northeast",
            "southeast",
        ),
        country: fc.stringMatching(/^[a-z]{2}$/),
        n: fc.integer({ min: 1, max: 9 }),
        accountId: fc.stringMatching(/^\d{12}$/),
    })
    .map(({ p, area, country, n, accountId }) => ({
        partition: p.partition,
        dnsSuffix: p.dnsSuffix,
        region: p.regionPrefix === "" ? `${country}-${area}-${n}` : `${p.regionPrefix}${area}-${n}`,
        accountId,
    }));

/** Every character CloudWatch Logs allows in a log group name. */
const logGroupName = fc
    .stringMatching(/^[A-Za-z0-9_\-/.#]{1,80}$/)
    .filter((n) => !n.startsWith("aws/"));

const CONTEXT = "kms:EncryptionContext:aws:logs:arn";
const KEY_ID = "1234abcd-12ab-34cd-56ef-1234567890ab";

type Loc = { partition: string; dnsSuffix: string; region: string; accountId: string };
const keyArn = (l: Loc) => `arn:${l.partition}:kms:${l.region}:${l.accountId}:key/${KEY_ID}`;
const groupArn = (l: Loc, name: string) =>
    `arn:${l.partition}:logs:${l.region}:${l.accountId}:log-group:${name}`;
const logs = (l: Loc) => `logs.${l.region}.${l.dnsSuffix}`;
const otherAccount = (id: string) => (id === "999999999999" ? "888888888888" : "999999999999");
const otherRegion = (region: string) =>
    region.replace(/-(\d)$/, (_, d) => `-${(Number(d) % 9) + 1}0`);

describe("property: generated key policies allow exactly the intended request", () => {
    it(`log group keys, ${RUNS} runs`, () => {
        fc.assert(
            fc.property(location, logGroupName, logGroupName, (loc, name, other) => {
                fc.pre(other !== name);
                const policy = logGroupKeyPolicy({ ...loc, logGroupNames: [name] });
                const ask = (principal: string, context: Record<string, string>) =>
                    decide(policy, keyArn(loc), {
                        principal,
                        action: "kms:GenerateDataKey",
                        context,
                    });
                assert.equal(ask(logs(loc), { [CONTEXT]: groupArn(loc, name) }), "Allowed");
                assert.notEqual(ask(logs(loc), { [CONTEXT]: groupArn(loc, other) }), "Allowed");
                assert.notEqual(ask(logs(loc), {}), "Allowed");
                assert.notEqual(
                    ask(logs(loc), {
                        [CONTEXT]: groupArn(
                            { ...loc, accountId: otherAccount(loc.accountId) },
                            name,
                        ),
                    }),
                    "Allowed",
                );
                assert.notEqual(
                    ask(logs(loc), {
                        [CONTEXT]: groupArn({ ...loc, region: otherRegion(loc.region) }, name),
                    }),
                    "Allowed",
                );
                assert.notEqual(
                    ask(logs({ ...loc, region: otherRegion(loc.region) }), {
                        [CONTEXT]: groupArn(loc, name),
                    }),
                    "Allowed",
                );
            }),
            { numRuns: RUNS },
        );
    });

    it(`anomaly detector keys, ${RUNS} runs`, () => {
        fc.assert(
            fc.property(
                location,
                fc.stringMatching(/^[a-z0-9-]{1,40}$/),
                logGroupName,
                (loc, id, name) => {
                    const policy = anomalyDetectorKeyPolicy({ ...loc });
                    const detector = `arn:${loc.partition}:logs:${loc.region}:${loc.accountId}:anomaly-detector:${id}`;
                    const ask = (context: Record<string, string>) =>
                        decide(policy, keyArn(loc), {
                            principal: logs(loc),
                            action: "kms:Decrypt",
                            context,
                        });
                    assert.equal(ask({ [CONTEXT]: detector }), "Allowed");
                    assert.notEqual(ask({ [CONTEXT]: groupArn(loc, name) }), "Allowed");
                    assert.notEqual(
                        ask({
                            [CONTEXT]: detector.replace(loc.accountId, otherAccount(loc.accountId)),
                        }),
                        "Allowed",
                    );
                },
            ),
            { numRuns: RUNS },
        );
    });

    it(`decrypt-only keys, ${RUNS} runs`, () => {
        fc.assert(
            fc.property(location, logGroupName, logGroupName, (loc, name, other) => {
                fc.pre(other !== name);
                const policy = decryptOnlyKeyPolicy({ ...loc, logGroupNames: [name] });
                const ask = (action: string, context: Record<string, string>) =>
                    decide(policy, keyArn(loc), { principal: logs(loc), action, context });
                assert.equal(ask("kms:Decrypt", { [CONTEXT]: groupArn(loc, name) }), "Allowed");
                assert.equal(ask("kms:Decrypt", {}), "Allowed");
                assert.notEqual(ask("kms:Decrypt", { [CONTEXT]: groupArn(loc, other) }), "Allowed");
                assert.notEqual(
                    ask("kms:GenerateDataKey", { [CONTEXT]: groupArn(loc, name) }),
                    "Allowed",
                );
            }),
            { numRuns: RUNS },
        );
    });
});

/** Trail names CloudTrail accepts: letters/digits joined by single separators, 3+ characters. */
const trailName = fc
    .array(fc.stringMatching(/^[A-Za-z0-9]{1,12}$/), { minLength: 1, maxLength: 4 })
    .chain((parts) =>
        fc
            .array(fc.constantFrom(".", "_", "-"), {
                minLength: parts.length - 1,
                maxLength: parts.length - 1,
            })
            .map((seps) => parts.map((p, i) => (i === 0 ? p : `${seps[i - 1]}${p}`)).join("")),
    )
    .filter((n) => n.length >= 3 && !/^\d{1,3}(\.\d{1,3}){3}$/.test(n));
const trail = (l: Loc, name: string) =>
    `arn:${l.partition}:cloudtrail:${l.region}:${l.accountId}:trail/${name}`;

describe("property: CloudTrail policies allow exactly the intended request", () => {
    it(`trail keys, ${RUNS} runs`, () => {
        fc.assert(
            fc.property(location, trailName, trailName, (loc, name, other) => {
                fc.pre(other !== name);
                const policy = cloudTrailKeyPolicy({ ...loc, trailName: name });
                const ask = (context: Record<string, string>) =>
                    decide(policy, keyArn(loc), {
                        principal: "cloudtrail.amazonaws.com",
                        action: "kms:GenerateDataKey",
                        context,
                    });
                const own = trail(loc, name);
                const foreign = trail({ ...loc, accountId: otherAccount(loc.accountId) }, name);
                const sibling = trail(loc, other);
                assert.equal(
                    ask({ [CLOUDTRAIL_CONTEXT_KEY]: own, "aws:SourceArn": own }),
                    "Allowed",
                );
                assert.notEqual(
                    ask({ [CLOUDTRAIL_CONTEXT_KEY]: foreign, "aws:SourceArn": foreign }),
                    "Allowed",
                );
                assert.notEqual(
                    ask({ [CLOUDTRAIL_CONTEXT_KEY]: sibling, "aws:SourceArn": sibling }),
                    "Allowed",
                );
                assert.notEqual(ask({ "aws:SourceArn": own }), "Allowed");
            }),
            { numRuns: RUNS },
        );
    });

    it(`trail buckets, ${RUNS} runs`, () => {
        fc.assert(
            fc.property(
                location,
                trailName,
                fc.stringMatching(/^[a-z0-9]([a-z0-9-]{1,40})[a-z0-9]$/),
                fc.option(fc.stringMatching(/^[A-Za-z0-9_-]{1,20}(\/[A-Za-z0-9_-]{1,20}){0,2}$/)),
                (loc, name, bucket, prefix) => {
                    fc.pre(!bucket.startsWith("xn--") && !bucket.startsWith("sthree-"));
                    fc.pre(!/(-s3alias|--ol-s3|--x-s3|--table-s3)$/.test(bucket));
                    const policy = cloudTrailBucketPolicy({
                        ...loc,
                        bucketName: bucket,
                        trailName: name,
                        s3KeyPrefix: prefix ?? undefined,
                    });
                    const key = `arn:${loc.partition}:s3:::${bucket}/${prefix === null ? "" : `${prefix}/`}AWSLogs/${loc.accountId}/CloudTrail/x.json.gz`;
                    const put = (context: Record<string, string>) =>
                        decide(
                            policy,
                            key,
                            {
                                principal: "cloudtrail.amazonaws.com",
                                action: "s3:PutObject",
                                context,
                            },
                            loc.accountId,
                        );
                    const good = {
                        "aws:SourceArn": trail(loc, name),
                        "s3:x-amz-acl": "bucket-owner-full-control",
                        "aws:SecureTransport": "true",
                    };
                    assert.equal(put(good), "Allowed");
                    assert.equal(
                        put({ ...good, "aws:SecureTransport": "false" }),
                        "ExplicitlyDenied",
                    );
                    assert.notEqual(put({ ...good, "s3:x-amz-acl": "private" }), "Allowed");
                    assert.notEqual(
                        put({
                            ...good,
                            "aws:SourceArn": trail(
                                { ...loc, accountId: otherAccount(loc.accountId) },
                                name,
                            ),
                        }),
                        "Allowed",
                    );
                },
            ),
            { numRuns: RUNS },
        );
    });
});

/** Runs `check`; passes if it returns, or throws an InputError naming `argument`. */
function acceptsOrNames(argument: string | RegExp, check: () => unknown): unknown {
    try {
        return check();
    } catch (e) {
        assert.ok(e instanceof InputError, `threw ${(e as Error)?.name}: ${(e as Error)?.message}`);
        const named =
            typeof argument === "string" ? e.argument === argument : argument.test(e.argument);
        assert.ok(named, `the error names ${e.argument}, expected ${argument}`);
        assert.ok(e.message.startsWith(`${e.argument} is `), e.message);
        assert.match(e.message, /\. Allowed: .+\. Fix: .+\.$/s);
        return undefined;
    }
}

describe("property: validators accept and return a value, or refuse it naming the argument", () => {
    const anything = fc.oneof(
        fc.anything({
            withBigInt: true,
            withNullPrototype: true,
            withMap: true,
            withSet: true,
            withDate: true,
        }),
        fc.string({ unit: "grapheme", maxLength: 600 }),
        fc.integer(),
        fc.double(),
    );
    const cases: [string, string | RegExp, (v: unknown) => unknown, boolean][] = [
        ["validateRetentionInDays", "retentionInDays", (v) => validateRetentionInDays(v), true],
        ["validateLogGroupName", "logGroupName", (v) => validateLogGroupName(v), true],
        ["validateAliasName", "alias", (v) => validateAliasName(v), false],
        ["validateIntegerInRange", "n", (v) => validateIntegerInRange("n", v, 7, 30, "fix"), true],
        ["validateOneOf", "c", (v) => validateOneOf("c", v, ["A", "B"], "problem", "fix"), true],
        ["parseKmsKeyArn", "kmsKeyArn", (v) => parseKmsKeyArn("kmsKeyArn", v), false],
        ["parseLogGroupArn", "logGroupArn", (v) => parseLogGroupArn("logGroupArn", v), false],
        ["validateTrailName", "trailName", (v) => validateTrailName(v), true],
        ["validateBucketName", "bucketName", (v) => validateBucketName(v), true],
        ["validateS3KeyPrefix", "s3KeyPrefix", (v) => validateS3KeyPrefix(v), true],
        [
            "validateIamPrincipalArn",
            "admin",
            (v) => validateIamPrincipalArn("admin", v, "aws"),
            true,
        ],
        [
            "checkKeyLocation",
            "kmsKeyArn",
            (v) =>
                checkKeyLocation(
                    "kmsKeyArn",
                    v,
                    { partition: "aws", region: "us-east-1" },
                    "the group",
                ),
            false,
        ],
        [
            "validatedKeySettings",
            /^(rotationPeriodInDays|deletionWindowInDays|alias)$/,
            (v) =>
                validatedKeySettings({
                    rotationPeriodInDays: v as number,
                    deletionWindowInDays: v as number,
                }),
            false,
        ],
    ];
    for (const [name, argument, check, roundTrips] of cases) {
        it(`${name}, ${RUNS * 2} runs`, () => {
            fc.assert(
                fc.property(anything, (value) => {
                    const result = acceptsOrNames(argument, () => check(value));
                    if (roundTrips && result !== undefined) {
                        assert.equal(result, value);
                    }
                }),
                { numRuns: RUNS * 2 },
            );
        });
    }

    it("regression (found by fuzzing): a null-prototype object holding a BigInt gets a readable message", () => {
        const value = Object.assign(Object.create(null), { n: 10n });
        assert.throws(() => validateRetentionInDays(value), {
            name: "InputError",
            message:
                /^retentionInDays is \{"n":"10n"\}: CloudWatch Logs does not accept this retention period/,
        });
    });

    it(`parseKmsKeyArn accepts every well-formed key ARN and reads it back, ${RUNS} runs`, () => {
        fc.assert(
            fc.property(location, fc.uuid({ version: 4 }), fc.boolean(), (loc, uuid, mrk) => {
                const keyId = mrk ? `mrk-${uuid.replace(/-/g, "")}` : uuid;
                const arn = `arn:${loc.partition}:kms:${loc.region}:${loc.accountId}:key/${keyId}`;
                const parsed = parseKmsKeyArn("kmsKeyArn", arn);
                assert.deepEqual(parsed, {
                    arn,
                    partition: loc.partition,
                    region: loc.region,
                    accountId: loc.accountId,
                    keyId,
                    multiRegion: mrk,
                });
            }),
            { numRuns: RUNS },
        );
    });

    it(`validateTrailName accepts every name CloudTrail allows, ${RUNS} runs`, () => {
        fc.assert(
            fc.property(
                trailName.filter((n) => n.length <= 128),
                (n) => {
                    assert.equal(validateTrailName(n), n);
                },
            ),
            { numRuns: RUNS },
        );
    });

    it(`validateLogGroupName accepts every name CloudWatch Logs allows, ${RUNS} runs`, () => {
        fc.assert(
            fc.property(
                fc
                    .stringMatching(/^[A-Za-z0-9_\-/.#]{1,512}$/)
                    .filter((n) => !n.startsWith("aws/")),
                (n) => {
                    assert.equal(validateLogGroupName(n), n);
                },
            ),
            { numRuns: RUNS },
        );
    });
});
