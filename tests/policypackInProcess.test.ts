/**
 * The in-process runner (what mutation testing uses) against the real thing: the same stacks and
 * configurations previewed through the pack as a child process over gRPC and in process must give
 * identical diagnostics, message for message, and the same analyzer info.
 */
import * as assert from "node:assert/strict";
import { syntheticStack } from "../harness/syntheticStack";
import { brokenProgram, previewProgram } from "../harness/preview";
import { stackFromMockEngine } from "../testing/fromMockEngine";
import { InProcessPack } from "../harness/inProcessPack";
import { StackResource, PolicyPackHarness, PreviewResult } from "../harness/policyHarness";
import { CATALOGUE_CONFIGS, catalogueStacks } from "../harness/catalogue";

function plain(r: PreviewResult): unknown {
    return { analyze: [...r.analyze.entries()], stack: r.stack };
}

describe("policy pack: in process (for mutation testing) gives what the pack gives over gRPC", function () {
    this.timeout(120_000);
    let grpcPack: PolicyPackHarness;
    const inProcess = new InProcessPack();
    before(async () => {
        grpcPack = await PolicyPackHarness.start();
    });
    after(async () => {
        await grpcPack?.stop();
    });

    it("declares the same pack: name, version, policies, levels and configuration schemas", async () => {
        const [a, b] = await Promise.all([grpcPack.info(), inProcess.info()]);
        assert.deepEqual(b.toObject(), a.toObject());
    });

    const stacks: [string, () => Promise<StackResource[]> | StackResource[]][] = [
        [
            "a synthetic stack of 300 resources (harness/syntheticStack.ts)",
            () => syntheticStack(300),
        ],
        ...Object.entries(catalogueStacks()).map(
            ([name, stack]) =>
                [`the catalogue stack "${name}" (every kind of target and key)`, () => stack] as [
                    string,
                    () => StackResource[],
                ],
        ),
        [
            "the demo's broken program, previewed under the mock engine",
            async () => stackFromMockEngine(await previewProgram(brokenProgram())),
        ],
    ];
    for (const [what, make] of stacks) {
        it(`previews ${what} identically, under each configuration`, async () => {
            const stack = await make();
            let diagnostics = 0;
            for (const [name, config] of Object.entries(CATALOGUE_CONFIGS)) {
                await grpcPack.configure(config);
                await inProcess.configure(config);
                const expected = await grpcPack.preview(stack);
                const actual = await inProcess.preview(stack);
                assert.deepEqual(plain(actual), plain(expected), `configuration "${name}"`);
                diagnostics += expected.all.length;
            }
            assert.ok(diagnostics > 0, "the stacks give diagnostics to compare");
        });
    }
});
