/**
 * `policypack/lib/destinations/services/mwaa.ts`, Amazon MWAA environments: its reader (one
 * `airflow-<environment name>-<log type>` group per log type sent; task logs on by default) and,
 * at the facts level, the declared group without a kmsKeyId refused, the encrypted one passing,
 * and the environment's name unknown at preview (MWAA then creates its group with no key).
 */
import { unknown } from "../../harness/policyHarness";
import {
    BY_WRITER_IDENTITY,
    factsCases,
    named,
    ReaderCase,
    readerCases,
    U,
    U_OBJECT,
    UNKNOWN,
    writes,
} from "./support";

const MWAA = "aws:mwaa/environment:Environment";

/** A destination MWAA names from the environment's name (and creates when missing). */
const airflow = (logs: string, name: string | typeof UNKNOWN) =>
    named(logs, name, "name", { strategy: BY_WRITER_IDENTITY, serviceCreatesGroup: true });

const CASES: ReaderCase[] = [
    [
        "MWAA, no loggingConfiguration: task logs, on by default",
        MWAA,
        { name: "etl" },
        writes(airflow("task logs", "airflow-etl-Task")),
    ],
    [
        "MWAA, every log type enabled",
        MWAA,
        {
            name: "etl",
            loggingConfiguration: {
                dagProcessingLogs: { enabled: true, logLevel: "INFO" },
                schedulerLogs: { enabled: true },
                taskLogs: { enabled: true },
                webserverLogs: { enabled: true },
                workerLogs: { enabled: true },
            },
        },
        writes(
            airflow("DAG processing logs", "airflow-etl-DAGProcessing"),
            airflow("scheduler logs", "airflow-etl-Scheduler"),
            airflow("task logs", "airflow-etl-Task"),
            airflow("web server logs", "airflow-etl-WebServer"),
            airflow("worker logs", "airflow-etl-Worker"),
        ),
    ],
    ["MWAA, name unknown", MWAA, { name: U }, writes(airflow("task logs", UNKNOWN))],
    [
        "MWAA, task logs turned off and nothing else on",
        MWAA,
        { name: "etl", loggingConfiguration: { taskLogs: { enabled: false } } },
        {
            kind: "disabled",
            property: "loggingConfiguration",
            reason: "every log type of loggingConfiguration is disabled: no logs are sent to CloudWatch Logs",
        },
    ],
    [
        "MWAA, loggingConfiguration unknown",
        MWAA,
        { name: "etl", loggingConfiguration: U_OBJECT },
        {
            kind: "unknown",
            property: "loggingConfiguration",
            reason: "loggingConfiguration is unknown at preview",
        },
    ],
    [
        "MWAA, one log type's switch unknown",
        MWAA,
        { name: "etl", loggingConfiguration: { workerLogs: { enabled: U } } },
        {
            kind: "unknown",
            property: "loggingConfiguration.workerLogs",
            reason: "loggingConfiguration.workerLogs.enabled is unknown at preview",
        },
    ],
];

describe("destinations/services/mwaa.ts: Amazon MWAA environments", () => {
    describe("reader: props to destinations", () => {
        readerCases(CASES);
    });

    describe("facts: writer and declared group to match and finding", () => {
        factsCases({
            type: MWAA,
            group: "airflow-etl-Task",
            writes: { name: "etl" },
            unknown: { name: unknown() },
            unknownMatch: ["created"],
        });
    });
});
