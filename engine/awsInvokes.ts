/**
 * The invokes (data sources) the offline aws provider answers: the ones the components and the
 * examples call (`aws.getPartition`, `aws.getRegion`, `aws.getCallerIdentity`,
 * `aws.organizations.getOrganization`) and two that programs commonly call
 * (`aws.getAvailabilityZones`, `aws.iam.getPolicyDocument`, computed as the provider computes it).
 * Any other token is refused with a message that names it.
 */
import { AwsSettings, partitionOf } from "./awsResources";
import { policyDocument } from "./policyDocument";
import { Props, Value } from "./wire";

/** Who runs the deployment, as `aws.getCallerIdentity` and `getOrganization` answer. */
export interface Identity {
    readonly callerArn: string;
    readonly organizationId: string;
}

/** The answer of `token` for `args`, or an Error naming the token. */
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
        case "aws:index/getAvailabilityZones:getAvailabilityZones": {
            const letters = ["a", "b", "c"];
            const short = region
                .split("-")
                .map((p, i) => (i === 0 ? p : /^\d+$/.test(p) ? p : p[0]))
                .join("");
            return {
                id: region,
                names: letters.map((l) => `${region}${l}`),
                zoneIds: letters.map((_, i) => `${short}-az${i + 1}`),
                groupNames: [region],
                state: typeof args.state === "string" ? args.state : null,
            };
        }
        case "aws:iam/getPolicyDocument:getPolicyDocument":
            return policyDocument(args);
        case "aws:organizations/getOrganization:getOrganization": {
            const id = identity.organizationId;
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
        default:
            throw new Error(
                `invoke ${token}: the offline aws provider (engine/) does not answer this data source; ` +
                    `it answers ${ANSWERED.join(", ")}`,
            );
    }
}

/** The tokens {@link invoke} answers. */
export const ANSWERED = [
    "aws:index/getPartition:getPartition",
    "aws:index/getRegion:getRegion",
    "aws:index/getCallerIdentity:getCallerIdentity",
    "aws:index/getAvailabilityZones:getAvailabilityZones",
    "aws:iam/getPolicyDocument:getPolicyDocument",
    "aws:organizations/getOrganization:getOrganization",
];
