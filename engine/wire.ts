/**
 * The provider protocol's plain values: property bags as JSON-like objects, the unknown sentinel,
 * URNs. Everything here is pure, so the provider's behaviour is testable without gRPC.
 */
import { Struct } from "google-protobuf/google/protobuf/struct_pb";

/** A property value as the engine sends it in a `google.protobuf.Struct`. */
export type Value = null | boolean | number | string | Value[] | { [key: string]: Value };

/** A property bag. */
export type Props = Record<string, Value>;

/**
 * The string that stands for a value not known until the resource exists: pulumi/pulumi
 * `sdk/go/common/resource/plugin/rpc.go`, `UnknownStringValue = "04da6b54-80e4-46f7-96ec-b56ff0331ba9"`.
 */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** Whether `v` is, or contains, an unknown. */
export function containsUnknown(v: Value | undefined): boolean {
    if (v === UNKNOWN) {
        return true;
    }
    if (Array.isArray(v)) {
        return v.some(containsUnknown);
    }
    if (v !== null && typeof v === "object") {
        return Object.values(v).some(containsUnknown);
    }
    return false;
}

/** A Struct as a property bag (absent → `{}`). */
export function fromStruct(s: Struct | undefined): Props {
    return (s?.toJavaScript() as Props | undefined) ?? {};
}

/** A property bag as a Struct, leaving out `undefined` members. */
export function toStruct(p: Record<string, Value | undefined>): Struct {
    return Struct.fromJavaScript(JSON.parse(JSON.stringify(p)));
}

/** Structural equality of two values (object members in any order). */
export function deepEqual(a: Value | undefined, b: Value | undefined): boolean {
    if (a === b) {
        return true;
    }
    if (Array.isArray(a) && Array.isArray(b)) {
        return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
    }
    if (
        a !== null &&
        b !== null &&
        typeof a === "object" &&
        typeof b === "object" &&
        !Array.isArray(a) &&
        !Array.isArray(b)
    ) {
        const ka = Object.keys(a).filter((k) => a[k] !== undefined);
        const kb = Object.keys(b).filter((k) => b[k] !== undefined);
        return ka.length === kb.length && ka.every((k) => deepEqual(a[k], b[k]));
    }
    return false;
}

/** The parts of a URN (`urn:pulumi:<stack>::<project>::<parent$type>::<name>`). */
export interface ParsedUrn {
    readonly stack: string;
    readonly project: string;
    readonly type: string;
    readonly name: string;
}

/**
 * Splits a URN as pulumi/pulumi `sdk/go/common/resource/urn.go` defines it: the name is
 * everything after the third `::` (it may itself contain `::`), the type is the last `$`-separated
 * part of the qualified type.
 */
export function parseUrn(urn: string): ParsedUrn {
    const parts = urn.split("::");
    if (parts.length < 4 || !parts[0].startsWith("urn:pulumi:")) {
        throw new Error(`not a URN: ${urn}`);
    }
    const qualified = parts[2].split("$");
    return {
        stack: parts[0].slice("urn:pulumi:".length),
        project: parts[1],
        type: qualified[qualified.length - 1],
        name: parts.slice(3).join("::"),
    };
}

/** The names of the inputs that differ between two checked input bags. */
export function changedInputs(olds: Props, news: Props): string[] {
    const keys = new Set([...Object.keys(olds), ...Object.keys(news)]);
    return [...keys].filter((k) => k !== "__defaults" && !deepEqual(olds[k], news[k])).sort();
}
