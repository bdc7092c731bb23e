/**
 * docs/errors.md stays true: every error the components can raise has a row there (found by
 * reading the sources with the TypeScript parser: each `new InputError(...)` problem text, and
 * the problem texts passed to `validateOneOf`), every pack check has a row, and every row's text
 * is in the sources and in a test that asserts it.
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import * as ts from "typescript";
import { KEY_RULES } from "../policypack/lib/rules";

const root = path.join(__dirname, "..", "..");
const catalogue = fs.readFileSync(path.join(root, "docs", "errors.md"), "utf8");

function sourceFiles(dir: string): string[] {
    return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
        const rel = path.join(dir, e.name);
        if (e.isDirectory()) {
            return e.name === "node_modules" || e.name === "bin" ? [] : sourceFiles(rel);
        }
        return e.name.endsWith(".ts") ? [rel] : [];
    });
}

const read = (files: string[]) =>
    files.map((f) => fs.readFileSync(path.join(root, f), "utf8")).join("\n");
const components = sourceFiles("components");
// aws/ too: the ARN, principal and policy-document errors the components raise live there.
const sources = read([...components, ...sourceFiles("aws"), ...sourceFiles("policypack")]);
const tests = read(sourceFiles("tests").filter((f) => !f.endsWith("errors.test.ts")));

/** The rows of the tables under a `## heading`, as cells. */
function rows(heading: string): string[][] {
    const start = catalogue.indexOf(`\n## ${heading}\n`);
    assert.ok(start >= 0, `docs/errors.md has a "## ${heading}" section`);
    const end = catalogue.indexOf("\n## ", start + 1);
    return catalogue
        .slice(start, end < 0 ? undefined : end)
        .split("\n")
        .filter((l) => l.startsWith("| `"))
        .map((l) =>
            l
                .slice(1, -1)
                .split(" | ")
                .map((c) => c.trim()),
        );
}

/** The fixed part of a catalogued text: inside the first backticks, the longest run without `…`. */
function fixedPart(cell: string): string {
    const m = /`([^`]+)`/.exec(cell);
    assert.ok(m, `a backticked text in "${cell}"`);
    return longest(m[1].split("…"));
}

function longest(parts: readonly string[]): string {
    return parts.reduce((a, b) => (b.length > a.length ? b : a), "");
}

/** The fixed text of a problem expression: a literal, or a template's longest literal span. */
function literalText(e: ts.Expression): string | undefined {
    if (ts.isStringLiteralLike(e)) {
        return e.text;
    }
    if (ts.isTemplateExpression(e)) {
        return longest([e.head.text, ...e.templateSpans.map((span) => span.literal.text)]);
    }
    return undefined;
}

/**
 * The problem texts the components can raise, read from the sources: the third argument of each
 * `new InputError(...)`, the problem passed to `validateOneOf` and to the validators' local
 * `refuse(problem, fix)`, and `rejectedCharacters("<service>", ...)`, which builds
 * "<service> rejects the character...". Identifiers that only pass these on are skipped.
 */
function raisedProblems(): { file: string; line: number; text: string }[] {
    const found: { file: string; line: number; text: string }[] = [];
    const passedOn = new Set(["problem", "rejected"]);
    for (const file of components) {
        const sf = ts.createSourceFile(
            file,
            fs.readFileSync(path.join(root, file), "utf8"),
            ts.ScriptTarget.ES2022,
            true,
        );
        const visit = (node: ts.Node): void => {
            let problem: ts.Expression | undefined;
            if (ts.isNewExpression(node) && node.expression.getText(sf) === "InputError") {
                problem = node.arguments?.[2];
            } else if (ts.isCallExpression(node)) {
                const callee = node.expression.getText(sf);
                if (
                    callee === "validateOneOf" &&
                    !file.endsWith(path.join("common", "validation.ts"))
                ) {
                    problem = node.arguments[3];
                } else if (callee === "refuse") {
                    problem = node.arguments[0];
                } else if (
                    callee === "rejectedCharacters" &&
                    ts.isStringLiteral(node.arguments[0])
                ) {
                    const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
                    found.push({
                        file,
                        line,
                        text: `${node.arguments[0].text} rejects the character`,
                    });
                }
            }
            if (problem !== undefined) {
                const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
                const text = literalText(problem);
                if (text !== undefined) {
                    found.push({ file, line, text });
                } else if (!(ts.isIdentifier(problem) && passedOn.has(problem.text))) {
                    assert.fail(
                        `${file}:${line}: the problem text is not a literal, a template or a passed-on parameter; catalogue it by hand`,
                    );
                }
            }
            ts.forEachChild(node, visit);
        };
        visit(sf);
    }
    return found;
}

describe("docs/errors.md, the bad-input catalogue", () => {
    // Read once, in a hook, so a source the parser cannot read fails a test, not the file's loading.
    let problems: { file: string; line: number; text: string }[] = [];
    before(() => {
        problems = raisedProblems();
    });
    const componentRows = rows("Component errors").map((r) => fixedPart(r[0]));
    const packRows = rows("Policy pack findings").map((r) => ({
        check: fixedPart(r[0]),
        text: fixedPart(r[1]),
    }));

    it("catalogues every problem text the components can raise", () => {
        assert.ok(problems.length >= 30, `found ${problems.length} error sites in the sources`);
        const missing = problems.filter(
            (p) => !componentRows.some((row) => p.text.includes(row) || row.includes(p.text)),
        );
        assert.deepEqual(
            missing.map((p) => `${p.file}:${p.line}: ${p.text}`),
            [],
            "add a row to docs/errors.md for each",
        );
    });

    it("has a row for every rule of the policy pack", () => {
        const rules = KEY_RULES.map((rule) => rule.id);
        assert.ok(rules.length >= 7, `rules: ${rules.join(", ")}`);
        const catalogued = new Set(packRows.map((r) => r.check));
        for (const rule of [...rules, "key-required", "cannot verify yet"]) {
            assert.ok(catalogued.has(`[${rule}]`), `docs/errors.md has a row for [${rule}]`);
        }
    });

    it("quotes only texts that are in the sources and asserted by a test", () => {
        const texts = [...componentRows, ...packRows.map((r) => r.text)];
        assert.ok(texts.length >= 45, `${texts.length} catalogued texts`);
        const escaped = (t: string) => t.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
        assert.deepEqual(
            texts.filter((t) => t.length < 8),
            [],
            "texts distinctive enough to search for",
        );
        // Texts built by rejectedCharacters("<service>", ...) are found by the parser, not as literals.
        const built = problems.map((p) => p.text);
        assert.deepEqual(
            texts.filter((t) => !sources.includes(t) && !built.includes(t)),
            [],
            "texts raised somewhere in the sources",
        );
        assert.deepEqual(
            texts.filter((t) => !tests.includes(t) && !tests.includes(escaped(t))),
            [],
            "texts a test matches (as a string or a regular expression)",
        );
    });

    it("explains the AWS errors the package prevents", () => {
        const aws = rows("AWS errors this package prevents").map((r) => r[0]);
        for (const error of [
            "Unable to validate if specified KMS key is valid",
            "InsufficientEncryptionPolicyException",
            "Incorrect S3 bucket policy is detected",
            "The specified KMS key does not exist or is not allowed to be used",
        ]) {
            assert.ok(
                aws.some((cell) => cell.includes(error)),
                `docs/errors.md explains ${error}`,
            );
        }
        assert.match(catalogue, /up to five minutes/);
    });
});
