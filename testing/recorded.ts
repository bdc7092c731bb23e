/**
 * What the mock engine records of a program's run (registrations, reads, invokes, remote
 * components) and how it reads a RegisterResource or ReadResource request.
 */
import * as pulumi from "@pulumi/pulumi";
import { SECRET_SIG } from "../policypack/lib/stack/wire";

/** One RegisterResource request, as the engine received it. */
export interface RecordedResource {
    readonly type: string;
    readonly name: string;
    urn: string;
    /**
     * The outputs the engine answered with (`undefined` until it answered): for a registration,
     * deserialized; for a read (`ReadResource`, e.g. a `pulumi:pulumi:StackReference`), as they
     * came over the wire (secrets as the secret signature object).
     */
    outputs?: Record<string, any>;
    /** True for a read (`ReadResource`) rather than a registration. */
    readonly read?: boolean;
    readonly parent: string;
    readonly provider: string;
    readonly custom: boolean;
    readonly inputs: Record<string, any>;
    readonly dependencies: string[];
    readonly propertyDependencies: Record<string, string[]>;
    readonly retainOnDelete: boolean | undefined;
    readonly replaceOnChanges: string[];
    readonly deleteBeforeReplace: boolean;
    readonly protect: boolean | undefined;
    /** For a registration: the id and properties the engine answered with (wire form). */
    answered?: { readonly id: string; readonly outputs: Record<string, unknown> };
}

/**
 * Canned answers to invokes, by token (`"aws:ssm/getParameter:getParameter"`): the result, or a
 * function of the invoke's arguments that returns it. They win over the built-in answers.
 */
export type InvokeAnswers = Readonly<
    Record<
        string,
        Record<string, unknown> | ((args: Record<string, any>) => Record<string, unknown>)
    >
>;

/** An invoke nobody answered: its token, its arguments and why it could not be answered. */
export interface UnansweredCall {
    readonly token: string;
    readonly inputs: Record<string, any>;
    readonly why: string;
}

/** A component registered `remote: true`: its Construct runs in its package's provider, which the mocks do not run. */
export interface RemoteComponent {
    /** Its type token, e.g. `awsx:ec2:Vpc`. */
    readonly type: string;
    /** Its name in the program. */
    readonly name: string;
}

/** One invoke the program made. */
export interface RecordedInvoke {
    readonly token: string;
    readonly provider: string | undefined;
    readonly inputs: Record<string, any>;
}

/**
 * An optional bool of a RegisterResourceRequest (`retainOnDelete`, `protect`): `undefined` when
 * unset. Older SDKs' generated messages (e.g. @pulumi/pulumi 3.142) declare it as a plain bool,
 * without `has<Field>()`: there it is its value.
 */
export function optionalBool(req: any, field: string): boolean | undefined {
    const has = req[`has${field}`];
    if (typeof has === "function" && !has.call(req)) {
        return undefined;
    }
    return req[`get${field}`]();
}

/** What a RegisterResource or ReadResource request says of its resource, alike in both. */
export function requested(
    req: any,
    properties: unknown,
): Pick<
    RecordedResource,
    "type" | "name" | "urn" | "parent" | "provider" | "inputs" | "dependencies"
> {
    return {
        type: req.getType(),
        name: req.getName(),
        urn: "",
        parent: req.getParent(),
        provider: req.getProvider(),
        inputs: (pulumi.runtime as any).deserializeProperties(properties),
        dependencies: req.getDependenciesList(),
    };
}

/** Whether a wire value holds a secret anywhere inside it (the engine's `HasSecrets`). */
export function hasSecrets(value: unknown): boolean {
    if (value === null || typeof value !== "object") {
        return false;
    }
    if ((value as Record<string, unknown>)[SECRET_SIG.key] === SECRET_SIG.value) {
        return true;
    }
    return Object.values(value).some(hasSecrets);
}

/** Whether a recorded input is a value unknown during a preview (computed by the provider later). */
export function isUnknownInput(value: unknown): boolean {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (require("@pulumi/pulumi/output") as { isUnknown(v: unknown): boolean }).isUnknown(
        value,
    );
}

/** Resolves an Output to its value (rejects if an apply in it threw; undefined if unknown). */
export function valueOf<T>(output: pulumi.Output<T>): Promise<T> {
    return (output as any).promise() as Promise<T>;
}

/** Whether an Output is known (false during a preview for provider-computed values). */
export function isKnown(output: pulumi.Output<unknown>): Promise<boolean> {
    return (output as any).isKnown as Promise<boolean>;
}
