/**
 * The facts of one log group, anomaly detector or trail: everything the rules judge, read from the
 * stack once per target. How its key was found, the key's reference and ARN, the target's own
 * region and the region its key must be in (a trail's: its S3 bucket's), the key's region, spec,
 * multi-Region-ness, rotation and policy, and the account. Rules read only this record.
 */
import { bucketKeyOf } from "./bucketKey";
import { keyOf } from "./keyFacts";
import { resolveKey } from "../stack/keyResolution";
import {
    Region,
    StackConfiguration,
    partitionOfRegion,
    providerAccount,
    regionOf,
    resolveRegion,
} from "../stack/location";
import { StackIndex, StackResource } from "../stack/stackIndex";
import { TARGET_TYPES, TargetType } from "../stack/targets";
import { UNKNOWN, Unknown, readProperties } from "../stack/wire";
import type { RequiredRegion, TargetFacts } from "./types";

export type {
    KeyFacts,
    KeyPolicyFacts,
    KeySettings,
    RequiredRegion,
    RotationFact,
    TargetFacts,
} from "./types";

/** `log group "app" (aws:cloudwatch/logGroup:LogGroup)`: how messages name a target. */
export function describeTarget(target: { readonly type: string; readonly name: string }): string {
    const type = TARGET_TYPES[target.type];
    return `${type?.kind ?? target.type} "${target.name}" (${target.type})`;
}

/** The account in a known ARN, if it has a 12-digit one. */
function accountOfArn(arn: string | Unknown | undefined): string | undefined {
    if (typeof arn !== "string") {
        return undefined;
    }
    const account = arn.split(":")[4];
    return /^\d{12}$/.test(account ?? "") ? account : undefined;
}

/**
 * The facts of one target of the stack. Never throws. Reads the target's own properties once, then
 * finds its key and its bucket in the index, then works out regions and the account.
 */
export function targetFacts(
    index: StackIndex,
    target: StackResource,
    config: StackConfiguration,
): TargetFacts {
    const type = TARGET_TYPES[target.type];
    const own = readProperties(target.props, [
        type.keyProperty,
        type.nameProperty,
        "arn",
        "region",
        type.bucketProperty ?? "",
    ]);
    const [, name, arn, regionInput, bucketName] = own.map((v: unknown) =>
        v === UNKNOWN || typeof v === "string" ? v : undefined,
    );

    const resolution = resolveKey(index, target, type, own[0]);
    const bucket =
        type.bucketProperty === undefined
            ? undefined
            : index.bucketOf(target, type.bucketProperty, bucketName);

    const region = regionOf(target.type, regionInput, target.provider, config);
    const requiredRegion = requiredRegionOf(type, bucket, bucketName, region, config);
    const partition =
        region === UNKNOWN || region === undefined ? undefined : partitionOfRegion(region.region);
    const providerAccountId = providerAccount(target.provider);

    const { keyArn, key } = keyOf(resolution, type, config, index);
    return {
        target,
        type,
        subject: describeTarget(target),
        resolution,
        keyArn,
        name,
        arn,
        region,
        partition,
        requiredRegion,
        // A key of the stack is in the stack's account; a key another stack publishes may be in
        // another account (a platform account's key), so its ARN says nothing of the target's.
        account:
            accountOfArn(arn) ??
            (resolution.kind === "published-key"
                ? providerAccountId
                : (accountOfArn(key?.settings?.arn) ?? providerAccountId)),
        key,
        bucketKey: bucket === undefined ? undefined : bucketKeyOf(index, bucket),
    };
}

/**
 * The region the target's key must be in. Trails: the bucket's region
 * (https://docs.aws.amazon.com/awscloudtrail/latest/userguide/encrypting-cloudtrail-log-files-with-aws-kms.html);
 * everything else: its own.
 */
function requiredRegionOf(
    type: TargetType,
    bucket: StackResource | undefined,
    bucketName: string | Unknown | undefined,
    region: Region | Unknown | undefined,
    config: StackConfiguration,
): RequiredRegion {
    if (type.bucketProperty !== undefined && bucket === undefined) {
        return {
            region: undefined,
            unverifiable: `its S3 bucket ${typeof bucketName === "string" ? `"${bucketName}"` : "(unknown at preview)"} is not in this stack, and CloudTrail needs the key in the bucket's region`,
        };
    }
    if (bucket !== undefined) {
        const r = resolveRegion(bucket.type, bucket.props, bucket.provider, config);
        return {
            region:
                r === UNKNOWN || r === undefined
                    ? r
                    : { region: r.region, source: `its S3 bucket "${bucket.name}", ${r.source}` },
        };
    }
    return { region };
}
