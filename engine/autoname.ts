/**
 * Auto-naming as the bridged aws provider does it in Check: a resource whose name input is unset
 * gets `<resource name><separator><7 random lowercase hex>`.
 *
 * Which types and how, from pulumi/pulumi-aws `provider/resources.go`
 * (https://github.com/pulumi/pulumi-aws/blob/master/provider/resources.go):
 * - `prov.SetAutonaming(255, "-")`: every resource whose Terraform schema has an input `name` gets
 *   `tfbridge.AutoName("name", 255, "-")` unless its entry says otherwise;
 * - per-type entries, e.g. `"aws_iam_role": {"name": tfbridge.AutoName("name", 64, "-")}`,
 *   `"aws_lambda_function": {"function_name": tfbridge.AutoName("name", 64, "-")}`,
 *   `"aws_s3_bucket": {"bucket": tfbridge.AutoNameTransform("bucket", 63, strings.ToLower)}`,
 *   `"aws_sqs_queue"` (80, `.fifo` appended for FIFO queues), `"aws_cloudwatch_event_rule"` (64),
 *   `"aws_route53_record"` (`"name": {Name: "name"}`: "Do not autoname Route53 records").
 * The random part: pulumi/pulumi `sdk/go/common/resource/resource_id.go`, `NewUniqueName(randomSeed,
 * prefix, randlen, maxlen, charset)`: derived from the engine's per-resource `randomSeed`, so the
 * same seed gives the same name (a second preview shows no change); a prefix too long for `maxlen`
 * is refused ("name '%s' plus %d random chars is longer than maximum length %d"). The characters
 * here come from SHA-256 of the seed, not from Go's PRNG: same shape and determinism, not the same
 * seven characters the real provider would pick.
 */
import { createHash } from "node:crypto";
import { AutonamingRequest } from "./server";
import { Props } from "./wire";

/** How one type's name input is generated. */
export interface AutonameRule {
    /** The input that holds the name. */
    readonly field: string;
    readonly maxLength: number;
    readonly separator: string;
    /** Names AWS requires in lower case (S3 buckets, ElastiCache ids). */
    readonly lowercase?: boolean;
    /** A `<field>Prefix` input that, when set, replaces auto-naming (the provider derives the name from it). */
    readonly prefixField?: string;
}

const RANDOM_LENGTH = 7;

/** Per-type entries of pulumi-aws `provider/resources.go` (token → rule, `null`: never auto-named). */
const OVERRIDES: Record<string, Omit<AutonameRule, "separator"> | null> = {
    "aws:s3/bucket:Bucket": {
        field: "bucket",
        maxLength: 63,
        lowercase: true,
        prefixField: "bucketPrefix",
    },
    "aws:s3/bucketV2:BucketV2": {
        field: "bucket",
        maxLength: 63,
        lowercase: true,
        prefixField: "bucketPrefix",
    },
    "aws:iam/role:Role": { field: "name", maxLength: 64, prefixField: "namePrefix" },
    "aws:lambda/function:Function": { field: "name", maxLength: 64 },
    "aws:sqs/queue:Queue": { field: "name", maxLength: 80, prefixField: "namePrefix" },
    "aws:cloudwatch/eventRule:EventRule": {
        field: "name",
        maxLength: 64,
        prefixField: "namePrefix",
    },
    "aws:cloudwatch/metricAlarm:MetricAlarm": { field: "name", maxLength: 255 },
    "aws:elasticbeanstalk/environment:Environment": { field: "name", maxLength: 40 },
    "aws:ec2/keyPair:KeyPair": { field: "keyName", maxLength: 255, prefixField: "keyNamePrefix" },
    "aws:efs/fileSystem:FileSystem": { field: "creationToken", maxLength: 255 },
    "aws:lambda/permission:Permission": {
        field: "statementId",
        maxLength: 100,
        prefixField: "statementIdPrefix",
    },
    "aws:cloudwatch/eventTarget:EventTarget": { field: "targetId", maxLength: 255 },
    "aws:route53/record:Record": null,
};

/** The auto-naming rule of `type`, or `undefined` when the provider does not auto-name it. */
export function autonameRule(type: string, optionalName: boolean): AutonameRule | undefined {
    if (type in OVERRIDES) {
        const o = OVERRIDES[type];
        return o === null ? undefined : { separator: "-", ...o };
    }
    return optionalName
        ? { field: "name", maxLength: 255, separator: "-", prefixField: "namePrefix" }
        : undefined;
}

/** `prefix` followed by `RANDOM_LENGTH` lowercase hex characters derived from `seed`. */
export function uniqueName(seed: Buffer, prefix: string, maxLength: number): string {
    if (prefix.length + RANDOM_LENGTH > maxLength) {
        throw new Error(
            `name '${prefix}' plus ${RANDOM_LENGTH} random chars is longer than maximum length ${maxLength}`,
        );
    }
    const random = createHash("sha256").update(seed).update(prefix).digest("hex");
    return prefix + random.slice(0, RANDOM_LENGTH);
}

/**
 * The checked inputs with the name filled in, if `rule` applies and the program left it unset.
 * An update keeps the name the resource already has: the bridge reuses a value it defaulted
 * before (the `__defaults` list pulumi-terraform-bridge keeps in checked inputs), so a name never
 * changes under a resource whose program did not change it.
 */
export function withAutoname(
    rule: AutonameRule | undefined,
    resourceName: string,
    type: string,
    news: Props,
    olds: Props,
    seed: Buffer,
    autonaming: AutonamingRequest | undefined,
): Props {
    if (rule === undefined || news[rule.field] !== undefined) {
        return news;
    }
    if (rule.prefixField !== undefined && news[rule.prefixField] !== undefined) {
        return news;
    }
    const old = olds[rule.field];
    if (typeof old === "string") {
        return { ...news, [rule.field]: old };
    }
    let name: string | undefined;
    switch (autonaming?.mode) {
        case "disable":
            return news;
        case "enforce":
            name = autonaming.proposedName;
            break;
        case "propose":
            name = rule.lowercase ? autonaming.proposedName.toLowerCase() : autonaming.proposedName;
            break;
        default: {
            const base = rule.lowercase ? resourceName.toLowerCase() : resourceName;
            name = uniqueName(seed, base + rule.separator, rule.maxLength);
        }
    }
    if (type === "aws:sqs/queue:Queue" && news.fifoQueue === true) {
        name += ".fifo";
    }
    return { ...news, [rule.field]: name };
}
