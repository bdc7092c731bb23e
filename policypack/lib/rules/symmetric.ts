/** `[symmetric]`: the key is a symmetric encryption key (CloudWatch Logs and CloudTrail use no other). */
import { Rule, unverifiable, violation } from "./rule";
import { UNKNOWN } from "../stack/wire";

export const symmetricRule: Rule = {
    id: "symmetric",
    label: "key spec",
    run: ({ subject, key }) => {
        const settings = key?.settings;
        if (key === undefined || settings === undefined) {
            return [];
        }
        const { spec, usage } = settings;
        if (spec === UNKNOWN || usage === UNKNOWN) {
            return [
                unverifiable(
                    "symmetric",
                    `the key spec or key usage of ${key.description} is unknown at preview`,
                ),
            ];
        }
        if (spec !== "SYMMETRIC_DEFAULT" || usage !== "ENCRYPT_DECRYPT") {
            return [
                violation(
                    "symmetric",
                    `${subject} is encrypted with ${key.description}, whose key spec is "${spec}" and key usage "${usage}": ` +
                        `CloudWatch Logs and CloudTrail only use symmetric encryption keys. ` +
                        `Fix: use a key with key spec "SYMMETRIC_DEFAULT" and key usage "ENCRYPT_DECRYPT" (the defaults; a LogsKey is one).`,
                ),
            ];
        }
        return [];
    },
};
