/**
 * The names of the log groups AWS services write to when the stack does not name one: facts about
 * the services, used by the components (to declare the group before the service writes) and by the
 * policy pack (to find the group a resource will write to). Pure: no Pulumi runtime imports.
 *
 * Each builder carries the AWS documentation of the name beside it.
 */

/**
 * `/aws/lambda/<function name>`: the group Lambda writes a function's logs to when
 * `loggingConfig.logGroup` is not set.
 *
 * https://docs.aws.amazon.com/lambda/latest/dg/monitoring-cloudwatchlogs-loggroups.html:
 * "By default, CloudWatch automatically creates a log group named /aws/lambda/<function name> for
 * your function when it's first invoked."
 *
 * @param functionName the function's physical name (`aws.lambda.Function`'s `name`), not its ARN.
 */
export function lambdaLogGroupName(functionName: string): string {
    return `/aws/lambda/${functionName}`;
}

/**
 * `API-Gateway-Execution-Logs_<rest-api-id>/<stage name>`: the group API Gateway creates for a
 * REST API stage's execution logs (enabled by a method setting's `loggingLevel` `ERROR` or `INFO`).
 *
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/rest-api-execution-logging.html:
 * "When you enable execution logging on a stage, API Gateway automatically creates and manages a
 * CloudWatch Logs log group. The log group is named API-Gateway-Execution-Logs_{rest-api-id}/{stage_name}."
 * and "API Gateway manages the log group name. You cannot choose the log group name".
 *
 * @param restApiId the REST API's id (`aws.apigateway.RestApi`'s `id`).
 * @param stageName the stage's name (`aws.apigateway.Stage`'s `stageName`).
 */
export function apiGatewayExecutionLogGroupName(restApiId: string, stageName: string): string {
    return `API-Gateway-Execution-Logs_${restApiId}/${stageName}`;
}

/**
 * `/aws/eks/<cluster name>/cluster`: the one group EKS sends every enabled control-plane log type
 * to.
 *
 * https://docs.aws.amazon.com/eks/latest/userguide/control-plane-logs.html: "logs are sent as log
 * streams to a group for each Amazon EKS cluster in CloudWatch" and, under "View cluster control
 * plane logs": "The log group name format is /aws/eks/my-cluster/cluster."
 *
 * @param clusterName the cluster's name (`aws.eks.Cluster`'s `name`).
 */
export function eksClusterLogGroupName(clusterName: string): string {
    return `/aws/eks/${clusterName}/cluster`;
}

/**
 * `/aws/rds/instance/<instance id>/<log type>`: the group RDS publishes one exported log type of a
 * DB instance to (one group per entry of `enabledCloudwatchLogsExports`).
 *
 * https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_LogAccess.MySQLDB.PublishtoCloudWatchLogs.html:
 * "Amazon RDS publishes each MySQL database log as a separate database stream in the log group. For
 * example, if you configure the export function to include the slow query log, slow query data is
 * stored in a slow query log stream in the /aws/rds/instance/my_instance/slowquery log group."
 *
 * @param instanceIdentifier the instance's identifier (`aws.rds.Instance`'s `identifier`).
 * @param logType one entry of `enabledCloudwatchLogsExports`, e.g. `error`, `postgresql`.
 */
export function rdsInstanceLogGroupName(instanceIdentifier: string, logType: string): string {
    return `/aws/rds/instance/${instanceIdentifier}/${logType}`;
}

/**
 * `/aws/rds/cluster/<cluster id>/<log type>`: the group RDS publishes one exported log type of an
 * Aurora or Multi-AZ DB cluster to, the cluster counterpart of {@link rdsInstanceLogGroupName}.
 *
 * https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/AuroraMySQL.Integrating.CloudWatch.html
 * (Publishing Amazon Aurora MySQL logs to Amazon CloudWatch Logs); the IAM policy AWS gives for it
 * (AuroraMySQL.Integrating.Authorizing.IAM.CWCreatePolicy) lets the service `logs:CreateLogGroup`
 * on `arn:aws:logs:*:*:log-group:/aws/rds/*`.
 *
 * @param clusterIdentifier the cluster's identifier (`aws.rds.Cluster`'s `clusterIdentifier`).
 * @param logType one entry of `enabledCloudwatchLogsExports`, e.g. `audit`, `postgresql`.
 */
export function rdsClusterLogGroupName(clusterIdentifier: string, logType: string): string {
    return `/aws/rds/cluster/${clusterIdentifier}/${logType}`;
}

/**
 * `/aws/codebuild/<project name>`: the group CodeBuild writes a project's build logs to when
 * `logsConfig.cloudwatchLogs.groupName` is not set.
 *
 * https://docs.aws.amazon.com/codebuild/latest/userguide/getting-started-cli-monitor-build.html:
 * the build of project `codebuild-demo-project` reports `"logs": { "groupName":
 * "/aws/codebuild/codebuild-demo-project", ... }`.
 *
 * @param projectName the project's name (`aws.codebuild.Project`'s `name`).
 */
export function codeBuildLogGroupName(projectName: string): string {
    return `/aws/codebuild/${projectName}`;
}

/**
 * `/aws/ecs/containerinsights/<cluster name>/performance`: the group CloudWatch Container Insights
 * creates for an ECS cluster's performance log events.
 *
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Container-Insights-reference-performance-logs-ECS.html:
 * "These logs are in CloudWatch Logs, in a log group named
 * `/aws/ecs/containerinsights/CLUSTER_NAME/performance`." and
 * (Container-Insights-reference.html) "When you deploy Container Insights, it automatically creates
 * a log group for the performance log events. You don't need to create this log group yourself."
 *
 * @param clusterName the cluster's name (`aws.ecs.Cluster`'s `name`).
 */
export function ecsContainerInsightsLogGroupName(clusterName: string): string {
    return `/aws/ecs/containerinsights/${clusterName}/performance`;
}
