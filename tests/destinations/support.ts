/**
 * What the per-service destination tests share (one test file per file of
 * `policypack/lib/destinations/services/`): the reader's table (props read through
 * `@pulumi/policy`'s real unknown-checking proxy → the destinations), and the facts-level cases
 * every service gets (a writer and one declared group → how the group was found and what the
 * log-destination rule says): the group without a key refused, the encrypted one passing, and the
 * name unknown at preview.
 */
import * as assert from "node:assert/strict";
import * as path from "node:path";
import { StackResource } from "../../harness/policyHarness";
import { namedLogGroup, writer } from "../../harness/destinationFixtures";
import { stackResources } from "../../harness/inProcessPack";
import { ACCOUNT, StackBuilder } from "../../harness/stackFixtures";
import { WriterReport, analyseDestinations } from "../../policypack/lib/destinations/analysis";
import { readDestinationsConfig } from "../../policypack/lib/destinations/config";
import {
    LogDestination,
    LogDestinations,
    logDestinations,
} from "../../policypack/lib/destinations/services";
import {
    BY_ARN_REFERENCE,
    BY_INPUT_NAME,
    BY_WRITER_IDENTITY,
} from "../../policypack/lib/destinations/strategies";
import { UNKNOWN, UNKNOWN_SENTINELS } from "../../policypack/lib/stack/wire";

export { BY_ARN_REFERENCE, BY_INPUT_NAME, BY_WRITER_IDENTITY, UNKNOWN };

// eslint-disable-next-line @typescript-eslint/no-require-imports
const proxy = require(
    path.resolve(
        __dirname,
        "..",
        "..",
        "..",
        "policypack",
        "node_modules",
        "@pulumi",
        "policy",
        "proxy",
    ),
) as { unknownCheckingProxy(o: object): Record<string, unknown> };

/** The engine's unknown string (and list, object) sentinels, as the analyzer receives them. */
export const U = UNKNOWN_SENTINELS[2];
export const U_LIST = UNKNOWN_SENTINELS[3];
export const U_OBJECT = UNKNOWN_SENTINELS[6];

export const ROLE = "arn:aws:iam::111122223333:role/logs";
export const GROUP_ARN = "arn:aws:logs:eu-west-1:111122223333:log-group:/app/access";
export const PARSED = {
    partition: "aws",
    region: "eu-west-1",
    accountId: "111122223333",
    name: "/app/access",
};

/** The ARN of a log group of the fixture account (us-east-1 unless given). */
export function arnOf(name: string, region = "us-east-1"): string {
    return `arn:aws:logs:${region}:${ACCOUNT}:log-group:${name}`;
}

/** The reader's answer through the real proxy, without `namePattern` (asserted on its own). */
export function readerOf(
    type: string,
    props: Record<string, unknown>,
): LogDestinations | undefined {
    const found = logDestinations(type, proxy.unknownCheckingProxy(props));
    if (found?.kind !== "writes") {
        return found;
    }
    return {
        kind: "writes",
        destinations: found.destinations.map(({ namePattern: _, ...rest }) => rest),
    };
}

/** A destination the writer names by an input; `over` replaces fields. */
export function named(
    logs: string,
    name: string | typeof UNKNOWN,
    property: string,
    over: Partial<LogDestination> = {},
): LogDestination {
    return {
        logs,
        group: { by: "name", name },
        property,
        dependencyProperties: [property.split(/[.[]/)[0]],
        strategy: BY_INPUT_NAME,
        serviceCreatesGroup: false,
        ...over,
    };
}

/** A destination the writer references by ARN ({@link GROUP_ARN} or unknown). */
export function byArn(
    logs: string,
    property: string,
    arn: string | typeof UNKNOWN,
): LogDestination {
    return {
        logs,
        group: arn === UNKNOWN ? { by: "arn", arn } : { by: "arn", arn, parsed: PARSED },
        property,
        dependencyProperties: [property.split(/[.[]/)[0]],
        strategy: BY_ARN_REFERENCE,
        serviceCreatesGroup: false,
    };
}

export function writes(...destinations: LogDestination[]): LogDestinations {
    return { kind: "writes", destinations };
}

/** One reader case: what it is, the writer's type and props, and the destinations expected. */
export type ReaderCase = [
    what: string,
    type: string,
    props: Record<string, unknown>,
    expected: LogDestinations,
];

/**
 * The reader's table as `it`s, and that it has a case where the group is found, one with logging
 * off (unless `alwaysOn`: the service has no switch), and one whose group is unknown at preview.
 */
export function readerCases(cases: readonly ReaderCase[], alwaysOn = false): void {
    for (const [what, type, props, expected] of cases) {
        it(what, () => {
            assert.deepEqual(readerOf(type, props), expected);
        });
    }
    it(`has a found, ${alwaysOn ? "" : "an off, "}and an unknown-name case for each type`, () => {
        const kinds = new Map<string, Set<string>>();
        for (const [, type, props] of cases) {
            const seen = kinds.get(type) ?? new Set<string>();
            for (const kind of caseKinds(readerOf(type, props)!)) {
                seen.add(kind);
            }
            kinds.set(type, seen);
        }
        const expected = alwaysOn ? ["found", "unknown"] : ["found", "off", "unknown"];
        for (const [type, seen] of kinds) {
            assert.deepEqual([...seen].sort(), expected.sort(), type);
        }
    });
}

function caseKinds(result: LogDestinations): string[] {
    if (result.kind !== "writes") {
        return [result.kind === "unknown" ? "unknown" : "off"];
    }
    const unknownName = result.destinations.some(
        (d) => (d.group.by === "name" ? d.group.name : d.group.arn) === UNKNOWN,
    );
    return unknownName ? ["found", "unknown"] : ["found"];
}

/** One writer of a type and the group it writes to, for {@link factsCases}. */
export interface FactsScenario {
    readonly type: string;
    /** The group's name. */
    readonly group: string;
    /** The writer's inputs, writing to {@link group} (by its name or ARN). */
    readonly writes: Record<string, unknown>;
    /** Its outputs, when they add to the inputs (an id AWS assigns). */
    readonly outputs?: Record<string, unknown>;
    /** Its inputs with what decides the group unknown at preview, depending on no resource. */
    readonly unknown: Record<string, unknown>;
    /**
     * How that group is then found: `created` (the service creates it, with no key: refused),
     * `unresolved` (cannot verify yet); none when where it logs is itself unknown.
     */
    readonly unknownMatch: readonly ("created" | "unresolved")[];
}

/** The log-destination rule's report on the writer named `name` in `stack`. */
export function reportOf(stack: readonly StackResource[], name: string): WriterReport {
    const reports = analyseDestinations(stackResources(stack), {}, readDestinationsConfig({}));
    const report = reports.find((r) => r.facts.writer.name === name);
    assert.ok(report !== undefined, `no report on "${name}"`);
    return report;
}

function summary(report: WriterReport): { matches: string[]; outcomes: string[] } {
    return {
        matches: report.facts.destinations.map((d) => d.match.kind),
        outcomes: report.findings.map((f) => f.outcome),
    };
}

/** The facts-level cases of {@link FactsScenario}, with one declared group or none. */
export function factsCases(scenario: FactsScenario): void {
    const stack = (props: Record<string, unknown>, encrypted?: boolean): StackResource[] => {
        const s = new StackBuilder();
        if (encrypted !== undefined) {
            namedLogGroup(s, "group", scenario.group, { encrypted });
        }
        writer(s, scenario.type, "writer", props, { outputs: outputsOf(scenario, props) });
        return s.resources;
    };
    it(`refuses the declared group "${scenario.group}" when it has no kmsKeyId`, () => {
        const report = reportOf(stack(scenario.writes, false), "writer");
        assert.deepEqual(summary(report), { matches: ["declared"], outcomes: ["violation"] });
        assert.match(report.findings[0].message, /which has no kmsKeyId/);
    });
    it(`passes with the declared group "${scenario.group}" encrypted with a usable key`, () => {
        const report = reportOf(stack(scenario.writes, true), "writer");
        assert.deepEqual(summary(report), { matches: ["declared"], outcomes: [] });
    });
    const created = scenario.unknownMatch.includes("created");
    it(`${created ? "refuses" : "cannot verify yet"} a group whose name is unknown at preview and leads to nothing`, () => {
        const report = reportOf(stack(scenario.unknown), "writer");
        assert.deepEqual(summary(report), {
            matches: [...scenario.unknownMatch],
            outcomes: [created ? "violation" : "unverifiable"],
        });
    });
}

function outputsOf(
    scenario: FactsScenario,
    props: Record<string, unknown>,
): Record<string, unknown> | undefined {
    return scenario.outputs === undefined || props === scenario.unknown
        ? undefined
        : { ...props, ...scenario.outputs };
}
