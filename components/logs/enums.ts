/**
 * The closed sets of values some CloudWatch Logs arguments take, as `as const` objects: TypeScript
 * programs get completion and a compile error for a value outside the set, and the component
 * provider host turns each into an enum of the schema (Python, Go, .NET and Java get enum types).
 * Pure: no Pulumi runtime imports.
 */

/**
 * Log classes of an `EncryptedLogGroup`: the classes that keep events under a retention period
 * encrypted with a customer-managed KMS key (`DELIVERY` keeps them one day). CloudWatch Logs API
 * Reference, CreateLogGroup `logGroupClass`: "The Standard log class supports all CloudWatch Logs
 * features. The Infrequent Access log class supports a subset of CloudWatch Logs features and
 * incurs lower costs."
 */
export const LogGroupClass = {
    /** The Standard log class: every CloudWatch Logs feature. */
    Standard: "STANDARD",
    /** The Infrequent Access log class: a subset of the features, at a lower cost. */
    InfrequentAccess: "INFREQUENT_ACCESS",
} as const;
/** One of the {@link LogGroupClass} values: `"STANDARD"` or `"INFREQUENT_ACCESS"`. */
export type LogGroupClass = (typeof LogGroupClass)[keyof typeof LogGroupClass];

/** Log group classes that support a customer-managed KMS key and a retention period. */
export const ENCRYPTABLE_LOG_GROUP_CLASSES: readonly string[] = Object.values(LogGroupClass);

/**
 * How often an anomaly detector runs. CloudWatch Logs API Reference, UpdateLogAnomalyDetector
 * `evaluationFrequency`: "Specifies how often the anomaly detector runs and look for anomalies.
 * [...] Valid Values: ONE_MIN | FIVE_MIN | TEN_MIN | FIFTEEN_MIN | THIRTY_MIN | ONE_HOUR".
 */
export const EvaluationFrequency = {
    /** Every minute. */
    OneMin: "ONE_MIN",
    /** Every five minutes. */
    FiveMin: "FIVE_MIN",
    /** Every ten minutes. */
    TenMin: "TEN_MIN",
    /** Every fifteen minutes. */
    FifteenMin: "FIFTEEN_MIN",
    /** Every thirty minutes. */
    ThirtyMin: "THIRTY_MIN",
    /** Every hour. */
    OneHour: "ONE_HOUR",
} as const;
/** One of the {@link EvaluationFrequency} values, e.g. `"FIFTEEN_MIN"`. */
export type EvaluationFrequency = (typeof EvaluationFrequency)[keyof typeof EvaluationFrequency];

/** Values `evaluationFrequency` of an anomaly detector accepts. */
export const EVALUATION_FREQUENCIES: readonly string[] = Object.values(EvaluationFrequency);
