/**
 * The key policy of a CloudTrail Lake event data store's KMS key, and the facts about AWS it rests
 * on (exported once, for the components and the policy pack). Pure: plain values in, a policy
 * document out.
 *
 * Source: CloudTrail User Guide, "Configure AWS KMS key policies for CloudTrail", "Required KMS key
 * policy elements for event data stores": encrypt and decrypt permissions for CloudTrail, "Grant
 * users and roles permission to encrypt and decrypt event data store data with the KMS key", and
 * "Enable CloudTrail to describe KMS key properties"; and: "The `aws:SourceArn` and
 * `aws:SourceAccount` condition keys are not supported in KMS key policies for event data stores."
 * The guide gives no encryption context for event data stores either, so, unlike a trail's key
 * (`kms:EncryptionContext:aws:cloudtrail:arn`, `aws:SourceArn`), the CloudTrail statements here
 * carry no condition: a key made for one event data store is how its use is scoped.
 */
import { AwsLocation, validateIamPrincipalArn } from "../../aws/arn";
import {
    PolicyDocument,
    PolicyStatement,
    keyAdministrationStatement,
    oneOrMany,
    validateLocation,
} from "../../aws/policyDocument";
import { validateList } from "../common/validation";
import {
    EVENT_DATA_STORE_DESCRIBE_ACTIONS,
    EVENT_DATA_STORE_SERVICE_ACTIONS,
    cloudTrailServicePrincipal,
} from "../../aws/services";

// The service facts live in the vocabulary (the pack reads them too); re-exported here, where
// they have always been public.
export {
    EVENT_DATA_STORE_DESCRIBE_ACTIONS,
    EVENT_DATA_STORE_SERVICE_ACTIONS,
    EVENT_DATA_STORE_UNSUPPORTED_CONDITION_KEYS,
} from "../../aws/services";

/**
 * What users and roles that create, update or query an event data store need on its key: "The user
 * or role ARNs specified as values for `Principal` need decrypt permissions to create or update
 * event data stores, run queries, or get query results" (`kms:Decrypt`, `kms:GenerateDataKey`).
 */
export const EVENT_DATA_STORE_USER_ACTIONS: readonly string[] = [
    "kms:Decrypt",
    "kms:GenerateDataKey",
];

/** Arguments of {@link eventDataStoreKeyPolicy}. */
export interface EventDataStoreKeyPolicyArgs extends AwsLocation {
    /**
     * Roles or users that create, update or query the event data store
     * (`kms:Decrypt`, `kms:GenerateDataKey`).
     */
    readonly queryPrincipalArns?: readonly string[];
    /** Key administrators. @default the account root (`arn:<partition>:iam::<account>:root`) */
    readonly adminArns?: readonly string[];
}

/**
 * Key policy for a CloudTrail Lake event data store: administration; `cloudtrail.amazonaws.com`
 * may `kms:GenerateDataKey` and `kms:Decrypt` (to write and read the store's events) and
 * `kms:DescribeKey`, with no `aws:SourceArn` / `aws:SourceAccount` condition, which event data
 * stores do not support; each of `queryPrincipalArns` may `kms:Decrypt` and `kms:GenerateDataKey`
 * (to create, update and query the store). The account root (or the admins) covers the principal
 * that creates the store, who "should have write access to the KMS key".
 */
export function eventDataStoreKeyPolicy(args: EventDataStoreKeyPolicyArgs): PolicyDocument {
    const where = validateLocation(args);
    const users =
        args.queryPrincipalArns === undefined
            ? []
            : validateList<string>("queryPrincipalArns", args.queryPrincipalArns).map((arn, i) =>
                  validateIamPrincipalArn(`queryPrincipalArns[${i}]`, arn, where.partition),
              );
    const cloudTrail = { Service: cloudTrailServicePrincipal() };
    const statements: PolicyStatement[] = [
        keyAdministrationStatement(where, args.adminArns),
        {
            Sid: "AllowCloudTrailEventDataStore",
            Effect: "Allow",
            Principal: cloudTrail,
            Action: [...EVENT_DATA_STORE_SERVICE_ACTIONS],
            Resource: "*",
        },
        {
            Sid: "AllowCloudTrailDescribeKey",
            Effect: "Allow",
            Principal: cloudTrail,
            Action: oneOrMany(EVENT_DATA_STORE_DESCRIBE_ACTIONS),
            Resource: "*",
        },
    ];
    if (users.length > 0) {
        statements.push({
            Sid: "AllowEventDataStoreUsers",
            Effect: "Allow",
            Principal: { AWS: oneOrMany(users) },
            Action: [...EVENT_DATA_STORE_USER_ACTIONS],
            Resource: "*",
        });
    }
    return { Version: "2012-10-17", Statement: statements };
}
