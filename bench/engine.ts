/**
 * `npm run bench:engine`: the pack's share of a real `pulumi preview`. Programs of 1, ~500 and
 * ~2,000 resources (bench/engineProgram.ts) are previewed by the real Pulumi CLI offline
 * (engine/cli.ts: isolated PULUMI_HOME, file backend, the offline aws provider) WITHOUT and WITH
 * `--policy-pack ./policypack`, alternately (without, with, without, with, …) in one run; each
 * preview's wall time and the CPU time of its whole process tree (CLI, language host, program,
 * provider plugins: `/usr/bin/time`, which reports what the CLI and every descendant it waited for
 * used) plus the pack process's own CPU (sampled from /proc: nobody waits for it) are printed
 * side by side, then the best of the rounds, the medians and the
 * ratio with / without. A last step previews the largest program once more with the pack and a
 * profiling preload (bench/enginePackProfile.ts) to say where the pack's time goes; it is not timed.
 *
 * Writes its section of BENCHMARKS.md between the `bench:engine` markers (`npm run bench` keeps
 * it). Needs a Pulumi CLI >= 3.248 (PULUMI_CLI_DIR or PATH) and `npm run build`. Not part of
 * `npm test`. Options: `--rounds N` (default 3), `--sizes 500,2000`, `--no-profile`, `--no-write`.
 */
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import { packCpuSampler } from "./procCpu";
import * as os from "node:os";
import * as path from "node:path";
import { EngineRun, Stack, parseEvents, policyEvents } from "../engine/cli";
import { unitsFor, writeProgram } from "./engineProgram";
import { ratio } from "./harness";
import { Preview, SizeResult, rowOf, s, table } from "./engineTable";

const ROOT = path.resolve(__dirname, "..", "..");
const PACK = path.join(ROOT, "policypack");
const PROGRAMS = path.join(ROOT, "bin", "bench", "engine-programs");
const TIME = "/usr/bin/time";
export const BEGIN = "<!-- bench:engine begin -->";
export const END = "<!-- bench:engine end -->";

function load(): string {
    return os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(" / ");
}

function arg(name: string): string | undefined {
    const i = process.argv.indexOf(name);
    return i >= 0 ? process.argv[i + 1] : undefined;
}

/** One `pulumi preview --json` of `stack`, with the pack or not, under /usr/bin/time. */
async function preview(
    run: EngineRun,
    stack: Stack,
    withPack: boolean,
    env: NodeJS.ProcessEnv = {},
): Promise<Preview> {
    const timeFile = path.join(run.root, "time.txt");
    const args = [
        "preview",
        "--json",
        ...(withPack ? ["--policy-pack", PACK] : []),
        "--stack",
        stack.name,
    ];
    const useTime = fs.existsSync(TIME);
    const [cmd, cmdArgs] = useTime
        ? [TIME, ["-f", "%e %U %S %M", "-o", timeFile, run.cli.pulumi, ...args]]
        : [run.cli.pulumi, args];
    const started = process.hrtime.bigint();
    const sampler = withPack ? packCpuSampler(PACK) : undefined;
    const { code, stdout, stderr } = await new Promise<{
        code: number;
        stdout: string;
        stderr: string;
    }>((resolve, reject) => {
        const child = spawn(cmd, cmdArgs, { cwd: stack.projectDir, env: { ...run.env, ...env } });
        let out = "";
        let err = "";
        child.stdout.on("data", (d: Buffer) => (out += d.toString()));
        child.stderr.on("data", (d: Buffer) => (err += d.toString()));
        child.on("error", reject);
        child.on("close", (c) => resolve({ code: c ?? -1, stdout: out, stderr: err }));
    });
    const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
    const packCpuMs = sampler?.stop() ?? NaN;
    const events = parseEvents(stdout);
    if (code !== 0) {
        throw new Error(
            `pulumi ${args.join(" ")} exited ${code}:\n${stderr.slice(-3000)}\n` +
                policyEvents(events)
                    .slice(0, 5)
                    .map((p) => `${p.policyName}: ${p.message}`)
                    .join("\n"),
        );
    }
    const summary = events.find((e) => e.summaryEvent !== undefined)?.summaryEvent as
        { resourceChanges?: Record<string, number> } | undefined;
    const resources = Object.values(summary?.resourceChanges ?? {}).reduce((a, b) => a + b, 0);
    let cpuMs = NaN;
    let maxRssMb = NaN;
    if (useTime) {
        const last = fs.readFileSync(timeFile, "utf8").trim().split("\n").pop() ?? "";
        const [, user, sys, rssKb] = last.split(/\s+/).map(Number);
        cpuMs = (user + sys) * 1000;
        maxRssMb = rssKb / 1024;
    }
    return {
        wallMs,
        packCpuMs,
        cpuMs,
        maxRssMb,
        resources,
        policyEvents: policyEvents(events).length,
        load1: os.loadavg()[0],
    };
}

interface ProfileLine {
    kind: string;
    name?: string;
    ms: number;
    deserializeMs?: number;
    deserializeCalls?: number;
    cpuMs?: number;
    policy?: string;
    fn?: string;
}

/** One preview with the pack and the profiling preload; what the pack's process spent where. */
async function profile(run: EngineRun, stack: Stack, label: string): Promise<string[]> {
    const out = path.join(run.root, `profile-${stack.name}.jsonl`);
    fs.rmSync(out, { force: true });
    const preload = path.join(__dirname, "enginePackProfile.js");
    await preview(run, stack, true, {
        NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --require ${preload}`.trim(),
        ENCRYPTED_LOGS_BENCH_PROFILE: out,
    });
    const lines: ProfileLine[] = fs.existsSync(out)
        ? fs
              .readFileSync(out, "utf8")
              .trim()
              .split("\n")
              .filter((l) => l !== "")
              .map((l) => JSON.parse(l) as ProfileLine)
        : [];
    const sum = (xs: ProfileLine[], f: (x: ProfileLine) => number) =>
        xs.reduce((a, x) => a + f(x), 0);
    const rpcs = lines.filter((l) => l.kind === "rpc");
    const byRpc = new Map<string, ProfileLine[]>();
    for (const r of rpcs) {
        byRpc.set(r.name ?? "?", [...(byRpc.get(r.name ?? "?") ?? []), r]);
    }
    const listening = lines.find((l) => l.kind === "listening");
    const lastCpu = Math.max(0, ...lines.map((l) => l.cpuMs ?? 0));
    const rows: string[] = [
        `| ${label} | pack process start → port | ${listening === undefined ? "n/a" : `${listening.ms.toFixed(0)} ms`} | ` +
            `CPU ${listening?.cpuMs?.toFixed(0) ?? "n/a"} ms |`,
        `| ${label} | pack process CPU, start → last answer | ${lastCpu.toFixed(0)} ms | ${rpcs.length} RPCs in all |`,
    ];
    for (const [name, xs] of byRpc) {
        if (!["analyze", "analyzeStack", "remediate"].includes(name)) {
            continue;
        }
        rows.push(
            `| ${label} | ${name}: ${xs.length} call(s), total | ${sum(xs, (x) => x.ms).toFixed(0)} ms | ` +
                `deserializeProperties: ${sum(xs, (x) => x.deserializeMs ?? 0).toFixed(0)} ms in ${sum(xs, (x) => x.deserializeCalls ?? 0)} calls |`,
        );
    }
    const policies = lines.filter((l) => l.kind === "policy");
    const byPolicy = new Map<string, ProfileLine[]>();
    for (const p of policies) {
        const key = `${p.policy} (${p.fn})`;
        byPolicy.set(key, [...(byPolicy.get(key) ?? []), p]);
    }
    for (const [name, xs] of byPolicy) {
        rows.push(
            `| ${label} | policy ${name}: ${xs.length} call(s) | ${sum(xs, (x) => x.ms).toFixed(0)} ms | |`,
        );
    }
    return rows;
}

/** Each program previewed without and with the pack, alternating, `rounds` times. */
async function measureAll(
    run: EngineRun,
    programs: readonly { label: string; dir: string }[],
    stacks: readonly Stack[],
    rounds: number,
): Promise<SizeResult[]> {
    const results: SizeResult[] = [];
    for (const [i, p] of programs.entries()) {
        const without: Preview[] = [];
        const withPack: Preview[] = [];
        for (let r = 0; r < rounds; r++) {
            without.push(await preview(run, stacks[i], false));
            withPack.push(await preview(run, stacks[i], true));
            const a = without[r];
            const b = withPack[r];
            console.log(
                `${p.label}, round ${r + 1}: without ${s(a.wallMs)} s (CPU ${s(a.cpuMs)} s), ` +
                    `with ${s(b.wallMs)} s (CPU ${s(b.cpuMs)} s + pack ${s(b.packCpuMs)} s): ${ratio(b.wallMs / a.wallMs)} ` +
                    `[${a.resources} resources, ${b.policyEvents} policy events; load ${load()}]`,
            );
        }
        results.push({
            label: p.label,
            resources: without[0].resources,
            without,
            with: withPack,
        });
    }
    return results;
}

async function main(): Promise<void> {
    const started = Date.now();
    const rounds = Number(arg("--rounds") ?? 3);
    const sizes = (arg("--sizes") ?? "500,2000").split(",").map(Number);
    const write = !process.argv.includes("--no-write");
    const doProfile = !process.argv.includes("--no-profile");
    if (!fs.existsSync(path.join(PACK, "bin", "policypack", "index.js"))) {
        throw new Error("policypack/bin/policypack/index.js is missing: run `npm run build` first");
    }
    const loadAtStart = load();
    console.log(`load average at start: ${loadAtStart}`);
    const run = await EngineRun.create();
    try {
        fs.rmSync(PROGRAMS, { recursive: true, force: true });
        const programs: { label: string; dir: string }[] = [
            { label: "1 log group (start-up)", dir: writeProgram(PROGRAMS, "one", 0, false) },
            ...sizes.map((n) => ({
                label: `~${n.toLocaleString("en-US")} resources`,
                dir: writeProgram(PROGRAMS, `n${n}`, unitsFor(n)),
            })),
        ];
        const stacks: Stack[] = [];
        for (const p of programs) {
            stacks.push(await run.stack(p.dir, "bench", { "aws:region": "us-east-1" }));
        }
        // Warm-up (not counted): the CLI, ts-node, the plugins and the pack's files into the page
        // cache, each once.
        console.log("warm-up: one preview without and one with the pack (1 log group)");
        await preview(run, stacks[0], false);
        await preview(run, stacks[0], true);

        const results = await measureAll(run, programs, stacks, rounds);
        const rows = results.map(rowOf);
        const lines = table(rows);
        console.log(lines.join("\n"));

        let profileRows: string[] = [];
        if (doProfile) {
            // The largest program only: the pack's start is in it too, and a profile is not free.
            const last = programs.length - 1;
            console.log(
                `profile: one more preview of ${programs[last].label} with the pack, with the preload`,
            );
            profileRows = await profile(run, stacks[last], programs[last].label);
            console.log(profileRows.join("\n"));
        }
        const loadAtEnd = load();
        const seconds = ((Date.now() - started) / 1000).toFixed(0);
        console.log(`load average at end: ${loadAtEnd}; run time ${seconds} s`);
        if (write) {
            writeSection(lines, profileRows, {
                rounds,
                loadAtStart,
                loadAtEnd,
                seconds,
                cli: run.cli.version,
            });
        }
    } finally {
        run.dispose();
    }
}

function versionOf(dir: string, pkg: string): string {
    const file = path.join(dir, "node_modules", pkg, "package.json");
    return (JSON.parse(fs.readFileSync(file, "utf8")) as { version: string }).version;
}

function writeSection(
    lines: string[],
    profileRows: string[],
    meta: { rounds: number; loadAtStart: string; loadAtEnd: string; seconds: string; cli: string },
): void {
    const cpus = os.cpus();
    const section = [
        BEGIN,
        "## The real engine: `pulumi preview` with and without the pack",
        "",
        "Written by `npm run bench:engine` (not by `npm run bench`, which keeps this section as it is).",
        "The real Pulumi CLI previews generated programs (bench/engineProgram.ts: per unit an",
        "EncryptedLogGroup, a plain `aws.kms.Key` + `aws.cloudwatch.LogGroup`, a Lambda function whose",
        "group `encryptLambdaLogGroups()` declares; once a trail and a role) offline: the offline aws",
        "provider of engine/, a file backend, `--json` with streamed events. Each program is previewed",
        `without and with \`--policy-pack ./policypack\` in alternation, ${meta.rounds} rounds; CPU is user + system`,
        "time of the CLI and every process it waited for (`/usr/bin/time`): language host, program,",
        "providers. The pack's process is not among them (pulumi-language-nodejs starts it and hands it",
        "to a proxy without waiting for it), so its CPU is sampled from /proc/<pid>/stat every 100 ms and",
        "added in its own column. Every preview exits 0 with no policy violation.",
        "",
        `- Versions: Pulumi CLI ${meta.cli}, @pulumi/pulumi ${versionOf(ROOT, "@pulumi/pulumi")} (program) / ${versionOf(PACK, "@pulumi/pulumi")} (pack), ` +
            `@pulumi/policy ${versionOf(PACK, "@pulumi/policy")}, @pulumi/aws ${versionOf(ROOT, "@pulumi/aws")}, Node.js ${process.version}`,
        `- Machine: ${cpus.length} × ${cpus[0]?.model.trim() ?? "unknown CPU"}, shared with other work; ` +
            `load average (1/5/15 min) ${meta.loadAtStart} at start, ${meta.loadAtEnd} at the end; run time ${meta.seconds} s; ${new Date().toISOString()}`,
        "",
        ...lines,
        "",
        "Target: with / without ≤ 1.10× wall. Where the pack's share goes, and what would reduce",
        "it: docs/policy-pack.md (What the pack's shape costs).",
    ];
    if (profileRows.length > 0) {
        section.push(
            "",
            "Where the pack's process spends its time (one more preview of the largest program with the",
            "pack and bench/enginePackProfile.ts preloaded; not one of the timed runs):",
            "",
            "| program | measure | time | of which |",
            "|---|---|---:|---|",
            ...profileRows,
        );
    }
    section.push(END);
    const file = path.join(ROOT, "BENCHMARKS.md");
    const text = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "# Benchmarks\n";
    const begin = text.indexOf(BEGIN);
    const end = text.indexOf(END);
    const next =
        begin >= 0 && end > begin
            ? text.slice(0, begin) + section.join("\n") + text.slice(end + END.length)
            : `${text.trimEnd()}\n\n${section.join("\n")}\n`;
    fs.writeFileSync(file, next);
    console.log("wrote the bench:engine section of BENCHMARKS.md");
}

if (require.main === module) {
    main().catch((e: Error) => {
        console.error(`bench:engine failed: ${e.stack ?? e.message}`);
        process.exit(1);
    });
}
