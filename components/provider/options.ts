/**
 * What the component provider host serves: the package name of the type tokens
 * (`encrypted-logs:index:<Class>`), the components, and the directory the host analyzes (this
 * one: its tsconfig.json and index.ts lead the analyzer to the components' TypeScript sources).
 */
import { ComponentProviderOptions } from "@pulumi/pulumi/provider/experimental";
import * as fs from "node:fs";
import * as path from "node:path";
import { CloudTrailKey } from "../cloudtrail/cloudTrailKey";
import { EncryptedEventDataStore } from "../cloudtrail/encryptedEventDataStore";
import { EncryptedTrail } from "../cloudtrail/encryptedTrail";
import { PACKAGE } from "../common/component";
import { EncryptedAnomalyDetector } from "../logs/encryptedAnomalyDetector";
import { EncryptedLogGroup } from "../logs/encryptedLogGroup";
import { LogsKey } from "../logs/logsKey";

/** The directory holding this folder's TypeScript sources, whether running from source or from `bin/`. */
function sourceDirectory(): string {
    const compiled = `${path.sep}bin${path.sep}components${path.sep}provider`;
    return __dirname.endsWith(compiled)
        ? path.join(__dirname.slice(0, -compiled.length), "components", "provider")
        : __dirname;
}

/** The version of the npm package, which the schema carries. */
function packageVersion(): string {
    const manifest = path.join(sourceDirectory(), "..", "..", "package.json");
    return (JSON.parse(fs.readFileSync(manifest, "utf8")) as { version: string }).version;
}

/** Options for `componentProviderHost` and `ComponentProvider`. */
export const PROVIDER_OPTIONS: ComponentProviderOptions & { version: string } = {
    name: PACKAGE,
    components: [
        LogsKey,
        EncryptedLogGroup,
        EncryptedAnomalyDetector,
        CloudTrailKey,
        EncryptedTrail,
        EncryptedEventDataStore,
    ],
    dirname: sourceDirectory(),
    version: packageVersion(),
};
