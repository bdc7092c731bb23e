/** An OpenSearch or Elasticsearch domain's log destinations: its published logs. */
import { UNKNOWN, readBoolean, readString } from "../../stack/wire";
import { byArn, readList } from "../read";
import { LogDestination, LogDestinations, DestinationType } from "../types";

function searchDomain(props: unknown): LogDestinations {
    // `logPublishingOptions[]`: `cloudwatchLogGroupArn` "ARN of the Cloudwatch log group to which
    // log needs to be published.", `enabled` "Whether given log publishing option is enabled or
    // not.", `logType` (@pulumi/aws DomainLogPublishingOption).
    const options = readList(props, "logPublishingOptions");
    if (options === UNKNOWN) {
        return {
            kind: "unknown",
            property: "logPublishingOptions",
            reason: "logPublishingOptions is unknown at preview",
        };
    }
    const found: LogDestination[] = [];
    for (const [i, option] of (options ?? []).entries()) {
        if (option === UNKNOWN || typeof option === "string") {
            return {
                kind: "unknown",
                property: `logPublishingOptions[${i}]`,
                reason: `logPublishingOptions[${i}] is unknown at preview`,
            };
        }
        if (readBoolean(option, "enabled") === false) {
            continue;
        }
        const arn = readString(option, "cloudwatchLogGroupArn");
        if (arn === undefined || arn === "") {
            continue;
        }
        const logType = readString(option, "logType");
        const destination = byArn(
            typeof logType === "string" ? `${logType} logs` : "published logs",
            arn,
            `logPublishingOptions[${i}].cloudwatchLogGroupArn`,
            "logPublishingOptions",
        );
        if (!("elsewhere" in destination)) {
            found.push(destination);
        }
    }
    return found.length > 0
        ? { kind: "writes", destinations: found }
        : {
              kind: "disabled",
              property: "logPublishingOptions",
              reason: "no enabled logPublishingOptions entry names a log group",
          };
}

/** The rows of this service in the destinations table. */
export const OPENSEARCH: Readonly<Record<string, DestinationType>> = {
    "aws:opensearch/domain:Domain": {
        service: "opensearch",
        label: "OpenSearch domain",
        serviceName: "OpenSearch Service",
        fix: "set each logPublishingOptions entry's cloudwatchLogGroupArn to an EncryptedLogGroup's arn",
        documentation:
            "https://docs.aws.amazon.com/opensearch-service/latest/developerguide/createdomain-configure-slow-logs.html",
        destinations: searchDomain,
    },
    "aws:elasticsearch/domain:Domain": {
        service: "opensearch",
        label: "Elasticsearch domain",
        serviceName: "OpenSearch Service",
        fix: "set each logPublishingOptions entry's cloudwatchLogGroupArn to an EncryptedLogGroup's arn",
        documentation:
            "https://docs.aws.amazon.com/opensearch-service/latest/developerguide/createdomain-configure-slow-logs.html",
        destinations: searchDomain,
    },
};
