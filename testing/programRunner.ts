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
import {
    COMMERCIAL,
    InvokeAnswers,
    MockAccount,
    MockEngine,
    partitionOfRegion,
    sdkRequire,
} from "./mockEngine";
import { Declared, crashFailure, unansweredFailure, unregisteredFailure } from "./programFailure";
import { assertOneSdk } from "./sdkCopies";
import { TransformEngine } from "./transformEngine";
import { Compiled, compileProgram, withCompiled } from "./typeScript";

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
    /**
     * Answers to invokes the check cannot answer itself (anything only your account knows:
     * `aws.ssm.getParameter`, a VPC found by its tags ...), by token: the result, or a function of
     * the invoke's arguments returning it. An invoke nobody answers fails the run, naming it.
     * @default none: only the invokes of docs/check.md are answered
     */
    readonly invokes?: InvokeAnswers;
}

/** What the check reads of a Pulumi.yaml. */
export interface PulumiYaml {
    readonly name?: string;
    readonly main?: string;
    /** `runtime.options.typescript` (`false`: the language host does not load TypeScript). @default true */
    readonly typescript?: boolean;
    /** `runtime.options.tsconfig`: the tsconfig the language host compiles with. @default "tsconfig.json" */
    readonly tsconfig?: string;
}

/** The Pulumi.yaml of a directory, if it has one. */
export function pulumiYaml(dir: string): PulumiYaml | undefined {
    const file = ["Pulumi.yaml", "Pulumi.yml"].map((f) => path.join(dir, f)).find(fs.existsSync);
    if (file === undefined) {
        return undefined;
    }
    const text = fs.readFileSync(file, "utf8");
    const yaml = sdkRequire<{ load(text: string): unknown }>("js-yaml").load(text) as {
        name?: unknown;
        main?: unknown;
        runtime?: { options?: { typescript?: unknown; tsconfig?: unknown } };
    } | null;
    const options = typeof yaml?.runtime === "object" ? yaml.runtime.options : undefined;
    const str = (v: unknown) => (typeof v === "string" ? v : undefined);
    return {
        name: str(yaml?.name),
        main: str(yaml?.main),
        typescript: typeof options?.typescript === "boolean" ? options.typescript : undefined,
        tsconfig: str(options?.tsconfig),
    };
}

/**
 * The file a program directory runs, the way the Pulumi CLI's Node.js host finds it: Pulumi.yaml
 * `main:` (a file, or a directory whose package.json `main` or index is the entry), else the
 * directory's package.json `main`, else `index.ts`/`index.js` (`index.js` only when Pulumi.yaml
 * says `typescript: false`). A file is returned as it is.
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
    const yaml = pulumiYaml(at);
    const main = yaml?.main;
    const dir = main === undefined ? at : path.resolve(at, main);
    if (main !== undefined && !fs.existsSync(dir)) {
        throw new Error(
            `program: the main: of ${path.join(program, "Pulumi.yaml")} is ${JSON.stringify(main)}, and ${dir} does not exist; ` +
                "fix main: to name the program's entry file or directory (relative to Pulumi.yaml), or build the program first if main: names its compiled output",
        );
    }
    if (main !== undefined && fs.statSync(dir).isFile()) {
        return dir;
    }
    const pkg = path.join(dir, "package.json");
    const pkgMain = fs.existsSync(pkg) ? JSON.parse(fs.readFileSync(pkg, "utf8")).main : undefined;
    const fromPackage = typeof pkgMain === "string" ? path.resolve(dir, pkgMain) : undefined;
    const typescript = yaml?.typescript !== false;
    const candidates = [
        ...(fromPackage ? [fromPackage, `${fromPackage}.ts`, `${fromPackage}.js`] : []),
        ...(typescript ? [path.join(dir, "index.ts")] : []),
        path.join(dir, "index.js"),
    ];
    const found = candidates.find((c) => fs.existsSync(c) && fs.statSync(c).isFile());
    if (found === undefined) {
        throw new Error(
            `program: ${JSON.stringify(program)} has no entry point (looked for ${candidates.map((c) => path.relative(process.cwd(), c)).join(", ")}); ` +
                (main === undefined
                    ? "set main: in its Pulumi.yaml or add an index.ts"
                    : `the directory main: names (${JSON.stringify(main)}) has no package.json main or index file`),
        );
    }
    return found;
}

/** This package's compiled modules (`<package>/bin/`), which stay loaded between runs. */
const OWN_BIN = path.resolve(__dirname, "..") + path.sep;

function accountOf(opts: RunOptions): MockAccount {
    const region = opts.region ?? COMMERCIAL.region;
    return {
        ...partitionOfRegion(region),
        region,
        accountId: opts.accountId ?? COMMERCIAL.accountId,
    };
}

/** How the program's entry is loaded: compiled with its tsconfig when it is TypeScript the host compiles. */
function loader(program: Program, entry: string | undefined): Compiled | undefined {
    if (entry === undefined || !/\.tsx?$/.test(entry)) {
        return undefined;
    }
    const project = path.resolve(program as string);
    const projectDir = fs.statSync(project).isFile() ? path.dirname(project) : project;
    const yaml = pulumiYaml(projectDir);
    if (yaml?.typescript === false) {
        return undefined; // The host does not load TypeScript; require fails as node's would.
    }
    return compileProgram(entry, projectDir, { tsconfig: yaml?.tsconfig });
}

/** The program's own modules loaded since `cached` are unloaded, so that a program run again runs again. */
function unloadProgram(cached: ReadonlySet<string>, entry: string | undefined): void {
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

/**
 * Runs the program in the stack as the language host does (a module exporting a function: its
 * result), recording every resource it constructs (a stack transformation sees each one in its
 * constructor, before its inputs resolve).
 */
async function runProgramBody(
    program: Program,
    entry: string | undefined,
    declared: Declared[],
): Promise<void> {
    await pulumi.runtime.runInPulumiStack(async () => {
        pulumi.runtime.registerStackTransformation((args) => {
            declared.push({ type: args.type, name: args.name });
            return undefined;
        });
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const exported = entry === undefined ? (program as () => unknown)() : require(entry);
        return exported instanceof Function ? exported() : exported;
    });
}

/**
 * What the program constructed but never registered with the engine (a read counts as
 * registered): resources whose inputs waited on something that failed or never resolved.
 */
function neverRegistered(engine: MockEngine, declared: readonly Declared[]): Declared[] {
    const seen = new Set(engine.resources.map((r) => `${r.type}::${r.name}`));
    return declared.filter((d) => !seen.has(`${d.type}::${d.name}`));
}

/**
 * Runs `program` under a fresh recording mock engine and returns the engine once every
 * registration has finished. Rejects with a {@link ProgramFailure} when the program could not
 * run: it does not compile, it threw, an invoke was not answered, or a resource it constructed was
 * never registered.
 */
export async function runUnderMocks(program: Program, opts: RunOptions = {}): Promise<MockEngine> {
    const entry = typeof program === "string" ? programEntry(program) : undefined;
    const dir = entry === undefined ? process.cwd() : path.dirname(entry);
    assertOneSdk(dir);
    let compiled: Compiled | undefined;
    try {
        compiled = loader(program, entry);
    } catch (e) {
        throw crashFailure(e);
    }
    const yaml = typeof program === "string" ? pulumiYaml(path.resolve(program)) : undefined;
    const engine = await MockEngine.start(accountOf(opts), {
        preview: opts.dryRun ?? true,
        project: opts.project ?? yaml?.name ?? "project",
        stack: opts.stack ?? "test",
        stackOutputs: opts.stackOutputs,
        invokes: opts.invokes,
    });
    if (opts.config !== undefined) {
        pulumi.runtime.setAllConfig({ ...opts.config }, [...(opts.secretKeys ?? [])]);
    }
    const transforms = TransformEngine.install();
    const declared: Declared[] = [];
    const cached = new Set(Object.keys(require.cache));
    const run = async () => {
        await runProgramBody(program, entry, declared);
        await engine.settle();
    };
    try {
        await (compiled === undefined ? run() : withCompiled(compiled, run));
    } catch (e) {
        throw engine.unanswered.length > 0
            ? unansweredFailure(engine.unanswered, neverRegistered(engine, declared))
            : crashFailure(e);
    } finally {
        unloadProgram(cached, entry);
        transforms.close();
        if (opts.config !== undefined) {
            pulumi.runtime.setAllConfig({});
        }
    }
    const waiting = neverRegistered(engine, declared);
    if (engine.unanswered.length > 0) {
        throw unansweredFailure(engine.unanswered, waiting);
    }
    if (waiting.length > 0) {
        throw unregisteredFailure(waiting);
    }
    return engine;
}
