/**
 * `policypack/lib/destinations/strategies.ts` and the generic matcher (`match.ts`): what each shared
 * strategy answers, and that the matcher follows whatever strategy a destination declares, so a
 * service with its own way of naming its group needs no branch in the matcher.
 */
import * as assert from "node:assert/strict";
import { unknown } from "../../harness/policyHarness";
import { namedLogGroup, writer } from "../../harness/destinationFixtures";
import { stackResources } from "../../harness/inProcessPack";
import { StackBuilder } from "../../harness/stackFixtures";
import { LogGroupIndex } from "../../policypack/lib/destinations/groups";
import { match } from "../../policypack/lib/destinations/match";
import { LogDestination, MatchStrategy } from "../../policypack/lib/destinations/types";
import { DEFAULT_RULE_OPTIONS } from "../../policypack/lib/rules";
import { StackIndex } from "../../policypack/lib/stack/stackIndex";
import {
    BY_ARN_REFERENCE,
    BY_INPUT_NAME,
    BY_WRITER_IDENTITY,
    GROUP_ARN,
    PARSED,
    UNKNOWN,
    byArn,
    named,
} from "./support";

describe("destinations/strategies.ts: how the matcher finds a destination's group", () => {
    it("an input name: its name when known, found by its name, from what the input depends on", () => {
        const known = named("logs", "/app/x", "logGroup");
        assert.equal(BY_INPUT_NAME.knownName(known), "/app/x");
        assert.equal(BY_INPUT_NAME.knownName(named("logs", UNKNOWN, "logGroup")), undefined);
        assert.equal(BY_INPUT_NAME.foundBy(known), "its name");
        assert.equal(BY_INPUT_NAME.ownRegion(known), undefined);
        assert.deepEqual(BY_INPUT_NAME.nameSources("urn:writer", ["urn:a"]), ["urn:a"]);
        assert.equal(BY_INPUT_NAME.serviceDefault, false);
    });

    it("an ARN reference: the ARN's name and region; refused when a known ARN names no log group", () => {
        const arn = byArn("access logs", "destinationArn", GROUP_ARN);
        assert.equal(BY_ARN_REFERENCE.knownName(arn), PARSED.name);
        assert.deepEqual(BY_ARN_REFERENCE.ownRegion(arn), {
            region: PARSED.region,
            source: "its ARN",
        });
        assert.equal(BY_ARN_REFERENCE.foundBy(arn), "the ARN in destinationArn");
        assert.equal(BY_ARN_REFERENCE.refusal(arn), undefined);
        const notAGroup: LogDestination = { ...arn, group: { by: "arn", arn: "not-an-arn" } };
        assert.equal(
            BY_ARN_REFERENCE.refusal(notAGroup),
            'destinationArn is "not-an-arn", which is not a log group ARN',
        );
        assert.equal(
            BY_ARN_REFERENCE.refusal(byArn("access logs", "destinationArn", UNKNOWN)),
            undefined,
        );
    });

    it("the writer's own name or id: the service's default group, named from the writer too", () => {
        assert.equal(BY_WRITER_IDENTITY.serviceDefault, true);
        assert.deepEqual(BY_WRITER_IDENTITY.nameSources("urn:writer", ["urn:a"]), [
            "urn:a",
            "urn:writer",
        ]);
    });

    it("the matcher follows a strategy a service declares itself", () => {
        // A group named from a sibling resource the writer's properties do not reference.
        const s = new StackBuilder();
        const sibling = writer(s, "random:index/randomPet:RandomPet", "suffix", { length: 2 });
        namedLogGroup(s, "group", unknown(), { nameFrom: sibling });
        const w = writer(s, "example:index:Writer", "writer", {});
        const index = new StackIndex(stackResources(s.resources));
        const groups = new LogGroupIndex(index, {}, DEFAULT_RULE_OPTIONS);
        const fromSibling: MatchStrategy = {
            ...BY_INPUT_NAME,
            name: "named from a sibling",
            nameSources: () => [sibling.urn],
        };
        const destination = named("logs", UNKNOWN, "config", { strategy: fromSibling });
        const found = match(groups, index.get(w.urn)!, destination, undefined);
        assert.equal(found.kind, "declared");
        const byInput = { ...destination, strategy: BY_INPUT_NAME };
        assert.equal(match(groups, index.get(w.urn)!, byInput, undefined).kind, "unresolved");
    });
});
