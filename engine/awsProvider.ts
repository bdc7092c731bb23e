/**
 * The offline aws provider: `node bin/engine/awsProvider.js` is what the `pulumi-resource-aws`
 * plugin engine/cli.ts installs runs. It answers the provider protocol as the bridged
 * pulumi-aws provider does where this project's pack and components read it, without AWS (see
 * engine/README.md for what it is not).
 *
 * The account is 123456789012 unless the environment says otherwise
 * (`ENCRYPTED_LOGS_ENGINE_ACCOUNT_ID`, else the provider's first `allowedAccountIds`); the caller
 * is `arn:<partition>:iam::<account>:user/deployer` (`ENCRYPTED_LOGS_ENGINE_CALLER_ARN`), the
 * organisation `o-a1b2c3d4e5` (`ENCRYPTED_LOGS_ENGINE_ORGANIZATION_ID`): the same user and
 * organisation the project's mock engine answers with (testing/mockEngine.ts).
 */
import { autonameRule, withAutoname } from "./autoname";
import { invoke, Identity } from "./awsInvokes";
import {
    AwsSettings,
    createOutputs,
    ID_INPUT,
    partitionOf,
    regionOf,
    replacingInputs,
    tagsAll,
    withDefaults,
} from "./awsResources";
import { packageSchema, schemaFacts, schemaPackages } from "./schema";
import { CheckFailure, DiffResult, ProviderImpl, serve } from "./server";
import { changedInputs, Props, Value } from "./wire";

/** The account the offline provider deploys into unless told otherwise. */
export const DEFAULT_ACCOUNT_ID = "123456789012";

/**
 * The provider's refusal of a configuration without a region. pulumi-aws answers a missing
 * region with this text (pulumi/pulumi-aws `provider/resources.go`, the region check of the
 * provider's configuration; reproduced from the released provider's output, not from a stored copy).
 */
export const MISSING_REGION =
    "Missing region information\nMake sure you have set your AWS region, e.g. `pulumi config set aws:region us-west-2`.";

/** A config value the engine may send as a JSON string (structured stack config) or as a value. */
function structured(v: Value | undefined): Value | undefined {
    if (typeof v === "string" && /^[[{]/.test(v.trim())) {
        try {
            return JSON.parse(v) as Value;
        } catch {
            return v;
        }
    }
    return v;
}

/** The aws provider's behaviour; `env` stands for `process.env`. */
export class OfflineAws implements ProviderImpl {
    readonly name = "aws";
    readonly version: string;
    private settings: AwsSettings = { region: "", accountId: DEFAULT_ACCOUNT_ID, defaultTags: {} };
    private identity: Identity = { callerArn: "", organizationId: "" };

    constructor(private readonly env: NodeJS.ProcessEnv = process.env) {
        this.version = schemaPackages()["@pulumi/aws"];
    }

    private envRegion(): string | undefined {
        return this.env.AWS_REGION || this.env.AWS_DEFAULT_REGION || undefined;
    }

    /** `GetSchema`: the types the table knows (see {@link packageSchema}). */
    schema(): string {
        return packageSchema(this.name, this.version);
    }

    checkConfig(news: Props): { inputs: Props; failures: CheckFailure[] } {
        const region =
            typeof news.region === "string" && news.region ? news.region : this.envRegion();
        if (region === undefined) {
            return { inputs: news, failures: [{ property: "region", reason: MISSING_REGION }] };
        }
        return { inputs: { ...news, region }, failures: [] };
    }

    configure(config: Props): void {
        const region = (typeof config.region === "string" && config.region) || this.envRegion();
        if (!region) {
            throw new Error(MISSING_REGION);
        }
        const allowed = structured(config.allowedAccountIds);
        const accountId =
            this.env.ENCRYPTED_LOGS_ENGINE_ACCOUNT_ID ||
            (Array.isArray(allowed) && typeof allowed[0] === "string"
                ? allowed[0]
                : DEFAULT_ACCOUNT_ID);
        const defaultTags = structured(config.defaultTags);
        const tags =
            defaultTags !== null && typeof defaultTags === "object" && !Array.isArray(defaultTags)
                ? structured(defaultTags.tags)
                : undefined;
        this.settings = {
            region,
            accountId,
            defaultTags:
                tags !== null && typeof tags === "object" && !Array.isArray(tags) ? tags : {},
        };
        this.identity = {
            callerArn:
                this.env.ENCRYPTED_LOGS_ENGINE_CALLER_ARN ||
                `arn:${partitionOf(region).partition}:iam::${accountId}:user/deployer`,
            organizationId: this.env.ENCRYPTED_LOGS_ENGINE_ORGANIZATION_ID || "o-a1b2c3d4e5",
        };
    }

    check(req: Parameters<ProviderImpl["check"]>[0]): { inputs: Props; failures: CheckFailure[] } {
        const rule = autonameRule(req.type, schemaFacts(req.type)?.optionalName ?? false);
        const named = withAutoname(
            rule,
            req.name,
            req.type,
            req.news,
            req.olds,
            req.randomSeed,
            req.autonaming,
        );
        const failures: CheckFailure[] = [];
        const value = rule === undefined ? undefined : named[rule.field];
        if (rule !== undefined && typeof value === "string" && value.length > rule.maxLength) {
            // terraform-plugin-sdk `helper/validation/strings.go`, StringLenBetween.
            failures.push({
                property: rule.field,
                reason: `expected length of ${rule.field} to be in the range (1 - ${rule.maxLength}), got ${value}`,
            });
        }
        return { inputs: withDefaults(req.type, named), failures };
    }

    diff(req: Parameters<ProviderImpl["diff"]>[0]): DiffResult {
        const olds = Object.keys(req.oldInputs).length > 0 ? req.oldInputs : req.olds;
        const changed = changedInputs(olds, req.news);
        const replacing = new Set(replacingInputs(req.type));
        return { changed, replaces: changed.filter((k) => replacing.has(k)) };
    }

    create(req: Parameters<ProviderImpl["create"]>[0]): { id: string; outputs: Props } {
        return createOutputs(req.type, req.inputs, this.settings, req.preview);
    }

    read(req: Parameters<ProviderImpl["read"]>[0]): { id: string; outputs: Props; inputs: Props } {
        if (Object.keys(req.state).length > 0) {
            // A refresh: nothing outside changes a resource here, so it reads back as it was.
            return { id: req.id, outputs: req.state, inputs: req.inputs };
        }
        // `X.get(name, id)`: the resource as AWS would describe it, from its id.
        const field = ID_INPUT[req.type];
        const inputs = field === undefined ? req.inputs : { ...req.inputs, [field]: req.id };
        const { outputs } = createOutputs(req.type, inputs, this.settings, false, req.id);
        return { id: req.id, outputs, inputs: req.inputs };
    }

    update(req: Parameters<ProviderImpl["update"]>[0]): Props {
        const computed = schemaFacts(req.type)?.computed ?? {};
        const outputs: Props = {};
        for (const [k, v] of Object.entries(req.olds)) {
            if (k in computed || k in req.news) {
                outputs[k] = v;
            }
        }
        Object.assign(outputs, withDefaults(req.type, req.news));
        if ("region" in computed) {
            outputs.region = regionOf(req.news, this.settings);
        }
        if ("tagsAll" in computed) {
            outputs.tagsAll = tagsAll(req.news, this.settings);
        }
        return outputs;
    }

    invoke(token: string, args: Props): Record<string, Value> {
        return invoke(token, args, this.settings, this.identity);
    }
}

if (require.main === module) {
    serve(new OfflineAws()).catch((e: Error) => {
        process.stderr.write(`offline aws provider: ${e.stack ?? e.message}\n`);
        process.exit(1);
    });
}
