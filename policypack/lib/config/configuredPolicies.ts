/**
 * The policy names of the pack's configuration, as the engine sent them.
 *
 * `@pulumi/policy` 1.21 keeps the configuration the engine sends (`server.js`, `configure`: one
 * entry per name of `ConfigureAnalyzerRequest.getPolicyconfigMap()`) and gives each policy only
 * its own entry (`makeGetConfigFun(policy.name)`), so no policy can see an entry under a name the
 * pack does not have. The Pulumi CLI sends such entries: `ReconcilePolicyPackConfig`
 * (pkg/resource/analyzer/config.go, v3.248.0) applies every name of the user's configuration and
 * validates only the pack's own policies. A configuration written for an older version of this
 * pack (`"log-encryption-key-verifiable": "mandatory"`) would then be ignored without a word. This
 * file watches the names as `@pulumi/policy` reads them, so `log-encryption-key-required` can
 * refuse an old name with the new one (`renamed.ts`). It also keeps each name's enforcement level,
 * which `@pulumi/policy` gives no policy (`makeGetConfigFun` strips `enforcementLevel`), so a
 * policy that must stay advisory can refuse being made mandatory (`stackPolicy.ts`).
 *
 * When the library's shape is not the one this was written against, nothing is watched and the
 * pack runs as before.
 */
import * as path from "node:path";
import type { EnforcementLevel } from "@pulumi/policy";

/** The part of `@pulumi/pulumi/proto/analyzer_pb` this reads. */
interface AnalyzerProto {
    ConfigureAnalyzerRequest?: {
        prototype: {
            getPolicyconfigMap?: (...args: unknown[]) => {
                entries(): Iterable<[string, { getEnforcementlevel?: () => number } | undefined]>;
            };
        };
    };
}

/**
 * The names of `pulumirpc.EnforcementLevel`'s values (proto/analyzer.proto: ADVISORY = 0,
 * MANDATORY = 1, DISABLED = 2, REMEDIATE = 3), as `@pulumi/policy`'s `convertEnforcementLevel`
 * reads them.
 */
const LEVELS: readonly EnforcementLevel[] = ["advisory", "mandatory", "disabled", "remediate"];

/** Marks the replacement, so that installing twice keeps one layer. */
const INSTALLED = Symbol.for("pulumi-aws-encrypted-logs.configuredPolicies");

/** Policy name → its enforcement level (`undefined`: the configuration gave none that is known). */
let levels: ReadonlyMap<string, EnforcementLevel | undefined> = new Map();

/** The policy names of the last configuration the engine sent (none before the first). */
export function configuredPolicyNames(): readonly string[] {
    return [...levels.keys()];
}

/** The enforcement level the last configuration gave `policy` (`undefined`: none, or not named). */
export function configuredEnforcementLevel(policy: string): EnforcementLevel | undefined {
    return levels.get(policy);
}

/**
 * Records the policy names of a configuration the pack received, each with its enforcement level
 * when known: what the watch below does for `@pulumi/policy`, and what a runner of the pack's
 * policies in process (the offline `check`) calls from its own `Configure`.
 */
export function noteConfiguredPolicies(
    configured: Iterable<string | readonly [string, EnforcementLevel | undefined]>,
): void {
    levels = new Map(
        Array.from(configured, (entry) => (typeof entry === "string" ? [entry, undefined] : entry)),
    );
}

/**
 * The analyzer protocol module `@pulumi/policy` itself loads (the same instance), for the
 * `@pulumi/policy` found from `from` (the pack's own, from this file).
 */
export function policyProtocolModule(from: string = __dirname): unknown {
    const policyDir = path.dirname(
        require.resolve("@pulumi/policy/package.json", { paths: [from] }),
    );
    // A module resolved at run time, from @pulumi/policy's own directory: no static import can.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(require.resolve("@pulumi/pulumi/proto/analyzer_pb", { paths: [policyDir] }));
}

/**
 * Watches the policy names of every configuration `@pulumi/policy` reads from the engine (see the
 * file's comment). Returns whether it could: false when the module cannot be loaded or does not
 * have the expected shape.
 */
export function watchConfiguredPolicies(load: () => unknown = policyProtocolModule): boolean {
    let proto: NonNullable<AnalyzerProto["ConfigureAnalyzerRequest"]>["prototype"] & {
        [INSTALLED]?: boolean;
    };
    try {
        const module = load() as AnalyzerProto | undefined;
        proto = module?.ConfigureAnalyzerRequest?.prototype ?? {};
    } catch {
        return false;
    }
    const original = proto.getPolicyconfigMap;
    if (typeof original !== "function") {
        return false;
    }
    if (proto[INSTALLED] === true) {
        return true;
    }
    proto.getPolicyconfigMap = function (this: unknown, ...args: unknown[]) {
        const map = original.apply(this, args);
        noteConfiguredPolicies(
            Array.from(map.entries(), ([name, config]) => {
                const level = config?.getEnforcementlevel?.();
                return [name, level === undefined ? undefined : LEVELS[level]] as const;
            }),
        );
        return map;
    };
    proto[INSTALLED] = true;
    return true;
}
