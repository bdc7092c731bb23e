/**
 * The rules of the `log-encryption-key-usable` policy, in the order their findings are reported.
 * A new rule is one file in this folder and one line here.
 */
import { Rule } from "./rule";
import { keyArnRule } from "./keyArn";
import { keyPolicyRule } from "./keyPolicy";
import { multiRegionRule } from "./multiRegion";
import { publicGrantRule } from "./publicGrant";
import { regionRule } from "./region";
import { rotationRule } from "./rotation";
import { symmetricRule } from "./symmetric";

export const KEY_RULES: readonly Rule[] = [
    keyArnRule,
    symmetricRule,
    regionRule,
    multiRegionRule,
    keyPolicyRule,
    publicGrantRule,
    rotationRule,
];
