/**
 * `policypack/lib/destinations/config.ts`, directly: what the log-destination policies read from
 * their configuration, and the defaults of what is missing or malformed.
 */
import * as assert from "node:assert/strict";
import { readDestinationsConfig } from "../policypack/lib/destinations/config";

describe("destinations/config.ts: the log-destination policies' configuration", () => {
    it("defaults to no service disabled and outside-stack groups advisory", () => {
        for (const config of [undefined, null, {}]) {
            const read = readDestinationsConfig(config);
            assert.deepEqual(
                [read.disabledServices, read.outsideStack],
                [[], "advisory"],
                JSON.stringify(config),
            );
        }
    });

    it("keeps the disabled services' strings, and only a list of them", () => {
        const read = (disabledServices: unknown) =>
            readDestinationsConfig({ disabledServices }).disabledServices;
        assert.deepEqual(read(["lambda", 5, null, "eks"]), ["lambda", "eks"]);
        assert.deepEqual(read("lambda"), []);
        assert.deepEqual(read({ 0: "lambda" }), []);
    });

    it("refuses outside-stack groups only when set to mandatory", () => {
        const read = (outsideStack: unknown) =>
            readDestinationsConfig({ outsideStack }).outsideStack;
        assert.deepEqual(["mandatory", "advisory", "", "Mandatory", true].map(read), [
            "mandatory",
            "advisory",
            "advisory",
            "advisory",
            "advisory",
        ]);
    });
});
