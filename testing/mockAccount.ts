/**
 * What the mock engine answers with for the aws provider: the accounts it can stand in (partition,
 * region, account id), a new resource's inputs as the provider's Check returns them, and a deployed
 * resource's id and outputs.
 */
import { createHash } from "node:crypto";
import { autonameRule, withAutoname } from "../engine/autoname";
import { partitionOf } from "../engine/awsResources";
import { schemaFacts } from "../engine/schema";

/** A partition/region/account the mocks answer with. */
export interface MockAccount {
    readonly partition: string;
    readonly region: string;
    readonly accountId: string;
    readonly dnsSuffix: string;
}

export const COMMERCIAL: MockAccount = {
    partition: "aws",
    region: "us-east-1",
    accountId: "111122223333",
    dnsSuffix: "amazonaws.com",
};
export const CHINA: MockAccount = {
    partition: "aws-cn",
    region: "cn-north-1",
    accountId: "444455556666",
    dnsSuffix: "amazonaws.com.cn",
};
export const GOVCLOUD: MockAccount = {
    partition: "aws-us-gov",
    region: "us-gov-west-1",
    accountId: "777788889999",
    dnsSuffix: "amazonaws.com",
};

/** The organisation id `aws.organizations.getOrganization` answers with. */
export const MOCK_ORGANIZATION_ID = "o-a1b2c3d4e5";

/** The partition and DNS suffix of a region, as AWS assigns them (the offline provider's rule). */
export const partitionOfRegion: (region: string) => { partition: string; dnsSuffix: string } =
    partitionOf;

/** A deterministic UUID from a seed, so ARNs are stable across runs. */
export function uuidFrom(seed: string): string {
    const h = createHash("sha256").update(seed).digest("hex");
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * A new aws resource's inputs as the aws provider's Check returns them: the name it generates when
 * the program leaves it unset (`<name>-<7 hex>`, the same rule and code as the offline provider
 * the real-CLI suite runs, engine/autoname.ts), from a seed fixed by type and name here (the
 * engine's `randomSeed` in a real run), so a check and a second run agree.
 */
export function checkedByProvider(
    type: string,
    name: string,
    inputs: Record<string, any>,
): Record<string, any> {
    if (!type.startsWith("aws:")) {
        return inputs;
    }
    const rule = autonameRule(type, schemaFacts(type)?.optionalName ?? false);
    const seed = createHash("sha256").update(`${type}::${name}`).digest();
    return withAutoname(rule, name, type, inputs, {}, seed, undefined) as Record<string, any>;
}

/**
 * A resource after `pulumi up` under the mocks: its id and the outputs AWS computes for it (key
 * ARNs and ids, log group, detector, bucket, trail, event data store and role ARNs), stable across
 * runs; any other type keeps its inputs.
 */
export function deployedState(
    type: string,
    name: string,
    inputs: Record<string, any>,
    where: { readonly partition: string; readonly region: string; readonly accountId: string },
): { id: string | undefined; state: Record<string, any> } {
    const { partition, region, accountId } = where;
    const prefix = (service: string) => `arn:${partition}:${service}:${region}:${accountId}`;
    switch (type) {
        case "aws:kms/key:Key": {
            const keyId = inputs.multiRegion
                ? `mrk-${uuidFrom(name).replace(/-/g, "")}`
                : uuidFrom(name);
            return {
                id: keyId,
                state: { ...inputs, keyId, arn: `${prefix("kms")}:key/${keyId}` },
            };
        }
        case "aws:kms/alias:Alias":
            return {
                id: inputs.name,
                state: { ...inputs, arn: `${prefix("kms")}:${inputs.name}` },
            };
        case "aws:cloudwatch/logGroup:LogGroup":
            return {
                id: inputs.name,
                state: { ...inputs, arn: `${prefix("logs")}:log-group:${inputs.name}` },
            };
        case "aws:cloudwatch/logAnomalyDetector:LogAnomalyDetector": {
            const id = uuidFrom(`detector-${name}`);
            return {
                id,
                state: { ...inputs, arn: `${prefix("logs")}:anomaly-detector:${id}` },
            };
        }
        case "aws:s3/bucket:Bucket": {
            // Without a name the provider auto-names the bucket from the resource name.
            const bucket: string = inputs.bucket ?? `${name}-${uuidFrom(name).slice(0, 7)}`;
            return {
                id: bucket,
                state: { ...inputs, bucket, arn: `arn:${partition}:s3:::${bucket}` },
            };
        }
        case "aws:cloudtrail/eventDataStore:EventDataStore": {
            const id = uuidFrom(`eds-${name}`);
            const arn = `${prefix("cloudtrail")}:eventdatastore/${id}`;
            return { id: arn, state: { ...inputs, arn } };
        }
        case "aws:cloudtrail/trail:Trail":
            return {
                id: inputs.name,
                state: { ...inputs, arn: `${prefix("cloudtrail")}:trail/${inputs.name}` },
            };
        case "aws:iam/role:Role":
            return {
                id: name,
                state: {
                    ...inputs,
                    arn: `arn:${partition}:iam::${accountId}:role/${name}`,
                },
            };
        default:
            return { id: `${name}-id`, state: { ...inputs } };
    }
}
