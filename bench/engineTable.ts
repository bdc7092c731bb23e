/** The table `npm run bench:engine` writes: one row per program, without / with the pack. */
import { median, ratio } from "./harness";

/** What one preview measured. */
export interface Preview {
    readonly wallMs: number;
    /**
     * CPU of the pack's process (user + system), ms, sampled from /proc every 100 ms until it
     * ends: the language host starts the pack and hands it to a proxy without waiting for it
     * (pulumi-language-nodejs RunPlugin), so `/usr/bin/time` does not count it. NaN without the
     * pack or without /proc.
     */
    readonly packCpuMs: number;
    /** User + system CPU of the CLI and its waited-for descendants, ms (NaN without /usr/bin/time). */
    readonly cpuMs: number;
    readonly maxRssMb: number;
    readonly resources: number;
    readonly policyEvents: number;
    readonly load1: number;
}

/** A program's previews without and with the pack. */
export interface SizeResult {
    readonly label: string;
    readonly resources: number;
    readonly without: Preview[];
    readonly with: Preview[];
}

export const s = (ms: number) => (ms / 1000).toFixed(2);

export function rowOf(r: SizeResult): string[] {
    const w = r.with.map((p) => p.wallMs);
    const o = r.without.map((p) => p.wallMs);
    const wc = r.with.map((p) => p.cpuMs);
    const oc = r.without.map((p) => p.cpuMs);
    const pc = r.with.map((p) => p.packCpuMs);
    const perRound = r.with.map((p, i) => p.wallMs / r.without[i].wallMs);
    const loads = [...r.with, ...r.without].map((p) => p.load1);
    return [
        r.label,
        r.resources.toLocaleString("en-US"),
        `${s(Math.min(...o))} / ${s(Math.min(...w))} s`,
        ratio(Math.min(...w) / Math.min(...o)),
        `${s(median(o))} / ${s(median(w))} s`,
        ratio(median(w) / median(o)),
        ratio(median(perRound)),
        Number.isNaN(median(wc))
            ? "n/a"
            : `${s(median(oc))} / ${s(median(wc))} s (${ratio(median(wc) / median(oc))})`,
        Number.isNaN(median(pc))
            ? "n/a"
            : `${s(median(pc))} s (${ratio((median(wc) + median(pc)) / median(oc))})`,
        `${s(median(w) - median(o))} s`,
        `${Math.min(...loads).toFixed(2)}–${Math.max(...loads).toFixed(2)}`,
        `${o.map(s).join(", ")} / ${w.map(s).join(", ")}`,
    ];
}

const HEADER = [
    "program",
    "resources",
    "wall, best: without / with",
    "ratio (best)",
    "wall, median: without / with",
    "ratio (median)",
    "median of per-round ratios",
    "CPU of the CLI's waited-for process tree, median: without / with (ratio)",
    "+ the pack process's CPU, median (ratio with it)",
    "pack's share, median wall",
    "load avg (1 min) over the runs",
    "every run, s: without / with",
];

export function table(rows: string[][]): string[] {
    return [
        `| ${HEADER.join(" | ")} |`,
        `|${HEADER.map((_, i) => (i < 2 ? "---" : "---:")).join("|")}|`,
        ...rows.map((r) => `| ${r.join(" | ")} |`),
    ];
}
