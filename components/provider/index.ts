/**
 * The multi-language entry point: serves the components to Python, Go, .NET, Java and YAML
 * programs through Pulumi's component provider host (`pulumi package add <path or git URL>`, see
 * PulumiPlugin.yaml at the repository root). The schema is inferred from the TypeScript args
 * interfaces, which is why they stay plain (no unions, no component objects as arguments).
 *
 * Importing this module starts the provider; the package's main module never imports it.
 */
import { componentProviderHost } from "@pulumi/pulumi/provider/experimental";
import { PROVIDER_OPTIONS } from "./options";

componentProviderHost(PROVIDER_OPTIONS).catch((e: Error) => {
    console.error(`encrypted-logs provider failed: ${e.stack ?? e.message}`);
    process.exit(1);
});
