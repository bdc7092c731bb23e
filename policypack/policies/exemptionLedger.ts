/**
 * The exemptions each policy applied, kept for the advisory `log-encryption-exemptions`, which runs
 * last and reports every one of them, so a preview shows what was skipped and why.
 *
 * Stack policies record theirs for the AnalyzeStack request they run on (`handOver.ts`). The
 * resource policy `log-encryption-key-required` runs on the Analyze requests before it: its records
 * are kept per URN (each Analyze of a URN replaces them), forgotten when the stack resource itself
 * is analysed (the first Analyze of a preview) and taken by the next AnalyzeStack, the order in
 * which the CLI sends them in a preview and in `pulumi policy analyze`.
 */
import type { ReportViolation, StackValidationArgs } from "@pulumi/policy";
import { readExemptions } from "../lib/config/config";
import {
    Exemption,
    ExemptionStatus,
    PolicyExemptions,
    exemptionStatus,
    globToRegExp,
    readExemptionEntries,
    todayFrom,
} from "../lib/config/exemptions";
import { KEY_RULES } from "../lib/rules";
import { LOG_DESTINATION } from "../lib/destinations/rule";
import { RequestHandOver } from "./handOver";

/**
 * The checks of each policy that can be exempted one by one (`rules` of an exemption entry, or a
 * name in the `encrypted-logs:exempt` tag); a policy without any is exempted as a whole.
 */
export const POLICY_CHECKS: Readonly<Record<string, readonly string[]>> = {
    "log-encryption-key-required": ["key-required"],
    "log-encryption-key-usable": KEY_RULES.map((rule) => rule.id),
    "log-destinations-encrypted": [LOG_DESTINATION],
    "log-destinations-verifiable": [],
    "log-encryption-key-verifiable": [],
};

/** Every name an `encrypted-logs:exempt` tag may use: `all`, the policies and their checks. */
export const TAG_VOCABULARY: readonly string[] = [
    "all",
    ...Object.keys(POLICY_CHECKS),
    ...new Set(Object.values(POLICY_CHECKS).flat()),
];

/** Today's date for expiry dates: `ENCRYPTED_LOGS_TODAY` when set to a date, else the clock (UTC). */
export function today(): { readonly date: string; readonly error?: string } {
    return todayFrom(process.env, new Date());
}

/**
 * The last configuration each policy's exemptions were read from: its property values, and what
 * they gave. `@pulumi/policy`'s `getConfig()` returns a new object on every call, but with the
 * same property values (`policyPackConfig[name]`, spread), so a resource policy, called once per
 * resource, reads and compiles its exemptions once per configuration instead of once per resource.
 */
const lastRead = new Map<string, { values: readonly unknown[]; exemptions: PolicyExemptions }>();

/** The exemptions of `policy`'s configuration, read and validated (`refusals` for the invalid entries). */
export function policyExemptions(policy: string, config: unknown): PolicyExemptions {
    const values =
        config !== null && typeof config === "object" ? Object.entries(config).flat() : [config];
    const last = lastRead.get(policy);
    if (
        last !== undefined &&
        last.values.length === values.length &&
        last.values.every((v, i) => v === values[i])
    ) {
        return last.exemptions;
    }
    const exemptions = readPolicyExemptions(policy, config);
    lastRead.set(policy, { values, exemptions });
    return exemptions;
}

function readPolicyExemptions(policy: string, config: unknown): PolicyExemptions {
    const c = readExemptions(config);
    const { entries, refusals } = readExemptionEntries(
        policy,
        c.exemptions,
        POLICY_CHECKS[policy] ?? [],
    );
    return {
        policy,
        entries,
        refusals,
        exemptResourceNames: c.exemptResourceNames,
        exemptUrnPatterns: c.exemptUrnPatterns.map(globToRegExp),
        tags: c.exemptionTags,
    };
}

/** What exempts `resource` from the policy of `exemptions` on `date`. */
export function statusOf(
    exemptions: PolicyExemptions,
    resource: { readonly name: string; readonly urn: string; readonly props: unknown },
    date: string,
): ExemptionStatus {
    return exemptionStatus(
        exemptions,
        POLICY_CHECKS[exemptions.policy] ?? [],
        TAG_VOCABULARY,
        resource,
        date,
    );
}

/** An exemption applied to a resource, for the advisory. */
export interface ExemptionRecord {
    readonly urn: string;
    /** How messages name the resource: `log group "app" (aws:cloudwatch/logGroup:LogGroup)`. */
    readonly subject: string;
    readonly exemption: Exemption;
}

/** The exemptions the stack policies applied on a request, for `log-encryption-exemptions`. */
export const EXEMPTION_RECORDS = new RequestHandOver<ExemptionRecord[]>(
    "the exemptions each policy applied",
    "never show them",
);
/** The resource policy's records: URN → records. */
const ofResources = new Map<string, readonly ExemptionRecord[]>();

/** Records the exemptions a stack policy applied on this request. */
export function recordStackExemptions(
    args: StackValidationArgs,
    records: readonly ExemptionRecord[],
): void {
    const kept = EXEMPTION_RECORDS.peek(args);
    if (kept === undefined) {
        EXEMPTION_RECORDS.put(args, [...records]);
    } else {
        kept.push(...records);
    }
}

/** Records (replaces) the exemptions the resource policy applied to `urn`. */
export function recordResourceExemptions(urn: string, records: readonly ExemptionRecord[]): void {
    if (records.length === 0) {
        ofResources.delete(urn);
    } else {
        ofResources.set(urn, records);
    }
}

/** Forgets the resource policy's records (a new preview starts with the stack resource). */
export function forgetResourceExemptions(): void {
    ofResources.clear();
}

/**
 * Every exemption applied to the resources of this request, in the stack's order (per resource:
 * the resource policy's, then the stack policies' in the pack's order), taken once.
 */
export function exemptionsOfThisRequest(args: StackValidationArgs): ExemptionRecord[] {
    const byUrn = new Map<string, ExemptionRecord[]>();
    for (const record of EXEMPTION_RECORDS.take(args) ?? []) {
        const list = byUrn.get(record.urn);
        if (list === undefined) {
            byUrn.set(record.urn, [record]);
        } else {
            list.push(record);
        }
    }
    const out: ExemptionRecord[] = [];
    for (const r of args.resources) {
        out.push(...(ofResources.get(r.urn) ?? []), ...(byUrn.get(r.urn) ?? []));
    }
    ofResources.clear();
    return out;
}

/**
 * One stack policy's exemptions for one call: reads its configuration's exemptions (reporting
 * each invalid entry), judges each resource it checks, and hands what it exempted to the advisory.
 */
export class StackPolicyExemptions {
    private readonly exemptions: PolicyExemptions;
    private readonly date = today().date;
    private readonly records: ExemptionRecord[] = [];

    constructor(policy: string, config: unknown, reportViolation: ReportViolation) {
        this.exemptions = policyExemptions(policy, config);
        for (const message of this.exemptions.refusals) {
            reportViolation(message);
        }
    }

    /** What exempts `resource` (named `subject` in messages); its exemptions are recorded for the advisory. */
    judge(
        resource: { readonly name: string; readonly urn: string; readonly props: unknown },
        subject: string,
    ): ExemptionStatus {
        const status = statusOf(this.exemptions, resource, this.date);
        for (const exemption of status.active) {
            this.records.push({ urn: resource.urn, subject, exemption });
        }
        return status;
    }

    /** Hands the recorded exemptions to `log-encryption-exemptions`, which runs later on this request. */
    handOver(args: StackValidationArgs): void {
        recordStackExemptions(args, this.records);
    }
}
