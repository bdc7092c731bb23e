/**
 * Writes tests/fixtures/state/app-stack.json: the state `pulumi up` of
 * tests/support/programs/deployedAppStack.ts would leave (under the recording mock engine, every
 * output known), as `pulumi stack export` writes it, with the platform stack's outputs being what
 * examples/platform-keys exports. Run after `npm run build`: `node bin/scripts/writeStateFixture.js`.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { previewProgram } from "../harness/preview";
import { stackExportFromMockEngine } from "../harness/stateExport";

const root = path.resolve(__dirname, "..", "..");

/** The state file's path. */
export const STATE_FIXTURE = path.join(root, "tests", "fixtures", "state", "app-stack.json");

/** Runs the platform stack, then the app stack on its outputs; returns the app stack's state. */
export async function appStackState(): Promise<ReturnType<typeof stackExportFromMockEngine>> {
    const platform = await previewProgram(path.join(root, "examples", "platform-keys"), {
        preview: false,
        project: "platform-keys",
        stack: "prod",
    });
    const app = await previewProgram(
        path.join(root, "bin", "tests", "support", "programs", "deployedAppStack.js"),
        {
            preview: false,
            project: "app",
            stack: "prod",
            stackOutputs: { "acme/platform-keys/prod": platform.stackExports() },
        },
    );
    return stackExportFromMockEngine(app);
}

if (require.main === module) {
    void appStackState().then((state) => {
        fs.mkdirSync(path.dirname(STATE_FIXTURE), { recursive: true });
        fs.writeFileSync(STATE_FIXTURE, JSON.stringify(state, null, 4) + "\n");
        console.log(
            `wrote ${path.relative(root, STATE_FIXTURE)}: ${state.deployment.resources?.length} resources`,
        );
    });
}
