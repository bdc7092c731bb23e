/**
 * `--policy-pack-config` files the Pulumi CLI refuses, each with the line(s) it prints (after
 * `error: `) and what the check adds (what is allowed, the fix). tests/checkFlags.test.ts asserts
 * the check prints them; tests/engine/policyPackConfig.test.ts that the real CLI (3.248.0) prints
 * the same lines.
 */
export const REFUSALS: { name: string; config: unknown; cli: string[]; help: string[] }[] = [
    {
        name: "mandatroy",
        config: { "log-encryption-key-required": { enforcementLevel: "mandatroy" } },
        cli: [
            'parsing enforcement level for "log-encryption-key-required": "mandatroy" is not a valid enforcement level',
        ],
        help: [
            "allowed: advisory, mandatory, remediate, disabled (lower case); fix: use one of them",
        ],
    },
    {
        name: "warn",
        config: { "log-encryption-key-required": "warn" },
        cli: [
            'parsing enforcement level for "log-encryption-key-required": "warn" is not a valid enforcement level',
        ],
        help: [
            "allowed: advisory, mandatory, remediate, disabled (lower case); fix: use one of them",
        ],
    },
    {
        name: "MANDATORY",
        config: { "log-encryption-key-required": { enforcementLevel: "MANDATORY" } },
        cli: [
            'parsing enforcement level for "log-encryption-key-required": "MANDATORY" is not a valid enforcement level',
        ],
        help: [
            'allowed: advisory, mandatory, remediate, disabled (lower case); fix: write "mandatory"',
        ],
    },
    {
        name: "42",
        config: { "log-encryption-key-required": { enforcementLevel: 42 } },
        cli: [
            'parsing enforcement level for "log-encryption-key-required": 42 is not a valid enforcement level; must be a string',
        ],
        help: [
            'allowed: advisory, mandatory, remediate, disabled (lower case); fix: "enforcementLevel": "mandatory" (a string)',
        ],
    },
    {
        name: "all-warn",
        config: { all: "warn" },
        cli: ['parsing enforcement level for "all": "warn" is not a valid enforcement level'],
        help: [
            "allowed: advisory, mandatory, remediate, disabled (lower case); fix: use one of them",
        ],
    },
    {
        name: "number-entry",
        config: { "log-encryption-key-usable": 42 },
        cli: [
            'parsing "log-encryption-key-usable": 42 is not a valid value; must be a string or object',
        ],
        help: [
            'allowed: a level (advisory, mandatory, remediate, disabled) or an object {"enforcementLevel": ..., <the policy\'s properties>}',
        ],
    },
    {
        name: "yes",
        config: { "log-encryption-key-usable": { allowMultiRegionKeys: "yes" } },
        cli: [
            "validating policy config: encrypted-logs 0.1.0  log-encryption-key-usable: allowMultiRegionKeys: Invalid type. Expected: boolean, given: string",
        ],
        help: [
            "fix: give each property the type its policy's configSchema declares (docs/policy-pack.md lists them)",
        ],
    },
    {
        name: "strict",
        config: { "log-encryption-key-usable": { unverified: "strict" } },
        cli: [
            'validating policy config: encrypted-logs 0.1.0  log-encryption-key-usable: unverified: unverified must be one of the following: "advisory", "mandatory"',
        ],
        help: [
            "fix: give each property the type its policy's configSchema declares (docs/policy-pack.md lists them)",
        ],
    },
    {
        name: "two-types",
        config: {
            "log-encryption-key-usable": { allowMultiRegionKeys: "yes", requireKeyRotation: 1 },
        },
        cli: [
            "validating policy config: encrypted-logs 0.1.0  log-encryption-key-usable: allowMultiRegionKeys: Invalid type. Expected: boolean, given: string",
            "validating policy config: encrypted-logs 0.1.0  log-encryption-key-usable: requireKeyRotation: Invalid type. Expected: boolean, given: integer",
        ],
        help: [
            "fix: give each property the type its policy's configSchema declares (docs/policy-pack.md lists them)",
        ],
    },
    {
        name: "no-reason",
        config: { "log-encryption-key-required": { exemptions: [{ resourceNames: ["a"] }] } },
        cli: [
            "validating policy config: encrypted-logs 0.1.0  log-encryption-key-required: exemptions.0: reason is required",
        ],
        help: [
            "fix: give each property the type its policy's configSchema declares (docs/policy-pack.md lists them)",
        ],
    },
];
