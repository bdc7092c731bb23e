/**
 * The pack reads each resource's properties once per request (policypack/deserializeOnce.ts):
 * with a stand-in module, and through `@pulumi/policy`'s own `AnalyzeStack` code with several
 * stack policies, counting the deserializations.
 */
import * as assert from "assert";
import * as path from "path";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { deserializeOnce } from "../policypack/deserializeOnce";
import { PACK_DIR } from "../harness/policyHarness";

const INSTALLED = Symbol.for("pulumi-aws-encrypted-logs.deserializeOnce");

type Deserialize = (s: object, proxySecrets: boolean) => unknown;

/** A stand-in for `@pulumi/policy/deserialize` that counts its calls. */
function standIn(): { module: { deserializeProperties: Deserialize }; calls: () => number } {
    let calls = 0;
    const module = {
        deserializeProperties: (s: object, proxySecrets: boolean): unknown => {
            calls++;
            return { read: s, proxySecrets };
        },
    };
    return { module, calls: () => calls };
}

describe("deserializeOnce: one reading of a resource's properties per request", () => {
    it("keeps the result per Struct object, and only for proxySecrets: false", () => {
        const { module, calls } = standIn();
        assert.strictEqual(
            deserializeOnce(() => module),
            true,
        );
        const a = {};
        const b = {};
        const first = module.deserializeProperties(a, false);
        assert.strictEqual(module.deserializeProperties(a, false), first);
        assert.strictEqual(calls(), 1);
        assert.notStrictEqual(module.deserializeProperties(b, false), first);
        assert.strictEqual(calls(), 2);
        // Remediations may change what they get: never shared.
        const secretA = module.deserializeProperties(a, true);
        assert.notStrictEqual(module.deserializeProperties(a, true), secretA);
        assert.strictEqual(calls(), 4);
    });

    it("installs one layer however often it is called", () => {
        const { module, calls } = standIn();
        deserializeOnce(() => module);
        const wrapped = module.deserializeProperties;
        assert.strictEqual(
            deserializeOnce(() => module),
            true,
        );
        assert.strictEqual(module.deserializeProperties, wrapped);
        const s = {};
        module.deserializeProperties(s, false);
        module.deserializeProperties(s, false);
        assert.strictEqual(calls(), 1);
    });

    it("passes what is not an object straight through, every time (a WeakMap cannot key it)", () => {
        const { module, calls } = standIn();
        deserializeOnce(() => module);
        for (const value of [null, undefined, "struct"]) {
            assert.deepStrictEqual(
                module.deserializeProperties(value as unknown as object, false),
                {
                    read: value,
                    proxySecrets: false,
                },
            );
        }
        assert.strictEqual(
            module.deserializeProperties(null as unknown as object, false) !== undefined,
            true,
        );
        assert.strictEqual(calls(), 4);
    });

    it("leaves a library it does not recognise alone, and says so", () => {
        assert.strictEqual(
            deserializeOnce(() => {
                throw new Error("Cannot find module '@pulumi/policy/deserialize'");
            }),
            false,
        );
        const other = { deserializeProperties: "not a function" };
        assert.strictEqual(
            deserializeOnce(() => other),
            false,
        );
        assert.strictEqual(other.deserializeProperties, "not a function");
    });

    /* eslint-disable @typescript-eslint/no-require-imports */
    it("makes @pulumi/policy's AnalyzeStack with 3 stack policies deserialize each resource once", async () => {
        const policyDir = path.join(PACK_DIR, "node_modules", "@pulumi", "policy");
        const deserialize = require(path.join(policyDir, "deserialize")) as {
            deserializeProperties: Deserialize;
            [INSTALLED]?: boolean;
        };
        const server = require(path.join(policyDir, "server"));
        const analyzerProto = require(
            path.join(PACK_DIR, "node_modules", "@pulumi", "pulumi", "proto", "analyzer_pb"),
        );

        const saved = deserialize.deserializeProperties;
        const savedMark = deserialize[INSTALLED];
        let calls = 0;
        deserialize.deserializeProperties = (s, proxySecrets) => {
            calls++;
            return saved(s, proxySecrets);
        };
        delete deserialize[INSTALLED];
        try {
            const seen: unknown[][] = [];
            const policies = [1, 2, 3].map((i) => ({
                name: `reader-${i}`,
                description: "reads every resource's bucket property",
                enforcementLevel: "advisory",
                validateStack: (args: {
                    resources: { props: Record<string, unknown> }[];
                }): void => {
                    seen.push(args.resources.map((r) => r.props.bucket));
                },
            }));
            const analyzeStack = server.makeAnalyzeStackRpcFun("p", "1.0.0", "advisory", policies);
            const request = (): unknown => {
                const req = new analyzerProto.AnalyzeStackRequest();
                req.setResourcesList(
                    ["a", "b"].map((name) => {
                        const r = new analyzerProto.AnalyzerResource();
                        r.setType("aws:s3/bucket:Bucket");
                        r.setName(name);
                        r.setUrn(`urn:pulumi:dev::p::aws:s3/bucket:Bucket::${name}`);
                        r.setProperties(Struct.fromJavaScript({ bucket: `bucket-${name}` }));
                        r.setOptions(new analyzerProto.AnalyzerResourceOptions());
                        return r;
                    }),
                );
                return req;
            };
            const run = (): Promise<void> =>
                new Promise((resolve, reject) =>
                    analyzeStack({ request: request() }, (err: unknown) =>
                        err ? reject(err) : resolve(),
                    ),
                );

            await run();
            assert.strictEqual(calls, 6, "without it: each of 3 policies reads both resources");
            assert.strictEqual(
                deserializeOnce((id) => require(path.join(PACK_DIR, "node_modules", id))),
                true,
            );
            calls = 0;
            seen.length = 0;
            await run();
            assert.strictEqual(calls, 2, "with it: each resource read once for the 3 policies");
            assert.deepStrictEqual(seen, [
                ["bucket-a", "bucket-b"],
                ["bucket-a", "bucket-b"],
                ["bucket-a", "bucket-b"],
            ]);
        } finally {
            deserialize.deserializeProperties = saved;
            if (savedMark === undefined) {
                delete deserialize[INSTALLED];
            } else {
                deserialize[INSTALLED] = savedMark;
            }
        }
    });
});
