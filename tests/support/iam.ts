/**
 * Evaluates key policies with a real IAM policy evaluator (`@cloud-copilot/iam-simulate`), with
 * these workarounds:
 * - `runUnsafeSimulation` (the validating entry point drops `kms:EncryptionContext:aws:logs:arn`),
 *   with the key policy passed as a validated policy;
 * - service principals that do not end in `amazonaws.com` (aws-cn's `.amazonaws.com.cn`, the ISO
 *   partitions' suffixes) are renamed consistently in the policy and the request, e.g. to
 *   `.cn-partition.amazonaws.com`, which stays distinct from the commercial name;
 * - the evaluator matches account principals by account id alone, so {@link partitionsIn} lets
 *   tests assert every ARN in a policy carries the expected partition.
 */
import { createValidatedPolicy, validateResourcePolicy } from "@cloud-copilot/iam-policy";
import { runUnsafeSimulation } from "@cloud-copilot/iam-simulate";
import * as assert from "node:assert/strict";

/** A request against a KMS key. */
export interface KeyRequest {
    /** A principal ARN, a service principal, or "anonymous". */
    readonly principal: string;
    readonly action: string;
    readonly context?: Record<string, string>;
    /** Identity policy attached to the calling principal, if any. */
    readonly identityPolicy?: object;
}

/** "Allowed", "ImplicitlyDenied" or "ExplicitlyDenied". */
export type Decision = string;

// DNS suffixes of partitions whose service principals do not end in amazonaws.com, and the
// distinct amazonaws.com names they are evaluated under.
const FOREIGN_SUFFIXES: [RegExp, string][] = [
    [/\.amazonaws\.com\.cn$/, ".cn-partition.amazonaws.com"],
    [/\.c2s\.ic\.gov$/, ".iso-partition.amazonaws.com"],
    [/\.sc2s\.sgov\.gov$/, ".isob-partition.amazonaws.com"],
];
const renameCn = (s: string): string =>
    FOREIGN_SUFFIXES.reduce((text, [suffix, replacement]) => text.replace(suffix, replacement), s);

function renameServiceNames(value: unknown): unknown {
    if (typeof value === "string") {
        return renameCn(value);
    }
    if (Array.isArray(value)) {
        return value.map(renameServiceNames);
    }
    if (value !== null && typeof value === "object") {
        return Object.fromEntries(
            Object.entries(value).map(([k, v]) => [k, renameServiceNames(v)]),
        );
    }
    return value;
}

/** The accounts id of an ARN-shaped resource. */
function accountOf(arn: string): string {
    return arn.split(":")[4];
}

/**
 * Evaluates `request` against a resource policy on `resourceArn`. `resourceAccount` is the owner
 * of the resource when its ARN does not carry one (S3: `arn:aws:s3:::bucket/key`).
 */
export function decide(
    policy: object,
    resourceArn: string,
    request: KeyRequest,
    resourceAccount: string = accountOf(resourceArn),
): Decision {
    const renamedPolicy = renameServiceNames(policy);
    const errors = validateResourcePolicy(renamedPolicy);
    assert.deepEqual(errors, [], `the policy does not validate: ${JSON.stringify(errors)}`);
    const context = renameServiceNames(request.context ?? {}) as Record<string, string>;
    return runUnsafeSimulation(
        {
            request: {
                principal:
                    request.principal === "anonymous"
                        ? { type: "Anonymous" }
                        : renameCn(request.principal),
                action: request.action,
                resource: { resource: resourceArn, accountId: resourceAccount },
                contextVariables: context,
            },
            identityPolicies: request.identityPolicy
                ? [{ name: "identity", policy: request.identityPolicy }]
                : [],
            serviceControlPolicies: [],
            resourceControlPolicies: [],
            resourcePolicy: createValidatedPolicy(renamedPolicy, validateResourcePolicy, {
                name: "resource-policy",
            }),
        },
        {},
    );
}

/** Every partition named by an ARN anywhere in `value`. */
export function partitionsIn(value: unknown): Set<string> {
    const found = new Set<string>();
    for (const match of JSON.stringify(value).matchAll(/arn:([^:"]*):/g)) {
        found.add(match[1]);
    }
    return found;
}

/** An identity policy that allows every KMS action on every key. */
export const KMS_ADMIN_IDENTITY_POLICY = {
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Action: "kms:*", Resource: "*" }],
};
