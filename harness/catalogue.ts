/**
 * The catalogue: fixture stacks that together hold every diagnostic the pack can give, built with
 * {@link StackBuilder}, and the pack configurations they are judged under. The word-for-word test
 * (`policypack.test.ts`) and the in-process fidelity test (`policypackInProcess.test.ts`) run
 * every stack under every configuration.
 */
import { cloudTrailKeyPolicy, eventDataStoreKeyPolicy } from "../components";
import { StackResource } from "./policyHarness";
import { logDestinationStack } from "./destinationFixtures";
import { everyKind } from "./catalogueKinds";
import {
    ACCOUNT,
    KeyOptions,
    StackBuilder,
    cloudTrailPolicy,
    detectorPolicy,
} from "./stackFixtures";

/**
 * Stacks with every kind of target, key, alias, bucket and key reference the pack distinguishes,
 * right and wrong, in a first preview (new keys: ARNs unknown) and after deploy: the pack's whole
 * vocabulary of diagnostics, for the word-for-word test and the in-process fidelity test.
 */
export function catalogueStacks(): Record<string, StackResource[]> {
    return {
        "first preview": everyKind(false),
        "after deploy": everyKind(true),
        "aws-cn": otherPartition(),
        "log destinations": logDestinationStack(),
        "event data stores": eventDataStores(),
    };
}

/** CloudTrail Lake event data stores (aws and aws-native), right and wrong, in a first preview. */
function eventDataStores(): StackResource[] {
    const s = new StackBuilder("us-east-1", "app", "lake");
    const where = {
        partition: "aws",
        region: "us-east-1",
        accountId: ACCOUNT,
        dnsSuffix: "amazonaws.com",
    };
    const storeKey = (name: string, opts: KeyOptions = {}) =>
        s.key(name, { policy: eventDataStoreKeyPolicy(where), ...opts });
    s.eventDataStore("lake", { key: storeKey("lake-key") });
    s.eventDataStore("lake-no-key");
    s.eventDataStore("lake-native-no-key", { native: true });
    s.eventDataStore("lake-trail-key", {
        key: s.key("lake-trail-key-key", {
            policy: cloudTrailKeyPolicy({ ...where, trailName: "audit" }),
        }),
    });
    s.eventDataStore("lake-no-policy", { key: s.key("lake-no-policy-key", { policy: null }) });
    s.eventDataStore("lake-rsa", { key: storeKey("lake-rsa-key", { spec: "RSA_2048" }) });
    const eu = s.provider("eu", "eu-west-1");
    s.eventDataStore("lake-far", { key: storeKey("lake-far-key", { provider: eu }) });
    return s.resources;
}

function otherPartition(): StackResource[] {
    const partition = { partition: "aws-cn", dnsSuffix: "amazonaws.com.cn" };
    const s = new StackBuilder("cn-north-1", "app", "china", partition);
    s.logGroup("no-key", {});
    s.logGroup("good", { key: s.key("good-key") });
    s.logGroup("us-policy", {
        key: s.key("us-policy-key", { policy: detectorPolicy("us-east-1") }),
    });
    s.logGroup("us-arn", {
        key: `arn:aws:kms:us-east-1:${ACCOUNT}:key/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0`,
    });
    s.trail("trail", s.bucket("trail-logs"), {
        key: s.key("trail-key", { policy: cloudTrailPolicy() }),
    });
    return s.resources;
}

/** Pack configurations (as `Configure` sends them) for the catalogue; `{}`: none, the defaults. */
export const CATALOGUE_CONFIGS: Record<
    string,
    Record<string, { enforcementLevel?: string; [k: string]: unknown }>
> = {
    defaults: {},
    "exemptions, levels, options": {
        "log-encryption-key-required": {
            enforcementLevel: "advisory",
            exemptResourceNames: ["no-key"],
        },
        "log-encryption-key-usable": {
            enforcementLevel: "remediate",
            allowMultiRegionKeys: true,
            requireKeyRotation: false,
            exemptUrnPatterns: ["*::rsa", "*Trail::trail-*"],
            // What cannot be verified yet is refused here, not left to the advisory.
            unverified: "mandatory",
        },
        "log-destinations-encrypted": { unverified: "mandatory" },
    },
    "usable disabled": {
        "log-encryption-key-usable": { enforcementLevel: "disabled" },
        "log-encryption-unverified": { exemptUrnPatterns: ["*shared"] },
    },
};
