/**
 * Exemption tags on a resource: `encrypted-logs:exempt` with its reason and optional end date,
 * read from `tags`/`tagsAll` (`@pulumi/aws`) or AWS Native's tag list.
 */
import { quoteWithSuggestion } from "./config";
import { renamedTo } from "./renamed";
import { UNKNOWN, readProperty } from "../stack/wire";

/** The tag that exempts a resource: policy names, check names or `all`, separated by {@link TAG_SEPARATOR}. */
export const EXEMPT_TAG = "encrypted-logs:exempt";
/** The tag that gives the reason of a tag exemption; without it the tag exempts nothing. */
export const EXEMPT_REASON_TAG = "encrypted-logs:exempt-reason";
/** The tag that ends a tag exemption: a date `YYYY-MM-DD`, the last day it applies (UTC). */
export const EXEMPT_UNTIL_TAG = "encrypted-logs:exempt-until";
/**
 * Separates names in {@link EXEMPT_TAG}. AWS tag values allow few characters. CloudWatch Logs
 * `TagLogGroup` (https://docs.aws.amazon.com/goto/WebAPI/logs/TagLogGroup): "Value Pattern:
 * ^([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$", "Value Length Constraints: Maximum length of 256"; AWS Batch
 * "Tag restrictions" (https://docs.amazonaws.cn/en_us/batch/latest/userguide/tag-restrictions.md):
 * "Generally allowed characters are letters, numbers, spaces representable in UTF-8, and the
 * following characters: + - = . _ : / @"; and some services refuse spaces (Backup gateway `Tag`,
 * https://docs.aws.amazon.com/bgw/v20210101/APIReference/API_Tag.html: "Spaces are not allowed in
 * tag values"). A comma is allowed nowhere; `+` is in every list, so
 * `log-encryption-key-usable+log-encryption-unverified` can be written on any resource.
 */
export const TAG_SEPARATOR = "+";
/** Whether `value` is a calendar date written `YYYY-MM-DD` (2026-02-30 is not). */
export function isIsoDate(value: string): boolean {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) {
        return false;
    }
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/**
 * The resource's tags: `tags` and `tagsAll` as maps (`@pulumi/aws`, e.g. `LogGroup`: `readonly
 * tags: pulumi.Output<{[key: string]: string} | undefined>` and `readonly tagsAll`, which adds the
 * provider's `defaultTags`; trails, event data stores and anomaly detectors have the same two), or
 * AWS Native's list (`aws-native:logs:LogGroup`: "An array of key-value pairs to apply to the log
 * group", `tags?: pulumi.Input<pulumi.Input<inputs.TagArgs>[]>`, each `{ key, value }`). `tags`
 * wins over `tagsAll`; unknown values are skipped.
 */
export function tagsOf(props: unknown): ReadonlyMap<string, string> {
    const tags = new Map<string, string>();
    for (const property of ["tagsAll", "tags"]) {
        const value = readProperty(props, property);
        if (value === null || value === UNKNOWN || typeof value !== "object") {
            continue;
        }
        if (Array.isArray(value)) {
            for (const tag of value) {
                const key = readProperty(tag, "key");
                const v = readProperty(tag, "value");
                if (typeof key === "string" && typeof v === "string") {
                    tags.set(key, v);
                }
            }
            continue;
        }
        for (const key of Object.keys(value)) {
            const v = readProperty(value, key);
            if (typeof v === "string") {
                tags.set(key, v);
            }
        }
    }
    return tags;
}

/** A resource's exemption tag, read: the names it lists and what makes it unusable, if anything. */
export interface TagExemption {
    readonly value: string;
    readonly names: readonly string[];
    readonly reason?: string;
    readonly until?: string;
    /** Why the tag exempts nothing at all (no reason, a name or date that is wrong). */
    readonly problem?: string;
}

/** A name the tag may not use, quoted: an old policy name with its new one, else the closest name. */
function quoteName(vocabulary: readonly string[]): (name: string) => string {
    const suggest = quoteWithSuggestion(vocabulary);
    return (name) => {
        const now = renamedTo(name);
        return now === undefined ? suggest(name) : `"${name}" (now part of "${now}")`;
    };
}

/**
 * The `encrypted-logs:exempt` tag of a resource, if it has one. `vocabulary` is every name the tag
 * may use: `all`, the pack's policy names and check names.
 */
export function readExemptTag(
    tags: ReadonlyMap<string, string>,
    vocabulary: readonly string[],
): TagExemption | undefined {
    const value = tags.get(EXEMPT_TAG);
    if (value === undefined) {
        return undefined;
    }
    const names = value
        .split(TAG_SEPARATOR)
        .map((n) => n.trim())
        .filter((n) => n !== "");
    const reason = tags.get(EXEMPT_REASON_TAG)?.trim();
    const until = tags.get(EXEMPT_UNTIL_TAG)?.trim();
    const unknown = names.filter((n) => !vocabulary.includes(n));
    const problems: string[] = [];
    if (names.length === 0) {
        problems.push(`${EXEMPT_TAG} names nothing`);
    } else if (unknown.length > 0) {
        problems.push(
            `${EXEMPT_TAG} names ${unknown.map(quoteName(vocabulary)).join(", ")}, which ${unknown.length === 1 ? "is" : "are"} neither a policy nor a check of this pack`,
        );
    }
    if (reason === undefined || reason === "") {
        problems.push(`it has no ${EXEMPT_REASON_TAG} tag, and an exemption needs a reason`);
    }
    if (until !== undefined && !isIsoDate(until)) {
        problems.push(`${EXEMPT_UNTIL_TAG} is "${until}", which is not a date YYYY-MM-DD`);
    }
    return {
        value,
        names,
        ...(reason === undefined || reason === "" ? {} : { reason }),
        ...(until === undefined || until === "" ? {} : { until }),
        ...(problems.length === 0 ? {} : { problem: problems.join("; ") }),
    };
}
