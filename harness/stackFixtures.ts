/**
 * Builders for fixture stacks: resources with the URNs, parents, providers, dependencies and
 * property dependencies the engine would send, one builder per resource kind. A key created in
 * the same preview has unknown `arn`/`keyId` outputs, and a log group using it has an unknown
 * `kmsKeyId` whose property dependency is the key, exactly as in a real first preview.
 */
import { logGroupKeyPolicy } from "../components";
import { SecretValue, StackResource, UnknownValue, unknown } from "./policyHarness";
import { uuidFrom } from "../testing/mockEngine";
import { ACCOUNT } from "./keyPolicyFixtures";

export {
    ACCOUNT,
    adminOnlyPolicy,
    cloudTrailPolicy,
    detectorPolicy,
    publishedLogsKeyFacts,
} from "./keyPolicyFixtures";

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
    readonly key?: StackResource | string | UnknownValue | number | object;
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
    readonly resources: StackResource[] = [];
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

    add(r: StackResource): StackResource {
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
    key(name: string, opts: KeyOptions = {}): StackResource {
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
    arnOf(key: StackResource): string | UnknownValue {
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
    ): StackResource {
        const key = opts.key;
        const isFixture =
            typeof key === "object" &&
            key !== null &&
            "urn" in (key as object) &&
            "type" in (key as object);
        const keyValue = isFixture ? this.arnOf(key as StackResource) : key;
        const keyUrns = isFixture ? [(key as StackResource).urn] : [];
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
    logGroup(name: string, opts: TargetOptions = {}): StackResource {
        return this.target(
            "aws:cloudwatch/logGroup:LogGroup",
            name,
            { name: `/app/${name}`, retentionInDays: 90, skipDestroy: true },
            opts,
        );
    }

    /** An `aws-native:logs:LogGroup`. */
    nativeLogGroup(name: string, opts: TargetOptions = {}): StackResource {
        return this.target(
            "aws-native:logs:LogGroup",
            name,
            { logGroupName: `/app/${name}`, retentionInDays: 90 },
            opts,
        );
    }

    /** An `aws:cloudwatch/logAnomalyDetector:LogAnomalyDetector`. */
    detector(name: string, opts: TargetOptions = {}): StackResource {
        return this.target(
            "aws:cloudwatch/logAnomalyDetector:LogAnomalyDetector",
            name,
            { detectorName: name, logGroupArnLists: [unknown()], enabled: true },
            opts,
        );
    }

    /** An S3 bucket (`aws:s3/bucket:Bucket`). */
    bucket(name: string, opts: { region?: string; provider?: string } = {}): StackResource {
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
    trail(name: string, bucket: StackResource | string, opts: TargetOptions = {}): StackResource {
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
    ): StackResource {
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
    alias(name: string, key: StackResource): StackResource {
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
    keyPolicy(name: string, key: StackResource, policy: object | string): StackResource {
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
    stackReference(name: string, outputs?: Record<string, unknown>): StackResource {
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
