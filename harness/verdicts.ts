/**
 * Reading a preview's diagnostics in tests: the verdicts at a glance, and the one message of a
 * policy on a resource.
 */
import * as assert from "node:assert/strict";
import { Diagnostic, PreviewResult } from "./policyHarness";

/**
 * `policy name/resource name [check]` for each diagnostic, sorted: the verdict at a glance.
 * Stack-level diagnostics (no URN) read `policy/ [check]`.
 */
export function verdicts(result: PreviewResult | readonly Diagnostic[]): string[] {
    const ds = "all" in result ? result.all : result;
    return ds
        .map((d) =>
            `${d.policyName}/${d.urn === "" ? "" : d.urn.split("::").pop()} ${/\[([a-z -]+)\]/.exec(d.message)?.[0] ?? ""}`.trim(),
        )
        .sort();
}

/**
 * The message of the only diagnostic of `policy` on `name` (`""`: the stack-level one) whose check
 * starts with `check`, without the policy description line. Fails unless there is exactly one.
 */
export function messageOf(result: PreviewResult, policy: string, name: string, check = ""): string {
    const found = result.all.filter(
        (d) =>
            d.policyName === policy &&
            (name === "" ? d.urn === "" : d.urn.endsWith(`::${name}`)) &&
            d.message.includes(`[${check}`),
    );
    assert.equal(
        found.length,
        1,
        `expected one ${policy} diagnostic on ${name || "the stack"}, got ${verdicts(result).join("; ")}`,
    );
    return found[0].message.split("\n").slice(1).join("\n");
}
