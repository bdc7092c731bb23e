/**
 * Compiling a TypeScript program as the Pulumi CLI's Node.js language host does before it runs it
 * (pulumi/pulumi `sdk/nodejs/cmd/run/run.ts`, v3.248): the TypeScript that `@pulumi/pulumi`
 * resolves (the project's, else the one it vendors), the project's `tsconfig.json` (or the one
 * Pulumi.yaml's `runtime.options.tsconfig` names) with the host's defaults under its
 * `compilerOptions` (`target: "ES2020"`, `module: "nodenext"` from TypeScript 4.7, else
 * `"commonjs"`, `sourceMap`), and type-checked unless `PULUMI_NODEJS_TRANSPILE_ONLY=true` or the
 * tsconfig's `noCheck` ("Otherwise we default to ts-node's default, which is to type check").
 * Each program gets its own compilation (a process checking many programs compiles each with its
 * tsconfig), cached while its sources are unchanged.
 */
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as os from "node:os";
import * as path from "node:path";
import type * as tsTypes from "typescript";

type TS = typeof tsTypes;

/** A compiled program: the JavaScript of each of its TypeScript files, by absolute path. */
export interface Compiled {
    readonly ts: TS;
    readonly options: tsTypes.CompilerOptions;
    readonly outputs: ReadonlyMap<string, string>;
    /** The files read, with their modification times (the cache is valid while they stand). */
    readonly inputs: ReadonlyMap<string, number>;
    /** Whether it was type-checked. */
    readonly typeChecked: boolean;
    /** How long compiling (and checking) took, in milliseconds. */
    readonly millis: number;
}

/** A program that does not compile: the compiler's messages, as ts-node reports them. */
export class TypeScriptError extends Error {
    constructor(readonly diagnosticText: string) {
        super(`⨯ Unable to compile TypeScript:\n${diagnosticText}`);
        this.name = "TSError";
    }
}

/**
 * ts-node's default `ignoreDiagnostics` (https://typestrong.org/ts-node/docs/options/#ignorediagnostics):
 * 6059 (rootDir), 18002 (files is empty), 18003 (no inputs found).
 */
const IGNORED = new Set([6059, 18002, 18003]);

/** The TypeScript the language host loads: `@pulumi/pulumi`'s `typescript-shim` (the project's TypeScript, else the vendored 3.8.3). */
function typeScriptOf(projectDir: string): TS {
    let sdk: string;
    try {
        sdk = require.resolve("@pulumi/pulumi", { paths: [projectDir] });
    } catch {
        sdk = require.resolve("@pulumi/pulumi");
    }
    const load = createRequire(sdk);
    try {
        return load("./typescript-shim") as TS;
    } catch {
        return load("typescript") as TS; // SDKs before the shim
    }
}

/**
 * What ts-node adds when the host loads no tsconfig (`skipProject`): ts-node 10 and later start
 * from the `@tsconfig/bases` config for this Node.js version, `strict` included ("If no
 * tsconfig.json is loaded from disk, ts-node will use the newest recommended defaults from
 * @tsconfig/bases compatible with your node and typescript versions",
 * https://typestrong.org/ts-node/docs/configuration/#tsconfigbases); the ts-node 7 that
 * `@pulumi/pulumi` vendors adds nothing. The ts-node is the one the host picks (`tsutils`).
 */
function implicitOptions(ts: TS, projectDir: string): Record<string, unknown> {
    try {
        const sdk = require.resolve("@pulumi/pulumi", { paths: [projectDir, __dirname] });
        const fromSdk = createRequire(sdk);
        const { tsnodeRequire } = fromSdk("./tsutils").typeScriptRequireStrings() as {
            tsnodeRequire: string;
        };
        // ts-node's entry is dist/index.js; its bases table sits beside it.
        const tsconfigs = createRequire(fromSdk.resolve(tsnodeRequire))("./tsconfigs") as {
            getDefaultTsconfigJsonForNodeVersion(ts: TS): {
                compilerOptions: Record<string, unknown>;
            };
        };
        return {
            ...tsconfigs.getDefaultTsconfigJsonForNodeVersion(ts).compilerOptions,
            types: ["node"],
        };
    } catch {
        return {}; // ts-node before 10: no implicit configuration
    }
}

/** The compiler options the language host gives ts-node for the project in `projectDir`. */
function compilerOptions(ts: TS, projectDir: string, tsconfig: string): tsTypes.CompilerOptions {
    const file = path.resolve(projectDir, tsconfig);
    const found = fs.existsSync(file);
    const read = found ? ts.readConfigFile(file, ts.sys.readFile) : { config: {} };
    const raw = (read.config ?? {}) as { compilerOptions?: Record<string, unknown> };
    const [major, minor] = ts.version.split(".").map(Number);
    const nodeNext = major > 4 || (major === 4 && minor >= 7);
    const json = {
        ...raw,
        compilerOptions: {
            ...(found ? {} : implicitOptions(ts, projectDir)),
            target: "ES2020",
            module: nodeNext ? "nodenext" : "commonjs",
            moduleResolution: nodeNext ? "nodenext" : "node",
            ...raw.compilerOptions,
        },
        files: [],
        include: [],
    };
    const parsed = ts.parseJsonConfigFileContent(json, ts.sys, path.dirname(file), undefined, file);
    // What ts-node overrides to emit in memory (its `fixConfig`).
    return {
        ...parsed.options,
        // Errors point at the program's TypeScript lines, as under ts-node.
        sourceMap: false,
        inlineSourceMap: true,
        declaration: false,
        declarationMap: false,
        noEmit: false,
        emitDeclarationOnly: false,
        composite: false,
        incremental: false,
        tsBuildInfoFile: undefined,
        outDir: undefined,
        outFile: undefined,
    };
}

const cache = new Map<string, Compiled>();
/** Raised when what a compilation keeps or how it checks changes, so older kept ones are not reused. */
const CACHE_FORMAT = 4;

/**
 * Declaration files of node_modules parsed once per process and shared by every program compiled
 * in it (`@pulumi/aws` alone is about 3,000 files, most of a compilation's cost).
 */
const libraries = new Map<string, tsTypes.SourceFile>();

function sharingHost(ts: TS, options: tsTypes.CompilerOptions): tsTypes.CompilerHost {
    const host = ts.createCompilerHost(options);
    const getSourceFile = host.getSourceFile.bind(host);
    host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
        const shared = fileName.includes("/node_modules/") && fileName.endsWith(".d.ts");
        const key = `${ts.version}:${JSON.stringify(languageVersion)}:${fileName}`;
        const cached = shared ? libraries.get(key) : undefined;
        if (cached !== undefined) {
            return cached;
        }
        const file = getSourceFile(fileName, languageVersion, onError, shouldCreate);
        if (shared && file !== undefined) {
            libraries.set(key, file);
        }
        return file;
    };
    return host;
}

function fresh(c: Compiled): boolean {
    for (const [file, mtime] of c.inputs) {
        if (!fs.existsSync(file) || fs.statSync(file).mtimeMs !== mtime) {
            return false;
        }
    }
    return true;
}

/** Where compilations are kept between processes (the `check` command is one process per program). */
const DISK = path.join(os.tmpdir(), "pulumi-aws-encrypted-logs-tsc");

interface DiskEntry {
    readonly files: string[];
    readonly digest: string;
    readonly outputs?: Record<string, string>;
    readonly error?: string;
}

/**
 * A digest of what a compilation read that can change: the program's own files and the project's
 * lockfile (or package.json: the libraries' declarations follow from it).
 */
function digestOf(files: readonly string[], projectDir: string): string | undefined {
    const h = createHash("sha256");
    const lock = ["package-lock.json", "package.json"]
        .map((f) => path.join(projectDir, f))
        .find(fs.existsSync);
    for (const f of [...files, ...(lock ? [lock] : [])]) {
        if (!fs.existsSync(f)) {
            return undefined;
        }
        h.update(f).update("\0").update(fs.readFileSync(f)).update("\0");
    }
    return h.digest("hex");
}

function fromDisk(key: string, projectDir: string): DiskEntry | undefined {
    const file = path.join(DISK, `${key}.json`);
    if (!fs.existsSync(file)) {
        return undefined;
    }
    try {
        const entry = JSON.parse(fs.readFileSync(file, "utf8")) as DiskEntry;
        return digestOf(entry.files, projectDir) === entry.digest ? entry : undefined;
    } catch {
        return undefined;
    }
}

function toDisk(
    key: string,
    projectDir: string,
    files: string[],
    result: Omit<DiskEntry, "files" | "digest">,
): void {
    const digest = digestOf(files, projectDir);
    if (digest !== undefined) {
        fs.mkdirSync(DISK, { recursive: true });
        const tmp = path.join(DISK, `${key}.${process.pid}.tmp`);
        fs.writeFileSync(tmp, JSON.stringify({ files, digest, ...result }));
        fs.renameSync(tmp, path.join(DISK, `${key}.json`));
    }
}

/**
 * ts-node's type check of each of the program's own files (its semantic and syntactic
 * diagnostics, as its `getOutput` asks for them; not the options' diagnostics, so a tsconfig
 * `module` that the host's `moduleResolution` default contradicts still runs), then their
 * JavaScript by file. A failed check is kept on disk as well.
 */
function checkAndEmit(
    ts: TS,
    program: tsTypes.Program,
    own: readonly tsTypes.SourceFile[],
    projectDir: string,
    diskKey: string,
): Map<string, string> {
    const diagnostics = own
        .flatMap((f) => [
            ...program.getSemanticDiagnostics(f),
            ...program.getSyntacticDiagnostics(f),
        ])
        .filter((d) => !IGNORED.has(d.code));
    if (diagnostics.some((d) => d.category === ts.DiagnosticCategory.Error)) {
        const error = ts
            .formatDiagnostics(diagnostics, {
                getCanonicalFileName: (f) => f,
                getCurrentDirectory: () => projectDir,
                getNewLine: () => "\n",
            })
            .trimEnd();
        toDisk(
            diskKey,
            projectDir,
            own.map((f) => path.resolve(f.fileName)),
            { error },
        );
        throw new TypeScriptError(error);
    }
    const outputs = new Map<string, string>();
    for (const f of own) {
        program.emit(f, (name, text) => {
            if (/\.[cm]?js$/.test(name)) {
                outputs.set(path.resolve(f.fileName), text);
            }
        });
    }
    return outputs;
}

/**
 * Compiles the program whose entry is `entry` (a project in `projectDir`) with its tsconfig,
 * type-checking it unless `typeCheck` is false; throws a {@link TypeScriptError} with the
 * compiler's messages when it has errors.
 */
export function compileProgram(
    entry: string,
    projectDir: string,
    opts: { readonly tsconfig?: string; readonly typeCheck?: boolean } = {},
): Compiled {
    const ts = typeScriptOf(projectDir);
    const tsconfig = opts.tsconfig ?? "tsconfig.json";
    const options = compilerOptions(ts, projectDir, tsconfig);
    const transpileOnly =
        process.env.PULUMI_NODEJS_TRANSPILE_ONLY !== undefined &&
        process.env.PULUMI_NODEJS_TRANSPILE_ONLY !== ""
            ? process.env.PULUMI_NODEJS_TRANSPILE_ONLY === "true"
            : (options as { noCheck?: boolean }).noCheck === true;
    const typeCheck = (opts.typeCheck ?? true) && !transpileOnly;
    const key = JSON.stringify([CACHE_FORMAT, entry, projectDir, tsconfig, typeCheck, ts.version]);
    if (!typeCheck) {
        // ts-node's transpileOnly: each file transpiled alone as it loads (withCompiled).
        return {
            ts,
            options,
            outputs: new Map(),
            inputs: new Map(),
            typeChecked: false,
            millis: 0,
        };
    }
    const cached = cache.get(key);
    if (cached !== undefined && fresh(cached)) {
        return { ...cached, millis: 0 };
    }
    const diskKey = createHash("sha256").update(key).update(JSON.stringify(options)).digest("hex");
    const kept = fromDisk(diskKey, projectDir);
    if (kept?.error !== undefined) {
        throw new TypeScriptError(kept.error);
    }
    if (kept?.outputs !== undefined) {
        const outputs = new Map(Object.entries(kept.outputs));
        return { ts, options, outputs, inputs: new Map(), typeChecked: typeCheck, millis: 0 };
    }
    const started = Date.now();
    const host = sharingHost(ts, options);
    const program = ts.createProgram({ rootNames: [entry], options, host });
    const own = program
        .getSourceFiles()
        .filter((f) => !f.isDeclarationFile && !f.fileName.split(/[\\/]/).includes("node_modules"));
    const outputs = checkAndEmit(ts, program, own, projectDir, diskKey);
    const inputs = new Map(
        own.map((f) => [path.resolve(f.fileName), fs.statSync(f.fileName).mtimeMs]),
    );
    const tsconfigFile = path.resolve(projectDir, tsconfig);
    if (fs.existsSync(tsconfigFile)) {
        inputs.set(tsconfigFile, fs.statSync(tsconfigFile).mtimeMs);
    }
    const compiled = {
        ts,
        options,
        outputs,
        inputs,
        typeChecked: typeCheck,
        millis: Date.now() - started,
    };
    cache.set(key, compiled);
    toDisk(diskKey, projectDir, [...inputs.keys()], { outputs: Object.fromEntries(outputs) });
    return compiled;
}

type Loader = (
    module: NodeJS.Module & { _compile(code: string, file: string): void },
    file: string,
) => void;

/**
 * Runs `fn` with `require` loading `.ts` files from `compiled` (any other `.ts` file transpiled
 * with the same options), then puts back the loader that was there.
 */
export async function withCompiled<T>(compiled: Compiled, fn: () => Promise<T>): Promise<T> {
    const extensions = require.extensions as unknown as Record<string, Loader | undefined>;
    const before = { ".ts": extensions[".ts"], ".tsx": extensions[".tsx"] };
    const load: Loader = (module, file) => {
        const js =
            compiled.outputs.get(path.resolve(file)) ??
            compiled.ts.transpileModule(fs.readFileSync(file, "utf8"), {
                compilerOptions: compiled.options,
                fileName: file,
            }).outputText;
        module._compile(js, file);
    };
    extensions[".ts"] = load;
    extensions[".tsx"] = load;
    process.setSourceMapsEnabled(true);
    try {
        return await fn();
    } finally {
        for (const [ext, loader] of Object.entries(before)) {
            if (loader === undefined) {
                delete extensions[ext];
            } else {
                extensions[ext] = loader;
            }
        }
    }
}
