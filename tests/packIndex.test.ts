/**
 * The pack's entry point (`policypack/index.ts`), loaded in this process: the pack's process runs
 * it, where Stryker cannot see it. `@pulumi/policy` is a stand-in whose `PolicyPack` records what
 * it is given (the root's `node_modules` has no `@pulumi/policy`: the name is resolved to the
 * stand-in while the file loads), and `deserializeOnce` and `configuredPolicies` are stand-ins that
 * record their calls, so that loading it installs nothing in this process. Every module put in
 * `require.cache` is taken out again, and the real ones put back.
 */
import * as assert from "node:assert/strict";
import { Module } from "node:module";
import * as path from "node:path";
import { PACK_POLICIES } from "../policypack/policies";

/** The compiled pack, next to this compiled test (`bin/tests` and `bin/policypack`). */
const PACK_BIN = path.resolve(__dirname, "..", "policypack");

type Resolve = (request: string, ...rest: unknown[]) => string;
const moduleInternals = Module as unknown as { _resolveFilename: Resolve };

/** A module record for `require.cache`, with these exports. */
function cached(filename: string, exports: object): NodeJS.Module {
    const m = new Module(filename);
    m.filename = filename;
    m.loaded = true;
    m.exports = exports;
    return m as NodeJS.Module;
}

describe("policypack/index.ts: the pack's entry point", () => {
    it('installs the single reading and the configuration watch, then declares "encrypted-logs" with every policy in order', () => {
        const calls: string[] = [];
        const packs: { name: string; args: { policies?: unknown[] } }[] = [];
        class PolicyPack {
            constructor(name: string, args: { policies?: unknown[] }) {
                calls.push("PolicyPack");
                packs.push({ name, args });
            }
        }
        const fakePolicy = path.join(PACK_BIN, "stand-in-@pulumi-policy.js");
        const stubs: Record<string, object> = {
            [fakePolicy]: { PolicyPack },
            [path.join(PACK_BIN, "deserializeOnce.js")]: {
                deserializeOnce: (...args: unknown[]) => {
                    calls.push(`deserializeOnce(${args.length})`);
                    return true;
                },
            },
            [path.join(PACK_BIN, "lib", "config", "configuredPolicies.js")]: {
                watchConfiguredPolicies: (...args: unknown[]) => {
                    calls.push(`watchConfiguredPolicies(${args.length})`);
                    return true;
                },
            },
        };
        const entry = path.join(PACK_BIN, "index.js");
        const kept = new Map<string, NodeJS.Module | undefined>();
        for (const file of [entry, ...Object.keys(stubs)]) {
            kept.set(file, require.cache[file]);
            delete require.cache[file];
        }
        for (const [file, exports] of Object.entries(stubs)) {
            require.cache[file] = cached(file, exports);
        }
        const resolve = moduleInternals._resolveFilename;
        moduleInternals._resolveFilename = function (this: unknown, request, ...rest) {
            return request === "@pulumi/policy" ? fakePolicy : resolve.call(this, request, ...rest);
        };
        try {
            // eslint-disable-next-line @typescript-eslint/no-require-imports
            require(entry);
        } finally {
            moduleInternals._resolveFilename = resolve;
            for (const [file, m] of kept) {
                if (m === undefined) {
                    delete require.cache[file];
                } else {
                    require.cache[file] = m;
                }
            }
        }
        // The defaults (the pack's own modules), before the pack serves.
        assert.deepEqual(calls, ["deserializeOnce(0)", "watchConfiguredPolicies(0)", "PolicyPack"]);
        assert.equal(packs.length, 1);
        assert.equal(packs[0].name, "encrypted-logs");
        assert.deepEqual(Object.keys(packs[0].args), ["policies"]);
        const policies = packs[0].args.policies ?? [];
        assert.equal(policies.length, PACK_POLICIES.length);
        assert.ok(policies.length > 0);
        policies.forEach((p, i) => assert.strictEqual(p, PACK_POLICIES[i], `policy ${i}`));
        // A copy: the pack cannot change the list the tests read.
        assert.notStrictEqual(policies, PACK_POLICIES);
        assert.equal(require.cache[fakePolicy], undefined);
        assert.equal(require.cache[entry], kept.get(entry));
    });
});
