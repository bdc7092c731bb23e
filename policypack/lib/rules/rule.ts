/**
 * What a rule is: one check of a log group's, detector's or trail's key, written as a pure
 * function of that target's facts (`facts.ts`) and the policy's options. A rule passes (no
 * findings), finds a violation, or says what cannot be verified yet and why. Rules never read the
 * stack, the raw properties or the environment: everything they judge is in the facts.
 */
import type { TargetFacts } from "../facts/facts";

/** The options rules take, from the `log-encryption-key-usable` policy's configuration. */
export interface RuleOptions {
    /** Accept multi-Region keys (`multiRegion: true`, `mrk-` ids) for log groups and detectors. */
    readonly allowMultiRegionKeys: boolean;
    /** Accept multi-Region keys for trails (CloudTrail supports them). */
    readonly allowMultiRegionTrailKeys: boolean;
    /** Require automatic rotation on symmetric customer keys that can rotate. */
    readonly requireKeyRotation: boolean;
}

/** The options the rules run with when no policy configuration says otherwise. */
export const DEFAULT_RULE_OPTIONS: RuleOptions = {
    allowMultiRegionKeys: false,
    allowMultiRegionTrailKeys: true,
    requireKeyRotation: true,
};

/** One finding of a rule: a violation, or something that cannot be verified yet. */
export interface Finding {
    /** The id of the rule that found it, e.g. `key-policy` (messages show it as `[key-policy]`). */
    readonly rule: string;
    readonly outcome: "violation" | "unverifiable";
    readonly message: string;
}

/** A rule: one file under `rules/`, listed once in `rules/index.ts`. */
export interface Rule {
    /** Kebab-case id, shown in every message as `[id]`. */
    readonly id: string;
    /** What the advisory policy names when this rule could not verify a target ("key spec"). */
    readonly label: string;
    /** Judges one target. Pure: same facts and options, same findings; never throws. */
    run(facts: TargetFacts, options: RuleOptions): readonly Finding[];
}

/** A violation of `rule`. */
export function violation(rule: string, message: string): Finding {
    return { rule, outcome: "violation", message };
}

/** Something `rule` cannot verify yet, and why. */
export function unverifiable(rule: string, message: string): Finding {
    return { rule, outcome: "unverifiable", message };
}
