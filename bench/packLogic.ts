/**
 * The pack's own logic (index, facts and every rule), in a process of its own, on the synthetic
 * stack's resources as AnalyzeStack hands them to the policies (built once, outside the
 * measurement, as `@pulumi/policy` builds them). A process of its own because the bench's process
 * holds every prepared request of the size it measures: its garbage collection then lands in
 * these few hundred milliseconds more at 20,000 resources than at 6,000, which measured the
 * bench's heap, not the pack (612 ms here where a fresh process gives about 400).
 *
 * Run as `node bin/bench/packLogic.js SIZE`: prints the median of 7 runs, in ms.
 */
import { execFileSync } from "node:child_process";
import { analyseStack } from "../policypack/lib/analysis";
import { DEFAULT_RULE_OPTIONS } from "../policypack/lib/rules";
import { StackResourceLike } from "../policypack/lib/stack/stackIndex";
import { stackResources } from "../harness/inProcessPack";
import { syntheticStack } from "../harness/syntheticStack";
import { median } from "./harness";

/** Median ms of 7 runs of the pack's logic on the synthetic stack of `size`, in this process. */
function measureHere(size: number): number {
    const resources = stackResources(syntheticStack(size)) as StackResourceLike[];
    const times = Array.from({ length: 7 }, () => {
        const start = process.hrtime.bigint();
        const findings = analyseStack(resources, {}, DEFAULT_RULE_OPTIONS).reduce(
            (n, report) => n + report.findings.length,
            0,
        );
        if (findings === 0) {
            throw new Error(`the pack found nothing on the synthetic stack of ${size}`);
        }
        return Number(process.hrtime.bigint() - start) / 1e6;
    });
    return median(times);
}

/** {@link measureHere} in a fresh Node.js process. */
export function packLogicMs(size: number): number {
    const out = execFileSync(process.execPath, [__filename, String(size)], { encoding: "utf8" });
    const ms = Number(out.trim());
    if (!Number.isFinite(ms)) {
        throw new Error(`bench/packLogic.js ${size} printed ${JSON.stringify(out)}, not a time`);
    }
    return ms;
}

if (require.main === module) {
    process.stdout.write(`${measureHere(Number(process.argv[2]))}\n`);
}
