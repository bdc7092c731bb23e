/**
 * The table-driven "fails at construction" tests the component test files share: each case
 * constructs a component under a fresh mock engine and must throw a message containing the text.
 */
import * as assert from "node:assert/strict";
import { MockEngine } from "../../testing/mockEngine";

/** A construction that must fail: what it is, how to construct it, a part of the message. */
export type ConstructionError = [what: string, construct: () => unknown, message: string];

/** Declares one mocha test per case: `fails at construction for <what>`. */
export function itFailsAtConstruction(cases: readonly ConstructionError[]): void {
    for (const [what, construct, message] of cases) {
        it(`fails at construction for ${what}`, async () => {
            await MockEngine.start();
            assert.throws(construct, (e: Error) => {
                assert.ok(e.message.includes(message), `message was: ${e.message}`);
                return true;
            });
        });
    }
}
