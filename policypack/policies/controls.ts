/**
 * The compliance controls the pack's policies serve, as their descriptions name them. Each is
 * checked against its source, quoted with its address in `docs/controls.md`, which also says
 * where a policy is stricter than the control.
 */

/** The controls `log-encryption-key-required` and `log-encryption-key-usable` serve. */
export const KEY_CONTROLS =
    'CIS AWS Foundations Benchmark "Ensure CloudTrail logs are encrypted at rest using KMS CMKs" (3.5 in v3.0.0, 2.7 in v1.2.0), ' +
    "AWS Security Hub CloudTrail.2, AWS Config cloud-trail-encryption-enabled, cloudwatch-log-group-encrypted and " +
    "event-data-store-cmk-encryption-enabled, NIST SP 800-53 SC-28 and AU-9";

/** The controls `log-destinations-encrypted` serves, for the log groups other services write to. */
export const DESTINATION_CONTROLS =
    "AWS Config cloudwatch-log-group-encrypted, NIST SP 800-53 SC-28 and AU-9";
