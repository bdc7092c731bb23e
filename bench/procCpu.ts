/**
 * The CPU time of the policy pack's process during one preview of `npm run bench:engine`, read
 * from Linux's /proc (the CLI starts the pack itself, so the bench cannot time it directly).
 */
import * as fs from "node:fs";

const TICK_MS = 10; // USER_HZ is 100 on Linux: /proc/<pid>/stat counts CPU in 10 ms ticks

/**
 * CPU ms of /proc/<pid>/stat (utime + stime, every thread of the process), or undefined once the
 * process is gone (or on a system without /proc).
 */
export function procCpuMs(pid: number): number | undefined {
    try {
        const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
        const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        // Fields after the name start at field 3 (state): utime is field 14, stime field 15.
        return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
    } catch {
        return undefined;
    }
}

/** This run's pack process: `node …/run-policy-pack … <pack>`, not one of the pids in `seen`. */
function findPackPid(seen: Set<number>, pack: string): number | undefined {
    let entries: string[] = [];
    try {
        entries = fs.readdirSync("/proc").filter((e) => /^\d+$/.test(e));
    } catch {
        return undefined;
    }
    for (const e of entries) {
        const pid = Number(e);
        if (seen.has(pid)) {
            continue;
        }
        try {
            const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
            if (cmd.some((a) => a.includes("run-policy-pack")) && cmd.includes(pack)) {
                return pid;
            }
        } catch {
            // gone, or not ours
        }
        seen.add(pid);
    }
    return undefined;
}

/** Samples the pack process's CPU every 100 ms; `stop()` gives the last value (NaN if none). */
export function packCpuSampler(pack: string): { stop: () => number } {
    const seen = new Set<number>(
        fs.existsSync("/proc")
            ? fs
                  .readdirSync("/proc")
                  .filter((e) => /^\d+$/.test(e))
                  .map(Number)
            : [],
    );
    let pid: number | undefined;
    let last = NaN;
    const timer = setInterval(() => {
        pid ??= findPackPid(seen, pack);
        if (pid !== undefined) {
            const ms = procCpuMs(pid);
            if (ms !== undefined) {
                last = ms;
            }
        }
    }, 100);
    return {
        stop: () => {
            clearInterval(timer);
            if (pid !== undefined) {
                last = procCpuMs(pid) ?? last;
            }
            return last;
        },
    };
}
