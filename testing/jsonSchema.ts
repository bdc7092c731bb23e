/**
 * The part of JSON Schema (draft 4) the pack's `configSchema`s use, validated with the error text
 * of gojsonschema (github.com/xeipuuv/gojsonschema, `locales.go`), which the Pulumi CLI validates
 * policy configuration with, each error as `<field>: <description>` with the root's `(root): `
 * prefix trimmed (pkg/resource/analyzer/config.go `validatePolicyConfig`):
 *
 *     InvalidType                  "Invalid type. Expected: {{.expected}}, given: {{.given}}"
 *     Required                     "{{.property}} is required"
 *     AdditionalPropertyNotAllowed "Additional property {{.property}} is not allowed"
 *     Enum                         "{{.field}} must be one of the following: {{.allowed}}"
 *     ArrayMinItems                "Array must have at least {{.min}} items"
 *     StringGTE                    "String length must be greater than or equal to {{.min}}"
 *     DoesNotMatchPattern          "Does not match pattern '{{.pattern}}'"
 *
 * Fields are dotted paths from the root (`exemptions.0.reason`). A keyword the pack does not use
 * is not checked.
 */

/** A schema node, as far as the pack's schemas go. */
export interface SchemaNode {
    readonly type?: string;
    readonly properties?: Record<string, SchemaNode>;
    readonly required?: readonly string[];
    readonly additionalProperties?: boolean;
    readonly items?: SchemaNode;
    readonly enum?: readonly unknown[];
    readonly minItems?: number;
    readonly minLength?: number;
    readonly pattern?: string;
}

/** The JSON type gojsonschema names for a value (a whole number is "integer"). */
function typeOf(v: unknown): string {
    if (v === null) {
        return "null";
    }
    if (Array.isArray(v)) {
        return "array";
    }
    if (typeof v === "number") {
        return Number.isInteger(v) ? "integer" : "number";
    }
    return typeof v;
}

function typeMatches(expected: string, given: string): boolean {
    return expected === given || (expected === "number" && given === "integer");
}

/** The errors of `value` against `schema`, in gojsonschema's order and words. */
export function validateSchema(schema: SchemaNode, value: unknown, field = "(root)"): string[] {
    const at = (m: string) => (field === "(root)" ? m : `${field}: ${m}`);
    const child = (k: string | number) => (field === "(root)" ? `${k}` : `${field}.${k}`);
    const given = typeOf(value);
    if (schema.type !== undefined && !typeMatches(schema.type, given)) {
        return [at(`Invalid type. Expected: ${schema.type}, given: ${given}`)];
    }
    const errors: string[] = [];
    if (
        schema.enum !== undefined &&
        !schema.enum.some((e) => JSON.stringify(e) === JSON.stringify(value))
    ) {
        const allowed = schema.enum.map((e) => JSON.stringify(e)).join(", ");
        errors.push(at(`${field} must be one of the following: ${allowed}`));
    }
    if (given === "string") {
        const s = value as string;
        if (schema.minLength !== undefined && [...s].length < schema.minLength) {
            errors.push(at(`String length must be greater than or equal to ${schema.minLength}`));
        }
        if (schema.pattern !== undefined && !new RegExp(schema.pattern).test(s)) {
            errors.push(at(`Does not match pattern '${schema.pattern}'`));
        }
    }
    if (given === "array") {
        const a = value as unknown[];
        if (schema.minItems !== undefined && a.length < schema.minItems) {
            errors.push(at(`Array must have at least ${schema.minItems} items`));
        }
        if (schema.items !== undefined) {
            a.forEach((v, i) => errors.push(...validateSchema(schema.items!, v, child(i))));
        }
    }
    if (given === "object") {
        errors.push(...objectErrors(schema, value as Record<string, unknown>, at, child));
    }
    return errors;
}

function objectErrors(
    schema: SchemaNode,
    o: Record<string, unknown>,
    at: (m: string) => string,
    child: (k: string) => string,
): string[] {
    const errors: string[] = [];
    for (const r of schema.required ?? []) {
        if (!(r in o)) {
            errors.push(at(`${r} is required`));
        }
    }
    for (const [k, v] of Object.entries(o)) {
        const s = schema.properties?.[k];
        if (s !== undefined) {
            errors.push(...validateSchema(s, v, child(k)));
        } else if (schema.additionalProperties === false) {
            errors.push(at(`Additional property ${k} is not allowed`));
        }
    }
    return errors;
}
