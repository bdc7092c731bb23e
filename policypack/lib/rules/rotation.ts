/** `[rotation]`: symmetric customer keys that can rotate have automatic rotation on (unless configured). */
import { Rule, unverifiable, violation } from "./rule";

export const rotationRule: Rule = {
    id: "rotation",
    label: "rotation",
    run: ({ subject, key }, options) => {
        const rotation = key?.settings?.rotation;
        if (key === undefined || rotation === undefined || !options.requireKeyRotation) {
            return [];
        }
        if (rotation.kind === "cannot-rotate") {
            return [];
        }
        if (rotation.kind === "unknown") {
            return [
                unverifiable(
                    "rotation",
                    `whether ${key.description} rotates is unknown at preview`,
                ),
            ];
        }
        if (rotation.enabled !== true) {
            return [
                violation(
                    "rotation",
                    `${subject} is encrypted with ${key.description}, whose enableKeyRotation is ${rotation.enabled === false ? "false" : "not set (false)"}: ` +
                        `symmetric customer keys used for logs must rotate. Fix: set enableKeyRotation: true (a LogsKey does), or set requireKeyRotation: false in this policy's configuration.`,
                ),
            ];
        }
        return [];
    },
};
