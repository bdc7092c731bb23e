/**
 * Programs with resources that write to CloudWatch Logs, previewed under the mock engine (stack
 * transforms included) and judged by the pack: examples/serverless passes with no diagnostic at
 * all, and the demo's Lambda function is refused without its encrypted group and passes with
 * encryptLambdaLogGroups().
 */
import * as assert from "node:assert/strict";
import * as path from "node:path";
import { previewLambdaFixed, renderVerdicts } from "../scripts/demo";
import { judge, lambdaProgram, previewProgram } from "../harness/preview";
import { usePolicyPack } from "../harness/policyHarness";

const examples = path.resolve(__dirname, "..", "..", "examples");

describe("policy pack: programs whose resources write to CloudWatch Logs", function () {
    this.timeout(120_000);
    const running = usePolicyPack();

    it("passes examples/serverless with no diagnostic at all: every group it writes to is declared and encrypted", async () => {
        const engine = await previewProgram(path.join(examples, "serverless"));
        const { stack, result } = await judge(running(), engine);
        assert.deepEqual(result.all, []);
        // Every log group has a key, and every writer of the table is there.
        const groups = stack.filter((r) => r.type === "aws:cloudwatch/logGroup:LogGroup");
        assert.deepEqual(groups.map((g) => g.name).sort(), [
            "api-access-logs",
            "api-execution-logs",
            "handler-logs",
            "workflow-logs",
        ]);
        for (const g of groups) {
            assert.ok(g.inputs.kmsKeyId !== undefined, `${g.name} has a kmsKeyId`);
        }
        assert.deepEqual(
            stack
                .filter((r) =>
                    [
                        "aws:lambda/function:Function",
                        "aws:apigateway/stage:Stage",
                        "aws:apigateway/methodSettings:MethodSettings",
                        "aws:sfn/stateMachine:StateMachine",
                    ].includes(r.type),
                )
                .map((r) => `${r.type}::${r.name}`)
                .sort(),
            [
                "aws:apigateway/methodSettings:MethodSettings::api-execution-logging",
                "aws:apigateway/stage:Stage::api",
                "aws:lambda/function:Function::handler",
                "aws:sfn/stateMachine:StateMachine::workflow",
            ],
        );
        // The transform pointed the function at its group, declared before it.
        const fn = engine.get("aws:lambda/function:Function", "handler");
        assert.deepEqual(fn.inputs.loggingConfig, {
            logFormat: "Text",
            logGroup: "/aws/lambda/serverless-orders-handler",
        });
        assert.equal(
            engine.get("aws:cloudwatch/logGroup:LogGroup", "handler-logs").inputs.name,
            "/aws/lambda/serverless-orders-handler",
        );
    });

    it("the demo: refuses the Lambda function whose group Lambda would create, then passes it fixed", async () => {
        const refused = await judge(running(), await previewProgram(lambdaProgram()));
        assert.deepEqual(renderVerdicts(refused.stack, refused.result), [
            "FAIL  aws:lambda/function:Function  orders",
            '      mandatory log-destinations-encrypted: [log-destination] Lambda function "orders" (aws:lambda/function:Function) ' +
                'writes its function logs to the log group "/aws/lambda/orders-handler" in us-east-1, which this stack does not declare: ' +
                "Lambda creates it itself, with no KMS key, when it first writes (and a later attempt to declare it fails with " +
                "ResourceAlreadyExistsException). Fix: declare the group with an EncryptedLogGroup and set loggingConfig.logGroup to its " +
                "name, or call encryptLambdaLogGroups() at the top of the program.",
        ]);
        const fixed = await judge(running(), await previewLambdaFixed());
        assert.deepEqual(fixed.result.all, []);
        assert.deepEqual(renderVerdicts(fixed.stack, fixed.result).sort(), [
            "PASS  aws:cloudwatch/logGroup:LogGroup  orders-logs",
            "PASS  aws:lambda/function:Function  orders",
        ]);
    });
});
