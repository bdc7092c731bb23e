// The entry the Pulumi CLI starts when another language uses this package (`pulumi package add`).
//
// PulumiPlugin.yaml makes the repository a Node.js plugin. The CLI installs its dependencies
// (`npm install` in the plugin directory) and the Node.js language host runs
// `node <@pulumi/pulumi/cmd/run-plugin> <plugin directory> <engine address>`; run-plugin
// `require`s the plugin directory, which Node resolves through package.json's `main`: this file.
// (Programs that import the package resolve `exports["."]` instead and never load it.)
//
// It starts the compiled provider (bin/components/provider). A git clone the CLI just installed
// has no bin/ (installing runs no build script), so the first start builds the components and the
// schema (`node scripts/build.js --plugin`, a minute or so; later starts reuse them). Plain
// JavaScript because it must run before anything is compiled.
"use strict";
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");

const root = path.resolve(__dirname, "..", "..");
const compiled = path.join(root, "bin", "components", "provider");

if (!fs.existsSync(path.join(compiled, "schema.json"))) {
    const build = path.join(root, "scripts", "build.js");
    // stdout carries the port line the engine waits for: the build writes to stderr.
    const result = spawnSync(process.execPath, [build, "--plugin"], {
        cwd: root,
        stdio: ["ignore", process.stderr, process.stderr],
    });
    if (result.status !== 0) {
        console.error(
            `encrypted-logs: building ${compiled} failed (${result.error ?? `exit ${result.status}`}). ` +
                `Fix: run \`npm ci && npm run build\` in ${root}, then run the Pulumi command again.`,
        );
        process.exit(1);
    }
}

require(path.join(compiled, "index.js"));
