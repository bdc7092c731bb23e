/**
 * Which `@pulumi/pulumi` a program registers its resources with. The mocks must be set on that
 * copy: a program run with another copy's runtime registers nothing the mocks see. The `check`
 * command loads this package's harness on the program's own copy ({@link useProgramSdk}); a
 * process that already loaded it (a user's test importing `pulumi-aws-encrypted-logs/testing`)
 * runs only programs that resolve the same copy ({@link assertOneSdk}).
 */
import * as fs from "node:fs";
import Module from "node:module";
import * as path from "node:path";

/** The `@pulumi/pulumi` entry `fromDir` resolves (real path), or `undefined` when it resolves none. */
export function sdkFrom(fromDir: string): string | undefined {
    try {
        return fs.realpathSync(require.resolve("@pulumi/pulumi", { paths: [fromDir] }));
    } catch {
        return undefined;
    }
}

/** This package's compiled files (`<package>/bin/`). */
const OWN_BIN = path.resolve(__dirname, "..") + path.sep;

type Resolve = (request: string, parent: unknown, isMain: boolean, options?: unknown) => string;
let routedTo: string | undefined;

/**
 * Makes this package's modules load `@pulumi/pulumi` (and what they load through it) from the
 * program in `programDir`, so the harness and the program share the program's own copy, as they
 * would if the program's project had installed this package. Call it before any of them loads
 * the SDK (the `check` command does, before it loads the harness); once per process.
 */
export function useProgramSdk(programDir: string): void {
    if (routedTo !== undefined || sdkFrom(programDir) === undefined) {
        return;
    }
    routedTo = programDir;
    const M = Module as unknown as { _resolveFilename: Resolve };
    const original = M._resolveFilename;
    M._resolveFilename = function (request, parent, isMain, options) {
        const from = (parent as { filename?: string } | undefined)?.filename ?? "";
        const sdk = request === "@pulumi/pulumi" || request.startsWith("@pulumi/pulumi/");
        if (sdk && options === undefined && from.startsWith(OWN_BIN)) {
            return original.call(this, request, parent, isMain, { paths: [programDir] });
        }
        return original.call(this, request, parent, isMain, options);
    };
}

/**
 * The directory of the `pkg` a program in `fromDir` imports: the first `node_modules/<pkg>` up
 * from it, as node looks (`require.resolve` from here would find this package itself by name).
 */
function installedAt(pkg: string, fromDir: string): string | undefined {
    for (let dir = path.resolve(fromDir); ; dir = path.dirname(dir)) {
        const at = path.join(dir, "node_modules", pkg);
        if (fs.existsSync(path.join(at, "package.json"))) {
            return fs.realpathSync(at);
        }
        if (path.dirname(dir) === dir) {
            return undefined;
        }
    }
}

/**
 * Refuses a program with which two copies of `@pulumi/pulumi` would load in one process: the
 * program's and the one this harness runs on, or the program's and that of a package it uses
 * (`@pulumi/aws`, this package), each with the paths and the fix that fits.
 */
export function assertOneSdk(fromDir: string): void {
    const theirs = sdkFrom(fromDir);
    if (theirs === undefined) {
        return; // The program cannot import @pulumi/pulumi at all; it will say so itself.
    }
    for (const pkg of ["@pulumi/aws", "pulumi-aws-encrypted-logs"]) {
        const at = installedAt(pkg, fromDir);
        const its = at === undefined ? undefined : sdkFrom(at);
        if (its !== undefined && its !== theirs) {
            throw new Error(
                `program: ${fromDir} resolves @pulumi/pulumi to ${theirs}, but the ${pkg} it uses resolves it to ${its}: ` +
                    "two copies would load in one program, and resources registered through one are lost to the other. " +
                    `Fix: one copy in the program's project (npm dedupe there, or install a @pulumi/pulumi that ${pkg} accepts).`,
            );
        }
    }
    const ours = fs.realpathSync(require.resolve("@pulumi/pulumi"));
    if (theirs !== ours) {
        throw new Error(
            `program: ${fromDir} resolves @pulumi/pulumi to ${theirs}, but this process runs pulumi-aws-encrypted-logs on ${ours}: ` +
                "the mocks are set on one copy, and the program would register its resources with the other. " +
                "Fix: install pulumi-aws-encrypted-logs in the program's project (npm install --save-dev pulumi-aws-encrypted-logs there, so npm keeps one copy), " +
                "or check it with `npx encrypted-logs check <dir>`, which runs on the program's own copy.",
        );
    }
}
