/**
 * `policypack/lib/stack/stackIndex.ts`, directly: the stack as the engine hands it to a stack
 * policy, read once (dependencies as URNs), and the lookups key resolution needs: a key by ARN, key
 * id, id or alias (name, ARN, its target or what that depends on), the one key URNs lead to
 * (through aliases and components), stand-alone key policies, published key facts and buckets.
 */
import * as assert from "node:assert/strict";
import { publishedLogsKeyFacts } from "../harness/stackFixtures";
import { STACK_REFERENCE_TYPE } from "../policypack/lib/stack/publishedKeys";
import { StackIndex, StackResourceLike } from "../policypack/lib/stack/stackIndex";
import { UNKNOWN_SENTINELS } from "../policypack/lib/stack/wire";

const U = UNKNOWN_SENTINELS[2];
const KEY = "aws:kms/key:Key";
const ALIAS = "aws:kms/alias:Alias";
const KEY_POLICY = "aws:kms/keyPolicy:KeyPolicy";
const BUCKET = "aws:s3/bucket:Bucket";
const ARN = (id: string) => `arn:aws:kms:us-east-1:111122223333:key/${id}`;

interface Options {
    readonly parent?: string;
    readonly deps?: Record<string, readonly string[]>;
}

/** A resource as `@pulumi/policy` hands it to a stack policy. */
function res(type: string, name: string, props: object, opts: Options = {}): StackResourceLike {
    const refs = (urns: readonly string[]) => urns.map((urn) => ({ urn }));
    return {
        type,
        name,
        urn: urnOf(type, name),
        props,
        ...(opts.parent === undefined ? {} : { parent: { urn: opts.parent } }),
        ...(opts.deps === undefined
            ? {}
            : {
                  dependencies: refs([...new Set(Object.values(opts.deps).flat())]),
                  propertyDependencies: Object.fromEntries(
                      Object.entries(opts.deps).map(([k, v]) => [k, refs(v)]),
                  ),
              }),
    };
}

function urnOf(type: string, name: string): string {
    return `urn:pulumi:dev::app::${type}::${name}`;
}

/** The name of the key `found` leads to, and of the alias it went through. */
function named(
    found: { key?: { resource: { name: string } }; alias?: { name: string } } | undefined,
) {
    return found === undefined ? undefined : [found.key?.resource.name, found.alias?.name];
}

describe("stack/stackIndex.ts: the stack, indexed", () => {
    it("reads each resource once: dependencies as URNs, and nothing more than it has", () => {
        const full: StackResourceLike = {
            ...res(
                "aws:cloudwatch/logGroup:LogGroup",
                "g",
                { name: "/g" },
                {
                    parent: "urn:parent",
                    deps: { kmsKeyId: ["urn:k"] },
                },
            ),
            provider: { type: "pulumi:providers:aws", name: "p", props: { region: "eu-west-1" } },
            dependencies: [{ urn: "urn:k" }, { urn: "urn:other" }],
        };
        const bare = res("aws:cloudwatch/logGroup:LogGroup", "bare", {});
        const index = new StackIndex([full, bare]);
        assert.deepEqual(index.get(full.urn), {
            type: full.type,
            name: "g",
            urn: full.urn,
            props: { name: "/g" },
            provider: { type: "pulumi:providers:aws", name: "p", props: { region: "eu-west-1" } },
            parentUrn: "urn:parent",
            dependencies: ["urn:k", "urn:other"],
            propertyDependencies: { kmsKeyId: ["urn:k"] },
        });
        assert.deepEqual(index.get(bare.urn), {
            type: bare.type,
            name: "bare",
            urn: bare.urn,
            props: {},
            provider: undefined,
            parentUrn: undefined,
            dependencies: [],
            propertyDependencies: {},
        });
        assert.equal(index.get("urn:none"), undefined);
    });

    it("finds a key by its ARN, the key id in a KMS key ARN, its keyId or its id; never by an empty one", () => {
        const index = new StackIndex([
            res(KEY, "by-arn", { arn: ARN("1111"), keyId: "", id: "" }),
            res(KEY, "by-key-id", { keyId: "2222" }),
            res(KEY, "by-id", { id: "3333" }),
            res(KEY, "alias-arn", { arn: "arn:aws:kms:us-east-1:111122223333:alias/a" }),
            res(KEY, "logs-arn", { arn: "arn:aws:logs:us-east-1:111122223333:key/4444" }),
            res(KEY, "broken", { arn: "arn:aws" }),
        ]);
        const name = (v: string) => named(index.keyByIdentifier(v))?.[0];
        assert.equal(name(ARN("1111")), "by-arn");
        assert.equal(name("1111"), "by-arn");
        assert.equal(name(ARN("2222")), "by-key-id");
        assert.equal(name("3333"), "by-id");
        assert.equal(name("arn:aws:kms:us-east-1:111122223333:alias/a"), "alias-arn");
        assert.equal(name("alias/a"), undefined);
        assert.equal(name("a"), undefined);
        assert.equal(name("4444"), undefined);
        assert.equal(name("key/4444"), undefined);
        assert.equal(name("arn:aws"), "broken");
        assert.equal(name(""), undefined);
        assert.equal(name("9999"), undefined);
    });

    it("lists the keys of a Pulumi name", () => {
        const index = new StackIndex([
            res(KEY, "k", {}),
            { ...res(KEY, "k", {}, { parent: "urn:c" }), urn: "urn:c$k" },
            res(KEY, "other", {}),
        ]);
        assert.deepEqual(index.keysNamed("k"), [urnOf(KEY, "k"), "urn:c$k"]);
        assert.deepEqual(index.keysNamed("none"), []);
    });
});

const key = res(KEY, "key", { arn: ARN("1111"), keyId: "1111" });
const other = res(KEY, "other", { arn: ARN("2222") });

describe("stack/stackIndex.ts: aliases and the one key URNs lead to", () => {
    it("finds a key through an alias's name or ARN: by its target, else what the target depends on", () => {
        const index = new StackIndex([
            key,
            other,
            res(ALIAS, "by-target", { name: "alias/t", arn: "arn:alias/t", targetKeyId: "1111" }),
            res(
                ALIAS,
                "by-dep",
                { name: "alias/d", targetKeyId: U },
                { deps: { targetKeyId: [other.urn] } },
            ),
            res(
                ALIAS,
                "stranger",
                { name: "alias/s", targetKeyId: "9999" },
                { deps: { targetKeyId: [other.urn] } },
            ),
            res(ALIAS, "nothing", { name: "alias/n", targetKeyId: U }),
            res(ALIAS, "unnamed", { name: "", targetKeyId: "1111" }),
        ]);
        assert.deepEqual(named(index.keyByIdentifier("alias/t")), ["key", "by-target"]);
        assert.deepEqual(named(index.keyByIdentifier("arn:alias/t")), ["key", "by-target"]);
        assert.deepEqual(named(index.keyByIdentifier("alias/d")), ["other", "by-dep"]);
        assert.deepEqual(named(index.keyByIdentifier("alias/s")), ["other", "stranger"]);
        assert.equal(index.keyByIdentifier("alias/n"), undefined);
        assert.equal(index.keyByIdentifier(""), undefined);
    });

    it("leads URNs to one key (itself, an alias's, a component's) or lists the ambiguity", () => {
        const component = "urn:pulumi:dev::app::my:index:Keys::keys";
        const inside = res(KEY, "inside", {}, { parent: component });
        const index = new StackIndex([
            key,
            other,
            res("my:index:Keys", "keys", {}),
            inside,
            res("aws:cloudwatch/logGroup:LogGroup", "plain", {}, { parent: component }),
            res(ALIAS, "alias", { name: "alias/k", targetKeyId: "1111" }),
            res(ALIAS, "dangling", { name: "alias/x", targetKeyId: "9999" }),
            res(BUCKET, "b", { bucket: "b" }),
        ]);
        const among = (urns: string[], through = false) => {
            const found = index.singleKeyAmong(urns, through);
            return found?.ambiguous ?? named(found);
        };
        assert.deepEqual(among([key.urn]), ["key", undefined]);
        assert.deepEqual(among(["urn:none", urnOf(ALIAS, "alias")]), ["key", "alias"]);
        assert.deepEqual(among([urnOf(ALIAS, "dangling"), urnOf(BUCKET, "b")]), undefined);
        assert.deepEqual(among([key.urn, urnOf(ALIAS, "alias")]), ["key", "alias"]);
        assert.deepEqual(among([other.urn, key.urn]), ["key", "other"]);
        assert.deepEqual(among([component]), undefined);
        assert.deepEqual(among([component], true), ["inside", undefined]);
        assert.deepEqual(among([component, key.urn], true), ["inside", "key"]);
        assert.deepEqual(among([]), undefined);
    });
});

describe("stack/stackIndex.ts: stand-alone key policies", () => {
    it("gives a key the KeyPolicy naming it, and the ones whose unknown keyId depends on it", () => {
        const index = new StackIndex([
            key,
            other,
            res(KEY_POLICY, "named", { keyId: ARN("1111"), policy: "{}" }),
            res(KEY_POLICY, "maybe-1", { keyId: U }, { deps: { keyId: [other.urn] } }),
            res(KEY_POLICY, "maybe-2", { keyId: U }, { deps: { keyId: [other.urn] } }),
            res(KEY_POLICY, "stranger", { keyId: "9999" }, { deps: { keyId: [key.urn] } }),
            res(KEY_POLICY, "from-nothing", { keyId: U }),
        ]);
        const k = index.key(key.urn);
        assert.equal(k?.keyPolicy?.name, "named");
        assert.equal(k?.possibleKeyPolicies, undefined);
        const o = index.key(other.urn);
        assert.equal(o?.keyPolicy, undefined);
        assert.deepEqual(
            o?.possibleKeyPolicies?.map((p) => p.name),
            ["maybe-1", "maybe-2"],
        );
        assert.deepEqual([...(k?.defaulted ?? ["?"])], []);
        assert.equal(index.key("urn:none"), undefined);
    });
});

describe("stack/stackIndex.ts: published key facts and buckets", () => {
    const facts = publishedLogsKeyFacts("platform");
    const arn = facts.arn as string;

    it("reads each StackReference among URNs once, and only StackReferences", () => {
        const ref = res(STACK_REFERENCE_TYPE, "platform", { outputs: { k: facts } });
        const bucket = res(BUCKET, "b", { outputs: { k: facts } });
        const index = new StackIndex([ref, bucket]);
        const read = index.publishedAmong([ref.urn, bucket.urn, ref.urn, "urn:none"]);
        assert.deepEqual(
            read.map((p) => [p.stackReference.name, [...p.byArn.keys()]]),
            [["platform", [arn]]],
        );
        assert.equal(index.publishedAmong([ref.urn])[0], read[0]);
        assert.deepEqual(index.publishedAmong([bucket.urn]), []);
    });

    it("finds facts any carrier publishes, the first carrier's when several do", () => {
        const first = res(STACK_REFERENCE_TYPE, "first", { outputs: { k: facts } });
        const second = res(STACK_REFERENCE_TYPE, "second", { outputs: { k: facts } });
        const notCarrier = res(BUCKET, "b", { outputs: { k: publishedLogsKeyFacts("other") } });
        const index = new StackIndex([first, second, notCarrier]);
        assert.equal(index.publishedAnywhere(arn)?.stackReference.name, "first");
        assert.equal(index.publishedAnywhere(arn)?.stackReference.name, "first");
        assert.equal(
            index.publishedAnywhere(publishedLogsKeyFacts("other").arn as string),
            undefined,
        );
        // Read once, on the first call: the same facts the StackReference's reading gave.
        assert.equal(
            index.publishedAnywhere(arn),
            index.publishedAmong([first.urn])[0].byArn.get(arn),
        );
    });

    it("finds a trail's bucket by its known name, else by what the property depends on", () => {
        const named = res(BUCKET, "named", { bucket: "logs" });
        const dep = res(BUCKET, "dep", { bucket: U });
        const unnamed = res(BUCKET, "unnamed", { bucket: "" });
        const notBucket = res(KEY, "k", {});
        const trail = (deps: string[]) =>
            new StackIndex([
                res("aws:cloudtrail/trail:Trail", "t", {}, { deps: { s3BucketName: deps } }),
            ]).get(urnOf("aws:cloudtrail/trail:Trail", "t"))!;
        const index = new StackIndex([named, dep, unnamed, notBucket]);
        const of = (deps: string[], name: string | typeof U | undefined) =>
            index.bucketOf(trail(deps), "s3BucketName", name as string)?.name;
        assert.equal(of([], "logs"), "named");
        assert.equal(of(["urn:none", notBucket.urn, dep.urn], "other"), "dep");
        assert.equal(of([dep.urn], "logs"), "named");
        assert.equal(of([notBucket.urn], undefined), undefined);
        assert.equal(of([], ""), undefined);
        assert.equal(index.bucketOf(trail([dep.urn]), "other", "x"), undefined);
    });
});
