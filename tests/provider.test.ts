/**
 * The multi-language component provider: the schema Pulumi infers from the TypeScript args (what
 * Python, Go, .NET, Java and YAML programs see after `pulumi package add`), built offline, and a
 * construct call under the mock engine.
 */
import * as pulumi from "@pulumi/pulumi";
import { ComponentProvider } from "@pulumi/pulumi/provider/experimental";
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { PROVIDER_OPTIONS } from "../components/provider/options";
import { COMMERCIAL, MockEngine, valueOf } from "../harness/mockEngine";
import { cloudTrailKeyPolicy, logGroupKeyPolicy } from "../components";

type Property = {
    type?: string;
    $ref?: string;
    items?: Property;
    description?: string;
    plain?: boolean;
};
type Resource = {
    isComponent: boolean;
    description?: string;
    inputProperties: Record<string, Property>;
    requiredInputs?: string[];
    properties: Record<string, Property>;
    required?: string[];
};

/** name → schema type ("string", "number", "boolean", "string[]", "map", or the $ref's token). */
function typeOf(p: Property): string {
    if (p.$ref !== undefined) {
        return decodeURIComponent(p.$ref.split("#/resources/")[1]);
    }
    if (p.type === "array" && p.items !== undefined) {
        return `${typeOf(p.items)}[]`;
    }
    if (p.type === "object") {
        return "map";
    }
    return p.type ?? "?";
}

const EXPECTED: Record<
    string,
    { inputs: Record<string, string>; required: string[]; outputs: Record<string, string> }
> = {
    LogsKey: {
        inputs: {
            logGroupNames: "string[]",
            accountWide: "boolean",
            anomalyDetectors: "boolean",
            viaServiceRoleArns: "string[]",
            adminArns: "string[]",
            alias: "string",
            description: "string",
            enableKeyRotation: "boolean",
            rotationPeriodInDays: "number",
            deletionWindowInDays: "number",
            retainOnDelete: "boolean",
            region: "string",
            tags: "map",
        },
        required: [],
        outputs: { key: "aws:kms/key:Key", arn: "string", keyId: "string", policy: "string" },
    },
    EncryptedLogGroup: {
        inputs: {
            logGroupName: "string",
            retentionInDays: "number",
            kmsKeyArn: "string",
            viaServiceRoleArns: "string[]",
            keyAdminArns: "string[]",
            previousKmsKeyArns: "string[]",
            logGroupClass: "string",
            skipDestroy: "boolean",
            region: "string",
            tags: "map",
        },
        required: [],
        outputs: {
            logGroup: "aws:cloudwatch/logGroup:LogGroup",
            arn: "string",
            name: "string",
            kmsKeyArn: "string",
            key: "aws:kms/key:Key",
            previousKeyPolicies: "aws:kms/keyPolicy:KeyPolicy[]",
        },
    },
    EncryptedAnomalyDetector: {
        inputs: {
            logGroupArn: "string",
            kmsKeyArn: "string",
            detectorName: "string",
            evaluationFrequency: "string",
            filterPattern: "string",
            anomalyVisibilityTime: "number",
            enabled: "boolean",
            keyAdminArns: "string[]",
            region: "string",
            tags: "map",
        },
        required: ["logGroupArn"],
        outputs: {
            detector: "aws:cloudwatch/logAnomalyDetector:LogAnomalyDetector",
            arn: "string",
            kmsKeyArn: "string",
            key: "aws:kms/key:Key",
        },
    },
    CloudTrailKey: {
        inputs: {
            trailName: "string",
            decryptPrincipalArns: "string[]",
            adminArns: "string[]",
            alias: "string",
            description: "string",
            enableKeyRotation: "boolean",
            rotationPeriodInDays: "number",
            deletionWindowInDays: "number",
            retainOnDelete: "boolean",
            tags: "map",
        },
        required: [],
        outputs: { key: "aws:kms/key:Key", arn: "string", keyId: "string", policy: "string" },
    },
    EncryptedTrail: {
        inputs: {
            trailName: "string",
            bucketName: "string",
            s3KeyPrefix: "string",
            isMultiRegionTrail: "boolean",
            includeGlobalServiceEvents: "boolean",
            enableLogFileValidation: "boolean",
            isOrganizationTrail: "boolean",
            kmsKeyArn: "string",
            decryptPrincipalArns: "string[]",
            keyAdminArns: "string[]",
            cloudWatchLogs: "boolean",
            cloudWatchLogsRetentionInDays: "number",
            forceDestroyBucket: "boolean",
            tags: "map",
        },
        required: [],
        outputs: {
            trail: "aws:cloudtrail/trail:Trail",
            bucket: "aws:s3/bucket:Bucket",
            arn: "string",
            kmsKeyArn: "string",
            logGroup: "aws:cloudwatch/logGroup:LogGroup",
        },
    },
};

describe("component provider (multi-language)", function () {
    // The schema is inferred by type-checking the sources: a few seconds.
    this.timeout(120_000);
    let schema: { name: string; version: string; resources: Record<string, Resource> };

    before(async () => {
        schema = JSON.parse(await new ComponentProvider(PROVIDER_OPTIONS).getSchema());
    });

    it("serves the package 'encrypted-logs' at the package.json version", () => {
        const pkg = JSON.parse(
            fs.readFileSync(path.join(__dirname, "..", "..", "package.json"), "utf8"),
        );
        assert.equal(schema.name, "encrypted-logs");
        assert.equal(schema.version, pkg.version);
        assert.deepEqual(
            Object.keys(schema.resources).sort(),
            Object.keys(EXPECTED)
                .map((c) => `encrypted-logs:index:${c}`)
                .sort(),
        );
    });

    for (const [component, expected] of Object.entries(EXPECTED)) {
        it(`describes every argument and output of ${component}, with types`, () => {
            const resource = schema.resources[`encrypted-logs:index:${component}`];
            assert.equal(resource.isComponent, true);
            assert.ok((resource.description ?? "").length > 20, `${component} has a description`);
            assert.deepEqual(
                Object.fromEntries(
                    Object.entries(resource.inputProperties).map(([k, p]) => [k, typeOf(p)]),
                ),
                expected.inputs,
            );
            assert.deepEqual(resource.requiredInputs ?? [], expected.required);
            for (const [name, p] of Object.entries(resource.inputProperties)) {
                assert.ok(
                    (p.description ?? "").length > 10,
                    `${component}.${name} has a description`,
                );
            }
            assert.deepEqual(
                Object.fromEntries(
                    Object.entries(resource.properties).map(([k, p]) => [k, typeOf(p)]),
                ),
                expected.outputs,
            );
            for (const [name, p] of Object.entries(resource.properties)) {
                assert.ok(
                    (p.description ?? "").length > 5,
                    `${component} output ${name} has a description`,
                );
            }
        });
    }

    it("lets other languages pass Outputs in role and admin lists (they are not plain)", () => {
        const group = schema.resources["encrypted-logs:index:EncryptedLogGroup"].inputProperties;
        assert.equal(group.viaServiceRoleArns.plain, undefined);
        assert.equal(group.keyAdminArns.plain, undefined);
        // The number of previous keys decides how many key policies exist, so it is known up front.
        assert.equal(group.previousKmsKeyArns.plain, true);
    });

    it("constructs an EncryptedLogGroup from another language's inputs", async () => {
        const engine = await MockEngine.start();
        const provider = new ComponentProvider(PROVIDER_OPTIONS);
        const result = await provider.construct(
            "orders",
            "encrypted-logs:index:EncryptedLogGroup",
            { logGroupName: "/app/orders", retentionInDays: 30 },
            {},
        );
        await engine.settle();
        assert.match(
            await valueOf(result.urn as pulumi.Output<string>),
            /encrypted-logs:index:EncryptedLogGroup::orders$/,
        );
        assert.equal(await valueOf(result.state.name as any), "/app/orders");
        assert.match(
            await valueOf(result.state.kmsKeyArn as any),
            /^arn:aws:kms:us-east-1:111122223333:key\//,
        );
        assert.equal(
            engine.get("aws:cloudwatch/logGroup:LogGroup", "orders").inputs.retentionInDays,
            30,
        );
        assert.deepEqual(
            JSON.parse(engine.get("aws:kms/key:Key", "orders-key").inputs.policy),
            logGroupKeyPolicy({ ...COMMERCIAL, logGroupNames: ["/app/orders"] }),
        );
    });

    it("constructs an EncryptedTrail with CloudWatch Logs delivery from another language's inputs", async () => {
        const engine = await MockEngine.start();
        const provider = new ComponentProvider(PROVIDER_OPTIONS);
        const result = await provider.construct(
            "audit",
            "encrypted-logs:index:EncryptedTrail",
            {
                bucketName: "acme-audit-logs",
                cloudWatchLogs: true,
                cloudWatchLogsRetentionInDays: 30,
            },
            {},
        );
        await engine.settle();
        assert.equal(
            await valueOf(result.state.arn as any),
            "arn:aws:cloudtrail:us-east-1:111122223333:trail/audit",
        );
        assert.match(
            await valueOf(result.state.kmsKeyArn as any),
            /^arn:aws:kms:us-east-1:111122223333:key\//,
        );
        assert.deepEqual(
            JSON.parse(engine.get("aws:kms/key:Key", "audit-key").inputs.policy),
            cloudTrailKeyPolicy({ ...COMMERCIAL, trailName: "audit" }),
        );
        assert.equal(
            engine.get("aws:cloudwatch/logGroup:LogGroup", "audit-logs").inputs.retentionInDays,
            30,
        );
    });

    it("refuses a token of another package", async () => {
        await MockEngine.start();
        const provider = new ComponentProvider(PROVIDER_OPTIONS);
        await assert.rejects(
            provider.construct("x", "other:index:EncryptedLogGroup", {}, {}),
            /Invalid package name other, expected 'encrypted-logs'/,
        );
    });
});
