/**
 * `[retention]` (opt-in): a log group keeps its logs at least `minimumRetentionDays` days. Off
 * until that option is set.
 *
 * CloudWatch Logs API Reference, PutRetentionPolicy `retentionInDays`
 * (https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_PutRetentionPolicy.html):
 * "The number of days to retain the log events in the specified log group. Possible values are:
 * 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922,
 * 3288, and 3653. To set a log group so that its log events do not expire, use
 * DeleteRetentionPolicy." The aws provider's `retentionInDays` adds 0: "If you select 0, the
 * events in the log group are always retained and never expire"; absent means the same. So 0 and
 * absent satisfy any minimum, and a minimum between two possible values (100) is met by the next
 * one up (120), which the fix names.
 */
import { optInIntegerOption, rule, unverifiable, violation } from "./rule";
import { UNKNOWN } from "../stack/wire";

/** The values PutRetentionPolicy accepts (quoted above). */
const POSSIBLE_DAYS = [
    1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922,
    3288, 3653,
];

const ID = "retention";

export const retentionRule = rule({
    subject: "log group",
    id: ID,
    label: "retention",
    requirement:
        "keep their logs at least minimumRetentionDays days, a retentionInDays of 0 or none (never expire) passing any minimum",
    options: {
        minimumRetentionDays: optInIntegerOption({
            minimum: 1,
            description:
                "Refuse log groups that keep their logs fewer days than this (retentionInDays); 0 or no retentionInDays (never expire) always passes. Not set (the default): not checked.",
        }),
    },
    run: ({ subject, setting }, { minimumRetentionDays: minimum }) => {
        const days = setting("retentionInDays");
        if (minimum === undefined || days === undefined || days === 0) {
            return [];
        }
        if (days === UNKNOWN) {
            return [
                unverifiable(
                    ID,
                    `the retentionInDays of ${subject} is unknown at preview: whether it keeps its logs at least ${minimum} days (minimumRetentionDays) cannot be verified yet.`,
                ),
            ];
        }
        if (typeof days === "number" && days >= minimum) {
            return [];
        }
        const enough = POSSIBLE_DAYS.find((d) => d >= minimum);
        return [
            violation(
                ID,
                `${subject} keeps its logs ${JSON.stringify(days)} days (retentionInDays): this policy's configuration asks for at least ${minimum} (minimumRetentionDays). ` +
                    `Fix: ${enough === undefined ? "" : `set retentionInDays to ${enough} or more (CloudWatch Logs accepts ${POSSIBLE_DAYS.join(", ")}), `}` +
                    `remove retentionInDays (or set it to 0) so the logs never expire, or lower minimumRetentionDays.`,
            ),
        ];
    },
});
