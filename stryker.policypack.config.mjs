// `npm run mutation:policypack`: stryker.config.json narrowed to the policy pack's files and the
// tests that run its logic in process (policypack.test, policypackProperties, policypackUnits,
// stackPolicy),
// reported to reports/mutation/policypack.{html,json}. About a quarter of the pack's mutants are
// static (module-level tables and schemas): Stryker runs every test for each of them, so the
// smaller test set makes this run several times faster than the full `npm run mutation`.
import { readFileSync } from "node:fs";

const base = JSON.parse(readFileSync(new URL("./stryker.config.json", import.meta.url), "utf8"));
const PACK_TESTS = [
    "policypack.test.js",
    "policypackProperties.test.js",
    "policypackUnits.test.js",
    "stackPolicy.test.js",
];

export default {
    ...base,
    mutate: base.mutate.filter((f) => f.startsWith("policypack/")),
    mochaOptions: {
        ...base.mochaOptions,
        spec: base.mochaOptions.spec.filter((s) => PACK_TESTS.some((t) => s.endsWith(`/${t}`))),
    },
    htmlReporter: { fileName: "reports/mutation/policypack.html" },
    jsonReporter: { fileName: "reports/mutation/policypack.json" },
};
