/**
 * Builders for fixture stacks: resources with the URNs, parents, providers, dependencies and
 * property dependencies the engine would send, one builder per resource kind. A key created in
 * the same preview has unknown `arn`/`keyId` outputs, and a log group using it has an unknown
 * `kmsKeyId` whose property dependency is the key, exactly as in a real first preview.
 */
import {
    KEY_FACTS_KIND,
    PublishedKeyFacts,
    anomalyDetectorKeyPolicy,
    cloudTrailKeyPolicy,
    eventDataStoreKeyPolicy,
    logGroupKeyPolicy,
    logsKeyPolicy,
} from "../components";
import { FixtureResource, SecretValue, UnknownValue, secret, unknown } from "./policyHarness";
import { logDestinationStack } from "./destinationFixtures";
import { uuidFrom } from "./mockEngine";

export const ACCOUNT = "111122223333";

/** Options of {@link StackBuilder.key}. */
export interface KeyOptions {
    readonly type?: string;
    /** `customerMasterKeySpec` (or `keySpec` for aws-native). Omitted: the provider default (symmetric). */
    readonly spec?: string | UnknownValue;
    readonly usage?: string | UnknownValue;
    readonly multiRegion?: boolean | UnknownValue;
    /** @default true */
    readonly rotation?: boolean | UnknownValue | null;
    /** A policy object or string; `null` for no policy. @default a logGroupKeyPolicy for `policyFor` */
    readonly policy?: object | string | UnknownValue | null;
    /** Log group names the default policy is for. */
    readonly policyFor?: readonly string[];
    /** Region input of the key. */
    readonly region?: string;
    /** Provider URN. */
    readonly provider?: string;
    /** Already deployed: `arn`, `keyId` known in its outputs. @default false (new: unknown at preview) */
    readonly existing?: boolean;
    readonly extra?: Record<string, unknown>;
    readonly parent?: string;
}

/** Options of a log group, detector or trail. */
export interface TargetOptions {
    /** The key: a key fixture (reference its ARN: unknown if new), a literal value, or absent. */
    readonly key?: FixtureResource | string | UnknownValue | number | object;
    /** Send the key's property dependency. @default true when `key` is a fixture */
    readonly propertyDependency?: boolean;
    /** Also list the key in `dependencies`. @default true when `key` is a fixture */
    readonly dependency?: boolean;
    /** Extra property dependencies of the key property (e.g. a StackReference). */
    readonly keyDependsOn?: readonly string[];
    readonly region?: string;
    readonly provider?: string;
    readonly parent?: string;
    readonly extra?: Record<string, unknown>;
}

/** Builds a fixture stack resource by resource, in registration order. */
export class StackBuilder {
    readonly resources: FixtureResource[] = [];
    readonly stackUrn: string;
    readonly defaultProvider: string;

    constructor(
        readonly region = "us-east-1",
        readonly project = "app",
        readonly stack = "dev",
        private readonly partition = { partition: "aws", dnsSuffix: "amazonaws.com" },
    ) {
        this.stackUrn = this.urn("pulumi:pulumi:Stack", `${project}-${stack}`);
        this.add({
            urn: this.stackUrn,
            type: "pulumi:pulumi:Stack",
            name: `${project}-${stack}`,
            inputs: {},
        });
        this.defaultProvider = this.provider("default_7_48_0", region);
    }

    /** `urn:pulumi:<stack>::<project>::<type chain>::<name>`. */
    urn(type: string, name: string, parent?: string): string {
        const parentType =
            parent === undefined || parent === this.stackUrn ? "" : `${parent.split("::")[2]}$`;
        return `urn:pulumi:${this.stack}::${this.project}::${parentType}${type}::${name}`;
    }

    add(r: FixtureResource): FixtureResource {
        this.resources.push(r);
        return r;
    }

    /** An AWS provider (`pulumi:providers:aws`) with a region; returns its URN. */
    provider(name: string, region?: string | UnknownValue, type = "pulumi:providers:aws"): string {
        const urn = this.urn(type, name);
        this.add({
            urn,
            type,
            name,
            inputs: region === undefined ? {} : { region, skipCredentialsValidation: false },
            parent: this.stackUrn,
        });
        return urn;
    }

    /** A KMS key; new at preview unless `existing`. */
    key(name: string, opts: KeyOptions = {}): FixtureResource {
        const type = opts.type ?? "aws:kms/key:Key";
        const native = type.startsWith("aws-native:");
        const region = opts.region ?? this.regionOf(opts.provider);
        const policy =
            opts.policy === undefined
                ? logGroupKeyPolicy({
                      ...this.partition,
                      region,
                      accountId: ACCOUNT,
                      logGroupNames: [...(opts.policyFor ?? [`/app/${name.replace(/-key$/, "")}`])],
                  })
                : opts.policy;
        const inputs: Record<string, unknown> = {
            description: `key ${name}`,
            ...(opts.spec === undefined
                ? {}
                : { [native ? "keySpec" : "customerMasterKeySpec"]: opts.spec }),
            ...(opts.usage === undefined ? {} : { keyUsage: opts.usage }),
            ...(opts.multiRegion === undefined ? {} : { multiRegion: opts.multiRegion }),
            ...(opts.rotation === null ? {} : { enableKeyRotation: opts.rotation ?? true }),
            ...(policy === null
                ? {}
                : {
                      [native ? "keyPolicy" : "policy"]:
                          typeof policy === "object" && !(policy instanceof UnknownValue) && !native
                              ? JSON.stringify(policy)
                              : policy,
                  }),
            ...(opts.region === undefined ? {} : { region: opts.region }),
            ...opts.extra,
        };
        const keyId =
            opts.multiRegion === true ? `mrk-${uuidFrom(name).replace(/-/g, "")}` : uuidFrom(name);
        const outputs = opts.existing
            ? {
                  ...inputs,
                  arn: `arn:${this.partition.partition}:kms:${region}:${ACCOUNT}:key/${keyId}`,
                  keyId,
                  id: keyId,
              }
            : { ...inputs, arn: unknown(), keyId: unknown(), id: unknown() };
        return this.add({
            urn: this.urn(type, name, opts.parent),
            type,
            name,
            inputs,
            outputs,
            parent: opts.parent ?? this.stackUrn,
            provider: opts.provider ?? this.providerFor(type),
        });
    }

    /** The value a resource gets when it references `key`'s ARN. */
    arnOf(key: FixtureResource): string | UnknownValue {
        const arn = (key.outputs ?? key.inputs).arn;
        return typeof arn === "string" ? arn : unknown();
    }

    private providerFor(type: string): string {
        if (type.startsWith("aws-native:")) {
            return (
                this.nativeProvider ??
                (this.nativeProvider = this.provider(
                    "default_1_0_0",
                    this.region,
                    "pulumi:providers:aws-native",
                ))
            );
        }
        return this.defaultProvider;
    }
    private nativeProvider?: string;

    /** The region a provider URN was given. */
    regionOf(provider: string | undefined): string {
        const p = this.resources.find((r) => r.urn === (provider ?? this.defaultProvider));
        const region = p?.inputs.region;
        return typeof region === "string" ? region : this.region;
    }

    private target(
        type: string,
        name: string,
        props: Record<string, unknown>,
        opts: TargetOptions,
    ): FixtureResource {
        const key = opts.key;
        const isFixture =
            typeof key === "object" &&
            key !== null &&
            "urn" in (key as object) &&
            "type" in (key as object);
        const keyValue = isFixture ? this.arnOf(key as FixtureResource) : key;
        const keyUrns = isFixture ? [(key as FixtureResource).urn] : [];
        const propDeps = [
            ...((opts.propertyDependency ?? isFixture) ? keyUrns : []),
            ...(opts.keyDependsOn ?? []),
        ];
        const deps = [
            ...((opts.dependency ?? isFixture) ? keyUrns : []),
            ...(opts.keyDependsOn ?? []),
        ];
        const inputs: Record<string, unknown> = {
            ...props,
            ...(keyValue === undefined ? {} : { kmsKeyId: keyValue }),
            ...(opts.region === undefined ? {} : { region: opts.region }),
            ...opts.extra,
        };
        return this.add({
            urn: this.urn(type, name, opts.parent),
            type,
            name,
            inputs,
            outputs: { ...inputs, arn: unknown(), id: unknown() },
            parent: opts.parent ?? this.stackUrn,
            provider: opts.provider ?? this.providerFor(type),
            dependencies: [...new Set(deps)],
            propertyDependencies: propDeps.length > 0 ? { kmsKeyId: propDeps } : {},
        });
    }

    /** An `aws:cloudwatch/logGroup:LogGroup` named `/app/<name>`. */
    logGroup(name: string, opts: TargetOptions = {}): FixtureResource {
        return this.target(
            "aws:cloudwatch/logGroup:LogGroup",
            name,
            { name: `/app/${name}`, retentionInDays: 90, skipDestroy: true },
            opts,
        );
    }

    /** An `aws-native:logs:LogGroup`. */
    nativeLogGroup(name: string, opts: TargetOptions = {}): FixtureResource {
        return this.target(
            "aws-native:logs:LogGroup",
            name,
            { logGroupName: `/app/${name}`, retentionInDays: 90 },
            opts,
        );
    }

    /** An `aws:cloudwatch/logAnomalyDetector:LogAnomalyDetector`. */
    detector(name: string, opts: TargetOptions = {}): FixtureResource {
        return this.target(
            "aws:cloudwatch/logAnomalyDetector:LogAnomalyDetector",
            name,
            { detectorName: name, logGroupArnLists: [unknown()], enabled: true },
            opts,
        );
    }

    /** An S3 bucket (`aws:s3/bucket:Bucket`). */
    bucket(name: string, opts: { region?: string; provider?: string } = {}): FixtureResource {
        const inputs = {
            bucket: `${name}-bucket`,
            ...(opts.region === undefined ? {} : { region: opts.region }),
        };
        return this.add({
            urn: this.urn("aws:s3/bucket:Bucket", name),
            type: "aws:s3/bucket:Bucket",
            name,
            inputs,
            outputs: { ...inputs, arn: unknown() },
            parent: this.stackUrn,
            provider: opts.provider ?? this.defaultProvider,
        });
    }

    /** An `aws:cloudtrail/trail:Trail` writing to `bucket`. */
    trail(
        name: string,
        bucket: FixtureResource | string,
        opts: TargetOptions = {},
    ): FixtureResource {
        const bucketName = typeof bucket === "string" ? bucket : (bucket.inputs.bucket as string);
        const r = this.target(
            "aws:cloudtrail/trail:Trail",
            name,
            { name, s3BucketName: bucketName, isMultiRegionTrail: true },
            opts,
        );
        if (typeof bucket !== "string") {
            (r.propertyDependencies as Record<string, string[]>).s3BucketName = [bucket.urn];
        }
        return r;
    }

    /**
     * A CloudTrail Lake event data store as EncryptedEventDataStore registers it
     * (`aws:cloudtrail/eventDataStore:EventDataStore`, or with `native` its AWS Native twin).
     */
    eventDataStore(
        name: string,
        opts: TargetOptions & { readonly native?: boolean } = {},
    ): FixtureResource {
        const { native, ...rest } = opts;
        return this.target(
            native === true
                ? "aws-native:cloudtrail:EventDataStore"
                : "aws:cloudtrail/eventDataStore:EventDataStore",
            name,
            {
                name,
                multiRegionEnabled: true,
                retentionPeriod: 2557,
                terminationProtectionEnabled: true,
            },
            rest,
        );
    }

    /** An `aws:kms/alias:Alias` for `key`. */
    alias(name: string, key: FixtureResource): FixtureResource {
        const inputs = { name: `alias/${name}`, targetKeyId: unknown() };
        return this.add({
            urn: this.urn("aws:kms/alias:Alias", name),
            type: "aws:kms/alias:Alias",
            name,
            inputs,
            outputs: { ...inputs, arn: unknown(), targetKeyArn: unknown() },
            parent: this.stackUrn,
            provider: this.defaultProvider,
            dependencies: [key.urn],
            propertyDependencies: { targetKeyId: [key.urn] },
        });
    }

    /** A stand-alone `aws:kms/keyPolicy:KeyPolicy` for `key`. */
    keyPolicy(name: string, key: FixtureResource, policy: object | string): FixtureResource {
        const inputs = {
            // `keyId: key.id`: known once the key exists, unknown in the preview that creates it.
            keyId: this.arnOf(key),
            policy: typeof policy === "string" ? policy : JSON.stringify(policy),
        };
        return this.add({
            urn: this.urn("aws:kms/keyPolicy:KeyPolicy", name),
            type: "aws:kms/keyPolicy:KeyPolicy",
            name,
            inputs,
            parent: this.stackUrn,
            provider: this.defaultProvider,
            dependencies: [key.urn],
            propertyDependencies: { keyId: [key.urn] },
        });
    }

    /**
     * A stack reference, read at preview as the engine's builtin provider answers the read of a
     * `pulumi:pulumi:StackReference`: outputs `{ name, outputs, secretOutputNames }` (pulumi/pulumi
     * `pkg/resource/deploy/builtins.go`, `readStackReference`), where `secretOutputNames` lists
     * the outputs that hold secrets. Without `outputs`: one output `keyArn` unknown at preview.
     */
    stackReference(name: string, outputs?: Record<string, unknown>): FixtureResource {
        const secretOutputNames = Object.entries(outputs ?? {})
            .filter(([, v]) => containsSecret(v))
            .map(([k]) => k)
            .sort();
        return this.add({
            urn: this.urn("pulumi:pulumi:StackReference", name),
            type: "pulumi:pulumi:StackReference",
            name,
            inputs: { name },
            outputs:
                outputs === undefined
                    ? { name, outputs: { keyArn: unknown() } }
                    : { name, outputs, secretOutputNames },
            parent: this.stackUrn,
        });
    }
}

/** Whether a fixture value holds a secret anywhere inside it (the engine's `HasSecrets`). */
function containsSecret(value: unknown): boolean {
    if (value instanceof SecretValue) {
        return true;
    }
    if (value !== null && typeof value === "object") {
        return Object.values(value).some(containsSecret);
    }
    return false;
}

/**
 * Key facts as `LogsKey.facts` publishes them (`aws/keyFactsContract.ts`): a
 * symmetric, rotating, single-Region key in `region` of {@link ACCOUNT} whose policy lets every
 * log group of the account use it (`logsKeyPolicy` with `accountWide`), with `overrides`.
 */
export function publishedLogsKeyFacts(
    name: string,
    region = "us-east-1",
    overrides: Partial<Record<keyof PublishedKeyFacts, unknown>> = {},
): Record<string, unknown> {
    return {
        kind: KEY_FACTS_KIND,
        arn: `arn:aws:kms:${region}:${ACCOUNT}:key/${uuidFrom(name)}`,
        region,
        keySpec: "SYMMETRIC_DEFAULT",
        keyUsage: "ENCRYPT_DECRYPT",
        multiRegion: false,
        enableKeyRotation: true,
        policy: JSON.stringify(
            logsKeyPolicy({
                partition: "aws",
                dnsSuffix: "amazonaws.com",
                region,
                accountId: ACCOUNT,
                accountWide: true,
            }),
        ),
        ...overrides,
    };
}

/** The anomaly-detector key policy of `region` (the package's builder). */
export function detectorPolicy(region: string): object {
    return anomalyDetectorKeyPolicy({
        partition: "aws",
        dnsSuffix: "amazonaws.com",
        region,
        accountId: ACCOUNT,
    });
}

/** A key policy that only lets the account administer the key: it grants no service anything. */
export function adminOnlyPolicy(account = ACCOUNT): {
    Version: string;
    Statement: Record<string, unknown>[];
} {
    return {
        Version: "2012-10-17",
        Statement: [
            {
                Sid: "Admin",
                Effect: "Allow",
                Principal: { AWS: `arn:aws:iam::${account}:root` },
                Action: "kms:*",
                Resource: "*",
            },
        ],
    };
}

/**
 * The three statements of https://docs.aws.amazon.com/awscloudtrail/latest/userguide/encrypting-cloudtrail-log-files-with-aws-kms.html
 * for a CloudTrail key (plus administration).
 */
export function cloudTrailPolicy(account = ACCOUNT): object {
    return {
        Version: "2012-10-17",
        Statement: [
            {
                Sid: "KeyAdministration",
                Effect: "Allow",
                Principal: { AWS: `arn:aws:iam::${account}:root` },
                Action: "kms:*",
                Resource: "*",
            },
            {
                Sid: "AllowCloudTrailDescribeKey",
                Effect: "Allow",
                Principal: { Service: "cloudtrail.amazonaws.com" },
                Action: "kms:DescribeKey",
                Resource: "*",
            },
            {
                Sid: "AllowCloudTrailEncrypt",
                Effect: "Allow",
                Principal: { Service: "cloudtrail.amazonaws.com" },
                Action: "kms:GenerateDataKey*",
                Resource: "*",
                Condition: {
                    StringLike: {
                        "kms:EncryptionContext:aws:cloudtrail:arn": `arn:aws:cloudtrail:*:${account}:trail/*`,
                    },
                },
            },
            {
                Sid: "AllowCloudTrailLogDecrypt",
                Effect: "Allow",
                Principal: { AWS: `arn:aws:iam::${account}:role/auditor` },
                Action: "kms:Decrypt",
                Resource: "*",
                Condition: { Null: { "kms:EncryptionContext:aws:cloudtrail:arn": "false" } },
            },
        ],
    };
}

/**
 * Stacks with every kind of target, key, alias, bucket and key reference the pack distinguishes,
 * right and wrong, in a first preview (new keys: ARNs unknown) and after deploy: the pack's whole
 * vocabulary of diagnostics, for the word-for-word test and the in-process fidelity test.
 */
export function catalogueStacks(): Record<string, FixtureResource[]> {
    return {
        "first preview": everyKind(false),
        "after deploy": everyKind(true),
        "aws-cn": otherPartition(),
        "log destinations": logDestinationStack(),
        "event data stores": eventDataStores(),
    };
}

/** CloudTrail Lake event data stores (aws and aws-native), right and wrong, in a first preview. */
function eventDataStores(): FixtureResource[] {
    const s = new StackBuilder("us-east-1", "app", "lake");
    const where = {
        partition: "aws",
        region: "us-east-1",
        accountId: ACCOUNT,
        dnsSuffix: "amazonaws.com",
    };
    const storeKey = (name: string, opts: KeyOptions = {}) =>
        s.key(name, { policy: eventDataStoreKeyPolicy(where), ...opts });
    s.eventDataStore("lake", { key: storeKey("lake-key") });
    s.eventDataStore("lake-no-key");
    s.eventDataStore("lake-native-no-key", { native: true });
    s.eventDataStore("lake-trail-key", {
        key: s.key("lake-trail-key-key", {
            policy: cloudTrailKeyPolicy({ ...where, trailName: "audit" }),
        }),
    });
    s.eventDataStore("lake-no-policy", { key: s.key("lake-no-policy-key", { policy: null }) });
    s.eventDataStore("lake-rsa", { key: storeKey("lake-rsa-key", { spec: "RSA_2048" }) });
    const eu = s.provider("eu", "eu-west-1");
    s.eventDataStore("lake-far", { key: storeKey("lake-far-key", { provider: eu }) });
    return s.resources;
}

function everyKind(deployed: boolean): FixtureResource[] {
    const s = new StackBuilder("us-east-1", "app", deployed ? "prod" : "dev");
    const existing = deployed;
    const key = (name: string, opts: KeyOptions = {}) => s.key(name, { existing, ...opts });
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
    return s.resources;
}

function otherPartition(): FixtureResource[] {
    const partition = { partition: "aws-cn", dnsSuffix: "amazonaws.com.cn" };
    const s = new StackBuilder("cn-north-1", "app", "china", partition);
    s.logGroup("no-key", {});
    s.logGroup("good", { key: s.key("good-key") });
    s.logGroup("us-policy", {
        key: s.key("us-policy-key", { policy: detectorPolicy("us-east-1") }),
    });
    s.logGroup("us-arn", {
        key: `arn:aws:kms:us-east-1:${ACCOUNT}:key/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0`,
    });
    s.trail("trail", s.bucket("trail-logs"), {
        key: s.key("trail-key", { policy: cloudTrailPolicy() }),
    });
    return s.resources;
}

/** Pack configurations (as `Configure` sends them) for the catalogue; `{}`: none, the defaults. */
export const CATALOGUE_CONFIGS: Record<
    string,
    Record<string, { enforcementLevel?: string; [k: string]: unknown }>
> = {
    defaults: {},
    "exemptions, levels, options": {
        "log-encryption-key-required": {
            enforcementLevel: "advisory",
            exemptResourceNames: ["no-key"],
        },
        "log-encryption-key-usable": {
            enforcementLevel: "remediate",
            allowMultiRegionKeys: true,
            requireKeyRotation: false,
            exemptUrnPatterns: ["*::rsa", "*Trail::trail-*"],
        },
        "log-encryption-key-verifiable": { enforcementLevel: "mandatory" },
    },
    "usable disabled": {
        "log-encryption-key-usable": { enforcementLevel: "disabled" },
        "log-encryption-key-verifiable": { exemptUrnPatterns: ["*shared"] },
    },
};
