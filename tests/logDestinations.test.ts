/**
 * The log-destination policies through the analyzer protocol (the pack started as the CLI starts
 * it, a whole preview per case): for every resource type of the destinations table, with no
 * declared group (refused or outside the stack), a declared group without a key (refused), a
 * declared encrypted group by name or ARN and by reference (passes), a name unknown at preview
 * (followed), and logging disabled (silent). Messages and regions: logDestinationMessages.test.ts;
 * configuration: logDestinationConfig.test.ts.
 */
import * as assert from "node:assert/strict";
import { namedLogGroup, groupArnOf, writer } from "../harness/destinationFixtures";
import { unknown } from "../harness/policyHarness";
import { messageOf, verdicts } from "../harness/verdicts";
import { ACCOUNT, StackBuilder } from "../harness/stackFixtures";
import {
    APPSYNC,
    APPSYNC_INPUTS,
    ENCRYPTED,
    REQUIRED,
    Row,
    Running,
    UNVERIFIED,
    arn,
    packSuite,
    previewOf,
    serviceCreatesItsGroup,
} from "./logDestinations/fixtures";
import { ROWS } from "./logDestinations/rows";

/** The cases of one row of the table. */
function rowCases(running: Running, row: Row): void {
    const preview = previewOf(running);
    describe(`${row.type} "${row.name}" writing to ${row.group}`, () => {
        // A named group its service does not create is outside the stack: "cannot verify yet".
        const outside = !serviceCreatesItsGroup(row);
        it(
            outside
                ? "cannot be verified yet when the stack declares no such group (outside the stack)"
                : "is refused when the stack declares no such group",
            async () => {
                const s = new StackBuilder();
                row.known(s);
                assert.deepEqual(verdicts(await preview(s)), [
                    outside
                        ? `${UNVERIFIED}/${row.name} [cannot verify yet]`
                        : `${ENCRYPTED}/${row.name} [log-destination]`,
                ]);
            },
        );

        it("is refused when the declared group has no kmsKeyId", async () => {
            const s = new StackBuilder();
            namedLogGroup(s, "group", row.group, { encrypted: false });
            row.known(s);
            const result = await preview(s);
            assert.deepEqual(verdicts(result), [
                `${ENCRYPTED}/${row.name} [log-destination]`,
                `${REQUIRED}/group [key-required]`,
            ]);
            assert.match(messageOf(result, ENCRYPTED, row.name), /which has no kmsKeyId/);
        });

        it("passes with a declared encrypted group of that name", async () => {
            const s = new StackBuilder();
            namedLogGroup(s, "group", row.group);
            row.known(s);
            assert.deepEqual(verdicts(await preview(s)), []);
        });

        if (row.reference !== undefined) {
            it("passes with a declared encrypted group it references (its ARN or name unknown at preview)", async () => {
                const s = new StackBuilder();
                row.reference!(s, namedLogGroup(s, "group", row.group));
                assert.deepEqual(verdicts(await preview(s)), []);
            });
        }

        it("follows a name unknown at preview to the declared encrypted group", async () => {
            const s = new StackBuilder();
            row.unknownName(s);
            assert.deepEqual(verdicts(await preview(s)), []);
        });

        if (row.disabled !== undefined) {
            it("is silent when its logging is off", async () => {
                const s = new StackBuilder();
                row.disabled!(s);
                assert.deepEqual(verdicts(await preview(s)), []);
            });
        }
    });
}

/** AppSync's group named from its own id, Glue's default group. */
function serviceCases(running: Running): void {
    const preview = previewOf(running);
    describe("a new AppSync API, whose group is named from its own id", () => {
        it("is refused when the only group with an unknown name is computed from another API", async () => {
            const s = new StackBuilder();
            writer(s, APPSYNC, "graphql", APPSYNC_INPUTS);
            const other = writer(s, APPSYNC, "other", {
                name: "other",
                authenticationType: "API_KEY",
            });
            namedLogGroup(s, "other-logs", unknown(), { nameFrom: other });
            const result = await preview(s);
            assert.deepEqual(verdicts(result), [`${ENCRYPTED}/graphql [log-destination]`]);
        });
    });

    describe("a Glue job logging continuously to Glue's default group", () => {
        const GLUE = "aws:glue/job:Job";
        const job = (s: StackBuilder, extra: Record<string, unknown> = {}) =>
            writer(s, GLUE, "etl", {
                name: "etl",
                roleArn: `arn:aws:iam::${ACCOUNT}:role/glue`,
                defaultArguments: { "--enable-continuous-cloudwatch-log": "true" },
                ...extra,
            });

        it("is refused when the stack does not declare /aws-glue/jobs/logs-v2 (Glue creates it)", async () => {
            const s = new StackBuilder();
            job(s);
            const result = await preview(s);
            assert.deepEqual(verdicts(result), [`${ENCRYPTED}/etl [log-destination]`]);
            assert.match(
                messageOf(result, ENCRYPTED, "etl"),
                /"\/aws-glue\/jobs\/logs-v2" in us-east-1, which this stack does not declare: Glue creates it itself/,
            );
        });

        it("passes with a declared encrypted /aws-glue/jobs/logs-v2", async () => {
            const s = new StackBuilder();
            namedLogGroup(s, "group", "/aws-glue/jobs/logs-v2");
            job(s);
            assert.deepEqual(verdicts(await preview(s)), []);
        });

        it("cannot verify yet with a security configuration (its group's name is not modelled)", async () => {
            const s = new StackBuilder();
            job(s, { securityConfiguration: "kms-logs" });
            assert.deepEqual(verdicts(await preview(s)), [`${UNVERIFIED}/etl [cannot verify yet]`]);
        });
    });
}

/** Writers that log nowhere, several exports, components, deployed references. */
function generalCases(running: Running): void {
    const preview = previewOf(running);
    it("is silent on resources that log nowhere or elsewhere", async () => {
        const s = new StackBuilder();
        writer(s, "aws:s3/bucket:Bucket", "data", { bucket: "data-bucket" });
        writer(s, "aws:sqs/queue:Queue", "jobs", {});
        writer(s, "aws:iam/role:Role", "role", { assumeRolePolicy: "{}" });
        writer(s, "aws:ec2/flowLog:FlowLog", "to-firehose", {
            vpcId: "vpc-1",
            logDestinationType: "kinesis-data-firehose",
            logDestination: "arn:aws:firehose:us-east-1:111122223333:deliverystream/flows",
        });
        namedLogGroup(s, "unused", "/app/unused");
        assert.deepEqual(verdicts(await preview(s)), []);
    });

    it("refuses each undeclared RDS export and passes each declared one", async () => {
        const s = new StackBuilder();
        namedLogGroup(s, "pg", "/aws/rds/instance/orders-db/postgresql");
        writer(s, "aws:rds/instance:Instance", "db", {
            identifier: "orders-db",
            enabledCloudwatchLogsExports: ["postgresql", "upgrade"],
        });
        const result = await preview(s);
        assert.deepEqual(verdicts(result), [`${ENCRYPTED}/db [log-destination]`]);
        assert.match(
            messageOf(result, ENCRYPTED, "db"),
            /writes its upgrade logs to the log group "\/aws\/rds\/instance\/orders-db\/upgrade" in us-east-1/,
        );
    });

    it("finds a group inside a component through a property dependency on the component", async () => {
        const s = new StackBuilder();
        const component = writer(s, "encrypted-logs:index:EncryptedLogGroup", "orders-logs", {});
        namedLogGroup(s, "orders-logs", "/app/orders", { parent: component.urn });
        writer(
            s,
            "aws:sfn/stateMachine:StateMachine",
            "workflow",
            { definition: "{}", loggingConfiguration: { level: "ALL", logDestination: unknown() } },
            { propertyDependencies: { loggingConfiguration: [component.urn] } },
        );
        assert.deepEqual(verdicts(await preview(s)), []);
    });

    it("uses the same group references as a deployed stack: known ARNs of existing groups", async () => {
        const s = new StackBuilder();
        const g = namedLogGroup(s, "group", "/app/api-access");
        assert.ok(
            typeof groupArnOf(g) !== "string",
            "the fixture group's ARN is unknown at preview",
        );
        writer(s, "aws:apigatewayv2/stage:Stage", "http-prod", {
            apiId: "x1",
            accessLogSettings: { destinationArn: `${arn("/app/api-access")}:*`, format: "x" },
        });
        assert.deepEqual(verdicts(await preview(s)), []);
    });
}

packSuite("policy pack: log-destinations-encrypted through the analyzer protocol", (running) => {
    for (const row of ROWS) {
        rowCases(running, row);
    }
    serviceCases(running);
    generalCases(running);
});
