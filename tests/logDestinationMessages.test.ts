/**
 * The log-destination policies' messages through the analyzer protocol, word for word, and the
 * region each destination's group must be in.
 */
import * as assert from "node:assert/strict";
import { namedLogGroup, writer } from "../harness/destinationFixtures";
import { unknown } from "../harness/policyHarness";
import { messageOf, verdicts } from "../harness/verdicts";
import { StackBuilder } from "../harness/stackFixtures";
import {
    DESCRIPTION,
    ECS_DEFINITIONS,
    ENCRYPTED,
    LAMBDA,
    Running,
    UNVERIFIED,
    arn,
    packSuite,
    previewOf,
    source,
} from "./logDestinations/fixtures";
import { ROWS } from "./logDestinations/rows";

/** What a refusal says, word for word. */
function refusedMessages(running: Running): void {
    const preview = previewOf(running);
    describe("messages, word for word: refusals", () => {
        it("names the group the service would create, the resource and the fix", async () => {
            const s = new StackBuilder();
            writer(s, LAMBDA, "worker", { name: "worker-fn" });
            const result = await preview(s);
            const d = result.all[0];
            assert.equal(d.enforcementLevel, "mandatory");
            assert.equal(d.policyName, ENCRYPTED);
            assert.equal(
                d.message,
                `${DESCRIPTION}\n` +
                    '[log-destination] Lambda function "worker" (aws:lambda/function:Function) writes its function logs to the log group ' +
                    '"/aws/lambda/worker-fn" in us-east-1, which this stack does not declare: Lambda creates it itself, with no KMS key, ' +
                    "when it first writes (and a later attempt to declare it fails with ResourceAlreadyExistsException). " +
                    "Fix: declare the group with an EncryptedLogGroup and set loggingConfig.logGroup to its name, or call " +
                    "encryptLambdaLogGroups() at the top of the program.",
            );
        });

        const messages: [string, (s: StackBuilder) => void, string, string][] = [
            [
                "names the MethodSettings' execution-log group and how to declare it first",
                (s) =>
                    ROWS.find(
                        (r) => r.type === "aws:apigateway/methodSettings:MethodSettings",
                    )!.known(s),
                "prod-logging",
                '[log-destination] API Gateway method settings "prod-logging" (aws:apigateway/methodSettings:MethodSettings) writes its ' +
                    'execution logs to the log group "API-Gateway-Execution-Logs_a1b2c3/prod" in us-east-1, which this stack does not declare: ' +
                    "API Gateway creates it itself, with no KMS key, when it first writes (and a later attempt to declare it fails with " +
                    "ResourceAlreadyExistsException). Fix: declare it first, new EncryptedLogGroup(name, { logGroupName: " +
                    "apiGatewayExecutionLogGroupName(restApiId, stageName) }), and add that group to the MethodSettings' dependsOn.",
            ],
            [
                "a declared group without a key",
                (s) =>
                    ROWS.find((r) => r.type === LAMBDA && r.name === "orders")!.reference!(
                        s,
                        namedLogGroup(s, "orders-logs", "/app/orders", { encrypted: false }),
                    ),
                "orders",
                '[log-destination] Lambda function "orders" (aws:lambda/function:Function) writes its function logs to log group ' +
                    '"orders-logs" (aws:cloudwatch/logGroup:LogGroup) (found through the property dependency of loggingConfig), which has ' +
                    "no kmsKeyId: its events are encrypted with an AWS-owned key. Fix: give that log group a kmsKeyId (an EncryptedLogGroup " +
                    "creates the key and its policy).",
            ],
        ];
        for (const [title, build, name, message] of messages) {
            it(title, async () => {
                const s = new StackBuilder();
                build(s);
                assert.equal(messageOf(await preview(s), ENCRYPTED, name), message);
            });
        }
    });
}

/** What a refusal of the declared group's key says, on both policies. */
function keyRefusalMessages(running: Running): void {
    const preview = previewOf(running);
    describe("messages, word for word: a key the key rules refuse", () => {
        it("a declared group whose key the key rules refuse, reported on both", async () => {
            const s = new StackBuilder();
            s.logGroup("orders-logs", {
                key: s.key("rsa", {
                    existing: true,
                    spec: "RSA_2048",
                    policyFor: ["/app/orders-logs"],
                }),
            });
            writer(s, LAMBDA, "orders", {
                name: "orders-fn",
                loggingConfig: { logFormat: "Text", logGroup: "/app/orders-logs" },
            });
            const result = await preview(s);
            assert.deepEqual(verdicts(result), [
                `${ENCRYPTED}/orders [log-destination]`,
                "log-encryption-key-usable/orders-logs [symmetric]",
            ]);
            assert.equal(
                messageOf(result, ENCRYPTED, "orders"),
                '[log-destination] Lambda function "orders" (aws:lambda/function:Function) writes its function logs to log group ' +
                    '"orders-logs" (aws:cloudwatch/logGroup:LogGroup) (found through its name), whose KMS key fails [symmetric] ' +
                    "(see that log group's log-encryption-key-usable findings). Fix: fix that log group's key.",
            );
        });
    });
}

/** What "cannot verify yet" says, and the catalogued phrases. */
function unverifiableMessages(running: Running): void {
    const preview = previewOf(running);
    describe("messages, word for word: cannot verify yet", () => {
        it("cannot verify yet, as an advisory, only when nothing leads to a group", async () => {
            const s = new StackBuilder();
            writer(s, LAMBDA, "worker", {
                name: "worker-fn",
                loggingConfig: { logFormat: "Text", logGroup: unknown() },
            });
            const result = await preview(s);
            assert.deepEqual(verdicts(result), [`${UNVERIFIED}/worker [cannot verify yet]`]);
            assert.equal(result.all[0].enforcementLevel, "advisory");
            assert.equal(
                messageOf(result, UNVERIFIED, "worker"),
                '[cannot verify yet] Lambda function "worker" (aws:lambda/function:Function) writes its function logs to a log group that ' +
                    "cannot be identified yet: loggingConfig is unknown at preview and depends on no resource " +
                    "of this stack. It is checked once that is known (e.g. the next preview after deploying); naming the group with an " +
                    "EncryptedLogGroup's name or arn lets it be checked now.",
            );
        });

        it("keeps the catalogued phrases of docs/errors.md", async () => {
            const s = new StackBuilder();
            ROWS.find((r) => r.type === "aws:sfn/stateMachine:StateMachine")!.known(s);
            writer(s, LAMBDA, "worker", {
                name: "worker-fn",
                loggingConfig: { logFormat: "Text", logGroup: unknown() },
            });
            writer(s, "aws:ecs/taskDefinition:TaskDefinition", "web", {
                family: "web",
                containerDefinitions: unknown(),
            });
            const result = await preview(s);
            assert.match(
                messageOf(result, UNVERIFIED, "workflow"),
                /which this stack does not declare and Step Functions does not create \(it must already exist, managed by another stack or account\): whether it has a usable KMS key cannot be verified yet/,
            );
            assert.match(
                messageOf(result, UNVERIFIED, "worker"),
                /to a log group that cannot be identified yet/,
            );
            assert.match(
                messageOf(result, UNVERIFIED, "web"),
                /whether or where it writes logs to CloudWatch Logs is not known yet/,
            );
        });

        it("cannot verify yet when several groups are named from the same resource", async () => {
            const s = new StackBuilder();
            const from = source(s);
            namedLogGroup(s, "one", unknown(), { nameFrom: from });
            namedLogGroup(s, "two", unknown(), { nameFrom: from });
            writer(
                s,
                LAMBDA,
                "worker",
                { name: unknown() },
                { propertyDependencies: { name: [from.urn] } },
            );
            assert.match(
                messageOf(await preview(s), UNVERIFIED, "worker"),
                /the group's name is unknown at preview, and log groups this stack declares with a key may be it \("one", "two"\)/,
            );
        });

        it("a task definition unknown as a whole that references no log group cannot be verified yet", async () => {
            const s = new StackBuilder();
            writer(s, "aws:ecs/taskDefinition:TaskDefinition", "web", {
                family: "web",
                containerDefinitions: unknown(),
            });
            assert.equal(
                messageOf(await preview(s), UNVERIFIED, "web"),
                '[cannot verify yet] ECS task definition "web" (aws:ecs/taskDefinition:TaskDefinition): whether or where it writes logs ' +
                    "to CloudWatch Logs is not known yet: containerDefinitions is unknown at preview.",
            );
        });
    });
}

/** The region a group must be in: the writer's, awslogs-region, an ARN's. */
function regionCases(running: Running): void {
    const preview = previewOf(running);
    describe("regions", () => {
        it("refuses a group of that name declared in another region, and says where", async () => {
            const s = new StackBuilder();
            const eu = s.provider("eu", "eu-west-1");
            namedLogGroup(s, "group", "/aws/lambda/worker-fn", { provider: eu });
            writer(s, LAMBDA, "worker", { name: "worker-fn" });
            assert.match(
                messageOf(await preview(s), ENCRYPTED, "worker"),
                /"\/aws\/lambda\/worker-fn" in us-east-1, which this stack does not declare \(a log group of that name is declared in eu-west-1, not in us-east-1\)/,
            );
        });

        it("takes an ECS container's awslogs-region over the task definition's", async () => {
            const s = new StackBuilder();
            namedLogGroup(s, "group", "/app/web");
            writer(s, "aws:ecs/taskDefinition:TaskDefinition", "web", {
                family: "web",
                containerDefinitions: ECS_DEFINITIONS("/app/web", {
                    "awslogs-region": "eu-west-1",
                    "awslogs-create-group": "true",
                }),
            });
            assert.equal(
                messageOf(await preview(s), ENCRYPTED, "web"),
                '[log-destination] ECS task definition "web" (aws:ecs/taskDefinition:TaskDefinition) writes its container logs of "web" ' +
                    'to the log group "/app/web" in eu-west-1, which this stack does not declare (a log group of that name is declared in ' +
                    "us-east-1, not in eu-west-1): ECS creates it itself, with no KMS key, when it first writes (and a later attempt to " +
                    'declare it fails with ResourceAlreadyExistsException). Fix: set the container\'s options["awslogs-group"] to an ' +
                    "EncryptedLogGroup's name, without awslogs-create-group.",
            );
        });

        it("takes a known ARN's region: a Route 53 query log's group in us-east-1 from an eu-west-1 provider", async () => {
            const s = new StackBuilder();
            const eu = s.provider("eu", "eu-west-1");
            namedLogGroup(s, "group", "/app/dns");
            writer(
                s,
                "aws:route53/queryLog:QueryLog",
                "dns",
                {
                    zoneId: "Z1",
                    cloudwatchLogGroupArn: arn("/app/dns"),
                },
                { provider: eu },
            );
            assert.deepEqual(verdicts(await preview(s)), []);
        });
    });
}

packSuite(
    "policy pack: log-destination messages and regions through the analyzer protocol",
    (running) => {
        refusedMessages(running);
        keyRefusalMessages(running);
        unverifiableMessages(running);
        regionCases(running);
    },
);
