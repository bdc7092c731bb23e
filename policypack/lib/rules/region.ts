/**
 * `[region]`: the key is in the target's region (a trail's: its S3 bucket's,
 * https://docs.aws.amazon.com/awscloudtrail/latest/userguide/encrypting-cloudtrail-log-files-with-aws-kms.html).
 */
import { Region } from "../stack/location";
import { Rule, unverifiable, violation } from "./rule";
import { UNKNOWN } from "../stack/wire";

function describeRegion(r: Region): string {
    return `${r.region} (from ${r.source})`;
}

export const regionRule: Rule = {
    id: "region",
    label: "region",
    run: ({ subject, type, key, requiredRegion: required }) => {
        if (key === undefined) {
            return [];
        }
        if (required.unverifiable !== undefined) {
            return [unverifiable("region", required.unverifiable)];
        }
        if (required.region === UNKNOWN || required.region === undefined) {
            return [
                unverifiable(
                    "region",
                    `the region of ${subject} is ${required.region === UNKNOWN ? "unknown at preview" : "not set (no region input, provider region or aws:region config)"}`,
                ),
            ];
        }
        const actual = key.region;
        if (actual === UNKNOWN || actual === undefined) {
            return [
                unverifiable(
                    "region",
                    `the region of ${key.description} is ${actual === UNKNOWN ? "unknown at preview" : "not set"}`,
                ),
            ];
        }
        if (actual.region !== required.region.region) {
            const where =
                type.kind === "trail" ? "the region of the trail's S3 bucket" : `its own region`;
            return [
                violation(
                    "region",
                    `${subject} is in ${describeRegion(required.region)} but ${key.description} is in ${describeRegion(actual)}: ` +
                        `the service can only use a key in ${where}. ` +
                        `Fix: create the key in ${required.region.region} (give it the same provider or region input) and use that key's ARN.`,
                ),
            ];
        }
        return [];
    },
};
