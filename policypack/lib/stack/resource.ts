/**
 * A resource of the stack as the pack reads it: the shape `@pulumi/policy` hands a stack policy
 * (`StackResourceLike`) and the one the pack keeps after reading it once (`StackResource`).
 */
import type { ProviderInfo } from "./location";

/** The shape of a resource in `StackValidationArgs.resources` that the pack relies on. */
export interface StackResourceLike {
    readonly type: string;
    readonly name: string;
    readonly urn: string;
    readonly props: unknown;
    readonly provider?: { readonly type: string; readonly name: string; readonly props: unknown };
    readonly parent?: { readonly urn: string };
    readonly dependencies?: readonly { readonly urn: string }[];
    readonly propertyDependencies?: Readonly<Record<string, readonly { readonly urn: string }[]>>;
}

/** A resource of the stack with what the pack needs, read once. */
export interface StackResource {
    readonly type: string;
    readonly name: string;
    readonly urn: string;
    readonly props: unknown;
    readonly provider?: ProviderInfo;
    readonly parentUrn?: string;
    readonly dependencies: readonly string[];
    readonly propertyDependencies: Readonly<Record<string, readonly string[]>>;
}
