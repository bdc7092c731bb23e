/**
 * `policypack/lib/stack/keyResolution.ts`, directly: a log group's key reference to a key of the
 * stack (by value, an alias ARN written out, the property dependency, the dependencies, the name),
 * to facts a StackReference publishes (the one the property depends on first), to an external key
 * (with the malformed facts that may be its), or why it cannot be known yet, word for word.
 */
import * as assert from "node:assert/strict";
import { publishedLogsKeyFacts } from "../harness/stackFixtures";
import { KeyResolution, resolveKey } from "../policypack/lib/stack/keyResolution";
import { STACK_REFERENCE_TYPE } from "../policypack/lib/stack/publishedKeys";
import { StackIndex, StackResourceLike } from "../policypack/lib/stack/stackIndex";
import { TARGET_TYPES } from "../policypack/lib/stack/targets";
import { UNKNOWN } from "../policypack/lib/stack/wire";

const U = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
const KEY = "aws:kms/key:Key";
const ALIAS = "aws:kms/alias:Alias";
const GROUP = "aws:cloudwatch/logGroup:LogGroup";
const ALIAS_ARN = "arn:aws:kms:us-east-1:111122223333:alias/app";

function urnOf(type: string, name: string): string {
    return `urn:pulumi:dev::app::${type}::${name}`;
}

/** A resource as a stack policy gets it; `deps`: its kmsKeyId's, `dependsOn`: its others. */
function res(
    type: string,
    name: string,
    props: object,
    opts: { deps?: string[]; dependsOn?: string[]; parent?: string } = {},
): StackResourceLike {
    const refs = (urns: readonly string[]) => urns.map((urn) => ({ urn }));
    return {
        type,
        name,
        urn: urnOf(type, name),
        props,
        parent: opts.parent === undefined ? undefined : { urn: opts.parent },
        dependencies: refs([...(opts.deps ?? []), ...(opts.dependsOn ?? [])]),
        propertyDependencies: opts.deps === undefined ? {} : { kmsKeyId: refs(opts.deps) },
    };
}

/** How the group "g" of `stack` (its kmsKeyId `raw`) finds its key, in short. */
function resolve(stack: StackResourceLike[], raw: unknown): string {
    const index = new StackIndex(stack);
    const g = index.get(urnOf(GROUP, "g"));
    assert.ok(g !== undefined);
    return show(resolveKey(index, g, TARGET_TYPES[GROUP], raw));
}

function show(r: KeyResolution): string {
    switch (r.kind) {
        case "stack-key":
            return `stack-key ${r.key.resource.name} via ${r.via}${r.alias === undefined ? "" : ` alias ${r.alias.name}`}`;
        case "published-key":
            return `published-key ${r.published.path} of ${r.published.stackReference.name}`;
        case "external":
            return `external${r.published === undefined ? "" : ` ${JSON.stringify([r.published.stackReferences.map((s) => s.name), r.published.malformed.map((m) => m.path)])}`}`;
        case "unresolved":
            return `unresolved: ${r.reason}`;
        default:
            return r.kind;
    }
}

const key = res(KEY, "app-key", { arn: "arn:aws:kms:us-east-1:111122223333:key/1111" });
const other = res(KEY, "other", { arn: "arn:aws:kms:us-east-1:111122223333:key/2222" });
const alias = res(ALIAS, "alias", { name: "alias/app", arn: U, targetKeyId: "1111" });
const group = (raw: unknown, opts: { deps?: string[]; dependsOn?: string[] } = {}) =>
    res(GROUP, "g", { kmsKeyId: raw }, opts);

describe("stack/keyResolution.ts: a target's key reference to its key", () => {
    it("by its value, or the alias an alias ARN names; saying how", () => {
        assert.equal(
            resolve([key, alias, group(ALIAS_ARN)], ALIAS_ARN),
            "stack-key app-key via its kmsKeyId (an alias) alias alias",
        );
        assert.equal(resolve([key, group("1111")], "1111"), "stack-key app-key via its kmsKeyId");
        const prefixed = `x${ALIAS_ARN}`;
        assert.equal(resolve([key, alias, group(prefixed)], prefixed), "external");
    });

    it("through the property dependency (into a component), then the dependencies, then the name", () => {
        const component = res("my:index:Keys", "keys", {});
        const inside = res(KEY, "inside", {}, { parent: component.urn });
        assert.equal(
            resolve([component, inside, group(U, { deps: [component.urn] })], UNKNOWN),
            "stack-key inside via the property dependency of kmsKeyId",
        );
        assert.equal(
            resolve([component, inside, group(U, { dependsOn: [component.urn] })], UNKNOWN),
            "stack-key inside via its dependencies",
        );
        assert.equal(
            resolve([key, alias, group(U, { dependsOn: [alias.urn] })], UNKNOWN),
            "stack-key app-key via its dependencies alias alias",
        );
        const gKey = res(KEY, "g-key", {});
        assert.equal(
            resolve([gKey, group(U)], UNKNOWN),
            'stack-key g-key via its name (the key "g-key")',
        );
    });

    it("cannot know yet: several keys, or what the property comes from is no key", () => {
        const gKey = res(KEY, "g-key", {});
        assert.equal(
            resolve([gKey, key, other, group(U, { dependsOn: [key.urn, other.urn] })], UNKNOWN),
            "unresolved: kmsKeyId is unknown at preview and the resource depends on several keys (app-key, other)",
        );
        assert.equal(
            resolve([key, other, group(U, { deps: [key.urn, other.urn] })], UNKNOWN),
            "unresolved: kmsKeyId depends on several keys (app-key, other)",
        );
        const pet = res("random:index/randomPet:RandomPet", "pet", {});
        assert.equal(
            resolve([pet, group(U, { deps: [pet.urn, "urn:gone"] })], UNKNOWN),
            'unresolved: kmsKeyId is unknown at preview and comes from random:index/randomPet:RandomPet "pet", urn:gone, which is not a KMS key in this stack',
        );
        assert.equal(
            resolve([group(U)], UNKNOWN),
            "unresolved: kmsKeyId is unknown at preview and no property dependency, dependency or name leads to a KMS key in this stack",
        );
    });

    it("to the facts the StackReference it depends on publishes, else any carrier's, else external", () => {
        const facts = publishedLogsKeyFacts("platform");
        const arn = facts.arn as string;
        const first = res(STACK_REFERENCE_TYPE, "first", { outputs: { a: facts } });
        const second = res(STACK_REFERENCE_TYPE, "second", { outputs: { b: facts } });
        assert.equal(
            resolve([first, second, group(arn, { deps: [second.urn] })], arn),
            "published-key outputs.b of second",
        );
        assert.equal(resolve([first, second, group(arn)], arn), "published-key outputs.a of first");
        const broken = res(STACK_REFERENCE_TYPE, "broken", {
            outputs: {
                mine: { ...facts, keySpec: 3 },
                noArn: { ...facts, arn: 5 },
                theirs: { ...publishedLogsKeyFacts("theirs"), keySpec: 3 },
            },
        });
        assert.equal(
            resolve([broken, group(arn, { deps: [broken.urn] })], arn),
            'external [["broken"],["outputs.mine","outputs.noArn"]]',
        );
    });
});
