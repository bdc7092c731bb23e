/** `[multi-region]` at the facts level: region-scoped keys, unless the configuration allows otherwise. */
import { unknown } from "../../harness/policyHarness";
import { multiRegionRule } from "../../policypack/lib/rules/multiRegion";
import { table } from "./keyTarget";

describe("rules: multi-region", () => {
    table(multiRegionRule, [
        {
            name: "passes a single-Region key",
            target: (s) => s.logGroup("app", { key: s.key("app-key") }),
            finds: [],
        },
        {
            name: "fails a multi-Region key for a log group by default",
            target: (s) => s.logGroup("app", { key: s.key("app-key", { multiRegion: true }) }),
            finds: [["violation", /log encryption keys must be region-scoped/]],
        },
        {
            name: "passes it with allowMultiRegionKeys: true",
            target: (s) => s.logGroup("app", { key: s.key("app-key", { multiRegion: true }) }),
            options: { allowMultiRegionKeys: true },
            finds: [],
        },
        {
            name: "passes a multi-Region key for a trail by default (CloudTrail supports them)",
            target: (s) =>
                s.trail("audit", s.bucket("b"), { key: s.key("k", { multiRegion: true }) }),
            finds: [],
        },
        {
            name: "fails it with allowMultiRegionTrailKeys: false",
            target: (s) =>
                s.trail("audit", s.bucket("b"), { key: s.key("k", { multiRegion: true }) }),
            options: { allowMultiRegionTrailKeys: false },
            finds: [["violation", /refuses multi-Region keys for trails/]],
        },
        {
            name: "cannot verify whether a key is multi-Region while that is unknown at preview",
            target: (s) => s.logGroup("app", { key: s.key("app-key", { multiRegion: unknown() }) }),
            finds: [["unverifiable", /is a multi-Region key is unknown at preview/]],
        },
    ]);
});
