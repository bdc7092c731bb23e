/**
 * The packs the "policy packs" bench section measures beside this one: a no-op pack with N stack
 * policies, this pack with each policy deserializing the stack for itself, and `@pulumi/awsguard`.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { PACK_DIR } from "../harness/policyHarness";

/** The awsguard pack: bench/awsguard (package.json + lockfile + index.js), installed on first use. */
export const AWSGUARD_DIR = path.resolve(__dirname, "..", "..", "bench", "awsguard");

export function installAwsGuard(log: (line: string) => void): void {
    if (fs.existsSync(path.join(AWSGUARD_DIR, "node_modules", "@pulumi", "awsguard"))) {
        return;
    }
    log("installing @pulumi/awsguard into bench/awsguard (npm ci, once)...");
    execFileSync(
        process.platform === "win32" ? "npm.cmd" : "npm",
        ["ci", "--no-audit", "--no-fund"],
        {
            cwd: AWSGUARD_DIR,
            stdio: ["ignore", "ignore", "inherit"],
        },
    );
}

/** A pack directory in the temporary folder whose `index.js` is `index`, sharing the real pack's node_modules. */
function packDir(name: string, index: string): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${name}-`));
    fs.symlinkSync(path.join(PACK_DIR, "node_modules"), path.join(dir, "node_modules"), "dir");
    fs.writeFileSync(
        path.join(dir, "package.json"),
        JSON.stringify({ name, version: "0.1.0", main: "index.js" }),
    );
    fs.writeFileSync(path.join(dir, "PulumiPolicy.yaml"), "runtime: nodejs\n");
    fs.writeFileSync(path.join(dir, "index.js"), index);
    return dir;
}

/** A pack with one no-op resource policy and `stackPolicies` no-op stack policies. */
export function noopPack(stackPolicies: number): string {
    return packDir(
        "noop-pack",
        `const { PolicyPack } = require("@pulumi/policy");
const policies = [{ name: "noop-resource", description: "does nothing", enforcementLevel: "mandatory", validateResource: () => {} }];
for (let i = 0; i < ${stackPolicies}; i++) {
    policies.push({ name: "noop-stack-" + i, description: "does nothing", enforcementLevel: "mandatory", validateStack: () => {} });
}
new PolicyPack("noop", { policies });
`,
    );
}

/**
 * The encrypted-logs pack as it was before it read each resource once per request
 * (`policypack/deserializeOnce.ts`): the same policies, each deserializing the stack for itself.
 */
export function eachPolicyDeserializesPack(): string {
    const policies = path.join(PACK_DIR, "bin", "policypack", "policies");
    return packDir(
        "each-deserializes-pack",
        `const { PolicyPack } = require("@pulumi/policy");
const { PACK_POLICIES } = require(${JSON.stringify(policies)});
new PolicyPack("encrypted-logs", { policies: [...PACK_POLICIES] });
`,
    );
}
