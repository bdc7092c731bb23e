/**
 * `npm run bench`: runs every benchmark section in one process, prints each section's figures and
 * targets, and writes them all to BENCHMARKS.md with the machine, Node version and date, so every
 * figure there comes from the same run. A new section is one file exporting a `BenchSection`,
 * listed in SECTIONS below.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { BenchSection } from "./harness";
import { policyPackSection } from "./policypack";

const SECTIONS: readonly BenchSection[] = [policyPackSection];

async function main(): Promise<void> {
    const started = Date.now();
    const cpus = os.cpus();
    const machine =
        `${cpus.length} × ${cpus[0]?.model.trim() ?? "unknown CPU"}, ` +
        `${(os.totalmem() / 2 ** 30).toFixed(0)} GiB memory, ${os.type()} ${os.release()}`;
    const parts: string[] = [
        "# Benchmarks",
        "",
        "Written by `npm run bench`; every figure below comes from the run described here. Ratios compare",
        "packs measured in alternation in that same run, on the same machine, with the same request bytes.",
        "",
        `- Machine: ${machine}`,
        `- Node.js: ${process.version}`,
        `- Date: ${new Date().toISOString()}`,
        `- Load average (1/5/15 min) at start: ${os
            .loadavg()
            .map((l) => l.toFixed(2))
            .join(
                " / ",
            )} (other processes share the machine; ratios are measured in alternation to cancel that out, absolute times are not)`,
    ];
    let missed = 0;
    for (const section of SECTIONS) {
        console.log(`== ${section.title}`);
        const result = await section.run((line) => console.log(`   ${line}`));
        console.log(result.markdown);
        for (const t of result.targets) {
            console.log(`${t.met ? "met   " : "MISSED"}  ${t.name}: ${t.detail}`);
            missed += t.met ? 0 : 1;
        }
        parts.push(
            "",
            `## ${section.title}`,
            "",
            result.markdown,
            "",
            "Targets: " +
                result.targets
                    .map((t) => `${t.name} ${t.detail} (${t.met ? "met" : "missed"})`)
                    .join("; ") +
                ".",
        );
    }
    parts.push(
        "",
        `Run time: ${((Date.now() - started) / 1000).toFixed(0)} s; load average at the end: ${os
            .loadavg()
            .map((l) => l.toFixed(2))
            .join(" / ")}.`,
        "",
    );
    fs.writeFileSync(path.resolve(__dirname, "..", "..", "BENCHMARKS.md"), parts.join("\n"));
    console.log(
        `\nwrote BENCHMARKS.md (${missed === 0 ? "all targets met" : `${missed} target(s) missed`})`,
    );
}

main().catch((e: Error) => {
    console.error(`bench failed: ${e.stack ?? e.message}`);
    process.exit(1);
});
