/**
 * `policypack/lib/destinations/services/index.ts`, the destinations table: `logDestinations`
 * never throws. A reader that throws on what it is handed (here EKS's, on a list whose length
 * cannot be read) makes the answer "unknown", quoting the error; the same reader on a plain list
 * still answers with its group.
 */
import * as assert from "node:assert/strict";
import { logDestinations } from "../../policypack/lib/destinations/services";
import { BY_WRITER_IDENTITY, named, writes } from "./support";

const EKS = "aws:eks/cluster:Cluster";

/** A list (`Array.isArray` holds) whose `length` throws `thrown` when read. */
function unreadableList(thrown: unknown): unknown[] {
    return new Proxy<unknown[]>(["api"], {
        get(target, key, receiver) {
            if (key === "length") {
                throw thrown;
            }
            return Reflect.get(target, key, receiver) as unknown;
        },
    });
}

describe("destinations/services/index.ts: the destinations table", () => {
    it("answers unknown, quoting the error's message, when a reader throws an Error", () => {
        assert.deepEqual(
            logDestinations(EKS, {
                name: "prod",
                enabledClusterLogTypes: unreadableList(new Error("length is unreadable")),
            }),
            {
                kind: "unknown",
                property: "(properties)",
                reason: "the properties could not be read (length is unreadable)",
            },
        );
    });

    it("answers unknown, quoting what was thrown, when a reader throws something else", () => {
        assert.deepEqual(
            logDestinations(EKS, {
                name: "prod",
                enabledClusterLogTypes: unreadableList("no list here"),
            }),
            {
                kind: "unknown",
                property: "(properties)",
                reason: "the properties could not be read (no list here)",
            },
        );
    });

    it("answers with the reader's groups when nothing throws", () => {
        assert.deepEqual(
            logDestinations(EKS, { name: "prod", enabledClusterLogTypes: ["api"] }),
            writes(
                named("control plane logs", "/aws/eks/prod/cluster", "name", {
                    strategy: BY_WRITER_IDENTITY,
                    serviceCreatesGroup: true,
                }),
            ),
        );
    });

    it("has no row for a type that sends no logs, nor for an Object.prototype name", () => {
        assert.equal(logDestinations("aws:s3/bucket:Bucket", { bucket: "b" }), undefined);
        assert.equal(logDestinations("hasOwnProperty", {}), undefined);
    });
});
