/**
 * The key-facts contract: what a stack that owns a KMS key publishes about it (a stack output) so
 * that the policy pack, running on another stack that takes the key through a `StackReference`,
 * judges that key as if it were in its own stack. The kind string, the field names and their types
 * are a contract between stacks deployed at different times by different teams: a change is a new
 * `@<version>` of {@link KEY_FACTS_KIND}, never an edit of version 1.
 *
 * One definition, used by the components (`LogsKey.facts`, `CloudTrailKey.facts`, `keyFacts`) and
 * by the policy pack (`policypack/lib/stack/publishedKeys.ts`), which imports it as it imports
 * `services.ts`. Pure: no Pulumi runtime imports.
 */
import { parseKmsKeyArn } from "./arn";

/** The `kind` of a key-facts object, with its contract version. */
export const KEY_FACTS_KIND = "pulumi-aws-encrypted-logs/key-facts@1";

/** What every key-facts `kind` starts with, whatever its version (`@1`, a later `@2`, ...). */
export const KEY_FACTS_KIND_PREFIX = "pulumi-aws-encrypted-logs/key-facts@";

/**
 * The facts of one KMS key, as a stack publishes them (`export const logsKey = key.facts;`).
 * Every field is required; the names are a contract (see {@link KEY_FACTS_KIND}).
 */
export interface PublishedKeyFacts {
    /** Always `pulumi-aws-encrypted-logs/key-facts@1` (the contract and its version). */
    readonly kind: string;
    /** The key's ARN (`arn:<partition>:kms:<region>:<account>:key/<key-id>`): what consumers pass as `kmsKeyId`. */
    readonly arn: string;
    /** The key's region, e.g. `us-east-1`. */
    readonly region: string;
    /** The key spec, e.g. `SYMMETRIC_DEFAULT`. */
    readonly keySpec: string;
    /** The key usage, e.g. `ENCRYPT_DECRYPT`. */
    readonly keyUsage: string;
    /** Whether it is a multi-Region key. */
    readonly multiRegion: boolean;
    /** Whether automatic key rotation is on. */
    readonly enableKeyRotation: boolean;
    /** The key policy, as a JSON string. */
    readonly policy: string;
}

/** The fields of {@link PublishedKeyFacts} and the JavaScript type each must have, in contract order. */
export const KEY_FACTS_FIELDS: Readonly<Record<keyof PublishedKeyFacts, "string" | "boolean">> = {
    kind: "string",
    arn: "string",
    region: "string",
    keySpec: "string",
    keyUsage: "string",
    multiRegion: "boolean",
    enableKeyRotation: "boolean",
    policy: "string",
};

/** Whether `value` claims to be key facts (an object whose `kind` is a key-facts kind, any version). */
export function claimsKeyFacts(value: unknown): value is Record<string, unknown> {
    if (value === null || typeof value !== "object" || Array.isArray(value)) {
        return false;
    }
    const kind = (value as Record<string, unknown>).kind;
    return typeof kind === "string" && kind.startsWith(KEY_FACTS_KIND_PREFIX);
}

/** What {@link checkKeyFacts} finds: the facts when they hold, else the problems. */
export type KeyFactsCheck =
    | {
          /** The facts, with exactly the contract's fields. */
          readonly facts: PublishedKeyFacts;
      }
    | {
          /** Every problem found, each naming the field, the value got and what is allowed. */
          readonly problems: readonly string[];
      };

/**
 * Checks an object that claims to be key facts (`claimsKeyFacts`: its `kind` is a key-facts kind)
 * against the contract: the facts when it holds, else every problem found (a wrong kind version, a
 * missing field, a field of the wrong type, a policy that is not JSON), each naming the field, the
 * value got and what is allowed.
 */
export function checkKeyFacts(value: Record<string, unknown>): KeyFactsCheck {
    if (value.kind !== KEY_FACTS_KIND) {
        return {
            problems: [
                `kind is ${JSON.stringify(value.kind)}, but this version of pulumi-aws-encrypted-logs reads ${JSON.stringify(KEY_FACTS_KIND)}: ` +
                    `publish the facts with the same major version of the package as the pack, or upgrade the pack`,
            ],
        };
    }
    const problems: string[] = [];
    for (const [field, type] of Object.entries(KEY_FACTS_FIELDS)) {
        const got = value[field];
        if (got === undefined || got === null) {
            problems.push(`${field} is missing (a ${type} is required)`);
        } else if (typeof got !== type) {
            problems.push(
                `${field} is ${JSON.stringify(got)}, a ${typeof got}; a ${type} is required`,
            );
        }
    }
    if (typeof value.arn === "string") {
        try {
            const arn = parseKmsKeyArn("arn", value.arn);
            if (typeof value.region === "string" && value.region !== arn.region) {
                problems.push(
                    `region is ${JSON.stringify(value.region)}, but the key's ARN is in ${arn.region}; the region must be the ARN's`,
                );
            }
        } catch (e) {
            problems.push((e as Error).message);
        }
    }
    if (typeof value.policy === "string") {
        try {
            JSON.parse(value.policy);
        } catch {
            problems.push(`policy is not JSON (it must be the key policy as a JSON string)`);
        }
    }
    return problems.length > 0
        ? { problems }
        : {
              facts: Object.fromEntries(
                  Object.keys(KEY_FACTS_FIELDS).map((f) => [f, value[f]]),
              ) as unknown as PublishedKeyFacts,
          };
}
