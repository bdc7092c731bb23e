/**
 * `policypack/lib/stack/wire.ts`, directly: properties read without the props proxy's `get` trap
 * (only an object's own properties; unknown sentinels as UNKNOWN), objects told from lists and
 * strings, and secrets unwrapped, whether marked with the wire signature or as `Secret` objects.
 */
import * as assert from "node:assert/strict";
import {
    SECRET_SIG,
    UNKNOWN,
    UNKNOWN_SENTINELS,
    readObject,
    readProperty,
    unwrapSecrets,
} from "../policypack/lib/stack/wire";

const U = UNKNOWN_SENTINELS[2];

/** As `@pulumi/pulumi` hands a policy a secret: an instance of a class named `Secret`. */
class Secret {
    constructor(readonly value: unknown) {}
}

describe("stack/wire.ts: reading what the engine sends", () => {
    it("reads an object's own properties only, not a string's", () => {
        assert.equal(readProperty({ a: 1 }, "a"), 1);
        assert.equal(readProperty({ a: U }, "a"), UNKNOWN);
        assert.equal(readProperty({ a: null }, "a"), undefined);
        assert.equal(readProperty("abc", "length"), undefined);
        assert.equal(readProperty("abc", "0"), undefined);
        assert.equal(readProperty(null, "a"), undefined);
        assert.equal(readProperty({}, "toString"), undefined);
    });

    it("reads an object, not a list or a string; unknown as UNKNOWN", () => {
        assert.deepEqual(readObject({ o: { b: 1 } }, "o"), { b: 1 });
        assert.equal(readObject({ o: [1] }, "o"), undefined);
        assert.equal(readObject({ o: "text" }, "o"), undefined);
        assert.equal(readObject({ o: 5 }, "o"), undefined);
        assert.equal(readObject({ o: U }, "o"), UNKNOWN);
        assert.equal(readObject({}, "o"), undefined);
    });

    it("unwraps secrets marked with the wire signature and Secret objects holding only a value", () => {
        assert.deepEqual(
            unwrapSecrets({
                a: { [SECRET_SIG.key]: SECRET_SIG.value, value: [1, new Secret("x")] },
            }),
            { a: [1, "x"] },
        );
        assert.equal(unwrapSecrets(new Secret(new Secret(5))), 5);
        // Not secrets: a plain object with only a value, a Secret with more, another class.
        assert.deepEqual(unwrapSecrets({ value: 5 }), { value: 5 });
        const more = Object.assign(new Secret(5), { other: 6 });
        assert.deepEqual(unwrapSecrets(more), { value: 5, other: 6 });
        class Other {
            constructor(readonly value: unknown) {}
        }
        assert.deepEqual(unwrapSecrets(new Other(5)), { value: 5 });
        const wrongKey = new Secret(5) as unknown as Record<string, unknown>;
        delete wrongKey.value;
        wrongKey.values = 5;
        assert.deepEqual(unwrapSecrets(wrongKey), { values: 5 });
        // An object without a prototype has no constructor.
        const bare = Object.assign(Object.create(null) as object, { value: 5 });
        assert.deepEqual(unwrapSecrets(bare), { value: 5 });
    });
});
