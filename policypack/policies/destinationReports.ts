/**
 * The hand-over of the log-destination reports (through `handOver.ts`, as `stackReports.ts` for
 * the key reports): `log-destinations-encrypted` analyses the stack, and `log-encryption-unverified`,
 * which runs after it on the same AnalyzeStack request, takes the same reports (matched by the
 * resources' URNs, forgotten at the next turn of the event loop). The destinations policy runs
 * after `log-encryption-key-usable`, so the log groups written to are judged by its reports of the
 * same request instead of running the key rules again.
 */
import type { StackValidationArgs } from "@pulumi/policy";
import { WriterReport, analyseDestinations } from "../lib/destinations/analysis";
import { DestinationsConfig } from "../lib/destinations/config";
import { StackConfiguration } from "../lib/stack/location";
import { StackResourceLike } from "../lib/stack/stackIndex";
import { RequestHandOver } from "./handOver";
import { peekReportsOfThisRequest } from "./stackReports";

/** `log-destinations-encrypted`'s reports, for `log-encryption-unverified` on the same request. */
export const DESTINATION_REPORTS = new RequestHandOver<WriterReport[]>(
    "the log-destination reports",
    "analyse the log destinations again with the default configuration instead of log-destinations-encrypted's",
);

/** The writers' reports of this stack, kept for the policy that runs next on the same request. */
export function analyseDestinationsAndHandOver(
    args: StackValidationArgs,
    config: StackConfiguration,
    options: DestinationsConfig,
): WriterReport[] {
    const reports = analyseDestinations(
        args.resources as readonly StackResourceLike[],
        config,
        options,
        peekReportsOfThisRequest(args),
    );
    DESTINATION_REPORTS.put(args, reports);
    return reports;
}

/**
 * The reports {@link analyseDestinationsAndHandOver} made for this request, taken once; when there
 * are none (`log-destinations-encrypted` is disabled), the analysis runs here with `options`
 * (`log-encryption-unverified` passes the defaults).
 */
export function destinationReportsOfThisRequest(
    args: StackValidationArgs,
    config: StackConfiguration,
    options: DestinationsConfig,
): WriterReport[] {
    return (
        DESTINATION_REPORTS.take(args) ??
        analyseDestinations(
            args.resources as readonly StackResourceLike[],
            config,
            options,
            peekReportsOfThisRequest(args),
        )
    );
}
