/**
 * EncryptedAnomalyDetector under the recording mock engine: the detector, its key with the
 * seed-003 statements, replacement on a key change, and bad input.
 */
import * as assert from "node:assert/strict";
import {
    EncryptedAnomalyDetector,
    EncryptedLogGroup,
    EvaluationFrequency,
    anomalyDetectorKeyPolicy,
} from "../components";
import { CHINA, COMMERCIAL, MockEngine, valueOf } from "../testing/mockEngine";
import { ConstructionError, itFailsAtConstruction } from "./support/construction";

const KEY = "aws:kms/key:Key";
const DETECTOR = "aws:cloudwatch/logAnomalyDetector:LogAnomalyDetector";
const GROUP_ARN = "arn:aws:logs:us-east-1:111122223333:log-group:/app/orders";
const OWN_KEY = "arn:aws:kms:us-east-1:111122223333:key/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";

describe("EncryptedAnomalyDetector", () => {
    it("creates the detector and a key with the anomaly-detector statements", async () => {
        const engine = await MockEngine.start();
        const detector = new EncryptedAnomalyDetector("orders-anomalies", {
            logGroupArn: GROUP_ARN,
            evaluationFrequency: "FIFTEEN_MIN",
            anomalyVisibilityTime: 14,
            filterPattern: "ERROR",
        });
        await engine.settle();
        assert.deepEqual(engine.summary(), [
            "aws:cloudwatch/logAnomalyDetector:LogAnomalyDetector::orders-anomalies",
            "aws:kms/key:Key::orders-anomalies-key",
            "encrypted-logs:index:EncryptedAnomalyDetector::orders-anomalies",
        ]);
        const key = engine.get(KEY, "orders-anomalies-key");
        assert.deepEqual(
            JSON.parse(key.inputs.policy),
            anomalyDetectorKeyPolicy({ ...COMMERCIAL }),
        );
        assert.equal(key.retainOnDelete, true);
        const recorded = engine.get(DETECTOR, "orders-anomalies");
        assert.deepEqual(recorded.inputs, {
            logGroupArnLists: [GROUP_ARN],
            kmsKeyId: await valueOf(detector.kmsKeyArn),
            detectorName: "orders-anomalies",
            evaluationFrequency: "FIFTEEN_MIN",
            filterPattern: "ERROR",
            anomalyVisibilityTime: 14,
            enabled: true,
        });
        assert.deepEqual(
            recorded.replaceOnChanges,
            ["kmsKeyId"],
            "a new key replaces the detector",
        );
        assert.ok(recorded.dependencies.includes(key.urn));
        assert.match(
            await valueOf(detector.arn),
            /^arn:aws:logs:us-east-1:111122223333:anomaly-detector:/,
        );
    });

    it("watches an EncryptedLogGroup through its ARN output", async () => {
        const engine = await MockEngine.start(CHINA);
        const group = new EncryptedLogGroup("app");
        new EncryptedAnomalyDetector("app-anomalies", { logGroupArn: group.arn, enabled: false });
        await engine.settle();
        const recorded = engine.get(DETECTOR, "app-anomalies");
        assert.deepEqual(recorded.inputs.logGroupArnLists, [
            "arn:aws-cn:logs:cn-north-1:444455556666:log-group:app",
        ]);
        assert.equal(recorded.inputs.enabled, false);
        assert.deepEqual(recorded.propertyDependencies.logGroupArnLists, [
            engine.get("aws:cloudwatch/logGroup:LogGroup", "app").urn,
        ]);
        const policy = JSON.parse(engine.get(KEY, "app-anomalies-key").inputs.policy);
        assert.equal(policy.Statement[1].Principal.Service, "logs.cn-north-1.amazonaws.com.cn");
    });

    it("uses a given key and creates none", async () => {
        const engine = await MockEngine.start();
        new EncryptedAnomalyDetector("d", { logGroupArn: GROUP_ARN, kmsKeyArn: OWN_KEY });
        await engine.settle();
        assert.equal(engine.ofType(KEY).length, 0);
        assert.equal(engine.get(DETECTOR, "d").inputs.kmsKeyId, OWN_KEY);
        assert.deepEqual(engine.get(DETECTOR, "d").replaceOnChanges, ["kmsKeyId"]);
    });

    const constructionErrors: ConstructionError[] = [
        [
            "a missing logGroupArn",
            () => new EncryptedAnomalyDetector("d", {} as never),
            'EncryptedAnomalyDetector "d": logGroupArn is not set: an anomaly detector watches one log group and needs its ARN.',
        ],
        [
            "an evaluation frequency CloudWatch Logs does not know",
            () =>
                new EncryptedAnomalyDetector("d", {
                    logGroupArn: GROUP_ARN,
                    // TypeScript refuses it at compile time; other languages can send it.
                    evaluationFrequency: "TWO_MIN" as EvaluationFrequency,
                }),
            'evaluationFrequency is "TWO_MIN": CloudWatch Logs does not accept this frequency. Allowed: ONE_MIN, FIVE_MIN, TEN_MIN, FIFTEEN_MIN, THIRTY_MIN, ONE_HOUR.',
        ],
        [
            "anomalyVisibilityTime 6",
            () =>
                new EncryptedAnomalyDetector("d", {
                    logGroupArn: GROUP_ARN,
                    anomalyVisibilityTime: 6,
                }),
            "anomalyVisibilityTime is 6: out of range. Allowed: a whole number from 7 to 90.",
        ],
        [
            "an alias ARN as kmsKeyArn",
            () =>
                new EncryptedAnomalyDetector("d", {
                    logGroupArn: GROUP_ARN,
                    kmsKeyArn: "arn:aws:kms:us-east-1:111122223333:alias/x",
                }),
            'kmsKeyArn is "arn:aws:kms:us-east-1:111122223333:alias/x": this is an alias ARN, not a key ARN',
        ],
    ];
    itFailsAtConstruction(constructionErrors);

    const deployErrors: [string, () => unknown, string][] = [
        [
            "a log group in another region",
            () =>
                new EncryptedAnomalyDetector("d", {
                    logGroupArn: "arn:aws:logs:eu-west-1:111122223333:log-group:x",
                }),
            'EncryptedAnomalyDetector "d": logGroupArn is "arn:aws:logs:eu-west-1:111122223333:log-group:x": the log group is in aws/eu-west-1 but the detector is in aws/us-east-1',
        ],
        [
            "an S3 ARN instead of a log group ARN",
            () => new EncryptedAnomalyDetector("d", { logGroupArn: "arn:aws:s3:::bucket" }),
            'logGroupArn is "arn:aws:s3:::bucket": not a CloudWatch Logs log group ARN',
        ],
        [
            "a key in another region",
            () =>
                new EncryptedAnomalyDetector("d", {
                    logGroupArn: GROUP_ARN,
                    kmsKeyArn:
                        "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
                }),
            "the key is in region 'eu-west-1' but the detector is in region 'us-east-1'",
        ],
    ];
    for (const [what, create, message] of deployErrors) {
        it(`fails at deployment for ${what}`, async () => {
            const engine = await MockEngine.start();
            create();
            const failure = await engine.firstFailure();
            assert.ok(failure.message.includes(message), `message was: ${failure.message}`);
        });
    }
});
