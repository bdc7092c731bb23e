/**
 * `npm run bench`: runs every benchmark section in one process, prints each section's figures and
 * targets, and writes them all to BENCHMARKS.md with the machine, Node version and date, so every
 * figure there comes from the same run. A new section is one file exporting a `BenchSection`,
 * listed in SECTIONS below.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { Panel, scalingChart } from "./chart";
import { componentsSection } from "./components";
import { BEGIN as ENGINE_BEGIN, END as ENGINE_END } from "./engine";
import { BenchSection } from "./harness";
import { KMS_PRICING, kmsCostTable } from "./kmsCost";
import { policyPackSection } from "./policypack";
import { providerStartupSection } from "./providerStartup";

const SECTIONS: readonly BenchSection[] = [
    componentsSection,
    policyPackSection,
    providerStartupSection,
];
const ROOT = path.resolve(__dirname, "..", "..");
const CHART = "bench/scaling.svg";

/** The KMS cost model: arithmetic, no measurement. */
function kmsCostSection(): string[] {
    return [
        "",
        "## KMS cost: one key per log group vs one shared key per region",
        "",
        "No measurement: arithmetic from the AWS KMS pricing page (https://aws.amazon.com/kms/pricing/),",
        `terms used: $${KMS_PRICING.keyPerMonth} per customer-managed key per month; with automatic rotation,`,
        `+$${KMS_PRICING.rotationPerMonth} per month for each of the first ${KMS_PRICING.billedRotations} rotations (later rotations are free, since AWS's`,
        `April 2024 change); requests $${KMS_PRICING.requestsPer10k} per 10,000 beyond ${KMS_PRICING.freeRequests.toLocaleString("en-US")} free per month per account.`,
        "Assumptions: yearly rotation (the KMS default, this package's default); prices of us-east-1 (most",
        "commercial regions price keys the same); a key is billed, enabled or disabled, until it is scheduled",
        "for deletion (keys pending deletion are not billed), so a key retained on destroy (this package's",
        "default, to keep old logs readable) costs until you schedule its deletion; requests are left out of",
        "the table because CloudWatch Logs caches data keys: its KMS request volume follows the ingestion",
        "pattern, not the number of keys, and is the same with one key or many.",
        "",
        ...kmsCostTable(),
        "",
        "Recommendation: keep one key per log group (the default) when the groups hold data of different",
        "sensitivity or owners, when you must be able to revoke one group's access alone, or for fewer than",
        "about 20 groups (under $20-60 a month). Share one account-wide `LogsKey` per region (`accountWide:",
        "true`, then `kmsKeyArn: key.arn` on each group) when many groups of one team and data class would",
        "otherwise cost $1-3 per group per month: 1,000 groups cost $1,000-3,000 a month with a key each",
        "and $1-3 with one shared key. The shared key's policy still names only CloudWatch Logs of that",
        "account and region (`ArnLike arn:<p>:logs:<region>:<account>:*`).",
    ];
}

/** The file's opening: what the figures are and the machine they come from. */
function preamble(): string[] {
    const cpus = os.cpus();
    const machine =
        `${cpus.length} × ${cpus[0]?.model.trim() ?? "unknown CPU"}, ` +
        `${(os.totalmem() / 2 ** 30).toFixed(0)} GiB memory, ${os.type()} ${os.release()}`;
    return [
        "# Benchmarks",
        "",
        "Written by `npm run bench`; every figure below comes from the run described here. Ratios compare",
        "variants measured in alternation in that same run, on the same machine: programs under the same",
        "mock engine, packs with the same request bytes. Mock engine: no Pulumi CLI, no AWS; the absolute",
        "times are this machine's, the ratios are the result. Ratios still move between runs on a shared",
        "machine (reruns of the same code have differed by more than 0.1): compare variants within one",
        "run, as each table does. The run's duration is the last line of this file. A summary is in the",
        "README (Benchmarks and cost); why the pack's AnalyzeStack costs what it does is in",
        "docs/policy-pack.md (What the pack's shape costs).",
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
}

async function main(): Promise<void> {
    const started = Date.now();
    const parts = preamble();
    let missed = 0;
    const panels: Panel[] = [];
    for (const section of SECTIONS) {
        console.log(`== ${section.title}`);
        const result = await section.run((line) => console.log(`   ${line}`));
        console.log(result.markdown);
        if (result.chart !== undefined) {
            panels.push(result.chart);
        }
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
    parts.push(...kmsCostSection());
    if (panels.length > 0) {
        fs.writeFileSync(
            path.join(ROOT, CHART),
            scalingChart(
                panels,
                `npm run bench, ${new Date().toISOString().slice(0, 10)}, ${process.version}; median times`,
            ),
        );
        parts.push("", "## Scaling curves", "", `![scaling curves](${CHART})`);
    }
    parts.push(
        "",
        `Run time: ${((Date.now() - started) / 1000).toFixed(0)} s; load average at the end: ${os
            .loadavg()
            .map((l) => l.toFixed(2))
            .join(" / ")}.`,
        "",
    );
    // The real-engine section is written by `npm run bench:engine` alone: keep it as it is.
    const file = path.join(ROOT, "BENCHMARKS.md");
    const previous = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
    const begin = previous.indexOf(ENGINE_BEGIN);
    const end = previous.indexOf(ENGINE_END);
    if (begin >= 0 && end > begin) {
        parts.push(previous.slice(begin, end + ENGINE_END.length), "");
    }
    fs.writeFileSync(file, parts.join("\n"));
    console.log(
        `\nwrote BENCHMARKS.md (${missed === 0 ? "all targets met" : `${missed} target(s) missed`})`,
    );
}

main().catch((e: Error) => {
    console.error(`bench failed: ${e.stack ?? e.message}`);
    process.exit(1);
});
