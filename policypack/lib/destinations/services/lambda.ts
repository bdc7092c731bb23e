/** A Lambda function's log destination: its function logs. */
import { lambdaLogGroupName } from "../../../../aws/serviceLogGroups";
import { UNKNOWN, readString } from "../../stack/wire";
import { derived, physicalName, readObject, writes } from "../read";
import { LogDestinations, DestinationType } from "../types";

function lambdaFunction(props: unknown): LogDestinations {
    // Lambda has no switch that turns logging off: a function writes its logs whenever its
    // execution role allows it, so every function has a destination.
    // https://docs.aws.amazon.com/lambda/latest/api/API_LoggingConfig.html (LoggingConfig.LogGroup):
    // "By default, Lambda functions send logs to a default log group named /aws/lambda/<function
    // name>. To use a different log group, enter an existing log group or enter a new log group
    // name." Lambda creates either when missing (monitoring-cloudwatchlogs-loggroups.html: "To
    // configure your function to send logs to an existing log group, or to create a new log group
    // for your function, ...").
    //
    // `loggingConfig` is also a computed output: a preview reports it unknown as a whole when the
    // program does not set it (the provider fills it in, with the default group). An unknown
    // `loggingConfig` is therefore read as the default group, following `name` and `loggingConfig`;
    // a program that sets `logGroup` from an unknown value sends an object with that field unknown.
    const config = readObject(props, "loggingConfig");
    const logGroup = config === UNKNOWN ? undefined : readString(config, "logGroup");
    if (logGroup === UNKNOWN || (typeof logGroup === "string" && logGroup !== "")) {
        return writes({
            logs: "function logs",
            group: { by: "name", name: logGroup },
            property: "loggingConfig.logGroup",
            dependencyProperties: ["loggingConfig"],
            serviceDefault: false,
            serviceCreatesGroup: true,
        });
    }
    const properties = config === UNKNOWN ? ["name", "loggingConfig"] : ["name"];
    return writes({
        ...derived(
            "function logs",
            [physicalName(props, "name")],
            lambdaLogGroupName,
            ["name"],
            true,
        ),
        dependencyProperties: properties,
    });
}

/** The row of this service in the destinations table. */
export const LAMBDA: Readonly<Record<string, DestinationType>> = {
    "aws:lambda/function:Function": {
        service: "lambda",
        label: "Lambda function",
        serviceName: "Lambda",
        fix: "declare the group with an EncryptedLogGroup and set loggingConfig.logGroup to its name, or call encryptLambdaLogGroups() at the top of the program",
        documentation:
            "https://docs.aws.amazon.com/lambda/latest/dg/monitoring-cloudwatchlogs-loggroups.html",
        destinations: lambdaFunction,
    },
};
