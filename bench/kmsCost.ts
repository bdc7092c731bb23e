/**
 * The KMS cost model of BENCHMARKS.md and the README: monthly key-storage cost for 10, 100 and
 * 1,000 log groups, one key per group (the default) against one shared account-wide LogsKey per
 * region, with yearly rotation on. Pure arithmetic from the AWS KMS pricing terms below.
 */

/** Pricing terms used (AWS KMS pricing page, https://aws.amazon.com/kms/pricing/, as stored on 2026-11-22). */
export const KMS_PRICING = {
    /** "Each AWS KMS key that you create in KMS costs $1/month." */
    keyPerMonth: 1,
    /** "If you enable automatic key rotation, each newly generated backing key costs an additional $1/month." */
    rotationPerMonth: 1,
    /**
     * Rotations that add to the bill: since AWS's April 2024 change the first and second rotation
     * each add $1/month and later ones add nothing (the stored copy of the pricing page did not
     * show the cap; the change is cited by third-party write-ups of the page).
     */
    billedRotations: 2,
    /** Requests: $0.03 per 10,000 symmetric requests beyond 20,000 free per month (account-wide). */
    requestsPer10k: 0.03,
    freeRequests: 20_000,
};

/** Monthly storage cost of `keys` keys in their `year`-th year with yearly rotation (year 1 = no rotation yet). */
export function monthlyKeyCost(keys: number, year: number, rotation = true): number {
    const rotations = rotation ? Math.min(Math.max(year - 1, 0), KMS_PRICING.billedRotations) : 0;
    return keys * (KMS_PRICING.keyPerMonth + rotations * KMS_PRICING.rotationPerMonth);
}

/** The cost table as markdown lines. */
export function kmsCostTable(): string[] {
    const money = (v: number) => `$${v.toLocaleString("en-US")}`;
    const lines = [
        "| log groups | keys, one per group | per month, year 1 | year 2 | year 3 on | keys, one shared per region | per month, year 1 | year 2 | year 3 on |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ];
    for (const groups of [10, 100, 1000]) {
        const shared = 1;
        lines.push(
            `| ${groups.toLocaleString("en-US")} | ${groups} | ${money(monthlyKeyCost(groups, 1))} | ${money(monthlyKeyCost(groups, 2))} | ${money(monthlyKeyCost(groups, 3))} | ${shared} | ${money(monthlyKeyCost(shared, 1))} | ${money(monthlyKeyCost(shared, 2))} | ${money(monthlyKeyCost(shared, 3))} |`,
        );
    }
    return lines;
}
