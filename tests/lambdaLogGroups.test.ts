/**
 * The Lambda log-group stack transform under the recording mock engine, with the engine's side of
 * stack transforms added (tests/transformEngine.ts): exact resources, names, inputs, parents and
 * providers, the order in which the engine receives and creates them, and the negative cases (a
 * function that names its group, other resources). Also the services' default group names.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import * as assert from "node:assert/strict";
import { createHash } from "node:crypto";
import {
    EncryptedLogGroup,
    apiGatewayExecutionLogGroupName,
    codeBuildLogGroupName,
    eksClusterLogGroupName,
    encryptLambdaLogGroups,
    lambdaLogGroupName,
    lambdaLogGroupTransform,
    logGroupKeyPolicy,
    rdsClusterLogGroupName,
    rdsInstanceLogGroupName,
} from "../components";
import { COMMERCIAL, MockEngine, isUnknownInput, uuidFrom } from "../testing/mockEngine";
import { TransformEngine } from "../testing/transformEngine";

const FUNCTION = "aws:lambda/function:Function";
const COMPONENT = "encrypted-logs:index:EncryptedLogGroup";
const GROUP = "aws:cloudwatch/logGroup:LogGroup";
const KEY = "aws:kms/key:Key";
const ROLE = "arn:aws:iam::111122223333:role/orders-fn";
const SHARED_KEY = "arn:aws:kms:us-east-1:111122223333:key/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";

/** A function with an image (no code asset to serialise) and the given extra inputs. */
function lambda(
    name: string,
    extra: Partial<aws.lambda.FunctionArgs> = {},
    opts?: pulumi.CustomResourceOptions,
): aws.lambda.Function {
    return new aws.lambda.Function(
        name,
        {
            packageType: "Image",
            imageUri: "111122223333.dkr.ecr.us-east-1.amazonaws.com/orders:1",
            role: ROLE,
            ...extra,
        },
        opts,
    );
}

let transforms: TransformEngine | undefined;
afterEach(() => transforms?.close());

async function start(opts: { preview?: boolean } = {}): Promise<MockEngine> {
    const engine = await MockEngine.start(COMMERCIAL, opts);
    transforms = TransformEngine.install();
    return engine;
}

describe("encryptLambdaLogGroups: a stack transform that declares each function's encrypted log group first", () => {
    it("gives a named function the EncryptedLogGroup /aws/lambda/<name>, created before the function, and points loggingConfig at it", async () => {
        const engine = await start();
        encryptLambdaLogGroups();
        lambda("orders", { name: "orders-fn" });
        await engine.settle();

        assert.deepEqual(engine.summary(), [
            "aws:cloudwatch/logGroup:LogGroup::orders-logs",
            "aws:kms/key:Key::orders-logs-key",
            "aws:lambda/function:Function::orders",
            "encrypted-logs:index:EncryptedLogGroup::orders-logs",
        ]);
        const key = engine.get(KEY, "orders-logs-key");
        assert.deepEqual(
            JSON.parse(key.inputs.policy),
            logGroupKeyPolicy({ ...COMMERCIAL, logGroupNames: ["/aws/lambda/orders-fn"] }),
        );
        const group = engine.get(GROUP, "orders-logs");
        assert.deepEqual(group.inputs, {
            name: "/aws/lambda/orders-fn",
            retentionInDays: 365,
            kmsKeyId: `arn:aws:kms:us-east-1:111122223333:key/${uuidFrom("orders-logs-key")}`,
            logGroupClass: "STANDARD",
            skipDestroy: true,
            deletionProtectionEnabled: true,
        });
        const fn = engine.get(FUNCTION, "orders");
        assert.deepEqual(fn.inputs, {
            packageType: "Image",
            imageUri: "111122223333.dkr.ecr.us-east-1.amazonaws.com/orders:1",
            role: ROLE,
            name: "orders-fn",
            loggingConfig: { logFormat: "Text", logGroup: "/aws/lambda/orders-fn" },
        });
        // The component is a sibling of the function (under the mock engine there is no stack
        // resource: top-level resources have no parent).
        const component = engine.get(COMPONENT, "orders-logs");
        assert.equal(component.parent, fn.parent);
        assert.equal(fn.parent, "");
        assert.equal(group.parent, component.urn);

        // Order: the key, then the group, are created before the engine even receives the function.
        const at = (event: string) => {
            const i = transforms!.events.indexOf(event);
            assert.ok(i >= 0, `${event} in ${transforms!.events.join(", ")}`);
            return i;
        };
        assert.ok(at(`done ${KEY}::orders-logs-key`) < at(`registered ${GROUP}::orders-logs`));
        assert.ok(at(`done ${GROUP}::orders-logs`) < at(`registered ${FUNCTION}::orders`));
        // The engine keeps a stack-transformed resource's own dependencies (see transformEngine.ts):
        // the order above comes from the data flow, not from the dependsOn the transform returns.
        assert.deepEqual(fn.dependencies, []);
        assert.deepEqual(
            transforms!.calls.filter((c) => c.changed).map((c) => c.resource),
            [`${FUNCTION}::orders`],
        );
    });

    it("keeps the function's other loggingConfig settings", async () => {
        const engine = await start();
        encryptLambdaLogGroups();
        lambda("orders", {
            name: "orders-fn",
            loggingConfig: {
                logFormat: "JSON",
                applicationLogLevel: "INFO",
                systemLogLevel: "WARN",
            },
        });
        await engine.settle();
        assert.deepEqual(engine.get(FUNCTION, "orders").inputs.loggingConfig, {
            logFormat: "JSON",
            applicationLogLevel: "INFO",
            systemLogLevel: "WARN",
            logGroup: "/aws/lambda/orders-fn",
        });
    });

    it("applies its settings to every group: shared key, retention, class, tags", async () => {
        const engine = await start();
        encryptLambdaLogGroups({
            kmsKeyArn: SHARED_KEY,
            retentionInDays: 30,
            logGroupClass: "INFREQUENT_ACCESS",
            tags: { team: "orders" },
        });
        lambda("a", { name: "fn-a" });
        lambda("b", { name: "fn-b" });
        await engine.settle();
        assert.deepEqual(engine.ofType(KEY), [], "a given key: no key is created");
        for (const [resource, fn] of [
            ["a", "fn-a"],
            ["b", "fn-b"],
        ]) {
            assert.deepEqual(engine.get(GROUP, `${resource}-logs`).inputs, {
                name: `/aws/lambda/${fn}`,
                retentionInDays: 30,
                kmsKeyId: SHARED_KEY,
                logGroupClass: "INFREQUENT_ACCESS",
                skipDestroy: true,
                deletionProtectionEnabled: true,
                tags: { team: "orders" },
            });
            assert.equal(
                engine.get(FUNCTION, resource).inputs.loggingConfig.logGroup,
                `/aws/lambda/${fn}`,
            );
        }
    });

    it("names an auto-named function's group /aws/lambda/<resource name>-<7 hex>, from its parent URN and name", async () => {
        const engine = await start();
        encryptLambdaLogGroups();
        lambda("worker");
        await engine.settle();
        // The function's parent: "" under the mock engine, the stack's URN in a deployment.
        const parent = engine.get(FUNCTION, "worker").parent;
        const digest = createHash("sha256").update(`${parent}\nworker`).digest("hex").slice(0, 7);
        const expected = `/aws/lambda/worker-${digest}`;
        assert.equal(engine.get(GROUP, "worker-logs").inputs.name, expected);
        assert.deepEqual(engine.get(FUNCTION, "worker").inputs.loggingConfig, {
            logFormat: "Text",
            logGroup: expected,
        });
        // The transform leaves the function's own name to the provider, which auto-names it.
        assert.match(engine.get(FUNCTION, "worker").inputs.name, /^worker-[0-9a-f]{7}$/);
    });

    it("puts the group beside a function inside a component, with the function's provider and region", async () => {
        const engine = await start();
        encryptLambdaLogGroups();
        const eu = new aws.Provider("eu", { region: "eu-west-1" });
        class Service extends pulumi.ComponentResource {
            constructor(name: string) {
                super("test:index:Service", name);
                lambda(
                    "handler",
                    { name: "svc-handler", region: "eu-west-1" },
                    { parent: this, provider: eu },
                );
                this.registerOutputs({});
            }
        }
        const service = new Service("svc");
        await engine.settle();
        const component = engine.get(COMPONENT, "handler-logs");
        assert.equal(component.parent, await urnOf(service));
        const group = engine.get(GROUP, "handler-logs");
        assert.equal(group.provider, engine.get(FUNCTION, "handler").provider);
        assert.match(group.provider, /::eu::/);
        assert.deepEqual(group.inputs, {
            name: "/aws/lambda/svc-handler",
            retentionInDays: 365,
            kmsKeyId: group.inputs.kmsKeyId,
            logGroupClass: "STANDARD",
            skipDestroy: true,
            deletionProtectionEnabled: true,
            region: "eu-west-1",
        });
        assert.match(group.inputs.kmsKeyId, /^arn:aws:kms:eu-west-1:111122223333:key\//);
        const policy = JSON.parse(engine.get(KEY, "handler-logs-key").inputs.policy);
        assert.deepEqual(
            policy,
            logGroupKeyPolicy({
                ...COMMERCIAL,
                region: "eu-west-1",
                logGroupNames: ["/aws/lambda/svc-handler"],
            }),
        );
    });

    it("follows a function name unknown at preview: the group's name is unknown too", async () => {
        const engine = await start({ preview: true });
        encryptLambdaLogGroups();
        const role = new aws.iam.Role("role", { assumeRolePolicy: "{}" });
        lambda("orders", { name: role.id.apply((id) => `${id}-fn`) });
        await engine.settle();
        assert.ok(isUnknownInput(engine.get(GROUP, "orders-logs").inputs.name));
        const config = engine.get(FUNCTION, "orders").inputs.loggingConfig;
        assert.equal(config.logFormat, "Text");
        assert.ok(isUnknownInput(config.logGroup));
    });

    it("leaves a function that names its own group alone", async () => {
        const engine = await start();
        encryptLambdaLogGroups();
        const own = new EncryptedLogGroup("own", { logGroupName: "/app/orders" });
        lambda("orders", {
            name: "orders-fn",
            loggingConfig: { logFormat: "JSON", logGroup: own.name },
        });
        lambda("fixed", {
            name: "fixed-fn",
            loggingConfig: { logFormat: "Text", logGroup: "/app/fixed" },
        });
        await engine.settle();
        assert.deepEqual(
            engine.ofType(COMPONENT).map((r) => r.name),
            ["own"],
        );
        assert.deepEqual(engine.get(FUNCTION, "orders").inputs.loggingConfig, {
            logFormat: "JSON",
            logGroup: "/app/orders",
        });
        assert.deepEqual(engine.get(FUNCTION, "fixed").inputs.loggingConfig, {
            logFormat: "Text",
            logGroup: "/app/fixed",
        });
        assert.deepEqual(
            transforms!.calls.filter((c) => c.changed),
            [],
        );
    });

    it("leaves every other resource alone", async () => {
        const engine = await start();
        encryptLambdaLogGroups();
        new aws.s3.Bucket("bucket", { bucket: "orders-bucket" });
        new aws.cloudwatch.LogGroup("plain", { name: "/app/plain" });
        await engine.settle();
        assert.deepEqual(engine.summary(), [
            "aws:cloudwatch/logGroup:LogGroup::plain",
            "aws:s3/bucket:Bucket::bucket",
        ]);
        assert.deepEqual(engine.get(GROUP, "plain").inputs, { name: "/app/plain" });
        assert.deepEqual(
            transforms!.calls.filter((c) => c.changed),
            [],
        );
    });

    it("does not touch a function the engine registered before the transform (later ones only)", async () => {
        // The SDK holds every RegisterResource until pending stack-transform registrations are done
        // (runtime/resource.ts: awaitStackRegistrations), so "before" means "already sent".
        const engine = await start();
        lambda("early", { name: "early-fn" });
        await engine.settle();
        encryptLambdaLogGroups();
        lambda("late", { name: "late-fn" });
        await engine.settle();
        assert.equal(engine.get(FUNCTION, "early").inputs.loggingConfig, undefined);
        assert.equal(
            engine.get(FUNCTION, "late").inputs.loggingConfig.logGroup,
            "/aws/lambda/late-fn",
        );
        assert.deepEqual(
            engine.ofType(COMPONENT).map((r) => r.name),
            ["late-logs"],
        );
    });

    for (const [what, args, message] of [
        [
            "retentionInDays 42",
            { retentionInDays: 42 },
            "retentionInDays is 42: CloudWatch Logs does not accept this retention period.",
        ],
        [
            'logGroupClass "DELIVERY"',
            { logGroupClass: "DELIVERY" },
            'logGroupClass is "DELIVERY": this log class does not keep events',
        ],
    ] as const) {
        it(`fails when the transform is made, for ${what}`, async () => {
            await start();
            assert.throws(
                // A value outside the enum, as another language or plain JavaScript could pass it.
                () =>
                    lambdaLogGroupTransform(args as Parameters<typeof lambdaLogGroupTransform>[0]),
                (e: Error) => e.message.startsWith(message),
            );
        });
    }
});

describe("the services' default log group names", () => {
    it("builds each name as the AWS documentation gives it", () => {
        assert.equal(lambdaLogGroupName("orders"), "/aws/lambda/orders");
        assert.equal(
            apiGatewayExecutionLogGroupName("a1b2c3", "prod"),
            "API-Gateway-Execution-Logs_a1b2c3/prod",
        );
        assert.equal(eksClusterLogGroupName("my-cluster"), "/aws/eks/my-cluster/cluster");
        assert.equal(
            rdsInstanceLogGroupName("my_instance", "slowquery"),
            "/aws/rds/instance/my_instance/slowquery",
        );
        assert.equal(
            rdsClusterLogGroupName("aurora-1", "audit"),
            "/aws/rds/cluster/aurora-1/audit",
        );
        assert.equal(
            codeBuildLogGroupName("codebuild-demo-project"),
            "/aws/codebuild/codebuild-demo-project",
        );
    });
});

async function urnOf(resource: pulumi.Resource): Promise<string> {
    return (resource.urn as any).promise();
}
