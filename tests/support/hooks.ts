/**
 * Mocha root hooks. Tests that check deploy-time errors leave the failed program's promises
 * pending on purpose (a real `pulumi up` would have stopped there); a last fresh `setMocks`
 * forgets them so the runtime does not report them as leaks when mocha exits.
 */
import * as pulumi from "@pulumi/pulumi";

export const mochaHooks = {
    async afterAll(): Promise<void> {
        await pulumi.runtime.setMocks({
            newResource: () => ({ id: undefined, state: {} }),
            call: () => ({}),
        });
    },
};
