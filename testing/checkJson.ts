/**
 * The `--json` document of `encrypted-logs check`: a summary (what was checked and its status) and
 * the diagnostics with the fields of the engine's policy events.
 */
import type { RemoteComponent } from "./mockEngine";

/** A diagnostic in the `--json` document: the fields of the engine's `policyEvent` (apitype.PolicyEvent). */
export interface JsonDiagnostic {
    readonly policyName: string;
    readonly policyPackName: string;
    readonly policyPackVersion: string;
    readonly enforcementLevel: "advisory" | "mandatory";
    /** Absent for a finding about the stack as a whole (`omitempty`, as in the engine's event). */
    readonly resourceUrn?: string;
    /** The policy's description, a newline, and what it reported (as the engine's event carries it). */
    readonly message: string;
}

/** The `--json` document. */
export interface CheckJson {
    readonly summary: {
        readonly program: string;
        readonly stack: string;
        readonly configFile: string | null;
        readonly engine: "mocks" | "cli";
        readonly resources: number;
        readonly mandatory: number;
        readonly advisory: number;
        /**
         * pass (exit 0): no mandatory violation, the whole stack seen; fail (1): at least one;
         * error (3): the program could not run; unseen (4): no mandatory violation, but remote
         * components' children were not seen.
         */
        readonly status: "pass" | "fail" | "error" | "unseen";
    };
    readonly diagnostics: readonly JsonDiagnostic[];
    /** The remote components whose children the check did not see (status "unseen"). */
    readonly unseen?: readonly RemoteComponent[];
    /** What went wrong when status is "error". */
    readonly error?: string;
}

/** The exit status of each `summary.status`. */
const STATUS = { pass: 0, fail: 1, error: 3, unseen: 4 } as const;

/** The document as the command prints it, and the exit status it stands for. */
export function jsonResult(doc: CheckJson): {
    stdout: string;
    stderr: string;
    status: (typeof STATUS)[keyof typeof STATUS];
} {
    const status = STATUS[doc.summary.status];
    return { stdout: `${JSON.stringify(doc, null, 2)}\n`, stderr: "", status };
}

/** The document's summary: what was checked, with what, and the status its counts make. */
export function summaryOf(
    checked: { readonly dir: string; readonly stack: string; readonly file?: string },
    engine: "mocks" | "cli",
    counts: {
        resources: number;
        mandatory: number;
        advisory: number;
        failed?: boolean;
        unseen?: number;
    },
): CheckJson["summary"] {
    return {
        program: checked.dir,
        stack: checked.stack,
        configFile: checked.file ?? null,
        engine,
        resources: counts.resources,
        mandatory: counts.mandatory,
        advisory: counts.advisory,
        status: counts.failed
            ? "error"
            : counts.mandatory > 0
              ? "fail"
              : (counts.unseen ?? 0) > 0
                ? "unseen"
                : "pass",
    };
}
