/**
 * The catalogue's stack with every kind of target, key and key reference the pack distinguishes,
 * built group by group (references, key properties, policies, regions and accounts, key types,
 * indirections, detectors and trails) in one registration order.
 */
import { logGroupKeyPolicy } from "../components";
import { StackResource, secret, unknown } from "./policyHarness";
import {
    ACCOUNT,
    KeyOptions,
    StackBuilder,
    cloudTrailPolicy,
    detectorPolicy,
} from "./stackFixtures";

/**
 * Every kind of target, key and key reference in one stack: in a first preview (`deployed` false,
 * new keys' ARNs unknown) or after deploy.
 */
export function everyKind(deployed: boolean): StackResource[] {
    const s = new StackBuilder("us-east-1", "app", deployed ? "prod" : "dev");
    const existing = deployed;
    const key = (name: string, opts: KeyOptions = {}) => s.key(name, { existing, ...opts });
    keyReferences(s, key);
    keyProperties(s, key);
    keyPolicies(s, key);
    const west = regionsAndAccounts(s, key);
    keyTypes(s, key);
    keyIndirections(s, key);
    detectorsAndTrails(s, key, west);
    return s.resources;
}

/** A key of the catalogue stack: existing once deployed. */
type Key = (name: string, opts?: KeyOptions) => StackResource;

/**
 * Log groups whose key reference itself is right or wrong: a key of the stack, no key, values of
 * the wrong type, a secret, aliases, ids and ARNs of other services, regions and accounts.
 */
function keyReferences(s: StackBuilder, key: Key): void {
    s.logGroup("good", { key: key("good-key") });
    s.logGroup("no-key", {});
    s.logGroup("empty", { key: "" });
    s.logGroup("number", { key: 42 });
    s.logGroup("object", { key: { arn: "x" } });
    s.logGroup("secret", {
        key: secret(`arn:aws:kms:us-east-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`),
    });
    s.logGroup("alias-name", { key: "alias/app" });
    s.logGroup("alias-arn", { key: `arn:aws:kms:us-east-1:${ACCOUNT}:alias/app` });
    s.logGroup("bare-id", { key: "1234abcd-12ab-34cd-56ef-1234567890ab" });
    s.logGroup("not-kms", { key: `arn:aws:s3:::bucket/key/0f1e2d3c` });
    s.logGroup("no-account", {
        key: "arn:aws:kms:us-east-1::key/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0",
    });
    s.logGroup("no-region", {
        key: `arn:aws:kms::${ACCOUNT}:key/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0`,
    });
    s.logGroup("west-arn", {
        key: `arn:aws:kms:eu-west-1:${ACCOUNT}:key/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0`,
    });
    s.logGroup("other-account-arn", {
        key: "arn:aws:kms:us-east-1:444455556666:key/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0",
    });
    s.logGroup("mrk-arn", {
        key: `arn:aws:kms:us-east-1:${ACCOUNT}:key/mrk-1234abcd12ab34cd56ef1234567890ab`,
    });
}

/**
 * Log groups on keys of the stack whose properties decide: spec, usage, multi-Region, rotation,
 * key stores and origin, each known or unknown at preview.
 */
function keyProperties(s: StackBuilder, key: Key): void {
    s.logGroup("rsa", { key: key("rsa-key", { spec: "RSA_2048", policyFor: ["/app/rsa"] }) });
    s.logGroup("hmac", { key: key("hmac-key", { spec: "HMAC_256", policyFor: ["/app/hmac"] }) });
    s.logGroup("sign", {
        key: key("sign-key", { usage: "SIGN_VERIFY", policyFor: ["/app/sign"] }),
    });
    s.logGroup("spec-later", { key: key("spec-later-key", { spec: unknown() }) });
    s.logGroup("usage-later", { key: key("usage-later-key", { usage: unknown() }) });
    s.logGroup("mrk", { key: key("mrk-key", { multiRegion: true }) });
    s.logGroup("mrk-later", { key: key("mrk-later-key", { multiRegion: unknown("bool") }) });
    s.logGroup("no-rotation", { key: key("no-rotation-key", { rotation: false }) });
    s.logGroup("rotation-unset", { key: key("rotation-unset-key", { rotation: null }) });
    s.logGroup("rotation-later", { key: key("rotation-later-key", { rotation: unknown("bool") }) });
    s.logGroup("xks", {
        key: key("xks-key", {
            rotation: false,
            extra: { xksKeyId: "xks-1", customKeyStoreId: "cks-1" },
        }),
    });
    s.logGroup("imported", {
        key: key("imported-key", { rotation: false, extra: { origin: "EXTERNAL" } }),
    });
    s.logGroup("store-later", {
        key: key("store-later-key", { rotation: false, extra: { customKeyStoreId: unknown() } }),
    });
}

/**
 * Log groups on keys whose policy decides: none, garbled, unknown, for other groups or services,
 * open to everyone, unscoped.
 */
function keyPolicies(s: StackBuilder, key: Key): void {
    s.logGroup("no-policy", { key: key("no-policy-key", { policy: null }) });
    s.logGroup("garbled", { key: key("garbled-key", { policy: "{not json" }) });
    s.logGroup("policy-later", { key: key("policy-later-key", { policy: unknown() }) });
    s.logGroup("elsewhere", { key: key("elsewhere-key", { policyFor: ["/app/somewhere-else"] }) });
    s.logGroup("detector-policy", {
        key: key("detector-policy-key", { policy: detectorPolicy("us-east-1") }),
    });
    const open = logGroupKeyPolicy({
        partition: "aws",
        dnsSuffix: "amazonaws.com",
        region: "us-east-1",
        accountId: ACCOUNT,
        logGroupNames: ["/app/public"],
    });
    open.Statement.push({
        Sid: "Open",
        Effect: "Allow",
        Principal: { AWS: "*" },
        Action: ["kms:Decrypt", "kms:ReEncrypt*"],
        Resource: "*",
    });
    s.logGroup("public", { key: key("public-key", { policy: open }) });
    const unscoped = {
        Version: "2012-10-17",
        Statement: [
            {
                Effect: "Allow",
                Principal: { Service: ["logs.us-east-1.amazonaws.com"] },
                Action: [
                    "kms:Encrypt*",
                    "kms:Decrypt*",
                    "kms:ReEncrypt*",
                    "kms:GenerateDataKey*",
                    "kms:Describe*",
                ],
                Resource: "*",
            },
        ],
    };
    s.logGroup("unscoped", { key: key("unscoped-key", { policy: unscoped }) });
}

/**
 * Log groups whose region or account decides: a key in another region, providers pinned to
 * accounts, regions unknown at preview, and groups without a provider (an empty key store sits
 * here too, in its place in the registration order); returns the `west` (eu-west-1) provider.
 */
function regionsAndAccounts(s: StackBuilder, key: Key): string {
    const west = s.provider("west", "eu-west-1");
    s.logGroup("other-region", { key: key("west-key", { provider: west }) });
    s.logGroup("region-input", { key: key("region-input-key", { region: "eu-west-1" }) });
    // A provider pinned to one account (allowedAccountIds) makes the account known at preview.
    const otherAccountPolicy = (group: string) =>
        logGroupKeyPolicy({
            partition: "aws",
            dnsSuffix: "amazonaws.com",
            region: "us-east-1",
            accountId: "444455556666",
            logGroupNames: [`/app/${group}`],
        });
    s.logGroup("account-unknown", {
        key: key("account-unknown-key", { policy: otherAccountPolicy("account-unknown") }),
    });
    for (const [name, allowedAccountIds] of [
        ["pinned", [ACCOUNT]],
        ["pinned-json", JSON.stringify([ACCOUNT])],
        ["pinned-plain", ACCOUNT],
        ["pinned-two", [ACCOUNT, "444455556666"]],
        ["pinned-short", ["12345"]],
    ] as const) {
        const urn = s.urn("pulumi:providers:aws", name);
        s.add({
            urn,
            type: "pulumi:providers:aws",
            name,
            inputs: { region: "us-east-1", allowedAccountIds },
            parent: s.stackUrn,
        });
        s.logGroup(name, {
            provider: urn,
            key: key(`${name}-key`, { provider: urn, policy: otherAccountPolicy(name) }),
        });
    }
    const later = s.provider("later", unknown());
    s.logGroup("no-key-region-later", { provider: later });
    s.logGroup("group-region-later", { provider: later, key: key("group-region-later-key") });
    s.logGroup("xks-empty", {
        key: key("xks-empty-key", {
            rotation: false,
            extra: { xksKeyId: "", customKeyStoreId: "", origin: "AWS_KMS" },
        }),
    });
    s.add({
        urn: s.urn("aws:cloudwatch/logGroup:LogGroup", "no-key-no-provider"),
        type: "aws:cloudwatch/logGroup:LogGroup",
        name: "no-key-no-provider",
        inputs: { name: "/app/no-key-no-provider" },
        parent: s.stackUrn,
    });
    s.logGroup("region-later", { key: key("region-later-key", { provider: later }) });
    return west;
}

/**
 * For each KMS key type other than `aws:kms/key:Key`, groups on a key of that type: plain, RSA,
 * rotation off, no policy, and an aws-native group on it.
 */
function keyTypes(s: StackBuilder, key: Key): void {
    for (const type of [
        "aws:kms/externalKey:ExternalKey",
        "aws:kms/replicaKey:ReplicaKey",
        "aws:kms/replicaExternalKey:ReplicaExternalKey",
        "aws-native:kms:Key",
        "aws-native:kms:ReplicaKey",
    ]) {
        const name = `${type.startsWith("aws-native:") ? "native-" : ""}${type.split(/[:/]/).slice(-1)[0].toLowerCase()}`;
        s.logGroup(name, { key: key(`${name}-key`, { type }) });
        // What the type table decides: where the spec and the policy are, rotation, multi-Region.
        s.logGroup(`${name}-rsa`, {
            key: key(`${name}-rsa-key`, {
                type,
                policyFor: [`/app/${name}-rsa`],
                extra: { keySpec: "RSA_2048" },
            }),
        });
        s.logGroup(`${name}-no-rotation`, {
            key: key(`${name}-no-rotation-key`, {
                type,
                rotation: false,
                policyFor: [`/app/${name}-no-rotation`],
            }),
        });
        s.logGroup(`${name}-no-policy`, {
            key: key(`${name}-no-policy-key`, { type, policy: null }),
        });
        s.nativeLogGroup(`ng-${name}`, {
            key: key(`ng-${name}-key`, { type, policyFor: [`/app/ng-${name}`] }),
        });
    }
}

/**
 * Log groups reaching their key indirectly: through aliases, a separate key policy, a stack
 * reference, two candidate keys, a dependency only, or a key missing from the stack.
 */
function keyIndirections(s: StackBuilder, key: Key): void {
    const aliased = key("aliased-key", { policyFor: ["/app/via-alias", "/app/via-native-alias"] });
    s.logGroup("via-alias", { key: s.alias("app", aliased), propertyDependency: true });
    s.logGroup("via-native-alias", {
        key: s.add({
            urn: s.urn("aws-native:kms:Alias", "native-app"),
            type: "aws-native:kms:Alias",
            name: "native-app",
            inputs: { aliasName: "alias/native-app", targetKeyId: s.arnOf(aliased) },
            outputs: { aliasName: "alias/native-app", targetKeyId: s.arnOf(aliased) },
            parent: s.stackUrn,
            dependencies: [aliased.urn],
            propertyDependencies: { targetKeyId: [aliased.urn] },
        }),
        propertyDependency: true,
    });
    const replaced = key("replaced-key", { policy: null });
    s.keyPolicy(
        "replaced-policy",
        replaced,
        logGroupKeyPolicy({
            partition: "aws",
            dnsSuffix: "amazonaws.com",
            region: "us-east-1",
            accountId: ACCOUNT,
            logGroupNames: ["/app/policy-replaced"],
        }),
    );
    s.logGroup("policy-replaced", { key: replaced });
    const ref = s.stackReference("security/keys/prod");
    s.logGroup("shared", { key: unknown(), keyDependsOn: [ref.urn] });
    const a = key("a-key");
    const b = key("b-key");
    s.logGroup("two-keys", { key: unknown(), keyDependsOn: [a.urn, b.urn] });
    s.logGroup("dependency-only", { key: key("dependency-only-key"), propertyDependency: false });
    s.add({
        urn: s.urn("aws:cloudwatch/logGroup:LogGroup", "orphan"),
        type: "aws:cloudwatch/logGroup:LogGroup",
        name: "orphan",
        inputs: { kmsKeyId: unknown() },
        propertyDependencies: { kmsKeyId: [s.urn("aws:kms/key:Key", "missing")] },
    });
}

/**
 * Anomaly detectors and CloudTrail trails (aws and aws-native) with and without keys, their
 * buckets in the `west` provider's region and of other bucket types.
 */
function detectorsAndTrails(s: StackBuilder, key: Key, west: string): void {
    s.detector("detector", { key: key("detector-key", { policy: detectorPolicy("us-east-1") }) });
    s.detector("detector-logs-policy", { key: key("detector-logs-policy-key") });
    s.detector("detector-no-key", {});
    const bucket = s.bucket("trail-logs");
    s.trail("trail", bucket, { key: key("trail-key", { policy: cloudTrailPolicy() }) });
    s.trail("trail-logs-policy", bucket, { key: key("trail-logs-policy-key") });
    s.trail("trail-no-key", bucket, {});
    const westBucket = s.bucket("west-logs", { provider: west });
    s.trail("trail-west-bucket", westBucket, {
        key: key("trail-east-key", { policy: cloudTrailPolicy() }),
    });
    for (const [type, nameProperty] of [
        ["aws:s3/bucketV2:BucketV2", "bucket"],
        ["aws-native:s3:Bucket", "bucketName"],
    ] as const) {
        const short = type.split(":")[1].replace("/", "-");
        const b2 = s.add({
            urn: s.urn(type, `${short}-logs`),
            type,
            name: `${short}-logs`,
            inputs: { [nameProperty]: `${short}-logs-bucket`, region: "eu-west-1" },
            parent: s.stackUrn,
            provider: s.defaultProvider,
        });
        s.trail(`trail-${short}`, b2, {
            key: key(`trail-${short}-key`, { policy: cloudTrailPolicy() }),
        });
    }
    s.add({
        urn: s.urn("aws-native:cloudtrail:Trail", "native-trail"),
        type: "aws-native:cloudtrail:Trail",
        name: "native-trail",
        inputs: { trailName: "native-trail", s3BucketName: "trail-logs-bucket" },
        parent: s.stackUrn,
    });
    s.add({
        urn: s.urn("aws-native:cloudtrail:Trail", "native-trail-keyed"),
        type: "aws-native:cloudtrail:Trail",
        name: "native-trail-keyed",
        inputs: {
            trailName: "native-trail-keyed",
            s3BucketName: "trail-logs-bucket",
            kmsKeyId: `arn:aws:kms:us-east-1:${ACCOUNT}:key/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0`,
        },
        parent: s.stackUrn,
    });
}
