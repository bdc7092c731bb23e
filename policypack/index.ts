// The "encrypted-logs" CrossGuard pack. `pulumi preview --policy-pack <this directory>` runs it;
// see README.md. Nothing here may print: the first line the process writes must be its port.
import { PolicyPack } from "@pulumi/policy";
import { watchConfiguredPolicies } from "./lib/config/configuredPolicies";
import { deserializeOnce } from "./deserializeOnce";
import { PACK_POLICIES } from "./policies";

// Before the pack serves: its policies then share one reading of each resource per request, and
// a configuration naming a policy under an old name is refused with its new one.
deserializeOnce();
watchConfiguredPolicies();
new PolicyPack("encrypted-logs", { policies: [...PACK_POLICIES] });
