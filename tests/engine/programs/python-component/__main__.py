"""The components from Python, through the SDK `pulumi package add <checkout>` generates.

With the stack config `plain: true` it also declares a log group without a key, which the pack
refuses (log-encryption-key-required).
"""

import pulumi
import pulumi_aws as aws
import pulumi_aws_encrypted_logs as encrypted_logs

orders = encrypted_logs.EncryptedLogGroup(
    "orders",
    log_group_name="/app/orders",
    retention_in_days=90,
    log_group_class=encrypted_logs.LogGroupClass.INFREQUENT_ACCESS,
)

if pulumi.Config().get_bool("plain"):
    aws.cloudwatch.LogGroup("plain", name="/app/plain", retention_in_days=30)

pulumi.export("key_arn", orders.kms_key_arn)
pulumi.export("log_group_name", orders.name)
