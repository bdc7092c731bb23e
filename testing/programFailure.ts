/**
 * A program that could not run offline (exit status 3 of `encrypted-logs check`): it does not
 * compile or type-check, it crashed, it made an invoke nobody answers, or resources it declared were
 * never registered. Never confused with a policy violation (status 1).
 */
import * as path from "node:path";

/** Why a program could not run. */
export type FailureKind = "compile" | "crash" | "invoke" | "unregistered";

/** A program that could not run offline, with a message that says what and how to fix it. */
export class ProgramFailure extends Error {
    constructor(
        /** Why: it did not compile, crashed, made an unanswered invoke, or left resources unregistered. */
        readonly kind: FailureKind,
        message: string,
        /** The program's own error, when it threw one. */
        readonly programError?: unknown,
    ) {
        super(message);
        this.name = "ProgramFailure";
    }
}

/** A resource the program constructed: its type and name. */
export interface Declared {
    readonly type: string;
    readonly name: string;
}

/** An invoke nobody answered. */
export interface Unanswered {
    readonly token: string;
    readonly inputs: Record<string, unknown>;
    readonly why: string;
}

const list = (rs: readonly Declared[]) => rs.map((r) => `${r.type} "${r.name}"`).join(", ");

/**
 * The failure for invokes nobody answered: each token with its arguments and why, what waited on
 * them (the resources constructed but never registered), and how to answer them.
 */
export function unansweredFailure(
    calls: readonly Unanswered[],
    waiting: readonly Declared[],
): ProgramFailure {
    const lines = calls.map(
        (c) => `  invoke ${c.token} (arguments ${JSON.stringify(c.inputs)}): ${c.why}`,
    );
    const example = `{ ${JSON.stringify(calls[0].token)}: { ...its result } }`;
    return new ProgramFailure(
        "invoke",
        [
            `the program made ${calls.length === 1 ? "an invoke" : `${calls.length} invokes`} the offline check cannot answer:`,
            ...lines,
            waiting.length > 0
                ? `Waiting on ${calls.length === 1 ? "it" : "them"}, never registered (the pack would not see them): ${list(waiting)}.`
                : "Whatever used the result was never judged.",
            `Fix: give the result, as the real data source would return it: encrypted-logs check <dir> --invokes answers.json with ${example} in the file, or checkProgram(program, { invokes: ${example} }).`,
        ].join("\n"),
    );
}

/** The failure for resources the program constructed that never reached the engine (a hang). */
export function unregisteredFailure(waiting: readonly Declared[]): ProgramFailure {
    return new ProgramFailure(
        "unregistered",
        `the program constructed ${waiting.length} resource${waiting.length === 1 ? "" : "s"} it never registered: ${list(waiting)}. ` +
            "Their inputs waited on something that never resolved (an Output of a failed apply or invoke, or a cycle); " +
            "the stack the pack would judge is smaller than the program declares. Fix: make the inputs resolve (PULUMI_DEBUG_PROMISE_LEAKS=true shows what is pending).",
    );
}

/** This package's compiled files, and the runtime's, whose frames a program's error leaves out. */
const INTERNAL = [
    path.resolve(__dirname, "..") + path.sep,
    `${path.sep}node_modules${path.sep}@pulumi${path.sep}`,
    "node:internal",
    "(node:",
];

/**
 * A program's error as the user should read it: its message and only the stack frames of the
 * program itself (none of this package's or the Pulumi runtime's; a component's error names its
 * argument, value and fix, which is enough).
 */
export function programErrorText(e: unknown): string {
    if (!(e instanceof Error)) {
        return String(e);
    }
    const head = `${e.name === "Error" ? "" : `${e.name}: `}${e.message}`;
    const frames = (e.stack ?? "")
        .split("\n")
        .filter((l) => /^\s+at /.test(l))
        .filter((l) => !INTERNAL.some((i) => l.includes(i)));
    return [head, ...frames].join("\n");
}

/** The failure for a program that threw (or whose apply threw) while it ran. */
export function crashFailure(e: unknown): ProgramFailure {
    if (e instanceof ProgramFailure) {
        return e;
    }
    if (e instanceof Error && e.name === "TSError") {
        // As the language host prints it: the compiler's messages say where, no stack.
        return new ProgramFailure("compile", `TSError: ${e.message}`, e);
    }
    return new ProgramFailure("crash", programErrorText(e), e);
}
