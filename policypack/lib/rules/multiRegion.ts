/** `[multi-region]`: the key is region-scoped, not a multi-Region key (unless configured). */
import { Rule, unverifiable, violation } from "../rule";
import { UNKNOWN } from "../wire";

export const multiRegionRule: Rule = {
    id: "multi-region",
    label: "multi-Region",
    run: ({ subject, key }, options) => {
        if (key === undefined || options.allowMultiRegionKeys) {
            return [];
        }
        if (key.multiRegion === UNKNOWN) {
            return [
                unverifiable(
                    "multi-region",
                    `whether ${key.description} is a multi-Region key is unknown at preview`,
                ),
            ];
        }
        if (key.multiRegion) {
            return [
                violation(
                    "multi-region",
                    `${subject} is encrypted with ${key.description}, a multi-Region key (${key.multiRegionReason}): log encryption keys must be region-scoped. ` +
                        `Fix: use a single-Region key (multiRegion: false), or set allowMultiRegionKeys: true in this policy's configuration.`,
                ),
            ];
        }
        return [];
    },
};
