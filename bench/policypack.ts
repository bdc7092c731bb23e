/**
 * Benchmark section "policy packs": the "encrypted-logs" pack against a no-op pack and
 * `@pulumi/awsguard` (every policy on, mandatory), all started and driven through the test
 * harness exactly as a preview drives them (Remediate + Analyze per resource, then AnalyzeStack),
 * on synthetic stacks of 6,000 and 20,000 resources. Requests are serialized once and the same
 * bytes go to every pack, so the client's own work is not measured. Packs are measured in
 * alternation (ABC ABC ...) and the median of the per-round ratios reported. The same stack's
 * planted mistakes ({@link MISTAKES}) are counted per pack: what a pack misses is a result too.
 */
import * as fs from "node:fs";
import { analyseStack } from "../policypack/lib/analysis";
import { PACK_POLICIES } from "../policypack/policies";
import { DEFAULT_RULE_OPTIONS } from "../policypack/lib/rules";
import { StackResourceLike } from "../policypack/lib/stack/stackIndex";
import { stackResources } from "../harness/inProcessPack";
import { PACK_DIR, PolicyPackHarness, StackResource } from "../harness/policyHarness";
import { BenchSection, SectionResult, median, ratio, timeMs } from "./harness";
import { Findings, findings } from "./packFindings";
import { AWSGUARD_DIR, eachPolicyDeserializesPack, installAwsGuard, noopPack } from "./packDirs";
import { MISTAKES, PLANTED, syntheticStack } from "../harness/syntheticStack";

const SIZES = [6_000, 20_000] as const;

interface Prepared {
    readonly size: number;
    readonly perResource: Uint8Array[];
    readonly stack: Uint8Array;
    readonly resources: StackResource[];
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

/** How many resources' Remediate and Analyze the warm-up sends before its AnalyzeStack. */
const WARM_UP_REQUESTS = 3_000;

/** Remediate and Analyze for each resource (the first `count`), then AnalyzeStack, as a preview does. */
async function wholeAnalysis(pack: PolicyPackHarness, p: Prepared, count = p.size): Promise<void> {
    for (const bytes of p.perResource.slice(0, count)) {
        await pack.unaryBytes("Remediate", bytes);
        await pack.unaryBytes("Analyze", bytes);
    }
    await pack.analyzeStackBytes(p.stack);
}

/**
 * The pack's own logic (index, facts and every rule), in process, on the resources as AnalyzeStack hands
 * them to the policies (built once, outside the measurement, as `@pulumi/policy` builds them).
 */
function logicOnly(resources: readonly StackResource[]): () => number {
    const asPolicyResources = stackResources(resources) as StackResourceLike[];
    return () => {
        const start = process.hrtime.bigint();
        const findings = analyseStack(asPolicyResources, {}, DEFAULT_RULE_OPTIONS).reduce(
            (n, report) => n + report.findings.length,
            0,
        );
        if (findings < 0) {
            throw new Error("unreachable");
        }
        return Number(process.hrtime.bigint() - start) / 1e6;
    };
}

async function startupMs(dir: string): Promise<number> {
    const h = await PolicyPackHarness.start(dir);
    await h.stop();
    return h.startupMs;
}

/** Starts a pack and configures it the way the CLI would apply its initial configuration. */
async function startPack(dir: string, allMandatory: boolean): Promise<PolicyPackHarness> {
    const h = await PolicyPackHarness.start(dir);
    if (allMandatory) {
        const names = (await h.info()).getPoliciesList().map((p) => p.getName());
        await h.configure(
            Object.fromEntries(names.map((n) => [n, { enforcementLevel: "mandatory" }])),
        );
    }
    return h;
}

/** One pack under measurement. */
interface Pack {
    readonly label: string;
    readonly dir: string;
    readonly allMandatory: boolean;
    harness?: PolicyPackHarness;
}

/** What one run of the section measured, per size: times per pack (in `packs` order, then the same-shape pack). */
interface Measured {
    readonly whole: Record<number, number[][]>;
    readonly stackTimes: Record<number, number[][]>;
    readonly logic: Record<number, number>;
    readonly found: Findings[];
    readonly plantedCount: number;
    readonly starts: number[][];
}

/** Start-up of each pack (median of 5, alternating), then every size, the packs in alternation. */
async function measure(
    packs: Pack[],
    sameShape: Pack,
    log: (line: string) => void,
): Promise<Measured> {
    log("start-up (spawn to port line, median of 5, alternating)...");
    const starts: number[][] = packs.map(() => []);
    for (let i = 0; i < 5; i++) {
        for (const [j, p] of packs.entries()) {
            starts[j].push(await startupMs(p.dir));
        }
    }
    for (const p of [...packs, sameShape]) {
        p.harness = await startPack(p.dir, p.allMandatory);
    }
    const m: Measured = {
        whole: {},
        stackTimes: {},
        logic: {},
        found: [],
        plantedCount: 0,
        starts,
    };
    try {
        for (const size of SIZES) {
            await measureSize(size, packs, sameShape, m, log);
        }
    } finally {
        for (const pack of [...packs, sameShape]) {
            await pack.harness?.stop();
        }
    }
    return m;
}

/**
 * One size: each round measures the packs back to back; the ratios reported are of the best
 * times and the median of the per-round ratios, which cancel slow drifts in machine load better
 * than a ratio of medians.
 */
async function measureSize(
    size: number,
    packs: Pack[],
    sameShape: Pack,
    m: { -readonly [K in keyof Measured]: Measured[K] },
    log: (line: string) => void,
): Promise<void> {
    const p = prepare(packs[0].harness!, size);
    if (size === SIZES[0]) {
        log(`${p.size} resources: violations each pack reports (one preview each)...`);
        m.found = [];
        for (const pack of packs.slice(0, 3)) {
            m.found.push(await findings(pack.harness!, p.resources));
        }
        m.plantedCount = p.resources.filter(
            (r) => r.type === "aws:cloudwatch/logGroup:LogGroup" && PLANTED.test(r.name),
        ).length;
    }
    // The warm-up runs what the rounds measure (per-resource requests, then AnalyzeStack), so the
    // first round does not pay for compiling the per-resource path in one pack and not another.
    log(`${p.size} resources: warm-up (${WARM_UP_REQUESTS} resources, then AnalyzeStack)...`);
    for (const pack of [...packs, sameShape]) {
        await wholeAnalysis(pack.harness!, p, WARM_UP_REQUESTS);
    }
    const wholeRounds = 3;
    const stackRounds = size >= 20_000 ? 5 : 11;
    m.whole[size] = packs.map(() => []);
    for (let i = 0; i < wholeRounds; i++) {
        log(`${p.size} resources: whole analysis, round ${i + 1}/${wholeRounds}...`);
        for (const [j, pack] of packs.entries()) {
            m.whole[size][j].push(await timeMs(() => wholeAnalysis(pack.harness!, p)));
        }
    }
    log(`${p.size} resources: AnalyzeStack alone, ${stackRounds} rounds...`);
    m.stackTimes[size] = [...packs, sameShape].map(() => []);
    for (let i = 0; i < stackRounds; i++) {
        for (const [j, pack] of [...packs, sameShape].entries()) {
            m.stackTimes[size][j].push(
                await timeMs(() => pack.harness!.analyzeStackBytes(p.stack)),
            );
        }
    }
    const run = logicOnly(p.resources);
    m.logic[size] = median(Array.from({ length: 7 }, () => run()));
}

export const policyPackSection: BenchSection = {
    title: 'Policy packs: "encrypted-logs", a no-op pack and @pulumi/awsguard',
    async run(log): Promise<SectionResult> {
        installAwsGuard(log);
        const noopDir = noopPack(1);
        // As many no-op stack policies as the pack has stack policies: each costs @pulumi/policy
        // one more deserialization of the whole stack, whatever the policy does.
        const stackPolicyCount = PACK_POLICIES.filter((p) => "validateStack" in p).length;
        const sameShapeDir = noopPack(stackPolicyCount);
        const eachDir = eachPolicyDeserializesPack();
        const packs: Pack[] = [
            { label: "encrypted-logs", dir: PACK_DIR, allMandatory: false },
            { label: "no-op", dir: noopDir, allMandatory: false },
            { label: "awsguard", dir: AWSGUARD_DIR, allMandatory: true },
            {
                label: "encrypted-logs, each policy deserializing",
                dir: eachDir,
                allMandatory: false,
            },
        ];
        const sameShape: Pack = {
            label: `no-op, ${stackPolicyCount} stack policies`,
            dir: sameShapeDir,
            allMandatory: false,
        };
        try {
            const m = await measure(packs, sameShape, log);
            return report(m, packs, stackPolicyCount);
        } finally {
            fs.rmSync(noopDir, { recursive: true, force: true });
            fs.rmSync(sameShapeDir, { recursive: true, force: true });
            fs.rmSync(eachDir, { recursive: true, force: true });
        }
    },
};

/** The section's tables, targets and chart from what was measured. */
function report(m: Measured, packs: Pack[], stackPolicyCount: number): SectionResult {
    const { whole, stackTimes, logic, found, plantedCount, starts } = m;
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
        `| the same, before the pack read each resource once: encrypted-logs with each policy deserializing / no-op | ${ratio(eachBest[0])} (${ms(Math.min(...whole[small][3]))}) | ${ratio(eachBest[1])} (${ms(Math.min(...whole[large][3]))}) | (information) |`,
        `| whole analysis: encrypted-logs / no-op, median of the per-round ratios | ${ratio(wholeRatio[0])} (${ms(med(whole[small], 0))} / ${ms(med(whole[small], 1))}) | ${ratio(wholeRatio[1])} (${ms(med(whole[large], 0))} / ${ms(med(whole[large], 1))}) | (information) |`,
        `| whole analysis: awsguard / no-op | ${ratio(guardRatio[0])} (${ms(med(whole[small], 2))}) | ${ratio(guardRatio[1])} (${ms(med(whole[large], 2))}) | (comparison) |`,
        `| per-resource overhead over the no-op pack, whole analysis: encrypted-logs | ${perResourceUs(small, 0).toFixed(0)} µs | ${perResourceUs(large, 0).toFixed(0)} µs | |`,
        `| per-resource overhead over the no-op pack, whole analysis: awsguard | ${perResourceUs(small, 2).toFixed(0)} µs | ${perResourceUs(large, 2).toFixed(0)} µs | |`,
        `| AnalyzeStack alone: encrypted-logs / no-op | ${ratio(stackRatio[0])} (${ms(med(stackTimes[small], 0))} / ${ms(med(stackTimes[small], 1))}) | ${ratio(stackRatio[1])} (${ms(med(stackTimes[large], 0))} / ${ms(med(stackTimes[large], 1))}) | ≤ 1.30× |`,
        `| AnalyzeStack alone: encrypted-logs / no-op pack with as many stack policies (${stackPolicyCount}) | ${ratio(sameShapeRatio[0])} (${ms(med(stackTimes[small], 4))}) | ${ratio(sameShapeRatio[1])} (${ms(med(stackTimes[large], 4))}) | (information) |`,
        `| AnalyzeStack alone: awsguard (no stack policy) | ${ms(med(stackTimes[small], 2))} | ${ms(med(stackTimes[large], 2))} | (information) |`,
        `| the pack's own logic in process (index + every check), not over gRPC | ${logic[small].toFixed(1)} ms | ${logic[large].toFixed(1)} ms | (information) |`,
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
