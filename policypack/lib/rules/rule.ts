/**
 * What a rule is: one check, declared once in its own file. A rule says what it judges (its
 * subject: a key target's facts, a log group's), its id and label, the options it takes (each a
 * property of its policy's configuration, with its JSON schema, default and doc) and a pure `run`.
 * A rule passes (no findings), finds a violation, or says what cannot be verified yet and why.
 * Rules never read the stack, the raw properties or the environment: everything they judge is in
 * the facts. A policy declares its rule set; its configuration schema, defaults, refusals of
 * unknown properties, exemptible check names and docs rows derive from it (`options.ts`).
 */
import type { PolicyConfigSchema } from "@pulumi/policy";
import type { TargetFacts } from "../facts/facts";
import type { LogGroupFacts } from "../facts/logGroup";

/** What each subject a rule may judge gives the rule: its facts record. */
export interface SubjectFacts {
    /** A log group's, anomaly detector's, trail's or event data store's key (`facts/facts.ts`). */
    readonly "key target": TargetFacts;
    /** A log group's own settings (`facts/logGroup.ts`). */
    readonly "log group": LogGroupFacts;
}

/** The subjects rules judge. */
export type Subject = keyof SubjectFacts;

/** The JSON schema of one property of a policy's configuration, as `configSchema` declares it. */
export type OptionSchema = PolicyConfigSchema["properties"][string];

/** One option of a rule: a property of its policy's configuration, declared once, here. */
export interface RuleOption<T> {
    /** What `@pulumi/policy` validates the value with: type, bounds, `default` (if any) and `description` (the doc). */
    readonly schema: OptionSchema;
    /** The value when the configuration does not set it, or sets something malformed. */
    readonly default: T;
    /** The value from what the configuration holds (`undefined`: not set). Never throws. */
    read(raw: unknown): T;
}

/** The values of the options of a policy's rules, by property name. */
export type RuleOptions = Readonly<Record<string, unknown>>;

/** A rule's option declarations, one per property of its options' values. */
export type RuleOptionDeclarations<O extends RuleOptions> = {
    readonly [K in keyof O]: RuleOption<O[K]>;
};

/** One finding of a rule: a violation, or something that cannot be verified yet. */
export interface Finding {
    /** The id of the rule that found it, e.g. `key-policy` (messages show it as `[key-policy]`). */
    readonly rule: string;
    readonly outcome: "violation" | "unverifiable";
    readonly message: string;
}

/** A rule: one file under `rules/`, listed once in its policy's rule set (`rules/index.ts`). */
export interface Rule<S extends Subject = Subject, O extends RuleOptions = RuleOptions> {
    /** What it judges. */
    readonly subject: S;
    /** Kebab-case id, shown in every message as `[id]`, and the check an exemption names. */
    readonly id: string;
    /** What an advisory names when this rule could not verify a target ("key spec"). */
    readonly label: string;
    /** What a passing subject does, naming the options that turn it on, for its policy's description. @default its label */
    readonly requirement?: string;
    /** The configuration properties it reads. @default none */
    readonly options?: RuleOptionDeclarations<O>;
    /** Judges one subject. Pure: same facts and options, same findings; never throws. */
    run(facts: SubjectFacts[S], options: O): readonly Finding[];
}

/** `declaration`, typed: its options' values are inferred from their declarations. */
export function rule<S extends Subject, O extends RuleOptions = Record<never, never>>(
    declaration: Rule<S, O>,
): Rule<S, O> {
    return declaration;
}

/** A true/false option: anything but a boolean reads as `default`. */
export function booleanOption(d: {
    readonly default: boolean;
    readonly description: string;
}): RuleOption<boolean> {
    return {
        schema: { type: "boolean", default: d.default, description: d.description },
        default: d.default,
        read: (raw) => (typeof raw === "boolean" ? raw : d.default),
    };
}

/** An opt-in whole number of at least `minimum`: off (`undefined`) unless set to one. */
export function optInIntegerOption(d: {
    readonly minimum: number;
    readonly description: string;
}): RuleOption<number | undefined> {
    return {
        schema: { type: "integer", minimum: d.minimum, description: d.description },
        default: undefined,
        read: (raw) =>
            Number.isInteger(raw) && (raw as number) >= d.minimum ? (raw as number) : undefined,
    };
}

/** A violation of `rule`. */
export function violation(rule: string, message: string): Finding {
    return { rule, outcome: "violation", message };
}

/** Something `rule` cannot verify yet, and why. */
export function unverifiable(rule: string, message: string): Finding {
    return { rule, outcome: "unverifiable", message };
}
