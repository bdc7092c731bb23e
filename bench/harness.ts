import type { Panel } from "./chart";

/**
 * Timing helpers shared by benchmark sections: run an async action, take the median of several
 * runs, order interleaved measurements, and format ratios.
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

/**
 * The order in which the packs get slice `slice`: row `slice mod n` of a Williams design, a Latin
 * square in which, over `n` consecutive slices (`n` even), every pack goes first once and follows
 * every other pack exactly once. Work a pack's slice leaves behind (its process's garbage
 * collection, the client's own for that pack's answers) then falls on the slice after it, and so on
 * every other pack alike; rotating one fixed order (0 1 2 3, 1 2 3 0, ...) put each pack always
 * after the same one. For an odd `n` the rows still each hold every pack once.
 */
export function sliceOrder(n: number, slice: number): number[] {
    // First row 0, 1, n-1, 2, n-2, ...; row r adds r to each (Williams, 1949).
    const first = Array.from({ length: n }, (_, i) =>
        i === 0 ? 0 : i % 2 === 1 ? (i + 1) / 2 : n - i / 2,
    );
    return first.map((x) => (x + slice) % n);
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
