import type { Panel } from "./chart";

/**
 * Timing helpers shared by benchmark sections: run an async action, take the median of several
 * runs, and format ratios.
 */

/** Milliseconds an async action takes. */
export async function timeMs(action: () => Promise<unknown>): Promise<number> {
    const start = process.hrtime.bigint();
    await action();
    return Number(process.hrtime.bigint() - start) / 1e6;
}

/** The median of a list of numbers. */
export function median(values: readonly number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** `1.07×`. */
export function ratio(value: number): string {
    return `${value.toFixed(2)}×`;
}

/**
 * What a section returns: its Markdown for BENCHMARKS.md, the targets it checked, and the scaling
 * curve it adds to the chart, if any.
 */
export interface SectionResult {
    readonly markdown: string;
    readonly chart?: Panel;
    readonly targets: readonly {
        readonly name: string;
        readonly met: boolean;
        readonly detail: string;
    }[];
}

/** One section of `npm run bench`. */
export interface BenchSection {
    readonly title: string;
    run(log: (line: string) => void): Promise<SectionResult>;
}
