// `npm run build`: compiles what changed since the last build, and only that, so `npm run demo`
// then `npm test` compile once.
//
// 1. The policy pack's own dependencies (policypack/node_modules, its own lockfile): installed when
//    missing or older than policypack/package-lock.json. (This was the `prepare` script's job; a
//    `prepare` script also lands in the published package.json, where npm lists it as an install
//    script of the tarball.)
// 2. `tsc -b` of the package (tsconfig.json: components, policypack, tests, scripts, bench) and of
//    the pack (policypack/tsconfig.json), incremental: with nothing changed it only compares
//    timestamps. Then outputs whose source is gone are deleted, so mocha never runs a deleted test.
// 3. The schema other languages are generated from (bin/components/provider/schema.json), when a
//    component source or package.json is newer than it: the component provider host's analyzer
//    type-checks the sources, so this takes seconds.
//
// Quiet when it succeeds: what the steps print is shown only when one fails, or with `--verbose`.
//
// `--plugin` (what components/provider/plugin.js runs when the Pulumi CLI starts a fresh clone):
// steps 2 and 3 for the components alone, no network. `--clean`: deletes every output first.
// Plain JavaScript so it runs before anything is compiled.
"use strict";
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
const plugin = process.argv.includes("--plugin");
const clean = process.argv.includes("--clean");
// A build that succeeds prints nothing (`npm run demo` starts with the demo's summary); `--verbose`
// (or BUILD_VERBOSE=1) prints each step and the time.
const verbose = process.argv.includes("--verbose") || process.env.BUILD_VERBOSE === "1";
/** A progress line, with --verbose only. */
const note = (line) => verbose && console.error(line);
const started = Date.now();

/**
 * Runs a command quietly: its output (npm's notices, tsc's messages) is kept and written to
 * stderr only when it fails, or always with `--verbose` (the plugin's stdout belongs to the
 * engine, so nothing goes there).
 */
function run(command, args, cwd = root) {
    const result = spawnSync(command, args, {
        cwd,
        stdio: ["ignore", verbose ? process.stderr : "pipe", verbose ? process.stderr : "pipe"],
    });
    if (result.status !== 0) {
        if (!verbose) {
            process.stderr.write(result.stdout ?? "");
            process.stderr.write(result.stderr ?? "");
        }
        console.error(
            `build: \`${[path.basename(command), ...args].join(" ")}\` failed (${result.error ?? `exit ${result.status}`})`,
        );
        process.exit(result.status || 1);
    }
}

const tsc = () => require.resolve("typescript/bin/tsc", { paths: [root] });
const mtime = (file) => (fs.existsSync(file) ? fs.statSync(file).mtimeMs : -Infinity);

/** The newest modification time of the `.ts` files under `dir`. */
function newestSource(dir) {
    let newest = -Infinity;
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        newest = Math.max(
            newest,
            e.isDirectory() ? newestSource(p) : e.name.endsWith(".ts") ? mtime(p) : -Infinity,
        );
    }
    return newest;
}

/** Deletes compiled files under `outDir` whose `.ts` source under `rootDir` no longer exists. */
function sweep(outDir, rootDir) {
    if (!fs.existsSync(outDir)) {
        return 0;
    }
    let removed = 0;
    for (const e of fs.readdirSync(outDir, { withFileTypes: true, recursive: true })) {
        const m = /^(.*?)(\.d\.ts\.map|\.d\.ts|\.js\.map|\.js)$/.exec(e.name);
        if (!e.isFile() || m === null) {
            continue;
        }
        const file = path.join(e.parentPath ?? e.path, e.name);
        const source = path.join(rootDir, path.relative(outDir, path.dirname(file)), `${m[1]}.ts`);
        if (!fs.existsSync(source)) {
            fs.rmSync(file);
            removed += 1;
        }
    }
    return removed;
}

const outputs = plugin
    ? [path.join(root, "bin")]
    : [path.join(root, "bin"), path.join(root, "policypack", "bin")];
if (clean) {
    for (const dir of outputs) {
        fs.rmSync(dir, { recursive: true, force: true });
    }
}

if (!plugin) {
    const pack = path.join(root, "policypack");
    const installed = path.join(pack, "node_modules", ".package-lock.json");
    if (mtime(installed) < mtime(path.join(pack, "package-lock.json"))) {
        note("build: installing the policy pack's dependencies (npm ci --prefix policypack)");
        run(
            process.platform === "win32" ? "npm.cmd" : "npm",
            ["ci", "--no-audit", "--no-fund"],
            pack,
        );
    }
}

const projects = plugin
    ? ["components/tsconfig.json"]
    : ["tsconfig.json", "policypack/tsconfig.json"];
run(process.execPath, [tsc(), "-b", ...projects]);
const removed =
    sweep(path.join(root, "bin"), root) +
    (plugin ? 0 : sweep(path.join(root, "policypack", "bin"), root));

const schema = path.join(root, "bin", "components", "provider", "schema.json");
const inputs = Math.max(
    newestSource(path.join(root, "components")),
    newestSource(path.join(root, "aws")),
    mtime(path.join(root, "package.json")),
    mtime(path.join(root, "components", "provider", "package.json")),
    mtime(path.join(root, "components", "provider", "tsconfig.json")),
);
const schemaStale = mtime(schema) < inputs;
if (schemaStale) {
    run(process.execPath, [path.join(root, "bin", "components", "provider", "schema.js")]);
}
note(
    `build: ${((Date.now() - started) / 1000).toFixed(1)} s (${projects.join(", ")}; ` +
        `${removed} stale output(s) removed; schema ${schemaStale ? "rebuilt" : "up to date"})`,
);
