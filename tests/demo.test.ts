/**
 * The README's demo: the root Pulumi.yaml program previews offline under the mock engine with the
 * resources, keys and policies the quick start promises.
 */
import * as assert from "node:assert/strict";
import { anomalyDetectorKeyPolicy, logGroupKeyPolicy } from "../components";
import { previewProgram, renderTree, rootProgram } from "../scripts/demo";
import { COMMERCIAL } from "./support/mockEngine";

describe("npm run demo", () => {
    it("previews examples/complete from the root Pulumi.yaml with both keys and their policies", async () => {
        const program = rootProgram();
        assert.match(program, /examples[/\\]complete[/\\]?$/);
        const engine = await previewProgram(program);
        assert.deepEqual(engine.summary(), [
            "aws:cloudwatch/logAnomalyDetector:LogAnomalyDetector::app-anomalies",
            "aws:cloudwatch/logGroup:LogGroup::app",
            "aws:kms/key:Key::app-anomalies-key",
            "aws:kms/key:Key::app-key",
            "encrypted-logs:index:EncryptedAnomalyDetector::app-anomalies",
            "encrypted-logs:index:EncryptedLogGroup::app",
            "encrypted-logs:index:LogsKey::app-anomalies-key",
            "encrypted-logs:index:LogsKey::app-key",
            "pulumi:pulumi:Stack::encrypted-logs-quickstart-demo",
        ]);
        assert.deepEqual(
            JSON.parse(engine.get("aws:kms/key:Key", "app-key").inputs.policy),
            logGroupKeyPolicy({ ...COMMERCIAL, logGroupNames: ["/encrypted-logs/app"] }),
        );
        assert.deepEqual(
            JSON.parse(engine.get("aws:kms/key:Key", "app-anomalies-key").inputs.policy),
            anomalyDetectorKeyPolicy({ ...COMMERCIAL }),
        );
        const tree = renderTree(engine).join("\n");
        assert.match(tree, /kmsKeyId: \(known after deploy, from app-key\)/);
        assert.match(tree, /aws:kms\/key:Key  app-key  \[retainOnDelete\]/);
    });
});
