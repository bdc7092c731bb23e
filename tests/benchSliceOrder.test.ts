/**
 * The bench's interleaved rounds give each slice to the packs in a balanced order
 * (`sliceOrder`, bench/harness.ts): every pack once per slice, and over n slices every pack
 * first once and right after every other pack exactly once.
 */
import { strict as assert } from "node:assert";
import { sliceOrder } from "../bench/harness";

/** How many times pack `b` comes right after pack `a` in the rows for slices 0 .. n-1. */
function followCounts(n: number): Map<string, number> {
    const counts = new Map<string, number>();
    for (let slice = 0; slice < n; slice++) {
        const row = sliceOrder(n, slice);
        for (let i = 1; i < n; i++) {
            const pair = `${row[i - 1]}>${row[i]}`;
            counts.set(pair, (counts.get(pair) ?? 0) + 1);
        }
    }
    return counts;
}

describe("bench sliceOrder: a Williams design", () => {
    it("gives the rows of the four-pack bench exactly", () => {
        assert.deepEqual(
            [0, 1, 2, 3, 4].map((slice) => sliceOrder(4, slice)),
            [
                [0, 1, 3, 2],
                [1, 2, 0, 3],
                [2, 3, 1, 0],
                [3, 0, 2, 1],
                [0, 1, 3, 2],
            ],
        );
    });

    for (const n of [2, 4, 6]) {
        it(`puts every pack right after every other exactly once over ${n} slices (n = ${n})`, () => {
            const counts = followCounts(n);
            assert.equal(counts.size, n * (n - 1));
            assert.deepEqual(new Set(counts.values()), new Set([1]));
            assert.deepEqual(
                Array.from({ length: n }, (_, slice) => sliceOrder(n, slice)[0]),
                Array.from({ length: n }, (_, i) => i),
            );
        });
    }

    it("gives every pack once per slice for an odd count too, but not balanced pairs", () => {
        for (let slice = 0; slice < 5; slice++) {
            assert.deepEqual(
                [...sliceOrder(5, slice)].sort((a, b) => a - b),
                [0, 1, 2, 3, 4],
            );
        }
        // The one property an odd n cannot have (it needs n even): some pair repeats.
        assert.ok([...followCounts(5).values()].some((c) => c > 1));
    });

    it("is not the rotation it replaced, where pack 0 always came right after pack n-1", () => {
        const rotation = (n: number, slice: number) =>
            Array.from({ length: n }, (_, k) => (slice + k) % n);
        assert.notDeepEqual(sliceOrder(4, 1), rotation(4, 1));
    });
});
