/**
 * What a pack refuses on the synthetic stack: its diagnostics by policy, and which planted
 * log-encryption mistakes ({@link MISTAKES}) it caught, on the log group or on the key behind it.
 */
import { PolicyPackHarness, StackResource } from "../harness/policyHarness";
import { MISTAKES, PLANTED } from "../harness/syntheticStack";

export interface Findings {
    readonly diagnostics: number;
    readonly byPolicy: Record<string, number>;
    /** Planted mistakes with a diagnostic on the log group or on the bad key behind it. */
    readonly caught: number;
    readonly caughtKinds: string[];
}

export async function findings(
    pack: PolicyPackHarness,
    stack: readonly StackResource[],
): Promise<Findings> {
    const result = await pack.preview(stack);
    const byPolicy: Record<string, number> = {};
    for (const d of result.all) {
        byPolicy[d.policyName] = (byPolicy[d.policyName] ?? 0) + 1;
    }
    const flagged = new Set(result.all.map((d) => d.urn));
    const groups = stack.filter(
        (r) => r.type === "aws:cloudwatch/logGroup:LogGroup" && PLANTED.test(r.name),
    );
    const caughtGroups = groups.filter(
        (g) =>
            flagged.has(g.urn) ||
            flagged.has(
                g.urn.replace("aws:cloudwatch/logGroup:LogGroup", "aws:kms/key:Key") + "-key",
            ),
    );
    const kinds = new Set(
        caughtGroups.map((g) => MISTAKES[Number(/-bad-(\d+)$/.exec(g.name)![1])]),
    );
    return {
        diagnostics: result.all.length,
        byPolicy,
        caught: caughtGroups.length,
        caughtKinds: MISTAKES.filter((m) => kinds.has(m)),
    };
}
