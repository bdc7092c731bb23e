/**
 * `[multi-region]`: the key is region-scoped, not a multi-Region key: the product's rule for log
 * groups and detectors (unless `allowMultiRegionKeys`); for trails only when configured
 * (`allowMultiRegionTrailKeys: false`), since CloudTrail API reference, CreateTrail `KmsKeyId`:
 * "CloudTrail also supports KMS multi-Region keys."
 */
import { Rule, unverifiable, violation } from "./rule";
import { UNKNOWN } from "../stack/wire";

export const multiRegionRule: Rule = {
    id: "multi-region",
    label: "multi-Region",
    run: ({ subject, type, key }, options) => {
        const trail = type.service === "cloudtrail";
        const allowed = trail ? options.allowMultiRegionTrailKeys : options.allowMultiRegionKeys;
        if (key === undefined || allowed) {
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
                    trail
                        ? `${subject} is encrypted with ${key.description}, a multi-Region key (${key.multiRegionReason}): this policy's configuration refuses multi-Region keys for trails (allowMultiRegionTrailKeys: false). ` +
                              `Fix: use a single-Region key (multiRegion: false), or set allowMultiRegionTrailKeys: true (the default: CloudTrail supports multi-Region keys).`
                        : `${subject} is encrypted with ${key.description}, a multi-Region key (${key.multiRegionReason}): log encryption keys must be region-scoped. ` +
                              `Fix: use a single-Region key (multiRegion: false), or set allowMultiRegionKeys: true in this policy's configuration.`,
                ),
            ];
        }
        return [];
    },
};
