/**
 * The README stays the front door, and true: at most 300 lines; its component example passes the
 * pack as written, at preview and once deployed; the pack output it quotes is what the pack says
 * about scripts/broken-stack; and every relative link of the README, CONTRIBUTING.md and docs/
 * leads to a file and, with an anchor, to a heading of it.
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { checkProgram } from "pulumi-aws-encrypted-logs/testing";

const root = path.join(__dirname, "..", "..");
const readme = fs.readFileSync(path.join(root, "README.md"), "utf8");

/** The ```ts blocks of a Markdown text. */
function tsBlocks(text: string): string[] {
    return [...text.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);
}

/** GitHub's anchor of a Markdown heading. */
function anchor(heading: string): string {
    return heading
        .trim()
        .toLowerCase()
        .replace(/[^\w\- ]/g, "")
        .replace(/ /g, "-");
}

describe("README", function () {
    this.timeout(180_000);

    it("is at most 300 lines", () => {
        assert.ok(
            readme.split("\n").length <= 300,
            `README.md has ${readme.split("\n").length} lines`,
        );
    });

    describe("its component example, as a program", () => {
        const dir = path.join(root, "bin", "tests", "readme-program");
        before(() => {
            const example = tsBlocks(readme).find((b) => b.includes("EncryptedEventDataStore("));
            assert.ok(example, "the README has a ts block with every component");
            fs.mkdirSync(dir, { recursive: true });
            fs.writeFileSync(path.join(dir, "index.ts"), example);
            fs.writeFileSync(
                path.join(dir, "Pulumi.yaml"),
                "name: readme-example\nruntime: nodejs\nmain: index.ts\n",
            );
        });

        it("passes the pack at preview with no diagnostic", async () => {
            const result = await checkProgram(dir);
            assert.deepEqual(
                result.diagnostics.map((d) => d.message),
                [],
            );
            const types = new Set(result.resources.map((r) => r.type));
            for (const token of [
                "encrypted-logs:index:EncryptedLogGroup",
                "encrypted-logs:index:LogsKey",
                "encrypted-logs:index:EncryptedAnomalyDetector",
                "encrypted-logs:index:EncryptedTrail",
                "encrypted-logs:index:CloudTrailKey",
                "encrypted-logs:index:EncryptedEventDataStore",
            ]) {
                assert.ok(types.has(token), `the example creates a ${token}`);
            }
        });

        it("passes the pack once deployed (every output known)", async () => {
            const result = await checkProgram(dir, { dryRun: false });
            assert.ok(result.resources.length > 30, "the example ran again");
            assert.deepEqual(
                result.diagnostics.map((d) => d.message),
                [],
            );
        });
    });

    it("quotes what the pack says about scripts/broken-stack", async () => {
        const quoted = [...readme.matchAll(/^ {8}(mandatory|advisory) ([a-z-]+): (.*)$/gm)];
        assert.ok(quoted.length > 0, "the README quotes a finding");
        const result = await checkProgram(path.join(root, "scripts", "broken-stack", "index.ts"));
        for (const [, level, policy, message] of quoted) {
            assert.ok(
                result.diagnostics.some(
                    (d) =>
                        d.enforcementLevel === level &&
                        d.policyName === policy &&
                        d.message === message,
                ),
                `the pack reports: ${policy}: ${message}`,
            );
        }
    });
});

describe("links of the README, CONTRIBUTING.md and docs/", () => {
    const files = [
        "README.md",
        "CONTRIBUTING.md",
        "BENCHMARKS.md",
        ...fs
            .readdirSync(path.join(root, "docs"))
            .filter((f) => f.endsWith(".md"))
            .map((f) => path.join("docs", f)),
    ];
    for (const file of files) {
        it(`${file}: every relative link leads to a file and heading`, () => {
            const text = fs.readFileSync(path.join(root, file), "utf8");
            const broken: string[] = [];
            for (const [, link] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
                if (/^https?:/.test(link)) {
                    continue;
                }
                const [target, hash] = link.split("#");
                const resolved = target
                    ? path.join(root, path.dirname(file), target)
                    : path.join(root, file);
                if (!fs.existsSync(resolved)) {
                    broken.push(`${link}: no such file`);
                    continue;
                }
                if (hash !== undefined && resolved.endsWith(".md")) {
                    const headings = [
                        ...fs.readFileSync(resolved, "utf8").matchAll(/^#+ (.*)$/gm),
                    ].map((m) => anchor(m[1]));
                    if (!headings.includes(hash)) {
                        broken.push(`${link}: no such heading`);
                    }
                }
            }
            assert.deepEqual(broken, []);
        });
    }
});
