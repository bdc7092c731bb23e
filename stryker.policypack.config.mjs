// `npm run mutation:policypack`: Stryker over the policy pack alone (policypack/index.ts,
// deserializeOnce.ts, policies/*.ts, lib/**/*.ts), reported to reports/mutation/policypack.{html,json}.
//
// Tests: every test file that runs the pack's code in this process and finishes in well under a
// minute: one file per rule (tests/rules/), one per destination service (tests/destinations/), and
// the facts-, stack- and policy-level files listed in PACK_TESTS. Left out, because Stryker can
// neither see nor switch mutants in them or they cost a minute per run: policypackInProcess (it
// also starts the pack as a gRPC child process, 35 s), stateReplay (replays against the pack's
// child process: fails in process), providerBoot, demo, checkFlags, checkOwnProgram, package,
// policypackInstall (child processes, npm installs), afterDeploy (every example through the
// shipped `checkProgram` twice plus a property, 40 s unmutated: per mutant it would run all of it;
// policypackPrograms and logDestinationPrograms preview the same examples) and tests/engine (the
// real CLI).
//
// coverageAnalysis "perTest": each mutant runs only the tests that reached it. Static mutants
// (module-level tables and schemas, executed only while a file loads) need every test after a
// reload, which over this test set is hours on 2 cores: they are ignored (reported "Ignored", not
// in the score) unless STRYKER_STATIC=1. incremental: results are kept in
// reports/stryker-incremental-policypack.json (git-ignored with reports/: it is per machine and
// goes stale with every change to a test), so a rerun only tests mutants whose code or covering
// tests changed; `-- --force` redoes them all. `-- --mutate <file>` narrows the run. bin/tests is
// in the sandbox (see ignorePatterns), so Stryker diffs the compiled test files and reuses the
// results of unchanged tests: build first, since it reads the test files from bin/tests.
import { readFileSync } from "node:fs";

const base = JSON.parse(readFileSync(new URL("./stryker.config.json", import.meta.url), "utf8"));
const PACK_TESTS = [
    "rules/*.test.js",
    "destinations/*.test.js",
    "bucketKey.test.js",
    "centralization.test.js",
    "centralizationRules.test.js",
    "createInputs.test.js",
    "deserializeOnce.test.js",
    "destinationFacts.test.js",
    "destinationMatch.test.js",
    "destinations.test.js",
    "destinationsConfig.test.js",
    "destinationsRead.test.js",
    "errors.test.js",
    "exemptions.test.js",
    "iamConditions.test.js",
    "iamDifferential.test.js",
    "iamPolicy.test.js",
    "keyResolution.test.js",
    "location.test.js",
    "logDestinationConfig.test.js",
    "logDestinationMessages.test.js",
    "logDestinationPrograms.test.js",
    "logDestinations.test.js",
    "logDestinationsOutside.test.js",
    "logGroupSettings.test.js",
    "packIndex.test.js",
    "policypack.test.js",
    "policypackPrograms.test.js",
    "policypackProperties.test.js",
    "policypackUnits.test.js",
    "policypackVerdicts.test.js",
    "policyRunners.test.js",
    "publishedKeys.test.js",
    "publishedLogGroup.test.js",
    "publishedLogGroups.test.js",
    "renamedPolicies.test.js",
    "serviceRequests.test.js",
    "stackIndex.test.js",
    "stackPolicy.test.js",
    "targetFacts.test.js",
    "wire.test.js",
];

export default {
    ...base,
    mutate: [
        "policypack/index.ts",
        "policypack/deserializeOnce.ts",
        ...base.mutate.filter((f) => f.startsWith("policypack/")),
    ],
    mochaOptions: {
        ...base.mochaOptions,
        spec: PACK_TESTS.map((t) => `bin/tests/${t}`),
    },
    // errors.test reads docs/errors.md; only the generated docs/api stays out of the sandbox.
    // bin/tests is let in (the rest of bin/ stays out): the sandbox's build compiles it again, but
    // Stryker then knows the compiled test files' text and diffs them for the incremental file,
    // instead of counting every test as changed. So build (`npm run build`) before a run.
    ignorePatterns: [
        ...base.ignorePatterns.filter((p) => p !== "docs" && p !== "bin"),
        "bin/*",
        "!bin/tests",
        "policypack/bin",
        "docs/api",
    ],
    coverageAnalysis: "perTest",
    ignoreStatic: process.env.STRYKER_STATIC !== "1",
    incremental: true,
    incrementalFile: "reports/stryker-incremental-policypack.json",
    htmlReporter: { fileName: "reports/mutation/policypack.html" },
    jsonReporter: { fileName: "reports/mutation/policypack.json" },
};
