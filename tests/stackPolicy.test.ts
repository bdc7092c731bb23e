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
import { usePolicyPackResetPerTest } from "../harness/policyHarness";
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
const UNVERIFIED = "log-encryption-unverified";
const USABLE = "log-encryption-key-usable";
const REQUIRED = "log-encryption-key-required";
const SETTINGS = "log-group-settings";
/** The advisory takes exemptions only. */
const UNVERIFIED_ACCEPTED =
    "Accepted: enforcementLevel, exemptResourceNames, exemptUrnPatterns, exemptions, exemptionTags. ";
/** log-destinations-encrypted also takes disabledServices, outsideStack and unverified. */
const ENCRYPTED_ACCEPTED =
    "Accepted: enforcementLevel, disabledServices, outsideStack, unverified, exemptResourceNames, exemptUrnPatterns, exemptions, exemptionTags. ";
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
    const running = usePolicyPackResetPerTest();

    it("refuses an unknown property on each stack policy, with the name meant", async () => {
        const s = lambdaOnMultiRegionKey();
        await running().configure({
            [ENCRYPTED]: { disabledService: ["lambda"] },
            [UNVERIFIED]: { exemptResourceName: ["orders"] },
        });
        const result = await running().preview(s.resources);
        // The misspelt option is ignored: the Lambda function is still checked by the encrypted one.
        assert.deepEqual(verdicts(result), [
            `${ENCRYPTED}/ [configuration]`,
            `${ENCRYPTED}/orders [log-destination]`,
            `${USABLE}/orders-logs [multi-region]`,
            `${UNVERIFIED}/ [configuration]`,
        ]);
        assert.equal(
            messageOf(result, ENCRYPTED, "", "configuration"),
            '[configuration] the configuration of log-destinations-encrypted has an unknown property "disabledService" (did you mean "disabledServices"?), which is ignored. ' +
                ENCRYPTED_ACCEPTED +
                FIX,
        );
        assert.equal(
            messageOf(result, UNVERIFIED, "", "configuration"),
            '[configuration] the configuration of log-encryption-unverified has an unknown property "exemptResourceName" (did you mean "exemptResourceNames"?), which is ignored. ' +
                UNVERIFIED_ACCEPTED +
                FIX,
        );
    });

    it("names every unknown property at once, and one far from any accepted name without a guess", async () => {
        // disabledServices belongs to log-destinations-encrypted: the advisory reads its reports.
        await running().configure({ [UNVERIFIED]: { colour: "blue", disabledServices: [] } });
        const result = await running().preview(new StackBuilder().resources);
        assert.equal(
            messageOf(result, UNVERIFIED, "", "configuration"),
            '[configuration] the configuration of log-encryption-unverified has unknown properties "colour", "disabledServices", which are ignored. ' +
                UNVERIFIED_ACCEPTED +
                "Fix: correct or remove them in the policy pack configuration (policy-config.json or pulumi policy enable --config).",
        );
    });

    it("accepts every declared property of each stack policy without a [configuration] violation", async () => {
        const s = lambdaOnMultiRegionKey();
        const exemptions = {
            exemptResourceNames: ["nothing-here"],
            exemptUrnPatterns: ["*::nothing-here"],
            exemptions: [],
            exemptionTags: false,
        };
        await running().configure({
            [ENCRYPTED]: {
                enforcementLevel: "advisory",
                disabledServices: ["lambda"],
                outsideStack: "mandatory",
                unverified: "mandatory",
                ...exemptions,
            },
            [UNVERIFIED]: { enforcementLevel: "advisory", ...exemptions },
        });
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

    it("refuses the destinations policy after the advisory that takes what it reads, and the advisory before any stack policy", () => {
        const byName = (n: string) => PACK_POLICIES.find((p) => p.name === n)!;
        const swapped = [REQUIRED, SETTINGS, USABLE, UNVERIFIED, ENCRYPTED];
        const readsFromLater = (what: string, ifMissed: string) =>
            `${UNVERIFIED} is listed before ${ENCRYPTED} but reads ${what}, which ${ENCRYPTED} hands over on the same AnalyzeStack request ` +
            "(@pulumi/policy runs a pack's stack policies one after another, in list order): it would find none and " +
            `${ifMissed}. Fix: list ${ENCRYPTED} before ${UNVERIFIED}.`;
        assert.deepEqual(handOverOrderProblems(swapped.map(byName)), [
            readsFromLater(
                "the log-destination reports",
                "analyse the log destinations again with the default configuration instead of log-destinations-encrypted's",
            ),
            readsFromLater(
                "what the policies refused as cannot verify yet",
                "say it again as an advisory",
            ),
            readsFromLater("the exemptions each policy applied", "never show them"),
            `${ENCRYPTED} is listed after ${UNVERIFIED} but reads the key reports, which ${UNVERIFIED} takes (the policies after it no longer see them): ` +
                "it would find none and run the key rules again with their default options instead of log-encryption-key-usable's configuration. " +
                `Fix: list ${ENCRYPTED} before ${UNVERIFIED}.`,
        ]);
        const first = [UNVERIFIED, ...names(PACK_POLICIES).filter((n) => n !== UNVERIFIED)];
        // Of the exemptions: one per stack policy that hands over those it applied; the resource
        // policies keep theirs per URN (exemptionLedger.ts), whatever their place.
        assert.deepEqual(
            handOverOrderProblems(first.map(byName)).filter((p) =>
                p.includes("reads the exemptions each policy applied"),
            ),
            [USABLE, ENCRYPTED].map(
                (giver) =>
                    `${UNVERIFIED} is listed before ${giver} but reads the exemptions each policy applied, which ${giver} hands over on the same AnalyzeStack request ` +
                    "(@pulumi/policy runs a pack's stack policies one after another, in list order): it would find none and never show them. " +
                    `Fix: list ${giver} before ${UNVERIFIED}.`,
            ),
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
                // The usable policy, the destinations policy, the advisory.
                before(o, USABLE, ENCRYPTED) && before(o, ENCRYPTED, UNVERIFIED),
        );
        // The resource policies run on other requests: they may stand anywhere (5!/3! orders).
        assert.equal(expected.length, 20);
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
