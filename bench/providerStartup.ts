/**
 * What every `pulumi up` of a Python, Go, .NET or YAML program pays before its first component
 * exists: the CLI starts the provider (run-plugin, see tests/support/componentProvider.ts) and
 * sends `Construct`. Measured from spawn to the first `Construct` answered, in fresh processes, for
 * the package as it boots (the schema `npm run build` wrote) and for Pulumi's component provider
 * host serving the same components (`componentProviderHost`, what this package ran before: its
 * `Construct` infers the schema first, type-checking the sources), in alternation.
 *
 * `npm run bench:startup` runs this section alone and prints it.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { ComponentProviderBoot } from "../harness/componentProvider";
import { COMMERCIAL } from "../testing/mockEngine";
import { BenchSection, SectionResult, median, ratio } from "./harness";

const ROOT = path.resolve(__dirname, "..", "..");
const ROUNDS = Number(process.env.STARTUP_ROUNDS ?? 5);
const TARGET_MS = 3000;

/**
 * A plugin directory that serves the package's components with `componentProviderHost` (inside
 * bin/, so run-plugin and the SDK resolve from the checkout's node_modules).
 */
function hostPluginDir(): string {
    const dir = path.join(ROOT, "bin", "bench", "host-plugin");
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(
        path.join(dir, "package.json"),
        JSON.stringify({ name: "encrypted-logs", version: "0.0.0", main: "host.js" }),
    );
    fs.writeFileSync(
        path.join(dir, "host.js"),
        [
            'const { componentProviderHost } = require("@pulumi/pulumi/provider/experimental");',
            'const { PROVIDER_OPTIONS } = require("../../components/provider/options");',
            "componentProviderHost(PROVIDER_OPTIONS);",
            "",
        ].join("\n"),
    );
    return dir;
}

interface Run {
    readonly portMs: number;
    readonly constructMs: number;
    /** CPU time (user + system) the plugin process had used when the Construct was answered. */
    readonly cpuMs: number;
}

/** CPU time (user + system) process `pid` has used so far, from /proc (Linux). */
function cpuMsOf(pid: number): number {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name (which may contain spaces): utime and stime are the 12th and
    // 13th, in clock ticks (100 per second on Linux).
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(fields[11]) + Number(fields[12])) / 100) * 1000;
}

/** One fresh boot: spawn → port → `Construct` of an `EncryptedLogGroup` answered. */
async function bootOnce(pluginDir: string, projectDir: string): Promise<Run> {
    const started = process.hrtime.bigint();
    const boot = await ComponentProviderBoot.start({ pluginDir, projectDir, account: COMMERCIAL });
    try {
        const { children } = await boot.construct(
            "encrypted-logs:index:EncryptedLogGroup",
            "orders",
            { logGroupName: "/app/orders" },
        );
        const constructMs = Number(process.hrtime.bigint() - started) / 1e6;
        const cpuMs = cpuMsOf(boot.plugin.child.pid!);
        if (children.length !== 2) {
            throw new Error(`expected a key and a log group, got ${children.length} children`);
        }
        return { portMs: boot.plugin.startupMs, constructMs, cpuMs };
    } finally {
        await boot.stop();
    }
}

/** The section: both variants, `ROUNDS` fresh boots each, in alternation. */
export const providerStartupSection: BenchSection = {
    title: "Other languages: provider start to the first Construct answered",
    async run(log): Promise<SectionResult> {
        const project = fs.mkdtempSync(path.join(os.tmpdir(), "encrypted-logs-startup-"));
        fs.writeFileSync(path.join(project, "Pulumi.yaml"), "name: consumer\nruntime: python\n");
        const variants = [
            { label: "this package (schema built by npm run build)", dir: ROOT, runs: [] as Run[] },
            {
                label: "componentProviderHost (schema inferred at start)",
                dir: hostPluginDir(),
                runs: [] as Run[],
            },
        ];
        const loadSeen: number[] = [];
        try {
            for (let round = 1; round <= ROUNDS; round++) {
                for (const v of variants) {
                    const r = await bootOnce(v.dir, project);
                    v.runs.push(r);
                    loadSeen.push(os.loadavg()[0]);
                    log(
                        `round ${round}: ${v.label}: port ${r.portMs.toFixed(0)} ms, Construct ${r.constructMs.toFixed(0)} ms, CPU ${r.cpuMs.toFixed(0)} ms, load ${os.loadavg()[0].toFixed(1)}`,
                    );
                }
            }
        } finally {
            fs.rmSync(project, { recursive: true, force: true });
        }
        const loads = `${Math.min(...loadSeen).toFixed(1)} to ${Math.max(...loadSeen).toFixed(1)}`;
        const [pkg, host] = variants.map((v) => ({
            ...v,
            port: median(v.runs.map((r) => r.portMs)),
            construct: median(v.runs.map((r) => r.constructMs)),
            cpu: median(v.runs.map((r) => r.cpuMs)),
            all: v.runs.map((r) => (r.constructMs / 1000).toFixed(1)).join(", "),
        }));
        const markdown = [
            "| variant | fresh boots | spawn → port (median) | spawn → first Construct answered (median) | plugin CPU time by then (median) | every run, s |",
            "|---|---:|---:|---:|---:|---|",
            ...[pkg, host].map(
                (v) =>
                    `| ${v.label} | ${v.runs.length} | ${v.port.toFixed(0)} ms | ${v.construct.toFixed(0)} ms | ${v.cpu.toFixed(0)} ms | ${v.all} |`,
            ),
            "",
            `This package ÷ componentProviderHost, time to the first Construct: ${ratio(pkg.construct / host.construct)}`,
            `(CPU time ${ratio(pkg.cpu / host.cpu)}). Load average during the runs: ${loads}. The CPU time depends`,
            "little on the load; on an idle machine the wall time should come near it.",
            "Each boot is what the CLI runs (`node run-plugin <plugin dir> <engine>` from a Python project",
            "directory, `PULUMI_NODEJS_TYPESCRIPT=true`), against the fake engine and monitor of",
            "tests/support/componentProvider.ts; the Construct is an `EncryptedLogGroup` (its key and group",
            "registered). Most of the remaining time is loading `@pulumi/pulumi` (which loads TypeScript",
            "for closure serialization), `@pulumi/aws` and ts-node, which run-plugin registers.",
        ].join("\n");
        return {
            markdown,
            targets: [
                {
                    name: `first Construct within ${TARGET_MS / 1000} s`,
                    met: pkg.construct <= TARGET_MS,
                    detail: `${(pkg.construct / 1000).toFixed(1)} s wall, ${(pkg.cpu / 1000).toFixed(1)} s CPU (medians of ${pkg.runs.length})`,
                },
            ],
        };
    },
};

if (require.main === module) {
    providerStartupSection
        .run((line) => console.log(`   ${line}`))
        .then((result) => {
            console.log(result.markdown);
            for (const t of result.targets) {
                console.log(`${t.met ? "met   " : "MISSED"}  ${t.name}: ${t.detail}`);
            }
        })
        .catch((e: Error) => {
            console.error(`bench failed: ${e.stack ?? e.message}`);
            process.exit(1);
        });
}
