/**
 * The pack after deploy, not only at preview: during `pulumi up` every output the provider
 * computes is known (key ARNs, a detector's service-assigned ARN, a trail's bucket), and the pack
 * judges the same key policies again with them. A policy the components write must pass both
 * times: the quick start once passed its preview and failed its own pack on `up`, because with
 * the detector's ARN known the pack built its "another account's detector" request from that
 * (this account's) ARN.
 *
 * 1. Every example (and the root quick start) through `checkProgram` from the shipped `testing`
 *    export, with `dryRun: true` (preview) and `dryRun: false` (outputs known): 0 mandatory
 *    violations, and exactly the diagnostics each is there to show.
 * 2. A property: for random component arguments (log groups with their own or a shared key,
 *    detectors, trails with and without CloudWatch Logs delivery, event data stores, key admins,
 *    readers, regions of three partitions, accounts), what the components write passes the pack
 *    at preview and after deploy with no diagnostic at all.
 */
import * as assert from "node:assert/strict";
import * as path from "node:path";
import fc from "fast-check";
import { CheckResult, checkProgram, formatDiagnostics } from "pulumi-aws-encrypted-logs/testing";
import {
    EncryptedAnomalyDetector,
    EncryptedEventDataStore,
    EncryptedLogGroup,
    EncryptedTrail,
    LogsKey,
} from "../components";
import { RETENTION_DAYS } from "../components/common/validation";
import { previewProgram } from "../harness/preview";

const root = path.resolve(__dirname, "..", "..");
const examples = path.join(root, "examples");
const BYO_KEY = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
const MODES = [
    { dryRun: true, when: "at preview" },
    { dryRun: false, when: "after deploy (every output known)" },
] as const;

function verdicts(result: CheckResult): string[] {
    return result.diagnostics.map(
        (d) => `${d.enforcementLevel} ${d.policyName} ${d.urn.split("::").pop()}`,
    );
}

describe("after deploy: every example passes its own pack at preview and during `pulumi up`", function () {
    this.timeout(120_000);

    /** The platform stack's outputs after its deploy, as app-on-platform-keys reads them. */
    let platform: Record<string, unknown>;
    before(async () => {
        const engine = await previewProgram(path.join(examples, "platform-keys"), {
            preview: false,
            project: "platform-keys",
            stack: "prod",
        });
        platform = engine.stackExports();
    });

    const cases: {
        program: string;
        resources: number;
        options?: () => Parameters<typeof checkProgram>[1];
        expected?: string[];
    }[] = [
        { program: ".", resources: 18 },
        { program: "examples/complete", resources: 18 },
        { program: "examples/shared-key", resources: 11 },
        { program: "examples/multi-region", resources: 10 },
        { program: "examples/cloudtrail", resources: 17 },
        { program: "examples/serverless", resources: 31 },
        { program: "examples/platform-keys", resources: 8 },
        {
            program: "examples/rekey",
            resources: 9,
            options: () => ({ config: { "encrypted-logs-rekey:previousKeyArn": BYO_KEY } }),
        },
        {
            // A key from configuration: its form and region are judged, the rest cannot be.
            program: "examples/byo-key",
            resources: 4,
            options: () => ({ config: { "encrypted-logs-byo-key:kmsKeyArn": BYO_KEY } }),
            expected: ["advisory log-encryption-unverified audit"],
        },
        {
            program: "examples/app-on-platform-keys",
            // No StackReference: a preview sends the pack no read; the PublishedKeys carry the facts.
            resources: 7,
            options: () => ({ stackOutputs: { "acme/platform-keys/prod": platform } }),
        },
    ];
    for (const c of cases) {
        for (const mode of MODES) {
            it(`${c.program === "." ? "the quick start (root Pulumi.yaml)" : c.program}: ${mode.when}`, async () => {
                const result = await checkProgram(path.join(root, c.program), {
                    dryRun: mode.dryRun,
                    ...(c.options?.() ?? {}),
                });
                assert.equal(result.resources.length, c.resources);
                assert.deepEqual(result.mandatory, [], formatDiagnostics(result.diagnostics));
                assert.deepEqual(verdicts(result), c.expected ?? []);
            });
        }
    }

    it("the quick start's detector: the key policy is the documented one, and its ARN is known after deploy", async () => {
        const result = await checkProgram(root, { dryRun: false });
        const detector = result.resources.find(
            (r) => r.type === "aws:cloudwatch/logAnomalyDetector:LogAnomalyDetector",
        );
        assert.ok(detector);
        assert.match(
            String(detector.outputs?.arn),
            /^arn:aws:logs:us-east-1:111122223333:anomaly-detector:/,
        );
        const key = result.resources.find((r) => r.name === "app-anomalies-key");
        assert.ok(key);
        const statements = JSON.parse(String(key.inputs.policy)).Statement as {
            Condition?: Record<string, Record<string, string>>;
        }[];
        assert.deepEqual(
            statements.flatMap((s) => Object.entries(s.Condition ?? {})),
            [
                [
                    "ArnLike",
                    {
                        "kms:EncryptionContext:aws:logs:arn":
                            "arn:aws:logs:us-east-1:111122223333:anomaly-detector:*",
                    },
                ],
                [
                    "ArnLike",
                    {
                        "kms:EncryptionContext:aws-crypto-ec:aws:logs:arn":
                            "arn:aws:logs:us-east-1:111122223333:anomaly-detector:*",
                    },
                ],
            ],
        );
    });
});

const RUNS = Math.max(6, Math.floor(Number(process.env.FAST_CHECK_RUNS ?? 150) / 10));
const REGIONS = [
    "us-east-1",
    "eu-west-1",
    "ap-southeast-2",
    "sa-east-1",
    "cn-north-1",
    "cn-northwest-1",
    "us-gov-west-1",
];
/** A name every service here accepts (trails: 3 to 128 characters, no two separators together). */
const word = fc
    .array(fc.stringMatching(/^[a-z][a-z0-9]{2,7}$/), { minLength: 1, maxLength: 2 })
    .map((parts) => parts.join("-"));

/** What a generated stack holds. */
interface Plan {
    region: string;
    accountId: string;
    groups: { name: string; retention: number; shared: boolean }[];
    sharedKey: "none" | "named" | "accountWide";
    detectors: { name: string; shared: boolean }[];
    trail?: { name: string; cloudWatchLogs: boolean; readers: string[] };
    store?: { name: string; readers: string[] };
    admins?: string[];
}

const plan: fc.Arbitrary<Plan> = fc
    .record({
        region: fc.constantFrom(...REGIONS),
        accountId: fc.stringMatching(/^[1-9]\d{11}$/),
        groups: fc.uniqueArray(
            fc.record({
                name: fc
                    .array(word, { minLength: 1, maxLength: 3 })
                    .map((parts) => `/${parts.join("/")}`),
                retention: fc.constantFrom(...RETENTION_DAYS),
                shared: fc.boolean(),
            }),
            { minLength: 1, maxLength: 3, selector: (g) => g.name },
        ),
        sharedKey: fc.constantFrom("none", "named", "accountWide"),
        detectors: fc.uniqueArray(fc.record({ name: word, shared: fc.boolean() }), {
            maxLength: 2,
            selector: (d) => d.name,
        }),
        trail: fc.option(
            fc.record({
                name: word,
                cloudWatchLogs: fc.boolean(),
                readers: fc.array(word, { maxLength: 2 }),
            }),
            { nil: undefined },
        ),
        store: fc.option(fc.record({ name: word, readers: fc.array(word, { maxLength: 2 }) }), {
            nil: undefined,
        }),
        admins: fc.option(fc.array(word, { maxLength: 2 }), { nil: undefined }),
    })
    .map((p) => p as Plan);

function partitionOf(region: string): string {
    return region.startsWith("cn-")
        ? "aws-cn"
        : region.startsWith("us-gov-")
          ? "aws-us-gov"
          : "aws";
}

/** The program a plan describes, built only from the components. */
function program(p: Plan): () => void {
    const partition = partitionOf(p.region);
    const role = (n: string) => `arn:${partition}:iam::${p.accountId}:role/${n}`;
    // Explicit admins must include the deployer (the components refuse to lock it out).
    const admins =
        p.admins === undefined
            ? undefined
            : [`arn:${partition}:iam::${p.accountId}:user/deployer`, ...p.admins.map(role)];
    return () => {
        const shared =
            p.sharedKey === "none"
                ? undefined
                : new LogsKey("shared", {
                      ...(p.sharedKey === "accountWide"
                          ? { accountWide: true }
                          : { logGroupNames: p.groups.filter((g) => g.shared).map((g) => g.name) }),
                      anomalyDetectors: true,
                      adminArns: admins,
                  });
        const groups = p.groups.map(
            (g, i) =>
                new EncryptedLogGroup(`group-${i}`, {
                    logGroupName: g.name,
                    retentionInDays: g.retention,
                    keyAdminArns: admins,
                    ...(g.shared && shared ? { kmsKeyArn: shared.arn } : {}),
                }),
        );
        p.detectors.forEach(
            (d, i) =>
                new EncryptedAnomalyDetector(`detector-${i}`, {
                    logGroupArn: groups[i % groups.length].arn,
                    detectorName: d.name,
                    keyAdminArns: admins,
                    ...(d.shared && shared ? { kmsKeyArn: shared.arn } : {}),
                }),
        );
        if (p.trail) {
            new EncryptedTrail("trail", {
                trailName: p.trail.name,
                cloudWatchLogs: p.trail.cloudWatchLogs,
                decryptPrincipalArns: p.trail.readers.map(role),
                keyAdminArns: admins,
            });
        }
        if (p.store) {
            new EncryptedEventDataStore("store", {
                eventDataStoreName: p.store.name,
                queryPrincipalArns: p.store.readers.map(role),
                keyAdminArns: admins,
            });
        }
    };
}

describe("property: what the components write passes the pack at preview and after deploy", function () {
    this.timeout(300_000);

    it(`groups, detectors, trails, event data stores, admins, regions, partitions: ${RUNS} stacks × 2`, async () => {
        await fc.assert(
            fc.asyncProperty(plan, async (p) => {
                for (const mode of MODES) {
                    const result = await checkProgram(program(p), {
                        dryRun: mode.dryRun,
                        region: p.region,
                        accountId: p.accountId,
                    });
                    const targets = result.resources.filter((r) =>
                        [
                            "aws:cloudwatch/logGroup:LogGroup",
                            "aws:cloudwatch/logAnomalyDetector:LogAnomalyDetector",
                            "aws:cloudtrail/trail:Trail",
                            "aws:cloudtrail/eventDataStore:EventDataStore",
                        ].includes(r.type),
                    );
                    assert.equal(
                        targets.length,
                        p.groups.length +
                            p.detectors.length +
                            (p.trail ? 1 + (p.trail.cloudWatchLogs ? 1 : 0) : 0) +
                            (p.store ? 1 : 0),
                        "every target the plan describes was registered",
                    );
                    assert.deepEqual(
                        result.diagnostics,
                        [],
                        `${mode.when}: ${JSON.stringify(p)}\n${formatDiagnostics(result.diagnostics)}`,
                    );
                }
            }),
            { numRuns: RUNS },
        );
    });
});
