/**
 * The "encrypted-logs" pack run in this process ({@link PackRunner}) with `@pulumi/policy`'s own
 * code where its analyzer server (`server.js`, 1.21) uses it, and the API of
 * {@link PolicyPackHarness}. Mutation testing needs it: Stryker only sees (and switches mutants
 * in) code that runs in the test process, and the harness runs the pack in a child process. The
 * fidelity test (`policypackInProcess.test.ts`) runs the same stacks through both and requires
 * identical diagnostics.
 *
 * What this adds to {@link PackRunner}, from `server.js`:
 * - properties: the fixture marshalled as the engine marshals it ({@link toWire}, the same
 *   `Struct`), then `@pulumi/policy`'s own `deserializeProperties` (secrets unwrapped, unknowns
 *   left as the engine's sentinel strings) and `unknownCheckingProxy`, from the pack's copy;
 *   an `UnknownValueError` is that copy's class;
 * - the configuration's round trip through a `Struct`, as over the wire;
 * - `GetAnalyzerInfo`, built by `@pulumi/policy`'s `makeAnalyzerInfo`.
 *
 * Not reproduced: the protocol itself (start-up, port line, engine logs, `Remediate`, which this
 * pack does not implement); tests about it skip in this mode ({@link IN_PROCESS}).
 */
import type * as policy from "../policypack/node_modules/@pulumi/policy";
import type * as analyzerPb from "@pulumi/pulumi/proto/analyzer_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import * as fs from "node:fs";
import * as path from "node:path";
import { PACK_POLICIES } from "../policypack/policies";
import { PACK_NAME, PackPolicy, PackRunner, PropsRuntime } from "../testing/packRunner";
import { StackResource, toWire } from "../testing/resources";

/** The pack directory this repository ships. */
export const PACK_DIR = path.resolve(__dirname, "..", "..", "policypack");

/**
 * The properties `Struct` of a request, marshalled as the engine marshals them: what the
 * analyzer-protocol harness sends and what this runner deserializes.
 */
export function struct(props: Record<string, unknown>): Struct {
    return Struct.fromJavaScript(toWire(props) as Record<string, never>);
}

/** Set (by `tests/support/inProcess.ts`, Stryker's mocha `require`) to run the pack in process. */
export const IN_PROCESS = process.env.POLICY_PACK_IN_PROCESS === "1";

interface PolicyInternals {
    deserializeProperties(s: Struct, proxySecrets: boolean): Record<string, unknown>;
    unknownCheckingProxy<T extends object>(o: T): T;
    UnknownValueError: new (...args: never[]) => Error;
    makeAnalyzerInfo(
        name: string,
        version: string,
        level: string,
        args: { policies: readonly PackPolicy[] },
        initialConfig: undefined,
    ): analyzerPb.AnalyzerInfo;
}
let internals: PolicyInternals | undefined;

/**
 * `@pulumi/policy` internals, from the pack's own copy (the one the pack runs with); loaded on
 * first use, so that importing this module (the harness does) loads nothing of `@pulumi/policy`.
 */
function lib(): PolicyInternals {
    if (internals === undefined) {
        const dir = path.join(PACK_DIR, "node_modules", "@pulumi", "policy");
        /* eslint-disable @typescript-eslint/no-require-imports */
        internals = {
            ...require(path.join(dir, "deserialize")),
            ...require(path.join(dir, "proxy")),
            ...require(path.join(dir, "protoutil")),
        } as PolicyInternals;
        /* eslint-enable @typescript-eslint/no-require-imports */
    }
    return internals;
}

/** Properties and unknown errors as `@pulumi/policy`'s server has them. */
const POLICY_PROPS: PropsRuntime = {
    props: (props) => lib().unknownCheckingProxy(lib().deserializeProperties(struct(props), false)),
    isUnknownValueError: (e) => e instanceof lib().UnknownValueError,
};

/** The pack's version (its package.json), as `PolicyPack` reads it. */
function packVersion(): string {
    return JSON.parse(fs.readFileSync(path.join(PACK_DIR, "package.json"), "utf8")).version;
}

/**
 * `StackValidationArgs.resources` for `stack`, as `@pulumi/policy` builds them from an
 * AnalyzeStack request (each resource's outputs).
 */
export function stackResources(stack: readonly StackResource[]): policy.PolicyResource[] {
    return new InProcessPack().stackResources(stack) as unknown as policy.PolicyResource[];
}

/** The pack, in process, with `@pulumi/policy`'s own deserializer and proxy. */
export class InProcessPack extends PackRunner {
    constructor(policies: readonly PackPolicy[] = PACK_POLICIES, packName = PACK_NAME) {
        super(packVersion(), policies, packName, POLICY_PROPS);
    }

    /** `GetAnalyzerInfo`, built by `@pulumi/policy`'s own code from the pack's policies. */
    async info(): Promise<analyzerPb.AnalyzerInfo> {
        return lib().makeAnalyzerInfo(
            this.packName,
            this.version,
            "advisory",
            { policies: this.policies },
            undefined,
        );
    }

    /** The same round trip as over the wire: a Struct. */
    protected override configProps(props: Record<string, unknown>): Record<string, unknown> {
        return Struct.fromJavaScript(props as Record<string, never>).toJavaScript() as Record<
            string,
            unknown
        >;
    }
}
