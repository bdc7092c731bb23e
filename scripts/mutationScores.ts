/**
 * `npm run mutation:scores [-- report.json ...]`: per-file mutation scores from Stryker's JSON
 * reports (default `reports/mutation/mutation.json`), as a Markdown table (the one in CONTRIBUTING.md), then the
 * surviving and uncovered mutants, file:line and mutator, to kill or explain.
 *
 * Score = (killed + timeout) / (killed + timeout + survived + no coverage); compile errors,
 * runtime errors and ignored mutants do not count, as in Stryker's own "covered" score.
 */
import * as fs from "node:fs";
import * as path from "node:path";

interface Mutant {
    readonly id: string;
    readonly mutatorName: string;
    readonly status: string;
    readonly replacement?: string;
    readonly location: { readonly start: { readonly line: number; readonly column: number } };
}
interface Report {
    readonly files: Record<string, { readonly mutants: readonly Mutant[] }>;
}

const DETECTED = new Set(["Killed", "Timeout"]);
const UNDETECTED = new Set(["Survived", "NoCoverage"]);

function main(): void {
    // Several reports (e.g. the pack's and the full run's) merge file by file, the later winning.
    const files =
        process.argv.length > 2
            ? process.argv.slice(2)
            : [path.resolve(__dirname, "..", "..", "reports", "mutation", "mutation.json")];
    const report: Report = { files: {} };
    for (const file of files) {
        Object.assign(report.files, (JSON.parse(fs.readFileSync(file, "utf8")) as Report).files);
    }
    const rows: string[] = [
        "| file | mutants | killed | timeout | survived | no coverage | score |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ];
    const open: string[] = [];
    const total = { detected: 0, undetected: 0 };
    for (const [name, { mutants }] of Object.entries(report.files).sort(([a], [b]) =>
        a.localeCompare(b),
    )) {
        const count = (status: string) => mutants.filter((m) => m.status === status).length;
        const detected = mutants.filter((m) => DETECTED.has(m.status)).length;
        const undetected = mutants.filter((m) => UNDETECTED.has(m.status)).length;
        total.detected += detected;
        total.undetected += undetected;
        const score =
            detected + undetected === 0 ? 100 : (100 * detected) / (detected + undetected);
        rows.push(
            `| \`${name}\` | ${mutants.length} | ${count("Killed")} | ${count("Timeout")} | ${count("Survived")} | ${count("NoCoverage")} | ${score.toFixed(1)}% |`,
        );
        for (const m of mutants.filter((m) => UNDETECTED.has(m.status))) {
            open.push(
                `${name}:${m.location.start.line}:${m.location.start.column} ${m.status} ${m.mutatorName} ${JSON.stringify(m.replacement ?? "").slice(0, 100)}`,
            );
        }
    }
    const all = total.detected + total.undetected;
    rows.push(
        `| **all** | | | | | | **${all === 0 ? "100.0" : ((100 * total.detected) / all).toFixed(1)}%** |`,
    );
    console.log(rows.join("\n"));
    if (open.length > 0) {
        console.log(`\n${open.length} surviving or uncovered mutants:\n${open.join("\n")}`);
    }
}

main();
