/**
 * `policypack/lib/destinations/match.ts`, directly: a destination (as a reader would declare it)
 * and a stack's log groups to how its group is found, word for word: by its known name (the
 * referenced one among groups of that name, the region's, a referenced group whose name is
 * unknown, a region mismatch), by what an unknown name references or is computed from, and the
 * ruling out of the declared groups that cannot be it (created, unencrypted, deferred).
 */
import * as assert from "node:assert/strict";
import { namedLogGroup, writer } from "../harness/destinationFixtures";
import { StackResource as Resource, unknown } from "../harness/policyHarness";
import { stackResources } from "../harness/inProcessPack";
import { StackBuilder } from "../harness/stackFixtures";
import { GroupMatch, LogGroupIndex } from "../policypack/lib/destinations/groups";
import {
    destinationRegion,
    distinct,
    match,
    regionName,
} from "../policypack/lib/destinations/match";
import { BY_ARN_REFERENCE, BY_WRITER_IDENTITY } from "../policypack/lib/destinations/strategies";
import { LogDestination } from "../policypack/lib/destinations/types";
import { DEFAULT_RULE_OPTIONS } from "../policypack/lib/rules";
import { Region } from "../policypack/lib/stack/location";
import { StackIndex } from "../policypack/lib/stack/stackIndex";
import { UNKNOWN } from "../policypack/lib/stack/wire";
import { GROUP_ARN, PARSED, named } from "./destinations/support";

const LAMBDA = "aws:lambda/function:Function";
const PET = "random:index/randomPet:RandomPet";
const HERE: Region = { region: "us-east-1", source: "provider" } as Region;

/** A group the service creates, named from the writer (`/aws/x/<name>`), its name unknown now. */
function derived(over: Partial<LogDestination> = {}): LogDestination {
    return {
        logs: "function logs",
        group: { by: "name", name: UNKNOWN },
        property: "name",
        dependencyProperties: ["name"],
        strategy: BY_WRITER_IDENTITY,
        serviceCreatesGroup: true,
        namePattern: { prefix: "/aws/x/", suffix: "/logs" },
        ...over,
    };
}

/** How `destination` of the writer "w" of `s` is matched, in `region` (the writer's, us-east-1). */
function matchIn(
    s: StackBuilder,
    destination: LogDestination,
    region: Region | typeof UNKNOWN | undefined = HERE,
    extraDeps: Record<string, readonly string[]> = {},
): GroupMatch {
    const index = new StackIndex(stackResources(s.resources));
    const groups = new LogGroupIndex(index, {}, DEFAULT_RULE_OPTIONS);
    const w = index.resources.find((r) => r.name === "w");
    assert.ok(w !== undefined);
    // A URN the engine's resources do not include can only be given to the writer directly.
    const deps = { ...w.propertyDependencies };
    for (const [k, urns] of Object.entries(extraDeps)) {
        deps[k] = [...urns, ...(deps[k] ?? [])];
    }
    return match(groups, { ...w, propertyDependencies: deps }, destination, region);
}

const GONE = "urn:pulumi:dev::app::gone::gone";

/** `declared <resource> (<via>)`, or the match without the resources it holds. */
function show(m: GroupMatch): string {
    if (m.kind === "declared") {
        return `declared ${m.group.resource.name} (${m.via})`;
    }
    if (m.kind === "published") {
        return `published ${m.published.path}`;
    }
    return JSON.stringify(m);
}

describe("destinations/match.ts: finding a destination's log group", () => {
    it("names a region only when it is known", () => {
        assert.equal(regionName(undefined), undefined);
        assert.equal(regionName(UNKNOWN), undefined);
        assert.equal(regionName(HERE), "us-east-1");
    });

    it("takes the ARN's region, then awslogs-region, then the writer's", () => {
        const arn: LogDestination = {
            ...named("l", "/x", "p"),
            group: { by: "arn", arn: GROUP_ARN, parsed: PARSED },
            strategy: BY_ARN_REFERENCE,
        };
        assert.deepEqual(destinationRegion(arn, HERE), {
            region: PARSED.region,
            source: "its ARN",
        });
        const plain = named("l", "/x", "p");
        assert.deepEqual(destinationRegion({ ...plain, region: "eu-west-1" }, HERE), {
            region: "eu-west-1",
            source: "awslogs-region",
        });
        assert.equal(destinationRegion({ ...plain, region: UNKNOWN }, HERE), UNKNOWN);
        assert.equal(destinationRegion({ ...plain, region: "" }, HERE), HERE);
        assert.equal(destinationRegion(plain, HERE), HERE);
        assert.equal(destinationRegion(plain, undefined), undefined);
    });

    it("keeps one group per URN, the last given, where the first stood", () => {
        const s = new StackBuilder();
        namedLogGroup(s, "a", "/a");
        namedLogGroup(s, "b", "/b");
        const groups = new LogGroupIndex(
            new StackIndex(stackResources(s.resources)),
            {},
            DEFAULT_RULE_OPTIONS,
        );
        const [a, b] = groups.all();
        const a2 = { ...a };
        assert.deepEqual(
            distinct([a, b, a2]).map((g) => [g.resource.name, g === a2]),
            [
                ["a", true],
                ["b", false],
            ],
        );
    });
});

/** A Lambda-like writer "w" whose properties depend on `deps` (the first property: `name`). */
function w(s: StackBuilder, deps: Record<string, readonly string[]> = {}): Resource {
    return writer(s, LAMBDA, "w", {}, { propertyDependencies: deps });
}

function pet(s: StackBuilder, name = "pet"): Resource {
    return writer(s, PET, name, { length: 2 });
}

const KNOWN = named("function logs", "/app/x", "loggingConfig.logGroup", {
    serviceCreatesGroup: true,
});

describe("destinations/match.ts: a group whose name is known", () => {
    it("prefers the group of that name the property references, else the first", () => {
        const s = new StackBuilder();
        namedLogGroup(s, "first", "/app/x");
        const second = namedLogGroup(s, "second", "/app/x");
        w(s, { loggingConfig: [second.urn] });
        assert.equal(show(matchIn(s, KNOWN)), "declared second (its name)");
        const t = new StackBuilder();
        namedLogGroup(t, "first", "/app/x");
        namedLogGroup(t, "second", "/app/x");
        w(t);
        assert.equal(show(matchIn(t, KNOWN)), "declared first (its name)");
    });

    it("takes one in the region or whose region is unknown, and any when the destination's is unknown", () => {
        const s = new StackBuilder();
        namedLogGroup(s, "away", "/app/x", { region: "eu-west-1" });
        const somewhere = s.provider("somewhere", unknown());
        namedLogGroup(s, "anywhere", "/app/x", { provider: somewhere, encrypted: false });
        w(s);
        assert.equal(show(matchIn(s, KNOWN)), "declared anywhere (its name)");
        const t = new StackBuilder();
        namedLogGroup(t, "away", "/app/x", { region: "eu-west-1" });
        w(t);
        assert.equal(show(matchIn(t, KNOWN, UNKNOWN)), "declared away (its name)");
    });

    it("takes the one referenced group whose name is unknown, in the region, and no other", () => {
        const s = new StackBuilder();
        const g = namedLogGroup(s, "g", unknown());
        w(s, { loggingConfig: [g.urn] });
        const twoProperties = { ...KNOWN, dependencyProperties: ["loggingConfig", "name"] };
        assert.equal(
            show(matchIn(s, twoProperties)),
            "declared g (the property dependency of loggingConfig, name)",
        );
        const t = new StackBuilder();
        // Neither a group of another region nor one of another known name.
        const undeclared = {
            kind: "undeclared",
            name: "/app/x",
            region: "us-east-1",
            elsewhere: [],
        };
        const away = namedLogGroup(t, "away", unknown(), { region: "eu-west-1" });
        w(t, { loggingConfig: [away.urn] });
        assert.deepEqual(matchIn(t, KNOWN), undeclared);
        const u = new StackBuilder();
        const y = namedLogGroup(u, "y", "/app/y");
        w(u, { loggingConfig: [y.urn] });
        assert.deepEqual(matchIn(u, KNOWN), undeclared);
    });
});

describe("destinations/match.ts: a known name no group of the region has", () => {
    it("is undeclared when none has that name in the region, and says where some are", () => {
        const s = new StackBuilder();
        namedLogGroup(s, "a", "/app/x", { region: "eu-west-1" });
        namedLogGroup(s, "b", "/app/x", { region: "ap-south-1" });
        namedLogGroup(s, "c", "/app/x", { region: "eu-west-1" });
        w(s);
        assert.deepEqual(matchIn(s, KNOWN), {
            kind: "undeclared",
            name: "/app/x",
            region: "us-east-1",
            elsewhere: ["eu-west-1", "ap-south-1"],
        });
    });

    it("refuses a known ARN that names no log group, whatever the stack declares", () => {
        const s = new StackBuilder();
        w(s);
        const notAGroup: LogDestination = {
            ...KNOWN,
            property: "destinationArn",
            group: { by: "arn", arn: "nope" },
            strategy: BY_ARN_REFERENCE,
        };
        assert.deepEqual(matchIn(s, notAGroup), {
            kind: "unresolved",
            reason: 'destinationArn is "nope", which is not a log group ARN',
        });
    });
});

const UNKNOWN_INPUT = named("function logs", UNKNOWN, "loggingConfig.logGroup");

describe("destinations/match.ts: a group whose name is unknown at preview", () => {
    it("takes the one referenced group in the region, and refuses to choose among several", () => {
        const s = new StackBuilder();
        const here = namedLogGroup(s, "here", "/app/here");
        const away = namedLogGroup(s, "away", "/app/away", { region: "eu-west-1" });
        w(s, { loggingConfig: [here.urn, away.urn] });
        assert.equal(
            show(matchIn(s, UNKNOWN_INPUT)),
            "declared here (the property dependency of loggingConfig)",
        );
        const t = new StackBuilder();
        const b = namedLogGroup(t, "b", "/app/b");
        const a = namedLogGroup(t, "a", "/app/a");
        w(t, { loggingConfig: [b.urn, a.urn] });
        assert.deepEqual(matchIn(t, UNKNOWN_INPUT), {
            kind: "unresolved",
            reason: 'loggingConfig is unknown at preview and depends on several log groups ("a", "b")',
        });
        const twoProperties = { ...UNKNOWN_INPUT, dependencyProperties: ["loggingConfig", "name"] };
        assert.deepEqual(matchIn(t, twoProperties), {
            kind: "unresolved",
            reason: 'loggingConfig, name is unknown at preview and depends on several log groups ("a", "b")',
        });
    });

    it("takes the one group named from the same resource, and names that resource", () => {
        const s = new StackBuilder();
        const p = pet(s);
        namedLogGroup(s, "g", unknown(), { nameFrom: p });
        w(s, { name: [p.urn] });
        assert.equal(
            show(matchIn(s, derived(), HERE, { name: [GONE] })),
            'declared g (its name, computed from the same random:index/randomPet:RandomPet "pet")',
        );
        // Named from the writer itself, which no property depends on.
        const t = new StackBuilder();
        const writerItself = w(t);
        namedLogGroup(t, "g", unknown(), { nameFrom: writerItself });
        assert.equal(
            show(matchIn(t, derived())),
            "declared g (its name, computed from the same resource)",
        );
    });
});

describe("destinations/match.ts: an unknown name that leads to no declared group", () => {
    it("rules out a group named from the writer in another region: the service creates its own", () => {
        const s = new StackBuilder();
        const writerItself = w(s);
        namedLogGroup(s, "g", unknown(), { nameFrom: writerItself, region: "eu-west-1" });
        assert.deepEqual(matchIn(s, derived({ namePattern: undefined })), {
            kind: "created",
            reason:
                "the group's name is unknown at preview, but it is the name of a resource created in this deployment, " +
                "and no log group this stack declares can have it (every log group whose name is unknown derives from other resources)",
        });
    });

    it("rules out by what the name comes from when the service creates the group of a name it is given", () => {
        const s = new StackBuilder();
        const p = pet(s);
        namedLogGroup(s, "other", "/app/other");
        w(s, { loggingConfig: [p.urn] });
        const given = {
            ...UNKNOWN_INPUT,
            serviceCreatesGroup: true,
            namePattern: { prefix: "/aws/x/", suffix: "/logs" },
        };
        assert.deepEqual(matchIn(s, given), {
            kind: "created",
            reason:
                'the group\'s name is unknown at preview, but it comes from random:index/randomPet:RandomPet "pet", created in this deployment, ' +
                "and no log group this stack declares can have it (every log group whose name is unknown derives from other resources, " +
                "and none with a known name fits /aws/x/…/logs)",
        });
    });

    it("cannot verify yet when several groups are named from the same resource, or the name leads nowhere", () => {
        const s = new StackBuilder();
        const p = pet(s);
        namedLogGroup(s, "b", unknown(), { nameFrom: p });
        namedLogGroup(s, "a", unknown(), { nameFrom: p });
        w(s, { name: [p.urn] });
        const notCreated = derived({ serviceCreatesGroup: false });
        assert.deepEqual(matchIn(s, notCreated), {
            kind: "unresolved",
            reason: 'the group\'s name is unknown at preview, and several log groups are named from the same resource ("a", "b")',
        });
        const t = new StackBuilder();
        w(t);
        const two = { ...notCreated, dependencyProperties: ["name", "loggingConfig"] };
        assert.deepEqual(matchIn(t, two), {
            kind: "unresolved",
            reason: "name, loggingConfig (which the group's name is built from) is unknown at preview and depends on no resource of this stack",
        });
        assert.deepEqual(matchIn(t, UNKNOWN_INPUT), {
            kind: "unresolved",
            reason: "loggingConfig is unknown at preview and depends on no resource of this stack",
        });
        const u = new StackBuilder();
        const q = pet(u);
        w(u, { loggingConfig: [q.urn] });
        assert.deepEqual(matchIn(u, UNKNOWN_INPUT, HERE, { loggingConfig: [q.urn, GONE] }), {
            kind: "unresolved",
            reason:
                `loggingConfig is unknown at preview and comes from random:index/randomPet:RandomPet "pet", ${GONE}, ` +
                "which leads to no log group in this stack",
        });
    });
});

describe("destinations/match.ts: ruling out the declared groups that cannot be it", () => {
    /** The stack: the writer "w" and `groups` added before it. */
    function ruled(groups: (s: StackBuilder) => void, d: LogDestination = derived()): GroupMatch {
        const s = new StackBuilder();
        groups(s);
        w(s);
        return matchIn(s, d);
    }

    it("keeps a known name that fits the pattern (any when there is none) and an unknown one from nothing", () => {
        const unencrypted = (names: string) => ({
            kind: "unencrypted",
            reason: `the group's name is unknown at preview; the only log groups this stack declares that can be it (${names}) have no kmsKeyId`,
        });
        const fits = (s: StackBuilder) => {
            namedLogGroup(s, "fits", "/aws/x/abc/logs", { encrypted: false });
            namedLogGroup(s, "suffix", "/aws/x/abc/other", { encrypted: false });
            namedLogGroup(s, "prefix", "/other/abc/logs", { encrypted: false });
        };
        assert.deepEqual(ruled(fits), unencrypted('"fits"'));
        assert.deepEqual(
            ruled(fits, derived({ namePattern: undefined })),
            unencrypted('"fits", "prefix", "suffix"'),
        );
        const fromNothing = (s: StackBuilder) => {
            const p = pet(s);
            namedLogGroup(s, "from-pet", unknown(), { nameFrom: p });
            namedLogGroup(s, "from-nothing", unknown(), { encrypted: false });
        };
        assert.deepEqual(ruled(fromNothing), unencrypted('"from-nothing"'));
    });

    it("rules out a group whose name is not even unknown (absent)", () => {
        const nameless = (s: StackBuilder) => {
            s.logGroup("nameless", { extra: { name: undefined } });
        };
        assert.deepEqual(ruled(nameless), {
            kind: "created",
            reason:
                "the group's name is unknown at preview, but it is the name of a resource created in this deployment, " +
                "and no log group this stack declares can have it (every log group whose name is unknown derives from other resources, " +
                "and none with a known name fits /aws/x/…/logs)",
        });
    });

    it("defers when one or more that can be it have a key", () => {
        const deferred = (what: string, names: string) => ({
            kind: "unresolved",
            reason: `the group's name is unknown at preview, and ${what} this stack declares with a key may be it (${names})`,
        });
        const one = (s: StackBuilder) => {
            namedLogGroup(s, "keyed", "/aws/x/a/logs");
            namedLogGroup(s, "plain", "/aws/x/b/logs", { encrypted: false });
        };
        assert.deepEqual(ruled(one), deferred("a log group", '"keyed"'));
        const two = (s: StackBuilder) => {
            namedLogGroup(s, "k2", "/aws/x/a/logs");
            namedLogGroup(s, "k1", "/aws/x/b/logs");
        };
        assert.deepEqual(ruled(two), deferred("log groups", '"k1", "k2"'));
    });
});
