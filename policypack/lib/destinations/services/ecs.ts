/** An ECS task definition's log destinations: its containers' awslogs groups. */
import { UNKNOWN, readProperty, readString } from "../../stack/wire";
import { readObject } from "../read";
import { LogDestination, LogDestinations, DestinationType } from "../types";

function taskDefinition(props: unknown): LogDestinations {
    // Each container's `logConfiguration` with `logDriver: "awslogs"` writes to
    // `options["awslogs-group"]` (in `awslogs-region` when given); with `awslogs-create-group:
    // "true"` the awslogs driver creates that group when missing
    // (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using_awslogs.html).
    const raw = readProperty(props, "containerDefinitions");
    if (raw === UNKNOWN) {
        return {
            kind: "unknown",
            property: "containerDefinitions",
            reason: "containerDefinitions is unknown at preview",
        };
    }
    let containers: unknown = raw;
    if (typeof raw === "string") {
        try {
            containers = JSON.parse(raw);
        } catch {
            return {
                kind: "unknown",
                property: "containerDefinitions",
                reason: "containerDefinitions is not valid JSON",
            };
        }
    }
    if (!Array.isArray(containers)) {
        return {
            kind: "unknown",
            property: "containerDefinitions",
            reason: "containerDefinitions is not a JSON list of containers",
        };
    }
    const found: LogDestination[] = [];
    const drivers: string[] = [];
    containers.forEach((container, i) => {
        const config = readObject(container, "logConfiguration");
        if (config === undefined || config === UNKNOWN) {
            return;
        }
        const driver = readString(config, "logDriver");
        if (driver !== "awslogs") {
            if (typeof driver === "string") {
                drivers.push(driver);
            }
            return;
        }
        const options = readObject(config, "options");
        const group = options === UNKNOWN ? UNKNOWN : readString(options, "awslogs-group");
        if (group === undefined || group === "") {
            return; // ECS refuses an awslogs configuration without awslogs-group
        }
        const containerName = readString(container, "name");
        const region = options === UNKNOWN ? UNKNOWN : readString(options, "awslogs-region");
        const create = options === UNKNOWN ? UNKNOWN : readString(options, "awslogs-create-group");
        found.push({
            logs: `container logs of ${typeof containerName === "string" ? `"${containerName}"` : `container ${i}`}`,
            group: { by: "name", name: group },
            property: `containerDefinitions[${i}].logConfiguration.options["awslogs-group"]`,
            dependencyProperties: ["containerDefinitions"],
            serviceDefault: false,
            serviceCreatesGroup: create === UNKNOWN || String(create).toLowerCase() === "true",
            region: region === "" ? undefined : region,
        });
    });
    if (found.length > 0) {
        return { kind: "writes", destinations: found };
    }
    if (drivers.length > 0) {
        return {
            kind: "elsewhere",
            property: "containerDefinitions",
            reason: `the containers log with ${[...new Set(drivers)].join(", ")}, not awslogs`,
        };
    }
    return {
        kind: "disabled",
        property: "containerDefinitions",
        reason: "no container has an awslogs logConfiguration",
    };
}

/** The row of this service in the destinations table. */
export const ECS: Readonly<Record<string, DestinationType>> = {
    "aws:ecs/taskDefinition:TaskDefinition": {
        service: "ecs",
        label: "ECS task definition",
        serviceName: "ECS",
        fix: "set the container's options[\"awslogs-group\"] to an EncryptedLogGroup's name, without awslogs-create-group",
        documentation:
            "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using_awslogs.html",
        destinations: taskDefinition,
    },
};
