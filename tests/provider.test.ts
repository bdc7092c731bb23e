/**
 * The schema other languages are generated from (what `GetSchema` serves: the file `npm run build`
 * writes), and `Construct` in process (so mutation testing sees it; tests/providerBoot.test.ts
 * boots the package as the CLI does). The schema must be what Pulumi's component provider host
 * infers from the sources, plus each optional input's default in its description, integers,
 * enums and the package metadata.
 */
import * as pulumi from "@pulumi/pulumi";
import { ComponentProvider } from "@pulumi/pulumi/provider/experimental";
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import * as ts from "typescript";
import { EncryptedLogsProvider } from "../components/provider/provider";
import { PROVIDER_OPTIONS } from "../components/provider/options";
import {
    INTEGER_INPUTS,
    PackageSchema,
    defaultSentence,
    languageNames,
    repositoryOf,
} from "../components/provider/schema";
import { COMMERCIAL, MockEngine, valueOf } from "../testing/mockEngine";
import { KEY_FACTS_FIELDS, logGroupKeyPolicy } from "../components";

const root = path.join(__dirname, "..", "..");
const manifest = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));

type Property = {
    type?: string;
    $ref?: string;
    items?: Property;
    description?: string;
    plain?: boolean;
};

/** name → schema type ("string", "integer", "string[]", "map", or the $ref's token). */
function typeOf(p: Property): string {
    if (p.$ref !== undefined) {
        return decodeURIComponent(p.$ref.replace(/^.*#\/(resources|types)\//, ""));
    }
    if (p.type === "array" && p.items !== undefined) {
        return `${typeOf(p.items)}[]`;
    }
    if (p.type === "object") {
        return "map";
    }
    return p.type ?? "?";
}

/**
 * Each component's args and their `@default` tags, read with the type checker (inherited members
 * included), independently of how schema.ts reads them.
 */
function defaultTags(): Map<string, Map<string, string | undefined>> {
    const entry = path.join(root, "components", "index.ts");
    const program = ts.createProgram([entry], { strict: true });
    const checker = program.getTypeChecker();
    const moduleSymbol = checker.getSymbolAtLocation(program.getSourceFile(entry)!)!;
    const found = new Map<string, Map<string, string | undefined>>();
    for (const exported of checker.getExportsOfModule(moduleSymbol)) {
        const symbol =
            exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
        const component = symbol.name.replace(/Args$/, "");
        if (!symbol.name.endsWith("Args") || !(component in EXPECTED)) {
            continue;
        }
        const tags = new Map<string, string | undefined>();
        for (const p of checker.getDeclaredTypeOfSymbol(symbol).getProperties()) {
            const tag = p.getJsDocTags().find((t) => t.name === "default");
            tags.set(p.name, tag === undefined ? undefined : ts.displayPartsToString(tag.text));
        }
        found.set(component, tags);
    }
    return found;
}

const LOG_GROUP_CLASS = "encrypted-logs:index:LogGroupClass";
const EVALUATION_FREQUENCY = "encrypted-logs:index:EvaluationFrequency";

/** The outputs of LogsKey and CloudTrailKey. */
const KEY_COMPONENT_OUTPUTS = {
    key: "aws:kms/key:Key",
    arn: "string",
    keyId: "string",
    policy: "string",
    facts: "encrypted-logs:index:PublishedKeyFacts",
};

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
            rotationPeriodInDays: "integer",
            deletionWindowInDays: "integer",
            retainOnDelete: "boolean",
            region: "string",
            tags: "map",
        },
        required: [],
        outputs: KEY_COMPONENT_OUTPUTS,
    },
    EncryptedLogGroup: {
        inputs: {
            logGroupName: "string",
            retentionInDays: "integer",
            kmsKeyArn: "string",
            viaServiceRoleArns: "string[]",
            keyAdminArns: "string[]",
            previousKmsKeyArns: "string[]",
            logGroupClass: LOG_GROUP_CLASS,
            skipDestroy: "boolean",
            deletionProtectionEnabled: "boolean",
            dataProtectionPolicy: "string",
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
            dataProtectionPolicy: "aws:cloudwatch/logDataProtectionPolicy:LogDataProtectionPolicy",
            previousKeyPolicies: "aws:kms/keyPolicy:KeyPolicy[]",
        },
    },
    EncryptedAnomalyDetector: {
        inputs: {
            logGroupArn: "string",
            kmsKeyArn: "string",
            detectorName: "string",
            evaluationFrequency: EVALUATION_FREQUENCY,
            filterPattern: "string",
            anomalyVisibilityTime: "integer",
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
            s3BucketKey: "boolean",
            adminArns: "string[]",
            alias: "string",
            description: "string",
            region: "string",
            enableKeyRotation: "boolean",
            rotationPeriodInDays: "integer",
            deletionWindowInDays: "integer",
            retainOnDelete: "boolean",
            tags: "map",
        },
        required: [],
        outputs: KEY_COMPONENT_OUTPUTS,
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
            cloudWatchLogsRetentionInDays: "integer",
            forceDestroyBucket: "boolean",
            eventSelectors: "encrypted-logs:index:TrailEventSelector[]",
            advancedEventSelectors: "encrypted-logs:index:TrailAdvancedEventSelector[]",
            insightSelectors: "encrypted-logs:index:TrailInsightSelector[]",
            logFileTransitions: "encrypted-logs:index:TrailLogFileTransition[]",
            logFileExpirationDays: "number",
            snsTopicName: "string",
            region: "string",
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
    EncryptedEventDataStore: {
        inputs: {
            eventDataStoreName: "string",
            retentionPeriod: "number",
            billingMode: "string",
            terminationProtectionEnabled: "boolean",
            retainOnDelete: "boolean",
            multiRegionEnabled: "boolean",
            organizationEnabled: "boolean",
            advancedEventSelectors: "encrypted-logs:index:TrailAdvancedEventSelector[]",
            kmsKeyArn: "string",
            queryPrincipalArns: "string[]",
            keyAdminArns: "string[]",
            region: "string",
            tags: "map",
        },
        required: [],
        outputs: {
            eventDataStore: "aws:cloudtrail/eventDataStore:EventDataStore",
            arn: "string",
            kmsKeyArn: "string",
            key: "aws:kms/key:Key",
        },
    },
    PublishedKey: {
        inputs: { stackName: "string", outputName: "string" },
        required: ["outputName", "stackName"],
        outputs: {
            arn: "string",
            region: "string",
            facts: "encrypted-logs:index:PublishedKeyFacts",
            stackName: "string",
        },
    },
};

describe("component provider schema (multi-language)", function () {
    // Inferring the schema again (the host's analyzer type-checks the sources): seconds.
    this.timeout(180_000);
    let schema: PackageSchema;

    before(async () => {
        schema = JSON.parse(await new EncryptedLogsProvider().getSchema());
    });

    it("serves the package 'encrypted-logs' at the package.json version, with its metadata", () => {
        assert.equal(schema.name, "encrypted-logs");
        assert.equal(schema.version, manifest.version);
        assert.deepEqual(
            {
                displayName: schema.displayName,
                description: schema.description,
                namespace: schema.namespace,
                license: schema.license,
                repository: schema.repository,
                publisher: schema.publisher,
                keywords: schema.keywords,
            },
            {
                displayName: "AWS Encrypted Logs",
                description: manifest.description,
                // The repository's owner: what the CLI would set for a git URL (setSpecNamespace).
                namespace: "pulumi-aws-encrypted-logs",
                license: "Apache-2.0",
                repository:
                    "https://github.com/pulumi-aws-encrypted-logs/pulumi-aws-encrypted-logs",
                publisher: "The pulumi-aws-encrypted-logs authors",
                keywords: [...manifest.keywords, "kind/component", "category/cloud"],
            },
        );
        assert.deepEqual(
            Object.keys(schema.resources).sort(),
            Object.keys(EXPECTED)
                .map((c) => `encrypted-logs:index:${c}`)
                .sort(),
        );
    });

    it("names each language's SDK as its users expect (the language section the code generators read)", () => {
        // pulumi/pulumi v3.248.0 pkg/codegen: nodejs NodePackageInfo.packageName, python
        // PackageInfo.packageName (else PyPack: pulumi_aws_encrypted_logs_encrypted_logs), go
        // GoPackageInfo.importBasePath (the module is its path.Dir under package add's
        // supportPack); pulumi-dotnet CSharpPackageInfo.rootNamespace (namespace
        // <rootNamespace>.EncryptedLogs). The host's respectSchemaVersion stays.
        assert.deepEqual(schema.language, {
            nodejs: { respectSchemaVersion: true, packageName: "pulumi-aws-encrypted-logs" },
            python: { respectSchemaVersion: true, packageName: "pulumi_aws_encrypted_logs" },
            go: {
                respectSchemaVersion: true,
                importBasePath:
                    "github.com/pulumi-aws-encrypted-logs/pulumi-aws-encrypted-logs/sdk/go/encryptedlogs",
            },
            csharp: { respectSchemaVersion: true, rootNamespace: "PulumiAwsEncryptedLogs" },
            java: { respectSchemaVersion: true },
        });
        assert.equal(manifest.name, "pulumi-aws-encrypted-logs");
    });

    it("puts /v<major> in the Go import path from version 2 on, as Go modules require", () => {
        const repository = repositoryOf(manifest.repository.url);
        const go = (version: string) =>
            languageNames({ name: manifest.name, version }, repository, "encrypted-logs").go
                .importBasePath;
        const base = "github.com/pulumi-aws-encrypted-logs/pulumi-aws-encrypted-logs/sdk/go";
        assert.equal(go("0.1.0"), `${base}/encryptedlogs`);
        assert.equal(go("1.4.2"), `${base}/encryptedlogs`);
        assert.equal(go("2.0.0"), `${base}/v2/encryptedlogs`);
        assert.equal(go("12.0.0-beta.1"), `${base}/v12/encryptedlogs`);
    });

    it("is exactly what the component provider host infers now, plus the additions", async () => {
        const inferred = JSON.parse(
            await new ComponentProvider(PROVIDER_OPTIONS).getSchema(),
        ) as PackageSchema;
        const added = [
            "language",
            "displayName",
            "namespace",
            "license",
            "repository",
            "publisher",
            "keywords",
        ];
        const strip = (s: PackageSchema) => ({
            ...Object.fromEntries(Object.entries(s).filter(([k]) => !added.includes(k))),
            description: undefined,
            resources: Object.fromEntries(
                Object.entries(s.resources).map(([token, r]) => [
                    token,
                    {
                        ...r,
                        inputProperties: Object.fromEntries(
                            Object.entries(r.inputProperties).map(([name, p]) => [
                                name,
                                {
                                    ...p,
                                    type: p.type === "integer" ? "number" : p.type,
                                    description: p.description?.replace(/\n\nDefault: .*$/s, ""),
                                },
                            ]),
                        ),
                    },
                ]),
            ),
        });
        assert.deepEqual(strip(schema), strip(inferred));
        // The language section adds names to the host's, and drops nothing of it.
        for (const [language, settings] of Object.entries(
            inferred.language as Record<string, Record<string, unknown>>,
        )) {
            assert.deepEqual(
                Object.fromEntries(
                    Object.keys(settings).map((k) => [
                        k,
                        (schema.language as Record<string, Record<string, unknown>>)[language][k],
                    ]),
                ),
                settings,
            );
        }
    });

    it("ends every optional input's description with its @default, and no required one's", () => {
        const tags = defaultTags();
        assert.deepEqual([...tags.keys()].sort(), Object.keys(EXPECTED).sort());
        const wrong: string[] = [];
        for (const [component, members] of tags) {
            const resource = schema.resources[`encrypted-logs:index:${component}`];
            for (const [name, p] of Object.entries(resource.inputProperties)) {
                const tag = members.get(name);
                const required = (resource.requiredInputs ?? []).includes(name);
                const ending = tag === undefined ? undefined : `\n\n${defaultSentence(tag)}`;
                if (
                    required
                        ? /Default:/.test(p.description ?? "")
                        : !p.description?.endsWith(ending!)
                ) {
                    wrong.push(`${component}.${name}: ${JSON.stringify(p.description)}`);
                }
            }
        }
        assert.deepEqual(wrong, []);
        const inputs = (c: string) => schema.resources[`encrypted-logs:index:${c}`].inputProperties;
        assert.match(
            inputs("EncryptedLogGroup").retentionInDays.description!,
            /\n\nDefault: 365\.$/,
        );
        assert.match(inputs("EncryptedLogGroup").skipDestroy.description!, /\n\nDefault: true\.$/);
        assert.match(
            inputs("EncryptedLogGroup").logGroupClass.description!,
            /\n\nDefault: "STANDARD"\.$/,
        );
        assert.match(
            inputs("LogsKey").region.description!,
            /\n\nDefault: the region of the AWS provider\.$/,
        );
        assert.doesNotMatch(inputs("EncryptedAnomalyDetector").logGroupArn.description!, /Default/);
    });

    it("renders no description as [object Object] (the host's analyzer does, for {@link})", () => {
        assert.doesNotMatch(JSON.stringify(schema), /object Object/);
    });

    it("types the whole-number inputs as integers", () => {
        const integers = Object.entries(schema.resources).flatMap(([token, r]) =>
            Object.entries(r.inputProperties)
                .filter(([, p]) => p.type === "integer")
                .map(([name]) => `${token.split(":")[2]}.${name}`),
        );
        assert.deepEqual(
            integers.sort(),
            Object.entries(INTEGER_INPUTS)
                .flatMap(([c, names]) => names.map((n) => `${c}.${n}`))
                .sort(),
        );
        assert.equal(integers.length, 7);
    });

    it("types the key facts with exactly the contract's fields, all required (names are a contract)", () => {
        const facts = schema.types["encrypted-logs:index:PublishedKeyFacts"] as unknown as {
            type: string;
            properties: Record<string, { type: string }>;
            required: string[];
        };
        assert.equal(facts.type, "object");
        assert.deepEqual(
            Object.fromEntries(Object.entries(facts.properties).map(([k, p]) => [k, p.type])),
            KEY_FACTS_FIELDS,
        );
        assert.deepEqual([...facts.required].sort(), Object.keys(KEY_FACTS_FIELDS).sort());
    });

    it("declares logGroupClass and evaluationFrequency as string enums with AWS's values", () => {
        assert.deepEqual(schema.types[LOG_GROUP_CLASS], {
            type: "string",
            enum: [
                {
                    name: "Standard",
                    value: "STANDARD",
                    description: "The Standard log class: every CloudWatch Logs feature.",
                },
                {
                    name: "InfrequentAccess",
                    value: "INFREQUENT_ACCESS",
                    description:
                        "The Infrequent Access log class: a subset of the features, at a lower cost.",
                },
            ],
        });
        assert.equal(schema.types[EVALUATION_FREQUENCY].type, "string");
        assert.deepEqual(
            schema.types[EVALUATION_FREQUENCY].enum.map((e) => [e.name, e.value]),
            [
                ["OneMin", "ONE_MIN"],
                ["FiveMin", "FIVE_MIN"],
                ["TenMin", "TEN_MIN"],
                ["FifteenMin", "FIFTEEN_MIN"],
                ["ThirtyMin", "THIRTY_MIN"],
                ["OneHour", "ONE_HOUR"],
            ],
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
});

describe("component provider Construct (in process)", () => {
    it("constructs an EncryptedLogGroup from another language's inputs, returning the schema's outputs", async () => {
        const engine = await MockEngine.start();
        const result = await new EncryptedLogsProvider().construct(
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
        assert.deepEqual(Object.keys(result.state), [
            "logGroup",
            "arn",
            "name",
            "kmsKeyArn",
            "key",
            "dataProtectionPolicy",
            "previousKeyPolicies",
        ]);
        assert.equal(await valueOf(result.state.name as pulumi.Output<string>), "/app/orders");
        assert.equal(
            engine.get("aws:cloudwatch/logGroup:LogGroup", "orders").inputs.retentionInDays,
            30,
        );
        assert.deepEqual(
            JSON.parse(engine.get("aws:kms/key:Key", "orders-key").inputs.policy),
            logGroupKeyPolicy({ ...COMMERCIAL, logGroupNames: ["/app/orders"] }),
        );
    });

    it("refuses a token of another package, naming the tokens it serves", async () => {
        await MockEngine.start();
        await assert.rejects(
            new EncryptedLogsProvider().construct("x", "other:index:EncryptedLogGroup", {}, {}),
            {
                name: "InputError",
                message:
                    'type is "other:index:EncryptedLogGroup": this provider constructs only the components of the encrypted-logs package. Allowed: encrypted-logs:index:LogsKey, encrypted-logs:index:EncryptedLogGroup, encrypted-logs:index:EncryptedAnomalyDetector, encrypted-logs:index:CloudTrailKey, encrypted-logs:index:EncryptedTrail, encrypted-logs:index:EncryptedEventDataStore, encrypted-logs:index:PublishedKey. Fix: regenerate the SDK from this package\'s schema (pulumi package add), or use the package the token names.',
            },
        );
    });

    it("refuses a module other than index, which the host does not serve either", async () => {
        await MockEngine.start();
        await assert.rejects(
            new EncryptedLogsProvider().construct(
                "x",
                "encrypted-logs:logs:EncryptedLogGroup",
                {},
                {},
            ),
            /type is "encrypted-logs:logs:EncryptedLogGroup": this provider constructs only/,
        );
    });
});
