/**
 * The one stack-policy runner (`policypack/policies/stackPolicy.ts`): every stack policy refuses
 * configuration its schema does not declare, the same way (the log-destination policies used to
 * ignore it), through the analyzer protocol; and the pack's order, which is load-bearing because
 * each policy reads what those before it handed over on the same request, is checked: a reordered
 * list is refused, saying why, and the reason is real (a reordered pack judges differently).
 */
import * as assert from "node:assert/strict";
import { writer } from "../harness/destinationFixtures";
import { InProcessPack } from "../harness/inProcessPack";
import { usePolicyPack } from "../harness/policyHarness";
import { messageOf, verdicts } from "../harness/verdicts";
import { StackBuilder } from "../harness/stackFixtures";
import {
    PACK_POLICIES,
    handOverOrderProblems,
    inHandOverOrder,
    logDestinationsEncrypted,
    logEncryptionKeyUsable,
} from "../policypack/policies";

const ENCRYPTED = "log-destinations-encrypted";
const VERIFIABLE = "log-destinations-verifiable";
const USABLE = "log-encryption-key-usable";
const KEY_VERIFIABLE = "log-encryption-key-verifiable";
const EXEMPTIONS = "log-encryption-exemptions";
const REQUIRED = "log-encryption-key-required";
const DESTINATION_ACCEPTED =
    "Accepted: enforcementLevel, disabledServices, exemptResourceNames, exemptUrnPatterns, exemptions, exemptionTags. ";
/** log-destinations-encrypted also takes outsideStack. */
const ENCRYPTED_ACCEPTED =
    "Accepted: enforcementLevel, disabledServices, outsideStack, exemptResourceNames, exemptUrnPatterns, exemptions, exemptionTags. ";
const FIX =
    "Fix: correct or remove it in the policy pack configuration (policy-config.json or pulumi policy enable --config).";

/** A Lambda function writing to a declared group whose key is multi-Region. */
function lambdaOnMultiRegionKey(): StackBuilder {
    const s = new StackBuilder();
    s.logGroup("orders-logs", {
        key: s.key("mrk", { existing: true, multiRegion: true, policyFor: ["/app/orders-logs"] }),
    });
    writer(s, "aws:lambda/function:Function", "orders", {
        name: "orders-fn",
        loggingConfig: { logFormat: "Text", logGroup: "/app/orders-logs" },
    });
    return s;
}

describe("stack-policy runner: configuration through the analyzer protocol", function () {
    this.timeout(60_000);
    const running = usePolicyPack();
    afterEach(async () => {
        await running().configure({});
    });

    it("refuses an unknown property on both log-destination policies, with the name meant", async () => {
        const s = lambdaOnMultiRegionKey();
        await running().configure({
            [ENCRYPTED]: { disabledService: ["lambda"] },
            [VERIFIABLE]: { disabledServices: ["lambda"], exemptResourceName: ["orders"] },
        });
        const result = await running().preview(s.resources);
        // The misspelt option is ignored: the Lambda function is still checked by the encrypted one.
        assert.deepEqual(verdicts(result), [
            `${ENCRYPTED}/ [configuration]`,
            `${ENCRYPTED}/orders [log-destination]`,
            `${VERIFIABLE}/ [configuration]`,
            `${USABLE}/orders-logs [multi-region]`,
        ]);
        assert.equal(
            messageOf(result, ENCRYPTED, "", "configuration"),
            '[configuration] the configuration of log-destinations-encrypted has an unknown property "disabledService" (did you mean "disabledServices"?), which is ignored. ' +
                ENCRYPTED_ACCEPTED +
                FIX,
        );
        assert.equal(
            messageOf(result, VERIFIABLE, "", "configuration"),
            '[configuration] the configuration of log-destinations-verifiable has an unknown property "exemptResourceName" (did you mean "exemptResourceNames"?), which is ignored. ' +
                DESTINATION_ACCEPTED +
                FIX,
        );
    });

    it("names every unknown property at once, and one far from any accepted name without a guess", async () => {
        await running().configure({ [VERIFIABLE]: { colour: "blue", disabledServise: [] } });
        const result = await running().preview(new StackBuilder().resources);
        assert.equal(
            messageOf(result, VERIFIABLE, "", "configuration"),
            '[configuration] the configuration of log-destinations-verifiable has unknown properties "colour", "disabledServise" (did you mean "disabledServices"?), which are ignored. ' +
                DESTINATION_ACCEPTED +
                "Fix: correct or remove them in the policy pack configuration (policy-config.json or pulumi policy enable --config).",
        );
    });

    it("accepts every declared property of both log-destination policies without a [configuration] violation", async () => {
        const s = lambdaOnMultiRegionKey();
        const valid = {
            enforcementLevel: "advisory",
            disabledServices: ["lambda"],
            exemptResourceNames: ["nothing-here"],
            exemptUrnPatterns: ["*::nothing-here"],
            exemptions: [],
            exemptionTags: false,
        };
        await running().configure({ [ENCRYPTED]: valid, [VERIFIABLE]: valid });
        const result = await running().preview(s.resources);
        // lambda disabled: only the key rule's own verdict on the group is left.
        assert.deepEqual(verdicts(result), [`${USABLE}/orders-logs [multi-region]`]);
    });
});

describe("stack-policy runner: the pack's order is checked", () => {
    const names = (ps: readonly { name: string }[]) => ps.map((p) => p.name);
    const at = (name: string) => PACK_POLICIES.findIndex((p) => p.name === name);

    /** Every order of `items`. */
    function permutations<T>(items: readonly T[]): T[][] {
        return items.length <= 1
            ? [[...items]]
            : items.flatMap((x, i) =>
                  permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((p) => [x, ...p]),
              );
    }

    it("the pack's own list is in hand-over order", () => {
        assert.deepEqual(handOverOrderProblems(PACK_POLICIES), []);
        assert.equal(inHandOverOrder(PACK_POLICIES), PACK_POLICIES);
    });

    it("checks a copy of a policy with another level as the policy itself", () => {
        const advisory = { ...logEncryptionKeyUsable, enforcementLevel: "advisory" as const };
        assert.deepEqual(handOverOrderProblems([advisory, logDestinationsEncrypted]), []);
        assert.match(
            handOverOrderProblems([logDestinationsEncrypted, advisory]).join("\n"),
            /^log-destinations-encrypted is listed before log-encryption-key-usable but reads the key reports/,
        );
    });

    it("refuses log-destinations-encrypted before log-encryption-key-usable, saying why and how to fix it", () => {
        const swapped = [...PACK_POLICIES];
        [swapped[at(USABLE)], swapped[at(ENCRYPTED)]] = [
            swapped[at(ENCRYPTED)],
            swapped[at(USABLE)],
        ];
        assert.throws(() => inHandOverOrder(swapped), {
            message:
                "The policies are not in hand-over order:\n" +
                "- log-destinations-encrypted is listed before log-encryption-key-usable but reads the key reports, which log-encryption-key-usable hands over on the same AnalyzeStack request " +
                "(@pulumi/policy runs a pack's stack policies one after another, in list order): it would find none and " +
                "run the key rules again with their default options instead of log-encryption-key-usable's configuration. " +
                "Fix: list log-encryption-key-usable before log-destinations-encrypted.",
        });
    });

    it("refuses a reader after the policy that takes what it reads, and the exemptions advisory before any policy", () => {
        const order = [REQUIRED, USABLE, ENCRYPTED, KEY_VERIFIABLE, VERIFIABLE, EXEMPTIONS];
        const byName = (n: string) => PACK_POLICIES.find((p) => p.name === n)!;
        assert.deepEqual(handOverOrderProblems(order.map(byName)), [
            "log-destinations-verifiable is listed after log-encryption-key-verifiable but reads the key reports, which log-encryption-key-verifiable takes (the policies after it no longer see them): " +
                "it would find none and run the key rules again with their default options instead of log-encryption-key-usable's configuration. " +
                "Fix: list log-destinations-verifiable before log-encryption-key-verifiable.",
        ]);
        const first = [EXEMPTIONS, ...names(PACK_POLICIES).filter((n) => n !== EXEMPTIONS)];
        const problems = handOverOrderProblems(first.map(byName));
        // One per stack policy that hands over the exemptions it applied: all but the advisory.
        const recorders = PACK_POLICIES.filter((p) => p.name !== REQUIRED && p.name !== EXEMPTIONS);
        assert.equal(problems.length, recorders.length, problems.join("\n"));
        assert.equal(
            problems[0],
            "log-encryption-exemptions is listed before log-encryption-key-usable but reads the exemptions each policy applied, which log-encryption-key-usable hands over on the same AnalyzeStack request " +
                "(@pulumi/policy runs a pack's stack policies one after another, in list order): it would find none and never show them. " +
                "Fix: list log-encryption-key-usable before log-encryption-exemptions.",
        );
    });

    it("accepts exactly the orders where each stack policy follows those it reads from (all of them)", () => {
        const accepted = permutations(PACK_POLICIES)
            .filter((order) => handOverOrderProblems(order).length === 0)
            .map(names);
        const before = (order: string[], a: string, b: string) =>
            order.indexOf(a) < order.indexOf(b);
        const expected = permutations(names(PACK_POLICIES)).filter(
            (o) =>
                // The usable policy first among the stack policies, the advisory last.
                [ENCRYPTED, VERIFIABLE, KEY_VERIFIABLE, EXEMPTIONS].every((n) =>
                    before(o, USABLE, n),
                ) &&
                // Every stack policy before the advisory that reports their exemptions.
                names(PACK_POLICIES)
                    .filter((n) => n !== REQUIRED && n !== EXEMPTIONS)
                    .every((n) => before(o, n, EXEMPTIONS)) &&
                before(o, ENCRYPTED, VERIFIABLE) &&
                before(o, VERIFIABLE, KEY_VERIFIABLE),
        );
        // The resource policy runs on other requests: it may stand anywhere.
        assert.ok(expected.length >= PACK_POLICIES.length);
        assert.deepEqual(accepted, expected);
    });

    it("is load-bearing: run in the refused order, the pack judges a Lambda's group without the usable policy's configuration", async () => {
        const s = lambdaOnMultiRegionKey();
        const config = { [USABLE]: { allowMultiRegionKeys: true } };
        const inOrder = new InProcessPack();
        await inOrder.configure(config);
        assert.deepEqual(verdicts(await inOrder.preview(s.resources)), []);
        // Bypassing the check, as a pack of your own that lists them by hand would.
        const reordered = PACK_POLICIES.map((p) =>
            p === logEncryptionKeyUsable
                ? logDestinationsEncrypted
                : p === logDestinationsEncrypted
                  ? logEncryptionKeyUsable
                  : p,
        );
        assert.notDeepEqual(handOverOrderProblems(reordered), []);
        const wrong = new InProcessPack(reordered);
        await wrong.configure(config);
        assert.deepEqual(verdicts(await wrong.preview(s.resources)), [
            `${ENCRYPTED}/orders [log-destination]`,
        ]);
    });
});
