/**
 * The exemptions each policy applied, kept for the advisory `log-encryption-unverified`, which runs
 * last and reports every one of them, so a preview shows what was skipped and why.
 *
 * Stack policies record theirs for the AnalyzeStack request they run on (`handOver.ts`). The
 * resource policies (`log-encryption-key-required`, `log-group-settings`) run on the Analyze
 * requests before it: their records are kept per URN and policy (each Analyze of a URN replaces
 * that policy's), forgotten when the stack resource itself is analysed (the first Analyze of a
 * preview) and taken by the next AnalyzeStack, the order in which the CLI sends them in a preview
 * and in `pulumi policy analyze`.
 */
import type { ReportViolation, StackValidationArgs } from "@pulumi/policy";
import { keptPerConfiguration, readExemptions } from "../lib/config/config";
import {
    Exemption,
    ExemptionStatus,
    PolicyExemptions,
    exemptionStatus,
    globToRegExp,
    readExemptionEntries,
    todayFrom,
} from "../lib/config/exemptions";
import { RequestHandOver } from "./handOver";

/**
 * The checks of each policy that can be exempted one by one (`rules` of an exemption entry, or a
 * name in the `encrypted-logs:exempt` tag), as each policy declares them when it is made (a rule
 * policy: its rules' ids; {@link declarePolicyChecks}); a policy without any is exempted as a whole.
 */
const POLICY_CHECKS = new Map<string, readonly string[]>();

/** {@link tagVocabulary}, computed once per set of declarations (it is asked for every resource). */
let vocabulary: readonly string[] | undefined;

/** Declares `policy` and the checks of it an exemption may name; called once, where the policy is made. */
export function declarePolicyChecks(policy: string, checks: readonly string[]): void {
    POLICY_CHECKS.set(policy, [...checks]);
    vocabulary = undefined;
}

/** The checks of `policy` an exemption may name, as it declared them (none when it declared none). */
export function policyChecks(policy: string): readonly string[] {
    return POLICY_CHECKS.get(policy) ?? [];
}

/** The policies that declared their checks, by name, with those checks. */
export function declaredPolicyChecks(): ReadonlyMap<string, readonly string[]> {
    return POLICY_CHECKS;
}

/** Every name an `encrypted-logs:exempt` tag may use: `all`, the policies and their checks. */
export function tagVocabulary(): readonly string[] {
    vocabulary ??= ["all", ...POLICY_CHECKS.keys(), ...new Set([...POLICY_CHECKS.values()].flat())];
    return vocabulary;
}

/** Today's date for expiry dates: `ENCRYPTED_LOGS_TODAY` when set to a date, else the clock (UTC). */
export function today(): { readonly date: string; readonly error?: string } {
    return todayFrom(process.env, new Date());
}

/** Each policy's exemptions, read once per configuration (`keptPerConfiguration`). */
const readers = new Map<string, (config: unknown) => PolicyExemptions>();

/** The exemptions of `policy`'s configuration, read and validated (`refusals` for the invalid entries). */
export function policyExemptions(policy: string, config: unknown): PolicyExemptions {
    let read = readers.get(policy);
    if (read === undefined) {
        read = keptPerConfiguration((raw) => readPolicyExemptions(policy, raw));
        readers.set(policy, read);
    }
    return read(config);
}

function readPolicyExemptions(policy: string, config: unknown): PolicyExemptions {
    const c = readExemptions(config);
    const { entries, refusals } = readExemptionEntries(policy, c.exemptions, policyChecks(policy));
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
        policyChecks(exemptions.policy),
        tagVocabulary(),
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

/** The exemptions the stack policies applied on a request, for `log-encryption-unverified`. */
export const EXEMPTION_RECORDS = new RequestHandOver<ExemptionRecord[]>(
    "the exemptions each policy applied",
    "never show them",
);
/** The resource policies' records: URN → policy → records (the policies in the order they ran). */
const ofResources = new Map<string, Map<string, readonly ExemptionRecord[]>>();

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

/** Records (replaces) the exemptions the resource policy `policy` applied to `urn`. */
export function recordResourceExemptions(
    policy: string,
    urn: string,
    records: readonly ExemptionRecord[],
): void {
    const ofUrn = ofResources.get(urn);
    if (records.length === 0) {
        ofUrn?.delete(policy);
    } else if (ofUrn === undefined) {
        ofResources.set(urn, new Map([[policy, records]]));
    } else {
        ofUrn.set(policy, records);
    }
}

/** Forgets the resource policies' records (a new preview starts with the stack resource). */
export function forgetResourceExemptions(): void {
    ofResources.clear();
}

/**
 * Every exemption applied to the resources of this request, in the stack's order (per resource:
 * the resource policies', then the stack policies', each in the pack's order), taken once.
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
        const ofUrn = ofResources.get(r.urn);
        out.push(...(ofUrn === undefined ? [] : [...ofUrn.values()].flat()));
        out.push(...(byUrn.get(r.urn) ?? []));
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

    /** Hands the recorded exemptions to `log-encryption-unverified`, which runs last on this request. */
    handOver(args: StackValidationArgs): void {
        recordStackExemptions(args, this.records);
    }
}
