/**
 * `policypack/lib/stack/publishedLogGroups.ts`, directly: where the log-group facts other stacks
 * publish are found (a PublishedLogGroup's `facts`, the root stack's outputs, a StackReference's
 * outputs, nested in objects and lists, through secrets, 32 levels deep), which ones break the
 * contract, how a group is looked up by name and region, and the resource the key rules judge;
 * and the depth limit of the key-facts reader (`publishedKeys.ts`) in lists.
 */
import * as assert from "node:assert/strict";
import { LOG_GROUP_FACTS_KIND } from "../aws/logGroupFactsContract";
import { ACCOUNT, publishedLogsKeyFacts } from "../harness/stackFixtures";
import {
    PUBLISHED_LOG_GROUP_TYPE,
    ROOT_STACK_TYPE,
    STACK_REFERENCE_TYPE,
    readPublishedKeys,
} from "../policypack/lib/stack/publishedKeys";
import {
    PublishedLogGroups,
    publishedGroupResource,
} from "../policypack/lib/stack/publishedLogGroups";
import type { StackResource } from "../policypack/lib/stack/resource";
import { SECRET_SIG } from "../policypack/lib/stack/wire";

function facts(name: string, region = "us-east-1"): Record<string, unknown> {
    return {
        kind: LOG_GROUP_FACTS_KIND,
        name,
        arn: `arn:aws:logs:${region}:${ACCOUNT}:log-group:${name}`,
        region,
        kmsKeyArn: "",
    };
}

function resource(type: string, name: string, props: unknown): StackResource {
    return {
        type,
        name,
        urn: `urn:pulumi:prod::app::${type}::${name}`,
        props,
        provider: { type: "pulumi:providers:aws", name: "default", props: { region: "us-east-1" } },
        dependencies: [],
        propertyDependencies: {},
    };
}

/** Every published group as `name region path carrier`. */
function found(groups: PublishedLogGroups, ...names: string[]): string[] {
    return names.flatMap((n) => {
        const g = groups.find(n, undefined);
        return g === undefined
            ? []
            : [`${g.facts.name} ${g.facts.region} ${g.path} ${g.carrier.name}`];
    });
}

describe("stack/publishedLogGroups.ts: log groups other stacks publish", () => {
    it("reads a PublishedLogGroup's facts, the root stack's outputs and a StackReference's outputs", () => {
        const groups = new PublishedLogGroups([
            resource(PUBLISHED_LOG_GROUP_TYPE, "shared", { facts: facts("/a"), outputs: {} }),
            resource(ROOT_STACK_TYPE, "app-prod", { own: facts("/b"), none: null, n: 5 }),
            resource(STACK_REFERENCE_TYPE, "platform", {
                name: "acme/platform/prod",
                outputs: {
                    nested: { deeper: facts("/c", "eu-west-1") },
                    list: ["x", facts("/d")],
                    "odd-key": facts("/e"),
                    hidden: { [SECRET_SIG.key]: SECRET_SIG.value, value: facts("/f") },
                },
            }),
            resource("aws:s3/bucket:Bucket", "bucket", { outputs: { g: facts("/g") } }),
        ]);
        assert.deepEqual(found(groups, "/a", "/b", "/c", "/d", "/e", "/f", "/g"), [
            "/a us-east-1 facts shared",
            "/b us-east-1 outputs.own app-prod",
            "/c eu-west-1 outputs.nested.deeper platform",
            "/d us-east-1 outputs.list[1] platform",
            '/e us-east-1 outputs["odd-key"] platform',
            "/f us-east-1 outputs.hidden platform",
        ]);
        assert.deepEqual(groups.malformed, []);
    });

    it("finds a group in the region asked, the first of several, or in any region", () => {
        const groups = new PublishedLogGroups([
            resource(ROOT_STACK_TYPE, "app", {
                a: facts("/x", "eu-west-1"),
                b: facts("/x", "us-east-1"),
                c: facts("/x", "us-east-1"),
            }),
        ]);
        assert.equal(groups.find("/x", "us-east-1")?.path, "outputs.b");
        assert.equal(groups.find("/x", "eu-west-1")?.path, "outputs.a");
        assert.equal(groups.find("/x", undefined)?.path, "outputs.a");
        assert.equal(groups.find("/x", "ap-south-1"), undefined);
        assert.equal(groups.find("/y", undefined), undefined);
    });

    it("keeps facts that break the contract, with their name when it is a string, and no group", () => {
        const ref = resource(STACK_REFERENCE_TYPE, "platform", {
            outputs: {
                broken: { ...facts("/x"), region: "eu-west-1" },
                noName: { ...facts("/x"), name: 7 },
                fine: facts("/z"),
            },
        });
        const groups = new PublishedLogGroups([ref]);
        assert.deepEqual(
            groups.malformed.map((m) => [m.path, m.name, m.carrier === ref, m.problems.length]),
            [
                ["outputs.broken", "/x", true, 1],
                ["outputs.noName", undefined, true, 2],
            ],
        );
        assert.equal(groups.find("/x", undefined), undefined);
        assert.deepEqual(
            groups.malformedFor("/x").map((m) => m.path),
            ["outputs.broken", "outputs.noName"],
        );
        assert.deepEqual(
            groups.malformedFor("/other").map((m) => m.path),
            ["outputs.noName"],
        );
        assert.equal(groups.find("/z", "us-east-1")?.path, "outputs.fine");
    });
});

describe("stack/publishedLogGroups.ts: how deep it looks, and the group the key rules judge", () => {
    it("looks 32 levels deep and no deeper", () => {
        const nest = (depth: number): unknown => {
            let v: unknown = facts("/deep");
            for (let i = 0; i < depth; i++) {
                v = { n: v };
            }
            return v;
        };
        const at = (depth: number) =>
            new PublishedLogGroups([resource(ROOT_STACK_TYPE, "app", nest(depth))]).find(
                "/deep",
                undefined,
            )?.path.length;
        // The outputs are depth 0: facts nested 32 times are at depth 32 and read; 33 are not.
        assert.equal(at(32), "outputs".length + 2 * 32);
        assert.equal(at(33), undefined);
    });

    it("gives the key rules the group as a log group resource, its kmsKeyId only when it has a key", () => {
        const carrier = resource(STACK_REFERENCE_TYPE, "platform", {});
        const key = publishedLogsKeyFacts("k");
        const plain = facts("/x");
        assert.deepEqual(
            publishedGroupResource({ facts: plain as never, path: "outputs.g", carrier }),
            {
                type: "aws:cloudwatch/logGroup:LogGroup",
                name: "/x",
                urn: `${carrier.urn}#outputs.g`,
                props: { name: "/x", arn: plain.arn, region: "us-east-1" },
                provider: carrier.provider,
                parentUrn: undefined,
                dependencies: [],
                propertyDependencies: {},
            },
        );
        const keyed = { ...plain, kmsKeyArn: key.arn, key };
        assert.deepEqual(
            publishedGroupResource({ facts: keyed as never, path: "facts", carrier }).props,
            { name: "/x", arn: plain.arn, region: "us-east-1", kmsKeyId: key.arn },
        );
    });
});

describe("stack/publishedKeys.ts: key facts nested in lists", () => {
    it("counts each list as a level: 32 read, 33 not", () => {
        const inLists = (depth: number) => {
            let v: unknown = publishedLogsKeyFacts("k");
            for (let i = 0; i < depth; i++) {
                v = [v];
            }
            const ref = resource(STACK_REFERENCE_TYPE, "p", { outputs: v });
            return [...readPublishedKeys(ref).byArn.values()].map((k) => k.path.length);
        };
        assert.deepEqual(inLists(32), ["outputs".length + 3 * 32]);
        assert.deepEqual(inLists(33), []);
    });
});
