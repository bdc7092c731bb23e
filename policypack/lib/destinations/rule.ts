/**
 * `log-destination`: a resource that writes to CloudWatch Logs writes to a log group the stack
 * declares, with a `kmsKeyId` that passes the key rules. The rule reads the writer's facts
 * (`destinationFacts.ts`): the group each destination leads to and that group's own key findings,
 * so the key checks are the key rules' (`KEY_RULES`), not repeated here.
 */
import { OutsideStack } from "./config";
import { DestinationFacts, WriterFacts, describeGroup } from "./facts";
import { describeTarget } from "../facts/facts";
import { describeStackReference } from "../stack/publishedKeys";
import { Finding, unverifiable, violation } from "../rules/rule";
import { UNKNOWN } from "../stack/wire";

/** The rule's id, shown in its messages as `[log-destination]`. */
export const LOG_DESTINATION = "log-destination";

function where(d: DestinationFacts): string {
    return d.region === UNKNOWN || d.region === undefined ? "" : ` in ${d.region.region}`;
}

/** How to make a group outside the stack verifiable: the three ways. */
export const OUTSIDE_STACK_FIXES =
    "To make it verifiable: declare the group in this stack (an EncryptedLogGroup); " +
    "or read it here with a PublishedLogGroup (a LogGroup.get or a StackReference is not sent to policy packs at preview); " +
    "or publish its facts from the stack that owns it (export const group = logGroupFacts(logGroup, key.facts)) and read them with that PublishedLogGroup.";

function outsideStack(
    facts: WriterFacts,
    d: DestinationFacts,
    name: string,
    elsewhere: string,
    level: OutsideStack,
): Finding {
    const message =
        `${facts.subject} writes its ${d.destination.logs} to the log group "${name}"${where(d)}, which this stack does not declare${elsewhere} ` +
        `and ${facts.row.serviceName} does not create (it must already exist, managed by another stack or account): ` +
        `whether it has a usable KMS key cannot be verified yet. ${OUTSIDE_STACK_FIXES}`;
    return level === "mandatory"
        ? violation(
              LOG_DESTINATION,
              `${message} (Refused because outsideStack is "mandatory" in this policy's configuration.)`,
          )
        : unverifiable(LOG_DESTINATION, message);
}

function unmatched(facts: WriterFacts, d: DestinationFacts, level: OutsideStack): Finding[] {
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
    if (m.kind === "created" || m.kind === "unencrypted") {
        return [
            violation(
                LOG_DESTINATION,
                `${subject} writes its ${logs} to a log group that ${row.serviceName} creates itself, with no KMS key, when it first writes: ${m.reason}. Fix: ${row.fix}.`,
            ),
        ];
    }
    if (m.kind !== "undeclared") {
        return [];
    }
    const elsewhere =
        m.elsewhere.length > 0
            ? ` (a log group of that name is declared in ${m.elsewhere.join(", ")}, not in ${m.region})`
            : "";
    if (!d.destination.serviceCreatesGroup) {
        return [outsideStack(facts, d, m.name, elsewhere, level)];
    }
    return [
        violation(
            LOG_DESTINATION,
            `${subject} writes its ${logs} to the log group "${m.name}"${where(d)}, which this stack does not declare${elsewhere}: ` +
                `${row.serviceName} creates it itself, with no KMS key, when it first writes ` +
                `(and a later attempt to declare it fails with ResourceAlreadyExistsException). Fix: ${row.fix}.`,
        ),
    ];
}

function judge(facts: WriterFacts, d: DestinationFacts, level: OutsideStack): Finding[] {
    const { subject } = facts;
    const logs = d.destination.logs;
    const m = d.match;
    if (m.kind !== "declared" && m.kind !== "published") {
        return unmatched(facts, d, level);
    }
    const group =
        m.kind === "declared"
            ? describeGroup(m.group)
            : `${describeTarget(m.resource)}, published by ${describeStackReference(m.published.carrier)} at ${m.published.path}`;
    const via = m.kind === "declared" ? ` (found through ${m.via})` : "";
    const judgement = d.judgement!;
    if (judgement.facts.resolution.kind === "none") {
        return [
            violation(
                LOG_DESTINATION,
                `${subject} writes its ${logs} to ${group}${via}, which has no kmsKeyId: ` +
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
                `${subject} writes its ${logs} to ${group}${via}, whose KMS key fails ${failed.join(", ")} ` +
                    (m.kind === "declared"
                        ? `(see that log group's log-encryption-key-usable findings). Fix: fix that log group's key.`
                        : `(${judgement.findings
                              .filter((f) => f.outcome === "violation")
                              .map((f) => `[${f.rule}] ${f.message}`)
                              .join(" ")}). Fix: fix that key in the stack that owns the group.`),
            ),
        ];
    }
    const unsure = judgement.findings.filter((f) => f.outcome === "unverifiable");
    if (m.kind === "published" && unsure.length > 0) {
        return [
            unverifiable(
                LOG_DESTINATION,
                `${subject} writes its ${logs} to ${group}, whose KMS key cannot be verified yet: ${unsure.map((f) => `[${f.rule}] ${f.message}`).join(" ")}`,
            ),
        ];
    }
    return [];
}

/**
 * Judges one writer: a violation for each destination whose group the service would create (not
 * declared, or no declared group can be it), has no key, or has a key the key rules refuse;
 * "cannot verify yet" when the group cannot be identified yet, is outside the stack (refused when
 * `outsideStackLevel` is `mandatory`), or whether the resource logs is not known. Pure; never throws.
 */
export function logDestinationFindings(
    facts: WriterFacts,
    outsideStackLevel: OutsideStack = "advisory",
): readonly Finding[] {
    if (facts.logs.kind === "unknown" && facts.destinations.length === 0) {
        return [
            unverifiable(
                LOG_DESTINATION,
                `${facts.subject}: whether or where it writes logs to CloudWatch Logs is not known yet: ${facts.logs.reason}.`,
            ),
        ];
    }
    return facts.destinations.flatMap((d) => judge(facts, d, outsideStackLevel));
}
