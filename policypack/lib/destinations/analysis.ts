/**
 * The log-destination flow for one stack: index the resources and their log groups once, compute
 * each writer's facts once (each destination group judged once by the key rules), run the
 * log-destination rule. Pure: the stack's configuration and the policy's options come in as
 * arguments. A stack of N resources costs O(N) plus the key rules of the groups written to.
 */
import { TargetReport } from "../analysis";
import { inputsFirst } from "../stack/createInputs";
import { DestinationsConfig } from "./config";
import { WriterFacts, writerFacts } from "./facts";
import { LogGroupIndex } from "./groups";
import { DESTINATION_TYPES, logDestinations } from "./services";
import { StackConfiguration } from "../stack/location";
import { DEFAULT_RULE_OPTIONS, Finding } from "../rules/rule";
import { logDestinationFindings } from "./rule";
import { StackIndex, StackResourceLike } from "../stack/stackIndex";

/** What the log-destination rule found about one writer. */
export interface WriterReport {
    readonly facts: WriterFacts;
    readonly findings: readonly Finding[];
}

/**
 * Runs the log-destination rule on every writer of the stack whose service is on. `keyReports`:
 * the key rules' reports on the stack's targets when they were already computed (each declared
 * group is then judged by its report), else the rules run on the groups written to, with the
 * default options. Never throws.
 */
export function analyseDestinations(
    resources: readonly StackResourceLike[],
    config: StackConfiguration,
    options: DestinationsConfig,
    keyReports?: readonly TargetReport[],
): WriterReport[] {
    const index = new StackIndex(resources);
    let groups: LogGroupIndex | undefined;
    const reports: WriterReport[] = [];
    for (const writer of index.resources) {
        const row = Object.prototype.hasOwnProperty.call(DESTINATION_TYPES, writer.type)
            ? DESTINATION_TYPES[writer.type]
            : undefined;
        if (row === undefined || options.disabledServices.includes(row.service)) {
            continue;
        }
        // Inputs first: what the program left to AWS's default is read as absent, not unknown.
        const logs = logDestinations(writer.type, inputsFirst(writer.urn, writer.props))!;
        groups ??= new LogGroupIndex(index, config, DEFAULT_RULE_OPTIONS, keyReports);
        const facts = writerFacts(groups, writer, row, logs, config);
        reports.push({ facts, findings: logDestinationFindings(facts, options.outsideStack) });
    }
    return reports;
}
