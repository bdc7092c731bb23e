/**
 * What a trail records and how long its bucket keeps the log files: the plain argument types of
 * `EncryptedTrail` (interfaces of strings, numbers and lists, as the multi-language component host
 * needs) and their validators. Pure: `@pulumi/pulumi` is imported for its `Input` type only.
 */
import type * as pulumi from "@pulumi/pulumi";
import { InputError } from "../../aws/errors";
import { validateIntegerInRange, validateOneOf } from "../common/validation";

/** Data events of one resource type (a basic event selector's `dataResources` entry). */
export interface TrailDataResource {
    /** Resource type, e.g. `AWS::S3::Object`, `AWS::Lambda::Function`, `AWS::DynamoDB::Table`. */
    readonly type: pulumi.Input<string>;
    /** ARNs or ARN prefixes of the resources, e.g. `arn:aws:s3:::my-bucket/`. */
    readonly values: pulumi.Input<pulumi.Input<string>[]>;
}

/** A basic event selector: which management and data events the trail records. */
export interface TrailEventSelector {
    /**
     * `ReadOnly`, `WriteOnly` or `All`.
     * @default "All"
     */
    readonly readWriteType?: pulumi.Input<string>;
    /**
     * Record management events.
     * @default true
     */
    readonly includeManagementEvents?: pulumi.Input<boolean>;
    /**
     * Management event sources not to record: `kms.amazonaws.com`, `rdsdata.amazonaws.com`.
     * @default - none
     */
    readonly excludeManagementEventSources?: pulumi.Input<pulumi.Input<string>[]>;
    /**
     * Data events to record.
     * @default - none
     */
    readonly dataResources?: TrailDataResource[];
}

/** One condition of an advanced event selector: a field and the values it must (not) match. */
export interface TrailFieldSelector {
    /** Event record field: `eventCategory`, `eventSource`, `eventName`, `readOnly`, `resources.type`, `resources.ARN`, ... */
    readonly field: pulumi.Input<string>;
    /**
     * Values the field equals.
     * @default - none
     */
    readonly equals?: pulumi.Input<pulumi.Input<string>[]>;
    /**
     * Values the field does not equal.
     * @default - none
     */
    readonly notEquals?: pulumi.Input<pulumi.Input<string>[]>;
    /**
     * Prefixes the field starts with.
     * @default - none
     */
    readonly startsWiths?: pulumi.Input<pulumi.Input<string>[]>;
    /**
     * Prefixes the field does not start with.
     * @default - none
     */
    readonly notStartsWiths?: pulumi.Input<pulumi.Input<string>[]>;
    /**
     * Suffixes the field ends with.
     * @default - none
     */
    readonly endsWiths?: pulumi.Input<pulumi.Input<string>[]>;
    /**
     * Suffixes the field does not end with.
     * @default - none
     */
    readonly notEndsWiths?: pulumi.Input<pulumi.Input<string>[]>;
}

/** An advanced event selector: the events whose fields match all of its conditions. */
export interface TrailAdvancedEventSelector {
    /**
     * A name for the selector, e.g. `Log all S3 data events`.
     * @default - none
     */
    readonly name?: pulumi.Input<string>;
    /** The conditions, all of which an event must meet. */
    readonly fieldSelectors: TrailFieldSelector[];
}

/** An Insights selector: unusual activity CloudTrail looks for. */
export interface TrailInsightSelector {
    /** `ApiCallRateInsight` or `ApiErrorRateInsight`. */
    readonly insightType: pulumi.Input<string>;
}

/** A lifecycle transition of the log files to a cheaper storage class. */
export interface TrailLogFileTransition {
    /** Days after a log file is written. */
    readonly days: number;
    /** `STANDARD_IA`, `INTELLIGENT_TIERING`, `ONEZONE_IA`, `GLACIER_IR`, `GLACIER` or `DEEP_ARCHIVE`. */
    readonly storageClass: string;
}

/** The trail's selector arguments as the user gave them. */
export interface TrailSelectorArgs {
    readonly eventSelectors?: readonly TrailEventSelector[];
    readonly advancedEventSelectors?: readonly TrailAdvancedEventSelector[];
    readonly insightSelectors?: readonly TrailInsightSelector[];
}

/** Values `readWriteType` accepts. */
export const READ_WRITE_TYPES: readonly string[] = ["ReadOnly", "WriteOnly", "All"];
/** Values `insightType` accepts. */
export const INSIGHT_TYPES: readonly string[] = ["ApiCallRateInsight", "ApiErrorRateInsight"];
/** Storage classes a lifecycle rule can move objects to. */
export const TRANSITION_STORAGE_CLASSES: readonly string[] = [
    "STANDARD_IA",
    "INTELLIGENT_TIERING",
    "ONEZONE_IA",
    "GLACIER_IR",
    "GLACIER",
    "DEEP_ARCHIVE",
];

/**
 * Checks the selectors. CloudTrail API Reference, PutEventSelectors: "You can use either
 * AdvancedEventSelectors or EventSelectors, but not both", and "You can configure up to five event
 * selectors for each trail." Values known now are checked now; Outputs are CloudTrail's to judge.
 */
export function validateTrailSelectors(args: TrailSelectorArgs): void {
    if (args.eventSelectors !== undefined && args.advancedEventSelectors !== undefined) {
        throw new InputError(
            "advancedEventSelectors",
            args.advancedEventSelectors,
            "CloudTrail takes either advanced or basic event selectors on a trail, not both (PutEventSelectors)",
            "eventSelectors or advancedEventSelectors",
            "express the basic selectors as advanced ones (they can say everything the basic ones can), or drop one of the two",
        );
    }
    const basic = args.eventSelectors ?? [];
    if (basic.length > 5) {
        throw new InputError(
            "eventSelectors",
            basic,
            `${basic.length} selectors are more than the five CloudTrail allows on a trail`,
            "1 to 5 event selectors",
            "merge selectors, or use advancedEventSelectors",
        );
    }
    basic.forEach((selector, i) => {
        if (typeof selector.readWriteType === "string") {
            validateOneOf(
                `eventSelectors[${i}].readWriteType`,
                selector.readWriteType,
                READ_WRITE_TYPES,
                "CloudTrail does not know this read/write type",
                "use ReadOnly, WriteOnly or All",
            );
        }
    });
    (args.advancedEventSelectors ?? []).forEach((selector, i) => {
        if (!Array.isArray(selector.fieldSelectors) || selector.fieldSelectors.length === 0) {
            throw new InputError(
                `advancedEventSelectors[${i}].fieldSelectors`,
                selector.fieldSelectors,
                "an advanced event selector needs at least one field condition",
                "a list of { field, equals | notEquals | startsWiths | ... }",
                'add a condition such as { field: "eventCategory", equals: ["Management"] }',
            );
        }
    });
    (args.insightSelectors ?? []).forEach((selector, i) => {
        if (typeof selector.insightType === "string") {
            validateOneOf(
                `insightSelectors[${i}].insightType`,
                selector.insightType,
                INSIGHT_TYPES,
                "CloudTrail does not know this Insights type",
                "use ApiCallRateInsight or ApiErrorRateInsight",
            );
        }
    });
}

/** The bucket lifecycle of the log files, validated. */
export interface LogFileLifecycle {
    readonly transitions: readonly TrailLogFileTransition[];
    readonly expirationDays?: number;
}

/**
 * Checks the log files' lifecycle: transitions to known storage classes after a whole number of
 * days, at least 30 before Standard-IA or One Zone-IA (S3 User Guide, "Transitioning objects using
 * Amazon S3 Lifecycle": "Objects must be stored at least 30 days in the current storage class
 * before you can transition them to STANDARD_IA or ONEZONE_IA"), and an expiration later than
 * every transition.
 * Undefined when neither is given: the log files are kept forever, the default.
 */
export function validatedLogFileLifecycle(
    transitions: readonly TrailLogFileTransition[] | undefined,
    expirationDays: number | undefined,
): LogFileLifecycle | undefined {
    if (transitions === undefined && expirationDays === undefined) {
        return undefined;
    }
    const checked = (transitions ?? []).map((t, i) => {
        const storageClass = validateOneOf(
            `logFileTransitions[${i}].storageClass`,
            t.storageClass,
            TRANSITION_STORAGE_CLASSES,
            "S3 lifecycle rules cannot move objects to this storage class",
            "use one of the allowed storage classes",
        );
        const min = storageClass === "STANDARD_IA" || storageClass === "ONEZONE_IA" ? 30 : 1;
        const days = validateIntegerInRange(
            `logFileTransitions[${i}].days`,
            t.days,
            min,
            36500,
            min === 30
                ? "S3 moves objects to Standard-IA or One Zone-IA only after 30 days; use 30 or more"
                : "use a whole number of days after the log file is written",
        );
        return { days, storageClass };
    });
    if (expirationDays !== undefined) {
        const last = Math.max(0, ...checked.map((t) => t.days));
        validateIntegerInRange(
            "logFileExpirationDays",
            expirationDays,
            last + 1,
            36500,
            last > 0
                ? `expire the log files after the last transition (day ${last}), or drop that transition`
                : "use a whole number of days after the log file is written",
        );
    }
    return { transitions: checked, expirationDays };
}
