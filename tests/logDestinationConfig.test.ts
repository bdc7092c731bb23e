/**
 * The log-destination policies' configuration through the analyzer protocol: disabled services,
 * exemptions, the key rules' configuration, and the declared policies.
 */
import * as assert from "node:assert/strict";
import { writer } from "../harness/destinationFixtures";
import { unknown } from "../harness/policyHarness";
import { verdicts } from "../harness/verdicts";
import { StackBuilder } from "../harness/stackFixtures";
import {
    ENCRYPTED,
    LAMBDA,
    Running,
    UNVERIFIED,
    packSuite,
    previewOf,
} from "./logDestinations/fixtures";

/** disabledServices, and exemptions by name and URN pattern. */
function serviceAndExemptionCases(running: Running): void {
    const preview = previewOf(running);
    describe("configuration: services and exemptions", () => {
        it("turns a service off with disabledServices, for the advisory too (it reads the policy's reports)", async () => {
            const s = new StackBuilder();
            writer(s, LAMBDA, "worker", { name: "worker-fn" });
            writer(s, LAMBDA, "later", { name: unknown() });
            writer(s, "aws:eks/cluster:Cluster", "cluster", {
                name: "prod",
                enabledClusterLogTypes: ["api"],
            });
            await running().configure({ [ENCRYPTED]: { disabledServices: ["lambda"] } });
            assert.deepEqual(verdicts(await preview(s)), [
                `${ENCRYPTED}/cluster [log-destination]`,
            ]);
        });

        it("skips exempt resources by name and URN pattern", async () => {
            const s = new StackBuilder();
            writer(s, LAMBDA, "worker", { name: "worker-fn" });
            writer(s, "aws:eks/cluster:Cluster", "cluster", {
                name: "prod",
                enabledClusterLogTypes: ["api"],
            });
            writer(s, LAMBDA, "later", {
                name: "later-fn",
                loggingConfig: { logFormat: "Text", logGroup: unknown() },
            });
            await running().configure({
                [ENCRYPTED]: {
                    exemptResourceNames: ["worker"],
                    exemptUrnPatterns: ["*eks/cluster:Cluster::*"],
                },
                [UNVERIFIED]: { exemptResourceNames: ["later"] },
            });
            // Skipped, and the exemptions advisory says so on each of them.
            assert.deepEqual(verdicts(await preview(s)), [
                "log-encryption-unverified/cluster [exempted]",
                "log-encryption-unverified/later [exempted]",
                "log-encryption-unverified/worker [exempted]",
            ]);
        });
    });
}

/** Exemption entries with a reason, by tag, and expired. */
function exemptionEntryCases(running: Running): void {
    const preview = previewOf(running);
    describe("configuration: exemption entries", () => {
        it("exempts by an entry with a reason or by tag, and applies again once the entry has expired", async () => {
            const s = new StackBuilder();
            writer(s, LAMBDA, "worker", { name: "worker-fn" });
            writer(s, LAMBDA, "tagged", {
                name: "tagged-fn",
                tags: {
                    "encrypted-logs:exempt": "log-destination",
                    "encrypted-logs:exempt-reason":
                        "writes nothing sensitive, group managed by the platform team",
                },
            });
            const plain = (await preview(s)).all.find((d) => d.urn.endsWith("::worker"))!;
            await running().configure({
                [ENCRYPTED]: {
                    exemptions: [
                        {
                            resourceNames: ["worker"],
                            rules: ["log-destination"],
                            reason: "moved to a declared group in SEC-12",
                        },
                    ],
                },
            });
            const exempted = await preview(s);
            assert.deepEqual(
                exempted.all.map((d) => [d.policyName, d.message.split("\n")[1]]),
                [
                    [
                        "log-encryption-unverified",
                        '[exempted] Lambda function "worker" (aws:lambda/function:Function) is exempted from log-destinations-encrypted (log-destination only): ' +
                            "moved to a declared group in SEC-12 (no expiry; exemptions[0] of log-destinations-encrypted's configuration).",
                    ],
                    [
                        "log-encryption-unverified",
                        '[exempted] Lambda function "tagged" (aws:lambda/function:Function) is exempted from log-destinations-encrypted (log-destination only): ' +
                            "writes nothing sensitive, group managed by the platform team (no expiry; the tag encrypted-logs:exempt=log-destination).",
                    ],
                ],
            );
            await running().configure({
                [ENCRYPTED]: {
                    exemptions: [
                        {
                            resourceNames: ["worker"],
                            reason: "moved to a declared group in SEC-12",
                            expires: "2000-01-31",
                        },
                    ],
                },
            });
            assert.deepEqual(
                (await preview(s)).all
                    .filter((d) => d.policyName === ENCRYPTED)
                    .map((d) => d.message),
                [
                    `${plain.message} Not exempted: exemptions[0] of log-destinations-encrypted's configuration ` +
                        '(reason "moved to a declared group in SEC-12") expired: it applied until 2000-01-31.',
                ],
            );
        });
    });
}

/** The key rules' configuration, and the policies as declared. */
function keyConfigurationCases(running: Running): void {
    const preview = previewOf(running);
    describe("configuration: the key rules and the declared policies", () => {
        it("judges the group's key by log-encryption-key-usable's findings, under its configuration", async () => {
            const s = new StackBuilder();
            s.logGroup("orders-logs", {
                key: s.key("mrk", {
                    existing: true,
                    multiRegion: true,
                    policyFor: ["/app/orders-logs"],
                }),
            });
            writer(s, LAMBDA, "orders", {
                name: "orders-fn",
                loggingConfig: { logFormat: "Text", logGroup: "/app/orders-logs" },
            });
            assert.deepEqual(verdicts(await preview(s)), [
                `${ENCRYPTED}/orders [log-destination]`,
                "log-encryption-key-usable/orders-logs [multi-region]",
            ]);
            await running().configure({
                "log-encryption-key-usable": { allowMultiRegionKeys: true },
            });
            assert.deepEqual(verdicts(await preview(s)), []);
            // With the usable policy disabled, the key rules run here with their defaults.
            await running().configure({
                "log-encryption-key-usable": { enforcementLevel: "disabled" },
            });
            assert.deepEqual(verdicts(await preview(s)), [`${ENCRYPTED}/orders [log-destination]`]);
        });

        it("declares the policy with its level and defaults, and the advisory with exemptions only", async () => {
            const info = (await running().info()).getPoliciesList();
            const ours = info
                .filter((p) => [ENCRYPTED, UNVERIFIED].includes(p.getName()))
                .map((p) => ({
                    name: p.getName(),
                    level: p.getEnforcementlevel(),
                    config: p.getConfigschema()?.getProperties()?.toJavaScript() as Record<
                        string,
                        { default?: unknown }
                    >,
                }));
            assert.deepEqual(
                ours.map((p) => [p.name, p.level, Object.keys(p.config).sort()]),
                [
                    [
                        ENCRYPTED,
                        1,
                        [
                            "disabledServices",
                            "exemptResourceNames",
                            "exemptUrnPatterns",
                            "exemptionTags",
                            "exemptions",
                            "outsideStack",
                            "unverified",
                        ],
                    ],
                    [
                        UNVERIFIED,
                        0,
                        ["exemptResourceNames", "exemptUrnPatterns", "exemptionTags", "exemptions"],
                    ],
                ],
            );
            assert.deepEqual(ours[0].config.disabledServices.default, []);
            assert.deepEqual(ours[0].config.unverified.default, "advisory");
        });
    });
}

packSuite("policy pack: log-destination configuration through the analyzer protocol", (running) => {
    serviceAndExemptionCases(running);
    exemptionEntryCases(running);
    keyConfigurationCases(running);
});
