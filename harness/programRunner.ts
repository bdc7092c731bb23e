/**
 * Running a user's Pulumi program under the recording mock engine, as `pulumi preview` (or the
 * step after `pulumi up`) runs it: finding its entry as the Node.js language host does, TypeScript
 * through ts-node as the CLI loads it, the mocks on the program's own `@pulumi/pulumi`, and stack
 * transforms as the engine applies them. Shared by the `testing` export, the `check` command, the
 * demo and the program tests.
 */
import * as pulumi from "@pulumi/pulumi";
import * as fs from "node:fs";
import * as path from "node:path";
import { COMMERCIAL, MockAccount, MockEngine, partitionOfRegion, sdkRequire } from "./mockEngine";
import { TransformEngine } from "./transformEngine";

/** A program: a directory (Pulumi.yaml `main:`, package.json `main`, index.ts or index.js), a file, or a function that imports it. */
export type Program = string | (() => unknown);

/** How to run a program. */
export interface RunOptions {
    /**
     * Run as `pulumi preview` does (`true`: provider-computed outputs such as key ARNs are
     * unknown, and the pack must decide without them) or as the step after a deploy (`false`:
     * the mocks compute ARNs and ids). @default true
     */
    readonly dryRun?: boolean;
    /** The project name. @default the `name:` of the program directory's Pulumi.yaml, else "project" */
    readonly project?: string;
    /** The stack name. @default "test" */
    readonly stack?: string;
    /** The region the default AWS provider is in (its partition follows). @default "us-east-1" */
    readonly region?: string;
    /** The account id `aws.getCallerIdentity` answers. @default "111122223333" */
    readonly accountId?: string;
    /**
     * Stack configuration, as `pulumi config` keeps it: full keys (`"my-project:logGroupName"`,
     * `"aws:region"`) to string values; set for the run and cleared after it. @default the
     * configuration already set (`pulumi.runtime.setAllConfig`), left as it is
     */
    readonly config?: Readonly<Record<string, string>>;
    /** The keys of `config` whose values are secrets (`pulumi config set --secret`). @default none */
    readonly secretKeys?: readonly string[];
    /**
     * Outputs of other stacks, by stack name, for the program's `StackReference`s, in wire form
     * (e.g. another run's `MockEngine.stackExports`). @default none: a StackReference read fails
     */
    readonly stackOutputs?: Readonly<Record<string, Record<string, unknown>>>;
}

/** The `main:` and `name:` of a Pulumi.yaml, if the directory has one. */
export function pulumiYaml(dir: string): { name?: string; main?: string } | undefined {
    const file = ["Pulumi.yaml", "Pulumi.yml"].map((f) => path.join(dir, f)).find(fs.existsSync);
    if (file === undefined) {
        return undefined;
    }
    const text = fs.readFileSync(file, "utf8");
    return {
        name: /^name:\s*["']?([^"'\s]+)["']?\s*$/m.exec(text)?.[1],
        main: /^main:\s*["']?([^"'\s]+)["']?\s*$/m.exec(text)?.[1],
    };
}

/**
 * The file a program directory runs, the way the Pulumi CLI's Node.js host finds it: Pulumi.yaml
 * `main:` (a file, or a directory whose package.json `main` or index is the entry), else the
 * directory's package.json `main`, else `index.ts`/`index.js`. A file is returned as it is.
 */
export function programEntry(program: string): string {
    const at = path.resolve(program);
    if (!fs.existsSync(at)) {
        throw new Error(
            `program: ${JSON.stringify(program)} does not exist; give the directory of a Pulumi program (with Pulumi.yaml) or its entry file`,
        );
    }
    if (fs.statSync(at).isFile()) {
        return at;
    }
    const main = pulumiYaml(at)?.main;
    const dir = main === undefined ? at : path.resolve(at, main);
    if (main !== undefined && fs.existsSync(dir) && fs.statSync(dir).isFile()) {
        return dir;
    }
    const pkg = path.join(dir, "package.json");
    const fromPackage =
        fs.existsSync(pkg) && typeof JSON.parse(fs.readFileSync(pkg, "utf8")).main === "string"
            ? path.resolve(dir, JSON.parse(fs.readFileSync(pkg, "utf8")).main)
            : undefined;
    const candidates = [
        ...(fromPackage ? [fromPackage, `${fromPackage}.ts`, `${fromPackage}.js`] : []),
        path.join(dir, "index.ts"),
        path.join(dir, "index.js"),
    ];
    const found = candidates.find((c) => fs.existsSync(c) && fs.statSync(c).isFile());
    if (found === undefined) {
        throw new Error(
            `program: ${JSON.stringify(program)} has no entry point (looked for ${candidates.map((c) => path.relative(process.cwd(), c)).join(", ")}); set main: in its Pulumi.yaml or add an index.ts`,
        );
    }
    return found;
}

/**
 * Refuses a program that would register its resources with another `@pulumi/pulumi` than the one
 * the mocks are set on (two copies in one program break resource registration).
 */
function assertOneSdk(fromDir: string): void {
    let theirs: string;
    try {
        theirs = require.resolve("@pulumi/pulumi", { paths: [fromDir] });
    } catch {
        return; // The program cannot import @pulumi/pulumi at all; it will say so itself.
    }
    const ours = require.resolve("@pulumi/pulumi");
    if (fs.realpathSync(theirs) !== fs.realpathSync(ours)) {
        throw new Error(
            `program: ${fromDir} resolves @pulumi/pulumi to ${theirs}, but pulumi-aws-encrypted-logs resolves it to ${ours}: ` +
                "a program must use one copy (the mocks are set on one). Fix: install both in the same project " +
                "(npm install --save-dev pulumi-aws-encrypted-logs next to your @pulumi/pulumi; npm dedupe).",
        );
    }
}

/** This package's compiled modules (`<package>/bin/`), which stay loaded between runs. */
const OWN_BIN = path.resolve(__dirname, "..") + path.sep;

let typeScriptRegistered = false;

/**
 * Lets `require` load TypeScript as the Pulumi CLI does (ts-node, transpile only): the program's
 * own ts-node and typescript if it has them, else those `@pulumi/pulumi` ships (its `tsutils`).
 */
function registerTypeScript(fromDir: string): void {
    if (typeScriptRegistered) {
        return;
    }
    const resolve = (id: string) => {
        try {
            return require.resolve(id, { paths: [fromDir, __dirname] });
        } catch {
            return undefined;
        }
    };
    let tsnode = resolve("ts-node");
    let compiler = resolve("typescript");
    if (tsnode === undefined) {
        // The Pulumi CLI's fallback: the ts-node and TypeScript @pulumi/pulumi vendors.
        try {
            const strings = sdkRequire<{
                typeScriptRequireStrings(): { tsnodeRequire: string; typescriptRequire: string };
            }>("@pulumi/pulumi/tsutils").typeScriptRequireStrings();
            tsnode = strings.tsnodeRequire;
            compiler = strings.typescriptRequire;
        } catch {
            throw new Error(
                `program: ${fromDir} is TypeScript, and neither it nor @pulumi/pulumi has ts-node to run it; ` +
                    "fix: npm install --save-dev ts-node typescript in the program's project (or give its compiled .js)",
            );
        }
    }
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require(tsnode).register({
        transpileOnly: true,
        skipProject: true,
        ...(compiler ? { compiler } : {}),
        compilerOptions: { module: "commonjs", esModuleInterop: true },
    });
    typeScriptRegistered = true;
}

function accountOf(opts: RunOptions): MockAccount {
    const region = opts.region ?? COMMERCIAL.region;
    return {
        ...partitionOfRegion(region),
        region,
        accountId: opts.accountId ?? COMMERCIAL.accountId,
    };
}

/**
 * Runs `program` under a fresh recording mock engine and returns the engine once every
 * registration has finished (rejecting with the program's error).
 */
export async function runUnderMocks(program: Program, opts: RunOptions = {}): Promise<MockEngine> {
    const entry = typeof program === "string" ? programEntry(program) : undefined;
    const dir = entry === undefined ? process.cwd() : path.dirname(entry);
    assertOneSdk(dir);
    if (entry !== undefined && /\.[cm]?tsx?$/.test(entry)) {
        registerTypeScript(dir);
    }
    const yaml = typeof program === "string" ? pulumiYaml(path.resolve(program)) : undefined;
    const engine = await MockEngine.start(accountOf(opts), {
        preview: opts.dryRun ?? true,
        project: opts.project ?? yaml?.name ?? "project",
        stack: opts.stack ?? "test",
        stackOutputs: opts.stackOutputs,
    });
    if (opts.config !== undefined) {
        pulumi.runtime.setAllConfig({ ...opts.config }, [...(opts.secretKeys ?? [])]);
    }
    const transforms = TransformEngine.install();
    try {
        const cached = new Set(Object.keys(require.cache));
        try {
            await pulumi.runtime.runInPulumiStack(async () => {
                if (entry === undefined) {
                    return (program as () => unknown)();
                }
                // eslint-disable-next-line @typescript-eslint/no-require-imports
                return require(entry);
            });
            await engine.settle();
        } finally {
            // A program run again must run again, not come from the module cache: the program's
            // own modules it loaded are unloaded (libraries and this package stay loaded).
            for (const id of Object.keys(require.cache)) {
                if (
                    !cached.has(id) &&
                    !id.includes(`${path.sep}node_modules${path.sep}`) &&
                    !id.startsWith(OWN_BIN)
                ) {
                    delete require.cache[id];
                }
            }
            if (entry !== undefined) {
                delete require.cache[entry];
            }
        }
    } finally {
        transforms.close();
        if (opts.config !== undefined) {
            pulumi.runtime.setAllConfig({});
        }
    }
    return engine;
}
