/**
 * Differential test of the pack's key-policy evaluator (policypack/lib/iam/policy.ts) against
 * `@cloud-copilot/iam-simulate`, driven with the workarounds of tests/support/iam.ts:
 * runUnsafeSimulation with a validated resource policy, aws-cn service principals renamed.
 *
 * A seeded generator writes KMS key policies the way users write them (service principals of
 * every partition in any case, account roots and roles of this and other partitions, `*`,
 * NotPrincipal; kms actions and NotAction; Resource/NotResource naming this key, other keys,
 * wildcards and aliases; every condition operator with IfExists and the set qualifiers, values
 * that are not ARNs, numbers or dates, policy variables) and asks each policy the questions the
 * pack asks (the logs and CloudTrail principals with their encryption contexts, roles, anonymous),
 * for a key whose ARN is known and for a key not created yet (the pack's `UnknownKeyArn`; the
 * simulator then evaluates several possible new ids).
 *
 * Every disagreement fails the test, except those where the simulator is the one that is wrong:
 * each such class is listed in SIMULATOR_ERRORS with the AWS documentation that decides it, and a
 * disagreement only counts as one of them when rewriting the case around that simulator error
 * (an equivalent policy it evaluates correctly) makes the simulator agree with the pack.
 *
 * Knobs: IAM_DIFFERENTIAL_CASES (policies per run, default 5000; e.g. 100000),
 * IAM_DIFFERENTIAL_SEED (default: a random seed, printed with any failure to replay it) and
 * IAM_DIFFERENTIAL_REPORT (a file to write the counts and every disagreement to, as JSON).
 */
import * as assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import {
    Decision,
    KeyRequest,
    RequestPrincipal,
    UnknownKeyArn,
    evaluate,
    parsePolicy,
} from "../policypack/lib/iam/policy";
import {
    ANY,
    Env,
    NO_VARIABLES,
    ONE,
    Pattern,
    globMatch,
    resolve,
} from "../policypack/lib/iam/patterns";
import { KMS_ADMIN_IDENTITY_POLICY, decide } from "./support/iam";

/** mulberry32: a small seeded PRNG, so a failing run can be replayed from its seed. */
function prng(seed: number): () => number {
    let a = seed >>> 0;
    return () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

type Json = Record<string, unknown>;

interface Where {
    readonly partition: string;
    readonly region: string;
    readonly otherRegion: string;
    readonly dns: string;
}

const WHERE: Where[] = [
    { partition: "aws", region: "us-east-1", otherRegion: "eu-west-1", dns: "amazonaws.com" },
    { partition: "aws", region: "eu-west-1", otherRegion: "us-east-1", dns: "amazonaws.com" },
    {
        partition: "aws-cn",
        region: "cn-north-1",
        otherRegion: "cn-northwest-1",
        dns: "amazonaws.com.cn",
    },
    {
        partition: "aws-us-gov",
        region: "us-gov-west-1",
        otherRegion: "us-gov-east-1",
        dns: "amazonaws.com",
    },
];
const ACCOUNT = "111122223333";
const OTHER_ACCOUNT = "444455556666";
const HEX = "0123456789abcdef";

/** One generated policy and the request asked of it. */
interface Case {
    readonly where: Where;
    readonly keyId: string;
    readonly otherKeyId: string;
    readonly policy: Json;
    readonly request: GeneratedRequest;
}

interface GeneratedRequest {
    readonly principal: RequestPrincipal;
    readonly action: string;
    readonly context: Record<string, string>;
    /** A key not created yet (and whether it is multi-Region, when known), or the case's key. */
    readonly unknownKey?: { readonly multiRegion?: boolean };
}

function generator(random: () => number) {
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
    const chance = (p: number) => random() < p;
    const some = <T>(items: readonly T[], max: number): T[] => {
        const n = 1 + Math.floor(random() * max);
        return [...new Set(Array.from({ length: n }, () => pick(items)))];
    };
    const hex = (n: number) => Array.from({ length: n }, () => pick([...HEX])).join("");
    const uuid = () => [hex(8), hex(4), hex(4), hex(4), hex(12)].join("-");
    const one = <T>(items: T[]): T | T[] => (items.length === 1 && chance(0.5) ? items[0] : items);

    function generate(): Case {
        const where = pick(WHERE);
        const { partition: p, region, otherRegion, dns } = where;
        const foreign = pick(WHERE.filter((w) => w.partition !== p)).partition;
        const keyId = chance(0.15) ? `mrk-${hex(32)}` : uuid();
        const otherKeyId = uuid();
        const keyArn = `arn:${p}:kms:${region}:${ACCOUNT}:key/${keyId}`;
        const logs = `logs.${region}.${dns}`;
        const group = (account: string) =>
            `arn:${p}:logs:${region}:${account}:log-group:/app/orders`;
        const detector = `arn:${p}:logs:${region}:${ACCOUNT}:anomaly-detector:${hex(8)}`;
        const trail = (account: string) => `arn:${p}:cloudtrail:${region}:${account}:trail/audit`;
        const role = (account: string, name: string) => `arn:${p}:iam::${account}:role/${name}`;

        const servicePrincipals = [
            logs,
            `Logs.${region}.${dns}`,
            `LOGS.${region}.${dns}`,
            `logs.${region.toUpperCase()}.${dns}`,
            `logs.${otherRegion}.${dns}`,
            "cloudtrail.amazonaws.com",
            "CloudTrail.amazonaws.com",
        ];
        const awsPrincipals = [
            `arn:${p}:iam::${ACCOUNT}:root`,
            `arn:${foreign}:iam::${ACCOUNT}:root`,
            `arn:${p}:iam::${OTHER_ACCOUNT}:root`,
            ACCOUNT,
            OTHER_ACCOUNT,
            role(ACCOUNT, "app"),
            role(ACCOUNT, "anyone"),
            role(OTHER_ACCOUNT, "anyone"),
        ];
        const principal = (req: GeneratedRequest): unknown => {
            // Half the time, a principal that names the requester (the request's own question).
            if (chance(0.5)) {
                const w = req.principal;
                if (w.kind === "service") {
                    return {
                        Service: one(
                            chance(0.7) ? [w.service] : [w.service, pick(servicePrincipals)],
                        ),
                    };
                }
                if (w.kind === "aws") {
                    return {
                        AWS: pick([
                            w.arn,
                            w.account,
                            `arn:${p}:iam::${w.account}:root`,
                            `arn:${foreign}:iam::${w.account}:root`,
                        ]),
                    };
                }
                return pick(["*", { AWS: "*" }]);
            }
            const r = random();
            if (r < 0.12) {
                return pick(["*", { AWS: "*" }]);
            }
            if (r < 0.6) {
                return { Service: one(some(servicePrincipals, 2)) };
            }
            if (r < 0.9) {
                return { AWS: one(some(awsPrincipals, 3)) };
            }
            return { Service: one(some(servicePrincipals, 2)), AWS: one(some(awsPrincipals, 2)) };
        };
        const notPrincipal = (): unknown =>
            chance(0.5)
                ? { Service: one(some(servicePrincipals.slice(0, 6), 2)) }
                : { AWS: one(some([role(ACCOUNT, "app"), role(ACCOUNT, "anyone")], 2)) };

        const actions = [
            "kms:*",
            "*",
            "kms:Encrypt",
            "kms:Decrypt",
            "kms:GenerateDataKey*",
            "kms:ReEncrypt*",
            "kms:Describe*",
            "kms:DescribeKey",
            "KMS:Decrypt",
            "kms:encrypt",
            "kms:?ncrypt",
            "kms:Create*",
            "kms:PutKeyPolicy",
            "kms:ScheduleKeyDeletion",
            "kms:Disable*",
        ];
        const kms = (r: string, account: string, rest: string, part = p) =>
            `arn:${part}:kms:${r}:${account}:${rest}`;
        const resources = [
            "*",
            "*",
            "*",
            keyArn,
            kms(region, ACCOUNT, `key/${otherKeyId}`),
            kms(region, ACCOUNT, "key/*"),
            kms("*", ACCOUNT, "key/*"),
            kms(region, ACCOUNT, "*"),
            "arn:*:kms:*:*:*",
            kms(otherRegion, ACCOUNT, "key/*"),
            kms(region, OTHER_ACCOUNT, "key/*"),
            kms(region, ACCOUNT, "key/*", foreign),
            kms(region, ACCOUNT, `key/${keyId.slice(0, 1 + Math.floor(random() * 3))}*`),
            kms(region, ACCOUNT, "key/mrk-*"),
            kms(region, ACCOUNT, "key/????????-*"),
            kms(region, ACCOUNT, "key/*-*-*-*-*"),
            kms(region, ACCOUNT, "alias/*"),
            kms(region, ACCOUNT, `key/${keyId.slice(0, -1)}?`),
            kms(region, ACCOUNT, "key/${aws:SourceAccount}"),
            kms(region, ACCOUNT, "key/${kms:KeyId, '" + keyId + "'}"),
        ];

        const arnKeys = [
            "kms:EncryptionContext:aws:logs:arn",
            "kms:EncryptionContext:aws-crypto-ec:aws:logs:arn",
            "kms:EncryptionContext:aws:cloudtrail:arn",
            "aws:SourceArn",
            "aws:PrincipalArn",
        ];
        const arnValues = [
            group(ACCOUNT),
            `arn:${p}:logs:${region}:${ACCOUNT}:*`,
            `arn:${p}:logs:*:${ACCOUNT}:*`,
            `arn:${p}:logs:${region}:${OTHER_ACCOUNT}:*`,
            `arn:${p}:logs:${region}:${ACCOUNT}:anomaly-detector:*`,
            `arn:${p}:cloudtrail:*:${ACCOUNT}:trail/*`,
            trail(ACCOUNT),
            `arn:${p}:logs:${region}:\${aws:SourceAccount}:*`,
            `arn:${p}:logs:${region}:\${aws:PrincipalAccount}:log-group:*`,
            `arn:${p}:cloudtrail:${region}:\${aws:SourceAccount}:trail/*`,
            "${aws:SourceArn}",
            `arn:${p}:logs:${region}:${ACCOUNT}:log-group:/app/\${aws:PrincipalAccount, 'orders'}`,
            "not-an-arn",
            `arn:${p}:logs:${region}:${ACCOUNT}`,
            `ARN:${p.toUpperCase()}:LOGS:*:${ACCOUNT}:*`,
            `arn:${p}:iam::${ACCOUNT}:role/*`,
        ];
        const accountKeys = ["aws:SourceAccount", "kms:CallerAccount", "aws:PrincipalAccount"];
        const accountValues = [
            ACCOUNT,
            OTHER_ACCOUNT,
            "${aws:PrincipalAccount}",
            "${aws:SourceAccount}",
            "1111*",
            `\${kms:CallerAccount, '${ACCOUNT}'}`,
            "${aws:NoSuchKey}",
        ];
        const stringOps = [
            "StringEquals",
            "StringNotEquals",
            "StringEqualsIgnoreCase",
            "StringNotEqualsIgnoreCase",
            "StringLike",
            "StringNotLike",
        ];
        const arnOps = ["ArnEquals", "ArnLike", "ArnNotEquals", "ArnNotLike", ...stringOps];
        const families: { keys: string[]; ops: string[]; values: string[] }[] = [
            { keys: arnKeys, ops: arnOps, values: arnValues },
            { keys: arnKeys, ops: arnOps, values: arnValues },
            { keys: accountKeys, ops: stringOps, values: accountValues },
            {
                keys: ["kms:ViaService"],
                ops: stringOps,
                values: [`logs.${region}.amazonaws.com`, "logs.*.amazonaws.com", logs],
            },
            {
                keys: ["aws:EpochTime"],
                ops: [
                    "NumericEquals",
                    "NumericNotEquals",
                    "NumericLessThan",
                    "NumericLessThanEquals",
                    "NumericGreaterThan",
                    "NumericGreaterThanEquals",
                ],
                values: ["1700000000", "1800000000", "1.5", "-3", "soon"],
            },
            {
                keys: ["aws:CurrentTime"],
                ops: [
                    "DateEquals",
                    "DateNotEquals",
                    "DateLessThan",
                    "DateLessThanEquals",
                    "DateGreaterThan",
                    "DateGreaterThanEquals",
                ],
                values: ["2024-01-01T00:00:00Z", "2024-06-01", "1700000000", "1800000000", "never"],
            },
            {
                keys: ["aws:SecureTransport", "kms:GrantIsForAWSResource"],
                ops: ["Bool"],
                values: ["true", "false", "TRUE", "yes"],
            },
            {
                keys: ["aws:SourceIp"],
                ops: ["IpAddress", "NotIpAddress"],
                values: ["203.0.113.0/24", "203.0.113.7", "10.0.0.0/8", "2001:db8::/32"],
            },
            {
                keys: ["aws:RequestTag/blob"],
                ops: ["BinaryEquals"],
                values: ["QmluYXJ5", "T3RoZXI="],
            },
        ];
        const condition = (): Json => {
            const block: Record<string, Json> = {};
            const blocks = 1 + Math.floor(random() * 3);
            for (let i = 0; i < blocks; i++) {
                const family = pick(families);
                const key = pick(family.keys);
                let op: string;
                let values: unknown;
                if (chance(0.08)) {
                    op = "Null";
                    values = pick(["true", "false", true]);
                } else {
                    op = pick(family.ops);
                    if (chance(0.25)) {
                        op += "IfExists";
                    }
                    const q = random();
                    if (q < 0.1) {
                        op = `ForAnyValue:${op}`;
                    } else if (q < 0.2) {
                        op = `ForAllValues:${op}`;
                    }
                    values = one(some(family.values, 3));
                }
                block[op] = { ...block[op], [key]: values };
            }
            return block;
        };
        const statement = (req: GeneratedRequest): Json => {
            const s: Json = { Effect: chance(0.8) ? "Allow" : "Deny" };
            if (chance(0.3)) {
                s.Sid = `S${Math.floor(random() * 100)}`;
            }
            if (chance(0.9)) {
                s.Principal = principal(req);
            } else {
                s.NotPrincipal = notPrincipal();
            }
            s[chance(0.85) ? "Action" : "NotAction"] = chance(0.4)
                ? one([req.action, ...some(actions, 1)].slice(0, chance(0.5) ? 1 : 2))
                : one(some(actions, 3));
            s[chance(0.85) ? "Resource" : "NotResource"] = one(some(resources, 2));
            if (chance(0.5)) {
                s.Condition = condition();
            }
            return s;
        };
        const request = (): GeneratedRequest => {
            const context: Record<string, string> = {};
            const set = (key: string, value: string, probability = 1) => {
                if (chance(probability)) {
                    context[key] = value;
                }
            };
            let who: RequestPrincipal;
            const r = random();
            if (r < 0.4) {
                who = {
                    kind: "service",
                    service: chance(0.9) ? logs : `logs.${otherRegion}.${dns}`,
                };
                const c = random();
                if (c < 0.6) {
                    context["kms:EncryptionContext:aws:logs:arn"] = group(
                        chance(0.8) ? ACCOUNT : OTHER_ACCOUNT,
                    );
                } else if (c < 0.8) {
                    context["kms:EncryptionContext:aws-crypto-ec:aws:logs:arn"] = detector;
                }
            } else if (r < 0.6) {
                who = { kind: "service", service: "cloudtrail.amazonaws.com" };
                const account = chance(0.8) ? ACCOUNT : OTHER_ACCOUNT;
                set("kms:EncryptionContext:aws:cloudtrail:arn", trail(account), 0.7);
                set("aws:SourceArn", trail(account), 0.7);
                set("aws:SourceAccount", account, 0.7);
            } else if (r < 0.9) {
                const account = chance(0.6) ? ACCOUNT : OTHER_ACCOUNT;
                const arn = role(account, pick(["app", "anyone"]));
                who = { kind: "aws", arn, account };
                set("kms:CallerAccount", account, 0.5);
                set("aws:PrincipalAccount", account, 0.5);
                set("aws:PrincipalArn", arn, 0.3);
            } else {
                who = { kind: "anonymous" };
            }
            set("aws:SourceAccount", pick([ACCOUNT, OTHER_ACCOUNT]), 0.1);
            set("aws:PrincipalAccount", pick([ACCOUNT, OTHER_ACCOUNT]), 0.1);
            set("kms:ViaService", `logs.${region}.amazonaws.com`, 0.1);
            set("aws:EpochTime", pick(["1750000000", "1600000000", "soon"]), 0.15);
            set(
                "aws:CurrentTime",
                pick(["2025-03-01T12:00:00Z", "2023-01-01T00:00:00Z", "1750000000", "never"]),
                0.15,
            );
            set("aws:SecureTransport", pick(["true", "false", "yes"]), 0.15);
            set("kms:GrantIsForAWSResource", "true", 0.05);
            set("aws:SourceIp", pick(["203.0.113.9", "198.51.100.1", "2001:db8::1"]), 0.15);
            set("aws:RequestTag/blob", "QmluYXJ5", 0.05);
            set("aws:SourceArn", pick(["not-an-arn", group(ACCOUNT)]), 0.05);
            const action = pick([
                "kms:Encrypt",
                "kms:Decrypt",
                "kms:ReEncryptFrom",
                "kms:ReEncryptTo",
                "kms:GenerateDataKey",
                "kms:DescribeKey",
                "kms:CreateGrant",
                "kms:PutKeyPolicy",
                "kms:ScheduleKeyDeletion",
                "kms:DisableKey",
            ]);
            const unknownKey = chance(0.4)
                ? { multiRegion: pick([undefined, true, false]) }
                : undefined;
            return { principal: who, action, context, unknownKey };
        };
        const req = request();
        const version = random();
        const policy: Json = {
            ...(version < 0.92
                ? { Version: "2012-10-17" }
                : version < 0.96
                  ? { Version: "2008-10-17" }
                  : {}),
            Statement: Array.from({ length: 1 + Math.floor(random() * 4) }, () => statement(req)),
        };

        return { where, keyId, otherKeyId, policy, request: req };
    }

    /** Ids a new key could get, including ones that the policy's key patterns match. */
    function newIds(c: Case, multiRegion: boolean | undefined): string[] {
        const forms = multiRegion === undefined ? [false, true] : [multiRegion];
        const fresh = (mrk: boolean) => (mrk ? `mrk-${hex(32)}` : uuid());
        const ids = forms.map(fresh);
        const patterns = new Set(JSON.stringify(c.policy).match(/:key\/[^"]*/g) ?? []);
        for (const pattern of patterns) {
            const id = pattern.slice(":key/".length);
            const star = id.indexOf("*");
            for (const mrk of forms) {
                for (let fill = 0; fill < (id.includes("?") ? 3 : 1); fill++) {
                    const template = fresh(mrk);
                    // Filled until it is neither the key's nor the other key's id (both are
                    // filtered out below), so a pattern with `?` always yields an id it matches.
                    let head = "";
                    for (let tries = 0; tries < 16; tries++) {
                        head = (star >= 0 ? id.slice(0, star) : id).replace(/\?/g, () =>
                            pick([...HEX]),
                        );
                        const whole = head + template.slice(head.length);
                        if (whole !== c.keyId && whole !== c.otherKeyId) {
                            break;
                        }
                    }
                    ids.push(head + template.slice(head.length));
                    // And one that just misses it: the first character changed.
                    const other = HEX[(HEX.indexOf(head[0]) + 1) % HEX.length];
                    ids.push(other + head.slice(1) + template.slice(head.length));
                }
            }
        }
        const valid =
            /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32})$/;
        return [...new Set(ids)].filter(
            (id) =>
                valid.test(id) &&
                id !== c.keyId &&
                id !== c.otherKeyId &&
                (multiRegion === undefined || id.startsWith("mrk-") === multiRegion),
        );
    }
    return { generate, newIds };
}

/** What the simulator answers, reduced to what the pack's checks use. */
const allowedOrNot = (d: string) => (d === "Allowed" ? "Allowed" : "Denied");

function simulate(c: Case, request: GeneratedRequest, keyId: string, policy = c.policy): string {
    const { partition: p, region } = c.where;
    const principal =
        request.principal.kind === "service"
            ? request.principal.service
            : request.principal.kind === "aws"
              ? request.principal.arn
              : "anonymous";
    return decide(policy, `arn:${p}:kms:${region}:${ACCOUNT}:key/${keyId}`, {
        principal,
        action: request.action,
        context: request.context,
        // AWS principals have kms:* in their own account's IAM: what is compared is what the key
        // policy lets them do (a key policy's account principal delegates to IAM).
        identityPolicy: request.principal.kind === "aws" ? KMS_ADMIN_IDENTITY_POLICY : undefined,
    });
}

function packRequest(c: Case, request: GeneratedRequest): KeyRequest {
    const { partition, region } = c.where;
    const resource: string | UnknownKeyArn =
        request.unknownKey === undefined
            ? `arn:${partition}:kms:${region}:${ACCOUNT}:key/${c.keyId}`
            : { partition, region, account: ACCOUNT, ...request.unknownKey };
    return {
        principal: request.principal,
        action: request.action,
        resource,
        context: request.context,
    };
}

/** Deep copy with every string passed through `f`. */
function mapStrings(
    value: unknown,
    f: (s: string, path: string[]) => string,
    path: string[] = [],
): unknown {
    if (typeof value === "string") {
        return f(value, path);
    }
    if (Array.isArray(value)) {
        return value.map((v) => mapStrings(v, f, path));
    }
    if (value !== null && typeof value === "object") {
        return Object.fromEntries(
            Object.entries(value).map(([k, v]) => [k, mapStrings(v, f, [...path, k])]),
        );
    }
    return value;
}

/** A class of disagreements where the simulator, not the pack, is wrong. */
interface SimulatorError {
    readonly name: string;
    /** The AWS documentation that decides it, word for word. */
    readonly quote: string;
    readonly source: string;
    /**
     * The same question rewritten so the simulator's error cannot arise (an equivalent policy and
     * context), or `undefined` when the case has nothing this class is about.
     */
    readonly rewrite: (
        c: Case,
        r: GeneratedRequest,
    ) => { policy: Json; request: GeneratedRequest } | undefined;
}

const SIMULATOR_ERRORS: SimulatorError[] = [
    {
        name: "an account root principal of another partition",
        quote: "IAM roles and resource-based policies delegate access across accounts only within a single partition. For example, you have an account in US West (N. California) in the standard aws partition. You also have an account in China in the aws-cn partition. You can't use a resource-based policy in your account in China to allow access for users in your standard AWS account.",
        source: "IAM User Guide, Cross account resource access in IAM",
        // The simulator matches `arn:<any partition>:iam::<account>:root` by the account id alone.
        rewrite: (c, request) => {
            const foreignRoot = (s: string) => {
                const m = /^arn:([^:]+):iam::\d{12}:root$/.exec(s);
                return m !== null && m[1] !== c.where.partition;
            };
            const text = JSON.stringify(c.policy);
            if (!/"arn:[^:"]+:iam::\d{12}:root"/.test(text)) {
                return undefined;
            }
            const policy = mapStrings(c.policy, (s, path) =>
                (path.includes("Principal") || path.includes("NotPrincipal")) && foreignRoot(s)
                    ? `arn:${c.where.partition}:iam::000000000000:root`
                    : s,
            ) as Json;
            return JSON.stringify(policy) === text ? undefined : { policy, request };
        },
    },
    {
        name: "policy variables in a policy without Version 2012-10-17",
        quote: "If you don't include the Version element and set it to an appropriate version date, variables like ${aws:username} are treated as literal strings in the policy.",
        source: "IAM User Guide, IAM policy elements: Variables and tags",
        // The simulator replaces variables whatever the Version; `${$}` is its literal `$`.
        rewrite: (c, request) => {
            if (c.policy.Version === "2012-10-17" || !JSON.stringify(c.policy).includes("${")) {
                return undefined;
            }
            const policy = mapStrings(c.policy, (s) => s.replace(/\$\{/g, "${$}{")) as Json;
            return { policy: { ...policy, Version: "2012-10-17" }, request };
        },
    },
    {
        name: "a date in epoch time compared with an ISO 8601 date",
        quote: "You must specify date/time values with one of the W3C implementations of the ISO 8601 date formats or in epoch (UNIX) time.",
        source: "IAM User Guide, IAM JSON policy elements: Condition operators (Date condition operators)",
        // The simulator compares an epoch value as a number of seconds with an ISO date as a
        // number of milliseconds: 1750000000 (June 2025) comes before 2024-01-01T00:00:00Z.
        rewrite: (c, request) => {
            const epoch = /^-?\d+$/;
            const iso = (s: string) =>
                epoch.test(s) ? new Date(Number(s) * 1000).toISOString() : s;
            const text = JSON.stringify(c.policy);
            if (!/"(For\w+:)?Date\w*"/.test(text)) {
                return undefined;
            }
            const policy = mapStrings(c.policy, (s, path) =>
                path.some((k) => /^(For\w+:)?Date/.test(k)) ? iso(s) : s,
            ) as Json;
            const time = request.context["aws:CurrentTime"];
            const context =
                time === undefined
                    ? request.context
                    : { ...request.context, "aws:CurrentTime": iso(time) };
            return { policy, request: { ...request, context } };
        },
    },
    {
        name: "a policy variable in an ARN condition value",
        quote: "You can use a policy variable with the ARN condition operator. [...] When the policy is evaluated, the policy variables are replaced with values that come from the context of the request itself. [...] not present means that the value is not in the current request information, and any attempt to match it fails and causes the statement to be invalid.",
        source: "IAM User Guide, Condition operators (ARN condition operators) and Variables (Introduction; Principal key values)",
        // The simulator splits the policy ARN at every colon before replacing variables, so
        // `arn:aws:logs:us-east-1:${aws:SourceAccount}:*` gets components `${aws` and
        // `SourceAccount}`; and a variable without a value fails only the component it is in,
        // and only when the components before it match, so ArnNotLike can still hold. Rewritten:
        // each variable replaced by its value, a value with one that has none by a bare variable
        // that is no ARN at all (the pack cannot compare either).
        rewrite: (c, request) => {
            const text = JSON.stringify(c.policy);
            if (!/"(For\w+:)?Arn\w*":\{[^}]*\$\{/.test(text)) {
                return undefined;
            }
            const lower = new Map(
                Object.entries(request.context).map(([k, v]) => [k.toLowerCase(), v]),
            );
            const policy = mapStrings(c.policy, (s, path) => {
                if (!path.some((k) => /^(For\w+:)?Arn/.test(k))) {
                    return s;
                }
                let missing = false;
                const replaced = s.replace(/\$\{([^}]*)\}/g, (whole, inside: string) => {
                    if (["*", "?", "$"].includes(inside)) {
                        return whole;
                    }
                    const [name, fallback] = inside.split(", ");
                    const value = lower.get(name.trim().toLowerCase());
                    if (value !== undefined && value !== "") {
                        return value;
                    }
                    if (fallback !== undefined && /^'.+'$/.test(fallback)) {
                        return fallback.slice(1, -1);
                    }
                    missing = true;
                    return whole;
                });
                return missing ? "${noSuchKey}" : replaced;
            }) as Json;
            return { policy, request };
        },
    },
    {
        name: "a value of five components read as an ARN with an empty resource",
        quote: "Each of the six colon-delimited components of the ARN is checked separately [...] The following are the general formats for ARNs. [...] arn:partition:service:region:account-id:resource-id",
        source: "IAM User Guide, Condition operators (ARN condition operators) and IAM identifiers (ARN format)",
        // The simulator reads `arn:aws:logs:us-east-1:111122223333` as an ARN whose resource is
        // "", so ArnNotLike holds for it; the pack, like the issue, cannot compare it at all.
        // Rewritten to a value that both read as no ARN.
        rewrite: (c, request) => {
            const fiveParts = (s: string) => s.split(":").length === 5;
            const text = JSON.stringify(c.policy);
            const arnKeys = new Set<string>();
            let found = false;
            const policy = mapStrings(c.policy, (s, path) => {
                const operator = path.find((k) => /^(For\w+:)?Arn/.test(k));
                if (operator === undefined) {
                    return s;
                }
                arnKeys.add(path[path.indexOf(operator) + 1].toLowerCase());
                if (fiveParts(s)) {
                    found = true;
                    return "not-an-arn";
                }
                return s;
            }) as Json;
            const context = Object.fromEntries(
                Object.entries(request.context).map(([k, v]) => {
                    if (arnKeys.has(k.toLowerCase()) && fiveParts(v)) {
                        found = true;
                        return [k, "not-an-arn"];
                    }
                    return [k, v];
                }),
            );
            return found || JSON.stringify(policy) !== text
                ? { policy, request: { ...request, context } }
                : undefined;
        },
    },
    {
        name: "an IP address without a routing prefix",
        quote: "If you specify an IP address without the associated routing prefix, IAM uses the default prefix value of /32.",
        source: "IAM User Guide, Condition operators (IP address condition operators)",
        // The simulator compares a bare address for equality, so NotIpAddress "203.0.113.7"
        // fails for an IPv6 request although NotIpAddress "203.0.113.7/32" holds.
        rewrite: (c, request) => {
            const text = JSON.stringify(c.policy);
            const policy = mapStrings(c.policy, (s, path) =>
                path.some((k) => /IpAddress/.test(k)) && !s.includes("/")
                    ? `${s}/${s.includes(":") ? 128 : 32}`
                    : s,
            ) as Json;
            return JSON.stringify(policy) === text ? undefined : { policy, request };
        },
    },
];

/**
 * The simulator errors a disagreement is made of: the first class whose rewrite alone makes the
 * simulator agree with the pack on every id in question, else all applicable rewrites together.
 */
function explain(
    c: Case,
    request: GeneratedRequest,
    ids: readonly string[],
    ours: string,
): string | undefined {
    const agrees = (policy: Json, r: GeneratedRequest) =>
        ids.every((id) => allowedOrNot(simulate(c, r, id, policy)) === ours);
    for (const e of SIMULATOR_ERRORS) {
        const rewritten = e.rewrite(c, request);
        if (rewritten !== undefined && agrees(rewritten.policy, rewritten.request)) {
            return e.name;
        }
    }
    const all = rewriteAll(c, request);
    return all.applied.length > 1 && agrees(all.policy, all.request)
        ? all.applied.join(" + ")
        : undefined;
}

/** The case with every simulator error's rewrite applied that has something to rewrite. */
function rewriteAll(
    c: Case,
    request: GeneratedRequest,
): { policy: Json; request: GeneratedRequest; applied: string[] } {
    let current = { policy: c.policy, request };
    const applied: string[] = [];
    for (const e of SIMULATOR_ERRORS) {
        const rewritten = e.rewrite({ ...c, policy: current.policy }, current.request);
        if (rewritten !== undefined) {
            current = rewritten;
            applied.push(e.name);
        }
    }
    return { ...current, applied };
}

interface Outcome {
    readonly comparisons: number;
    readonly agreed: number;
    readonly allowed: number;
    readonly undeterminedShown: number;
    readonly undeterminedShownAfterRewrite: number;
    readonly bySimulatorError: Record<string, number>;
    readonly failures: string[];
}

function run(cases: number, seed: number): Outcome {
    const { generate, newIds } = generator(prng(seed));
    const bySimulatorError: Record<string, number> = {};
    const failures: string[] = [];
    let comparisons = 0;
    let agreed = 0;
    let allowed = 0;
    let undeterminedShown = 0;
    let undeterminedShownAfterRewrite = 0;
    for (let i = 0; i < cases; i++) {
        const c = generate();
        const parsed = parsePolicy(JSON.stringify(c.policy));
        {
            const request = c.request;
            const ours: Decision = evaluate(parsed, packRequest(c, request));
            const ids =
                request.unknownKey === undefined
                    ? [c.keyId]
                    : newIds(c, request.unknownKey.multiRegion);
            const theirs = ids.map((id) => allowedOrNot(simulate(c, request, id)));
            comparisons += ids.length;
            if (ours === "Undetermined") {
                // The pack says the new key's id decides: some ids must be allowed and some not,
                // once the simulator's listed errors are rewritten away.
                if (new Set(theirs).size > 1) {
                    undeterminedShown++;
                } else {
                    const fixed = rewriteAll(c, request);
                    const again = ids.map((id) =>
                        allowedOrNot(simulate(c, fixed.request, id, fixed.policy)),
                    );
                    if (fixed.applied.length > 0 && new Set(again).size > 1) {
                        undeterminedShownAfterRewrite++;
                    } else {
                        failures.push(
                            JSON.stringify({
                                case: i,
                                pack: ours,
                                simulator: theirs[0],
                                keyIds: ids,
                                request: { ...request, resource: packRequest(c, request).resource },
                                policy: c.policy,
                            }),
                        );
                    }
                }
                agreed += ids.length;
                continue;
            }
            if (ours === "Allowed") {
                allowed++;
            }
            const wrongIds = ids.filter((_, k) => theirs[k] !== allowedOrNot(ours));
            agreed += ids.length - wrongIds.length;
            if (wrongIds.length === 0) {
                continue;
            }
            const explained = explain(c, request, wrongIds, allowedOrNot(ours));
            if (explained !== undefined) {
                bySimulatorError[explained] = (bySimulatorError[explained] ?? 0) + 1;
                continue;
            }
            failures.push(
                JSON.stringify({
                    case: i,
                    pack: ours,
                    simulator: simulate(c, request, wrongIds[0]),
                    keyId: wrongIds[0],
                    request: { ...request, resource: packRequest(c, request).resource },
                    policy: c.policy,
                }),
            );
        }
    }
    return {
        comparisons,
        agreed,
        allowed,
        undeterminedShown,
        undeterminedShownAfterRewrite,
        bySimulatorError,
        failures,
    };
}

describe("policypack/lib/iam: differential test against @cloud-copilot/iam-simulate", function () {
    this.timeout(600_000);
    const cases = Number(process.env.IAM_DIFFERENTIAL_CASES ?? 5000);
    const seed = Number(process.env.IAM_DIFFERENTIAL_SEED ?? Math.floor(Math.random() * 2 ** 31));

    it(`decides ${cases} generated key policies × 1 request each like the simulator (seed ${seed})`, () => {
        const outcome = run(cases, seed);
        if (process.env.IAM_DIFFERENTIAL_REPORT) {
            writeFileSync(
                process.env.IAM_DIFFERENTIAL_REPORT,
                JSON.stringify({ seed, cases, ...outcome }),
            );
        }
        const replay = `replay with IAM_DIFFERENTIAL_SEED=${seed} IAM_DIFFERENTIAL_CASES=${cases}`;
        assert.equal(
            outcome.failures.length,
            0,
            `${outcome.failures.length} disagreements (${replay}), the first ones:\n${outcome.failures.slice(0, 3).join("\n")}`,
        );
        // The counts go to stderr: stdout is the reporter's (mocha --reporter json writes there).
        process.stderr.write(
            `      ${JSON.stringify({ seed, cases, ...outcome, failures: outcome.failures.length })}\n`,
        );
        // The run must exercise both outcomes and the unknown-key answer, or it proves nothing.
        const requests = cases;
        assert.ok(outcome.allowed > requests * 0.1, `${outcome.allowed} allowed (${replay})`);
        assert.ok(outcome.allowed < requests * 0.9, `${outcome.allowed} allowed (${replay})`);
        assert.ok(outcome.undeterminedShown > 0, `no Undetermined shown (${replay})`);
    });
});

describe("policypack/lib/iam: each class of disagreement the differential test found, fixed", () => {
    const keyArn = `arn:aws:kms:us-east-1:${ACCOUNT}:key/`;
    const logs = "logs.us-east-1.amazonaws.com";
    const newKey: UnknownKeyArn = { partition: "aws", region: "us-east-1", account: ACCOUNT };
    const freshIds = [
        "0f1e2d3c-4b5a-4697-8877-665544332211",
        "mrk-9a8b7c6d5e4f4a3b9c2d1e0f9a8b7c6d",
    ];
    /** A statement for the logs principal, with `extra` set (an `undefined` removes the element). */
    const allow = (extra: Json): Json =>
        Object.fromEntries(
            Object.entries({
                Effect: "Allow",
                Principal: { Service: logs },
                Action: "kms:*",
                Resource: "*",
                ...extra,
            }).filter(([, v]) => v !== undefined),
        );
    const policyOf = (...statements: Json[]): Json => ({
        Version: "2012-10-17",
        Statement: statements,
    });
    const ask = (
        policy: Json,
        resource: KeyRequest["resource"],
        context: Record<string, string> = {},
        principal: RequestPrincipal = { kind: "service", service: logs },
    ): Decision =>
        evaluate(parsePolicy(JSON.stringify(policy)), {
            principal,
            action: "kms:Encrypt",
            resource,
            context,
        });
    /** The simulator's answer for the same request on a key with id `id`. */
    const simulator = (
        policy: Json,
        id: string,
        context: Record<string, string> = {},
        principal = logs,
    ): string =>
        decide(policy, keyArn + id, {
            principal,
            action: "kms:Encrypt",
            context,
            identityPolicy: principal.startsWith("arn:") ? KMS_ADMIN_IDENTITY_POLICY : undefined,
        });

    describe("a key not created yet (UnknownKeyArn) against Resource and NotResource", () => {
        const table: [string, Json, Partial<UnknownKeyArn>, Decision][] = [
            [
                "another key's ARN does not name the new key (the issue's minimal case)",
                allow({ Resource: `${keyArn}1234abcd-12ab-34cd-56ef-1234567890ab` }),
                {},
                "ImplicitlyDenied",
            ],
            ["key/* names every new key", allow({ Resource: `${keyArn}*` }), {}, "Allowed"],
            [
                "a key pattern of another region names none",
                allow({ Resource: `arn:aws:kms:eu-west-1:${ACCOUNT}:key/*` }),
                {},
                "ImplicitlyDenied",
            ],
            [
                "an alias pattern names none",
                allow({ Resource: `arn:aws:kms:us-east-1:${ACCOUNT}:alias/*` }),
                {},
                "ImplicitlyDenied",
            ],
            [
                "key/mrk-* names a new multi-Region key",
                allow({ Resource: `${keyArn}mrk-*` }),
                { multiRegion: true },
                "Allowed",
            ],
            [
                "key/mrk-* names no new single-Region key",
                allow({ Resource: `${keyArn}mrk-*` }),
                { multiRegion: false },
                "ImplicitlyDenied",
            ],
            [
                "NotResource of another key does not exclude the new key",
                allow({ Resource: undefined, NotResource: `${keyArn}1234abcd-*` }),
                { multiRegion: true },
                "Allowed",
            ],
            [
                "NotResource key/* excludes every new key",
                allow({ Resource: undefined, NotResource: `${keyArn}*` }),
                {},
                "ImplicitlyDenied",
            ],
            [
                "NotResource of both id forms together excludes every new key",
                allow({
                    Resource: undefined,
                    NotResource: [`${keyArn}mrk-*`, `${keyArn}????????-*`],
                }),
                {},
                "ImplicitlyDenied",
            ],
            [
                "a Deny on key/* wins over Allow *",
                policyOf(allow({}), { ...allow({ Resource: `${keyArn}*` }), Effect: "Deny" }),
                {},
                "ExplicitlyDenied",
            ],
        ];
        for (const [name, policyOrStatement, key, expected] of table) {
            it(`${name}: ${expected}, as the simulator decides for new ids`, () => {
                const policy =
                    "Statement" in policyOrStatement
                        ? policyOrStatement
                        : policyOf(policyOrStatement);
                assert.equal(ask(policy, { ...newKey, ...key }), expected);
                const ids = freshIds.filter(
                    (id) =>
                        key.multiRegion === undefined || id.startsWith("mrk-") === key.multiRegion,
                );
                for (const id of ids) {
                    assert.equal(allowedOrNot(simulator(policy, id)), allowedOrNot(expected), id);
                }
            });
        }

        it("a pattern that matches some new ids and not others is Undetermined, and the simulator shows both", () => {
            const policy = policyOf(allow({ Resource: `${keyArn}1*` }));
            assert.equal(ask(policy, newKey), "Undetermined");
            assert.equal(simulator(policy, "1aaaaaaa-0000-4000-8000-000000000000"), "Allowed");
            assert.equal(
                simulator(policy, "2aaaaaaa-0000-4000-8000-000000000000"),
                "ImplicitlyDenied",
            );
            const deniedForSome = policyOf(allow({}), {
                ...allow({ Resource: `${keyArn}mrk-*` }),
                Effect: "Deny",
            });
            assert.equal(ask(deniedForSome, newKey), "Undetermined");
            assert.equal(ask(deniedForSome, { ...newKey, multiRegion: false }), "Allowed");
            assert.equal(ask(deniedForSome, { ...newKey, multiRegion: true }), "ExplicitlyDenied");
        });

        it("callers that pass no resource keep the old answer: every Resource matches, no NotResource excludes", () => {
            const other = allow({ Resource: `${keyArn}1234abcd-12ab-34cd-56ef-1234567890ab` });
            assert.equal(ask(policyOf(other), undefined), "Allowed");
            assert.equal(
                ask(policyOf(allow({ Resource: undefined, NotResource: `${keyArn}*` })), undefined),
                "Allowed",
            );
        });
    });

    describe("conditions", () => {
        const group = `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:/app/orders`;
        const ctxKey = "kms:EncryptionContext:aws:logs:arn";
        const table: [string, Json, Record<string, string>, Decision][] = [
            [
                "ForAnyValue:...IfExists on an absent key is false",
                { "ForAnyValue:StringEqualsIfExists": { "aws:SourceAccount": ACCOUNT } },
                {},
                "ImplicitlyDenied",
            ],
            [
                "ForAllValues on an absent key is true",
                { "ForAllValues:StringEquals": { "aws:SourceAccount": ACCOUNT } },
                {},
                "Allowed",
            ],
            [
                "ArnNotLike on a value that is not an ARN is false",
                { ArnNotLike: { [ctxKey]: `arn:aws:logs:*:${OTHER_ACCOUNT}:*` } },
                { [ctxKey]: "not-an-arn" },
                "ImplicitlyDenied",
            ],
            [
                "ArnLike with one policy value that is not an ARN still matches another",
                { ArnLike: { [ctxKey]: ["not-an-arn", group] } },
                { [ctxKey]: group },
                "Allowed",
            ],
            [
                "${aws:PrincipalAccount} is replaced from the request",
                { StringEquals: { "aws:SourceAccount": "${aws:PrincipalAccount}" } },
                { "aws:SourceAccount": ACCOUNT, "aws:PrincipalAccount": ACCOUNT },
                "Allowed",
            ],
            [
                "a variable replaced by another account does not match",
                { StringEquals: { "aws:SourceAccount": "${aws:PrincipalAccount}" } },
                { "aws:SourceAccount": ACCOUNT, "aws:PrincipalAccount": OTHER_ACCOUNT },
                "ImplicitlyDenied",
            ],
            [
                "a variable without a value fails even a negated operator",
                { StringNotEquals: { "aws:SourceAccount": "${aws:PrincipalAccount}" } },
                { "aws:SourceAccount": ACCOUNT },
                "ImplicitlyDenied",
            ],
            [
                "a variable's default stands in for a missing value",
                { StringEquals: { "aws:SourceAccount": `\${aws:PrincipalAccount, '${ACCOUNT}'}` } },
                { "aws:SourceAccount": ACCOUNT },
                "Allowed",
            ],
            [
                "Bool on a value that is not a boolean is false",
                { Bool: { "aws:SecureTransport": "yes" } },
                { "aws:SecureTransport": "yes" },
                "ImplicitlyDenied",
            ],
            [
                "IpAddress matches an address in the block",
                { IpAddress: { "aws:SourceIp": "203.0.113.0/24" } },
                { "aws:SourceIp": "203.0.113.9" },
                "Allowed",
            ],
        ];
        for (const [name, condition, context, expected] of table) {
            it(`${name}: ${expected}, as the simulator decides`, () => {
                const policy = policyOf(allow({ Condition: condition }));
                assert.equal(ask(policy, keyArn + freshIds[0], context), expected);
                assert.equal(
                    allowedOrNot(simulator(policy, freshIds[0], context)),
                    allowedOrNot(expected),
                );
            });
        }

        // Where the simulator is wrong (SIMULATOR_ERRORS), only the pack's answer is asserted.
        const simulatorWrong: [string, Json, Record<string, string>, Decision][] = [
            [
                "a variable in the account component of an ARN value",
                { ArnLike: { [ctxKey]: "arn:aws:logs:us-east-1:${aws:SourceAccount}:*" } },
                { [ctxKey]: group, "aws:SourceAccount": ACCOUNT },
                "Allowed",
            ],
            [
                "an epoch time compared with an ISO 8601 date",
                { DateGreaterThan: { "aws:CurrentTime": "2024-01-01T00:00:00Z" } },
                { "aws:CurrentTime": "1750000000" },
                "Allowed",
            ],
            [
                "NotIpAddress of a bare IPv4 address for an IPv6 request",
                { NotIpAddress: { "aws:SourceIp": "203.0.113.7" } },
                { "aws:SourceIp": "2001:db8::1" },
                "Allowed",
            ],
        ];
        for (const [name, condition, context, expected] of simulatorWrong) {
            it(`${name}: ${expected}`, () => {
                assert.equal(
                    ask(policyOf(allow({ Condition: condition })), keyArn + freshIds[0], context),
                    expected,
                );
            });
        }

        it("variables are literal text in a policy without Version 2012-10-17", () => {
            const statement = allow({
                Condition: { StringEquals: { "aws:SourceAccount": "${aws:PrincipalAccount}" } },
            });
            const context = { "aws:SourceAccount": ACCOUNT, "aws:PrincipalAccount": ACCOUNT };
            assert.equal(
                ask({ Statement: [statement] }, keyArn + freshIds[0], context),
                "ImplicitlyDenied",
            );
            assert.equal(
                ask({ Statement: [statement] }, keyArn + freshIds[0], {
                    "aws:SourceAccount": "${aws:PrincipalAccount}",
                }),
                "Allowed",
            );
        });
    });

    describe("principals", () => {
        const role = `arn:aws:iam::${ACCOUNT}:role/app`;
        const asRole: RequestPrincipal = { kind: "aws", arn: role, account: ACCOUNT };
        it("compares service principals exactly, as the simulator does", () => {
            for (const [written, expected] of [
                [logs, "Allowed"],
                ["Logs.us-east-1.amazonaws.com", "ImplicitlyDenied"],
                ["logs.US-EAST-1.amazonaws.com", "ImplicitlyDenied"],
            ] as const) {
                const policy = policyOf(allow({ Principal: { Service: written } }));
                assert.equal(ask(policy, keyArn + freshIds[0]), expected, written);
                assert.equal(allowedOrNot(simulator(policy, freshIds[0])), allowedOrNot(expected));
            }
        });
        it("an account root of another partition never matches (the simulator matches the account id alone)", () => {
            const of = (partition: string) =>
                policyOf(allow({ Principal: { AWS: `arn:${partition}:iam::${ACCOUNT}:root` } }));
            assert.equal(ask(of("aws"), keyArn + freshIds[0], {}, asRole), "Allowed");
            assert.equal(ask(of("aws-cn"), keyArn + freshIds[0], {}, asRole), "ImplicitlyDenied");
            assert.equal(
                ask(of("aws-us-gov"), keyArn + freshIds[0], {}, asRole),
                "ImplicitlyDenied",
            );
            assert.equal(simulator(of("aws"), freshIds[0], {}, role), "Allowed");
        });
    });

    it("every simulator error is listed with the AWS documentation that decides it", () => {
        for (const e of SIMULATOR_ERRORS) {
            assert.ok(e.quote.length > 60 && /IAM User Guide/.test(e.source), e.name);
        }
        assert.equal(new Set(SIMULATOR_ERRORS.map((e) => e.name)).size, SIMULATOR_ERRORS.length);
    });
});

/**
 * Policy variables and wildcards as the evaluator's patterns read them (IAM User Guide, "IAM policy
 * elements: Variables and tags"), pinned piece by piece: the special `${*}`, `${?}` and `${$}`,
 * context keys case-insensitive, a default only when quoted and non-empty, and a variable with no
 * value and no default making the pattern unmatchable (`undefined`).
 */
describe("IAM patterns: resolve and globMatch", () => {
    const env: Env = {
        context: new Map([
            ["aws:username", "alice"],
            ["aws:empty", ""],
        ]),
        variables: true,
    };

    it("substitutes the special characters and context values, and keeps the rest as text", () => {
        const cases: [string, Pattern | undefined][] = [
            ["a${*}b", ["a", { value: "*" }, "b"]],
            ["a${?}b", ["a", { value: "?" }, "b"]],
            ["a${$}b", ["a", { value: "$" }, "b"]],
            ["${aws:username}/*", [{ value: "alice" }, "/", ANY]],
            ["${AWS:UserName}", [{ value: "alice" }]],
            ["${ aws:username}", [{ value: "alice" }]],
            ["${aws:username, 'dflt'}", [{ value: "alice" }]],
            ["${aws:missing, 'dflt'}x", [{ value: "dflt" }, "x"]],
            ["${aws:empty, 'dflt'}", [{ value: "dflt" }]],
            ["${aws:missing}", undefined],
            ["${aws:empty}", undefined],
            ["${aws:missing, ''}", undefined],
            ["${aws:missing, dflt}", undefined],
            ["${aws:missing, 'dflt}", undefined],
            ["${aws:missing, dflt'}", undefined],
            ["${aws:missing, 'a', 'b'}", undefined],
            ["a${b", ["a${b"]],
            ["x?y*", ["x", ONE, "y", ANY]],
        ];
        for (const [text, pattern] of cases) {
            assert.deepEqual(resolve(text, env, true), pattern, text);
        }
    });

    it("leaves variables alone without them and wildcards literal without wildcards", () => {
        assert.deepEqual(resolve("${aws:username}", { ...env, variables: false }, true), [
            "${aws:username}",
        ]);
        assert.deepEqual(resolve("${aws:username}/x?*", env, false), [{ value: "alice" }, "/x?*"]);
        assert.deepEqual(resolve("x?*", NO_VARIABLES, false), ["x?*"]);
        assert.deepEqual(resolve("x?*", NO_VARIABLES, true), ["x", ONE, ANY]);
    });

    it("matches wildcards, and substituted '*' or '?' only literally", () => {
        const p = (text: string) => resolve(text, env, true) as Pattern;
        assert.equal(globMatch(p("a${*}b"), "a*b"), true);
        assert.equal(globMatch(p("a${*}b"), "axb"), false);
        assert.equal(globMatch(p("a${?}b*"), "a?bcd"), true);
        assert.equal(globMatch(p("a${?}b*"), "axbcd"), false);
        assert.equal(globMatch(p("a?c"), "abc"), true);
        assert.equal(globMatch(p("a?c"), "ac"), false);
        assert.equal(globMatch(p("arn:*/k.y"), "arn:x/k.y"), true);
        assert.equal(globMatch(p("arn:*/k.y"), "arn:x/kXy"), false);
        assert.equal(globMatch(p("Key/*"), "key/abc"), false);
        assert.equal(globMatch(p("Key/*"), "key/abc", true), true);
        assert.equal(globMatch(p("Key"), "key"), false);
        assert.equal(globMatch(p("Key"), "key", true), true);
    });
});
