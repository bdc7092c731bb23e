/**
 * Where a component's resources will live: partition, region, account and DNS suffix, read from
 * the AWS provider the component's children will use (the one in `opts`, else the default).
 *
 * The three invokes (`aws.getPartition`, `aws.getRegion`, `aws.getCallerIdentity`) are made once
 * per provider per deployment, not once per component: a stack with 5,000 log groups on one
 * provider makes three invokes.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { AwsLocation } from "../../aws/arn";

interface ProviderFacts {
    readonly partition: string;
    readonly dnsSuffix: string;
    readonly accountId: string;
    readonly region: string;
}

interface CachedFacts {
    readonly location: pulumi.Output<ProviderFacts>;
    /** The ARN of whoever runs the deployment, from the same `aws.getCallerIdentity` invoke. */
    readonly callerArn: pulumi.Output<string>;
}

// One cache per engine connection (a new monitor per deployment, per automation-API run and per
// `setMocks` call), then one entry per provider object; `undefined` stands for the default provider.
const cache = new WeakMap<object, Map<pulumi.ProviderResource | undefined, CachedFacts>>();
const noMonitor = {};

function providerFacts(resource: pulumi.Resource): CachedFacts {
    const monitor: object = pulumi.runtime.getMonitor() ?? noMonitor;
    let perProvider = cache.get(monitor);
    if (perProvider === undefined) {
        perProvider = new Map();
        cache.set(monitor, perProvider);
    }
    const provider = resource.getProvider("aws::getPartition");
    let facts = perProvider.get(provider);
    if (facts === undefined) {
        const opts: pulumi.InvokeOutputOptions = { parent: resource };
        const partition = aws.getPartitionOutput({}, opts);
        const region = aws.getRegionOutput({}, opts);
        const identity = aws.getCallerIdentityOutput({}, opts);
        facts = {
            location: pulumi
                .all([partition.partition, partition.dnsSuffix, identity.accountId, region.region])
                .apply(([p, dnsSuffix, accountId, r]) => ({
                    partition: p,
                    dnsSuffix,
                    accountId,
                    region: r,
                })),
            callerArn: identity.arn,
        };
        perProvider.set(provider, facts);
    }
    return facts;
}

/**
 * The location of a component's resources. `region`, when given, overrides the provider's region
 * (AWS provider v7 resources take a `region` argument); partition, account and DNS suffix always
 * come from the provider.
 */
export function awsLocation(
    resource: pulumi.Resource,
    region?: pulumi.Input<string>,
): pulumi.Output<AwsLocation> {
    const facts = providerFacts(resource).location;
    if (region === undefined) {
        // The provider's own region: the cached facts are already the location.
        return facts;
    }
    return pulumi.all([facts, region]).apply(([f, r]) => ({
        partition: f.partition,
        dnsSuffix: f.dnsSuffix,
        accountId: f.accountId,
        region: r ?? f.region,
    }));
}

/**
 * The ARN of whoever runs the deployment with the provider `resource`'s children use (the
 * `arn` of `aws.getCallerIdentity`, from the invoke {@link awsLocation} makes anyway).
 */
export function callerArn(resource: pulumi.Resource): pulumi.Output<string> {
    return providerFacts(resource).callerArn;
}
