/**
 * `npm run demo`: previews the root Pulumi.yaml program (examples/complete) offline, under the
 * mock engine, the way `pulumi preview` would run it: no AWS account and no Pulumi CLI needed.
 * Prints the resource tree, the inputs that matter, and each key's policy. Then runs the policy
 * pack over that preview (started as the CLI starts it, fed as the engine feeds it) and over a
 * deliberately broken stack, and prints the verdicts; last, a Lambda function refused because
 * Lambda would create its log group itself, then the same program fixed by encryptLambdaLogGroups().
 */
import * as path from "node:path";
import { COMMERCIAL, MockEngine, RecordedResource, isUnknownInput } from "../harness/mockEngine";
import { FixtureResource, PolicyPackHarness, PreviewResult } from "../harness/policyHarness";
import {
    brokenProgram,
    judge,
    lambdaProgram,
    previewProgram,
    rootProgram,
} from "../harness/preview";
import { DESTINATION_TYPES } from "../policypack/lib/destinations";

const root = path.resolve(__dirname, "..", "..");

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

function describeInput(engine: MockEngine, r: RecordedResource, key: string): string | undefined {
    const value = r.inputs[key];
    const unknown = isUnknownInput(value) || (Array.isArray(value) && value.some(isUnknownInput));
    if (value !== undefined && !unknown) {
        return JSON.stringify(value);
    }
    const deps = r.propertyDependencies[key] ?? [];
    if (deps.length === 0) {
        return undefined;
    }
    const names = deps.map((urn) => engine.resources.find((d) => d.urn === urn)?.name ?? urn);
    return `(known after deploy, from ${names.join(", ")})`;
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

/** The resources the pack judges (log groups, detectors, trails, and what writes to log groups). */
const TARGETS =
    /^(aws:cloudwatch\/(logGroup|logAnomalyDetector)|aws:cloudtrail\/trail|aws-native:(logs:LogGroup|cloudtrail:Trail))/;
const JUDGED = {
    test: (type: string) =>
        TARGETS.test(type) || Object.prototype.hasOwnProperty.call(DESTINATION_TYPES, type),
};

/**
 * The pack's verdicts, one line per judged resource: `PASS` when nothing was reported on it, else
 * one line per diagnostic (`[enforcement] policy: message`, the policy description left out).
 */
export function renderVerdicts(stack: readonly FixtureResource[], result: PreviewResult): string[] {
    const lines: string[] = [];
    for (const r of stack.filter((s) => JUDGED.test(s.type))) {
        const ds = result.all.filter((d) => d.urn === r.urn);
        lines.push(`${ds.length === 0 ? "PASS" : "FAIL"}  ${r.type}  ${r.name}`);
        for (const d of ds) {
            const message = d.message.split("\n").slice(1).join(" ");
            lines.push(`      ${d.enforcementLevel} ${d.policyName}: ${message}`);
        }
    }
    const elsewhere = result.all.filter(
        (d) => !stack.some((r) => JUDGED.test(r.type) && r.urn === d.urn),
    );
    for (const d of elsewhere) {
        lines.push(
            `      ${d.enforcementLevel} ${d.policyName} on ${d.urn}: ${d.message.split("\n").slice(1).join(" ")}`,
        );
    }
    return lines;
}

/** The demo's Lambda program previewed with `fixed: true`: encryptLambdaLogGroups() declares its group. */
export async function previewLambdaFixed(): Promise<MockEngine> {
    return previewProgram(lambdaProgram(), { "encrypted-logs-quickstart:fixed": "true" });
}

async function main(): Promise<void> {
    const program = rootProgram();
    const started = Date.now();
    const engine = await previewProgram(program);
    const out: string[] = [];
    out.push(
        "pulumi-aws-encrypted-logs demo: offline preview under the mock engine (no AWS account, no Pulumi CLI)",
    );
    out.push(`Program: ${path.relative(root, program)} (the root Pulumi.yaml's main)`);
    out.push(
        `Provider: partition ${COMMERCIAL.partition}, region ${COMMERCIAL.region}, account ${COMMERCIAL.accountId} (mocked); ` +
            `${engine.invokes.length} invokes; ${engine.resources.length} resources in ${Date.now() - started} ms`,
    );
    out.push("", "Resources:");
    out.push(...renderTree(engine).map((l) => `  ${l}`));
    for (const type of ["aws:kms/key:Key", "aws:kms/keyPolicy:KeyPolicy"]) {
        for (const r of engine.ofType(type)) {
            out.push("", `Key policy of ${r.type} ${r.name}:`);
            const policy =
                r.inputs.policy === undefined
                    ? "(unknown)"
                    : JSON.stringify(JSON.parse(r.inputs.policy), null, 2);
            out.push(...policy.split("\n").map((l) => `  ${l}`));
        }
    }
    const pack = await PolicyPackHarness.start();
    try {
        out.push(
            "",
            `Policy pack "encrypted-logs" (started as the Pulumi CLI starts it, port ${pack.portLine} after ${pack.startupMs.toFixed(0)} ms), over this preview:`,
        );
        const demo = await judge(pack, engine);
        out.push(...renderVerdicts(demo.stack, demo.result).map((l) => `  ${l}`));
        const broken = brokenProgram();
        out.push("", `And over a deliberately broken stack (${path.relative(root, broken)}):`);
        const bad = await judge(pack, await previewProgram(broken));
        out.push(...renderVerdicts(bad.stack, bad.result).map((l) => `  ${l}`));
        const mandatory = bad.result.all.filter((d) => d.enforcementLevel === "mandatory").length;
        out.push(
            "",
            `${mandatory} mandatory violations: a real \`pulumi preview --policy-pack ./policypack\` of that stack fails.`,
        );
        const lambda = lambdaProgram();
        out.push(
            "",
            `A Lambda function whose log group Lambda would create itself (${path.relative(root, lambda)}):`,
        );
        const refused = await judge(pack, await previewProgram(lambda));
        out.push(...renderVerdicts(refused.stack, refused.result).map((l) => `  ${l}`));
        out.push("", "The same program with encryptLambdaLogGroups() as its first line:");
        const fixed = await judge(pack, await previewLambdaFixed());
        out.push(...renderVerdicts(fixed.stack, fixed.result).map((l) => `  ${l}`));
    } finally {
        await pack.stop();
    }
    console.log(out.join("\n"));
}

if (require.main === module) {
    main().catch((e: Error) => {
        console.error(`demo failed: ${e.stack ?? e.message}`);
        process.exit(1);
    });
}
