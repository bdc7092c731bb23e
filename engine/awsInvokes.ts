/**
 * The invokes (data sources) the offline aws provider and the mock engine (testing/mockEngine.ts)
 * answer: the ones the components and the examples call (`aws.getPartition`, `aws.getRegion`,
 * `aws.getCallerIdentity`, `aws.organizations.getOrganization`) and those programs commonly call
 * whose answer follows from the account and region alone (`aws.getAvailabilityZones`,
 * `aws.iam.getPolicyDocument`, computed as the provider computes it, and the default VPC:
 * `aws.ec2.getVpc({ default: true })` and its subnets). Any other token, or arguments asking for
 * something only the account knows, is refused with an {@link UnansweredInvoke} that names it.
 */
import { AwsSettings, partitionOf } from "./awsResources";
import { getDefaultSubnets, getDefaultVpc } from "./defaultVpc";
import { policyDocument } from "./policyDocument";
import { Props, Value } from "./wire";

/** Who runs the deployment, as `aws.getCallerIdentity` and `getOrganization` answer. */
export interface Identity {
    readonly callerArn: string;
    readonly organizationId: string;
}

/** An invoke nobody answers offline: its token and why. */
export class UnansweredInvoke extends Error {
    constructor(
        readonly token: string,
        readonly why: string,
    ) {
        super(`invoke ${token}: ${why}`);
        this.name = "UnansweredInvoke";
    }
}

/** The answer of `token` for `args`, or an {@link UnansweredInvoke} naming the token. */
export function invoke(
    token: string,
    args: Props,
    settings: AwsSettings,
    identity: Identity,
): Record<string, Value> {
    // Provider v7 data sources take their own `region` argument (7.0 migration guide,
    // https://www.pulumi.com/registry/packages/aws/how-to-guides/7-0-migration/).
    const region = typeof args.region === "string" ? args.region : settings.region;
    const { partition, dnsSuffix } = partitionOf(region);
    const account = settings.accountId;
    switch (token) {
        case "aws:index/getPartition:getPartition":
            // https://www.pulumi.com/registry/packages/aws/api-docs/getpartition/: dnsSuffix,
            // partition, reverseDnsPrefix ("com.amazonaws" for the `aws` partition).
            return {
                id: partition,
                partition,
                dnsSuffix,
                reverseDnsPrefix: dnsSuffix.split(".").reverse().join("."),
            };
        case "aws:index/getRegion:getRegion": {
            const name = typeof args.name === "string" ? args.name : region;
            return {
                id: name,
                name,
                region: name,
                description: name,
                endpoint: `ec2.${name}.${partitionOf(name).dnsSuffix}`,
            };
        }
        case "aws:index/getCallerIdentity:getCallerIdentity":
            return {
                id: account,
                accountId: account,
                arn: identity.callerArn,
                userId: "AIDAOFFLINEENGINE0000",
            };
        case "aws:index/getAvailabilityZones:getAvailabilityZones":
            return {
                id: region,
                names: zonesOf(region),
                zoneIds: zonesOf(region).map((_, i) => `${shortRegion(region)}-az${i + 1}`),
                groupNames: [region],
                state: typeof args.state === "string" ? args.state : null,
            };
        case "aws:ec2/getVpc:getVpc":
            return (
                getDefaultVpc(args, region, partition, account) ??
                refuse(token, "only the default VPC ({ default: true }) is known offline")
            );
        case "aws:ec2/getSubnets:getSubnets":
            return (
                getDefaultSubnets(args, region, account, zonesOf(region)) ??
                refuse(
                    token,
                    "only the default VPC's subnets (filter vpc-id = the default VPC's id, or default-for-az = true) are known offline",
                )
            );
        case "aws:iam/getPolicyDocument:getPolicyDocument":
            return policyDocument(args);
        case "aws:organizations/getOrganization:getOrganization":
            return organization(partition, account, identity.organizationId);
        default:
            return refuse(
                token,
                `nothing answers this data source offline (answered: ${ANSWERED.join(", ")})`,
            );
    }
}

/** `aws.organizations.getOrganization`: an organization whose management account is the caller's. */
function organization(partition: string, account: string, id: string): Record<string, Value> {
    return {
        id,
        arn: `arn:${partition}:organizations::${account}:organization/${id}`,
        masterAccountId: account,
        masterAccountArn: `arn:${partition}:organizations::${account}:account/${id}/${account}`,
        masterAccountEmail: "offline-engine@example.com",
        masterAccountName: "offline-engine",
        featureSet: "ALL",
        accounts: [],
        nonMasterAccounts: [],
        awsServiceAccessPrincipals: [],
        enabledPolicyTypes: [],
        roots: [],
    };
}

function refuse(token: string, why: string): never {
    throw new UnansweredInvoke(token, why);
}

/** Three zones `<region>a`, `b`, `c` (every commercial region has at least three). */
function zonesOf(region: string): string[] {
    return ["a", "b", "c"].map((l) => `${region}${l}`);
}

/** `use1` for us-east-1: the prefix of its zone ids (`use1-az1`). */
function shortRegion(region: string): string {
    return region
        .split("-")
        .map((p, i) => (i === 0 ? p : /^\d+$/.test(p) ? p : p[0]))
        .join("");
}

/** The tokens {@link invoke} answers. */
export const ANSWERED = [
    "aws:index/getPartition:getPartition",
    "aws:index/getRegion:getRegion",
    "aws:index/getCallerIdentity:getCallerIdentity",
    "aws:index/getAvailabilityZones:getAvailabilityZones",
    "aws:iam/getPolicyDocument:getPolicyDocument",
    "aws:ec2/getVpc:getVpc",
    "aws:ec2/getSubnets:getSubnets",
    "aws:organizations/getOrganization:getOrganization",
];
