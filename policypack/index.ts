// The "encrypted-logs" CrossGuard pack. `pulumi preview --policy-pack <this directory>` runs it;
// see README.md. Nothing here may print: the first line the process writes must be its port.
import { PolicyPack } from "@pulumi/policy";
import { PACK_POLICIES } from "./policies";

new PolicyPack("encrypted-logs", { policies: [...PACK_POLICIES] });
