/**
 * Policies this pack no longer has under their old names, and what took their place. The pack
 * refuses a configuration that still names one (`configuredPolicies.ts` sees the names
 * the engine configures), and an `encrypted-logs:exempt` tag that names one says which name to
 * write instead, so a rename never silently drops an enforcement level or an exemption.
 */

/** Old policy name → the policy that took its place. */
export const RENAMED_POLICIES: Readonly<Record<string, string>> = {
    // 0.1.0's two "cannot verify yet" advisories, for keys and for log destinations, are one,
    "log-encryption-key-verifiable": "log-encryption-unverified",
    "log-destinations-verifiable": "log-encryption-unverified",
    // which also reports the exemptions: one advisory about what the pack did not check.
    "log-encryption-exemptions": "log-encryption-unverified",
};

/** The policy that took `name`'s place, when `name` is an old name. */
export function renamedTo(name: string): string | undefined {
    return Object.prototype.hasOwnProperty.call(RENAMED_POLICIES, name)
        ? RENAMED_POLICIES[name]
        : undefined;
}

/**
 * One `[configuration]` refusal per old policy name among `configured` (the names of the pack's
 * configuration as the engine sent it, in any order: the CLI sends a Go map), in the order of the
 * names, saying what to write instead.
 */
export function renamedPolicyRefusals(configured: readonly string[]): string[] {
    return [...configured].sort().flatMap((name) => {
        const now = renamedTo(name);
        return now === undefined
            ? []
            : [
                  `[configuration] the policy pack configuration names ${name}, a policy this pack no longer has: ${name} is now part of ${now}, ` +
                      `the pack's one advisory about what it did not check: what cannot be verified yet, for keys and log destinations alike, and every exemption applied. ` +
                      `Fix: move its exemptions to ${now} and remove ${name} from the configuration (policy-config.json or pulumi policy enable --config); ` +
                      `${now} stays advisory: to refuse what cannot be verified yet, set unverified: "mandatory" on log-encryption-key-usable and log-destinations-encrypted.`,
              ];
    });
}
