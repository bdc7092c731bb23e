/**
 * The "policy packs" bench section's report (bench/policypack.ts measures): its Markdown tables,
 * targets and chart, from the times, CPU times and findings measured.
 */
import type { PolicyPackHarness } from "../harness/policyHarness";
import { MISTAKES } from "../harness/syntheticStack";
import { SectionResult, median, ratio } from "./harness";
import type { Findings } from "./packFindings";

/** The stack sizes measured, smaller first. */
export const SIZES = [6_000, 20_000] as const;

/** One pack under measurement. */
export interface Pack {
    readonly label: string;
    readonly dir: string;
    readonly allMandatory: boolean;
    harness?: PolicyPackHarness;
}

/** What one run of the section measured, per size: times per pack (in `packs` order, then the same-shape pack). */
export interface Measured {
    readonly whole: Record<number, number[][]>;
    /** CPU ms of each pack's process over each whole-analysis round. */
    readonly wholeCpu: Record<number, number[][]>;
    readonly stackTimes: Record<number, number[][]>;
    readonly logic: Record<number, number>;
    readonly found: Findings[];
    readonly plantedCount: number;
    readonly starts: number[][];
}

/** The section's tables, targets and chart from what was measured. */
export function report(m: Measured, packs: Pack[], stackPolicyCount: number): SectionResult {
    const { whole, wholeCpu, stackTimes, logic, found, plantedCount, starts } = m;
    const paired = (times: number[][], a: number, b: number) =>
        median(times[a].map((t, i) => t / times[b][i]));
    const med = (times: number[][], j: number) => median(times[j]);
    const [small, large] = SIZES;
    const scale = large / small;
    const perResourceUs = (size: number, j: number) =>
        ((med(whole[size], j) - med(whole[size], 1)) / size) * 1000;
    const wholeRatio = SIZES.map((s) => paired(whole[s], 0, 1));
    const stackRatio = SIZES.map((s) => paired(stackTimes[s], 0, 1));
    const guardRatio = SIZES.map((s) => paired(whole[s], 2, 1));
    const sameShapeRatio = SIZES.map((s) => paired(stackTimes[s], 0, 4));
    const best = (times: number[][], a: number, b: number) =>
        Math.min(...times[a]) / Math.min(...times[b]);
    const wholeBest = SIZES.map((s) => best(whole[s], 0, 1));
    const eachBest = SIZES.map((s) => best(whole[s], 3, 1));
    const scaling = (times: Record<number, number[][]>, j: number) =>
        med(times[large], j) / med(times[small], j) / scale;
    const scalingWholeOurs = scaling(whole, 0);
    const scalingStackOurs = scaling(stackTimes, 0);
    const scalingLogic = logic[large] / logic[small] / scale;
    const start = starts.map((t) => median(t));
    const ms = (v: number) => `${v.toFixed(0)} ms`;
    const rows: string[] = [
        `| measure (ratio = median of the per-round ratios unless it says best; in brackets, times) | ${small.toLocaleString("en-US")} resources | ${large.toLocaleString("en-US")} resources | target |`,
        "|---|---|---|---|",
        `| whole analysis (Remediate + Analyze per resource, then AnalyzeStack), best of ${whole[small][0].length}: encrypted-logs / no-op pack with one stack policy | ${ratio(wholeBest[0])} (${ms(Math.min(...whole[small][0]))} / ${ms(Math.min(...whole[small][1]))}) | ${ratio(wholeBest[1])} (${ms(Math.min(...whole[large][0]))} / ${ms(Math.min(...whole[large][1]))}) | ≤ 1.10× |`,
        `| the pack process's CPU time over the same rounds (from /proc), best of ${whole[small][0].length}: encrypted-logs / no-op | ${ratio(best(wholeCpu[small], 0, 1))} (${ms(Math.min(...wholeCpu[small][0]))} / ${ms(Math.min(...wholeCpu[small][1]))}) | ${ratio(best(wholeCpu[large], 0, 1))} (${ms(Math.min(...wholeCpu[large][0]))} / ${ms(Math.min(...wholeCpu[large][1]))}) | (information) |`,
        `| the same, before the pack read each resource once: encrypted-logs with each policy deserializing / no-op | ${ratio(eachBest[0])} (${ms(Math.min(...whole[small][3]))}) | ${ratio(eachBest[1])} (${ms(Math.min(...whole[large][3]))}) | (information) |`,
        `| whole analysis: encrypted-logs / no-op, median of the per-round ratios | ${ratio(wholeRatio[0])} (${ms(med(whole[small], 0))} / ${ms(med(whole[small], 1))}) | ${ratio(wholeRatio[1])} (${ms(med(whole[large], 0))} / ${ms(med(whole[large], 1))}) | (information) |`,
        `| whole analysis: awsguard / no-op | ${ratio(guardRatio[0])} (${ms(med(whole[small], 2))}) | ${ratio(guardRatio[1])} (${ms(med(whole[large], 2))}) | (comparison) |`,
        `| per-resource overhead over the no-op pack, whole analysis: encrypted-logs | ${perResourceUs(small, 0).toFixed(0)} µs | ${perResourceUs(large, 0).toFixed(0)} µs | |`,
        `| per-resource overhead over the no-op pack, whole analysis: awsguard | ${perResourceUs(small, 2).toFixed(0)} µs | ${perResourceUs(large, 2).toFixed(0)} µs | |`,
        `| AnalyzeStack alone: encrypted-logs / no-op | ${ratio(stackRatio[0])} (${ms(med(stackTimes[small], 0))} / ${ms(med(stackTimes[small], 1))}) | ${ratio(stackRatio[1])} (${ms(med(stackTimes[large], 0))} / ${ms(med(stackTimes[large], 1))}) | ≤ 1.30× |`,
        `| AnalyzeStack alone: encrypted-logs / no-op pack with as many stack policies (${stackPolicyCount}) | ${ratio(sameShapeRatio[0])} (${ms(med(stackTimes[small], 4))}) | ${ratio(sameShapeRatio[1])} (${ms(med(stackTimes[large], 4))}) | (information) |`,
        `| AnalyzeStack alone: awsguard (no stack policy) | ${ms(med(stackTimes[small], 2))} | ${ms(med(stackTimes[large], 2))} | (information) |`,
        `| the pack's own logic (index + every check), in a Node.js process of its own, not over gRPC | ${logic[small].toFixed(1)} ms | ${logic[large].toFixed(1)} ms | (information) |`,
        "",
        `| scaling from ${small.toLocaleString("en-US")} to ${large.toLocaleString("en-US")} resources (time ratio ÷ ${scale.toFixed(2)}; 1.00 = linear) | value | target |`,
        "|---|---|---|",
        `| whole analysis, encrypted-logs | ${scalingWholeOurs.toFixed(2)} | ≤ 1.20 |`,
        `| whole analysis, no-op | ${scaling(whole, 1).toFixed(2)} | |`,
        `| whole analysis, awsguard | ${scaling(whole, 2).toFixed(2)} | |`,
        `| AnalyzeStack, encrypted-logs | ${scalingStackOurs.toFixed(2)} | ≤ 1.20 |`,
        `| AnalyzeStack, no-op | ${scaling(stackTimes, 1).toFixed(2)} | |`,
        `| the pack's own logic in process | ${scalingLogic.toFixed(2)} | ≤ 1.20 |`,
        "",
        "| start-up (spawn to port line, median of 5) | encrypted-logs | no-op | awsguard | target |",
        "|---|---|---|---|---|",
        `| \`node <pack>/node_modules/@pulumi/pulumi/cmd/run-policy-pack <engine> .\` | ${ms(start[0])} | ${ms(start[1])} | ${ms(start[2])} | < 2,000 ms |`,
        "",
        ...violationsTable(found, plantedCount, packs, small),
    ];
    const targets = targetsOf({
        wholeBest,
        stackRatio,
        rounds: whole[small][0].length,
        scaling: [scalingWholeOurs, scalingStackOurs, scalingLogic],
        startMs: start[0],
        caught: found[0].caught,
        plantedCount,
    });
    return {
        markdown: rows.join("\n"),
        targets,
        chart: {
            title: "policy pack: whole analysis of a stack",
            xLabel: "resources in the stack",
            x: SIZES,
            series: Object.fromEntries(
                packs.map((pk, j) => [pk.label, SIZES.map((s) => med(whole[s], j))]),
            ),
        },
    };
}

/** Which planted mistakes each pack refused, on the smaller stack. */
function violationsTable(
    found: Findings[],
    plantedCount: number,
    packs: Pack[],
    small: number,
): string[] {
    return [
        `Violations on the same ${small.toLocaleString("en-US")}-resource stack (one preview each). It has ${plantedCount} planted log-encryption mistakes, in turn: ${MISTAKES.join("; ")}.`,
        "",
        "| pack | diagnostics | by policy | planted mistakes refused | kinds refused |",
        "|---|---:|---|---:|---|",
        ...packs.slice(0, 3).map(
            (pk, j) =>
                `| ${pk.label} | ${found[j].diagnostics} | ${
                    Object.entries(found[j].byPolicy)
                        .map(([n, c]) => `${n} ${c}`)
                        .join(", ") || "—"
                } | ${found[j].caught} / ${plantedCount} | ${found[j].caughtKinds.join("; ") || "none"} |`,
        ),
    ];
}

/** The section's targets. */
function targetsOf(t: {
    readonly wholeBest: number[];
    readonly stackRatio: number[];
    readonly rounds: number;
    /** Whole analysis, AnalyzeStack, the pack's own logic: time ratio ÷ size ratio. */
    readonly scaling: readonly [number, number, number];
    readonly startMs: number;
    readonly caught: number;
    readonly plantedCount: number;
}): SectionResult["targets"] {
    const [small, large] = SIZES;
    const [scalingWholeOurs, scalingStackOurs, scalingLogic] = t.scaling;
    return [
        ...SIZES.map((s, i) => ({
            name: `whole analysis ${s}, best of ${t.rounds} (≤ 1.10× the one-stack-policy no-op pack)`,
            met: t.wholeBest[i] <= 1.1,
            detail: ratio(t.wholeBest[i]),
        })),
        ...SIZES.map((s, i) => ({
            name: `AnalyzeStack alone ${s} (≤ 1.30× no-op)`,
            met: t.stackRatio[i] <= 1.3,
            detail: ratio(t.stackRatio[i]),
        })),
        {
            name: `linear whole analysis ${small / 1000}k→${large / 1000}k`,
            met: scalingWholeOurs <= 1.2,
            detail: scalingWholeOurs.toFixed(2),
        },
        {
            name: `linear AnalyzeStack ${small / 1000}k→${large / 1000}k`,
            met: scalingStackOurs <= 1.2,
            detail: scalingStackOurs.toFixed(2),
        },
        {
            name: `linear pack logic ${small / 1000}k→${large / 1000}k`,
            met: scalingLogic <= 1.2,
            detail: scalingLogic.toFixed(2),
        },
        { name: "start-up < 2 s", met: t.startMs < 2000, detail: `${t.startMs.toFixed(0)} ms` },
        {
            name: "every planted mistake refused",
            met: t.caught === t.plantedCount,
            detail: `${t.caught} / ${t.plantedCount}`,
        },
    ];
}
