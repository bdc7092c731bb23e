/**
 * `policypack/lib/stack/createInputs.ts`, directly: which properties a key's (or a writer's)
 * creation leaves to AWS's default, the record of what `Analyze` saw its inputs leave out, and the
 * properties read with those unknown outputs removed (and nothing else).
 */
import * as assert from "node:assert/strict";
import {
    defaultedAtCreate,
    defaultedProperties,
    forgetKeyInputs,
    inputsFirst,
    recordKeyInputs,
} from "../policypack/lib/stack/createInputs";
import { UNKNOWN_SENTINELS } from "../policypack/lib/stack/wire";

const U = UNKNOWN_SENTINELS[2];
const KEY = "aws:kms/key:Key";

describe("stack/createInputs.ts: what a resource's creation leaves to AWS", () => {
    it("a key's defaulted properties, else what the writer table says", () => {
        const writers = (type: string) => (type === "w" ? ["loggingConfiguration"] : undefined);
        assert.deepEqual(defaultedProperties(KEY, writers), [
            "policy",
            "keyPolicy",
            "multiRegion",
            "customerMasterKeySpec",
            "keySpec",
            "keyUsage",
            "origin",
            "customKeyStoreId",
            "xksKeyId",
            "enableKeyRotation",
        ]);
        assert.deepEqual(defaultedProperties("w", writers), ["loggingConfiguration"]);
        assert.equal(defaultedProperties("other", writers), undefined);
    });

    it("records the defaulted properties the inputs leave out, and nothing for none", () => {
        const urn = "urn:createInputs:recorded";
        recordKeyInputs(urn, ["policy", "multiRegion", "origin"], { policy: "{}", origin: null });
        assert.deepEqual([...defaultedAtCreate(urn)], ["multiRegion", "origin"]);
        const never = defaultedAtCreate("urn:createInputs:never-seen");
        assert.deepEqual([...never], []);
        recordKeyInputs("urn:createInputs:no-properties", [], {});
        recordKeyInputs("urn:createInputs:undefined", undefined, {});
        // Nothing recorded: the same empty set as a key `Analyze` never saw.
        assert.equal(defaultedAtCreate("urn:createInputs:no-properties"), never);
        assert.equal(defaultedAtCreate("urn:createInputs:undefined"), never);
    });

    it("removes only the unknown outputs the inputs left out, keeping every other property", () => {
        const urn = "urn:createInputs:first";
        recordKeyInputs(urn, ["policy", "multiRegion", "keySpec"], {});
        const props = { policy: U, multiRegion: true, description: U, enableKeyRotation: false };
        const read = inputsFirst(urn, props);
        assert.deepEqual(read, { multiRegion: true, description: U, enableKeyRotation: false });
        assert.notEqual(read, props);
        // Nothing to remove: the props themselves.
        const known = { policy: "{}", multiRegion: false };
        assert.equal(inputsFirst(urn, known), known);
        assert.equal(inputsFirst("urn:createInputs:unseen", props), props);
        assert.equal(inputsFirst(urn, null), null);
        assert.equal(inputsFirst(urn, "text"), "text");
    });

    it("forgets every record at the start of a run", () => {
        const urn = "urn:createInputs:forgotten";
        recordKeyInputs(urn, ["policy"], {});
        assert.deepEqual([...defaultedAtCreate(urn)], ["policy"]);
        forgetKeyInputs();
        assert.deepEqual([...defaultedAtCreate(urn)], []);
        assert.deepEqual(inputsFirst(urn, { policy: U }), { policy: U });
    });
});
