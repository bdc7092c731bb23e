/**
 * A policy's configuration derived from its rules' declarations (`lib/rules/options.ts`): the
 * schema has each declared option once, then the exemptions; reading applies each option's
 * default; two different declarations of one name are refused.
 */
import * as assert from "node:assert/strict";
import { EXEMPTIONS_SCHEMA } from "../../policypack/lib/config/config";
import {
    declaredOptions,
    defaultRuleOptions,
    readRuleOptions,
    ruleConfigSchema,
} from "../../policypack/lib/rules/options";
import { Rule, booleanOption, optInIntegerOption, rule } from "../../policypack/lib/rules/rule";

const strict = booleanOption({ default: true, description: "Be strict." });
const days = optInIntegerOption({ minimum: 1, description: "At least this many days." });

function fixtureRule(id: string, options: Rule["options"]): Rule<"log group"> {
    return rule({ subject: "log group", id, label: id, options, run: () => [] });
}

const first = fixtureRule("first", { strict });
const second = fixtureRule("second", { strict, days });

describe("rules: options derived from the declarations", () => {
    it("declares each option once, in the rules' order, then the exemptions", () => {
        const schema = ruleConfigSchema([first, second]);
        assert.deepEqual(Object.keys(schema.properties), [
            "strict",
            "days",
            ...Object.keys(EXEMPTIONS_SCHEMA.properties),
        ]);
        assert.deepEqual(schema.properties.strict, {
            type: "boolean",
            default: true,
            description: "Be strict.",
        });
        assert.deepEqual(schema.properties.days, {
            type: "integer",
            minimum: 1,
            description: "At least this many days.",
        });
    });

    it("reads each option with its default for what is missing or malformed", () => {
        assert.deepEqual(defaultRuleOptions([first, second]), { strict: true, days: undefined });
        assert.deepEqual(readRuleOptions([first, second], { strict: "no", days: 30 }), {
            strict: true,
            days: 30,
        });
        assert.deepEqual(readRuleOptions([first, second], { strict: false, days: 0 }), {
            strict: false,
            days: undefined,
        });
    });

    it("refuses two different declarations of one option in a policy's rule set", () => {
        const again = fixtureRule("again", {
            strict: booleanOption({ default: false, description: "" }),
        });
        assert.throws(
            () => declaredOptions([first, again]),
            /The option strict of rule again is declared again/,
        );
    });
    it("builds a true/false option and an opt-in whole number of at least its minimum", () => {
        const flag = booleanOption({ default: false, description: "D." });
        assert.deepEqual(flag.schema, { type: "boolean", default: false, description: "D." });
        assert.equal(flag.default, false);
        assert.deepEqual([true, "true", undefined].map(flag.read), [true, false, false]);
        const count = optInIntegerOption({ minimum: 3, description: "N." });
        assert.deepEqual(count.schema, { type: "integer", minimum: 3, description: "N." });
        assert.equal(count.default, undefined);
        assert.deepEqual([3, 4, 2, 3.5, "4", undefined].map(count.read), [
            3,
            4,
            undefined,
            undefined,
            undefined,
            undefined,
        ]);
    });
});
