/**
 * The rule sets, one per policy that runs rules, in the order their findings are reported. A new
 * rule is one file in this folder (its subject, id, label, options and `run`) and one line here:
 * its policy's configuration schema, defaults, exemptible checks and docs check derive from it.
 */
import { defaultRuleOptions } from "./options";
import { Rule, RuleOptions } from "./rule";
import { keyArnRule } from "./keyArn";
import { keyPolicyRule } from "./keyPolicy";
import { multiRegionRule } from "./multiRegion";
import { publicGrantRule } from "./publicGrant";
import { regionRule } from "./region";
import { retentionRule } from "./retention";
import { rotationRule } from "./rotation";
import { symmetricRule } from "./symmetric";

/** The rules of `log-encryption-key-usable`: the key of each log group, detector and trail. */
export const KEY_RULES: readonly Rule<"key target">[] = [
    keyArnRule,
    symmetricRule,
    regionRule,
    multiRegionRule,
    keyPolicyRule,
    publicGrantRule,
    rotationRule,
];

/**
 * The rules of `log-group-settings`: a log group's own settings. Each is opt-in: off until its
 * option is set.
 */
export const LOG_GROUP_RULES: readonly Rule<"log group">[] = [retentionRule];

/** The options {@link KEY_RULES} run with when no policy configuration says otherwise. */
export const DEFAULT_RULE_OPTIONS: RuleOptions = defaultRuleOptions(KEY_RULES);
