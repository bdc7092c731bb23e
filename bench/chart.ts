/**
 * The SVG chart of the scaling curves that BENCHMARKS.md and the README show: one panel per
 * benchmark, x = stack size, y = median milliseconds, one line per variant. Plain SVG text, no
 * dependency.
 */

/** One panel: a title, axis labels and named series over the same x values. */
export interface Panel {
    readonly title: string;
    readonly xLabel: string;
    readonly x: readonly number[];
    readonly series: Record<string, readonly number[]>;
}

const COLORS = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd"];
const W = 460;
const H = 340;
const M = { left: 70, right: 20, top: 40, bottom: 80 };

function niceMax(v: number): number {
    const p = 10 ** Math.floor(Math.log10(Math.max(v, 1)));
    return [1, 2, 2.5, 5, 10].map((m) => m * p).find((c) => c >= v) ?? 10 * p;
}

function escape(s: string): string {
    return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function panel(p: Panel, offsetX: number): string {
    const xMax = niceMax(Math.max(...p.x));
    const yMax = niceMax(Math.max(...Object.values(p.series).flat()));
    const px = (x: number) => offsetX + M.left + (x / xMax) * (W - M.left - M.right);
    const py = (y: number) => M.top + (1 - y / yMax) * (H - M.top - M.bottom);
    const parts: string[] = [
        `<text x="${offsetX + W / 2}" y="22" text-anchor="middle" font-size="14" font-weight="bold">${escape(p.title)}</text>`,
        `<line x1="${px(0)}" y1="${py(0)}" x2="${px(xMax)}" y2="${py(0)}" stroke="#333"/>`,
        `<line x1="${px(0)}" y1="${py(0)}" x2="${px(0)}" y2="${py(yMax)}" stroke="#333"/>`,
    ];
    for (let i = 0; i <= 4; i++) {
        const y = (yMax * i) / 4;
        const x = (xMax * i) / 4;
        parts.push(
            `<line x1="${px(0)}" y1="${py(y)}" x2="${px(xMax)}" y2="${py(y)}" stroke="#ddd"/>`,
            `<text x="${px(0) - 6}" y="${py(y) + 4}" text-anchor="end" font-size="11">${(y / 1000).toLocaleString("en-US")} s</text>`,
            `<text x="${px(x)}" y="${py(0) + 16}" text-anchor="middle" font-size="11">${x.toLocaleString("en-US")}</text>`,
        );
    }
    parts.push(
        `<text x="${offsetX + W / 2}" y="${py(0) + 34}" text-anchor="middle" font-size="12">${escape(p.xLabel)}</text>`,
    );
    Object.entries(p.series).forEach(([name, ys], i) => {
        const color = COLORS[i % COLORS.length];
        const points = p.x.map((x, j) => `${px(x).toFixed(1)},${py(ys[j]).toFixed(1)}`);
        parts.push(
            `<polyline fill="none" stroke="${color}" stroke-width="2" points="${points.join(" ")}"/>`,
            ...p.x.map(
                (x, j) =>
                    `<circle cx="${px(x).toFixed(1)}" cy="${py(ys[j]).toFixed(1)}" r="3" fill="${color}"/>`,
            ),
            `<rect x="${offsetX + M.left + 150 * (i % 3)}" y="${H - 22 + 0}" width="10" height="10" fill="${color}"/>`,
            `<text x="${offsetX + M.left + 14 + 150 * (i % 3)}" y="${H - 13}" font-size="11">${escape(name)}</text>`,
        );
    });
    return parts.join("\n");
}

/** The chart: panels side by side, with a caption line under them. */
export function scalingChart(panels: readonly Panel[], caption: string): string {
    const width = W * panels.length;
    return [
        `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${H + 20}" viewBox="0 0 ${width} ${H + 20}" font-family="sans-serif">`,
        `<rect width="100%" height="100%" fill="white"/>`,
        ...panels.map((p, i) => panel(p, i * W)),
        `<text x="${width / 2}" y="${H + 12}" text-anchor="middle" font-size="10" fill="#555">${escape(caption)}</text>`,
        "</svg>",
        "",
    ].join("\n");
}
