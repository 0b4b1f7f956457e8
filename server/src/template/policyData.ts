/**
 * What IAM policies grant when the template names them instead of spelling them out: SAM policy
 * templates (from SAM's policy_templates.json, the ones Lambda Lens expands) and a few AWS managed
 * policies. Resource strings use `${Param}` for a template parameter and `${AWS::...}` pseudo
 * parameters, exactly as SAM writes them. A name missing here is treated as unknown: rules stay silent.
 */

/** One statement of a policy, with the actions and resource strings it allows. */
export interface PolicyRow {
  readonly actions: readonly string[];
  readonly resources: readonly string[];
}

export interface SamPolicyTemplate {
  /** The template's parameter names (e.g. BucketName). */
  readonly params: readonly string[];
  readonly statements: readonly PolicyRow[];
}

const ARN = 'arn:${AWS::Partition}';
const REGIONAL = (service: string) => `${ARN}:${service}:\${AWS::Region}:\${AWS::AccountId}`;
const bucket = [`${ARN}:s3:::\${BucketName}`, `${ARN}:s3:::\${BucketName}/*`];
const table = [`${REGIONAL('dynamodb')}:table/\${TableName}`, `${REGIONAL('dynamodb')}:table/\${TableName}/index/*`];
const queue = [`${REGIONAL('sqs')}:\${QueueName}`];
const LOGS = ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'];
const ENI = ['ec2:CreateNetworkInterface', 'ec2:DescribeNetworkInterfaces', 'ec2:DeleteNetworkInterface', 'ec2:AssignPrivateIpAddresses', 'ec2:UnassignPrivateIpAddresses'];

/** SAM policy templates by name (AWS::Serverless::Function `Policies: - S3CrudPolicy: { BucketName: ... }`). */
export const SAM_POLICY_TEMPLATES: Readonly<Record<string, SamPolicyTemplate>> = {
  VPCAccessPolicy: {
    params: [],
    statements: [{ actions: ['ec2:CreateNetworkInterface', 'ec2:DeleteNetworkInterface', 'ec2:DescribeNetworkInterfaces', 'ec2:DetachNetworkInterface'], resources: ['*'] }],
  },
  S3ReadPolicy: {
    params: ['BucketName'],
    statements: [{ actions: ['s3:GetObject', 's3:ListBucket', 's3:GetBucketLocation', 's3:GetObjectVersion', 's3:GetLifecycleConfiguration'], resources: bucket }],
  },
  S3WritePolicy: {
    params: ['BucketName'],
    statements: [{ actions: ['s3:PutObject', 's3:PutObjectAcl', 's3:PutLifecycleConfiguration'], resources: bucket }],
  },
  S3CrudPolicy: {
    params: ['BucketName'],
    statements: [{
      actions: ['s3:GetObject', 's3:ListBucket', 's3:GetBucketLocation', 's3:GetObjectVersion', 's3:PutObject', 's3:PutObjectAcl', 's3:GetLifecycleConfiguration', 's3:PutLifecycleConfiguration', 's3:DeleteObject'],
      resources: bucket,
    }],
  },
  S3FullAccessPolicy: {
    params: ['BucketName'],
    statements: [
      {
        actions: ['s3:GetObject', 's3:GetObjectAcl', 's3:GetObjectVersion', 's3:PutObject', 's3:PutObjectAcl', 's3:DeleteObject', 's3:DeleteObjectTagging', 's3:DeleteObjectVersionTagging', 's3:GetObjectTagging', 's3:GetObjectVersionTagging', 's3:PutObjectTagging', 's3:PutObjectVersionTagging'],
        resources: [`${ARN}:s3:::\${BucketName}/*`],
      },
      { actions: ['s3:ListBucket', 's3:GetBucketLocation', 's3:GetLifecycleConfiguration', 's3:PutLifecycleConfiguration'], resources: [`${ARN}:s3:::\${BucketName}`] },
    ],
  },
  DynamoDBCrudPolicy: {
    params: ['TableName'],
    statements: [{
      actions: ['dynamodb:GetItem', 'dynamodb:DeleteItem', 'dynamodb:PutItem', 'dynamodb:Scan', 'dynamodb:Query', 'dynamodb:UpdateItem', 'dynamodb:BatchWriteItem', 'dynamodb:BatchGetItem', 'dynamodb:DescribeTable', 'dynamodb:ConditionCheckItem'],
      resources: table,
    }],
  },
  DynamoDBReadPolicy: {
    params: ['TableName'],
    statements: [{ actions: ['dynamodb:GetItem', 'dynamodb:Scan', 'dynamodb:Query', 'dynamodb:BatchGetItem', 'dynamodb:DescribeTable'], resources: table }],
  },
  DynamoDBWritePolicy: {
    params: ['TableName'],
    statements: [{ actions: ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:BatchWriteItem'], resources: table }],
  },
  SQSPollerPolicy: {
    params: ['QueueName'],
    statements: [{ actions: ['sqs:ChangeMessageVisibility', 'sqs:ChangeMessageVisibilityBatch', 'sqs:DeleteMessage', 'sqs:DeleteMessageBatch', 'sqs:GetQueueAttributes', 'sqs:ReceiveMessage'], resources: queue }],
  },
  SQSSendMessagePolicy: {
    params: ['QueueName'],
    statements: [{ actions: ['sqs:SendMessage*'], resources: queue }],
  },
  SNSPublishMessagePolicy: {
    params: ['TopicName'],
    statements: [{ actions: ['sns:Publish'], resources: [`${REGIONAL('sns')}:\${TopicName}`] }],
  },
  AWSSecretsManagerGetSecretValuePolicy: {
    params: ['SecretArn'],
    statements: [{ actions: ['secretsmanager:GetSecretValue'], resources: ['${SecretArn}'] }],
  },
  AWSSecretsManagerRotationPolicy: {
    params: ['FunctionName'],
    statements: [
      {
        actions: ['secretsmanager:DescribeSecret', 'secretsmanager:GetSecretValue', 'secretsmanager:PutSecretValue', 'secretsmanager:UpdateSecretVersionStage'],
        resources: [`${REGIONAL('secretsmanager')}:secret:*`],
      },
      { actions: ['secretsmanager:GetRandomPassword'], resources: ['*'] },
    ],
  },
  KMSDecryptPolicy: {
    params: ['KeyId'],
    statements: [{ actions: ['kms:Decrypt'], resources: [`${REGIONAL('kms')}:key/\${KeyId}`] }],
  },
  KMSEncryptPolicy: {
    params: ['KeyId'],
    statements: [{ actions: ['kms:Encrypt'], resources: [`${REGIONAL('kms')}:key/\${KeyId}`] }],
  },
  LambdaInvokePolicy: {
    params: ['FunctionName'],
    statements: [{ actions: ['lambda:InvokeFunction'], resources: [`${REGIONAL('lambda')}:function:\${FunctionName}*`] }],
  },
  KinesisStreamReadPolicy: {
    params: ['StreamName'],
    statements: [
      { actions: ['kinesis:ListStreams', 'kinesis:DescribeLimits'], resources: [`${REGIONAL('kinesis')}:stream/*`] },
      { actions: ['kinesis:DescribeStream', 'kinesis:DescribeStreamSummary', 'kinesis:GetRecords', 'kinesis:GetShardIterator'], resources: [`${REGIONAL('kinesis')}:stream/\${StreamName}`] },
    ],
  },
  EventBridgePutEventsPolicy: {
    params: ['EventBusName'],
    statements: [{ actions: ['events:PutEvents'], resources: [`${REGIONAL('events')}:event-bus/\${EventBusName}`] }],
  },
  StepFunctionsExecutionPolicy: {
    params: ['StateMachineName'],
    statements: [{ actions: ['states:StartExecution'], resources: [`${REGIONAL('states')}:stateMachine:\${StateMachineName}`] }],
  },
  SSMParameterReadPolicy: {
    params: ['ParameterName'],
    statements: [
      { actions: ['ssm:DescribeParameters'], resources: ['*'] },
      { actions: ['ssm:GetParameters', 'ssm:GetParameter', 'ssm:GetParametersByPath'], resources: [`${REGIONAL('ssm')}:parameter/\${ParameterName}`] },
    ],
  },
  CloudWatchPutMetricPolicy: { params: [], statements: [{ actions: ['cloudwatch:PutMetricData'], resources: ['*'] }] },
  EC2DescribePolicy: { params: [], statements: [{ actions: ['ec2:DescribeRegions', 'ec2:DescribeInstances'], resources: ['*'] }] },
};

export interface ManagedPolicy {
  /** True when `statements` is everything the policy grants; false when it may grant more (unknown beyond). */
  readonly exhaustive: boolean;
  readonly statements: readonly PolicyRow[];
}

/** AWS managed policies by name, from the AWS Managed Policy Reference. */
export const AWS_MANAGED_POLICIES: Readonly<Record<string, ManagedPolicy>> = {
  AWSLambdaBasicExecutionRole: { exhaustive: true, statements: [{ actions: LOGS, resources: ['*'] }] },
  AWSLambdaVPCAccessExecutionRole: {
    exhaustive: true,
    statements: [{ actions: [...LOGS, ...ENI, 'ec2:DescribeSubnets'], resources: ['*'] }],
  },
  AWSLambdaENIManagementAccess: { exhaustive: true, statements: [{ actions: ENI, resources: ['*'] }] },
  AWSLambdaSQSQueueExecutionRole: {
    exhaustive: true,
    statements: [{ actions: [...LOGS, 'sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes'], resources: ['*'] }],
  },
  AWSLambdaKinesisExecutionRole: {
    exhaustive: true,
    statements: [{
      actions: [...LOGS, 'kinesis:DescribeStream', 'kinesis:DescribeStreamSummary', 'kinesis:GetRecords', 'kinesis:GetShardIterator', 'kinesis:ListShards', 'kinesis:ListStreams', 'kinesis:SubscribeToShard'],
      resources: ['*'],
    }],
  },
  AWSLambdaDynamoDBExecutionRole: {
    exhaustive: true,
    statements: [{ actions: [...LOGS, 'dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:ListStreams'], resources: ['*'] }],
  },
  AWSXrayWriteOnlyAccess: {
    exhaustive: true,
    statements: [{ actions: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords', 'xray:GetSamplingRules', 'xray:GetSamplingTargets', 'xray:GetSamplingStatisticSummaries'], resources: ['*'] }],
  },
  AWSXRayDaemonWriteAccess: {
    exhaustive: true,
    statements: [{ actions: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords', 'xray:GetSamplingRules', 'xray:GetSamplingTargets', 'xray:GetSamplingStatisticSummaries'], resources: ['*'] }],
  },
  AdministratorAccess: { exhaustive: true, statements: [{ actions: ['*'], resources: ['*'] }] },
  AmazonS3FullAccess: { exhaustive: true, statements: [{ actions: ['s3:*', 's3-object-lambda:*'], resources: ['*'] }] },
  AmazonS3ReadOnlyAccess: {
    exhaustive: true,
    statements: [{ actions: ['s3:Get*', 's3:List*', 's3:Describe*', 's3-object-lambda:Get*', 's3-object-lambda:List*'], resources: ['*'] }],
  },
  AmazonSQSFullAccess: { exhaustive: true, statements: [{ actions: ['sqs:*'], resources: ['*'] }] },
  AmazonSNSFullAccess: { exhaustive: false, statements: [{ actions: ['sns:*'], resources: ['*'] }] },
  AmazonDynamoDBFullAccess: { exhaustive: false, statements: [{ actions: ['dynamodb:*'], resources: ['*'] }] },
  SecretsManagerReadWrite: { exhaustive: false, statements: [{ actions: ['secretsmanager:*'], resources: ['*'] }] },
};

/** Managed policies that give a function in a VPC what it needs to manage its network interfaces. */
export const VPC_ACCESS_MANAGED_POLICIES = ['AWSLambdaVPCAccessExecutionRole', 'AWSLambdaENIManagementAccess'] as const;

/** The actions Lambda needs on a function's execution role to attach it to a VPC. */
export const ENI_ACTIONS = ['ec2:CreateNetworkInterface', 'ec2:DescribeNetworkInterfaces', 'ec2:DeleteNetworkInterface'] as const;
