/**
 * Deployed stacks audited with `pulumi policy analyze --file <pulumi stack
 * export>`, replayed over the analyzer protocol exactly as `AnalyzeSnapshot` runs a pack
 * (harness/stateReplay.ts): Remediate then Analyze per resource with the state's inputs, then one
 * AnalyzeStack with its outputs, every value known, property dependencies from the state. Every
 * target whose key is in the state, or published by the StackReference it depends on, gets a
 * verdict, never "cannot verify yet"; the one refused makes the CLI exit with status 1.
 */
import * as assert from "node:assert/strict";
import {
    PolicyPackHarness,
    SECRET_SIG,
    SecretValue,
    usePolicyPack,
} from "../harness/policyHarness";
import {
    SnapshotAnalysis,
    StackExport,
    StateResource,
    analyzeSnapshot,
    readStackExport,
    stateResources,
} from "../harness/stateReplay";
import { STATE_FIXTURE, appStackState } from "../scripts/writeStateFixture";

const USABLE = "log-encryption-key-usable";
const ROTATION =
    '[rotation] log group "legacy" (aws:cloudwatch/logGroup:LogGroup) is encrypted with KMS key "legacy-key" (aws:kms/key:Key), whose enableKeyRotation is false: ' +
    "symmetric customer keys used for logs must rotate. Fix: set enableKeyRotation: true (a LogsKey does), or set requireKeyRotation: false in this policy's configuration.";

/** `level policy/resource (phase): message`, without the policy's description line. */
function reported(analysis: SnapshotAnalysis): string[] {
    return analysis.diagnostics.map(
        (d) =>
            `${d.enforcementLevel} ${d.policyName}/${d.urn.split("::").pop()} (${d.phase}): ${d.message.split("\n").slice(1).join("\n")}`,
    );
}

/** `state` with its resources changed by `edit`. */
function withResources(
    state: StackExport,
    edit: (resources: StateResource[]) => StateResource[],
): StackExport {
    return {
        ...state,
        deployment: {
            ...state.deployment,
            resources: edit([...(state.deployment.resources ?? [])]),
        },
    };
}

describe("pulumi policy analyze, replayed over the analyzer protocol", function () {
    this.timeout(120_000);
    const running = usePolicyPack();
    const pack = () => running() as PolicyPackHarness;
    const state = readStackExport(STATE_FIXTURE);

    it("the fixture is the state the programs leave (regenerate: node bin/scripts/writeStateFixture.js)", async () => {
        assert.deepEqual(await appStackState(), state);
        const types = stateResources(state).map((r) => r.type);
        for (const type of [
            "aws:kms/key:Key",
            "aws:kms/alias:Alias",
            "aws:cloudwatch/logGroup:LogGroup",
            "aws:cloudtrail/trail:Trail",
            "pulumi:pulumi:StackReference",
        ]) {
            assert.ok(types.includes(type), `the state has a ${type}`);
        }
    });

    it("judges every target of the state, the StackReference's published key included: only the legacy group refused, exit status 1", async () => {
        const analysis = await analyzeSnapshot(pack(), state);
        assert.deepEqual(reported(analysis), [
            `mandatory ${USABLE}/legacy (analyzeStack): ${ROTATION}`,
        ]);
        assert.equal(analysis.remediations.length, 0);
        assert.equal(analysis.hasMandatory, true);
        assert.equal(analysis.exitStatus, 1);
    });

    it("passes the state without the legacy group and key: nothing reported, exit status 0", async () => {
        const fixed = withResources(state, (rs) =>
            rs.filter((r) => !/::legacy(-key)?$/.test(r.urn)),
        );
        const analysis = await analyzeSnapshot(pack(), fixed);
        assert.deepEqual(reported(analysis), []);
        assert.equal(analysis.exitStatus, 0);
    });

    it("reads published facts that are secret outputs (a --show-secrets export holds them as plaintext)", async () => {
        const secretFacts = withResources(state, (rs) =>
            rs
                .filter((r) => !/::legacy(-key)?$/.test(r.urn))
                .map((r) => {
                    if (r.type !== "pulumi:pulumi:StackReference") {
                        return r;
                    }
                    const outputs = (r.outputs as { outputs: Record<string, unknown> }).outputs;
                    const hidden = Object.fromEntries(
                        Object.entries(outputs).map(([k, v]) => [
                            k,
                            { [SECRET_SIG.key]: SECRET_SIG.value, plaintext: JSON.stringify(v) },
                        ]),
                    );
                    return {
                        ...r,
                        outputs: {
                            ...r.outputs,
                            outputs: hidden,
                            secretOutputNames: Object.keys(hidden).sort(),
                        },
                    };
                }),
        );
        const ref = stateResources(secretFacts).find(
            (r) => r.type === "pulumi:pulumi:StackReference",
        )!;
        assert.ok(
            ((ref.outputs as { outputs: Record<string, unknown> }).outputs
                .logsKey as unknown) instanceof SecretValue,
        );
        const analysis = await analyzeSnapshot(pack(), secretFacts);
        assert.deepEqual(reported(analysis), []);
    });

    it("without the published facts, the StackReference's groups are the only ones that cannot be verified", async () => {
        const arnsOnly = withResources(state, (rs) =>
            rs.map((r) => {
                if (r.type !== "pulumi:pulumi:StackReference") {
                    return r;
                }
                const outputs = (r.outputs as { outputs: Record<string, Record<string, unknown>> })
                    .outputs;
                return {
                    ...r,
                    outputs: {
                        ...r.outputs,
                        outputs: {
                            logsKey: { arn: outputs.logsKey.arn },
                            keys: { logs: { arn: outputs.logsKey.arn } },
                        },
                    },
                };
            }),
        );
        const analysis = await analyzeSnapshot(pack(), arnsOnly);
        assert.deepEqual(
            analysis.diagnostics.map(
                (d) =>
                    `${d.enforcementLevel} ${d.urn.split("::").pop()} ${/\[[a-z -]+\]/.exec(d.message)![0]}`,
            ),
            [
                "mandatory legacy [rotation]",
                "advisory payments [cannot verify yet]",
                "advisory orders [cannot verify yet]",
            ],
        );
    });

    it("reads a state as the CLI does: deleted resources skipped, provider references to URNs, undecryptable secrets redacted", () => {
        const provider = "urn:pulumi:prod::app::pulumi:providers:aws::eu";
        const fixtures = stateResources({
            version: 3,
            deployment: {
                resources: [
                    {
                        urn: provider,
                        type: "pulumi:providers:aws",
                        custom: true,
                        id: "p1",
                        inputs: { region: "eu-west-1" },
                    },
                    {
                        urn: "urn:pulumi:prod::app::aws:cloudwatch/logGroup:LogGroup::old",
                        type: "aws:cloudwatch/logGroup:LogGroup",
                        delete: true,
                    },
                    {
                        urn: "urn:pulumi:prod::app::aws:cloudwatch/logGroup:LogGroup::g",
                        type: "aws:cloudwatch/logGroup:LogGroup",
                        provider: `${provider}::p1`,
                        inputs: {
                            kmsKeyId: { [SECRET_SIG.key]: SECRET_SIG.value, ciphertext: "AAAA" },
                        },
                    },
                ],
            },
        });
        assert.deepEqual(
            fixtures.map((r) => [r.name, r.provider]),
            [
                ["eu", undefined],
                ["g", provider],
            ],
        );
        assert.deepEqual(fixtures[1].inputs, { kmsKeyId: new SecretValue("[secret]") });
        assert.deepEqual(fixtures[1].outputs, {});
        assert.throws(
            () =>
                stateResources({
                    version: 3,
                    deployment: { resources: [{ urn: "bad", type: "x" }] },
                }),
            /the state contains a resource with an invalid URN "bad"/,
        );
    });
});
