/**
 * Documentation the API reference and the multi-language schema are built from: every argument
 * of every component has a description, and every optional one states its default in the
 * `@default` form (the README's args tables and TypeDoc show it).
 */
import * as assert from "node:assert/strict";
import * as path from "node:path";
import * as ts from "typescript";
import * as api from "../components";

const root = path.join(__dirname, "..", "..");

/** Component classes exported by the package (classes with a `<Name>Args` interface). */
const components = Object.entries(api)
    .filter(
        ([, value]) =>
            typeof value === "function" && /^class /.test(Function.prototype.toString.call(value)),
    )
    .map(([name]) => name)
    .filter((name) => name !== "InputError");

function argsMembers(): Map<
    string,
    { name: string; optional: boolean; doc: string; tags: string[] }[]
> {
    const program = ts.createProgram([path.join(root, "components", "index.ts")], { strict: true });
    const checker = program.getTypeChecker();
    const entry = program.getSourceFile(path.join(root, "components", "index.ts"));
    assert.ok(entry, "components/index.ts is part of the program");
    const moduleSymbol = checker.getSymbolAtLocation(entry);
    assert.ok(moduleSymbol);
    const found = new Map<
        string,
        { name: string; optional: boolean; doc: string; tags: string[] }[]
    >();
    for (const exported of checker.getExportsOfModule(moduleSymbol)) {
        const symbol =
            exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
        if (
            !components.includes(symbol.name.replace(/Args$/, "")) ||
            !symbol.name.endsWith("Args")
        ) {
            continue;
        }
        const type = checker.getDeclaredTypeOfSymbol(symbol);
        found.set(
            symbol.name,
            type.getProperties().map((p) => ({
                name: p.name,
                optional: (p.flags & ts.SymbolFlags.Optional) !== 0,
                doc: ts.displayPartsToString(p.getDocumentationComment(checker)),
                tags: p.getJsDocTags().map((t) => t.name),
            })),
        );
    }
    return found;
}

describe("API documentation", function () {
    this.timeout(60_000);
    let members: ReturnType<typeof argsMembers>;
    before(() => {
        members = argsMembers();
    });

    it("finds the args interface of every exported component", () => {
        assert.deepEqual([...members.keys()].sort(), components.map((c) => `${c}Args`).sort());
    });

    it("describes every argument and gives every optional one a @default", () => {
        const missing: string[] = [];
        for (const [args, list] of members) {
            for (const m of list) {
                if (m.doc.trim().length < 10) {
                    missing.push(`${args}.${m.name}: no description`);
                }
                if (m.optional && !m.tags.includes("default")) {
                    missing.push(`${args}.${m.name}: no @default`);
                }
            }
        }
        assert.deepEqual(missing, []);
    });
});
