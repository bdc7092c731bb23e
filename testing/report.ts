/**
 * What the demo and the `check` command print about a previewed program, for a person reading
 * it: a summary line, the resource tree with the inputs a reviewer checks, each key policy and
 * bucket policy collapsed to one line per statement (Sid, principal, actions, conditions), the
 * pack's verdicts (PASS/FAIL, coloured on a terminal), and what to try next.
 */
import { DESTINATION_TYPES } from "../policypack/lib/destinations/services";
import { MockEngine, RecordedResource, isUnknownInput } from "./mockEngine";
import { StackResource } from "./resources";

/**
 * Whether to colour what goes to `stream`. `FORCE_COLOR` set to anything but `""`, `0` or `false`
 * forces colour ("when present and not an empty string ... should force the addition of ANSI
 * color", force-color.org); else `NO_COLOR` set to anything but `""` turns it off ("when present
 * and not an empty string (regardless of its value), prevents the addition of ANSI color",
 * no-color.org); else colour when the stream is a terminal that has colours
 * (`tty.WriteStream.hasColors()`, which also honours `NODE_DISABLE_COLORS` and `TERM=dumb`).
 */
export function colourEnabled(
    stream: { isTTY?: boolean; hasColors?: (env?: object) => boolean },
    env: NodeJS.ProcessEnv = process.env,
): boolean {
    const force = env.FORCE_COLOR;
    if (force !== undefined && force !== "") {
        return force !== "0" && force !== "false";
    }
    if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") {
        return false;
    }
    return stream.isTTY === true && (stream.hasColors?.(env) ?? true);
}

/** ANSI colours for the verdict words (and nothing else), or none. */
export interface Paint {
    pass(s: string): string;
    warn(s: string): string;
    fail(s: string): string;
    dim(s: string): string;
}

/** The paint for `colour` on or off. */
export function paint(colour: boolean): Paint {
    const sgr = (code: string) => (s: string) => (colour ? `\u001b[${code}m${s}\u001b[0m` : s);
    return { pass: sgr("32"), warn: sgr("33"), fail: sgr("1;31"), dim: sgr("2") };
}

const SHOWN_INPUTS: Record<string, string[]> = {
    "aws:kms/key:Key": [
        "customerMasterKeySpec",
        "keyUsage",
        "multiRegion",
        "enableKeyRotation",
        "deletionWindowInDays",
    ],
    "aws:cloudwatch/logGroup:LogGroup": [
        "name",
        "retentionInDays",
        "kmsKeyId",
        "logGroupClass",
        "skipDestroy",
    ],
    "aws:cloudwatch/logAnomalyDetector:LogAnomalyDetector": [
        "detectorName",
        "logGroupArnLists",
        "kmsKeyId",
        "evaluationFrequency",
    ],
    "aws:kms/keyPolicy:KeyPolicy": ["keyId"],
    "aws:cloudtrail/trail:Trail": [
        "name",
        "s3BucketName",
        "kmsKeyId",
        "isMultiRegionTrail",
        "enableLogFileValidation",
    ],
};

function isUnknown(value: unknown): boolean {
    return isUnknownInput(value) || (Array.isArray(value) && value.some(isUnknownInput));
}

function nameOf(engine: MockEngine, urn: string): string {
    return engine.resources.find((d) => d.urn === urn)?.name ?? urn;
}

function describeInput(engine: MockEngine, r: RecordedResource, key: string): string | undefined {
    const value = r.inputs[key];
    if (value !== undefined && !isUnknown(value)) {
        return JSON.stringify(value);
    }
    const deps = r.propertyDependencies[key] ?? [];
    if (deps.length === 0) {
        return undefined;
    }
    return `(known after deploy, from ${deps.map((urn) => nameOf(engine, urn)).join(", ")})`;
}

/** The resource tree, one line per resource, with the inputs a reviewer checks. */
export function renderTree(engine: MockEngine): string[] {
    const lines: string[] = [];
    const children = (parent: string) =>
        engine.resources.filter((r) => r.parent === parent && r.urn !== "");
    const walk = (r: RecordedResource, prefix: string, last: boolean, top: boolean) => {
        const branch = top ? "" : last ? "└─ " : "├─ ";
        lines.push(
            `${prefix}${branch}${r.type}  ${r.name}${r.retainOnDelete ? "  [retainOnDelete]" : ""}`,
        );
        const inner = top ? prefix : prefix + (last ? "   " : "│  ");
        for (const key of SHOWN_INPUTS[r.type] ?? []) {
            const text = describeInput(engine, r, key);
            if (text !== undefined) {
                lines.push(`${inner}${children(r.urn).length > 0 ? "│" : " "}    ${key}: ${text}`);
            }
        }
        const kids = children(r.urn);
        kids.forEach((k, i) => walk(k, inner, i === kids.length - 1, false));
    };
    for (const stack of engine.ofType("pulumi:pulumi:Stack")) {
        walk(stack, "", true, true);
    }
    return lines;
}

/** The resources whose `policy` input is a resource policy a reader checks. */
const POLICY_TYPES = [
    "aws:kms/key:Key",
    "aws:kms/keyPolicy:KeyPolicy",
    "aws:s3/bucketPolicy:BucketPolicy",
];

interface Statement {
    Sid?: string;
    Effect?: string;
    Principal?: unknown;
    Action?: unknown;
    NotAction?: unknown;
    Resource?: unknown;
    Condition?: Record<string, Record<string, unknown>>;
}

const list = (v: unknown): string => (Array.isArray(v) ? v.join(",") : String(v));

/** A principal in one short phrase: `AWS arn:...:root`, `Service logs.us-east-1.amazonaws.com`, `*`. */
function principalOf(p: unknown): string {
    if (p === undefined) {
        return "(no principal)";
    }
    if (typeof p === "string") {
        return p;
    }
    return Object.entries(p as Record<string, unknown>)
        .map(([kind, who]) => `${kind} ${list(who)}`)
        .join(" + ");
}

/**
 * One line per statement: `Sid: principal -> actions [on resource] [if operator key=value; ...]`,
 * `DENY` before the principal of a Deny statement.
 */
export function collapseStatements(document: string): string[] {
    const parsed = JSON.parse(document) as { Statement?: Statement | Statement[] };
    const statements = [parsed.Statement ?? []].flat();
    return statements.map((s, i) => {
        const actions = s.Action !== undefined ? list(s.Action) : `all but ${list(s.NotAction)}`;
        const resource =
            s.Resource === undefined || s.Resource === "*" ? "" : ` on ${list(s.Resource)}`;
        const conditions = Object.entries(s.Condition ?? {}).flatMap(([op, entries]) =>
            Object.entries(entries).map(([key, value]) => `${op} ${key}=${list(value)}`),
        );
        return (
            `${s.Sid ?? `#${i + 1}`}: ${s.Effect === "Deny" ? "DENY " : ""}${principalOf(s.Principal)}` +
            ` -> ${actions}${resource}${conditions.length > 0 ? ` if ${conditions.join("; ")}` : ""}`
        );
    });
}

/**
 * Each key policy and bucket policy: collapsed to its statements, or the whole JSON with `full`.
 * A policy unknown at preview (built from a bucket name the provider picks) is taken from
 * `deployed`, the same program run as after a deploy, and says so.
 */
export function renderPolicies(
    preview: MockEngine,
    deployed: MockEngine | undefined,
    full: boolean,
): string[] {
    const out: string[] = [];
    for (const type of POLICY_TYPES) {
        for (const r of preview.ofType(type)) {
            let policy: unknown = r.inputs.policy;
            let note = "";
            if (isUnknown(policy)) {
                const after = deployed?.resources.find((d) => d.urn === r.urn)?.inputs.policy;
                if (typeof after === "string") {
                    policy = after;
                    const from = (r.propertyDependencies.policy ?? []).map((u) =>
                        nameOf(preview, u),
                    );
                    note = ` (unknown at preview, from ${from.join(", ")}; as after deploy, names from the mocks)`;
                }
            }
            const kind =
                type === "aws:s3/bucketPolicy:BucketPolicy" ? "Bucket policy" : "Key policy";
            out.push("", `${kind} of ${r.type} ${r.name}${note}:`);
            if (typeof policy !== "string") {
                out.push(policy === undefined ? "  (none: the default key policy)" : "  (unknown)");
            } else if (full) {
                out.push(
                    ...JSON.stringify(JSON.parse(policy), null, 2)
                        .split("\n")
                        .map((l) => `  ${l}`),
                );
            } else {
                out.push(...collapseStatements(policy).map((l) => `  ${l}`));
            }
        }
    }
    return out;
}

/** The resources the pack judges (log groups, detectors, trails, and what writes to log groups). */
const TARGETS =
    /^(aws:cloudwatch\/(logGroup|logAnomalyDetector)|aws:cloudtrail\/(trail|eventDataStore)|aws-native:(logs:LogGroup|cloudtrail:(Trail|EventDataStore)))/;

/** Whether the pack judges resources of `type`. */
export function judged(type: string): boolean {
    return TARGETS.test(type) || Object.prototype.hasOwnProperty.call(DESTINATION_TYPES, type);
}

/** A diagnostic as the verdicts show it: the message the policy reported, without its description. */
export interface Verdict {
    readonly policyName: string;
    readonly enforcementLevel: string;
    readonly message: string;
    readonly urn: string;
}

/** A resource's verdict word: PASS (nothing reported), WARN (advisory findings only), FAIL (a mandatory one). */
function verdictOf(ds: readonly Verdict[]): "PASS" | "WARN" | "FAIL" {
    return ds.length === 0
        ? "PASS"
        : ds.some((d) => d.enforcementLevel === "mandatory")
          ? "FAIL"
          : "WARN";
}

/**
 * The pack's verdicts, one line per judged resource: `PASS` when nothing was reported on it,
 * `WARN` when only advisory findings were (a preview still passes), `FAIL` when a mandatory one
 * was; then one line per diagnostic (`level policy: message`).
 */
export function renderVerdicts(
    stack: readonly StackResource[],
    diagnostics: readonly Verdict[],
    colours: Paint = paint(false),
): string[] {
    const lines: string[] = [];
    const oneLine = (m: string) => m.split("\n").join(" ");
    for (const r of stack.filter((s) => judged(s.type))) {
        const ds = diagnostics.filter((d) => d.urn === r.urn);
        const verdict = verdictOf(ds);
        const word =
            verdict === "PASS"
                ? colours.pass(verdict)
                : verdict === "WARN"
                  ? colours.warn(verdict)
                  : colours.fail(verdict);
        lines.push(`${word}  ${r.type}  ${r.name}`);
        for (const d of ds) {
            lines.push(`      ${d.enforcementLevel} ${d.policyName}: ${oneLine(d.message)}`);
        }
    }
    const elsewhere = diagnostics.filter(
        (d) => !stack.some((r) => judged(r.type) && r.urn === d.urn),
    );
    for (const d of elsewhere) {
        lines.push(
            `      ${d.enforcementLevel} ${d.policyName} on ${d.urn || "the stack"}: ${oneLine(d.message)}`,
        );
    }
    return lines;
}

/**
 * Counts for a summary line: resources, KMS keys, PASS/FAIL (and WARN, when a resource has only
 * advisory findings), mandatory and advisory violations.
 */
export function summarise(
    stack: readonly StackResource[],
    diagnostics: readonly Verdict[],
): string {
    const resources = stack.filter((r) => !r.type.startsWith("pulumi:")).length;
    const keys = stack.filter(
        (r) => r.type === "aws:kms/key:Key" || r.type === "aws-native:kms:Key",
    ).length;
    const targets = stack.filter((r) => judged(r.type));
    const verdicts = targets.map((r) => verdictOf(diagnostics.filter((d) => d.urn === r.urn)));
    const count = (v: string) => verdicts.filter((x) => x === v).length;
    const warned = count("WARN");
    const mandatory = diagnostics.filter((d) => d.enforcementLevel === "mandatory").length;
    const advisory = diagnostics.length - mandatory;
    return (
        `${resources} resources, ${keys} KMS ${keys === 1 ? "key" : "keys"}; ` +
        `${count("PASS")} PASS, ${warned > 0 ? `${warned} WARN, ` : ""}${count("FAIL")} FAIL; ` +
        `${mandatory} mandatory, ${advisory} advisory violations`
    );
}
