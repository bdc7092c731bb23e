/**
 * Log groups published by another stack: the log-group facts (the contract of
 * `aws/logGroupFactsContract.ts`) found where a deployment carries them to the pack
 * (`publishedKeys.ts` says why: the engine hands a policy pack no read at preview, no
 * `LogGroup.get(...)` and no StackReference, measured under the real CLI v3.248.0 in
 * tests/engine/readGroup.test.ts): a `PublishedLogGroup`'s `facts`, this stack's outputs, a
 * StackReference's outputs (under `pulumi policy analyze`).
 *
 * A destination whose group this stack does not declare is then judged by those facts: a group
 * with no key refused, its key judged by the key rules (its facts, published beside the group's).
 */
import {
    PublishedLogGroupFacts,
    checkLogGroupFacts,
    claimsLogGroupFacts,
} from "../../../aws/logGroupFactsContract";
import { CARRIERS, childPath } from "./publishedKeys";
import type { StackResource } from "./stackIndex";
import { readProperty, unwrapSecrets } from "./wire";

/** One published log group and where it was found. */
export interface PublishedLogGroup {
    readonly facts: PublishedLogGroupFacts;
    /** Where in the carrier: `facts`, `outputs.sharedGroup`. */
    readonly path: string;
    /** The carrier: a PublishedLogGroup, the root stack, a StackReference. */
    readonly carrier: StackResource;
}

/** An object claiming to be log-group facts that breaks the contract. */
export interface MalformedLogGroupFacts {
    readonly path: string;
    readonly carrier: StackResource;
    /** Its `name`, if it has a string one. */
    readonly name?: string;
    readonly problems: readonly string[];
}

/** The log groups the stack's carriers publish, by name. */
export class PublishedLogGroups {
    private readonly byName = new Map<string, PublishedLogGroup[]>();
    /** Objects claiming to be log-group facts that break the contract. */
    readonly malformed: MalformedLogGroupFacts[] = [];

    constructor(resources: readonly StackResource[]) {
        for (const r of resources) {
            const carrier = CARRIERS[r.type];
            if (carrier !== undefined) {
                const root =
                    carrier.property === undefined
                        ? r.props
                        : readProperty(r.props, carrier.property);
                this.visit(r, unwrapSecrets(root), carrier.path, 0);
            }
        }
    }

    private visit(carrier: StackResource, value: unknown, path: string, depth: number): void {
        if (depth > 32 || value === null || typeof value !== "object") {
            return;
        }
        if (claimsLogGroupFacts(value)) {
            const checked = checkLogGroupFacts(value);
            if ("facts" in checked) {
                const list = this.byName.get(checked.facts.name) ?? [];
                list.push({ facts: checked.facts, path, carrier });
                this.byName.set(checked.facts.name, list);
            } else {
                this.malformed.push({
                    path,
                    carrier,
                    name: typeof value.name === "string" ? value.name : undefined,
                    problems: checked.problems,
                });
            }
            return;
        }
        const entries = Array.isArray(value)
            ? value.map((v, i) => [i, v] as const)
            : Object.entries(value);
        for (const [k, v] of entries) {
            this.visit(carrier, v, childPath(path, k), depth + 1);
        }
    }

    /** The published group of this name in `region` (any region when `undefined`), if any. */
    find(name: string, region: string | undefined): PublishedLogGroup | undefined {
        return (this.byName.get(name) ?? []).find(
            (g) => region === undefined || g.facts.region === region,
        );
    }

    /** Malformed facts that may describe the group `name`. */
    malformedFor(name: string): readonly MalformedLogGroupFacts[] {
        return this.malformed.filter((m) => m.name === undefined || m.name === name);
    }
}

/**
 * The published group as a log group resource the key rules can judge: its name, region and
 * `kmsKeyId` (the key's facts are found among the carriers by its ARN). Its URN is the carrier's
 * with the group's name, so judgements are computed once per group.
 */
export function publishedGroupResource(group: PublishedLogGroup): StackResource {
    return {
        type: "aws:cloudwatch/logGroup:LogGroup",
        name: group.facts.name,
        urn: `${group.carrier.urn}#${group.path}`,
        props: {
            name: group.facts.name,
            arn: group.facts.arn,
            region: group.facts.region,
            ...(group.facts.kmsKeyArn === "" ? {} : { kmsKeyId: group.facts.kmsKeyArn }),
        },
        provider: group.carrier.provider,
        parentUrn: undefined,
        dependencies: [],
        propertyDependencies: {},
    };
}
