/**
 * The log-destination flow's own parts, directly (`policypack/lib/destinations/analysis.ts`,
 * `facts.ts`, `groups.ts`, `rule.ts`): which resources are writers, how a writer and its groups are
 * named, the destinations of a writer whose logging is unknown at preview (the groups its unknown
 * property depends on), the key reports reused, and the rule's messages word for word where the
 * per-service tests only match a part.
 */
import * as assert from "node:assert/strict";
import { namedLogGroup, writer } from "../harness/destinationFixtures";
import { stackResources } from "../harness/inProcessPack";
import { unknown } from "../harness/policyHarness";
import { StackBuilder } from "../harness/stackFixtures";
import { analyseDestinations } from "../policypack/lib/destinations/analysis";
import { readDestinationsConfig } from "../policypack/lib/destinations/config";
import { WriterFacts, describeWriter } from "../policypack/lib/destinations/facts";
import { logDestinationFindings } from "../policypack/lib/destinations/rule";
import type { Finding } from "../policypack/lib/rules/rule";
import { UNKNOWN } from "../policypack/lib/stack/wire";

const LAMBDA = "aws:lambda/function:Function";
const TASK = "aws:ecs/taskDefinition:TaskDefinition";

function reports(s: StackBuilder, config: Record<string, unknown> = {}) {
    return analyseDestinations(stackResources(s.resources), {}, readDestinationsConfig(config));
}

describe("destinations: the flow's own parts", () => {
    it("names a writer by its label, and any other resource by its type", () => {
        assert.equal(
            describeWriter({ type: LAMBDA, name: "orders" }),
            'Lambda function "orders" (aws:lambda/function:Function)',
        );
        assert.equal(
            describeWriter({ type: "aws:s3/bucket:Bucket", name: "b" }),
            'aws:s3/bucket:Bucket "b" (aws:s3/bucket:Bucket)',
        );
    });

    it("judges only the writers of the table whose service is on; a type named like an Object member is none", () => {
        const s = new StackBuilder();
        writer(s, LAMBDA, "fn", { name: "fn" });
        writer(s, "constructor", "odd", { name: "odd" });
        writer(s, "toString", "odd2", {});
        assert.deepEqual(
            reports(s).map((r) => r.facts.subject),
            ['Lambda function "fn" (aws:lambda/function:Function)'],
        );
        assert.deepEqual(reports(s, { disabledServices: ["lambda"] }), []);
        assert.equal(reports(s, { disabledServices: ["eks"] }).length, 1);
    });

    it("follows an unknown logging property to the groups it depends on, a component's included", () => {
        const s = new StackBuilder();
        const known = namedLogGroup(s, "web-logs", "/ecs/web");
        const component = s.add({
            urn: s.urn("my:index:Logs", "comp"),
            type: "my:index:Logs",
            name: "comp",
            inputs: {},
            parent: s.stackUrn,
        });
        namedLogGroup(s, "api-logs", "/ecs/api", { encrypted: false, parent: component.urn });
        writer(
            s,
            TASK,
            "task",
            { family: "web", containerDefinitions: unknown() },
            {
                propertyDependencies: {
                    containerDefinitions: [known.urn, component.urn, known.urn],
                },
            },
        );
        const [report] = reports(s);
        const logs = (name: string) => ({
            logs: "logs",
            group: { by: "name", name },
            property: "containerDefinitions",
            dependencyProperties: ["containerDefinitions"],
            serviceCreatesGroup: false,
        });
        assert.deepEqual(
            report.facts.destinations.map((d) => {
                const { strategy, ...rest } = d.destination;
                assert.equal(strategy.name, "input name");
                return [rest, d.match.kind];
            }),
            [
                [logs("/ecs/web"), "declared"],
                [logs("/ecs/api"), "declared"],
            ],
        );
        assert.deepEqual(
            report.findings.map((f) => [f.outcome, f.message]),
            [
                [
                    "violation",
                    `ECS task definition "task" (${TASK}) writes its logs to log group "api-logs" (aws:cloudwatch/logGroup:LogGroup) (found through its name), which has no kmsKeyId: ` +
                        "its events are encrypted with an AWS-owned key. Fix: give that log group a kmsKeyId (an EncryptedLogGroup creates the key and its policy).",
                ],
            ],
        );
    });

    it("a group depended on whose name is unknown: its name is unknown too", () => {
        const s = new StackBuilder();
        const later = namedLogGroup(s, "later-logs", unknown(), { encrypted: false });
        writer(
            s,
            TASK,
            "task",
            { family: "web", containerDefinitions: unknown() },
            { propertyDependencies: { containerDefinitions: [later.urn] } },
        );
        const [report] = reports(s);
        assert.deepEqual(
            report.facts.destinations.map((d) => d.destination.group),
            [{ by: "name", name: UNKNOWN }],
        );
    });

    it("follows dependencies only when the logging is unknown, and takes only log groups as groups", () => {
        const s = new StackBuilder();
        const known = namedLogGroup(s, "web-logs", "/ecs/web");
        writer(
            s,
            TASK,
            "task",
            {
                family: "web",
                containerDefinitions: JSON.stringify([{ name: "web", image: "nginx" }]),
            },
            { propertyDependencies: { containerDefinitions: [known.urn] } },
        );
        // A trail named like the group a function writes to is not that group.
        s.trail("audit", s.bucket("b"), {});
        writer(s, LAMBDA, "fn", {
            name: "fn",
            loggingConfig: { logFormat: "Text", logGroup: "audit" },
        });
        const all = reports(s);
        const task = all.find((r) => r.facts.writer.name === "task")!;
        const fn = all.find((r) => r.facts.writer.name === "fn")!;
        assert.equal(task.facts.logs.kind, "disabled");
        assert.deepEqual(task.facts.destinations, []);
        assert.deepEqual(
            fn.facts.destinations.map((d) => d.match.kind),
            ["undeclared"],
        );
    });

    it("cannot verify a writer whose logging is unknown and depends on no group", () => {
        const s = new StackBuilder();
        writer(s, TASK, "task", { family: "web", containerDefinitions: unknown() });
        const [report] = reports(s);
        assert.deepEqual(report.facts.destinations, []);
        assert.deepEqual(
            report.findings.map((f) => [f.outcome, f.message]),
            [
                [
                    "unverifiable",
                    `ECS task definition "task" (${TASK}): whether or where it writes logs to CloudWatch Logs is not known yet: containerDefinitions is unknown at preview.`,
                ],
            ],
        );
    });

    describe("the rule's messages, from the facts", () => {
        const SUBJECT = 'VPC flow log "f" (aws:ec2/flowLog:FlowLog)';
        const GROUP = "aws:cloudwatch/logGroup:LogGroup";
        /** A writer with one destination found as `match`, in `region`, judged `judgement`. */
        const writerFacts = (
            match: object,
            region: unknown,
            serviceCreatesGroup: boolean,
            findings?: readonly Finding[],
        ) =>
            ({
                subject: SUBJECT,
                row: { serviceName: "VPC Flow Logs", fix: "declare it" },
                logs: { kind: "writes", destinations: [] },
                destinations: [
                    {
                        destination: { logs: "flow logs", serviceCreatesGroup },
                        region,
                        match,
                        judgement:
                            findings === undefined
                                ? undefined
                                : { facts: { resolution: { kind: "stack-key" } }, findings },
                    },
                ],
            }) as unknown as WriterFacts;
        const messages = (facts: WriterFacts) =>
            logDestinationFindings(facts).map((f) => `${f.outcome}: ${f.message}`);
        const undeclared = (elsewhere: string[]) => ({
            kind: "undeclared",
            name: "/shared",
            region: "us-east-1",
            elsewhere,
        });

        it("says where the group is only when its region is known", () => {
            const outside = (region: unknown) =>
                messages(writerFacts(undeclared([]), region, false))[0].split(", which")[0];
            const head = `unverifiable: ${SUBJECT} writes its flow logs to the log group "/shared"`;
            assert.equal(outside({ region: "eu-west-1", source: "x" }), `${head} in eu-west-1`);
            assert.equal(outside(UNKNOWN), head);
            assert.equal(outside(undefined), head);
        });

        it("names the regions a group of that name is declared in instead", () => {
            assert.deepEqual(
                messages(writerFacts(undeclared(["eu-west-1", "eu-central-1"]), undefined, true)),
                [
                    `violation: ${SUBJECT} writes its flow logs to the log group "/shared", which this stack does not declare ` +
                        "(a log group of that name is declared in eu-west-1, eu-central-1, not in us-east-1): " +
                        "VPC Flow Logs creates it itself, with no KMS key, when it first writes " +
                        "(and a later attempt to declare it fails with ResourceAlreadyExistsException). Fix: declare it.",
                ],
            );
        });

        it("a published group: its key's violations named and quoted, else what cannot be verified yet", () => {
            const published = {
                kind: "published",
                published: {
                    carrier: {
                        type: "encrypted-logs:index:PublishedLogGroup",
                        name: "shared",
                        props: { stackName: "acme/platform/prod" },
                    },
                    path: "facts",
                },
                resource: { type: GROUP, name: "shared" },
            };
            const group = `log group "shared" (${GROUP}), published by PublishedLogGroup "shared" (stack acme/platform/prod) at facts`;
            const unsure: Finding = { rule: "region", outcome: "unverifiable", message: "u." };
            const failed: Finding = { rule: "key-policy", outcome: "violation", message: "v." };
            assert.deepEqual(messages(writerFacts(published, undefined, false, [unsure, failed])), [
                `violation: ${SUBJECT} writes its flow logs to ${group}, whose KMS key fails [key-policy] ([key-policy] v.). ` +
                    "Fix: fix that key in the stack that owns the group.",
            ]);
            assert.deepEqual(messages(writerFacts(published, undefined, false, [unsure])), [
                `unverifiable: ${SUBJECT} writes its flow logs to ${group}, whose KMS key cannot be verified yet: [region] u.`,
            ]);
            assert.deepEqual(messages(writerFacts(published, undefined, false, [])), []);
            // Several findings: each quoted, one after the other.
            const failed2: Finding = { rule: "region", outcome: "violation", message: "w." };
            const unsure2: Finding = { rule: "rotation", outcome: "unverifiable", message: "x." };
            assert.deepEqual(
                messages(writerFacts(published, undefined, false, [failed, failed2])),
                [
                    `violation: ${SUBJECT} writes its flow logs to ${group}, whose KMS key fails [key-policy], [region] ([key-policy] v. [region] w.). ` +
                        "Fix: fix that key in the stack that owns the group.",
                ],
            );
            assert.deepEqual(
                messages(writerFacts(published, undefined, false, [unsure, unsure2])),
                [
                    `unverifiable: ${SUBJECT} writes its flow logs to ${group}, whose KMS key cannot be verified yet: [region] u. [rotation] x.`,
                ],
            );
            // A declared group's unverifiable findings are its own policy's to report.
            const declared = {
                kind: "declared",
                group: { resource: { type: GROUP, name: "shared" } },
                via: "its name",
            };
            assert.deepEqual(messages(writerFacts(declared, undefined, false, [unsure])), []);
            assert.deepEqual(
                messages(writerFacts(declared, undefined, false, [unsure, failed, failed])),
                [
                    `violation: ${SUBJECT} writes its flow logs to log group "shared" (${GROUP}) (found through its name), whose KMS key fails [key-policy] ` +
                        "(see that log group's log-encryption-key-usable findings). Fix: fix that log group's key.",
                ],
            );
        });
    });
});
