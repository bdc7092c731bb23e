/**
 * `log-destination`: a resource that writes to CloudWatch Logs writes to a log group the stack
 * declares, with a `kmsKeyId` that passes the key rules. The rule reads the writer's facts
 * (`destinationFacts.ts`): the group each destination leads to and that group's own key findings,
 * so the key checks are the key rules' (`KEY_RULES`), not repeated here.
 */
import { DestinationFacts, WriterFacts, describeGroup } from "../destinationFacts";
import { Finding, unverifiable, violation } from "../rule";
import { UNKNOWN } from "../wire";

/** The rule's id, shown in its messages as `[log-destination]`. */
export const LOG_DESTINATION = "log-destination";

function where(d: DestinationFacts): string {
    return d.region === UNKNOWN || d.region === undefined ? "" : ` in ${d.region.region}`;
}

function judge(facts: WriterFacts, d: DestinationFacts): Finding[] {
    const { subject, row } = facts;
    const logs = d.destination.logs;
    const m = d.match;
    if (m.kind === "unresolved") {
        return [
            unverifiable(
                LOG_DESTINATION,
                `${subject} writes its ${logs} to a log group that cannot be identified yet: ${m.reason}. ` +
                    `It is checked once that is known (e.g. the next preview after deploying); ` +
                    `naming the group with an EncryptedLogGroup's name or arn lets it be checked now.`,
            ),
        ];
    }
    if (m.kind === "undeclared") {
        const elsewhere =
            m.elsewhere.length > 0
                ? ` (a log group of that name is declared in ${m.elsewhere.join(", ")}, not in ${m.region})`
                : "";
        const consequence = d.destination.serviceCreatesGroup
            ? `${row.serviceName} creates it itself, with no KMS key, when it first writes ` +
              `(and a later attempt to declare it fails with ResourceAlreadyExistsException)`
            : `the group must already exist elsewhere, and nothing here shows that it has a KMS key`;
        return [
            violation(
                LOG_DESTINATION,
                `${subject} writes its ${logs} to the log group "${m.name}"${where(d)}, which this stack does not declare${elsewhere}: ` +
                    `${consequence}. Fix: ${row.fix}` +
                    (d.destination.serviceCreatesGroup
                        ? "."
                        : `, or exempt this resource in this policy's configuration if the group is managed elsewhere.`),
            ),
        ];
    }
    const group = describeGroup(m.group);
    const judgement = d.judgement!;
    if (judgement.facts.resolution.kind === "none") {
        return [
            violation(
                LOG_DESTINATION,
                `${subject} writes its ${logs} to ${group} (found through ${m.via}), which has no kmsKeyId: ` +
                    `its events are encrypted with an AWS-owned key. Fix: give that log group a kmsKeyId ` +
                    `(an EncryptedLogGroup creates the key and its policy).`,
            ),
        ];
    }
    const failed = [
        ...new Set(
            judgement.findings.filter((f) => f.outcome === "violation").map((f) => `[${f.rule}]`),
        ),
    ];
    if (failed.length > 0) {
        return [
            violation(
                LOG_DESTINATION,
                `${subject} writes its ${logs} to ${group} (found through ${m.via}), whose KMS key fails ${failed.join(", ")} ` +
                    `(see that log group's log-encryption-key-usable findings). Fix: fix that log group's key.`,
            ),
        ];
    }
    return [];
}

/**
 * Judges one writer: a violation for each destination whose group is not declared, has no key, or
 * has a key the key rules refuse; "cannot verify yet" when the group cannot be identified yet or
 * whether the resource logs is not known. Pure; never throws.
 */
export function logDestinationFindings(facts: WriterFacts): readonly Finding[] {
    if (facts.logs.kind === "unknown" && facts.destinations.length === 0) {
        return [
            unverifiable(
                LOG_DESTINATION,
                `${facts.subject}: whether or where it writes logs to CloudWatch Logs is not known yet: ${facts.logs.reason}.`,
            ),
        ];
    }
    return facts.destinations.flatMap((d) => judge(facts, d));
}
