/**
 * Exemptions a security team can audit: entries with a mandatory reason and an optional expiry
 * date in a policy's configuration, tags on the resource, and the older name and URN lists (still
 * accepted; they record no reason, and the exemptions advisory says so). Pure: "today" is passed
 * in ({@link todayFrom} reads it), so no verdict depends on the real clock in a test.
 */
import { quoteWithSuggestion } from "./config";
import { EXEMPT_TAG, isIsoDate, readExemptTag, tagsOf } from "./exemptionTags";

export {
    EXEMPT_REASON_TAG,
    EXEMPT_TAG,
    EXEMPT_UNTIL_TAG,
    TAG_SEPARATOR,
    TagExemption,
    isIsoDate,
    readExemptTag,
    tagsOf,
} from "./exemptionTags";

/** The environment variable that sets "today" (YYYY-MM-DD) for expiry dates: for tests, and to preview a later date. */
export const TODAY_VARIABLE = "ENCRYPTED_LOGS_TODAY";

/** Where an exemption comes from. */
export type ExemptionSource =
    | { readonly kind: "entry"; readonly index: number }
    | { readonly kind: "legacy"; readonly property: "exemptResourceNames" | "exemptUrnPatterns" }
    | { readonly kind: "tag"; readonly value: string };

/** One exemption that matched a resource. */
export interface Exemption {
    readonly policy: string;
    readonly source: ExemptionSource;
    /** The checks it covers, or `all` (everything the policy reports). */
    readonly rules: readonly string[] | "all";
    /** Why; `undefined` for the older name and URN lists, which record none. */
    readonly reason: string | undefined;
    /** The last day it applies (`YYYY-MM-DD`, UTC), if it ends. */
    readonly expires?: string;
}

/** An exemption that matched but does not apply, and why (shown in the violations it would have exempted). */
export interface LapsedExemption {
    readonly exemption: Exemption;
    readonly why: string;
}

/** What exempts a resource from a policy, and what matched but does not apply. */
export interface ExemptionStatus {
    readonly active: readonly Exemption[];
    readonly lapsed: readonly LapsedExemption[];
}

/** A validated exemption entry of a policy's configuration. */
export interface ExemptionEntry {
    readonly index: number;
    readonly resourceNames: readonly string[];
    readonly urnPatterns: readonly RegExp[];
    readonly rules: readonly string[] | "all";
    readonly reason: string;
    readonly expires?: string;
}

/** The exemptions of one policy's configuration, read and validated once per policy call. */
export interface PolicyExemptions {
    readonly policy: string;
    /** The valid entries of `exemptions`; an invalid entry exempts nothing and is refused. */
    readonly entries: readonly ExemptionEntry[];
    /** One message per invalid entry, naming it (see {@link readExemptionEntries}). */
    readonly refusals: readonly string[];
    readonly exemptResourceNames: readonly string[];
    /** `exemptUrnPatterns`, compiled once per policy call. */
    readonly exemptUrnPatterns: readonly RegExp[];
    /** Whether `encrypted-logs:exempt` tags are honoured (`exemptionTags`, default true). */
    readonly tags: boolean;
}

/** The properties an entry of `exemptions` may have. */
export const ENTRY_PROPERTIES = [
    "resourceNames",
    "urnPatterns",
    "rules",
    "reason",
    "expires",
] as const;

/**
 * Today's date (UTC, `YYYY-MM-DD`) for expiry: {@link TODAY_VARIABLE} when set to a date, else the
 * clock `now`. `error` says why a set variable was not used (the exemptions advisory reports it).
 */
export function todayFrom(
    env: Readonly<Record<string, string | undefined>>,
    now: Date,
): { readonly date: string; readonly error?: string } {
    const clock = now.toISOString().slice(0, 10);
    const set = env[TODAY_VARIABLE];
    if (set === undefined || set === "") {
        return { date: clock };
    }
    return isIsoDate(set)
        ? { date: set }
        : {
              date: clock,
              error: `${TODAY_VARIABLE} is "${set}", which is not a date. Allowed: YYYY-MM-DD (e.g. 2027-01-31). Fix: correct or unset it; expiry dates are compared with today's date (${clock}, UTC) meanwhile.`,
          };
}

/** The URN pattern `*`-glob as a regular expression (`*` matches any characters). */
export function globToRegExp(pattern: string): RegExp {
    return new RegExp(
        `^${pattern
            .split("*")
            .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
            .join(".*")}$`,
    );
}

function stringList(value: unknown): string[] | undefined {
    return Array.isArray(value) && value.every((v) => typeof v === "string")
        ? (value as string[])
        : undefined;
}

/**
 * Reads `exemptions` (the entries of one policy's configuration): each entry needs a `reason`, at
 * least one of `resourceNames` / `urnPatterns`, an `expires` that is a real date if given, and
 * `rules` among `checks` (this policy's check names) or `all`. An entry with any problem exempts
 * nothing, and its refusal names the entry by index and value, what is allowed and the fix.
 */
export function readExemptionEntries(
    policy: string,
    value: unknown,
    checks: readonly string[],
): { readonly entries: ExemptionEntry[]; readonly refusals: string[] } {
    const entries: ExemptionEntry[] = [];
    const refusals: string[] = [];
    if (value === undefined || value === null) {
        return { entries, refusals };
    }
    const fix =
        "in the policy pack configuration (policy-config.json or pulumi policy enable --config); until then the entry exempts nothing";
    const allowedRules =
        checks.length === 0 ? `"all"` : `"all" or ${checks.map((c) => `"${c}"`).join(", ")}`;
    const allowed =
        `an object with reason (a non-empty text: why, for the audit), resourceNames and/or urnPatterns (at least one name or '*' pattern), ` +
        `optional rules (${allowedRules}; default all) and optional expires (a date YYYY-MM-DD, the last day the exemption applies)`;
    if (!Array.isArray(value)) {
        refusals.push(
            `[configuration] the configuration of ${policy} has exemptions ${JSON.stringify(value)}, which is not a list. Allowed: a list of entries, each ${allowed}. Fix: write exemptions as a list ${fix}.`,
        );
        return { entries, refusals };
    }
    value.forEach((raw: unknown, index) => {
        const named = `exemptions[${index}] ${JSON.stringify(raw)}`;
        if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
            refusals.push(
                `[configuration] the configuration of ${policy} has an invalid exemption: ${named} is not an object. Allowed: ${allowed}. Fix: correct exemptions[${index}] ${fix}.`,
            );
            return;
        }
        const read = readEntry(raw as Record<string, unknown>, index, policy, checks);
        if ("problems" in read) {
            refusals.push(
                `[configuration] the configuration of ${policy} has an invalid exemption: ${named} ${read.problems.join(", ")}. ` +
                    `Allowed: ${allowed}. Fix: correct exemptions[${index}] ${fix}.`,
            );
        } else {
            entries.push(read.entry);
        }
    });
    return { entries, refusals };
}

/** One entry of `exemptions`, or what is wrong with it (each problem a phrase). */
function readEntry(
    e: Record<string, unknown>,
    index: number,
    policy: string,
    checks: readonly string[],
): { readonly entry: ExemptionEntry } | { readonly problems: string[] } {
    const problems: string[] = [];
    const unknownKeys = Object.keys(e).filter(
        (k) => !(ENTRY_PROPERTIES as readonly string[]).includes(k),
    );
    if (unknownKeys.length > 0) {
        problems.push(
            `has ${unknownKeys.length === 1 ? "an unknown property" : "unknown properties"} ${unknownKeys.map(quoteWithSuggestion(ENTRY_PROPERTIES)).join(", ")}`,
        );
    }
    const reason = typeof e.reason === "string" ? e.reason.trim() : "";
    if (reason === "") {
        problems.push(
            e.reason === undefined
                ? "has no reason"
                : `has reason ${JSON.stringify(e.reason)}, which is not a non-empty text`,
        );
    }
    const names = e.resourceNames === undefined ? [] : stringList(e.resourceNames);
    const patterns = e.urnPatterns === undefined ? [] : stringList(e.urnPatterns);
    if (names === undefined) {
        problems.push(
            `has resourceNames ${JSON.stringify(e.resourceNames)}, which is not a list of names`,
        );
    }
    if (patterns === undefined) {
        problems.push(
            `has urnPatterns ${JSON.stringify(e.urnPatterns)}, which is not a list of patterns`,
        );
    }
    if (names !== undefined && patterns !== undefined && names.length + patterns.length === 0) {
        problems.push("names no resource (neither resourceNames nor urnPatterns has an entry)");
    }
    const rules = readRules(e.rules, policy, checks, problems);
    let expires: string | undefined;
    if (e.expires !== undefined) {
        if (typeof e.expires === "string" && isIsoDate(e.expires)) {
            expires = e.expires;
        } else {
            problems.push(
                `has expires ${JSON.stringify(e.expires)}, which is not a date YYYY-MM-DD`,
            );
        }
    }
    if (problems.length > 0) {
        return { problems };
    }
    return {
        entry: {
            index,
            resourceNames: names ?? [],
            urnPatterns: (patterns ?? []).map(globToRegExp),
            rules,
            reason,
            ...(expires === undefined ? {} : { expires }),
        },
    };
}

/** An entry's `rules`: `all` (the default), or the checks it names; a wrong one adds a problem. */
function readRules(
    value: unknown,
    policy: string,
    checks: readonly string[],
    problems: string[],
): readonly string[] | "all" {
    if (value === undefined) {
        return "all";
    }
    const listed = stringList(value);
    const unknown = listed?.filter((r) => r !== "all" && !checks.includes(r));
    if (listed === undefined || listed.length === 0) {
        problems.push(`has rules ${JSON.stringify(value)}, which is not a non-empty list of names`);
    } else if (unknown !== undefined && unknown.length > 0) {
        problems.push(
            `has rules naming ${unknown.map(quoteWithSuggestion(["all", ...checks])).join(", ")}, which ${unknown.length === 1 ? "is not a check" : "are not checks"} of ${policy}`,
        );
    } else if (!listed.includes("all")) {
        return listed;
    }
    return "all";
}

/** `exemptions[0] of log-encryption-key-usable's configuration`, `the tag encrypted-logs:exempt=all`: how messages name an exemption. */
export function describeSource(exemption: Exemption): string {
    const s = exemption.source;
    switch (s.kind) {
        case "entry":
            return `exemptions[${s.index}] of ${exemption.policy}'s configuration`;
        case "legacy":
            return `${s.property} of ${exemption.policy}'s configuration`;
        case "tag":
            return `the tag ${EXEMPT_TAG}=${s.value}`;
    }
}

/** Whether `exemption` covers the check `rule` (`undefined`: a finding of no particular check). */
export function covers(exemption: Exemption, rule: string | undefined): boolean {
    return exemption.rules === "all" || (rule !== undefined && exemption.rules.includes(rule));
}

/**
 * What exempts `resource` from `policy` today: the valid entries that match it and have not
 * expired, the older name and URN lists, and its `encrypted-logs:exempt` tag when it names this
 * policy, one of `checks` or `all` and has a reason. Entries and tags that match but have expired
 * (or a tag without a reason) are `lapsed`: the policy applies, and its violations say why.
 */
export function exemptionStatus(
    config: PolicyExemptions,
    checks: readonly string[],
    vocabulary: readonly string[],
    resource: { readonly name: string; readonly urn: string; readonly props: unknown },
    today: string,
): ExemptionStatus {
    const active: Exemption[] = [];
    const lapsed: LapsedExemption[] = [];
    for (const entry of config.entries) {
        if (
            !entry.resourceNames.includes(resource.name) &&
            !entry.urnPatterns.some((re) => re.test(resource.urn))
        ) {
            continue;
        }
        const exemption: Exemption = {
            policy: config.policy,
            source: { kind: "entry", index: entry.index },
            rules: entry.rules,
            reason: entry.reason,
            ...(entry.expires === undefined ? {} : { expires: entry.expires }),
        };
        if (entry.expires !== undefined && entry.expires < today) {
            lapsed.push({ exemption, why: `expired: it applied until ${entry.expires}` });
        } else {
            active.push(exemption);
        }
    }
    if (config.exemptResourceNames.includes(resource.name)) {
        active.push({
            policy: config.policy,
            source: { kind: "legacy", property: "exemptResourceNames" },
            rules: "all",
            reason: undefined,
        });
    } else if (config.exemptUrnPatterns.some((re) => re.test(resource.urn))) {
        active.push({
            policy: config.policy,
            source: { kind: "legacy", property: "exemptUrnPatterns" },
            rules: "all",
            reason: undefined,
        });
    }
    const tag = config.tags ? readExemptTag(tagsOf(resource.props), vocabulary) : undefined;
    if (tag !== undefined) {
        const named = tag.names.filter(
            (n) => n === "all" || n === config.policy || checks.includes(n),
        );
        // A wrong tag concerns this policy if it names it, or if what it names cannot be read
        // (a misspelt name may have meant it); not if it only names other policies.
        const unreadable = tag.names.length === 0 || tag.names.some((n) => !vocabulary.includes(n));
        if (named.length > 0 || (tag.problem !== undefined && unreadable)) {
            const exemption: Exemption = {
                policy: config.policy,
                source: { kind: "tag", value: tag.value },
                rules: named.includes("all") || named.includes(config.policy) ? "all" : named,
                reason: tag.reason,
                ...(tag.until === undefined ? {} : { expires: tag.until }),
            };
            if (tag.problem !== undefined) {
                // A tag that is wrong names what it meant to exempt only loosely: its problem is
                // shown on every violation of this policy, and it exempts nothing.
                lapsed.push({
                    exemption: { ...exemption, rules: "all" },
                    why: `exempts nothing: ${tag.problem}`,
                });
            } else if (tag.until !== undefined && tag.until < today) {
                lapsed.push({ exemption, why: `expired: it applied until ${tag.until}` });
            } else {
                active.push(exemption);
            }
        }
    }
    return { active, lapsed };
}

/** Whether `status` exempts the finding of check `rule`. */
export function isExemptFrom(status: ExemptionStatus, rule: string | undefined): boolean {
    return status.active.some((e) => covers(e, rule));
}

/**
 * What a violation of check `rule` adds when an exemption matched but does not apply (expired, or
 * a tag without a reason): ` Not exempted: exemptions[0] of ...'s configuration ("reason") expired: it applied until 2026-01-31.`
 * Empty when there is none.
 */
export function lapsedNote(status: ExemptionStatus, rule: string | undefined): string {
    const notes = status.lapsed
        .filter((l) => covers(l.exemption, rule))
        .map(
            (l) =>
                `${describeSource(l.exemption)}${l.exemption.reason === undefined ? "" : ` (reason "${l.exemption.reason}")`} ${l.why}`,
        );
    return notes.length === 0 ? "" : ` Not exempted: ${notes.join("; ")}.`;
}
