/**
 * A `--policy-pack-config` file, read and validated as the Pulumi CLI (3.248.0) reads and
 * validates it before the preview runs, with the CLI's own refusal text:
 *
 * - pkg/resource/analyzer/config.go `parsePolicyPackConfig`: an empty file is no configuration;
 *   `environments` (ESC environments) is taken out; each other entry is a string (an enforcement
 *   level) or an object (an optional `enforcementLevel` plus properties), else
 *   `parsing "<policy>": <value> is not a valid value; must be a string or object`; a level that is
 *   not one of advisory, mandatory, remediate, disabled (`apitype.EnforcementLevel.IsValid`, case
 *   sensitive) is `parsing enforcement level for "<policy>": "<level>" is not a valid enforcement
 *   level`, a level that is not a string `... <value> is not a valid enforcement level; must be a string`.
 * - `ReconcilePolicyPackConfig`: each policy's schema defaults, then `all`'s level, then each
 *   entry; then every policy's properties validated against its `configSchema` (gojsonschema),
 *   each error printed as `validating policy config: <pack> <version>  <policy>: <field>: <error>`.
 *
 * - an entry for a policy the pack does not have without a level: the CLI sends it to the pack
 *   with the empty level and fails, `invalid enforcement level ""`.
 *
 * Verified against the real CLI by tests/engine/policyPackConfig.test.ts. One difference, on
 * purpose: the CLI ignores an entry with a level for a policy the pack does not have (a misspelt
 * name then configures nothing); the check refuses it, naming the pack's policies. An old name of a
 * renamed policy (`policypack/lib/config/renamed.ts`) with a level goes through to the pack, which
 * refuses it with the new name, as in a preview.
 */
import * as fs from "node:fs";
import { quoteWithSuggestion } from "../policypack/lib/config/config";
import { renamedTo } from "../policypack/lib/config/renamed";
import type { PackConfig } from "./packRunner";
import { SchemaNode, validateSchema } from "./jsonSchema";

/** The enforcement levels the CLI accepts (`apitype.EnforcementLevel.IsValid`). */
export const ENFORCEMENT_LEVELS = ["advisory", "mandatory", "remediate", "disabled"] as const;

/** A policy as the validation needs it: its name and its configuration schema. */
export interface ConfigurablePolicy {
    readonly name: string;
    readonly configSchema?: {
        properties?: Record<string, unknown>;
        required?: string[];
    };
}

/** A configuration the CLI refuses: `lines` are what it prints (without `error: `), then the fix. */
export class PolicyConfigError extends Error {
    constructor(
        /** What is wrong, one line each: the CLI's own text first, then `allowed:` and `fix:` lines. */
        readonly lines: readonly string[],
        /** Whether `pulumi preview` refuses it too (`false`: only the check does). */
        readonly cliRefuses = true,
    ) {
        super(lines.join("\n"));
        this.name = "PolicyConfigError";
    }
}

/** Go's `%v` of a decoded JSON value, as the CLI's messages print it. */
function goValue(v: unknown): string {
    if (v === null) {
        return "<nil>";
    }
    if (Array.isArray(v)) {
        return `[${v.map(goValue).join(" ")}]`;
    }
    if (typeof v === "object") {
        const entries = Object.entries(v as object).sort(([a], [b]) => (a < b ? -1 : 1));
        return `map[${entries.map(([k, x]) => `${k}:${goValue(x)}`).join(" ")}]`;
    }
    return String(v);
}

const LEVELS_ALLOWED = `allowed: ${ENFORCEMENT_LEVELS.join(", ")} (lower case)`;

/** The enforcement level of entry `name` (`undefined`: none given), or the CLI's refusal. */
function levelOf(name: string, value: unknown): string | undefined {
    const level =
        typeof value === "string"
            ? value
            : (value as Record<string, unknown>).enforcementLevel === undefined
              ? undefined
              : (value as Record<string, unknown>).enforcementLevel;
    if (level === undefined) {
        return undefined;
    }
    const at = `parsing enforcement level for ${JSON.stringify(name)}`;
    if (typeof level !== "string") {
        throw new PolicyConfigError([
            `${at}: ${goValue(level)} is not a valid enforcement level; must be a string`,
            `${LEVELS_ALLOWED}; fix: "enforcementLevel": "mandatory" (a string)`,
        ]);
    }
    if (!(ENFORCEMENT_LEVELS as readonly string[]).includes(level)) {
        const near = ENFORCEMENT_LEVELS.find((l) => l === level.toLowerCase());
        throw new PolicyConfigError([
            `${at}: ${JSON.stringify(level)} is not a valid enforcement level`,
            `${LEVELS_ALLOWED}; fix: ${near ? `write ${JSON.stringify(near)}` : "use one of them"}`,
        ]);
    }
    return level;
}

/** The entries of a config file's text, as `parsePolicyPackConfig` reads them. */
function parseEntries(text: string, file: string): Record<string, unknown> {
    if (text.trim() === "") {
        return {};
    }
    let parsed: unknown;
    try {
        parsed = JSON.parse(text);
    } catch (e) {
        throw new PolicyConfigError([
            `${file} is not JSON: ${(e as Error).message}`,
            'fix: write a JSON object of policy name to a level or an object, e.g. {"log-encryption-key-required": "mandatory"}',
        ]);
    }
    if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
        throw new PolicyConfigError([
            `${file} holds ${goValue(parsed)}, not a JSON object`,
            'fix: write a JSON object of policy name to a level or an object, e.g. {"log-encryption-key-required": "mandatory"}',
        ]);
    }
    const { environments, ...entries } = parsed as Record<string, unknown>;
    if (environments !== undefined && !Array.isArray(environments)) {
        const type = typeof environments === "string" ? "string" : goValue(environments);
        throw new PolicyConfigError([`"environments" must be an array of strings, got ${type}`]);
    }
    return entries;
}

/** The properties the policy is configured with after the CLI's reconciliation (schema defaults, then the entry's). */
function reconciled(policy: ConfigurablePolicy, entry: unknown): Record<string, unknown> {
    const props: Record<string, unknown> = {};
    for (const [k, s] of Object.entries(policy.configSchema?.properties ?? {})) {
        if ((s as { default?: unknown }).default !== undefined) {
            props[k] = (s as { default?: unknown }).default;
        }
    }
    if (entry !== null && typeof entry === "object") {
        Object.assign(props, entry);
        delete props.enforcementLevel;
    }
    return props;
}

/** The schema gojsonschema validates a policy's properties against (`convertSchema`). */
function schemaOf(policy: ConfigurablePolicy): SchemaNode {
    const s = policy.configSchema ?? {};
    return {
        type: "object",
        ...(s.properties && Object.keys(s.properties).length > 0
            ? { properties: s.properties as Record<string, SchemaNode> }
            : {}),
        ...(s.required && s.required.length > 0 ? { required: s.required } : {}),
    };
}

/**
 * Validates the configuration `text` (of `file`) for the pack `pack` `version` with policies
 * `policies`; returns it as the pack receives it, or throws a {@link PolicyConfigError}.
 */
export function validatePolicyConfig(
    text: string,
    file: string,
    pack: { name: string; version: string; policies: readonly ConfigurablePolicy[] },
): PackConfig {
    const entries = parseEntries(text, file);
    const names = pack.policies.map((p) => p.name);
    const config: PackConfig = {};
    for (const [name, value] of Object.entries(entries)) {
        if (
            typeof value !== "string" &&
            (value === null || typeof value !== "object" || Array.isArray(value))
        ) {
            throw new PolicyConfigError([
                `parsing ${JSON.stringify(name)}: ${goValue(value)} is not a valid value; must be a string or object`,
                `allowed: a level (${ENFORCEMENT_LEVELS.join(", ")}) or an object {"enforcementLevel": ..., <the policy's properties>}`,
            ]);
        }
        const level = levelOf(name, value);
        config[name] =
            typeof value === "string"
                ? { enforcementLevel: value }
                : { ...(value as object), ...(level ? { enforcementLevel: level } : {}) };
    }
    const notInPack = Object.keys(config).filter((n) => n !== "all" && !names.includes(n));
    refuseWithoutLevel(pack.name, notInPack, config, ["all", ...names]);
    // An old name with a level reaches the pack, which refuses it with the new name, as in a preview.
    const unknown = notInPack.filter((n) => renamedTo(n) === undefined);
    if (unknown.length > 0) {
        throw new PolicyConfigError(
            [
                `${file} configures ${unknown.map(quoteWithSuggestion(["all", ...names])).join(", ")}, which the policy pack "${pack.name}" does not have (the Pulumi CLI would ignore ${unknown.length === 1 ? "it" : "them"}, configuring nothing)`,
                `allowed: all, ${names.join(", ")}; fix: correct the name`,
            ],
            false,
        );
    }
    const errors = pack.policies.flatMap((p) =>
        validateSchema(schemaOf(p), reconciled(p, config[p.name])).map((e) => `${p.name}: ${e}`),
    );
    if (errors.length > 0) {
        throw new PolicyConfigError([
            ...errors.map((e) => `validating policy config: ${pack.name} ${pack.version}  ${e}`),
            "fix: give each property the type its policy's configSchema declares (docs/policy-pack.md lists them)",
        ]);
    }
    return applyAll(config, pack.policies);
}

/**
 * The CLI's refusal of entries for policies the pack does not have that give no level: it sends
 * each configured name to the pack with its level, and an entry the pack has no default for has
 * the empty level (`analyzer.Configure`, sdk/go/common/resource/plugin/analyzer_plugin.go,
 * v3.248.0: `invalid enforcement level ""`; tests/engine/realCli.test.ts sees it).
 */
function refuseWithoutLevel(
    packName: string,
    notInPack: readonly string[],
    config: PackConfig,
    accepted: readonly string[],
): void {
    const levelless = notInPack.filter((n) => config[n].enforcementLevel === undefined);
    if (levelless.length === 0) {
        return;
    }
    throw new PolicyConfigError([
        `configuring policy pack ${JSON.stringify(packName)}: invalid enforcement level ""`,
        ...levelless.map((n) => {
            const now = renamedTo(n);
            return now === undefined
                ? `fix: ${quoteWithSuggestion(accepted)(n)} is not a policy of the pack: correct the name (allowed: ${accepted.join(", ")})`
                : `fix: "${n}" is a policy this pack no longer has, now part of "${now}": move its settings to "${now}"`;
        }),
    ]);
}

/** `all`'s level applied to every policy without a level of its own (`applyConfig`), `all` removed. */
function applyAll(config: PackConfig, policies: readonly ConfigurablePolicy[]): PackConfig {
    const { all, ...rest } = config;
    if (all?.enforcementLevel === undefined) {
        return rest;
    }
    const out: PackConfig = {};
    for (const p of policies) {
        out[p.name] = { enforcementLevel: all.enforcementLevel, ...(rest[p.name] ?? {}) };
    }
    return out;
}

/** Reads and validates the `--policy-pack-config` file `file`. */
export function readPolicyConfig(
    file: string,
    pack: { name: string; version: string; policies: readonly ConfigurablePolicy[] },
): PackConfig {
    let text: string;
    try {
        text = fs.readFileSync(file, "utf8");
    } catch (e) {
        throw new PolicyConfigError([
            `--policy-pack-config ${file}: ${(e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (e as Error).message}`,
            "fix: give the path of a JSON file of policy configuration",
        ]);
    }
    return validatePolicyConfig(text, file, pack);
}
