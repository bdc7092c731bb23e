/**
 * A policy pack's process started as the Pulumi CLI starts it (`run-policy-pack <engine-address>
 * <program>` with the pack directory as working directory), up to the port line it prints first.
 */
import { ChildProcess, spawn } from "node:child_process";

/** Options for {@link PolicyPackHarness.start}. */
export interface StartOptions {
    /** Extra environment (e.g. `PULUMI_CONFIG`, as the Node.js language host sets it). */
    readonly env?: Record<string, string>;
    /** The program argument: `.` (the package's `main`) as the CLI passes it. */
    readonly program?: string;
    /** How long to wait for the port. @default 60 s */
    readonly timeoutMs?: number;
}

/** A pack process that printed its port, and what it wrote until then. */
export interface PackProcess {
    readonly child: ChildProcess;
    /** The first stdout line. */
    readonly portLine: string;
    /** stdout so far, the port line included. */
    readonly stdout: string;
    /** stderr so far. */
    readonly stderr: string;
    /** Milliseconds from spawn to the port line. */
    readonly startupMs: number;
}

/**
 * Spawns `node <runner> 127.0.0.1:<enginePort> <program>` in `packDir` and resolves once it printed
 * its port; rejects when it exits first or prints nothing within the timeout.
 */
export async function spawnPack(
    runner: string,
    enginePort: number,
    packDir: string,
    opts: StartOptions,
): Promise<PackProcess> {
    const started = process.hrtime.bigint();
    const child = spawn(
        process.execPath,
        [runner, `127.0.0.1:${enginePort}`, opts.program ?? "."],
        {
            cwd: packDir,
            env: { ...process.env, ...opts.env },
            stdio: ["ignore", "pipe", "pipe"],
        },
    );
    let stdout = "";
    let stderr = "";
    child.stderr!.on("data", (d: Buffer) => (stderr += d.toString()));
    const portLine = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => {
            child.kill();
            reject(
                new Error(
                    `no port from the pack within ${opts.timeoutMs ?? 60000} ms; stderr: ${stderr}`,
                ),
            );
        }, opts.timeoutMs ?? 60000);
        child.stdout!.on("data", (d: Buffer) => {
            stdout += d.toString();
            const nl = stdout.indexOf("\n");
            if (nl >= 0) {
                clearTimeout(timer);
                resolve(stdout.slice(0, nl));
            }
        });
        child.on("exit", (code) => {
            clearTimeout(timer);
            reject(
                new Error(`the pack exited (${code}) before printing its port; stderr: ${stderr}`),
            );
        });
    });
    const startupMs = Number(process.hrtime.bigint() - started) / 1e6;
    return { child, portLine, stdout, stderr, startupMs };
}
