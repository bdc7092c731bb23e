/**
 * Policies merged under a new name (`policypack/lib/config/renamed.ts`): a configuration that
 * still names an old policy is refused on the stack, with the new name, through the analyzer
 * protocol (the names arrive in `Configure`; `@pulumi/policy` gives no policy an entry of another
 * name); an exemption tag naming one says what to write; a configuration without old names, or
 * with `all`, is not refused. The watch on `@pulumi/policy`'s protocol module is tested on its own.
 */
import * as assert from "node:assert/strict";
import * as path from "node:path";
import { PACK_DIR } from "../harness/inProcessPack";
import { usePolicyPackResetPerTest } from "../harness/policyHarness";
import { messageOf, verdicts } from "../harness/verdicts";
import { StackBuilder } from "../harness/stackFixtures";
import {
    configuredEnforcementLevel,
    configuredPolicyNames,
    noteConfiguredPolicies,
    policyProtocolModule,
    watchConfiguredPolicies,
} from "../policypack/lib/config/configuredPolicies";
import { RENAMED_POLICIES, renamedPolicyRefusals } from "../policypack/lib/config/renamed";
import { PACK_POLICIES } from "../policypack/policies";

const REQUIRED = "log-encryption-key-required";
const UNVERIFIED = "log-encryption-unverified";
const EXEMPTIONS = "log-encryption-exemptions";
const STACK = "app-dev";

/** The refusal of one old name, word for word. */
function refusal(old: string): string {
    return (
        `[configuration] the policy pack configuration names ${old}, a policy this pack no longer has: ${old} is now part of ${UNVERIFIED}, ` +
        "the pack's one advisory about what it did not check: what cannot be verified yet, for keys and log destinations alike, and every exemption applied. " +
        `Fix: move its exemptions to ${UNVERIFIED} and remove ${old} from the configuration (policy-config.json or pulumi policy enable --config); ` +
        `${UNVERIFIED} stays advisory: to refuse what cannot be verified yet, set unverified: "mandatory" on log-encryption-key-usable and log-destinations-encrypted.`
    );
}

describe("renamed policies: the table", () => {
    it("maps each old name to a policy the pack has, and no old name is a policy of the pack", () => {
        const names = PACK_POLICIES.map((p) => p.name);
        assert.deepEqual(Object.entries(RENAMED_POLICIES), [
            ["log-encryption-key-verifiable", UNVERIFIED],
            ["log-destinations-verifiable", UNVERIFIED],
            [EXEMPTIONS, UNVERIFIED],
        ]);
        for (const [old, now] of Object.entries(RENAMED_POLICIES)) {
            assert.ok(names.includes(now), now);
            assert.ok(!names.includes(old), old);
        }
    });

    it("refuses each old name among the configured ones, and nothing else", () => {
        assert.deepEqual(
            renamedPolicyRefusals([
                "all",
                "log-encryption-key-verifiable",
                "log-encryption-exemptions",
                "log-destinations-verifiable",
                "toString",
            ]),
            [
                refusal("log-destinations-verifiable"),
                refusal(EXEMPTIONS),
                refusal("log-encryption-key-verifiable"),
            ],
        );
        assert.deepEqual(renamedPolicyRefusals([]), []);
    });
});

describe("renamed policies: the watch on Configure", () => {
    // The names are the process's (as @pulumi/policy's configuration is): an in-process pack run
    // by an earlier test file may have left some.
    beforeEach(() => noteConfiguredPolicies([]));
    afterEach(() => noteConfiguredPolicies([]));

    /** A stand-in for `@pulumi/pulumi/proto/analyzer_pb` with one configuration map. */
    function protoModule(configured: string[]) {
        class ConfigureAnalyzerRequest {
            getPolicyconfigMap() {
                return new Map(configured.map((n) => [n, {}]));
            }
        }
        return { ConfigureAnalyzerRequest };
    }

    it("records the names each time @pulumi/policy reads the map, and installs one layer", () => {
        const module = protoModule(["log-encryption-key-verifiable", "all"]);
        assert.equal(
            watchConfiguredPolicies(() => module),
            true,
        );
        const wrapped = module.ConfigureAnalyzerRequest.prototype.getPolicyconfigMap;
        assert.equal(
            watchConfiguredPolicies(() => module),
            true,
        );
        assert.equal(module.ConfigureAnalyzerRequest.prototype.getPolicyconfigMap, wrapped);
        assert.deepEqual(configuredPolicyNames(), []);
        const map = new module.ConfigureAnalyzerRequest().getPolicyconfigMap();
        assert.deepEqual([...map.keys()], ["log-encryption-key-verifiable", "all"]);
        assert.deepEqual(configuredPolicyNames(), ["log-encryption-key-verifiable", "all"]);
    });

    it("watches @pulumi/policy's own protocol module, as the pack installs it", () => {
        // The pack's @pulumi/policy (this test runs outside the pack's directory).
        const module = policyProtocolModule(
            PACK_DIR,
        ) as typeof import("@pulumi/pulumi/proto/analyzer_pb");
        assert.equal(
            watchConfiguredPolicies(() => module),
            true,
        );
        const request = new module.ConfigureAnalyzerRequest();
        request
            .getPolicyconfigMap()
            .set("log-encryption-key-verifiable", new module.PolicyConfig());
        noteConfiguredPolicies([]);
        request.getPolicyconfigMap();
        assert.deepEqual(configuredPolicyNames(), ["log-encryption-key-verifiable"]);
    });

    it("keeps each name's enforcement level as the proto gives it, and none for a name not configured", () => {
        const module = policyProtocolModule(
            PACK_DIR,
        ) as typeof import("@pulumi/pulumi/proto/analyzer_pb");
        watchConfiguredPolicies(() => module);
        const request = new module.ConfigureAnalyzerRequest();
        const levels = ["advisory", "mandatory", "disabled", "remediate"] as const;
        levels.forEach((level, i) => {
            const config = new module.PolicyConfig();
            config.setEnforcementlevel(module.EnforcementLevel[level.toUpperCase() as "ADVISORY"]);
            request.getPolicyconfigMap().set(`p${i}`, config);
            assert.equal(module.EnforcementLevel[level.toUpperCase() as "ADVISORY"], i);
        });
        request.getPolicyconfigMap();
        assert.deepEqual(
            levels.map((_, i) => configuredEnforcementLevel(`p${i}`)),
            [...levels],
        );
        assert.equal(configuredEnforcementLevel("p4"), undefined);
        noteConfiguredPolicies(["named-only", ["leveled", "mandatory"]]);
        assert.deepEqual(configuredPolicyNames(), ["named-only", "leveled"]);
        assert.equal(configuredEnforcementLevel("named-only"), undefined);
        assert.equal(configuredEnforcementLevel("leveled"), "mandatory");
    });

    it("loads the protocol module of the @pulumi/policy found from the directory given, and of none elsewhere", () => {
        const policyDir = path.dirname(
            require.resolve("@pulumi/policy/package.json", { paths: [PACK_DIR] }),
        );
        assert.strictEqual(
            policyProtocolModule(PACK_DIR),
            // eslint-disable-next-line @typescript-eslint/no-require-imports
            require(require.resolve("@pulumi/pulumi/proto/analyzer_pb", { paths: [policyDir] })),
        );
        // Nothing is found from the file system's root.
        assert.throws(() => policyProtocolModule(path.parse(PACK_DIR).root), {
            code: "MODULE_NOT_FOUND",
        });
    });

    it("leaves a library of another shape alone", () => {
        assert.equal(
            watchConfiguredPolicies(() => ({})),
            false,
        );
        assert.equal(
            watchConfiguredPolicies(() => ({ ConfigureAnalyzerRequest: { prototype: {} } })),
            false,
        );
        assert.equal(
            watchConfiguredPolicies(() => {
                throw new Error("Cannot find module");
            }),
            false,
        );
    });
});

describe("renamed policies: through the analyzer protocol", function () {
    this.timeout(60_000);
    const running = usePolicyPackResetPerTest();

    it("refuses a configuration naming an old policy, on the stack, with the new name", async () => {
        await running().configure({
            "log-encryption-key-verifiable": { enforcementLevel: "mandatory" },
            "log-destinations-verifiable": { enforcementLevel: "disabled" },
            [EXEMPTIONS]: { enforcementLevel: "advisory" },
        });
        const result = await running().preview(new StackBuilder().resources);
        assert.deepEqual(verdicts(result), [
            `${REQUIRED}/${STACK} [configuration]`,
            `${REQUIRED}/${STACK} [configuration]`,
            `${REQUIRED}/${STACK} [configuration]`,
        ]);
        assert.deepEqual(
            result.all.map((d) => [d.enforcementLevel, d.message.split("\n").slice(1).join("\n")]),
            [
                // In the order of the names: the CLI sends a map, in no order.
                ["mandatory", refusal("log-destinations-verifiable")],
                ["mandatory", refusal(EXEMPTIONS)],
                ["mandatory", refusal("log-encryption-key-verifiable")],
            ],
        );
    });

    it("does not refuse the new name, `all`, or no configuration", async () => {
        const configs: Record<string, { enforcementLevel?: string }>[] = [
            { [UNVERIFIED]: { enforcementLevel: "advisory" } },
            { all: { enforcementLevel: "advisory" } },
            {},
        ];
        for (const config of configs) {
            await running().configure(config);
            const result = await running().preview(new StackBuilder().resources);
            assert.deepEqual(verdicts(result), [], JSON.stringify(config));
        }
    });

    it("says which name to write when an exemption tag names an old policy", async () => {
        const s = new StackBuilder();
        s.logGroup("bare", {
            extra: {
                tags: {
                    "encrypted-logs:exempt": `${REQUIRED}+log-encryption-key-verifiable`,
                    "encrypted-logs:exempt-reason": "scratch group, deleted weekly",
                },
            },
        });
        const result = await running().preview(s.resources);
        assert.deepEqual(verdicts(result), [
            `${REQUIRED}/bare [key-required]`,
            `${UNVERIFIED}/bare [exemption tag]`,
        ]);
        assert.match(
            messageOf(result, UNVERIFIED, "bare", "exemption tag"),
            /^\[exemption tag\] log group "bare" \(aws:cloudwatch\/logGroup:LogGroup\) has the tag encrypted-logs:exempt=log-encryption-key-required\+log-encryption-key-verifiable, which exempts nothing: encrypted-logs:exempt names "log-encryption-key-verifiable" \(now part of "log-encryption-unverified"\), which is neither a policy nor a check of this pack\. /,
        );
    });
});
