/**
 * Benchmark section "components": N `EncryptedLogGroup`s against the hand-written raw
 * `@pulumi/aws` program that creates the same key (policy included) and log group, each
 * measurement in its own process (bench/componentsWorker.ts) under a lean mock engine. Variants
 * alternate within a round (raw, components, raw, components, ...), and the reported ratio is the
 * median of the per-round ratios.
 */
import { execFileSync } from "node:child_process";
import * as path from "node:path";
import { BenchSection, SectionResult, median, ratio } from "./harness";

const SIZES = [100, 1_000, 5_000] as const;
const ROUNDS: Record<number, number> = { 100: 5, 1_000: 3, 5_000: 2 };

interface Measurement {
    readonly variant: "raw" | "components";
    readonly n: number;
    readonly wallMs: number;
    readonly cpuMs: number;
    readonly peakHeapMB: number;
    readonly maxRssMB: number;
    readonly invokes: number;
    readonly resources: number;
}

function measure(variant: "raw" | "components", n: number): Measurement {
    const out = execFileSync(
        process.execPath,
        ["--max-old-space-size=8192", path.join(__dirname, "componentsWorker.js"), variant, `${n}`],
        { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
    );
    return JSON.parse(out.trim().split("\n").pop()!) as Measurement;
}

export const componentsSection: BenchSection = {
    title: "Components vs hand-written @pulumi/aws, under the mock engine",
    async run(log): Promise<SectionResult> {
        const rows: string[] = [
            "| N log groups | rounds | wall time to the last registration: raw / components | components ÷ raw, wall time (median of per-round ratios) | components ÷ raw, CPU time | peak heap: raw / components | peak RSS: raw / components | invokes: raw / components | resources registered: raw / components |",
            "|---:|---:|---|---:|---:|---|---|---|---|",
        ];
        const ratios: Record<number, number> = {};
        const cpuRatios: Record<number, number> = {};
        const medians: Record<number, { raw: number; components: number }> = {};
        const invokes: Record<number, [number, number]> = {};
        for (const n of SIZES) {
            const raw: Measurement[] = [];
            const comp: Measurement[] = [];
            for (let i = 0; i < ROUNDS[n]; i++) {
                log(`N=${n}: round ${i + 1}/${ROUNDS[n]}...`);
                raw.push(measure("raw", n));
                comp.push(measure("components", n));
            }
            ratios[n] = median(comp.map((c, i) => c.wallMs / raw[i].wallMs));
            cpuRatios[n] = median(comp.map((c, i) => c.cpuMs / raw[i].cpuMs));
            const m = (ms: Measurement[], f: (x: Measurement) => number) => median(ms.map(f));
            medians[n] = { raw: m(raw, (x) => x.wallMs), components: m(comp, (x) => x.wallMs) };
            invokes[n] = [
                Math.max(...raw.map((x) => x.invokes)),
                Math.max(...comp.map((x) => x.invokes)),
            ];
            rows.push(
                `| ${n.toLocaleString("en-US")} | ${ROUNDS[n]} | ${medians[n].raw.toFixed(0)} / ${medians[n].components.toFixed(0)} ms | ${ratio(ratios[n])} | ${ratio(cpuRatios[n])} | ${m(raw, (x) => x.peakHeapMB).toFixed(0)} / ${m(comp, (x) => x.peakHeapMB).toFixed(0)} MB | ${m(raw, (x) => x.maxRssMB).toFixed(0)} / ${m(comp, (x) => x.maxRssMB).toFixed(0)} MB | ${invokes[n][0]} / ${invokes[n][1]} | ${raw[0].resources} / ${comp[0].resources} |`,
            );
        }
        const perGroup = (n: number, v: "raw" | "components") => medians[n][v] / n;
        const linear = {
            components: perGroup(5_000, "components") / perGroup(1_000, "components"),
            raw: perGroup(5_000, "raw") / perGroup(1_000, "raw"),
        };
        rows.push(
            "",
            "| scaling from 1,000 to 5,000 groups (time per group at 5,000 ÷ at 1,000; 1.00 = linear) | value | target |",
            "|---|---|---|",
            `| EncryptedLogGroup | ${linear.components.toFixed(2)} | ≤ 1.20 |`,
            `| raw @pulumi/aws (for comparison) | ${linear.raw.toFixed(2)} | |`,
            "",
            "Resources registered include the component itself (the raw program has none). Invokes are",
            "`aws:index/getPartition`, `getRegion` and `getCallerIdentity`: once per provider, whatever N.",
        );
        const targets = [
            ...SIZES.map((n) => ({
                name: `components within 1.15× raw at N=${n}`,
                met: ratios[n] <= 1.15,
                detail: ratio(ratios[n]),
            })),
            {
                name: "invokes O(providers): 3 at every N",
                met: SIZES.every((n) => invokes[n][1] === 3),
                detail: SIZES.map((n) => `${invokes[n][1]}`).join(", "),
            },
            {
                name: "linear 1,000→5,000",
                met: linear.components <= 1.2,
                detail: linear.components.toFixed(2),
            },
        ];
        return {
            markdown: rows.join("\n"),
            targets,
            chart: {
                title: "pulumi preview under mocks: N log groups",
                xLabel: "log groups",
                x: SIZES,
                series: {
                    "raw @pulumi/aws": SIZES.map((n) => medians[n].raw),
                    EncryptedLogGroup: SIZES.map((n) => medians[n].components),
                },
            },
        };
    },
};
