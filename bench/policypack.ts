/**
 * Benchmark section "policy packs": the "encrypted-logs" pack against a no-op pack and
 * `@pulumi/awsguard` (every policy on, mandatory), all started and driven through the test
 * harness exactly as a preview drives them (Remediate + Analyze per resource, then AnalyzeStack),
 * on synthetic stacks of 2,000 and 20,000 resources. Requests are serialized once and the same
 * bytes go to every pack, so the client's own work is not measured. Packs are measured in
 * alternation (ABC ABC ...) and the median of the per-round ratios reported. The same stack's
 * planted mistakes ({@link MISTAKES}) are counted per pack: what a pack misses is a result too.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { analyseStack } from "../policypack/lib/analysis";
import { PACK_POLICIES } from "../policypack/policies";
import { DEFAULT_RULE_OPTIONS } from "../policypack/lib/rules/rule";
import { StackResourceLike } from "../policypack/lib/stack/stackIndex";
import { stackResources } from "../harness/inProcessPack";
import { StackResource, PACK_DIR, PolicyPackHarness } from "../harness/policyHarness";
import { BenchSection, SectionResult, median, ratio, timeMs } from "./harness";
import { MISTAKES, PLANTED, syntheticStack } from "../harness/syntheticStack";

const SIZES = [2_000, 20_000] as const;

/** The awsguard pack: bench/awsguard (package.json + lockfile + index.js), installed on first use. */
const AWSGUARD_DIR = path.resolve(__dirname, "..", "..", "bench", "awsguard");

function installAwsGuard(log: (line: string) => void): void {
    if (fs.existsSync(path.join(AWSGUARD_DIR, "node_modules", "@pulumi", "awsguard"))) {
        return;
    }
    log("installing @pulumi/awsguard into bench/awsguard (npm ci, once)...");
    execFileSync(
        process.platform === "win32" ? "npm.cmd" : "npm",
        ["ci", "--no-audit", "--no-fund"],
        {
            cwd: AWSGUARD_DIR,
            stdio: ["ignore", "ignore", "inherit"],
        },
    );
}

/** A pack with one no-op resource policy and `stackPolicies` no-op stack policies, sharing the real pack's node_modules. */
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

async function wholeAnalysis(pack: PolicyPackHarness, p: Prepared): Promise<void> {
    for (const bytes of p.perResource) {
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

interface Findings {
    readonly diagnostics: number;
    readonly byPolicy: Record<string, number>;
    /** Planted mistakes with a diagnostic on the log group or on the bad key behind it. */
    readonly caught: number;
    readonly caughtKinds: string[];
}

async function findings(
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

/** One pack under measurement. */
interface Pack {
    readonly label: string;
    readonly dir: string;
    readonly allMandatory: boolean;
    harness?: PolicyPackHarness;
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
        const packs: Pack[] = [
            { label: "encrypted-logs", dir: PACK_DIR, allMandatory: false },
            { label: "no-op", dir: noopDir, allMandatory: false },
            { label: "awsguard", dir: AWSGUARD_DIR, allMandatory: true },
        ];
        const sameShape: Pack = {
            label: `no-op, ${stackPolicyCount} stack policies`,
            dir: sameShapeDir,
            allMandatory: false,
        };
        try {
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
            // Each round measures the packs back to back; the ratio reported is the median of the
            // per-round ratios, which cancels slow drifts in machine load better than a ratio of medians.
            const whole: Record<number, number[][]> = {};
            const stackTimes: Record<number, number[][]> = {};
            const logic: Record<number, number> = {};
            let found: Findings[] = [];
            let plantedCount = 0;
            try {
                for (const size of SIZES) {
                    const p = prepare(packs[0].harness!, size);
                    if (size === SIZES[0]) {
                        log(
                            `${p.size} resources: violations each pack reports (one preview each)...`,
                        );
                        found = [];
                        for (const pack of packs) {
                            found.push(await findings(pack.harness!, p.resources));
                        }
                        plantedCount = p.resources.filter(
                            (r) =>
                                r.type === "aws:cloudwatch/logGroup:LogGroup" &&
                                PLANTED.test(r.name),
                        ).length;
                    }
                    log(`${p.size} resources: warm-up...`);
                    for (const pack of [...packs, sameShape]) {
                        await pack.harness!.analyzeStackBytes(p.stack);
                    }
                    const wholeRounds = size >= 20_000 ? 2 : 5;
                    const stackRounds = size >= 20_000 ? 5 : 11;
                    whole[size] = packs.map(() => []);
                    for (let i = 0; i < wholeRounds; i++) {
                        log(
                            `${p.size} resources: whole analysis, round ${i + 1}/${wholeRounds}...`,
                        );
                        for (const [j, pack] of packs.entries()) {
                            whole[size][j].push(
                                await timeMs(() => wholeAnalysis(pack.harness!, p)),
                            );
                        }
                    }
                    log(`${p.size} resources: AnalyzeStack alone, ${stackRounds} rounds...`);
                    stackTimes[size] = [...packs, sameShape].map(() => []);
                    for (let i = 0; i < stackRounds; i++) {
                        for (const [j, pack] of [...packs, sameShape].entries()) {
                            stackTimes[size][j].push(
                                await timeMs(() => pack.harness!.analyzeStackBytes(p.stack)),
                            );
                        }
                    }
                    const run = logicOnly(p.resources);
                    logic[size] = median(Array.from({ length: 7 }, () => run()));
                }
            } finally {
                for (const pack of [...packs, sameShape]) {
                    await pack.harness?.stop();
                }
            }
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
            const sameShapeRatio = SIZES.map((s) => paired(stackTimes[s], 0, 3));
            const scaling = (times: Record<number, number[][]>, j: number) =>
                med(times[large], j) / med(times[small], j) / scale;
            const scalingWholeOurs = scaling(whole, 0);
            const scalingStackOurs = scaling(stackTimes, 0);
            const scalingLogic = logic[large] / logic[small] / scale;
            const start = starts.map((t) => median(t));
            const ms = (v: number) => `${v.toFixed(0)} ms`;
            const rows: string[] = [
                "| measure (ratio = median of the per-round ratios; in brackets, median times) | 2,000 resources | 20,000 resources | target |",
                "|---|---|---|---|",
                `| whole analysis (Remediate + Analyze per resource, then AnalyzeStack): encrypted-logs / no-op | ${ratio(wholeRatio[0])} (${ms(med(whole[small], 0))} / ${ms(med(whole[small], 1))}) | ${ratio(wholeRatio[1])} (${ms(med(whole[large], 0))} / ${ms(med(whole[large], 1))}) | ≤ 1.30× |`,
                `| whole analysis: awsguard / no-op | ${ratio(guardRatio[0])} (${ms(med(whole[small], 2))}) | ${ratio(guardRatio[1])} (${ms(med(whole[large], 2))}) | (comparison) |`,
                `| per-resource overhead over the no-op pack, whole analysis: encrypted-logs | ${perResourceUs(small, 0).toFixed(0)} µs | ${perResourceUs(large, 0).toFixed(0)} µs | |`,
                `| per-resource overhead over the no-op pack, whole analysis: awsguard | ${perResourceUs(small, 2).toFixed(0)} µs | ${perResourceUs(large, 2).toFixed(0)} µs | |`,
                `| AnalyzeStack alone: encrypted-logs / no-op | ${ratio(stackRatio[0])} (${ms(med(stackTimes[small], 0))} / ${ms(med(stackTimes[small], 1))}) | ${ratio(stackRatio[1])} (${ms(med(stackTimes[large], 0))} / ${ms(med(stackTimes[large], 1))}) | ≤ 1.30× |`,
                `| AnalyzeStack alone: encrypted-logs / no-op pack with as many stack policies (${stackPolicyCount}) | ${ratio(sameShapeRatio[0])} (${ms(med(stackTimes[small], 3))}) | ${ratio(sameShapeRatio[1])} (${ms(med(stackTimes[large], 3))}) | (information) |`,
                `| AnalyzeStack alone: awsguard (no stack policy) | ${ms(med(stackTimes[small], 2))} | ${ms(med(stackTimes[large], 2))} | (information) |`,
                `| the pack's own logic in process (index + every check), not over gRPC | ${logic[small].toFixed(1)} ms | ${logic[large].toFixed(1)} ms | (information) |`,
                "",
                "| scaling from 2,000 to 20,000 resources (time ratio ÷ 10; 1.00 = linear) | value | target |",
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
                `Violations on the same 2,000-resource stack (one preview each). It has ${plantedCount} planted log-encryption mistakes, in turn: ${MISTAKES.join("; ")}.`,
                "",
                "| pack | diagnostics | by policy | planted mistakes refused | kinds refused |",
                "|---|---:|---|---:|---|",
                ...packs.map(
                    (pk, j) =>
                        `| ${pk.label} | ${found[j].diagnostics} | ${
                            Object.entries(found[j].byPolicy)
                                .map(([n, c]) => `${n} ${c}`)
                                .join(", ") || "—"
                        } | ${found[j].caught} / ${plantedCount} | ${found[j].caughtKinds.join("; ") || "none"} |`,
                ),
            ];
            const targets = [
                ...SIZES.map((s, i) => ({
                    name: `whole analysis ${s} (≤ 1.30× no-op)`,
                    met: wholeRatio[i] <= 1.3,
                    detail: ratio(wholeRatio[i]),
                })),
                ...SIZES.map((s, i) => ({
                    name: `AnalyzeStack alone ${s} (≤ 1.30× no-op)`,
                    met: stackRatio[i] <= 1.3,
                    detail: ratio(stackRatio[i]),
                })),
                {
                    name: "linear whole analysis 2k→20k",
                    met: scalingWholeOurs <= 1.2,
                    detail: scalingWholeOurs.toFixed(2),
                },
                {
                    name: "linear AnalyzeStack 2k→20k",
                    met: scalingStackOurs <= 1.2,
                    detail: scalingStackOurs.toFixed(2),
                },
                {
                    name: "linear pack logic 2k→20k",
                    met: scalingLogic <= 1.2,
                    detail: scalingLogic.toFixed(2),
                },
                { name: "start-up < 2 s", met: start[0] < 2000, detail: ms(start[0]) },
                {
                    name: "every planted mistake refused",
                    met: found[0].caught === plantedCount,
                    detail: `${found[0].caught} / ${plantedCount}`,
                },
            ];
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
        } finally {
            fs.rmSync(noopDir, { recursive: true, force: true });
            fs.rmSync(sameShapeDir, { recursive: true, force: true });
        }
    },
};
