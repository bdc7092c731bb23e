/**
 * The one way a stack policy of this pack runs, so no policy can skip a step:
 *
 * 1. its configuration is read once (`args.getConfig()`), and properties its schema does not
 *    declare are refused with a `[configuration]` violation (with "did you mean"); a policy that
 *    must stay advisory and is configured mandatory says only that, with its fix;
 * 2. its exemptions are read from the same configuration (invalid entries refused);
 * 3. the policy yields its findings per resource; each resource is judged against the exemptions
 *    (and what they exempt is recorded), each finding not exempted is reported with the note of an
 *    exemption that matched but lapsed;
 * 4. what it exempted is handed over to `log-encryption-unverified`, which runs last;
 * 5. a policy that reports beyond its findings (that advisory: the exemptions applied) says it last.
 *
 * A policy file declares only its name, description, enforcement level, configuration schema,
 * how it reads its configuration, the checks an exemption may name and the function that yields
 * its findings (a policy that runs rules declares its rule set instead: `rulePolicy.ts`), plus what it hands
 * over to or reads from the policies after it on the same AnalyzeStack request. That last part
 * makes the pack's order a checked fact: {@link inHandOverOrder}.
 */
import type {
    EnforcementLevel,
    PolicyConfigSchema,
    StackValidationArgs,
    StackValidationPolicy,
} from "@pulumi/policy";
import { unknownConfigurationMessage } from "../lib/config/config";
import { configuredEnforcementLevel } from "../lib/config/configuredPolicies";
import { isExemptFrom, lapsedNote } from "../lib/config/exemptions";
import type { Finding } from "../lib/rules/rule";
import { EXEMPTION_RECORDS, StackPolicyExemptions, declarePolicyChecks } from "./exemptionLedger";
import type { HandOverChannel } from "./handOver";

/** A finding of a stack policy on a resource: its message, and the check an exemption may name. */
export interface PolicyFinding {
    /** The whole message (`[rotation] log group "app" ...`), without the lapsed-exemption note. */
    readonly message: string;
    /** The check exempted one by one (`rotation`); `undefined`: only an exemption from the whole policy skips it. */
    readonly check: string | undefined;
}

/** The violations among a rule's findings, each exemptible by its rule's id: `[rotation] ...`. */
export function violationsOf(findings: readonly Finding[]): PolicyFinding[] {
    return findings
        .filter((f) => f.outcome === "violation")
        .map((f) => ({ check: f.rule, message: `[${f.rule}] ${f.message}` }));
}

/** A resource a policy judges, with what it found on it (possibly nothing: its exemptions are still recorded). */
export interface Judged {
    readonly resource: { readonly name: string; readonly urn: string; readonly props: unknown };
    /** How messages name the resource: `log group "app" (aws:cloudwatch/logGroup:LogGroup)`. */
    readonly subject: string;
    readonly findings: readonly PolicyFinding[];
}

/** A message of a policy that cannot itself be exempted, on a resource (`urn`) or on the stack. */
export interface Unjudged {
    readonly message: string;
    readonly urn?: string;
}

/**
 * What a policy hands over to the policies after it on the same AnalyzeStack request, and what it
 * reads from those before it (`reads` leaves the value for later readers, `takes` does not).
 * Every policy with exemptions also gives {@link EXEMPTION_RECORDS}: the runner hands them over.
 */
export interface HandOverDeclaration {
    readonly gives?: readonly HandOverChannel[];
    readonly reads?: readonly HandOverChannel[];
    readonly takes?: readonly HandOverChannel[];
}

/** What a stack policy declares; the runner ({@link stackPolicy}) does the rest. */
export interface JudgingPolicy<C> {
    /** kebab-case, as users configure and exempt it. */
    readonly name: string;
    readonly description: string;
    readonly enforcementLevel: EnforcementLevel;
    /**
     * Set on a policy whose messages must stay advisory (they include what exemptions skipped,
     * which must never block the deployment they exempt): the fix a `[configuration]` refusal gives
     * when it is configured `mandatory` (or `remediate`). It then reports that refusal alone.
     */
    readonly advisoryOnly?: string;
    /** Every property the configuration accepts; any other is refused. */
    readonly configSchema: PolicyConfigSchema;
    /** The configuration with its defaults, from what `args.getConfig()` returned. */
    readonly readConfig: (raw: unknown) => C;
    readonly handOver?: HandOverDeclaration;
    /** The checks an exemption may name one by one (a rule policy's rule ids). @default none: exempted as a whole */
    readonly checks?: readonly string[];
    /** Each resource the policy judges, in the stack's order, with its findings. Never throws. */
    readonly judge: (args: StackValidationArgs, config: C) => Iterable<Judged>;
    /**
     * Messages nothing exempts from, reported after the policy's own exemptions are handed over
     * (the exemptions applied on this request). Never throws. @default none
     */
    readonly report?: (args: StackValidationArgs, config: C) => Iterable<Unjudged>;
}

/** The refusal of a mandatory level for a policy that must stay advisory (`undefined`: none). */
function advisoryOnlyRefusal<C>(spec: JudgingPolicy<C>): string | undefined {
    const level = configuredEnforcementLevel(spec.name);
    return spec.advisoryOnly === undefined || (level !== "mandatory" && level !== "remediate")
        ? undefined
        : `[configuration] ${spec.name} is configured ${level}, but it must stay advisory: it also reports every exemption the pack applied, ` +
              `and @pulumi/policy gives all of a policy's messages its one level, so every exemption would block the deployment it exempts. ` +
              `Its other messages were not reported. Fix: remove its enforcementLevel from the configuration (policy-config.json or pulumi policy enable --config); ${spec.advisoryOnly}`;
}

/**
 * Each stack policy's hand-over declaration, by its `validateStack`: a copy of the policy
 * (`{ ...logEncryptionKeyUsable, enforcementLevel: "advisory" }`) keeps it.
 */
const DECLARED = new WeakMap<object, Required<HandOverDeclaration>>();

/** The stack policy `spec` declares, run through the steps above. */
export function stackPolicy<C>(spec: JudgingPolicy<C>): StackValidationPolicy {
    const policy: StackValidationPolicy = {
        name: spec.name,
        description: spec.description,
        enforcementLevel: spec.enforcementLevel,
        configSchema: spec.configSchema,
        validateStack: (args, reportViolation) => {
            const mustStayAdvisory = advisoryOnlyRefusal(spec);
            if (mustStayAdvisory !== undefined) {
                reportViolation(mustStayAdvisory);
                return;
            }
            const raw = args.getConfig();
            const refused = unknownConfigurationMessage(spec.name, raw, spec.configSchema);
            if (refused !== undefined) {
                reportViolation(refused);
            }
            const config = spec.readConfig(raw);
            const exemptions = new StackPolicyExemptions(spec.name, raw, reportViolation);
            for (const { resource, subject, findings } of spec.judge(args, config)) {
                const status = exemptions.judge(resource, subject);
                for (const f of findings) {
                    if (!isExemptFrom(status, f.check)) {
                        reportViolation(`${f.message}${lapsedNote(status, f.check)}`, resource.urn);
                    }
                }
            }
            exemptions.handOver(args);
            for (const { message, urn } of spec.report?.(args, config) ?? []) {
                reportViolation(message, urn);
            }
        },
    };
    declarePolicyChecks(spec.name, spec.checks ?? []);
    const h = spec.handOver ?? {};
    DECLARED.set(policy.validateStack, {
        gives: [...(h.gives ?? []), EXEMPTION_RECORDS],
        reads: h.reads ?? [],
        takes: h.takes ?? [],
    });
    return policy;
}

/**
 * Why `policies` cannot run in this order: one sentence per policy listed before one it reads
 * from, or after one that takes what it reads. `@pulumi/policy` runs a pack's stack policies one
 * after another in list order on each AnalyzeStack request (`server.js`,
 * `makeAnalyzeStackRpcFun`), and a hand-over lives only for that request (`handOver.ts`): a
 * reader listed too early finds nothing, silently. Policies the runner did not make (resource
 * policies, your own) declare nothing and may stand anywhere.
 */
export function handOverOrderProblems(policies: readonly { readonly name: string }[]): string[] {
    const none: Required<HandOverDeclaration> = { gives: [], reads: [], takes: [] };
    const declarationOf = (p: object) =>
        "validateStack" in p && typeof p.validateStack === "function"
            ? DECLARED.get(p.validateStack)
            : undefined;
    const declared = policies.map((p) => ({ name: p.name, ...(declarationOf(p) ?? none) }));
    const problems: string[] = [];
    declared.forEach((reader, i) => {
        const later = declared.slice(i + 1);
        for (const channel of [...reader.reads, ...reader.takes]) {
            for (const giver of later.filter((p) => p.gives.includes(channel))) {
                problems.push(
                    `${reader.name} is listed before ${giver.name} but reads ${channel.what}, which ${giver.name} hands over on the same AnalyzeStack request ` +
                        `(@pulumi/policy runs a pack's stack policies one after another, in list order): it would find none and ${channel.ifMissed}. ` +
                        `Fix: list ${giver.name} before ${reader.name}.`,
                );
            }
        }
        for (const channel of reader.takes) {
            for (const other of later.filter(
                (p) => p.reads.includes(channel) || p.takes.includes(channel),
            )) {
                problems.push(
                    `${other.name} is listed after ${reader.name} but reads ${channel.what}, which ${reader.name} takes (the policies after it no longer see them): ` +
                        `it would find none and ${channel.ifMissed}. Fix: list ${other.name} before ${reader.name}.`,
                );
            }
        }
    });
    return problems;
}

/**
 * `policies`, unchanged, when every policy stands after those it reads from
 * ({@link handOverOrderProblems}); else throws, saying which and why. For the pack's list, and for
 * a pack of your own that reuses these policies.
 */
export function inHandOverOrder<P extends { readonly name: string }>(
    policies: readonly P[],
): readonly P[] {
    const problems = handOverOrderProblems(policies);
    if (problems.length > 0) {
        throw new Error(
            `The policies are not in hand-over order:\n${problems.map((p) => `- ${p}`).join("\n")}`,
        );
    }
    return policies;
}
