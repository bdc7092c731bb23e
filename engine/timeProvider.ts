/**
 * The offline `time` provider (`@pulumiverse/time`, a bridge of hashicorp/terraform-provider-time):
 * `node bin/engine/timeProvider.js` is what the `pulumi-resource-time` plugin engine/cli.ts
 * installs runs. A create answers its inputs, an id, and the timestamps the type computes; a
 * `time.Sleep` does not sleep (nothing here waits for AWS to become consistent).
 *
 * Ids as terraform-provider-time sets them (`internal/provider/resource_time_sleep.go`: the
 * RFC 3339 creation time; `resource_time_static.go` / `resource_time_offset.go` /
 * `resource_time_rotating.go`: the RFC 3339 base time).
 */
import { packageSchema, schemaFacts, schemaPackages } from "./schema";
import { CheckFailure, DiffResult, ProviderImpl, serve } from "./server";
import { changedInputs, Props, UNKNOWN, Value } from "./wire";

/** The parts of a timestamp the time resources output. */
function timeParts(d: Date): Props {
    return {
        rfc3339: d.toISOString().replace(/\.\d{3}Z$/, "Z"),
        unix: Math.floor(d.getTime() / 1000),
        year: d.getUTCFullYear(),
        month: d.getUTCMonth() + 1,
        day: d.getUTCDate(),
        hour: d.getUTCHours(),
        minute: d.getUTCMinutes(),
        second: d.getUTCSeconds(),
    };
}

/** The time provider's behaviour. */
export class OfflineTime implements ProviderImpl {
    readonly name = "time";
    readonly version = schemaPackages()["@pulumiverse/time"].replace(/^v/, "");

    /** `GetSchema`: the types the table knows (see {@link packageSchema}). */
    schema(): string {
        return packageSchema(this.name, this.version);
    }

    checkConfig(news: Props): { inputs: Props; failures: CheckFailure[] } {
        return { inputs: news, failures: [] };
    }

    configure(): void {}

    check(req: Parameters<ProviderImpl["check"]>[0]): { inputs: Props; failures: CheckFailure[] } {
        return { inputs: req.news, failures: [] };
    }

    diff(req: Parameters<ProviderImpl["diff"]>[0]): DiffResult {
        const olds = Object.keys(req.oldInputs).length > 0 ? req.oldInputs : req.olds;
        const changed = changedInputs(olds, req.news);
        // `triggers` are ForceNew in every time resource (terraform-provider-time docs: "Arbitrary
        // map of values that, when changed, will trigger a new resource to be created").
        return { changed, replaces: changed.filter((k) => k === "triggers") };
    }

    create(req: Parameters<ProviderImpl["create"]>[0]): { id: string; outputs: Props } {
        const computed = schemaFacts(req.type)?.computed ?? {};
        const outputs: Props = { ...req.inputs };
        if (req.preview) {
            for (const k of Object.keys(computed)) {
                outputs[k] ??= UNKNOWN;
            }
            return { id: "", outputs };
        }
        const base =
            typeof req.inputs.rfc3339 === "string" ? new Date(req.inputs.rfc3339) : new Date();
        const parts = timeParts(base);
        for (const k of Object.keys(computed)) {
            outputs[k] ??= (parts[k] ?? parts.rfc3339) as Value;
        }
        return { id: parts.rfc3339 as string, outputs };
    }

    read(req: Parameters<ProviderImpl["read"]>[0]): { id: string; outputs: Props; inputs: Props } {
        return { id: req.id, outputs: req.state, inputs: req.inputs };
    }

    update(req: Parameters<ProviderImpl["update"]>[0]): Props {
        return { ...req.olds, ...req.news };
    }

    invoke(token: string): Record<string, Value> {
        throw new Error(`invoke ${token}: the offline time provider (engine/) answers no invokes`);
    }
}

if (require.main === module) {
    serve(new OfflineTime()).catch((e: Error) => {
        process.stderr.write(`offline time provider: ${e.stack ?? e.message}\n`);
        process.exit(1);
    });
}
