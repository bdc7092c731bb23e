/**
 * The in-process runner (what mutation testing uses) against the real thing: the same stacks and
 * configurations previewed through the pack as a child process over gRPC and in process must give
 * identical diagnostics, message for message, and the same analyzer info.
 */
import * as assert from "node:assert/strict";
import { syntheticStack } from "../bench/stack";
import { brokenProgram, previewProgram } from "../scripts/demo";
import { stackFromMockEngine } from "./support/fromMockEngine";
import { InProcessPack } from "./support/inProcessPack";
import {
    FixtureResource,
    PolicyPackHarness,
    PolicyPackRunner,
    PreviewResult,
    secret,
    unknown,
} from "./support/policyHarness";
import { StackBuilder, cloudTrailPolicy } from "./support/stackFixtures";

/** One stack of every kind of target and key the pack distinguishes, right and wrong. */
function mixedStack(): FixtureResource[] {
    const s = new StackBuilder();
    s.logGroup("new-key", { key: s.key("new-key-key") });
    s.logGroup("existing", { key: s.key("existing-key", { existing: true }) });
    s.logGroup("no-key", {});
    s.logGroup("empty", { key: "" });
    s.logGroup("secret", {
        key: secret("arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"),
    });
    s.logGroup("asymmetric", { key: s.key("asymmetric-key", { spec: "RSA_2048" }) });
    s.logGroup("spec-unknown", { key: s.key("spec-unknown-key", { spec: unknown() }) });
    s.logGroup("mrk", { key: s.key("mrk-key", { multiRegion: true, existing: true }) });
    s.logGroup("no-rotation", { key: s.key("no-rotation-key", { rotation: false }) });
    s.logGroup("no-policy", { key: s.key("no-policy-key", { policy: null }) });
    s.logGroup("junk-policy", { key: s.key("junk-policy-key", { policy: "{not json" }) });
    const west = s.provider("west", "eu-west-1");
    s.logGroup("other-region", { key: s.key("west-key", { provider: west }) });
    s.logGroup("alias", { key: "alias/app" });
    s.logGroup("number", { key: 42 });
    const aliased = s.key("aliased-key", { policyFor: ["/app/via-alias"] });
    s.logGroup("via-alias", { key: s.alias("app", aliased), propertyDependency: true });
    const ref = s.stackReference("security/keys/prod");
    s.logGroup("shared", { key: unknown(), keyDependsOn: [ref.urn] });
    s.nativeLogGroup("native", { key: s.key("native-key", { type: "aws-native:kms:Key" }) });
    s.detector("detector", { key: s.key("detector-key") });
    const bucket = s.bucket("trail-logs");
    s.trail("trail", bucket, { key: s.key("trail-key", { policy: cloudTrailPolicy() }) });
    s.add({
        urn: "urn:pulumi:dev::app::aws:cloudwatch/logGroup:LogGroup::orphan",
        type: "aws:cloudwatch/logGroup:LogGroup",
        name: "orphan",
        inputs: { kmsKeyId: unknown() },
        propertyDependencies: { kmsKeyId: ["urn:pulumi:dev::app::aws:kms/key:Key::missing"] },
    });
    return s.resources;
}

/** Configurations sent before a preview (`{}`: none, the policies' defaults). */
const CONFIGS: Record<string, Parameters<PolicyPackRunner["configure"]>[0]> = {
    none: {},
    "exemptions, levels, options": {
        "log-encryption-key-required": {
            enforcementLevel: "advisory",
            exemptResourceNames: ["no-key"],
        },
        "log-encryption-key-usable": {
            enforcementLevel: "remediate",
            allowMultiRegionKeys: true,
            requireKeyRotation: false,
            exemptUrnPatterns: ["*::asymmetric"],
        },
        "log-encryption-key-verifiable": { enforcementLevel: "mandatory" },
    },
    "usable disabled": {
        "log-encryption-key-usable": { enforcementLevel: "disabled" },
        "log-encryption-key-verifiable": { exemptUrnPatterns: ["*shared"] },
    },
};

function plain(r: PreviewResult): unknown {
    return { analyze: [...r.analyze.entries()], stack: r.stack };
}

describe("policy pack: in process (for mutation testing) gives what the pack gives over gRPC", function () {
    this.timeout(120_000);
    let grpcPack: PolicyPackHarness;
    const inProcess = new InProcessPack();
    before(async () => {
        grpcPack = await PolicyPackHarness.start();
    });
    after(async () => {
        await grpcPack?.stop();
    });

    it("declares the same pack: name, version, policies, levels and configuration schemas", async () => {
        const [a, b] = await Promise.all([grpcPack.info(), inProcess.info()]);
        assert.deepEqual(b.toObject(), a.toObject());
    });

    const stacks: [string, () => Promise<FixtureResource[]> | FixtureResource[]][] = [
        ["a synthetic stack of 300 resources (bench/stack.ts)", () => syntheticStack(300)],
        ["every kind of target and key, right and wrong", mixedStack],
        [
            "the demo's broken program, previewed under the mock engine",
            async () => stackFromMockEngine(await previewProgram(brokenProgram())),
        ],
    ];
    for (const [what, make] of stacks) {
        it(`previews ${what} identically, under each configuration`, async () => {
            const stack = await make();
            let diagnostics = 0;
            for (const [name, config] of Object.entries(CONFIGS)) {
                await grpcPack.configure(config);
                await inProcess.configure(config);
                const expected = await grpcPack.preview(stack);
                const actual = await inProcess.preview(stack);
                assert.deepEqual(plain(actual), plain(expected), `configuration "${name}"`);
                diagnostics += expected.all.length;
            }
            assert.ok(diagnostics > 0, "the stacks give diagnostics to compare");
        });
    }
});
