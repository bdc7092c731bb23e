/**
 * What the component provider serves: the package name of the type tokens
 * (`encrypted-logs:index:<Class>`), the components, and the directory the host's analyzer reads
 * (this one: its tsconfig.json and index.ts lead the analyzer to the components' TypeScript
 * sources).
 */
import { ComponentProviderOptions } from "@pulumi/pulumi/provider/experimental";
import * as fs from "node:fs";
import * as path from "node:path";
import { CloudTrailKey } from "../cloudtrail/cloudTrailKey";
import { EncryptedEventDataStore } from "../cloudtrail/encryptedEventDataStore";
import { EncryptedTrail } from "../cloudtrail/encryptedTrail";
import { PACKAGE } from "../common/component";
import { PublishedKey } from "../common/publishedKey";
import { EncryptedAnomalyDetector } from "../logs/encryptedAnomalyDetector";
import { EncryptedLogGroup } from "../logs/encryptedLogGroup";
import { LogsKey } from "../logs/logsKey";

/** The repository (or installed package) root, whether running from source or from `bin/`. */
export function sourceRoot(): string {
    const compiled = path.join("bin", "components", "provider");
    const here = path.resolve(__dirname);
    return here.endsWith(path.sep + compiled)
        ? here.slice(0, -(compiled.length + 1))
        : path.resolve(here, "..", "..");
}

/** The version of the npm package, which the schema and GetPluginInfo carry. */
function packageVersion(): string {
    const manifest = path.join(sourceRoot(), "package.json");
    return (JSON.parse(fs.readFileSync(manifest, "utf8")) as { version: string }).version;
}

/** Options for `ComponentProvider` (the host's schema inference) and this package's provider. */
export const PROVIDER_OPTIONS: ComponentProviderOptions & { version: string } = {
    name: PACKAGE,
    components: [
        LogsKey,
        EncryptedLogGroup,
        EncryptedAnomalyDetector,
        CloudTrailKey,
        EncryptedTrail,
        EncryptedEventDataStore,
        PublishedKey,
    ],
    dirname: path.join(sourceRoot(), "components", "provider"),
    version: packageVersion(),
};
