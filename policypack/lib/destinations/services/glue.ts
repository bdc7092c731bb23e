/** A Glue job's continuous-logging destination (`--enable-continuous-cloudwatch-log`). */
import { UNKNOWN, readString } from "../../stack/wire";
import { derived, readObject, writes } from "../read";
import { DestinationType, LogDestinations } from "../types";

/** The continuous-logging group when `--continuous-log-logGroup` is not given. */
const DEFAULT_GROUP = "/aws-glue/jobs/logs-v2";

function job(props: unknown): LogDestinations {
    // https://docs.aws.amazon.com/glue/latest/dg/monitor-continuous-logging-enable.html ("Enabling
    // continuous logging for AWS Glue 4.0 and earlier jobs", Using the AWS CLI): "To enable
    // continuous logging, you pass in job parameters to an AWS Glue job ...
    // '--enable-continuous-cloudwatch-log': 'true'" and "You can specify a custom Amazon
    // CloudWatch log group name. If not specified, the default log group name is
    // /aws-glue/jobs/logs-v2. '--continuous-log-logGroup': 'custom_log_group_name'". Glue creates
    // the default group itself (the AWS managed policy for its job role, AWSGlueServiceRole, grants
    // "logs:CreateLogGroup"); whether it creates a custom group is not documented, so a custom
    // group is read as one that must exist (outside the stack when the stack does not declare it).
    //
    // Not modelled: a `securityConfiguration` whose CloudWatch encryption is SSE-KMS makes Glue
    // encrypt its groups with that configuration's key under other names (JobRun.LogGroupName:
    // "If you add a role name and SecurityConfiguration name (in other words,
    // /aws-glue/jobs-yourRoleName-yourSecurityConfigurationName/), then that security
    // configuration is used to encrypt the log group."; the continuous group is commonly seen as
    // /aws-glue/jobs/logs-v2-<security configuration name>, which AWS does not spell out), so a
    // job with one is "cannot verify yet". Nor are the standard /aws-glue/jobs/output and
    // /aws-glue/jobs/error groups (every job's driver output; Glue 5.0's real-time logging).
    const args = readObject(props, "defaultArguments");
    if (args === UNKNOWN) {
        return {
            kind: "unknown",
            property: "defaultArguments",
            reason: "defaultArguments is unknown at preview",
        };
    }
    const enabled = readString(args, "--enable-continuous-cloudwatch-log");
    if (enabled === UNKNOWN) {
        return {
            kind: "unknown",
            property: "defaultArguments",
            reason: 'defaultArguments["--enable-continuous-cloudwatch-log"] is unknown at preview',
        };
    }
    if (enabled === undefined || enabled.toLowerCase() !== "true") {
        return {
            kind: "disabled",
            property: "defaultArguments",
            reason: `defaultArguments["--enable-continuous-cloudwatch-log"] is ${enabled === undefined ? "not set" : JSON.stringify(enabled)}: no continuous logging`,
        };
    }
    const securityConfiguration = readString(props, "securityConfiguration");
    if (securityConfiguration === UNKNOWN || (securityConfiguration ?? "") !== "") {
        return {
            kind: "unknown",
            property: "securityConfiguration",
            reason: "the job has a securityConfiguration, whose CloudWatch encryption decides the continuous-logging group's name and key; the pack does not read it",
        };
    }
    const group = readString(args, "--continuous-log-logGroup");
    if (group === UNKNOWN || (typeof group === "string" && group !== "")) {
        return writes({
            logs: "continuous logs",
            group: { by: "name", name: group },
            property: 'defaultArguments["--continuous-log-logGroup"]',
            dependencyProperties: ["defaultArguments"],
            serviceDefault: false,
            serviceCreatesGroup: false,
        });
    }
    return writes(derived("continuous logs", [], () => DEFAULT_GROUP, ["defaultArguments"], true));
}

/** The row of this service in the destinations table. */
export const GLUE: Readonly<Record<string, DestinationType>> = {
    "aws:glue/job:Job": {
        service: "glue",
        label: "Glue job",
        serviceName: "Glue",
        fix: 'set defaultArguments["--continuous-log-logGroup"] to an EncryptedLogGroup\'s name, or declare the default group first, new EncryptedLogGroup(name, { logGroupName: "/aws-glue/jobs/logs-v2" }), in the job\'s dependsOn',
        documentation:
            "https://docs.aws.amazon.com/glue/latest/dg/monitor-continuous-logging-enable.html",
        destinations: job,
    },
};
