/**
 * Where a resource lives: its region (its own `region` input, else its provider's `region`, else
 * the stack's `aws:region` / `aws-native:region` config) and the partition and DNS suffix of that
 * region, from AWS's own partition table (`@aws-sdk/util-endpoints`), so `cn-north-1` gives
 * `aws-cn` and `amazonaws.com.cn`.
 */
import type * as utilEndpoints from "@aws-sdk/util-endpoints";
import { UNKNOWN, Unknown, readString } from "./wire";

/** A region and where it came from, for messages. */
export interface Region {
    readonly region: string;
    /** e.g. `its region input`, `its provider "eu" (region input)`, `the stack's aws:region config`. */
    readonly source: string;
}

/** The provider a resource uses, as the engine describes it: type, name and (raw) properties. */
export interface ProviderInfo {
    readonly type: string;
    readonly name: string;
    readonly props: unknown;
}

const partitions = new Map<string, { partition: string; dnsSuffix: string }>();

/**
 * Partition and DNS suffix of a region, e.g. `{ partition: "aws-cn", dnsSuffix: "amazonaws.com.cn" }`.
 * The partition table is loaded on first use, not while the pack starts (start-up must stay short).
 */
export function partitionOfRegion(region: string): { partition: string; dnsSuffix: string } {
    let found = partitions.get(region);
    if (found === undefined) {
        try {
            // eslint-disable-next-line @typescript-eslint/no-require-imports
            const { partition } = require("@aws-sdk/util-endpoints") as typeof utilEndpoints;
            const p = partition(region);
            found = { partition: p.name, dnsSuffix: p.dnsSuffix };
        } catch {
            found = { partition: "aws", dnsSuffix: "amazonaws.com" };
        }
        partitions.set(region, found);
    }
    return found;
}

/** The stack's configuration as the language host passes it to a pack: `aws:region` etc. */
export type StackConfiguration = Readonly<Record<string, unknown>>;

let stackConfig: StackConfiguration | undefined;

/**
 * The stack's configuration, as the Pulumi CLI's Node.js language host passes it to a policy pack
 * (`PULUMI_CONFIG`, a JSON object keyed `aws:region` etc.); empty when not set. Read from the
 * environment once per process; the policies read it and pass it down, so nothing below them
 * reads the environment.
 */
export function stackConfiguration(): StackConfiguration {
    if (stackConfig === undefined) {
        stackConfig = {};
        const text = process.env.PULUMI_CONFIG;
        if (text !== undefined && text !== "") {
            try {
                const parsed: unknown = JSON.parse(text);
                if (parsed !== null && typeof parsed === "object" && !Array.isArray(parsed)) {
                    stackConfig = parsed as StackConfiguration;
                }
            } catch {
                // Not JSON: no stack configuration to use.
            }
        }
    }
    return stackConfig;
}

/** Forgets the cached stack configuration (tests change `PULUMI_CONFIG`). */
export function resetStackConfiguration(): void {
    stackConfig = undefined;
}

/** The config namespace of a provider type: `pulumi:providers:aws-native` → `aws-native`. */
function providerPackage(type: string): string | undefined {
    const prefix = "pulumi:providers:";
    return type.startsWith(prefix) ? type.slice(prefix.length) : undefined;
}

/** The package a resource type belongs to: `aws-native:logs:LogGroup` → `aws-native`. */
export function packageOfType(type: string): string {
    return type.split(":")[0];
}

/**
 * The region of a resource: its `region` input (AWS provider v7 resources take one), else its
 * provider's `region`, else `<package>:region` from the stack configuration. {@link UNKNOWN} when
 * the value that decides it is unknown at preview; `undefined` when nothing says.
 */
export function resolveRegion(
    type: string,
    props: unknown,
    provider: ProviderInfo | undefined,
    config: StackConfiguration,
): Region | Unknown | undefined {
    return regionOf(type, readString(props, "region"), provider, config);
}

/**
 * {@link resolveRegion} for a resource whose `region` input was already read (`regionInput`):
 * that input, else its provider's `region`, else `<package>:region` from the stack configuration.
 */
export function regionOf(
    type: string,
    regionInput: string | Unknown | undefined,
    provider: ProviderInfo | undefined,
    config: StackConfiguration,
): Region | Unknown | undefined {
    if (regionInput === UNKNOWN) {
        return UNKNOWN;
    }
    if (regionInput !== undefined && regionInput !== "") {
        return { region: regionInput, source: "its region input" };
    }
    if (provider !== undefined) {
        const fromProvider = readString(provider.props, "region");
        if (fromProvider === UNKNOWN) {
            return UNKNOWN;
        }
        if (fromProvider !== undefined && fromProvider !== "") {
            return { region: fromProvider, source: `its provider "${provider.name}"` };
        }
    }
    const pkg = (provider && providerPackage(provider.type)) ?? packageOfType(type);
    const configured = config[`${pkg}:region`];
    if (typeof configured === "string" && configured !== "") {
        return { region: configured, source: `the stack's ${pkg}:region config` };
    }
    return undefined;
}

/** Accounts a provider is restricted to (`allowedAccountIds`), when it names exactly one. */
export function providerAccount(provider: ProviderInfo | undefined): string | undefined {
    if (provider === undefined) {
        return undefined;
    }
    const allowed = Object.getOwnPropertyDescriptor(provider.props ?? {}, "allowedAccountIds")
        ?.value as unknown;
    let ids: unknown = allowed;
    if (typeof allowed === "string") {
        // A JSON list as the engine sends list config, else one bare id ("111122223333", which
        // JSON would read as a number).
        let parsed: unknown;
        try {
            parsed = JSON.parse(allowed);
        } catch {
            parsed = undefined;
        }
        ids = Array.isArray(parsed) ? parsed : [allowed];
    }
    if (Array.isArray(ids) && ids.length === 1 && typeof ids[0] === "string") {
        return /^\d{12}$/.test(ids[0]) ? ids[0] : undefined;
    }
    return undefined;
}
