/**
 * One measurement of the component benchmark, in its own process so heap and module caches do
 * not leak between runs: `node bin/bench/componentsWorker.js <components|raw> <N>`.
 * Runs a program that creates N encrypted log groups under a lean `setMocks` engine (it counts
 * and answers, records nothing) and prints one JSON line: wall time to the last registered
 * resource, CPU time, peak heap, peak RSS, invokes and resources.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { EncryptedLogGroup } from "../components";

const ACCOUNT = {
    partition: "aws",
    region: "us-east-1",
    accountId: "111122223333",
    dnsSuffix: "amazonaws.com",
};

/** The hand-written equivalent: the same key (policy included) and log group with raw @pulumi/aws. */
function rawProgram(n: number): void {
    const partition = aws.getPartitionOutput();
    const region = aws.getRegionOutput();
    const identity = aws.getCallerIdentityOutput();
    for (let i = 0; i < n; i++) {
        const name = `group-${i}`;
        const policy = pulumi
            .all([partition.partition, partition.dnsSuffix, region.region, identity.accountId])
            .apply(([p, dns, r, account]) =>
                JSON.stringify({
                    Version: "2012-10-17",
                    Statement: [
                        {
                            Sid: "KeyAdministration",
                            Effect: "Allow",
                            Principal: { AWS: `arn:${p}:iam::${account}:root` },
                            Action: "kms:*",
                            Resource: "*",
                        },
                        {
                            Sid: "AllowCloudWatchLogsForLogGroups",
                            Effect: "Allow",
                            Principal: { Service: `logs.${r}.${dns}` },
                            Action: [
                                "kms:Encrypt",
                                "kms:Decrypt",
                                "kms:ReEncrypt*",
                                "kms:GenerateDataKey*",
                                "kms:Describe*",
                            ],
                            Resource: "*",
                            Condition: {
                                ArnEquals: {
                                    "kms:EncryptionContext:aws:logs:arn": `arn:${p}:logs:${r}:${account}:log-group:${name}`,
                                },
                            },
                        },
                    ],
                }),
            );
        const key = new aws.kms.Key(
            `${name}-key`,
            {
                description: `CloudWatch Logs key for log group ${name}`,
                customerMasterKeySpec: "SYMMETRIC_DEFAULT",
                keyUsage: "ENCRYPT_DECRYPT",
                multiRegion: false,
                enableKeyRotation: true,
                deletionWindowInDays: 30,
                policy,
            },
            { retainOnDelete: true },
        );
        new aws.cloudwatch.LogGroup(
            name,
            {
                name,
                retentionInDays: 365,
                kmsKeyId: key.arn,
                logGroupClass: "STANDARD",
                skipDestroy: true,
            },
            { dependsOn: [key] },
        );
    }
}

function componentsProgram(n: number): void {
    for (let i = 0; i < n; i++) {
        new EncryptedLogGroup(`group-${i}`);
    }
}

async function main(): Promise<void> {
    const [variant, count] = process.argv.slice(2);
    const n = Number(count);
    let invokes = 0;
    let resources = 0;
    let lastRegistration = 0;
    await pulumi.runtime.setMocks(
        {
            call: (args) => {
                invokes++;
                switch (args.token) {
                    case "aws:index/getPartition:getPartition":
                        return {
                            partition: ACCOUNT.partition,
                            dnsSuffix: ACCOUNT.dnsSuffix,
                            id: ACCOUNT.partition,
                        };
                    case "aws:index/getRegion:getRegion":
                        return { region: ACCOUNT.region, name: ACCOUNT.region, id: ACCOUNT.region };
                    default:
                        return { accountId: ACCOUNT.accountId, id: ACCOUNT.accountId };
                }
            },
            newResource: (args) => {
                resources++;
                lastRegistration = performance.now();
                const state: Record<string, unknown> = { ...args.inputs };
                if (args.type === "aws:kms/key:Key") {
                    state.arn = `arn:aws:kms:us-east-1:111122223333:key/${args.name}`;
                    state.keyId = args.name;
                } else if (args.type === "aws:cloudwatch/logGroup:LogGroup") {
                    state.arn = `arn:aws:logs:us-east-1:111122223333:log-group:${args.inputs.name}`;
                }
                return { id: `${args.name}-id`, state };
            },
        },
        "bench",
        "bench",
        false,
    );
    let peakHeap = process.memoryUsage().heapUsed;
    const sampler = setInterval(() => {
        peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
    }, 5);
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    if (variant === "raw") {
        rawProgram(n);
    } else if (variant === "components") {
        componentsProgram(n);
    } else {
        throw new Error(`unknown variant ${variant}; use components or raw`);
    }
    await (pulumi.runtime as unknown as { waitForRPCs(): Promise<void> }).waitForRPCs();
    const cpu = process.cpuUsage(cpuStart);
    clearInterval(sampler);
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
    process.stdout.write(
        JSON.stringify({
            variant,
            n,
            wallMs: lastRegistration - start,
            // CPU time of this process (user + system) until every registration is done: less
            // sensitive than wall time to other processes on a shared machine.
            cpuMs: (cpu.user + cpu.system) / 1000,
            peakHeapMB: peakHeap / 2 ** 20,
            maxRssMB: process.resourceUsage().maxRSS / 1024,
            invokes,
            resources,
        }) + "\n",
    );
    // The mock runtime keeps nothing else alive worth waiting for.
    process.exit(0);
}

main().catch((e: Error) => {
    console.error(e.stack ?? e.message);
    process.exit(1);
});
