import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { PACKAGE, checked, checkedInput } from "../common/component";
import { awsLocation } from "../common/environment";
import { InputError } from "../../aws/errors";
import { validatedKeySettings } from "../common/keySettings";
import { createSymmetricKey } from "../common/kmsKey";
import { COMPONENT_NEEDS_KEY_ARN } from "../../aws/arn";
import { ChosenKey, givenKey, refuseGrantOnOwnKey } from "../common/keyArn";
import { checkedKeyAdmins } from "./cloudTrailKey";
import { eventDataStoreKeyPolicy } from "./eventDataStorePolicies";
import { TrailAdvancedEventSelector, validateTrailSelectors } from "./trailOptions";
import {
    EVENT_DATA_STORE_CALLER_NEEDS_KEY,
    validateEventDataStoreName,
    validateEventDataStoreRetention,
} from "./validation";

/** Arguments of {@link EncryptedEventDataStore}. All optional. */
export interface EncryptedEventDataStoreArgs {
    /**
     * Name of the event data store: 3 to 128 characters from `a-z A-Z 0-9 . _ -`.
     * @default - the component's resource name
     */
    readonly eventDataStoreName?: pulumi.Input<string>;
    /**
     * Days the store keeps events: 7 to 3653 with `EXTENDABLE_RETENTION_PRICING`, 7 to 2557 with
     * `FIXED_RETENTION_PRICING`.
     * @default 366 (CloudTrail Lake's default for extendable retention pricing)
     */
    readonly retentionPeriod?: number;
    /**
     * `EXTENDABLE_RETENTION_PRICING` or `FIXED_RETENTION_PRICING`.
     * @default "EXTENDABLE_RETENTION_PRICING"
     */
    readonly billingMode?: string;
    /**
     * Refuse deletion of the store while on ("If termination protection is enabled, you cannot
     * delete the event data store until termination protection is disabled"). Opt out with false;
     * with `retainOnDelete: false` it defaults to false, since AWS would refuse the delete.
     * @default true (false with `retainOnDelete: false`)
     */
    readonly terminationProtectionEnabled?: boolean;
    /**
     * Keep the store (and its events) in AWS when it leaves the stack or the stack is destroyed.
     * Set false to let `pulumi destroy` delete it (with termination protection off).
     * @default true
     */
    readonly retainOnDelete?: boolean;
    /**
     * Collect events of every region, not only the store's.
     * @default true
     */
    readonly multiRegionEnabled?: boolean;
    /**
     * Collect the events of the whole AWS Organization (create it in the management account or
     * a delegated administrator account).
     * @default false
     */
    readonly organizationEnabled?: boolean;
    /**
     * Advanced event selectors: which events the store collects.
     * @default - CloudTrail Lake's default: all management events
     */
    readonly advancedEventSelectors?: TrailAdvancedEventSelector[];
    /**
     * ARN of the KMS key to encrypt the store with: a full key ARN in the store's region. Its
     * policy must carry the event data store statements (`eventDataStoreKeyPolicy` writes them),
     * not a trail's `aws:SourceArn` ones. The key of a store cannot change later: a different key
     * replaces the store (give it a new `eventDataStoreName` then; the old one is retained).
     * @default - a new key `<name>-key` with the event data store statements
     */
    readonly kmsKeyArn?: pulumi.Input<string>;
    /**
     * Roles or users that create, update or query the store (`kms:Decrypt` and
     * `kms:GenerateDataKey` on the key this component creates). Not with `kmsKeyArn`.
     * @default - none (the account root can still grant it through IAM)
     */
    readonly queryPrincipalArns?: pulumi.Input<pulumi.Input<string>[]>;
    /**
     * Administrators of the key this component creates. Must include whoever runs `pulumi up`
     * (or the account root): CloudTrail needs that principal to be able to use the key.
     * @default - the account root, which delegates key administration to IAM
     */
    readonly keyAdminArns?: pulumi.Input<pulumi.Input<string>[]>;
    /**
     * Region of the store and its key.
     * @default - the region of the AWS provider
     */
    readonly region?: pulumi.Input<string>;
    /**
     * Tags for the store and the key.
     * @default - none
     */
    readonly tags?: pulumi.Input<{ [key: string]: pulumi.Input<string> }>;
}

/**
 * A CloudTrail Lake event data store encrypted with a customer-managed KMS key whose policy carries
 * the statements the CloudTrail documentation gives for event data stores (CloudTrail may
 * `kms:GenerateDataKey`, `kms:Decrypt` and `kms:DescribeKey`, without the `aws:SourceArn` /
 * `aws:SourceAccount` conditions event data stores do not support), with termination protection
 * on and the store retained on destroy, the key created first so the first `pulumi up` works.
 */
export class EncryptedEventDataStore extends pulumi.ComponentResource {
    /** The event data store. */
    public readonly eventDataStore: aws.cloudtrail.EventDataStore;
    /** ARN of the event data store. */
    public readonly arn: pulumi.Output<string>;
    /** ARN of the key the store is encrypted with. */
    public readonly kmsKeyArn: pulumi.Output<string>;
    /** The key this component created, when `kmsKeyArn` was not given. */
    public readonly key?: aws.kms.Key;

    /**
     * @param name the component's name; the store is named `name`, its key `${name}-key`.
     * @param args the store's settings; all optional.
     * @param opts options; an AWS `provider` here decides the partition, region and account.
     */
    constructor(
        name: string,
        args: EncryptedEventDataStoreArgs = {},
        opts?: pulumi.ComponentResourceOptions,
    ) {
        super(`${PACKAGE}:index:EncryptedEventDataStore`, name, {}, opts);
        const label = `EncryptedEventDataStore "${name}"`;
        const { retentionPeriod, billingMode, storeName } = validatedStoreInputs(
            this,
            label,
            name,
            args,
        );
        const chosen = storeKey(this, label, name, args, storeName);
        this.key = chosen.key;
        const keyArn = chosen.arn;

        this.eventDataStore = new aws.cloudtrail.EventDataStore(
            name,
            {
                name: storeName,
                kmsKeyId: keyArn,
                retentionPeriod,
                billingMode,
                terminationProtectionEnabled:
                    args.terminationProtectionEnabled ?? args.retainOnDelete ?? true,
                multiRegionEnabled: args.multiRegionEnabled ?? true,
                organizationEnabled: args.organizationEnabled ?? false,
                advancedEventSelectors: args.advancedEventSelectors,
                region: args.region,
                tags: args.tags,
            },
            // The key policy exists before the store. "After you associate an event data store
            // with a KMS key, the KMS key cannot be removed or changed" (CreateEventDataStore), so
            // another key means another store; the old one is retained with its events.
            {
                parent: this,
                dependsOn: chosen.dependsOn,
                replaceOnChanges: ["kmsKeyId"],
                retainOnDelete: args.retainOnDelete ?? true,
            },
        );
        this.arn = this.eventDataStore.arn;
        this.kmsKeyArn = keyArn;
        this.registerOutputs({
            eventDataStore: this.eventDataStore,
            arn: this.arn,
            kmsKeyArn: this.kmsKeyArn,
            key: this.key,
        });
    }
}

/** Checks the arguments of an {@link EncryptedEventDataStore} `name` up front (the name on arrival if it is an Output). */
function validatedStoreInputs(
    parent: EncryptedEventDataStore,
    label: string,
    name: string,
    args: EncryptedEventDataStoreArgs,
): ReturnType<typeof validateEventDataStoreRetention> & { storeName: pulumi.Input<string> } {
    const retention = checked(parent, label, () => {
        refuseGrantOnOwnKey(
            args.kmsKeyArn,
            "queryPrincipalArns",
            args.queryPrincipalArns,
            "these principals are added only to the key this component creates, but kmsKeyArn brings a key of your own",
            "grant them on your key (eventDataStoreKeyPolicy's queryPrincipalArns), or drop kmsKeyArn",
        );
        if (args.retainOnDelete === false && args.terminationProtectionEnabled === true) {
            throw new InputError(
                "terminationProtectionEnabled",
                true,
                "retainOnDelete: false asks pulumi destroy to delete the store, which termination protection refuses",
                "terminationProtectionEnabled: true with retainOnDelete true (the default), or false with retainOnDelete: false",
                "drop retainOnDelete: false to keep the store, or drop terminationProtectionEnabled: true to let destroy delete it",
            );
        }
        validateTrailSelectors({ advancedEventSelectors: args.advancedEventSelectors });
        return validateEventDataStoreRetention(
            args.retentionPeriod ?? 366,
            args.billingMode ?? "EXTENDABLE_RETENTION_PRICING",
        );
    });
    const storeName = checkedInput(parent, label, args.eventDataStoreName ?? name, (n) =>
        validateEventDataStoreName(n),
    );
    return { ...retention, storeName };
}

/**
 * The user's `kmsKeyArn`, checked, or a new key `${name}-key` with the event-data-store key
 * policy, and what the store must wait for.
 */
function storeKey(
    parent: EncryptedEventDataStore,
    label: string,
    name: string,
    args: EncryptedEventDataStoreArgs,
    storeName: pulumi.Input<string>,
): ChosenKey {
    const where = awsLocation(parent, args.region);
    if (args.kmsKeyArn !== undefined) {
        const user = "the event data store";
        return givenKey(parent, label, args.kmsKeyArn, where, user, COMPONENT_NEEDS_KEY_ARN);
    }
    const adminArns = checkedKeyAdmins(
        parent,
        label,
        args.keyAdminArns,
        EVENT_DATA_STORE_CALLER_NEEDS_KEY,
    );
    const policy = pulumi
        .all([where, args.queryPrincipalArns, adminArns])
        .apply(([loc, queryPrincipalArns, admins]) =>
            checked(parent, label, () =>
                JSON.stringify(
                    eventDataStoreKeyPolicy({ ...loc, queryPrincipalArns, adminArns: admins }),
                ),
            ),
        );
    const key = createSymmetricKey(parent, `${name}-key`, {
        description: pulumi
            .output(storeName)
            .apply(
                (n) => `CloudTrail Lake key for event data store ${n} (pulumi-aws-encrypted-logs)`,
            ),
        policy,
        settings: validatedKeySettings({}),
        region: args.region,
        tags: args.tags,
    });
    return { arn: key.arn, key, dependsOn: [key] };
}
