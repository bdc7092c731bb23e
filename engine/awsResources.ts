/**
 * What the aws provider answers for a resource: its id and ARN at create (in the shapes AWS
 * gives them), the outputs it computes, which of them are unknown at preview, and which input
 * changes replace the resource. Pure functions of the inputs and the provider's settings.
 */
import { randomUUID } from "node:crypto";
import { schemaFacts, ValueKind } from "./schema";
import { containsUnknown, Props, UNKNOWN, Value } from "./wire";

/** The provider's configuration as the resources see it. */
export interface AwsSettings {
    readonly region: string;
    readonly accountId: string;
    readonly defaultTags: Record<string, Value>;
}

/**
 * The partition and DNS suffix of a region: https://docs.aws.amazon.com/whitepapers/latest/aws-fault-isolation-boundaries/partitions.html
 * ("aws", "aws-cn" for the China Regions, "aws-us-gov" for AWS GovCloud (US)).
 */
export function partitionOf(region: string): { partition: string; dnsSuffix: string } {
    if (region.startsWith("cn-")) {
        return { partition: "aws-cn", dnsSuffix: "amazonaws.com.cn" };
    }
    if (region.startsWith("us-gov-")) {
        return { partition: "aws-us-gov", dnsSuffix: "amazonaws.com" };
    }
    return { partition: "aws", dnsSuffix: "amazonaws.com" };
}

interface ShapeContext {
    readonly partition: string;
    readonly region: string;
    readonly account: string;
    readonly inputs: Props;
    /** The id the resource already has (a read), else a fresh one is made. */
    readonly id?: string;
}

/** A created resource's id and the outputs that come with it. */
interface Identity {
    readonly id: string;
    readonly outputs: Props;
}

const str = (v: Value | undefined): string => (typeof v === "string" ? v : "");
const arn = (c: ShapeContext, service: string, resource: string, region = c.region) =>
    `arn:${c.partition}:${service}:${region}:${c.account}:${resource}`;
const lastPart = (id: string, sep: string) => id.slice(id.lastIndexOf(sep) + 1);

/**
 * The KMS key policy AWS gives a key created without one: https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html
 * ("Allows access to the AWS account and enables IAM policies": Sid "Enable IAM User Permissions",
 * Principal the account root, Action "kms:*", Resource "*").
 */
export function defaultKeyPolicy(partition: string, account: string): string {
    return JSON.stringify({
        Version: "2012-10-17",
        Id: "key-default-1",
        Statement: [
            {
                Sid: "Enable IAM User Permissions",
                Effect: "Allow",
                Principal: { AWS: `arn:${partition}:iam::${account}:root` },
                Action: "kms:*",
                Resource: "*",
            },
        ],
    });
}

/**
 * Ids and ARNs of the types this project creates, in the shapes of the AWS docs
 * ("Amazon Resource Names (ARNs)" per service, https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html):
 * kms `key/<key-id>` and `alias/<name>`, logs `log-group:<name>` (the provider strips the `:*`
 * DescribeLogGroups appends: terraform-provider-aws `internal/service/logs/group.go`,
 * `trimLogGroupARNWildcardSuffix`) and `anomaly-detector:<id>`, cloudtrail `trail/<name>` and
 * `eventdatastore/<id>`, s3 `arn:<p>:s3:::<bucket>`, iam `role<path><name>`, lambda
 * `function:<name>`, states `stateMachine:<name>`, sns `<topic>`, sqs `<queue>`.
 */
const SHAPES: Record<string, (c: ShapeContext) => Identity> = {
    "aws:kms/key:Key": (c) => {
        const keyId = c.id === undefined ? randomUUID() : lastPart(c.id, "/");
        return { id: keyId, outputs: { keyId, arn: arn(c, "kms", `key/${keyId}`) } };
    },
    "aws:kms/alias:Alias": (c) => {
        const name = c.id ?? str(c.inputs.name);
        const target = str(c.inputs.targetKeyId);
        const targetKeyArn = target.startsWith("arn:") ? target : arn(c, "kms", `key/${target}`);
        return {
            id: name,
            outputs: { arn: arn(c, "kms", name), targetKeyArn, targetKeyId: lastPart(target, "/") },
        };
    },
    "aws:cloudwatch/logGroup:LogGroup": (c) => {
        const name = c.id ?? str(c.inputs.name);
        return { id: name, outputs: { name, arn: arn(c, "logs", `log-group:${name}`) } };
    },
    "aws:cloudwatch/logAnomalyDetector:LogAnomalyDetector": (c) => {
        const detector = c.id ?? arn(c, "logs", `anomaly-detector:${randomUUID()}`);
        return { id: detector, outputs: { arn: detector } };
    },
    "aws:cloudtrail/trail:Trail": (c) => {
        const name = str(c.inputs.name) || lastPart(c.id ?? "", "/");
        const trail = arn(c, "cloudtrail", `trail/${name}`);
        return { id: c.id ?? trail, outputs: { name, arn: trail, homeRegion: c.region } };
    },
    "aws:cloudtrail/eventDataStore:EventDataStore": (c) => {
        const store = c.id ?? arn(c, "cloudtrail", `eventdatastore/${randomUUID()}`);
        return { id: store, outputs: { arn: store } };
    },
    "aws:s3/bucket:Bucket": (c) => {
        const bucket = c.id ?? str(c.inputs.bucket);
        const { dnsSuffix } = partitionOf(c.region);
        return {
            id: bucket,
            outputs: {
                bucket,
                arn: `arn:${c.partition}:s3:::${bucket}`,
                bucketDomainName: `${bucket}.s3.${dnsSuffix}`,
                bucketRegionalDomainName: `${bucket}.s3.${c.region}.${dnsSuffix}`,
                bucketRegion: c.region,
            },
        };
    },
    "aws:iam/role:Role": (c) => {
        const name = c.id ?? str(c.inputs.name);
        const path = str(c.inputs.path) || "/";
        return {
            id: name,
            outputs: {
                name,
                arn: `arn:${c.partition}:iam::${c.account}:role${path}${name}`,
                uniqueId: `AROA${randomUUID().replace(/-/g, "").slice(0, 17).toUpperCase()}`,
                createDate: new Date().toISOString(),
            },
        };
    },
    "aws:lambda/function:Function": (c) => {
        const name = c.id ?? str(c.inputs.name);
        const fn = arn(c, "lambda", `function:${name}`);
        const invoke = (a: string) =>
            `arn:${c.partition}:apigateway:${c.region}:lambda:path/2015-03-31/functions/${a}/invocations`;
        return {
            id: name,
            outputs: {
                name,
                arn: fn,
                qualifiedArn: `${fn}:$LATEST`,
                invokeArn: invoke(fn),
                qualifiedInvokeArn: invoke(`${fn}:$LATEST`),
                version: "$LATEST",
            },
        };
    },
    "aws:sfn/stateMachine:StateMachine": (c) => {
        const machine = c.id ?? arn(c, "states", `stateMachine:${str(c.inputs.name)}`);
        return { id: machine, outputs: { arn: machine, name: lastPart(machine, ":") } };
    },
    "aws:sns/topic:Topic": (c) => {
        const topic = c.id ?? arn(c, "sns", str(c.inputs.name));
        return { id: topic, outputs: { arn: topic, name: lastPart(topic, ":") } };
    },
    "aws:sqs/queue:Queue": (c) => {
        const name = str(c.inputs.name) || lastPart(c.id ?? "", "/");
        const { dnsSuffix } = partitionOf(c.region);
        const url = c.id ?? `https://sqs.${c.region}.${dnsSuffix}/${c.account}/${name}`;
        return { id: url, outputs: { arn: arn(c, "sqs", name), url, name } };
    },
};

/** Any other type: id `<token's type, lowercased>-<8 hex>`, ARN under the token's module. */
function genericIdentity(type: string, c: ShapeContext): Identity {
    const [, moduleAndFile, typeName] = type.split(":");
    const service = moduleAndFile.split("/")[0];
    const id = c.id ?? `${typeName.toLowerCase()}-${randomUUID().slice(0, 8)}`;
    return { id, outputs: { arn: arn(c, service, `${typeName.toLowerCase()}/${id}`) } };
}

/** What AWS answers for outputs the program left unset, where a zero value would mislead. */
function awsAnswers(type: string, c: ShapeContext): Props {
    switch (type) {
        case "aws:kms/key:Key":
            return {
                policy: defaultKeyPolicy(c.partition, c.account),
                multiRegion: false,
                description: "",
                rotationPeriodInDays: c.inputs.enableKeyRotation === true ? 365 : 0,
            };
        case "aws:cloudwatch/logGroup:LogGroup":
            return { logGroupClass: "STANDARD", deletionProtectionEnabled: false, namePrefix: "" };
        case "aws:iam/role:Role":
            return { namePrefix: "", managedPolicyArns: [], inlinePolicies: [] };
        default:
            return {};
    }
}

const ZERO: Record<ValueKind, Value> = {
    string: "",
    number: 0,
    boolean: false,
    array: [],
    object: {},
};

/** The region a resource lives in: its own `region` input, else the provider's. */
export function regionOf(inputs: Props, settings: AwsSettings): string {
    return typeof inputs.region === "string" ? inputs.region : settings.region;
}

/** `tagsAll`: the provider's default tags overlaid with the resource's own (unknown if they are). */
export function tagsAll(inputs: Props, settings: AwsSettings): Value {
    const tags = inputs.tags ?? {};
    if (containsUnknown(tags)) {
        return UNKNOWN;
    }
    return { ...settings.defaultTags, ...(tags as Record<string, Value>) };
}

/** The checked inputs: the program's, with the schema's stated defaults filled in. */
export function withDefaults(type: string, inputs: Props): Props {
    const facts = schemaFacts(type);
    return facts === undefined ? inputs : { ...facts.defaults, ...inputs };
}

/**
 * A resource's outputs at create. At preview (`preview: true`) every always-present output the
 * inputs do not set is unknown, as the real provider's plan leaves it; `region` and `tagsAll` are
 * known, as the provider computes them from its configuration when planning.
 */
export function createOutputs(
    type: string,
    inputs: Props,
    settings: AwsSettings,
    preview: boolean,
    id?: string,
): { id: string; outputs: Props } {
    const region = regionOf(inputs, settings);
    const c: ShapeContext = {
        partition: partitionOf(region).partition,
        region,
        account: settings.accountId,
        inputs,
        id,
    };
    const facts = schemaFacts(type);
    const computed = facts?.computed ?? {};
    const base: Props = { ...withDefaults(type, inputs) };
    if ("region" in computed) {
        base.region = region;
    }
    if ("tagsAll" in computed) {
        base.tagsAll = tagsAll(inputs, settings);
    }
    if (preview) {
        for (const key of Object.keys(computed)) {
            if (!(key in base)) {
                base[key] = UNKNOWN;
            }
        }
        return { id: "", outputs: base };
    }
    const identity = (SHAPES[type] ?? ((x: ShapeContext) => genericIdentity(type, x)))(c);
    const outputs: Props = { ...awsAnswers(type, c), ...identity.outputs, ...base };
    for (const [key, kind] of Object.entries(computed)) {
        if (!(key in outputs)) {
            outputs[key] = ZERO[kind];
        }
    }
    return { id: identity.id, outputs };
}

/**
 * Inputs whose change replaces the resource (Terraform `ForceNew`, terraform-provider-aws
 * `internal/service/<service>/<resource>.go`): the per-resource `region` of provider v7
 * (https://www.pulumi.com/registry/packages/aws/how-to-guides/7-0-migration/; a resource cannot
 * move between regions), names, and the kms key's spec, usage and multi-Region flag.
 */
const FORCE_NEW: Record<string, string[]> = {
    "aws:kms/key:Key": ["customerMasterKeySpec", "keyUsage", "multiRegion", "customKeyStoreId"],
    "aws:kms/alias:Alias": ["name", "namePrefix"],
    "aws:cloudwatch/logGroup:LogGroup": ["name", "namePrefix", "logGroupClass"],
    "aws:s3/bucket:Bucket": ["bucket", "bucketPrefix", "objectLockEnabled"],
    "aws:iam/role:Role": ["name", "namePrefix", "path"],
    "aws:lambda/function:Function": ["name"],
    "aws:cloudtrail/trail:Trail": ["name"],
    "aws:sfn/stateMachine:StateMachine": ["name", "namePrefix"],
    "aws:sns/topic:Topic": ["name", "namePrefix", "fifoTopic"],
    "aws:sqs/queue:Queue": ["name", "namePrefix", "fifoQueue"],
};

/** The inputs of `type` whose change replaces it. */
export function replacingInputs(type: string): string[] {
    const facts = schemaFacts(type);
    const region = facts !== undefined && "region" in facts.computed ? ["region"] : [];
    return [...region, ...(FORCE_NEW[type] ?? [])];
}

/** Which input identifies a resource when a program reads it by id (`X.get(name, id)`). */
export const ID_INPUT: Record<string, string> = {
    "aws:cloudwatch/logGroup:LogGroup": "name",
    "aws:iam/role:Role": "name",
    "aws:lambda/function:Function": "name",
    "aws:s3/bucket:Bucket": "bucket",
    "aws:kms/alias:Alias": "name",
};
