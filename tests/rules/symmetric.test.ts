/** `[symmetric]` at the facts level: the key is a symmetric encryption key. */
import { unknown } from "../../harness/policyHarness";
import { symmetricRule } from "../../policypack/lib/rules/symmetric";
import { table } from "./keyTarget";

describe("rules: symmetric", () => {
    table(symmetricRule, [
        {
            name: "passes a key with the default key spec and usage",
            target: (s) => s.logGroup("app", { key: s.key("app-key") }),
            finds: [],
        },
        {
            name: "fails an RSA_2048 key",
            target: (s) => s.logGroup("app", { key: s.key("app-key", { spec: "RSA_2048" }) }),
            finds: [["violation", /key spec is "RSA_2048".*only use symmetric encryption keys/]],
        },
        {
            name: "fails a symmetric key whose usage is not ENCRYPT_DECRYPT",
            target: (s) =>
                s.logGroup("app", {
                    key: s.key("app-key", { spec: "HMAC_256", usage: "GENERATE_VERIFY_MAC" }),
                }),
            finds: [["violation", /key usage "GENERATE_VERIFY_MAC"/]],
        },
        {
            name: "cannot verify a key spec unknown at preview",
            target: (s) => s.logGroup("app", { key: s.key("app-key", { spec: unknown() }) }),
            finds: [["unverifiable", /key spec or key usage .* is unknown at preview/]],
        },
        {
            name: "judges nothing when there is no key in the stack to read",
            target: (s) => s.logGroup("app"),
            finds: [],
        },
    ]);
});
