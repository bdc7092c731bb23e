/**
 * policypack/lib/destinations/services/index.ts, the table as a whole: every row documented and in
 * docs/policy-pack.md, the policy's description derived from it, readers that never throw, and one
 * test file per service (tests/destinations/<service>.test.ts, where each reader's cases and its
 * facts-level cases are). Props are read through `@pulumi/policy`'s real unknown-checking proxy.
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import {
    DESTINATION_TYPES,
    DESTINATION_SUMMARY,
    DESTINATION_TYPE_NAMES,
    LogDestinations,
    apiGatewayStageKey,
    logDestinations,
} from "../policypack/lib/destinations/services";
import { logDestinationsEncrypted } from "../policypack/policies/logDestinationsEncrypted";
import { UNKNOWN, UNKNOWN_SENTINELS } from "../policypack/lib/stack/wire";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const proxy = require(
    path.resolve(__dirname, "..", "..", "policypack", "node_modules", "@pulumi", "policy", "proxy"),
) as { unknownCheckingProxy(o: object): Record<string, unknown> };

/** The engine's unknown string (and list, object) sentinels, as the analyzer receives them. */
const U = UNKNOWN_SENTINELS[2];

const LAMBDA = "aws:lambda/function:Function";
const RDS_CLUSTER = "aws:rds/cluster:Cluster";
const APPSYNC = "aws:appsync/graphQLApi:GraphQLApi";
const ROLE = "arn:aws:iam::111122223333:role/logs";

/** The repository's root (the tests run from `bin/tests`). */
const ROOT = path.resolve(__dirname, "..", "..");

function of(type: string, props: Record<string, unknown>): LogDestinations | undefined {
    return logDestinations(type, proxy.unknownCheckingProxy(props));
}

describe("policypack/lib/destinations: the readers of the table", () => {
    it("says what a default group's unknown name starts and ends with; nothing when the name is known", () => {
        const pattern = (type: string, props: Record<string, unknown>) => {
            const found = logDestinations(type, proxy.unknownCheckingProxy(props));
            return found?.kind === "writes" ? found.destinations[0].namePattern : "not writes";
        };
        assert.deepEqual(pattern(LAMBDA, { name: U }), { prefix: "/aws/lambda/", suffix: "" });
        assert.deepEqual(pattern(RDS_CLUSTER, { enabledCloudwatchLogsExports: ["postgresql"] }), {
            prefix: "/aws/rds/cluster/",
            suffix: "/postgresql",
        });
        assert.deepEqual(
            pattern(APPSYNC, { logConfig: { cloudwatchLogsRoleArn: ROLE, fieldLogLevel: "ALL" } }),
            { prefix: "/aws/appsync/apis/", suffix: "" },
        );
        assert.equal(pattern(LAMBDA, { name: "orders" }), undefined);
    });

    it("has one test file per service file, as tests/destinations/<service>.test.ts", () => {
        const services = fs
            .readdirSync(path.join(ROOT, "policypack", "lib", "destinations", "services"))
            .filter((f) => f.endsWith(".ts") && f !== "index.ts")
            .map((f) => f.replace(/\.ts$/, ""));
        const tests = new Set(
            fs
                .readdirSync(path.join(ROOT, "tests", "destinations"))
                .filter((f) => f.endsWith(".test.ts"))
                .map((f) => f.replace(/\.test\.ts$/, "")),
        );
        assert.deepEqual(
            services.filter((service) => !tests.has(service)),
            [],
        );
    });

    it("returns undefined for types that send no logs to CloudWatch Logs", () => {
        assert.equal(of("aws:s3/bucket:Bucket", { bucket: "b" }), undefined);
        assert.equal(of("aws:cloudwatch/logGroup:LogGroup", { name: "/x" }), undefined);
        assert.equal(logDestinations("toString", {}), undefined);
    });

    it("never throws on odd input", () => {
        for (const type of DESTINATION_TYPE_NAMES) {
            for (const odd of [
                null,
                undefined,
                42,
                "x",
                [],
                { loggingConfig: 7, accessLogSettings: "x", settings: [] },
            ]) {
                const result = logDestinations(type, odd);
                assert.ok(result !== undefined, type);
            }
        }
    });
});

describe("policypack/lib/destinations: the table, its docs and the description derived from it", () => {
    it("every row has a service key, a label and an https AWS documentation link", () => {
        for (const [type, row] of Object.entries(DESTINATION_TYPES)) {
            assert.match(row.service, /^[a-z0-9]+$/, type);
            assert.ok(row.label.length > 0, type);
            assert.match(row.documentation, /^https:\/\/docs\.aws\.amazon\.com\//, type);
        }
    });

    it("docs/policy-pack.md lists every row with its fix and documentation, each once", () => {
        const docs = fs.readFileSync(path.join(ROOT, "docs", "policy-pack.md"), "utf8");
        const start = docs.indexOf("\n## Log destinations\n");
        const section = docs.slice(start, docs.indexOf("\n## ", start + 1));
        const listed = section.split("\n").filter((l) => l.startsWith("| `"));
        assert.deepEqual(
            [...listed].sort(),
            Object.entries(DESTINATION_TYPES)
                .map(
                    ([type, row]) =>
                        `| \`${type}\` | ${row.label} (${row.serviceName}) | ${row.fix.replace(/\|/g, "\\|")} | ${row.documentation} |`,
                )
                .sort(),
        );
    });

    it("DESTINATION_SUMMARY names every row's label once, in the plural, and the policy's description lists it", () => {
        const labels = [...new Set(Object.values(DESTINATION_TYPES).map((r) => r.label))];
        const plural = (label: string) => (label.endsWith("s") ? label : `${label}s`);
        assert.deepEqual(DESTINATION_SUMMARY.split(", ").sort(), labels.map(plural).sort());
        assert.ok(
            logDestinationsEncrypted.description!.includes(`(${DESTINATION_SUMMARY})`),
            logDestinationsEncrypted.description,
        );
    });

    it("apiGatewayStageKey reads the same restApi/stageName from a Stage and its MethodSettings", () => {
        const stage = proxy.unknownCheckingProxy({
            restApi: "a1b2c3",
            stageName: "prod",
            deployment: "d",
        });
        const settings = proxy.unknownCheckingProxy({
            restApi: "a1b2c3",
            stageName: "prod",
            methodPath: "*/*",
            settings: { loggingLevel: "INFO" },
        });
        assert.deepEqual(apiGatewayStageKey(stage), { restApiId: "a1b2c3", stageName: "prod" });
        assert.deepEqual(apiGatewayStageKey(settings), apiGatewayStageKey(stage));
        assert.deepEqual(
            apiGatewayStageKey(proxy.unknownCheckingProxy({ restApi: U, stageName: "prod" })),
            {
                restApiId: UNKNOWN,
                stageName: "prod",
            },
        );
    });
});
