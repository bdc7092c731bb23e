/**
 * Benchmark section "policy packs": the "encrypted-logs" pack against a no-op pack and
 * `@pulumi/awsguard` (every policy on, mandatory), all started and driven through the test
 * harness exactly as a preview drives them (Remediate + Analyze per resource, then AnalyzeStack),
 * on synthetic stacks of 6,000 and 20,000 resources. Requests are serialized once and the same
 * bytes go to every pack, so the client's own work is not measured. The whole analysis interleaves
 * the packs slice by slice within each round ({@link interleavedRound}) and also reads each pack
 * process's CPU time; AnalyzeStack alone is measured in alternation (ABC ABC ...) and the median of
 * the per-round ratios reported. The same stack's
 * planted mistakes (`MISTAKES` in harness/syntheticStack.ts) are counted per pack: what a pack misses is a result too.
 */
import * as fs from "node:fs";
import { PACK_POLICIES } from "../policypack/policies";
import { PACK_DIR, PolicyPackHarness, StackResource } from "../harness/policyHarness";
import { BenchSection, SectionResult, sliceOrder, timeMs } from "./harness";
import { packLogicMs } from "./packLogic";
import { procCpuMs } from "./procCpu";
import { findings } from "./packFindings";
import { AWSGUARD_DIR, eachPolicyDeserializesPack, installAwsGuard, noopPack } from "./packDirs";
import { Measured, Pack, SIZES, report } from "./packReport";
import { PLANTED, syntheticStack } from "../harness/syntheticStack";

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

/** Remediate, then Analyze, for each resource's request, as the engine sends them in a preview. */
async function perResource(
    pack: PolicyPackHarness,
    requests: readonly Uint8Array[],
): Promise<void> {
    for (const bytes of requests) {
        await pack.unaryBytes("Remediate", bytes);
        await pack.unaryBytes("Analyze", bytes);
    }
}

/** Remediate and Analyze for each resource (the first `count`), then AnalyzeStack, as a preview does. */
async function wholeAnalysis(pack: PolicyPackHarness, p: Prepared, count = p.size): Promise<void> {
    await perResource(pack, p.perResource.slice(0, count));
    await pack.analyzeStackBytes(p.stack);
}

/** Resources per slice of an interleaved round ({@link interleavedRound}). */
const SLICE = 250;

/** CPU ms the pack's process has used so far (every thread; NaN without /proc). */
function cpuMs(h: PolicyPackHarness): number {
    return h.pid === undefined ? NaN : (procCpuMs(h.pid) ?? NaN);
}

/**
 * One round of the whole analysis for every pack, interleaved: each slice of {@link SLICE}
 * resources' Remediate + Analyze goes to every pack in turn, in the order {@link sliceOrder} gives,
 * then each pack gets its AnalyzeStack. A pack's wall time is the sum of its own slices and
 * its AnalyzeStack. A change in the machine's load during the round then falls on every pack alike,
 * where packs measured one after the other each get whatever load their own seconds had (on this
 * shared 2-core machine, about ±0.1 on the ratio from run to run). Also gives the CPU time each pack
 * process used over the round, read from /proc, which other processes' load barely moves.
 */
async function interleavedRound(
    harnesses: readonly PolicyPackHarness[],
    p: Prepared,
): Promise<{ readonly wall: number[]; readonly cpu: number[] }> {
    const n = harnesses.length;
    const wall = harnesses.map(() => 0);
    const cpuBefore = harnesses.map(cpuMs);
    for (let first = 0, slice = 0; first < p.size; first += SLICE, slice++) {
        const requests = p.perResource.slice(first, first + SLICE);
        for (const j of sliceOrder(n, slice)) {
            wall[j] += await timeMs(() => perResource(harnesses[j], requests));
        }
    }
    for (const [j, h] of harnesses.entries()) {
        wall[j] += await timeMs(() => h.analyzeStackBytes(p.stack));
    }
    return { wall, cpu: harnesses.map((h, j) => cpuMs(h) - cpuBefore[j]) };
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
        wholeCpu: {},
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
    m.wholeCpu[size] = packs.map(() => []);
    for (let i = 0; i < wholeRounds; i++) {
        log(`${p.size} resources: whole analysis, round ${i + 1}/${wholeRounds} (interleaved)...`);
        const round = await interleavedRound(
            packs.map((pack) => pack.harness!),
            p,
        );
        for (const j of packs.keys()) {
            m.whole[size][j].push(round.wall[j]);
            m.wholeCpu[size][j].push(round.cpu[j]);
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
    m.logic[size] = packLogicMs(size);
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
