/**
 * Benchmark section "policy pack": the "encrypted-logs" pack against a no-op pack, both started
 * and driven through the test harness exactly as a preview drives them (Remediate + Analyze per
 * resource, then AnalyzeStack), on synthetic stacks of 2,000 and 20,000 resources. Requests are
 * serialized once and the same bytes go to every pack, so the client's own work is not measured.
 * Packs are measured in alternation (ABAB...) and medians reported.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { StackIndex, StackResourceLike } from "../policypack/lib/stack";
import { checkTarget } from "../policypack/lib/checks";
import {
    FixtureResource,
    PACK_DIR,
    PolicyPackHarness,
    toWire,
} from "../tests/support/policyHarness";
import { BenchSection, SectionResult, median, ratio, timeMs } from "./harness";
import { syntheticStack } from "./stack";

const SIZES = [2_000, 20_000] as const;

/** A pack with one no-op resource policy and one no-op stack policy, sharing the real pack's node_modules. */
function noopPack(stackPolicies: number): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "noop-pack-"));
    fs.symlinkSync(path.join(PACK_DIR, "node_modules"), path.join(dir, "node_modules"), "dir");
    fs.writeFileSync(
        path.join(dir, "package.json"),
        JSON.stringify({ name: "noop-pack", version: "0.1.0", main: "index.js" }),
    );
    fs.writeFileSync(path.join(dir, "PulumiPolicy.yaml"), "runtime: nodejs\n");
    fs.writeFileSync(
        path.join(dir, "index.js"),
        `const { PolicyPack } = require("@pulumi/policy");
const policies = [{ name: "noop-resource", description: "does nothing", enforcementLevel: "mandatory", validateResource: () => {} }];
for (let i = 0; i < ${stackPolicies}; i++) {
    policies.push({ name: "noop-stack-" + i, description: "does nothing", enforcementLevel: "mandatory", validateStack: () => {} });
}
new PolicyPack("noop", { policies });
`,
    );
    return dir;
}

interface Prepared {
    readonly size: number;
    readonly perResource: Uint8Array[];
    readonly stack: Uint8Array;
    readonly resources: FixtureResource[];
}

function prepare(pack: PolicyPackHarness, size: number): Prepared {
    const resources = syntheticStack(size);
    const byUrn = new Map(resources.map((r) => [r.urn, r]));
    return {
        size: resources.length,
        perResource: resources.map((r) => pack.analyzeRequest(r, byUrn).serializeBinary()),
        stack: pack.analyzeStackRequest(resources).serializeBinary(),
        resources,
    };
}

async function wholeAnalysis(pack: PolicyPackHarness, p: Prepared): Promise<void> {
    for (const bytes of p.perResource) {
        await pack.unaryBytes("Remediate", bytes);
        await pack.unaryBytes("Analyze", bytes);
    }
    await pack.analyzeStackBytes(p.stack);
}

/** The pack's own logic (index + every check), in process, on the resources as AnalyzeStack sees them. */
function logicOnly(resources: readonly FixtureResource[]): () => number {
    const byUrn = new Map(resources.map((r) => [r.urn, r]));
    const asPolicyResources: StackResourceLike[] = resources.map((r) => {
        const provider = r.provider === undefined ? undefined : byUrn.get(r.provider);
        return {
            type: r.type,
            name: r.name,
            urn: r.urn,
            props: toWire(r.outputs ?? r.inputs),
            provider: provider && {
                type: provider.type,
                name: provider.name,
                props: toWire(provider.inputs),
            },
            parent: r.parent === undefined ? undefined : { urn: r.parent },
            dependencies: (r.dependencies ?? []).map((urn) => ({ urn })),
            propertyDependencies: Object.fromEntries(
                Object.entries(r.propertyDependencies ?? {}).map(([k, v]) => [
                    k,
                    v.map((urn) => ({ urn })),
                ]),
            ),
        };
    });
    return () => {
        const start = process.hrtime.bigint();
        const index = new StackIndex(asPolicyResources);
        let findings = 0;
        for (const t of index.targets) {
            findings += checkTarget(index, t, {
                allowMultiRegionKeys: false,
                requireKeyRotation: true,
            }).findings.length;
        }
        if (findings < 0) {
            throw new Error("unreachable");
        }
        return Number(process.hrtime.bigint() - start) / 1e6;
    };
}

async function startupMedian(dir: string, runs: number): Promise<number> {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
        const h = await PolicyPackHarness.start(dir);
        times.push(h.startupMs);
        await h.stop();
    }
    return median(times);
}

export const policyPackSection: BenchSection = {
    title: 'Policy pack "encrypted-logs" vs a no-op pack',
    async run(log): Promise<SectionResult> {
        const noopDir = noopPack(1);
        const sameShapeDir = noopPack(2);
        try {
            log("start-up (spawn to port line, median of 5, alternating)...");
            const startOurs: number[] = [];
            const startNoop: number[] = [];
            for (let i = 0; i < 5; i++) {
                startOurs.push(await startupMedian(PACK_DIR, 1));
                startNoop.push(await startupMedian(noopDir, 1));
            }
            const ours = await PolicyPackHarness.start(PACK_DIR);
            const noop = await PolicyPackHarness.start(noopDir);
            const sameShape = await PolicyPackHarness.start(sameShapeDir);
            const rows: string[] = [];
            // Each round measures the packs back to back; the ratio reported is the median of the
            // per-round ratios, which cancels slow drifts in machine load better than a ratio of medians.
            const pairedRatios: Record<
                number,
                { whole: number; stack: number; sameShape: number }
            > = {};
            const results: Record<
                number,
                {
                    whole: [number, number];
                    stack: [number, number, number];
                    logic: number;
                    diagnostics: number;
                }
            > = {};
            try {
                for (const size of SIZES) {
                    const p = prepare(ours, size);
                    log(`${p.size} resources: warm-up...`);
                    const warm = await ours.analyzeStackBytes(p.stack);
                    await noop.analyzeStackBytes(p.stack);
                    await sameShape.analyzeStackBytes(p.stack);
                    const diagnostics = warm.getDiagnosticsList().length;
                    const wholeRounds = size >= 20_000 ? 3 : 7;
                    const stackRounds = size >= 20_000 ? 7 : 15;
                    const w: [number[], number[]] = [[], []];
                    for (let i = 0; i < wholeRounds; i++) {
                        log(
                            `${p.size} resources: whole analysis, round ${i + 1}/${wholeRounds}...`,
                        );
                        w[0].push(await timeMs(() => wholeAnalysis(ours, p)));
                        w[1].push(await timeMs(() => wholeAnalysis(noop, p)));
                    }
                    const st: [number[], number[], number[]] = [[], [], []];
                    log(`${p.size} resources: AnalyzeStack alone, ${stackRounds} rounds...`);
                    for (let i = 0; i < stackRounds; i++) {
                        st[0].push(await timeMs(() => ours.analyzeStackBytes(p.stack)));
                        st[1].push(await timeMs(() => noop.analyzeStackBytes(p.stack)));
                        st[2].push(await timeMs(() => sameShape.analyzeStackBytes(p.stack)));
                    }
                    const logic = logicOnly(p.resources);
                    const logicTimes = Array.from({ length: 7 }, () => logic());
                    pairedRatios[size] = {
                        whole: median(w[0].map((t, i) => t / w[1][i])),
                        stack: median(st[0].map((t, i) => t / st[1][i])),
                        sameShape: median(st[0].map((t, i) => t / st[2][i])),
                    };
                    results[size] = {
                        whole: [median(w[0]), median(w[1])],
                        stack: [median(st[0]), median(st[1]), median(st[2])],
                        logic: median(logicTimes),
                        diagnostics,
                    };
                }
            } finally {
                await ours.stop();
                await noop.stop();
                await sameShape.stop();
            }
            const [small, large] = SIZES.map((s) => results[s]);
            const resourcesRatio = SIZES[1] / SIZES[0];
            const wholeRatio = SIZES.map((s) => pairedRatios[s].whole);
            const stackRatio = SIZES.map((s) => pairedRatios[s].stack);
            const sameShapeRatio = SIZES.map((s) => pairedRatios[s].sameShape);
            const scaling = {
                stackOurs: large.stack[0] / small.stack[0] / resourcesRatio,
                stackNoop: large.stack[1] / small.stack[1] / resourcesRatio,
                wholeOurs: large.whole[0] / small.whole[0] / resourcesRatio,
                logic: large.logic / small.logic / resourcesRatio,
            };
            const start = { ours: median(startOurs), noop: median(startNoop) };
            rows.push(
                "| measure (ratio = median of the per-round ratios; in brackets, median times) | 2,000 resources | 20,000 resources | target |",
                "|---|---|---|---|",
                `| whole analysis (Remediate + Analyze per resource, then AnalyzeStack): encrypted-logs / no-op | ${ratio(wholeRatio[0])} (${small.whole[0].toFixed(0)} / ${small.whole[1].toFixed(0)} ms) | ${ratio(wholeRatio[1])} (${large.whole[0].toFixed(0)} / ${large.whole[1].toFixed(0)} ms) | ≤ 1.20× |`,
                `| AnalyzeStack alone: encrypted-logs / no-op | ${ratio(stackRatio[0])} (${small.stack[0].toFixed(0)} / ${small.stack[1].toFixed(0)} ms) | ${ratio(stackRatio[1])} (${large.stack[0].toFixed(0)} / ${large.stack[1].toFixed(0)} ms) | ≤ 1.30× |`,
                `| AnalyzeStack alone: encrypted-logs / no-op pack with as many stack policies (2) | ${ratio(sameShapeRatio[0])} (${small.stack[2].toFixed(0)} ms) | ${ratio(sameShapeRatio[1])} (${large.stack[2].toFixed(0)} ms) | (information) |`,
                `| the pack's own logic in process (index + every check), not over gRPC | ${small.logic.toFixed(1)} ms | ${large.logic.toFixed(1)} ms | (information) |`,
                `| diagnostics AnalyzeStack returned | ${small.diagnostics} | ${large.diagnostics} | (sanity) |`,
                "",
                "| scaling from 2,000 to 20,000 resources (time ratio ÷ 10; 1.00 = linear) | value | target |",
                "|---|---|---|",
                `| AnalyzeStack, encrypted-logs | ${scaling.stackOurs.toFixed(2)} | ≤ 1.20 |`,
                `| AnalyzeStack, no-op (for comparison) | ${scaling.stackNoop.toFixed(2)} | |`,
                `| whole analysis, encrypted-logs | ${scaling.wholeOurs.toFixed(2)} | ≤ 1.20 |`,
                `| the pack's own logic in process | ${scaling.logic.toFixed(2)} | ≤ 1.20 |`,
                "",
                "| start-up (spawn to port line, median of 5) | encrypted-logs | no-op | ratio | target |",
                "|---|---|---|---|---|",
                `| \`node <pack>/node_modules/@pulumi/pulumi/cmd/run-policy-pack <engine> .\` | ${start.ours.toFixed(0)} ms | ${start.noop.toFixed(0)} ms | ${ratio(start.ours / start.noop)} | < 2,000 ms |`,
            );
            const targets = [
                ...SIZES.map((s, i) => ({
                    name: `whole analysis ${s}`,
                    met: wholeRatio[i] <= 1.2,
                    detail: ratio(wholeRatio[i]),
                })),
                ...SIZES.map((s, i) => ({
                    name: `AnalyzeStack alone ${s}`,
                    met: stackRatio[i] <= 1.3,
                    detail: ratio(stackRatio[i]),
                })),
                {
                    name: "linear AnalyzeStack 2k→20k",
                    met: scaling.stackOurs <= 1.2,
                    detail: scaling.stackOurs.toFixed(2),
                },
                {
                    name: "linear whole analysis 2k→20k",
                    met: scaling.wholeOurs <= 1.2,
                    detail: scaling.wholeOurs.toFixed(2),
                },
                {
                    name: "linear pack logic 2k→20k",
                    met: scaling.logic <= 1.2,
                    detail: scaling.logic.toFixed(2),
                },
                {
                    name: "start-up < 2 s",
                    met: start.ours < 2000,
                    detail: `${start.ours.toFixed(0)} ms`,
                },
            ];
            return { markdown: rows.join("\n"), targets };
        } finally {
            fs.rmSync(noopDir, { recursive: true, force: true });
            fs.rmSync(sameShapeDir, { recursive: true, force: true });
        }
    },
};
