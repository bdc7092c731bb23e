/**
 * Exemptions a security team can audit: entries with a reason and an expiry date, tags on the
 * resource, the older name and URN lists, and the advisory `log-encryption-unverified` that shows
 * each of them. Through the analyzer protocol (the pack started as the CLI starts it, with
 * "today" fixed by ENCRYPTED_LOGS_TODAY so no assertion depends on the clock), and the pure
 * readers underneath.
 */
import * as assert from "node:assert/strict";
import { Diagnostic, PreviewResult, usePolicyPack } from "../harness/policyHarness";
import { StackBuilder } from "../harness/stackFixtures";
import {
    EXEMPT_REASON_TAG,
    EXEMPT_TAG,
    EXEMPT_UNTIL_TAG,
    PolicyExemptions,
    TODAY_VARIABLE,
    describeSource,
    exemptionStatus,
    globToRegExp,
    isExemptFrom,
    isIsoDate,
    lapsedNote,
    readExemptionEntries,
    readExemptTag,
    tagsOf,
    todayFrom,
} from "../policypack/lib/config/exemptions";
import { PACK_POLICIES } from "../policypack/policies";
import {
    declaredPolicyChecks,
    policyChecks,
    tagVocabulary,
    policyExemptions,
    statusOf,
} from "../policypack/policies/exemptionLedger";

const USABLE = "log-encryption-key-usable";
const REQUIRED = "log-encryption-key-required";
/** The advisory that reports the exemptions (with what cannot be verified yet). */
const EXEMPTIONS = "log-encryption-unverified";
const TODAY = "2026-06-01";
const REASON = "imported key, rotation arrives with the 2026 migration";
const ALLOWED_USABLE =
    "Allowed: an object with reason (a non-empty text: why, for the audit), resourceNames and/or urnPatterns (at least one name or '*' pattern), " +
    `optional rules ("all" or ${policyChecks(USABLE)
        .map((check) => `"${check}"`)
        .join(", ")}; default all) ` +
    "and optional expires (a date YYYY-MM-DD, the last day the exemption applies). ";
const FIX_TAIL =
    "in the policy pack configuration (policy-config.json or pulumi policy enable --config); until then the entry exempts nothing.";

/** The message of each diagnostic without its policy description line, with its policy. */
function lines(ds: PreviewResult | readonly Diagnostic[]): [string, string][] {
    const all = "all" in ds ? ds.all : ds;
    return all.map((d) => [d.policyName, d.message.split("\n").slice(1).join("\n")]);
}

/** A log group whose key does not rotate: one `[rotation]` violation from the usable policy. */
function unrotatedGroup(tags?: Record<string, string>): StackBuilder {
    const s = new StackBuilder();
    s.logGroup("legacy", {
        key: s.key("legacy-key", { rotation: false }),
        ...(tags === undefined ? {} : { extra: { tags } }),
    });
    return s;
}

describe("exemptions through the analyzer protocol", function () {
    this.timeout(60_000);
    // The child process reads the variable; the in-process pack (mutation testing) reads ours.
    before(() => {
        process.env[TODAY_VARIABLE] = TODAY;
    });
    after(() => {
        delete process.env[TODAY_VARIABLE];
    });
    const running = usePolicyPack(undefined, { env: { [TODAY_VARIABLE]: TODAY } });
    afterEach(async () => {
        await running().configure({});
    });

    /** The `[rotation]` message of the stack when nothing exempts it. */
    async function rotationViolation(s: StackBuilder): Promise<string> {
        const ds = lines(await running().preview(s.resources));
        assert.equal(ds.length, 1, JSON.stringify(ds));
        assert.equal(ds[0][0], USABLE);
        assert.match(ds[0][1], /^\[rotation\] log group "legacy"/);
        return ds[0][1];
    }

    it("skips the exempted check and says so in an advisory with the reason and the last day", async () => {
        const s = unrotatedGroup();
        await running().configure({
            [USABLE]: {
                exemptions: [
                    {
                        urnPatterns: ["*::legacy"],
                        rules: ["rotation"],
                        reason: REASON,
                        expires: TODAY, // the last day it applies: today
                    },
                ],
            },
        });
        const result = await running().preview(s.resources);
        assert.deepEqual(lines(result), [
            [
                EXEMPTIONS,
                `[exempted] log group "legacy" (aws:cloudwatch/logGroup:LogGroup) is exempted from log-encryption-key-usable (rotation only): ${REASON} ` +
                    `(until ${TODAY}; exemptions[0] of log-encryption-key-usable's configuration).`,
            ],
        ]);
        assert.deepEqual(
            result.all.map((d) => [d.enforcementLevel, d.urn]),
            [["advisory", s.resources.find((r) => r.name === "legacy")!.urn]],
        );
    });

    it("applies the rule again after the expiry date, and the violation names the entry and its date", async () => {
        const s = unrotatedGroup();
        const plain = await rotationViolation(s);
        await running().configure({
            [USABLE]: {
                exemptions: [{ resourceNames: ["legacy"], reason: REASON, expires: "2026-05-31" }],
            },
        });
        assert.deepEqual(lines(await running().preview(s.resources)), [
            [
                USABLE,
                `${plain} Not exempted: exemptions[0] of log-encryption-key-usable's configuration (reason "${REASON}") expired: it applied until 2026-05-31.`,
            ],
        ]);
    });

    it("leaves the violation when no entry matches: another name, another check, another policy", async () => {
        const s = unrotatedGroup();
        const plain = await rotationViolation(s);
        await running().configure({
            [USABLE]: {
                exemptions: [
                    { resourceNames: ["other"], reason: REASON },
                    { urnPatterns: ["*::legacy"], rules: ["region"], reason: REASON },
                ],
            },
            [REQUIRED]: { exemptions: [{ resourceNames: ["legacy"], reason: REASON }] },
        });
        const ds = lines(await running().preview(s.resources));
        assert.deepEqual(
            ds.filter(([policy]) => policy !== EXEMPTIONS),
            [[USABLE, plain]],
        );
        // What did match is still reported: the region-only entry, and key-required's entry.
        assert.deepEqual(
            ds.filter(([policy]) => policy === EXEMPTIONS).map(([, m]) => m),
            [
                `[exempted] log group "legacy" (aws:cloudwatch/logGroup:LogGroup) is exempted from log-encryption-key-required: ${REASON} (no expiry; exemptions[0] of log-encryption-key-required's configuration).`,
                `[exempted] log group "legacy" (aws:cloudwatch/logGroup:LogGroup) is exempted from log-encryption-key-usable (region only): ${REASON} (no expiry; exemptions[1] of log-encryption-key-usable's configuration).`,
            ],
        );
    });

    it("exempts by the encrypted-logs:exempt tag with a reason, until the date the tag gives", async () => {
        const tags = {
            "encrypted-logs:exempt": "rotation",
            "encrypted-logs:exempt-reason": "HSM-backed key rotated by hand every 90 days",
            "encrypted-logs:exempt-until": "2026-12-31",
        };
        assert.deepEqual(lines(await running().preview(unrotatedGroup(tags).resources)), [
            [
                EXEMPTIONS,
                '[exempted] log group "legacy" (aws:cloudwatch/logGroup:LogGroup) is exempted from log-encryption-key-usable (rotation only): ' +
                    "HSM-backed key rotated by hand every 90 days (until 2026-12-31; the tag encrypted-logs:exempt=rotation).",
            ],
        ]);
        const plain = await rotationViolation(unrotatedGroup());
        assert.deepEqual(
            lines(
                await running().preview(
                    unrotatedGroup({ ...tags, "encrypted-logs:exempt-until": "2026-05-31" })
                        .resources,
                ),
            ),
            [
                [
                    USABLE,
                    `${plain} Not exempted: the tag encrypted-logs:exempt=rotation (reason "HSM-backed key rotated by hand every 90 days") expired: it applied until 2026-05-31.`,
                ],
            ],
        );
        // exemptionTags: false lets only the configuration exempt.
        await running().configure({ [USABLE]: { exemptionTags: false } });
        assert.deepEqual(lines(await running().preview(unrotatedGroup(tags).resources)), [
            [USABLE, plain],
        ]);
    });

    it("exempts a resource from a whole policy by tag, in Analyze too (log-encryption-key-required)", async () => {
        const s = new StackBuilder();
        s.logGroup("bare", {
            extra: {
                tags: {
                    "encrypted-logs:exempt": `${REQUIRED}+log-encryption-unverified`,
                    "encrypted-logs:exempt-reason": "scratch group, deleted weekly",
                },
            },
        });
        s.logGroup("other-bare", {});
        const result = await running().preview(s.resources);
        assert.deepEqual(
            result.all.map((d) => [d.policyName, d.urn.split("::").pop()]),
            [
                [REQUIRED, "other-bare"],
                [EXEMPTIONS, "bare"],
                [EXEMPTIONS, "bare"],
            ],
        );
        assert.deepEqual(
            lines(result)
                .slice(1)
                .map(([, m]) => m),
            [REQUIRED, "log-encryption-unverified"].map(
                (policy) =>
                    `[exempted] log group "bare" (aws:cloudwatch/logGroup:LogGroup) is exempted from ${policy}: scratch group, deleted weekly ` +
                    "(no expiry; the tag encrypted-logs:exempt=log-encryption-key-required+log-encryption-unverified).",
            ),
        );
    });

    it("does not exempt by a tag without a reason or with a name the pack does not know, and reports the tag", async () => {
        const plain = await rotationViolation(unrotatedGroup());
        const allowed =
            'Allowed: encrypted-logs:exempt naming policies or checks of this pack or all, joined by "+" ' +
            `(${tagVocabulary().join(", ")}), with the reason in encrypted-logs:exempt-reason and optionally the last day in encrypted-logs:exempt-until (YYYY-MM-DD). ` +
            "Fix: correct the tags, or remove encrypted-logs:exempt.";
        assert.deepEqual(
            lines(
                await running().preview(
                    unrotatedGroup({ "encrypted-logs:exempt": "rotation" }).resources,
                ),
            ),
            [
                [
                    USABLE,
                    `${plain} Not exempted: the tag encrypted-logs:exempt=rotation exempts nothing: it has no encrypted-logs:exempt-reason tag, and an exemption needs a reason.`,
                ],
                [
                    EXEMPTIONS,
                    '[exemption tag] log group "legacy" (aws:cloudwatch/logGroup:LogGroup) has the tag encrypted-logs:exempt=rotation, which exempts nothing: ' +
                        `it has no encrypted-logs:exempt-reason tag, and an exemption needs a reason. ${allowed}`,
                ],
            ],
        );
        const typo = lines(
            await running().preview(
                unrotatedGroup({
                    "encrypted-logs:exempt": "rotaton",
                    "encrypted-logs:exempt-reason": "legacy",
                    "encrypted-logs:exempt-until": "31/12/2026",
                }).resources,
            ),
        );
        const problem =
            'encrypted-logs:exempt names "rotaton" (did you mean "rotation"?), which is neither a policy nor a check of this pack; ' +
            'encrypted-logs:exempt-until is "31/12/2026", which is not a date YYYY-MM-DD';
        assert.deepEqual(typo, [
            [
                USABLE,
                `${plain} Not exempted: the tag encrypted-logs:exempt=rotaton (reason "legacy") exempts nothing: ${problem}.`,
            ],
            [
                EXEMPTIONS,
                `[exemption tag] log group "legacy" (aws:cloudwatch/logGroup:LogGroup) has the tag encrypted-logs:exempt=rotaton, which exempts nothing: ${problem}. ${allowed}`,
            ],
        ]);
    });

    it("refuses an entry without a reason, with a date that does not exist, or with an unknown check, naming it; such entries exempt nothing", async () => {
        const s = unrotatedGroup();
        const plain = await rotationViolation(s);
        await running().configure({
            [USABLE]: {
                exemptions: [
                    { resourceNames: ["legacy"] },
                    { resourceNames: ["legacy"], reason: REASON, expires: "2026-02-30" },
                    { urnPatterns: ["*"], reason: REASON, rules: ["rotaton"] },
                    { reason: REASON, resoureNames: ["legacy"] },
                ],
            },
            [REQUIRED]: { exemptions: { resourceNames: ["legacy"], reason: REASON } },
        });
        const result = await running().preview(s.resources);
        assert.deepEqual(lines(result), [
            [
                REQUIRED,
                `[configuration] the configuration of log-encryption-key-required has exemptions {"reason":"${REASON}","resourceNames":["legacy"]}, which is not a list. ` +
                    "Allowed: a list of entries, each an object with reason (a non-empty text: why, for the audit), resourceNames and/or urnPatterns (at least one name or '*' pattern), " +
                    'optional rules ("all" or "key-required"; default all) and optional expires (a date YYYY-MM-DD, the last day the exemption applies). ' +
                    `Fix: write exemptions as a list ${FIX_TAIL}`,
            ],
            [
                USABLE,
                `[configuration] the configuration of log-encryption-key-usable has an invalid exemption: exemptions[0] {"resourceNames":["legacy"]} has no reason. ` +
                    `${ALLOWED_USABLE}Fix: correct exemptions[0] ${FIX_TAIL}`,
            ],
            [
                USABLE,
                `[configuration] the configuration of log-encryption-key-usable has an invalid exemption: exemptions[1] {"expires":"2026-02-30","reason":"${REASON}","resourceNames":["legacy"]} ` +
                    `has expires "2026-02-30", which is not a date YYYY-MM-DD. ${ALLOWED_USABLE}Fix: correct exemptions[1] ${FIX_TAIL}`,
            ],
            [
                USABLE,
                `[configuration] the configuration of log-encryption-key-usable has an invalid exemption: exemptions[2] {"reason":"${REASON}","rules":["rotaton"],"urnPatterns":["*"]} ` +
                    `has rules naming "rotaton" (did you mean "rotation"?), which is not a check of log-encryption-key-usable. ${ALLOWED_USABLE}Fix: correct exemptions[2] ${FIX_TAIL}`,
            ],
            [
                USABLE,
                `[configuration] the configuration of log-encryption-key-usable has an invalid exemption: exemptions[3] {"reason":"${REASON}","resoureNames":["legacy"]} ` +
                    `has an unknown property "resoureNames" (did you mean "resourceNames"?), names no resource (neither resourceNames nor urnPatterns has an entry). ${ALLOWED_USABLE}Fix: correct exemptions[3] ${FIX_TAIL}`,
            ],
            [USABLE, plain],
        ]);
        // Refused on the stack itself, like an unknown property. Entries arrive (and are shown)
        // with their keys sorted: the configuration travels as a protobuf Struct.
        assert.deepEqual(
            result.all.slice(0, 5).map((d) => d.urn.split("::").pop()),
            ["app-dev", "", "", "", ""],
        );
    });
});

describe("exemptions through the analyzer protocol: log-encryption-key-required (Analyze) and a bad ENCRYPTED_LOGS_TODAY", function () {
    this.timeout(60_000);
    before(() => {
        process.env[TODAY_VARIABLE] = "tomorrow";
    });
    after(() => {
        delete process.env[TODAY_VARIABLE];
    });
    const running = usePolicyPack(undefined, { env: { [TODAY_VARIABLE]: "tomorrow" } });
    afterEach(async () => {
        await running().configure({});
    });

    it("says the variable is not a date and falls back to the clock, so a far-future entry still applies and a past one not", async () => {
        const s = new StackBuilder();
        s.logGroup("bare", {});
        const plain = lines(await running().preview(s.resources));
        assert.equal(plain.length, 2, JSON.stringify(plain));
        assert.equal(plain[0][0], REQUIRED);
        assert.match(plain[0][1], /^\[key-required\] log group "bare"/);
        assert.match(
            plain[1][1],
            /^\[configuration\] ENCRYPTED_LOGS_TODAY is "tomorrow", which is not a date\. Allowed: YYYY-MM-DD \(e\.g\. 2027-01-31\)\. Fix: correct or unset it; expiry dates are compared with today's date \(\d{4}-\d{2}-\d{2}, UTC\) meanwhile\.$/,
        );
        await running().configure({
            [REQUIRED]: {
                exemptions: [
                    {
                        resourceNames: ["bare"],
                        reason: "until the far future",
                        expires: "9999-12-31",
                    },
                ],
            },
        });
        assert.deepEqual(
            lines(await running().preview(s.resources)).map(([policy, m]) => [
                policy,
                m.slice(0, 40),
            ]),
            [
                [EXEMPTIONS, plain[1][1].slice(0, 40)],
                [EXEMPTIONS, '[exempted] log group "bare" (aws:cloudwa'],
            ],
        );
        await running().configure({
            [REQUIRED]: {
                exemptions: [
                    { resourceNames: ["bare"], reason: "long over", expires: "2000-01-31" },
                ],
            },
        });
        assert.deepEqual(lines(await running().preview(s.resources)), [
            [
                REQUIRED,
                `${plain[0][1]} Not exempted: exemptions[0] of log-encryption-key-required's configuration (reason "long over") expired: it applied until 2000-01-31.`,
            ],
            plain[1],
        ]);
    });
});

describe("exemptions: the pure readers", () => {
    it("accepts only calendar dates written YYYY-MM-DD", () => {
        assert.deepEqual(
            [
                "2026-06-01",
                "2028-02-29",
                "2026-02-29",
                "2026-13-01",
                "2026-6-1",
                "20260601",
                "",
            ].map(isIsoDate),
            [true, true, false, false, false, false, false],
        );
    });

    it("takes today from ENCRYPTED_LOGS_TODAY when it is a date, else from the clock (UTC), and says why", () => {
        const now = new Date("2026-03-04T23:59:59Z");
        assert.deepEqual(todayFrom({}, now), { date: "2026-03-04" });
        assert.deepEqual(todayFrom({ [TODAY_VARIABLE]: "2027-01-31" }, now), {
            date: "2027-01-31",
        });
        assert.deepEqual(todayFrom({ [TODAY_VARIABLE]: "tomorrow" }, now), {
            date: "2026-03-04",
            error:
                'ENCRYPTED_LOGS_TODAY is "tomorrow", which is not a date. Allowed: YYYY-MM-DD (e.g. 2027-01-31). ' +
                "Fix: correct or unset it; expiry dates are compared with today's date (2026-03-04, UTC) meanwhile.",
        });
    });

    it("reads tags as @pulumi/aws maps (tags over tagsAll) and as AWS Native lists of { key, value }", () => {
        assert.deepEqual(
            [...tagsOf({ tagsAll: { a: "1", b: "2" }, tags: { b: "3" } })],
            [
                ["a", "1"],
                ["b", "3"],
            ],
        );
        assert.deepEqual(
            [
                ...tagsOf({
                    tags: [
                        { key: "encrypted-logs:exempt", value: "all" },
                        { key: "n", value: 1 },
                    ],
                }),
            ],
            [["encrypted-logs:exempt", "all"]],
        );
        assert.deepEqual([...tagsOf({ tags: "04da6b54-80e4-46f7-96ec-b56ff0331ba9" })], []);
        assert.deepEqual([...tagsOf(undefined)], []);
    });

    it("shows a wrong tag only on the policies it concerns, and a right one only on those it names", () => {
        const usable = policyExemptions(USABLE, {});
        const status = (tags: Record<string, string>) =>
            statusOf(usable, { name: "g", urn: "urn:g", props: { tags } }, TODAY);
        const lapsed = (tags: Record<string, string>) =>
            status(tags).lapsed.map((l) => [l.exemption.source, l.why]);
        const noReason =
            "exempts nothing: it has no encrypted-logs:exempt-reason tag, and an exemption needs a reason";
        assert.deepEqual(lapsed({ "encrypted-logs:exempt": "log-destinations-encrypted" }), []);
        assert.deepEqual(lapsed({ "encrypted-logs:exempt": "rotation" }), [
            [{ kind: "tag", value: "rotation" }, noReason],
        ]);
        assert.deepEqual(lapsed({ "encrypted-logs:exempt": "rotaton" }), [
            [
                { kind: "tag", value: "rotaton" },
                `exempts nothing: encrypted-logs:exempt names "rotaton" (did you mean "rotation"?), which is neither a policy nor a check of this pack; ${noReason.slice("exempts nothing: ".length)}`,
            ],
        ]);
        assert.deepEqual(
            status({
                "encrypted-logs:exempt": "log-destinations-encrypted",
                "encrypted-logs:exempt-reason": "r",
            }),
            { active: [], lapsed: [] },
        );
        assert.deepEqual(
            status({ "encrypted-logs:exempt": "all", "encrypted-logs:exempt-reason": "r" }).active,
            [{ policy: USABLE, source: { kind: "tag", value: "all" }, rules: "all", reason: "r" }],
        );
    });

    it("splits the tag on '+' and knows every policy and check of the pack", () => {
        const tag = readExemptTag(
            new Map([
                ["encrypted-logs:exempt", " rotation + log-destinations-encrypted "],
                ["encrypted-logs:exempt-reason", "why"],
            ]),
            tagVocabulary(),
        );
        assert.deepEqual(tag, {
            value: " rotation + log-destinations-encrypted ",
            names: ["rotation", "log-destinations-encrypted"],
            reason: "why",
        });
        assert.deepEqual(
            [...declaredPolicyChecks().keys()].sort(),
            PACK_POLICIES.map((p) => p.name).sort(),
        );
    });
});

/**
 * The readers underneath, called directly with a policy "p" whose checks are rotation and region:
 * every refusal of an entry word for word (several problems of one entry joined), what a valid entry
 * becomes, and which entries, legacy lists and tags exempt a resource, lapse, or do not concern it.
 */
describe("exemptions: readExemptionEntries, exemptionStatus and lapsedNote", () => {
    const CHECKS = ["rotation", "region"];
    const ALLOWED =
        "an object with reason (a non-empty text: why, for the audit), resourceNames and/or urnPatterns (at least one name or '*' pattern), " +
        'optional rules ("all" or "rotation", "region"; default all) and optional expires (a date YYYY-MM-DD, the last day the exemption applies)';
    const FIX =
        "in the policy pack configuration (policy-config.json or pulumi policy enable --config); until then the entry exempts nothing.";
    const invalid = (index: number, raw: unknown, problems: string) =>
        `[configuration] the configuration of p has an invalid exemption: exemptions[${index}] ${JSON.stringify(raw)} ${problems}. Allowed: ${ALLOWED}. Fix: correct exemptions[${index}] ${FIX}`;
    const read = (value: unknown, checks = CHECKS) => readExemptionEntries("p", value, checks);

    it("reads nothing from an absent list and refuses one that is not a list", () => {
        assert.deepEqual(read(undefined), { entries: [], refusals: [] });
        assert.deepEqual(read(null), { entries: [], refusals: [] });
        assert.deepEqual(read("x").refusals, [
            `[configuration] the configuration of p has exemptions "x", which is not a list. Allowed: a list of entries, each ${ALLOWED}. Fix: write exemptions as a list ${FIX}`,
        ]);
        assert.deepEqual(read("x").entries, []);
    });

    it("refuses entries that are not objects, naming each by index, and keeps the valid ones", () => {
        const result = read([null, 5, [], { reason: "r", resourceNames: ["a"] }]);
        assert.deepEqual(
            result.refusals,
            [null, 5, []].map(
                (raw, i) =>
                    `[configuration] the configuration of p has an invalid exemption: exemptions[${i}] ${JSON.stringify(raw)} is not an object. Allowed: ${ALLOWED}. Fix: correct exemptions[${i}] ${FIX}`,
            ),
        );
        assert.deepEqual(result.entries, [
            { index: 3, resourceNames: ["a"], urnPatterns: [], rules: "all", reason: "r" },
        ]);
    });

    it("names every problem of an entry, and such an entry exempts nothing", () => {
        const cases: [unknown, string][] = [
            [
                { reason: " ", resourceNames: "a", urnPatterns: [1] },
                'has reason " ", which is not a non-empty text, has resourceNames "a", which is not a list of names, has urnPatterns [1], which is not a list of patterns',
            ],
            [
                { reason: 5, resourceNames: [], urnPatterns: [] },
                "has reason 5, which is not a non-empty text, names no resource (neither resourceNames nor urnPatterns has an entry)",
            ],
            [
                { resourceNames: ["a"], rules: [], expires: "2026-02-30" },
                'has no reason, has rules [], which is not a non-empty list of names, has expires "2026-02-30", which is not a date YYYY-MM-DD',
            ],
            [
                { reason: "r", resourceNames: ["a"], rules: "rotation" },
                'has rules "rotation", which is not a non-empty list of names',
            ],
            [
                { reason: "r", resourceNames: ["a"], rules: [1] },
                "has rules [1], which is not a non-empty list of names",
            ],
            [
                {
                    reason: "r",
                    urnPatterns: ["*::a"],
                    rules: ["rotatoin", "x"],
                    expires: 5,
                    extra: 1,
                    reasno: 2,
                },
                'has unknown properties "extra", "reasno" (did you mean "reason"?), has rules naming "rotatoin" (did you mean "rotation"?), "x" (did you mean "all"?), which are not checks of p, has expires 5, which is not a date YYYY-MM-DD',
            ],
            [
                { reason: "r", resourceNames: ["a"], rules: ["rotatoin"], extra: 1 },
                'has an unknown property "extra", has rules naming "rotatoin" (did you mean "rotation"?), which is not a check of p',
            ],
        ];
        for (const [raw, problems] of cases) {
            assert.deepEqual(read([raw]), { entries: [], refusals: [invalid(0, raw, problems)] });
        }
    });

    it("reads a valid entry: reason trimmed, patterns compiled, rules listed or all, expiry kept", () => {
        const [entry] = read([
            {
                reason: " r ",
                resourceNames: ["a"],
                urnPatterns: ["*::a.b*"],
                rules: ["rotation"],
                expires: "2026-01-31",
            },
        ]).entries;
        assert.deepEqual(
            { ...entry, urnPatterns: entry.urnPatterns.map(String) },
            {
                index: 0,
                resourceNames: ["a"],
                urnPatterns: ["/^.*::a\\.b.*$/"],
                rules: ["rotation"],
                reason: "r",
                expires: "2026-01-31",
            },
        );
        assert.equal(entry.urnPatterns[0].test("urn:x::a.b-c"), true);
        assert.equal(entry.urnPatterns[0].test("urn:x::aXb-c"), false);
        assert.equal(
            read([{ reason: "r", resourceNames: ["a"], rules: ["rotation", "all"] }]).entries[0]
                .rules,
            "all",
        );
        assert.deepEqual(
            read([{ reason: "r", resourceNames: ["a"], rules: ["all"] }], []).entries[0].rules,
            "all",
        );
        assert.equal(globToRegExp("a(1)+[x]").test("a(1)+[x]"), true);
    });

    const VOCABULARY = ["all", "p", "q", "rotation", "region"];
    const config = (over: Partial<PolicyExemptions> = {}): PolicyExemptions => ({
        policy: "p",
        entries: [],
        refusals: [],
        exemptResourceNames: [],
        exemptUrnPatterns: [],
        tags: true,
        ...over,
    });
    const resource = (name: string, tags: Record<string, string> = {}) => ({
        name,
        urn: `urn:pulumi:prod::app::aws:kms/key:Key::${name}`,
        props: { tags },
    });
    const status = (c: PolicyExemptions, r: ReturnType<typeof resource>, today = "2026-06-01") =>
        exemptionStatus(c, CHECKS, VOCABULARY, r, today);

    it("exempts by a matching entry until its last day inclusive, then lapses it with a note", () => {
        const c = config({
            entries: read([
                { reason: "why", resourceNames: ["a"], rules: ["rotation"], expires: "2026-06-01" },
                { reason: "other", urnPatterns: ["*::b"] },
            ]).entries,
        });
        const onTheDay = status(c, resource("a"));
        assert.deepEqual(onTheDay, {
            active: [
                {
                    policy: "p",
                    source: { kind: "entry", index: 0 },
                    rules: ["rotation"],
                    reason: "why",
                    expires: "2026-06-01",
                },
            ],
            lapsed: [],
        });
        assert.equal(isExemptFrom(onTheDay, "rotation"), true);
        assert.equal(isExemptFrom(onTheDay, "region"), false);
        assert.equal(isExemptFrom(onTheDay, undefined), false);
        const after = status(c, resource("a"), "2026-06-02");
        assert.deepEqual(after.active, []);
        assert.equal(isExemptFrom(after, "rotation"), false);
        assert.equal(
            lapsedNote(after, "rotation"),
            ` Not exempted: exemptions[0] of p's configuration (reason "why") expired: it applied until 2026-06-01.`,
        );
        assert.equal(lapsedNote(after, "region"), "");
        assert.equal(lapsedNote(onTheDay, "rotation"), "");
        assert.deepEqual(status(c, resource("b")).active.map(describeSource), [
            "exemptions[1] of p's configuration",
        ]);
        assert.deepEqual(status(c, resource("c")), { active: [], lapsed: [] });
    });

    it("exempts by the older lists from everything, names before patterns, with no reason", () => {
        const legacy = config({ exemptResourceNames: ["a"], exemptUrnPatterns: [/::a$/, /::b$/] });
        const a = status(legacy, resource("a"));
        assert.deepEqual(a.active, [
            {
                policy: "p",
                source: { kind: "legacy", property: "exemptResourceNames" },
                rules: "all",
                reason: undefined,
            },
        ]);
        assert.equal(isExemptFrom(a, undefined), true);
        assert.deepEqual(status(legacy, resource("b")).active.map(describeSource), [
            "exemptUrnPatterns of p's configuration",
        ]);
        assert.deepEqual(status(legacy, resource("c")).active, []);
    });

    it("exempts by a tag naming the policy, a check or all, and not by one naming only another policy", () => {
        const tagged = (value: string, extra: Record<string, string> = {}) =>
            resource("t", {
                [EXEMPT_TAG]: value,
                [EXEMPT_REASON_TAG]: "tagged why",
                ...extra,
            });
        assert.deepEqual(status(config(), tagged("rotation+q")).active, [
            {
                policy: "p",
                source: { kind: "tag", value: "rotation+q" },
                rules: ["rotation"],
                reason: "tagged why",
            },
        ]);
        assert.equal(status(config(), tagged("p")).active[0].rules, "all");
        assert.equal(status(config(), tagged("all")).active[0].rules, "all");
        assert.deepEqual(status(config(), tagged("q")), { active: [], lapsed: [] });
        assert.deepEqual(status(config({ tags: false }), tagged("p")), { active: [], lapsed: [] });
        const until = tagged("p", { [EXEMPT_UNTIL_TAG]: "2026-06-01" });
        assert.equal(status(config(), until).active[0].expires, "2026-06-01");
        const expired = status(config(), until, "2026-06-02");
        assert.deepEqual(expired.active, []);
        assert.equal(
            lapsedNote(expired, undefined),
            ` Not exempted: the tag ${EXEMPT_TAG}=p (reason "tagged why") expired: it applied until 2026-06-01.`,
        );
    });

    it("lapses a wrong tag on every check when it names this policy or cannot be read, not when it names only others", () => {
        const noReason = status(config(), resource("t", { [EXEMPT_TAG]: "rotation" }));
        assert.deepEqual(noReason.active, []);
        assert.equal(
            lapsedNote(noReason, "region"),
            ` Not exempted: the tag ${EXEMPT_TAG}=rotation exempts nothing: it has no ${EXEMPT_REASON_TAG} tag, and an exemption needs a reason.`,
        );
        const misspelt = status(
            config(),
            resource("t", { [EXEMPT_TAG]: "rotatoin", [EXEMPT_REASON_TAG]: "r" }),
        );
        assert.deepEqual(
            misspelt.lapsed.map((l) => [l.exemption.rules, l.why]),
            [
                [
                    "all",
                    `exempts nothing: ${EXEMPT_TAG} names "rotatoin" (did you mean "rotation"?), which is neither a policy nor a check of this pack`,
                ],
            ],
        );
        const empty = status(
            config(),
            resource("t", { [EXEMPT_TAG]: " + ", [EXEMPT_REASON_TAG]: "r" }),
        );
        assert.equal(empty.lapsed.length, 1);
        assert.deepEqual(status(config(), resource("t", { [EXEMPT_TAG]: "q" })), {
            active: [],
            lapsed: [],
        });
    });
});
