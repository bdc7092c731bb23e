/**
 * The one way a resource policy of this pack runs (`stackPolicy.ts` is the same for stack
 * policies), so no resource policy can skip a step:
 *
 * 1. once per preview, on the stack resource (`pulumi:pulumi:Stack`, the first resource the
 *    engine analyses), it forgets what it kept from the last preview, refuses the properties of
 *    its configuration its schema does not declare (`[configuration]`, with "did you mean") and
 *    each invalid exemption, plus whatever else the policy refuses once per preview;
 * 2. on every other resource it judges, the resource is judged against the exemptions (what they
 *    exempt is recorded for `log-encryption-unverified`, which reports it at the AnalyzeStack that
 *    follows), and each finding not exempted is reported with the note of an exemption that matched
 *    but lapsed.
 *
 * `@pulumi/policy` calls a resource policy once per resource, and every resource policy of a pack
 * on the same deserialized properties (`deserializeOnce.ts`): a resource policy costs a preview
 * next to nothing, where each stack policy rebuilds the list of every resource (`stackPolicy.ts`).
 */
import type {
    EnforcementLevel,
    PolicyConfigSchema,
    ResourceValidationArgs,
    ResourceValidationPolicy,
} from "@pulumi/policy";
import { keptPerConfiguration, unknownConfigurationMessage } from "../lib/config/config";
import { isExemptFrom, lapsedNote } from "../lib/config/exemptions";
import {
    declarePolicyChecks,
    forgetResourceExemptions,
    policyExemptions,
    recordResourceExemptions,
    statusOf,
    today,
} from "./exemptionLedger";
import type { PolicyFinding } from "./stackPolicy";

/** The type of the stack resource, which the engine analyses first in every preview. */
const STACK_TYPE = "pulumi:pulumi:Stack";

/** What a resource policy says of one resource it judges. */
export interface JudgedResource {
    /** How messages name the resource: `log group "app" (aws:cloudwatch/logGroup:LogGroup)`. */
    readonly subject: string;
    readonly findings: readonly PolicyFinding[];
}

/** What a resource policy declares. */
export interface ResourcePolicyDeclaration<C> {
    /** kebab-case, as users configure and exempt it. */
    readonly name: string;
    readonly description: string;
    readonly enforcementLevel: EnforcementLevel;
    /** Every property the configuration accepts; any other is refused. */
    readonly configSchema: PolicyConfigSchema;
    /** The configuration with its defaults, from what `args.getConfig()` returned. */
    readonly readConfig: (raw: unknown) => C;
    /** The checks an exemption may name one by one. @default none: exempted as a whole */
    readonly checks?: readonly string[];
    /** Forgets what the policy kept from the last preview; on the stack resource, before anything else. */
    readonly startPreview?: () => void;
    /** What else the policy refuses once per preview, on the stack resource. */
    readonly refusalsOnStack?: () => readonly string[];
    /** The resource's findings, or `undefined` when the policy does not judge it. Never throws. */
    readonly judge: (args: ResourceValidationArgs, config: C) => JudgedResource | undefined;
}

/** The resource policy `spec` declares, run through the steps above. */
export function resourcePolicy<C>(spec: ResourcePolicyDeclaration<C>): ResourceValidationPolicy {
    declarePolicyChecks(spec.name, spec.checks ?? []);
    const readConfig = keptPerConfiguration(spec.readConfig);
    return {
        name: spec.name,
        description: spec.description,
        enforcementLevel: spec.enforcementLevel,
        configSchema: spec.configSchema,
        validateResource: (args, reportViolation) => {
            const raw = args.getConfig();
            if (args.type === STACK_TYPE) {
                spec.startPreview?.();
                forgetResourceExemptions();
                const refused = unknownConfigurationMessage(spec.name, raw, spec.configSchema);
                for (const message of [
                    ...(refused === undefined ? [] : [refused]),
                    ...policyExemptions(spec.name, raw).refusals,
                    ...(spec.refusalsOnStack?.() ?? []),
                ]) {
                    reportViolation(message);
                }
                return;
            }
            const judged = spec.judge(args, readConfig(raw));
            if (judged === undefined) {
                return;
            }
            const status = statusOf(policyExemptions(spec.name, raw), args, today().date);
            recordResourceExemptions(
                spec.name,
                args.urn,
                status.active.map((exemption) => ({
                    urn: args.urn,
                    subject: judged.subject,
                    exemption,
                })),
            );
            for (const f of judged.findings) {
                if (!isExemptFrom(status, f.check)) {
                    reportViolation(`${f.message}${lapsedNote(status, f.check)}`);
                }
            }
        },
    };
}
