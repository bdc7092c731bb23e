/**
 * Unit tests of the pack's pure parts: the raw property readers (against `@pulumi/policy`'s real
 * unknown-checking proxy), the key-policy evaluator (against `@cloud-copilot/iam-simulate` on a
 * table of policies and requests), configuration and exemptions, regions and partitions.
 */
import * as assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import * as path from "node:path";
import { anomalyDetectorKeyPolicy, decryptOnlyKeyPolicy, logGroupKeyPolicy } from "../components";
import { LOGS_CONTEXT_KEY, LOGS_CRYPTO_CONTEXT_KEY } from "../aws/services";
import { KeyRequest, evaluate, parsePolicy, principalAccounts } from "../policypack/lib/iam/policy";
import { readExemptions } from "../policypack/lib/config/config";
import { KEY_RULES } from "../policypack/lib/rules";
import { readRuleOptions } from "../policypack/lib/rules/options";
import { policyExemptions, statusOf } from "../policypack/policies/exemptionLedger";
import {
    partitionOfRegion,
    providerAccount,
    ProviderInfo,
    resetStackConfiguration,
    resolveRegion,
    stackConfiguration,
} from "../policypack/lib/stack/location";
import {
    UNKNOWN,
    UNKNOWN_SENTINELS,
    containsUnknown,
    readBoolean,
    readProperty,
    readString,
} from "../policypack/lib/stack/wire";
import { KMS_ADMIN_IDENTITY_POLICY, decide } from "./support/iam";
import { PACK_DIR, UNKNOWN_SENTINEL } from "../harness/policyHarness";
import { cloudTrailPolicy } from "../harness/stackFixtures";

// @pulumi/policy's internals, from the pack's own install (the proxy the policies really get).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const proxy = require(path.join(PACK_DIR, "node_modules", "@pulumi", "policy", "proxy")) as {
    unknownCheckingProxy(o: object): Record<string, unknown>;
    UnknownValueError: new (...a: unknown[]) => Error;
    [k: string]: unknown;
};

describe("policypack/lib/wire: reading props without tripping the unknown-checking proxy", () => {
    const raw = {
        kmsKeyId: UNKNOWN_SENTINEL.string,
        name: "/app/orders",
        multiRegion: UNKNOWN_SENTINEL.bool,
        enableKeyRotation: "true",
        nested: { policy: UNKNOWN_SENTINEL.string },
        nothing: null,
    };

    it("the sentinels are exactly @pulumi/policy's unknown values", () => {
        const theirs = Object.entries(proxy)
            .filter(([k]) => /^unknown[A-Z]\w*Value$/.test(k))
            .map(([, v]) => v)
            .sort();
        assert.deepEqual([...UNKNOWN_SENTINELS].sort(), theirs);
    });

    it("reading an unknown through the proxy throws UnknownValueError, and readProperty does not", () => {
        const props = proxy.unknownCheckingProxy({ ...raw });
        assert.throws(() => props.kmsKeyId, proxy.UnknownValueError);
        assert.equal("kmsKeyId" in props, true);
        assert.equal(readProperty(props, "kmsKeyId"), UNKNOWN);
        assert.equal(readString(props, "name"), "/app/orders");
        assert.equal(readBoolean(props, "multiRegion"), UNKNOWN);
        assert.equal(readBoolean(props, "enableKeyRotation"), true);
        assert.equal(readProperty(props, "nothing"), undefined);
        assert.equal(readProperty(props, "absent"), undefined);
        assert.equal(containsUnknown(readProperty(props, "nested")), true);
        assert.equal(containsUnknown(readProperty(props, "name")), false);
    });

    it("never throws on odd input", () => {
        for (const odd of [undefined, null, 42, "text", [], Object.create(null)]) {
            assert.equal(readProperty(odd, "kmsKeyId"), undefined);
        }
        assert.equal(readString({ kmsKeyId: 7 }, "kmsKeyId"), undefined);
        assert.equal(readBoolean({ enableKeyRotation: "yes" }, "enableKeyRotation"), undefined);
        // A string's own "length" is not a property the engine sent.
        assert.equal(readProperty("text", "length"), undefined);
        const hostile = new Proxy(
            {},
            {
                getOwnPropertyDescriptor() {
                    throw new Error("no");
                },
            },
        );
        assert.equal(readProperty(hostile, "kmsKeyId"), undefined);
    });

    it("reads boolean strings both ways, and finds an unknown among known values at any depth", () => {
        assert.equal(readBoolean({ enableKeyRotation: "false" }, "enableKeyRotation"), false);
        assert.equal(readBoolean({ enableKeyRotation: false }, "enableKeyRotation"), false);
        assert.equal(containsUnknown(["a", [1, UNKNOWN_SENTINEL.string]]), true);
        assert.equal(containsUnknown({ a: 1, b: { c: UNKNOWN } }), true);
        assert.equal(containsUnknown({ a: 1, b: [2, "x"] }), false);
        for (const known of [null, undefined, 42, "text", true]) {
            assert.equal(containsUnknown(known), false);
        }
    });
});

describe("policypack/lib/iam: the key-policy evaluator agrees with an IAM policy simulator", () => {
    const where = {
        partition: "aws",
        region: "us-east-1",
        accountId: "111122223333",
        dnsSuffix: "amazonaws.com",
    };
    const keyArn = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    const logs = "logs.us-east-1.amazonaws.com";
    const group = "arn:aws:logs:us-east-1:111122223333:log-group:/app/orders";
    const otherGroup = "arn:aws:logs:us-east-1:999999999999:log-group:/app/orders";
    const detector = "arn:aws:logs:us-east-1:111122223333:anomaly-detector:abc";
    const policies: Record<string, object> = {
        exact: logGroupKeyPolicy({ ...where, logGroupNames: ["/app/orders"] }),
        accountWide: logGroupKeyPolicy({ ...where, accountWide: true }),
        detectors: anomalyDetectorKeyPolicy({ ...where }),
        decryptOnly: decryptOnlyKeyPolicy({ ...where, logGroupNames: ["/app/orders"] }),
        cloudTrail: cloudTrailPolicy(),
        publicDecrypt: {
            Version: "2012-10-17",
            Statement: [
                {
                    Sid: "Open",
                    Effect: "Allow",
                    Principal: "*",
                    Action: "kms:Decrypt",
                    Resource: "*",
                },
            ],
        },
        publicWithCondition: {
            Version: "2012-10-17",
            Statement: [
                {
                    Sid: "OrgOnly",
                    Effect: "Allow",
                    Principal: { AWS: "*" },
                    Action: ["kms:Decrypt", "kms:Encrypt"],
                    Resource: "*",
                    Condition: { StringEquals: { "kms:CallerAccount": "111122223333" } },
                },
            ],
        },
        denyWithoutContext: {
            Version: "2012-10-17",
            Statement: [
                {
                    Sid: "Logs",
                    Effect: "Allow",
                    Principal: { Service: logs },
                    Action: "kms:*",
                    Resource: "*",
                },
                {
                    Sid: "DenyOthers",
                    Effect: "Deny",
                    Principal: "*",
                    NotAction: "kms:Describe*",
                    Resource: "*",
                    Condition: {
                        StringNotLike: { [LOGS_CONTEXT_KEY]: "arn:aws:logs:*:111122223333:*" },
                    },
                },
            ],
        },
        unscopedLogs: {
            Version: "2012-10-17",
            Statement: [
                {
                    Sid: "Logs",
                    Effect: "Allow",
                    Principal: { Service: logs },
                    Action: ["kms:Encrypt*", "kms:GenerateDataKey*"],
                    Resource: keyArn,
                },
            ],
        },
    };
    type TableRequest = KeyRequest & { simPrincipal: string };
    const ask = (
        service: string,
        action: string,
        context: Record<string, string> = {},
    ): TableRequest => ({
        simPrincipal: service,
        principal: { kind: "service", service },
        action,
        context,
    });
    const asRole = (
        arn: string,
        action: string,
        context: Record<string, string> = {},
    ): TableRequest => ({
        simPrincipal: arn,
        principal: { kind: "aws", arn, account: arn.split(":")[4] },
        action,
        context,
    });
    const trail = "cloudtrail.amazonaws.com";
    const trailContext = (account: string) => ({
        "kms:EncryptionContext:aws:cloudtrail:arn": `arn:aws:cloudtrail:us-east-1:${account}:trail/t`,
    });
    const requests: Record<string, TableRequest> = {
        "logs encrypts for the group": ask(logs, "kms:Encrypt", { [LOGS_CONTEXT_KEY]: group }),
        "logs generates a data key for the group": ask(logs, "kms:GenerateDataKey", {
            [LOGS_CONTEXT_KEY]: group,
        }),
        "logs re-encrypts for the group": ask(logs, "kms:ReEncryptFrom", {
            [LOGS_CONTEXT_KEY]: group,
        }),
        "logs decrypts without context": ask(logs, "kms:Decrypt"),
        "logs encrypts for another account's group": ask(logs, "kms:Encrypt", {
            [LOGS_CONTEXT_KEY]: otherGroup,
        }),
        "logs of eu-west-1 encrypts for the group": ask(
            "logs.eu-west-1.amazonaws.com",
            "kms:Encrypt",
            {
                [LOGS_CONTEXT_KEY]: group,
            },
        ),
        "logs encrypts a detector (crypto context)": ask(logs, "kms:ReEncryptTo", {
            [LOGS_CRYPTO_CONTEXT_KEY]: detector,
        }),
        "logs describes the key for a detector": ask(logs, "kms:DescribeKey", {
            [LOGS_CONTEXT_KEY]: detector,
        }),
        "cloudtrail generates a data key for a trail": ask(
            trail,
            "kms:GenerateDataKey",
            trailContext("111122223333"),
        ),
        "cloudtrail generates a data key for another account": ask(
            trail,
            "kms:GenerateDataKey",
            trailContext("999999999999"),
        ),
        "cloudtrail describes the key": ask(trail, "kms:DescribeKey"),
        "anonymous decrypts": {
            simPrincipal: "anonymous",
            principal: { kind: "anonymous" },
            action: "kms:Decrypt",
            context: {},
        },
        "a stranger decrypts": asRole("arn:aws:iam::999999999999:role/anyone", "kms:Decrypt"),
        "a role of the account decrypts (kms:CallerAccount set)": asRole(
            "arn:aws:iam::111122223333:role/app",
            "kms:Decrypt",
            {
                "kms:CallerAccount": "111122223333",
            },
        ),
        "an admin of the account schedules deletion": asRole(
            "arn:aws:iam::111122223333:role/admin",
            "kms:ScheduleKeyDeletion",
        ),
    };

    for (const [policyName, policy] of Object.entries(policies)) {
        it(`decides like the simulator for the "${policyName}" policy`, () => {
            const parsed = parsePolicy(JSON.stringify(policy));
            assert.equal(parsed.error, undefined);
            const mismatches: string[] = [];
            const allowed: string[] = [];
            for (const [label, r] of Object.entries(requests)) {
                const theirs = decide(policy, keyArn, {
                    principal: r.simPrincipal,
                    action: r.action,
                    context: r.context as Record<string, string>,
                    // AWS principals (of the account or a stranger) have kms:* in their own account's
                    // IAM; what is tested is what the key policy lets them do.
                    identityPolicy:
                        r.principal.kind === "aws" ? KMS_ADMIN_IDENTITY_POLICY : undefined,
                });
                const ours = evaluate(parsed, { ...r, resource: keyArn });
                const norm = (d: string) => (d === "Allowed" ? "Allowed" : "Denied");
                if (norm(theirs) !== norm(ours)) {
                    mismatches.push(`${label}: simulator ${theirs}, pack ${ours}`);
                }
                if (ours === "Allowed") {
                    allowed.push(label);
                }
            }
            assert.deepEqual(mismatches, []);
            assert.ok(allowed.length > 0, "every policy in the table allows something");
            assert.ok(allowed.length < Object.keys(requests).length, "and denies something");
        });
    }

    it("decides like the simulator for every condition operator, with and without IfExists, on values below, at, above and absent", () => {
        const cases: [string, string, string, (string | undefined)[]][] = [
            [
                "String",
                "aws:SourceAccount",
                "111122223333",
                ["111122223333", "999999999999", "111122223333".toUpperCase()],
            ],
            [
                "StringEqualsIgnoreCase",
                "aws:SourceArn",
                "ARN:AWS:LOGS:x",
                ["arn:aws:logs:x", "arn:aws:logs:y"],
            ],
            [
                "StringNotEqualsIgnoreCase",
                "aws:SourceArn",
                "ARN:AWS:LOGS:x",
                ["arn:aws:logs:x", "arn:aws:logs:y"],
            ],
            ["StringLike", "aws:SourceArn", "arn:aws:logs:*:111122223333:*", [group, otherGroup]],
            [
                "StringNotLike",
                "aws:SourceArn",
                "arn:aws:logs:*:111122223333:*",
                [group, otherGroup],
            ],
            ["ArnEquals", "aws:SourceArn", group, [group, otherGroup]],
            ["ArnNotEquals", "aws:SourceArn", group, [group, otherGroup]],
            ["ArnNotLike", "aws:SourceArn", "arn:aws:logs:*:111122223333:*", [group, otherGroup]],
            [
                "Numeric",
                "aws:EpochTime",
                "1700000000",
                ["1600000000", "1700000000", "1800000000", "soon"],
            ],
            [
                "Date",
                "aws:CurrentTime",
                "2024-01-01T00:00:00Z",
                ["2023-06-01T00:00:00Z", "2024-01-01T00:00:00Z", "2024-06-01T00:00:00Z", "never"],
            ],
            ["Bool", "aws:SecureTransport", "true", ["true", "false", "TRUE"]],
        ];
        const families: Record<string, string[]> = {
            String: ["StringEquals", "StringNotEquals"],
            Numeric: [
                "NumericEquals",
                "NumericNotEquals",
                "NumericLessThan",
                "NumericLessThanEquals",
                "NumericGreaterThan",
                "NumericGreaterThanEquals",
            ],
            Date: [
                "DateEquals",
                "DateNotEquals",
                "DateLessThan",
                "DateLessThanEquals",
                "DateGreaterThan",
                "DateGreaterThanEquals",
            ],
        };
        const mismatches: string[] = [];
        let compared = 0;
        for (const [family, key, policyValue, values] of cases) {
            for (const base of families[family] ?? [family]) {
                for (const op of [base, `${base}IfExists`]) {
                    const policy = {
                        Version: "2012-10-17",
                        Statement: [
                            {
                                Effect: "Allow",
                                Principal: { Service: logs },
                                Action: "kms:Encrypt",
                                Resource: "*",
                                Condition: { [op]: { [key]: policyValue } },
                            },
                        ],
                    };
                    for (const value of [...values, undefined]) {
                        const context: Record<string, string> =
                            value === undefined ? {} : { [key]: value };
                        const theirs = decide(policy, keyArn, {
                            principal: logs,
                            action: "kms:Encrypt",
                            context,
                        });
                        const ours = evaluate(parsePolicy(policy), {
                            principal: { kind: "service", service: logs },
                            action: "kms:Encrypt",
                            context,
                            resource: keyArn,
                        });
                        compared++;
                        if ((theirs === "Allowed") !== (ours === "Allowed")) {
                            mismatches.push(
                                `${op} ${key}=${value}: simulator ${theirs}, pack ${ours}`,
                            );
                        }
                    }
                }
            }
        }
        assert.deepEqual(mismatches, []);
        assert.ok(compared > 150, `${compared} decisions compared`);
    });

    it("an explicit Deny wins over an Allow", () => {
        const parsed = parsePolicy(policies.denyWithoutContext);
        const r: KeyRequest = {
            principal: { kind: "service", service: logs },
            action: "kms:Encrypt",
            context: { [LOGS_CONTEXT_KEY]: otherGroup },
        };
        assert.equal(evaluate(parsed, r), "ExplicitlyDenied");
        assert.equal(evaluate(parsed, { ...r, context: { [LOGS_CONTEXT_KEY]: group } }), "Allowed");
    });

    it("ArnLike compares ARN components, so '*' in the resource part spans colons", () => {
        const parsed = parsePolicy(policies.accountWide);
        const r: KeyRequest = {
            principal: { kind: "service", service: logs },
            action: "kms:Encrypt",
            context: { [LOGS_CONTEXT_KEY]: "arn:aws:logs:us-east-1:111122223333:log-group:/a:b" },
        };
        assert.equal(evaluate(parsed, r), "Allowed");
        assert.equal(
            evaluate(parsed, { ...r, context: { [LOGS_CONTEXT_KEY]: "not-an-arn" } }),
            "ImplicitlyDenied",
        );
    });

    it("an unknown condition operator or malformed statement never allows", () => {
        const parsed = parsePolicy({
            Statement: [
                {
                    Effect: "Allow",
                    Principal: "*",
                    Action: "kms:*",
                    Resource: "*",
                    Condition: { StringSoundsLike: { "aws:x": "y" } },
                },
                { Effect: "Allow", Action: "kms:*", Resource: "*" },
                "not a statement",
            ],
        });
        assert.match(parsed.error ?? "", /not an object/);
        assert.equal(
            evaluate(parsed, { principal: { kind: "anonymous" }, action: "kms:Decrypt" }),
            "ImplicitlyDenied",
        );
    });

    it("reports unreadable policies instead of throwing", () => {
        assert.match(parsePolicy("{not json").error ?? "", /not valid JSON/);
        assert.match(parsePolicy(42).error ?? "", /not a JSON object/);
        assert.match(parsePolicy([]).error ?? "", /not a JSON object/);
        assert.deepEqual(parsePolicy({}).statements, []);
    });

    it("finds the account a key policy administers", () => {
        assert.deepEqual(principalAccounts(parsePolicy(policies.exact)), ["111122223333"]);
        assert.deepEqual(principalAccounts(parsePolicy(policies.publicDecrypt)), []);
    });
});

describe("policypack/lib/config and location", () => {
    it("applies the defaults when the engine sends no configuration", () => {
        const defaults = readRuleOptions(KEY_RULES, undefined);
        assert.equal(defaults.allowMultiRegionKeys, false);
        assert.equal(defaults.allowMultiRegionTrailKeys, true);
        assert.equal(defaults.requireKeyRotation, true);
        assert.deepEqual(readExemptions(undefined), {
            exemptResourceNames: [],
            exemptUrnPatterns: [],
            exemptions: undefined,
            exemptionTags: true,
        });
        const read = readRuleOptions(KEY_RULES, {
            allowMultiRegionKeys: "yes",
            allowMultiRegionTrailKeys: false,
            requireKeyRotation: false,
        });
        assert.equal(read.allowMultiRegionKeys, false, "a malformed value reads as the default");
        assert.equal(read.allowMultiRegionTrailKeys, false);
        assert.equal(read.requireKeyRotation, false);
        assert.deepEqual(readExemptions({ exemptResourceNames: ["a", 3], exemptionTags: false }), {
            exemptResourceNames: ["a"],
            exemptUrnPatterns: [],
            exemptions: undefined,
            exemptionTags: false,
        });
    });

    it("exempts by resource name and by URN pattern, and nothing else", () => {
        const urn = "urn:pulumi:dev::app::aws:cloudwatch/logGroup:LogGroup::legacy";
        const exempt = (config: object, resource: { name: string; urn: string }): boolean =>
            statusOf(
                policyExemptions("log-encryption-key-usable", config),
                { ...resource, props: {} },
                "2026-01-01",
            ).active.length > 0;
        const cfg = {
            exemptResourceNames: ["old"],
            exemptUrnPatterns: ["urn:pulumi:dev::*::legacy"],
        };
        assert.equal(exempt(cfg, { name: "old", urn: "x" }), true);
        assert.equal(exempt(cfg, { name: "legacy", urn }), true);
        assert.equal(exempt(cfg, { name: "legacy", urn: urn.replace("dev", "prod") }), false);
        assert.equal(exempt({ exemptUrnPatterns: ["a.b"] }, { name: "x", urn: "axb" }), false);
    });

    it("derives partition and DNS suffix from the region", () => {
        assert.deepEqual(partitionOfRegion("us-east-1"), {
            partition: "aws",
            dnsSuffix: "amazonaws.com",
        });
        assert.deepEqual(partitionOfRegion("cn-north-1"), {
            partition: "aws-cn",
            dnsSuffix: "amazonaws.com.cn",
        });
        assert.deepEqual(partitionOfRegion("us-gov-west-1"), {
            partition: "aws-us-gov",
            dnsSuffix: "amazonaws.com",
        });
    });

    it("resolves a region from the resource, then its provider, then the stack config", () => {
        // The policies read the stack's configuration once (PULUMI_CONFIG) and pass it down.
        const regionOf = (type: string, props: unknown, provider: ProviderInfo | undefined) =>
            resolveRegion(type, props, provider, stackConfiguration());
        const provider = {
            type: "pulumi:providers:aws",
            name: "eu",
            props: { region: "eu-west-1" },
        };
        assert.deepEqual(regionOf("aws:kms/key:Key", { region: "ap-south-1" }, provider), {
            region: "ap-south-1",
            source: "its region input",
        });
        assert.deepEqual(regionOf("aws:kms/key:Key", {}, provider), {
            region: "eu-west-1",
            source: 'its provider "eu"',
        });
        assert.equal(
            regionOf("aws:kms/key:Key", { region: UNKNOWN_SENTINEL.string }, provider),
            UNKNOWN,
        );
        // An empty region input or provider region is no region: the next source decides.
        assert.deepEqual(regionOf("aws:kms/key:Key", { region: "" }, provider), {
            region: "eu-west-1",
            source: 'its provider "eu"',
        });
        assert.equal(
            regionOf("aws:kms/key:Key", {}, { ...provider, props: { region: "" } }),
            undefined,
        );
        assert.equal(
            regionOf(
                "aws:kms/key:Key",
                {},
                { ...provider, props: { region: UNKNOWN_SENTINEL.string } },
            ),
            UNKNOWN,
        );
        const before = process.env.PULUMI_CONFIG;
        try {
            process.env.PULUMI_CONFIG = JSON.stringify({
                "aws:region": "sa-east-1",
                "aws-native:region": "ca-central-1",
            });
            resetStackConfiguration();
            assert.deepEqual(regionOf("aws:kms/key:Key", {}, undefined), {
                region: "sa-east-1",
                source: "the stack's aws:region config",
            });
            assert.deepEqual(regionOf("aws-native:kms:Key", {}, undefined), {
                region: "ca-central-1",
                source: "the stack's aws-native:region config",
            });
            // An aws-native provider reads aws-native:region, whatever the resource's package.
            assert.deepEqual(
                regionOf(
                    "aws:kms/key:Key",
                    {},
                    {
                        type: "pulumi:providers:aws-native",
                        name: "native",
                        props: {},
                    },
                ),
                { region: "ca-central-1", source: "the stack's aws-native:region config" },
            );
            process.env.PULUMI_CONFIG = "not json";
            resetStackConfiguration();
            assert.equal(regionOf("aws:kms/key:Key", {}, undefined), undefined);
            // JSON that is not an object, and an empty region, say nothing (and never throw).
            for (const text of [
                "null",
                '["aws:region"]',
                "7",
                '{"aws:region": ""}',
                '{"aws:region": 7}',
            ]) {
                process.env.PULUMI_CONFIG = text;
                resetStackConfiguration();
                assert.equal(regionOf("aws:kms/key:Key", {}, undefined), undefined, text);
            }
        } finally {
            if (before === undefined) {
                delete process.env.PULUMI_CONFIG;
            } else {
                process.env.PULUMI_CONFIG = before;
            }
            resetStackConfiguration();
        }
    });

    it("reads a provider's single allowed account", () => {
        const p = (allowedAccountIds: unknown) => ({
            type: "pulumi:providers:aws",
            name: "p",
            props: { allowedAccountIds },
        });
        assert.equal(providerAccount(p(["111122223333"])), "111122223333");
        assert.equal(providerAccount(p('["111122223333"]')), "111122223333");
        // A bare id as the provider's config string (it would JSON-parse as a number).
        assert.equal(providerAccount(p("111122223333")), "111122223333");
        assert.equal(providerAccount(p("not-an-account")), undefined);
        assert.equal(providerAccount(p(["x111122223333"])), undefined);
        assert.equal(providerAccount(p(["1111222233334"])), undefined);
        assert.equal(providerAccount(p(["111122223333", "444455556666"])), undefined);
        assert.equal(providerAccount(undefined), undefined);
    });
});

describe("pulumi-aws-encrypted-logs/policypack (the package export)", () => {
    it("exports the three policies for reuse in another pack, without loading @pulumi/policy", () => {
        // A fresh process, so nothing else has loaded @pulumi/policy already.
        const script = `
            const reused = require("pulumi-aws-encrypted-logs/policypack");
            const names = [reused.logEncryptionKeyRequired, reused.logEncryptionKeyUsable, reused.logEncryptionUnverified].map((p) => p.name);
            const policyLoaded = Object.keys(require.cache).some((k) => /[\\/]@pulumi[\\/]policy[\\/]/.test(k));
            console.log(JSON.stringify({ names, policyLoaded }));`;
        const out = execFileSync(process.execPath, ["-e", script], {
            cwd: path.resolve(__dirname, "..", ".."),
            encoding: "utf8",
        });
        assert.deepEqual(JSON.parse(out), {
            names: [
                "log-encryption-key-required",
                "log-encryption-key-usable",
                "log-encryption-unverified",
            ],
            policyLoaded: false,
        });
    });
});
