/**
 * The multi-language entry point: serves the components to Python, Go, .NET, Java and YAML
 * programs (`pulumi package add <path or git URL>`; PulumiPlugin.yaml at the repository root).
 * The Pulumi CLI starts it through `plugin.js` (package.json `main`); the package's own entry
 * (`exports["."]`) never imports it.
 *
 * Importing this module starts the provider: a gRPC server whose port is the first line on stdout,
 * talking to the engine whose address is the first argument.
 */
import * as provider from "@pulumi/pulumi/provider";
import { EncryptedLogsProvider } from "./provider";

provider.main(new EncryptedLogsProvider(), process.argv.slice(2)).catch((e: Error) => {
    console.error(`encrypted-logs provider failed: ${e.stack ?? e.message}`);
    process.exit(1);
});
