/**
 * What `log-encryption-unverified` says of a target whose key could not be (fully) verified yet:
 * what was not checked and why, never a silent pass.
 */
import type { TargetReport } from "../lib/analysis";
import type { TargetFacts } from "../lib/facts/facts";
import type { Finding } from "../lib/rules/rule";
import { describeStackReference } from "../lib/stack/publishedKeys";
import { KEY_RULES } from "../lib/rules";

/** What the advisory says it could not check, per rule id. */
const LABELS = new Map(KEY_RULES.map((rule) => [rule.id, rule.label]));

/**
 * What the advisory says of a key that is not in this stack: a key ARN tells its region and
 * whether it is multi-Region; a trail's alias ARN only its region; an alias name or key id (which
 * CloudTrail accepts) less. What the rules could not check is named with their labels.
 */
/**
 * How to have a key of another stack judged here: publish its facts there and take the ARN from a
 * StackReference (the contract of `aws/keyFactsContract.ts`).
 */
export const FACTS_EXPORT =
    "(`export const logsKey = key.facts;` for a LogsKey or CloudTrailKey, `export const logsKey = keyFacts(key);` for any aws.kms.Key)";

/** The fix for a key ARN from a StackReference that publishes no (valid) facts for it. */
export const PUBLISH_HOW_TO = `publish the key's facts in the stack that owns it ${FACTS_EXPORT}`;

/** What a key ARN without usable published facts lacks, and how to publish them. */
function publishAdvice(r: Extract<TargetFacts["resolution"], { kind: "external" }>): string {
    const published = r.published;
    if (published === undefined) {
        return (
            `If another Pulumi stack owns the key, publish its facts there ${FACTS_EXPORT} and read them here with a PublishedKey (\`new PublishedKey("platform-key", { stackName, outputName: "logsKey" })\`, its \`arn\` as the key): the pack then judges the key here. ` +
            `Else verify that key where it is defined, or exempt this resource in this policy's configuration.`
        );
    }
    const refs = published.stackReferences.map(describeStackReference).join(", ");
    const malformed = published.malformed.map(
        (m) =>
            ` The key facts at ${m.path} of ${describeStackReference(m.stackReference)} break the contract: ${m.problems.join("; ")}.`,
    );
    return (
        `Its ARN comes from ${refs}, whose outputs hold no valid key facts for it.${malformed.join("")} ` +
        `Fix: ${PUBLISH_HOW_TO}; the pack then judges the key here.`
    );
}

function externalKeyMessage(
    facts: TargetFacts,
    r: Extract<TargetFacts["resolution"], { kind: "external" }>,
    findings: readonly Finding[],
): string {
    const reference = r.reference;
    const form = facts.keyArn?.form;
    const verify = `Verify that key where it is defined, or exempt this resource in this policy's configuration.`;
    if (form === undefined || form === "key ARN") {
        return (
            `[cannot verify yet] ${facts.subject} uses KMS key ${reference}, which is not managed in this stack: ` +
            `its key spec, key policy and rotation cannot be checked here (its ARN, region and multi-Region id were). ${publishAdvice(r)}`
        );
    }
    const open = findings
        .filter((f) => f.outcome === "unverifiable")
        .map((f) => LABELS.get(f.rule));
    return (
        `[cannot verify yet] ${facts.subject} uses the ${form} ${reference}, which CloudTrail accepts but which names no key managed in this stack: ` +
        `its ${[...new Set([...open, "key spec", "key policy", "rotation"])].join(", ")} cannot be checked here` +
        `${form === "alias ARN" ? " (its region was, from the alias ARN: an alias and its key are in the same region)" : ""}. ${verify}`
    );
}

/** What the advisory says of a target whose key could not be (fully) verified; `undefined`: nothing. */
export function keyAdvisory({ facts, findings }: TargetReport): string | undefined {
    const r = facts.resolution;
    if (r.kind === "unresolved") {
        return (
            `[cannot verify yet] ${facts.subject}: ${r.reason}, so none of the key checks could run. ` +
            `They run once the key reference is known (e.g. the next preview after deploying), ` +
            `or pass the ARN of a key defined in this stack.`
        );
    }
    if (r.kind === "external") {
        // A reference that is not a key ARN at all is the usable policy's violation alone.
        return findings.some((f) => f.rule === "key-arn")
            ? undefined
            : externalKeyMessage(facts, r, findings);
    }
    if (r.kind === "stack-key" || r.kind === "published-key") {
        const open = findings.filter((f) => f.outcome === "unverifiable");
        if (open.length > 0) {
            const what = [...new Set(open.map((f) => LABELS.get(f.rule)))].join(", ");
            const uses =
                r.kind === "stack-key"
                    ? `KMS key "${r.key.resource.name}" (found through ${r.via})`
                    : facts.key!.description;
            return (
                `[cannot verify yet] ${facts.subject} uses ${uses}; ` +
                `not verified: ${what}, because ${open.map((f) => f.message).join("; ")}.`
            );
        }
    }
    return undefined;
}
