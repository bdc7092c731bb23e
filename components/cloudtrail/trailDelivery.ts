/**
 * An `EncryptedTrail`'s delivery to CloudWatch Logs: the encrypted log group and the role
 * CloudTrail assumes to write to it.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { AwsLocation } from "../../aws/arn";
import { EncryptedLogGroup } from "../logs/encryptedLogGroup";
import { cloudTrailLogsRolePolicy, cloudTrailLogsRoleTrustPolicy } from "./policies";

/** The trail's arguments the delivery reads (`EncryptedTrailArgs` has them all). */
export interface DeliveryArgs {
    readonly cloudWatchLogsRetentionInDays?: number;
    readonly region?: pulumi.Input<string>;
    readonly tags?: pulumi.Input<{ [key: string]: pulumi.Input<string> }>;
}

/** What the trail needs to deliver to CloudWatch Logs, and must wait for. */
export interface CloudWatchDelivery {
    readonly logGroup: aws.cloudwatch.LogGroup;
    readonly groupArn: pulumi.Output<string>;
    readonly roleArn: pulumi.Output<string>;
    readonly dependsOn: pulumi.Resource[];
}

/**
 * The `cloudWatchLogs: true` delivery: an `EncryptedLogGroup` `/cloudtrail/<trailName>` with its
 * own key, and a role CloudTrail assumes for this trail only that may write to that group.
 */
export function cloudWatchDelivery(
    parent: pulumi.Resource,
    name: string,
    args: DeliveryArgs,
    trailName: pulumi.Input<string>,
    keyAdminArns: pulumi.Input<pulumi.Input<string>[]> | undefined,
    where: pulumi.Output<AwsLocation>,
): CloudWatchDelivery {
    const encryptedGroup = new EncryptedLogGroup(
        `${name}-logs`,
        {
            logGroupName: pulumi.interpolate`/cloudtrail/${trailName}`,
            retentionInDays: args.cloudWatchLogsRetentionInDays ?? 365,
            keyAdminArns,
            // CloudTrail delivers to a log group in the trail's own region.
            region: args.region,
            tags: args.tags,
        },
        { parent },
    );
    const role = new aws.iam.Role(
        `${name}-cloudwatch-role`,
        {
            description: pulumi.interpolate`Lets CloudTrail deliver trail ${trailName} to CloudWatch Logs (pulumi-aws-encrypted-logs)`,
            assumeRolePolicy: pulumi
                .all([where, trailName])
                .apply(([loc, trail]) =>
                    JSON.stringify(cloudTrailLogsRoleTrustPolicy({ ...loc, trailName: trail })),
                ),
            tags: args.tags,
        },
        { parent },
    );
    const rolePolicy = new aws.iam.RolePolicy(
        `${name}-cloudwatch-policy`,
        {
            role: role.id,
            policy: pulumi
                .all([where, encryptedGroup.name])
                .apply(([loc, group]) =>
                    JSON.stringify(cloudTrailLogsRolePolicy({ ...loc, logGroupName: group })),
                ),
        },
        { parent },
    );
    return {
        logGroup: encryptedGroup.logGroup,
        // CloudTrail wants the group ARN with the trailing `:*`.
        groupArn: pulumi.interpolate`${encryptedGroup.arn}:*`,
        roleArn: role.arn,
        dependsOn: [encryptedGroup, rolePolicy],
    };
}
