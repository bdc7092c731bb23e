/**
 * Reading the raw properties (as the engine sends them, unknowns included) that say where a
 * resource's logs go: the helpers every service of the destinations table shares.
 */
import { parse as parseArn, validate as looksLikeArn } from "@aws-sdk/util-arn-parser";
import { UNKNOWN, Unknown, readProperty, readString } from "../stack/wire";
import { GroupReference, LogDestination, LogDestinations } from "./types";

/** Re-exported for the rows, which read their objects through this file. */
export { readObject } from "../stack/wire";

/** A list (elements as sent: they may be sentinels), or UNKNOWN, or undefined. */
export function readList(props: unknown, key: string): readonly unknown[] | Unknown | undefined {
    const value = readProperty(props, key);
    if (value === UNKNOWN) {
        return UNKNOWN;
    }
    return Array.isArray(value) ? value : undefined;
}

/** An element of a list read with {@link readList}: a string, UNKNOWN, or undefined. */
export function elementString(value: unknown): string | Unknown | undefined {
    return readString({ value }, "value");
}

/** A known non-empty string, UNKNOWN (unknown, or absent: auto-named by the provider), never "". */
export function physicalName(props: unknown, key: string): string | Unknown {
    const value = readString(props, key);
    return typeof value === "string" && value !== "" ? value : UNKNOWN;
}

/** A log group ARN as written, parsed when possible; `undefined` when it is another service's ARN. */
export function groupArn(value: string | Unknown): GroupReference | undefined {
    if (value === UNKNOWN) {
        return { by: "arn", arn: UNKNOWN };
    }
    if (!looksLikeArn(value)) {
        return { by: "arn", arn: value };
    }
    let parts: ReturnType<typeof parseArn>;
    try {
        parts = parseArn(value);
    } catch {
        return { by: "arn", arn: value };
    }
    if (parts.service !== "logs") {
        return undefined;
    }
    const prefix = "log-group:";
    const name = parts.resource.startsWith(prefix)
        ? parts.resource.slice(prefix.length).replace(/:\*$/, "")
        : "";
    if (name === "") {
        return { by: "arn", arn: value };
    }
    return {
        by: "arn",
        arn: value,
        parsed: {
            partition: parts.partition,
            region: parts.region,
            accountId: parts.accountId,
            name,
        },
    };
}

/** The service an ARN belongs to (`firehose`, `s3`), for "elsewhere" reasons. */
export function arnService(value: string): string {
    try {
        return parseArn(value).service;
    } catch {
        return "another service";
    }
}

/** A resource that writes to these groups. */
export function writes(...destinations: LogDestination[]): LogDestinations {
    return { kind: "writes", destinations };
}

/**
 * A destination whose group is a name built from the resource's identity (`/aws/lambda/<name>`),
 * UNKNOWN when any part is not known.
 */
export function derived(
    logs: string,
    parts: readonly (string | Unknown)[],
    build: (...known: string[]) => string,
    properties: readonly string[],
    serviceCreatesGroup: boolean,
): LogDestination {
    const name = parts.some((p) => p === UNKNOWN) ? UNKNOWN : build(...(parts as string[]));
    return {
        logs,
        group: { by: "name", name },
        property: properties.join(", "),
        dependencyProperties: properties,
        serviceDefault: true,
        serviceCreatesGroup,
        ...(name === UNKNOWN ? { namePattern: namePattern(parts, build) } : {}),
    };
}

/** What a built name starts and ends with whatever its unknown parts turn out to be. */
function namePattern(
    parts: readonly (string | Unknown)[],
    build: (...known: string[]) => string,
): { prefix: string; suffix: string } {
    const marker = "\u0000";
    const built = build(...parts.map((p) => (p === UNKNOWN ? marker : p)));
    return {
        prefix: built.slice(0, built.indexOf(marker)),
        suffix: built.slice(built.lastIndexOf(marker) + marker.length),
    };
}

/** A destination given by a property holding an ARN; `elsewhere` when it is not a logs ARN. */
export function byArn(
    logs: string,
    value: string | Unknown,
    property: string,
    top: string,
): LogDestination | { elsewhere: string } {
    const group = groupArn(value);
    if (group === undefined) {
        return {
            elsewhere: `${property} is a ${arnService(value as string)} ARN, not a CloudWatch Logs log group`,
        };
    }
    return {
        logs,
        group,
        property,
        dependencyProperties: [top],
        serviceDefault: false,
        serviceCreatesGroup: false,
    };
}

/**
 * What a resource does whose logs go to the resource an ARN names: that group, or `elsewhere`
 * when the ARN is another service's (an S3 bucket, a Firehose stream).
 */
export function arnWrites(
    logs: string,
    value: string | Unknown,
    property: string,
    top: string,
): LogDestinations {
    const found = byArn(logs, value, property, top);
    return "elsewhere" in found
        ? { kind: "elsewhere", property, reason: found.elsewhere }
        : writes(found);
}
