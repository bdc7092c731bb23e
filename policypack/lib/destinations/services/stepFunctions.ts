/** A Step Functions state machine's log destination: its execution history. */
import { UNKNOWN, readString } from "../../stack/wire";
import { readObject, writes, byArn } from "../read";
import { LogDestinations, DestinationType } from "../types";

function stateMachine(props: unknown): LogDestinations {
    // "Defines which category of execution history events are logged. Valid values: `ALL`,
    // `ERROR`, `FATAL`, `OFF`" and `logDestination`: "ARN of a CloudWatch log group. ... The ARN
    // must end with `:*`" (@pulumi/aws StateMachineLoggingConfiguration). The group must exist.
    const config = readObject(props, "loggingConfiguration");
    if (config === undefined) {
        return {
            kind: "disabled",
            property: "loggingConfiguration",
            reason: "loggingConfiguration is not set: no execution history is logged",
        };
    }
    const level = config === UNKNOWN ? UNKNOWN : readString(config, "level");
    if (typeof level === "string" && level.toUpperCase() === "OFF") {
        return {
            kind: "disabled",
            property: "loggingConfiguration.level",
            reason: 'loggingConfiguration.level is "OFF"',
        };
    }
    const arn = config === UNKNOWN ? UNKNOWN : readString(config, "logDestination");
    if (arn === undefined || arn === "") {
        return {
            kind: "disabled",
            property: "loggingConfiguration.logDestination",
            reason: "loggingConfiguration.logDestination is not set",
        };
    }
    const found = byArn(
        "execution history",
        arn,
        config === UNKNOWN ? "loggingConfiguration" : "loggingConfiguration.logDestination",
        "loggingConfiguration",
    );
    return "elsewhere" in found
        ? {
              kind: "elsewhere",
              property: "loggingConfiguration.logDestination",
              reason: found.elsewhere,
          }
        : writes(found);
}

/** The row of this service in the destinations table. */
export const STEP_FUNCTIONS: Readonly<Record<string, DestinationType>> = {
    "aws:sfn/stateMachine:StateMachine": {
        service: "sfn",
        label: "Step Functions state machine",
        serviceName: "Step Functions",
        fix: "set loggingConfiguration.logDestination to an EncryptedLogGroup's arn followed by :*",
        documentation: "https://docs.aws.amazon.com/step-functions/latest/dg/cw-logs.html",
        destinations: stateMachine,
        // The provider computes `loggingConfiguration`, so a preview reports it unknown when the
        // program leaves it out; AWS then logs nothing to CloudWatch Logs: "If you create a Standard
        // Workflow, or an Express Workflow using the API, CLI, or AWS CloudFormation, Step Functions
        // will not enable logging by default" (https://docs.aws.amazon.com/step-functions/latest/dg/cw-logs.html).
        defaultedInputs: ["loggingConfiguration"],
    },
};
