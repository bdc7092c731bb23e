/**
 * The requests the engine sends an analyzer, built from stack resources as the engine marshals
 * them (see `policyHarness.ts`): the resource's properties, options, provider (with its inputs, so
 * its region), parent, dependencies and property dependencies.
 */
import * as analyzerPb from "@pulumi/pulumi/proto/analyzer_pb";
import { struct } from "./inProcessPack";
import { StackResource, fixtureProvider } from "../testing/resources";

function providerOf(
    r: StackResource,
    byUrn: Map<string, StackResource>,
): analyzerPb.AnalyzerProviderResource | undefined {
    const p = fixtureProvider(r, byUrn);
    if (p === undefined) {
        return undefined;
    }
    const out = new analyzerPb.AnalyzerProviderResource();
    out.setUrn(p.urn);
    out.setType(p.type);
    out.setName(p.name);
    out.setProperties(struct(p.inputs));
    return out;
}

function options(r: StackResource): analyzerPb.AnalyzerResourceOptions {
    const o = new analyzerPb.AnalyzerResourceOptions();
    o.setProtect(r.protect ?? false);
    o.setParent(r.parent ?? "");
    o.setCustomtimeouts(new analyzerPb.AnalyzerResourceOptions.CustomTimeouts());
    return o;
}

/** The AnalyzeRequest the engine sends for `r` (its inputs). */
export function analyzeRequest(
    r: StackResource,
    byUrn: Map<string, StackResource>,
): analyzerPb.AnalyzeRequest {
    const req = new analyzerPb.AnalyzeRequest();
    req.setUrn(r.urn);
    req.setType(r.type);
    req.setName(r.name);
    req.setProperties(struct(r.inputs));
    req.setOptions(options(r));
    const provider = providerOf(r, byUrn);
    if (provider !== undefined) {
        req.setProvider(provider);
    }
    return req;
}

/** The AnalyzeStackRequest the engine sends for `stack` (every resource's outputs). */
export function analyzeStackRequest(
    stack: readonly StackResource[],
): analyzerPb.AnalyzeStackRequest {
    const byUrn = new Map(stack.map((r) => [r.urn, r]));
    const req = new analyzerPb.AnalyzeStackRequest();
    req.setResourcesList(
        stack.map((r) => {
            const res = new analyzerPb.AnalyzerResource();
            res.setUrn(r.urn);
            res.setType(r.type);
            res.setName(r.name);
            res.setProperties(struct(r.outputs ?? r.inputs));
            res.setOptions(options(r));
            const provider = providerOf(r, byUrn);
            if (provider !== undefined) {
                res.setProvider(provider);
            }
            res.setParent(r.parent ?? "");
            res.setDependenciesList([...(r.dependencies ?? [])]);
            for (const [k, urns] of Object.entries(r.propertyDependencies ?? {})) {
                if (urns.length > 0) {
                    const deps = new analyzerPb.AnalyzerPropertyDependencies();
                    deps.setUrnsList([...urns]);
                    res.getPropertydependenciesMap().set(k, deps);
                }
            }
            return res;
        }),
    );
    return req;
}
