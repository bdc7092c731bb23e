/**
 * The default VPC of a region, as `aws.ec2.getVpc({ default: true })` and `aws.ec2.getSubnets`
 * (filtered to that VPC or to `default-for-az`) answer for it offline. Every account has one per
 * region unless deleted; its shape is fixed by AWS (CreateDefaultVpc,
 * https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateDefaultVpc.html: "Creates a
 * default VPC with a size /16 IPv4 CIDR block and a default subnet in each Availability Zone", the
 * sample response's `<cidrBlock>172.31.0.0/16</cidrBlock>`; CreateDefaultSubnet,
 * https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateDefaultSubnet.html: "Creates a
 * default subnet with a size /20 IPv4 CIDR block in the specified Availability Zone in your default
 * VPC"). The ids are made up, stable per account and region.
 */
import { createHash } from "node:crypto";
import { Props, Value } from "./wire";

/** A made-up EC2 id (`vpc-…`, `subnet-…`: 17 hex digits), stable for its seed. */
function ec2Id(prefix: string, seed: string): string {
    return `${prefix}-${createHash("sha256").update(seed).digest("hex").slice(0, 17)}`;
}

/** The default VPC's id in `region` of `account`. */
export function defaultVpcId(account: string, region: string): string {
    return ec2Id("vpc", `${account}/${region}`);
}

/** `aws.ec2.getVpc` for the default VPC, or `undefined` when the arguments ask for another VPC. */
export function getDefaultVpc(
    args: Props,
    region: string,
    partition: string,
    account: string,
): Record<string, Value> | undefined {
    if (args.default !== true) {
        return undefined;
    }
    const id = defaultVpcId(account, region);
    return {
        id,
        arn: `arn:${partition}:ec2:${region}:${account}:vpc/${id}`,
        cidrBlock: "172.31.0.0/16",
        cidrBlockAssociations: [
            {
                associationId: ec2Id("vpc-cidr-assoc", id),
                cidrBlock: "172.31.0.0/16",
                state: "associated",
            },
        ],
        default: true,
        dhcpOptionsId: ec2Id("dopt", id),
        enableDnsHostnames: true,
        enableDnsSupport: true,
        enableNetworkAddressUsageMetrics: false,
        instanceTenancy: "default",
        ipv6AssociationId: "",
        ipv6CidrBlock: "",
        mainRouteTableId: ec2Id("rtb", id),
        ownerId: account,
        region,
        state: "available",
        tags: {},
    };
}

/** The filter values of `name` in a data source's `filters` (`[{ name, values }]`). */
function filterValues(args: Props, name: string): Value[] | undefined {
    const filters = Array.isArray(args.filters) ? args.filters : [];
    const found = filters.find(
        (f): f is Props => typeof f === "object" && f !== null && (f as Props).name === name,
    );
    return found === undefined || !Array.isArray(found.values) ? undefined : found.values;
}

/**
 * `aws.ec2.getSubnets` for the default VPC's subnets (one per zone of `zones`), when the filters ask
 * for exactly those (`vpc-id` the default VPC's, or `default-for-az` true) and nothing else;
 * `undefined` otherwise.
 */
export function getDefaultSubnets(
    args: Props,
    region: string,
    account: string,
    zones: readonly string[],
): Record<string, Value> | undefined {
    const vpc = defaultVpcId(account, region);
    const filters = Array.isArray(args.filters) ? args.filters : [];
    const byVpc = filterValues(args, "vpc-id");
    const byDefault = filterValues(args, "default-for-az");
    const known = (byVpc !== undefined ? 1 : 0) + (byDefault !== undefined ? 1 : 0);
    const matches =
        known > 0 &&
        known === filters.length &&
        (byVpc === undefined || (byVpc.length === 1 && byVpc[0] === vpc)) &&
        (byDefault === undefined || (byDefault.length === 1 && byDefault[0] === "true"));
    if (!matches || args.tags !== undefined) {
        return undefined;
    }
    return {
        id: region,
        ids: zones.map((zone) => ec2Id("subnet", `${vpc}/${zone}`)),
        filters,
        region,
    };
}
