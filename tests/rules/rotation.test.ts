/** `[rotation]` at the facts level: symmetric customer keys that can rotate have rotation on. */
import { unknown } from "../../harness/policyHarness";
import { rotationRule } from "../../policypack/lib/rules/rotation";
import { table } from "./keyTarget";

describe("rules: rotation", () => {
    table(rotationRule, [
        {
            name: "passes a key with enableKeyRotation: true",
            target: (s) => s.logGroup("app", { key: s.key("app-key", { rotation: true }) }),
            finds: [],
        },
        {
            name: "fails a key with enableKeyRotation: false",
            target: (s) => s.logGroup("app", { key: s.key("app-key", { rotation: false }) }),
            finds: [["violation", /whose enableKeyRotation is false/]],
        },
        {
            name: "fails a key without enableKeyRotation (off)",
            target: (s) => s.logGroup("app", { key: s.key("app-key", { rotation: null }) }),
            finds: [["violation", /whose enableKeyRotation is not set \(false\)/]],
        },
        {
            name: "passes it with requireKeyRotation: false",
            target: (s) => s.logGroup("app", { key: s.key("app-key", { rotation: false }) }),
            options: { requireKeyRotation: false },
            finds: [],
        },
        {
            name: "asks nothing of a key that cannot rotate (asymmetric)",
            target: (s) =>
                s.logGroup("app", {
                    key: s.key("app-key", { spec: "RSA_2048", rotation: false }),
                }),
            finds: [],
        },
        {
            name: "cannot verify rotation unknown at preview",
            target: (s) => s.logGroup("app", { key: s.key("app-key", { rotation: unknown() }) }),
            finds: [["unverifiable", /rotates is unknown at preview/]],
        },
    ]);
});
