/**
 * The mistakes planted in the synthetic bench stack, one per tenth unit in turn: log groups whose
 * key every one of the pack's policies must refuse, named `*-bad-*`.
 */
import { ACCOUNT, StackBuilder, adminOnlyPolicy } from "./stackFixtures";

/** The mistakes planted, one per tenth unit in turn; every one must be refused. */
export const MISTAKES = [
    "no key",
    "alias ARN",
    "new RSA key",
    "key in another region",
    "key policy without CloudWatch Logs",
    "key rotation off",
] as const;

/** Whether a resource name is a planted mistake (a log group or the bad key behind one). */
export const PLANTED = /-bad-/;

/** A log group `<name>-bad-<which>` with mistake `which` of {@link MISTAKES}. */
export function plant(s: StackBuilder, name: string, which: number): void {
    const group = `${name}-bad-${which}`;
    switch (MISTAKES[which]) {
        case "no key":
            s.logGroup(group, {});
            return;
        case "alias ARN":
            s.logGroup(group, { key: `arn:aws:kms:us-east-1:${ACCOUNT}:alias/app-logs` });
            return;
        case "new RSA key":
            s.logGroup(group, {
                key: s.key(`${group}-key`, { spec: "RSA_2048", policyFor: [`/app/${group}`] }),
            });
            return;
        case "key in another region":
            s.logGroup(group, {
                key: `arn:aws:kms:eu-west-1:${ACCOUNT}:key/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0`,
            });
            return;
        case "key policy without CloudWatch Logs":
            s.logGroup(group, {
                key: s.key(`${group}-key`, { policy: adminOnlyPolicy() }),
            });
            return;
        default:
            s.logGroup(group, {
                key: s.key(`${group}-key`, {
                    existing: true,
                    rotation: false,
                    policyFor: [`/app/${group}`],
                }),
            });
    }
}
