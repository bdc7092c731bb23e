/**
 * The pack's mutation run (`npm run mutation:policypack`) uses only the test files listed in
 * stryker.policypack.tests.json: a new test of the pack that is not listed would never count, and
 * its mutants would be reported as surviving. Every test file that imports the pack's code, or runs
 * the pack through the harness (`usePolicyPack`, `InProcessPack`: in process under Stryker), is
 * either listed or left out with a reason, and every entry names a file that exists.
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "..", "..");
const TESTS = path.join(ROOT, "tests");

interface PackTests {
    readonly tests: readonly string[];
    readonly leftOut: Readonly<Record<string, string>>;
}

const packTests = JSON.parse(
    fs.readFileSync(path.join(ROOT, "stryker.policypack.tests.json"), "utf8"),
) as PackTests;

/** Every `*.test.ts` under tests/, as the compiled name the lists use (`rules/region.test.js`). */
function testFiles(dir = TESTS): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
        const full = path.join(dir, e.name);
        if (e.isDirectory()) {
            return testFiles(full);
        }
        return e.name.endsWith(".test.ts")
            ? [path.relative(TESTS, full).split(path.sep).join("/").replace(/\.ts$/, ".js")]
            : [];
    });
}

/** Whether `file` is named by `entry`, a name or `dir/*.test.js`. */
function names(entry: string, file: string): boolean {
    return entry.endsWith("/*.test.js")
        ? path.posix.dirname(file) === entry.slice(0, -"/*.test.js".length)
        : entry === file;
}

describe("stryker.policypack.tests.json: the pack's mutation run sees every test of the pack", () => {
    const files = testFiles();

    it("lists or leaves out, with a reason, every test file that imports or runs the pack's code", () => {
        const importsPack = files.filter((f) =>
            /from "(\.\.\/)+policypack\/|usePolicyPack\w*\(|new InProcessPack\(/.test(
                fs.readFileSync(path.join(TESTS, f.replace(/\.js$/, ".ts")), "utf8"),
            ),
        );
        assert.ok(importsPack.length > 40, `only ${importsPack.length} test files import the pack`);
        const entries = [...packTests.tests, ...Object.keys(packTests.leftOut)];
        const unlisted = importsPack.filter((f) => !entries.some((e) => names(e, f)));
        assert.deepEqual(
            unlisted,
            [],
            "add each to `tests` in stryker.policypack.tests.json, or to `leftOut` with the reason",
        );
    });

    it("names only files that exist, each once, and gives every file left out a reason", () => {
        for (const entry of [...packTests.tests, ...Object.keys(packTests.leftOut)]) {
            assert.ok(
                files.some((f) => names(entry, f)),
                `${entry} names no test file`,
            );
        }
        const inBoth = packTests.tests.filter((t) => t in packTests.leftOut);
        assert.deepEqual(inBoth, []);
        assert.equal(new Set(packTests.tests).size, packTests.tests.length);
        for (const [file, why] of Object.entries(packTests.leftOut)) {
            assert.ok(why.length > 10, `${file}: say why it is left out`);
        }
    });

    it("would catch a test file of the pack that is in neither list", () => {
        const entries = packTests.tests.filter((t) => t !== "iamConditions.test.js");
        assert.equal(
            entries.some((e) => names(e, "iamConditions.test.js")),
            false,
        );
        assert.equal(names("rules/*.test.js", "rules/region.test.js"), true);
        assert.equal(names("rules/*.test.js", "rulesX/region.test.js"), false);
        assert.equal(names("rules/*.test.js", "region.test.js"), false);
    });
});
