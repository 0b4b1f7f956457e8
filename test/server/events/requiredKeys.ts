/**
 * The keys each event type must carry, from the AWS documentation page of that event (the `docs` link of
 * each data file): a path, or a path with the value AWS always sends there.
 */
import type { Json } from '../../../server/src/events/catalogue';

export type Required = string | [string, Json];

/** Reads a dotted path (`Records.0.s3.bucket.name`); a dot inside a key is written `\\.`. */
export function at(value: Json | undefined, path: string): Json | undefined {
  let v: Json | undefined = value;
  for (const part of path.split(/(?<!\\)\./).map((p) => p.replace(/\\\./g, '.'))) {
    if (v === null || typeof v !== 'object') return undefined;
    v = Array.isArray(v) ? v[Number(part)] : v[part];
  }
  return v;
}

const cognito = (trigger: string, request: string[], response: string[]): Required[] => [
  ['version', '1'],
  ['triggerSource', trigger],
  'region',
  'userPoolId',
  'userName',
  'callerContext.clientId',
  'callerContext.awsSdkVersion',
  ...request.map((k) => `request.${k}`),
  'response',
  ...response.map((k) => `response.${k}`),
];

const cloudfront = (eventType: string, extra: string[]): Required[] => [
  ['Records.0.cf.config.eventType', eventType],
  'Records.0.cf.config.distributionId',
  'Records.0.cf.config.distributionDomainName',
  'Records.0.cf.config.requestId',
  'Records.0.cf.request.clientIp',
  'Records.0.cf.request.headers.host.0.value',
  'Records.0.cf.request.method',
  'Records.0.cf.request.querystring',
  'Records.0.cf.request.uri',
  ...extra,
];

const dynamodb = (name: string, images: string[]): Required[] => [
  ['Records.0.eventName', name],
  ['Records.0.eventSource', 'aws:dynamodb'],
  'Records.0.eventID',
  'Records.0.eventVersion',
  'Records.0.awsRegion',
  'Records.0.eventSourceARN',
  'Records.0.dynamodb.Keys',
  'Records.0.dynamodb.SequenceNumber',
  'Records.0.dynamodb.SizeBytes',
  'Records.0.dynamodb.StreamViewType',
  'Records.0.dynamodb.ApproximateCreationDateTime',
  ...images.map((i) => `Records.0.dynamodb.${i}`),
];

const s3: Required[] = [
  ['Records.0.eventSource', 'aws:s3'],
  'Records.0.eventVersion',
  'Records.0.awsRegion',
  'Records.0.eventTime',
  'Records.0.userIdentity.principalId',
  'Records.0.requestParameters.sourceIPAddress',
  'Records.0.s3.s3SchemaVersion',
  'Records.0.s3.bucket.name',
  'Records.0.s3.bucket.arn',
  'Records.0.s3.object.key',
  'Records.0.s3.object.sequencer',
];

const sqs: Required[] = [
  'Records.0.messageId',
  'Records.0.receiptHandle',
  'Records.0.body',
  'Records.0.attributes.ApproximateReceiveCount',
  'Records.0.attributes.SentTimestamp',
  'Records.0.attributes.SenderId',
  'Records.0.attributes.ApproximateFirstReceiveTimestamp',
  'Records.0.messageAttributes',
  'Records.0.md5OfBody',
  ['Records.0.eventSource', 'aws:sqs'],
  'Records.0.eventSourceARN',
  'Records.0.awsRegion',
];

const sns: Required[] = [
  ['Records.0.EventSource', 'aws:sns'],
  'Records.0.EventVersion',
  'Records.0.EventSubscriptionArn',
  ['Records.0.Sns.Type', 'Notification'],
  'Records.0.Sns.MessageId',
  'Records.0.Sns.TopicArn',
  'Records.0.Sns.Subject',
  'Records.0.Sns.Message',
  'Records.0.Sns.Timestamp',
  'Records.0.Sns.SignatureVersion',
  'Records.0.Sns.Signature',
  'Records.0.Sns.SigningCertUrl',
  'Records.0.Sns.UnsubscribeUrl',
];

const http2: Required[] = [
  ['version', '2.0'],
  'routeKey',
  'rawPath',
  'rawQueryString',
  'headers',
  'requestContext.accountId',
  'requestContext.apiId',
  'requestContext.domainName',
  'requestContext.http.method',
  'requestContext.http.path',
  'requestContext.http.sourceIp',
  'requestContext.requestId',
  'requestContext.stage',
  'requestContext.time',
  'requestContext.timeEpoch',
  'isBase64Encoded',
];

const kafka = (source: string): Required[] => [
  ['eventSource', source],
  'bootstrapServers',
  'records',
];

const customResource = (type: string, extra: string[]): Required[] => [
  ['RequestType', type],
  'ServiceToken',
  'ResponseURL',
  'StackId',
  'RequestId',
  'LogicalResourceId',
  'ResourceType',
  'ResourceProperties.ServiceToken',
  ...extra,
];

const configRule: Required[] = ['invokingEvent', 'ruleParameters', 'resultToken', 'eventLeftScope', 'executionRoleArn', 'configRuleArn', 'configRuleName', 'configRuleId', 'accountId', 'version'];

const websocket: Required[] = [
  'requestContext.routeKey',
  'requestContext.eventType',
  'requestContext.connectionId',
  'requestContext.requestId',
  'requestContext.domainName',
  'requestContext.stage',
  'requestContext.apiId',
  'requestContext.connectedAt',
  'isBase64Encoded',
];

/** Documented keys per event id; a test fails for an event without an entry. */
export const REQUIRED_KEYS: Readonly<Record<string, readonly Required[]>> = {
  'alb-request': ['requestContext.elb.targetGroupArn', 'httpMethod', 'path', 'queryStringParameters', 'headers', 'body', ['isBase64Encoded', false]],
  'apigateway-authorizer-request': [['type', 'REQUEST'], 'methodArn', 'resource', 'path', 'httpMethod', 'headers', 'queryStringParameters', 'pathParameters', 'stageVariables', 'requestContext.requestId'],
  'apigateway-authorizer-token': [['type', 'TOKEN'], 'authorizationToken', 'methodArn'],
  'apigateway-aws-proxy': [
    'resource', 'path', 'httpMethod', 'headers', 'multiValueHeaders', 'queryStringParameters', 'multiValueQueryStringParameters',
    'pathParameters', 'requestContext.accountId', 'requestContext.apiId', 'requestContext.httpMethod', 'requestContext.identity.sourceIp',
    'requestContext.requestId', 'requestContext.requestTime', 'requestContext.requestTimeEpoch', 'requestContext.resourcePath',
    'requestContext.stage', 'body', ['isBase64Encoded', false],
  ],
  'apigateway-http-api-authorizer': [['version', '2.0'], ['type', 'REQUEST'], 'routeArn', 'identitySource.0', 'routeKey', 'rawPath', 'headers', 'requestContext.http.method', 'requestContext.requestId'],
  'apigateway-http-api-proxy': [...http2, 'body'],
  'apigateway-websocket-connect': [...websocket, ['requestContext.eventType', 'CONNECT'], ['requestContext.routeKey', '$connect'], 'headers'],
  'apigateway-websocket-message': [...websocket, ['requestContext.eventType', 'MESSAGE'], 'requestContext.messageId', 'body'],
  'aurora-mysql-invoke': ['operation', 'table', 'row.id'],
  'cloudformation-custom-resource-create': customResource('Create', []),
  'cloudformation-custom-resource-delete': customResource('Delete', ['PhysicalResourceId']),
  'cloudformation-custom-resource-update': customResource('Update', ['PhysicalResourceId', 'OldResourceProperties']),
  'cloudfront-origin-request': cloudfront('origin-request', ['Records.0.cf.request.origin.s3.domainName']),
  'cloudfront-origin-response': cloudfront('origin-response', ['Records.0.cf.response.status', 'Records.0.cf.response.statusDescription', 'Records.0.cf.response.headers']),
  'cloudfront-viewer-request': cloudfront('viewer-request', []),
  'cloudfront-viewer-response': cloudfront('viewer-response', ['Records.0.cf.response.status', 'Records.0.cf.response.statusDescription', 'Records.0.cf.response.headers']),
  'cloudwatch-alarm': [['source', 'aws.cloudwatch'], 'alarmArn', 'accountId', 'time', 'region', 'alarmData.alarmName', 'alarmData.state.value', 'alarmData.state.reason', 'alarmData.previousState.value', 'alarmData.configuration.metrics.0.id'],
  'cloudwatch-logs-subscription': ['awslogs.data'],
  'codecommit-push': [['Records.0.eventSource', 'aws:codecommit'], 'Records.0.codecommit.references.0.commit', 'Records.0.codecommit.references.0.ref', 'Records.0.eventSourceARN', 'Records.0.eventTime', 'Records.0.eventTriggerName', 'Records.0.userIdentityARN', 'Records.0.awsRegion'],
  'codepipeline-job': [
    'CodePipeline\\.job.id', 'CodePipeline\\.job.accountId', 'CodePipeline\\.job.data.actionConfiguration.configuration.FunctionName',
    'CodePipeline\\.job.data.actionConfiguration.configuration.UserParameters', 'CodePipeline\\.job.data.inputArtifacts.0.location.s3Location.bucketName',
    'CodePipeline\\.job.data.outputArtifacts', 'CodePipeline\\.job.data.artifactCredentials.accessKeyId',
  ],
  'cognito-create-auth-challenge': cognito('CreateAuthChallenge_Authentication', ['userAttributes', 'challengeName', 'session', 'userNotFound'], ['publicChallengeParameters', 'privateChallengeParameters', 'challengeMetadata']),
  'cognito-custom-message': cognito('CustomMessage_SignUp', ['userAttributes', 'codeParameter', 'usernameParameter'], ['smsMessage', 'emailMessage', 'emailSubject']),
  'cognito-define-auth-challenge': cognito('DefineAuthChallenge_Authentication', ['userAttributes', 'session.0.challengeName', 'session.0.challengeResult', 'userNotFound'], ['challengeName', 'issueTokens', 'failAuthentication']),
  'cognito-post-authentication': cognito('PostAuthentication_Authentication', ['userAttributes', 'newDeviceUsed'], []),
  'cognito-post-confirmation': cognito('PostConfirmation_ConfirmSignUp', ['userAttributes'], []),
  'cognito-pre-authentication': cognito('PreAuthentication_Authentication', ['userAttributes', 'validationData', 'userNotFound'], []),
  'cognito-pre-signup': cognito('PreSignUp_SignUp', ['userAttributes', 'validationData'], ['autoConfirmUser', 'autoVerifyEmail', 'autoVerifyPhone']),
  'cognito-pre-token-generation': cognito('TokenGeneration_HostedAuth', ['userAttributes', 'groupConfiguration.groupsToOverride', 'groupConfiguration.iamRolesToOverride', 'groupConfiguration.preferredRole'], ['claimsOverrideDetails']),
  'cognito-user-migration': cognito('UserMigration_Authentication', ['password', 'validationData'], ['userAttributes', 'finalUserStatus', 'messageAction', 'desiredDeliveryMediums', 'forceAliasCreation']),
  'cognito-verify-auth-challenge-response': cognito('VerifyAuthChallengeResponse_Authentication', ['userAttributes', 'privateChallengeParameters', 'challengeAnswer', 'userNotFound'], ['answerCorrect']),
  'config-rule-change': configRule,
  'config-rule-periodic': configRule,
  'documentdb-change-stream': [['eventSource', 'aws:docdb'], 'eventSourceArn', 'events.0.event._id', 'events.0.event.clusterTime', 'events.0.event.documentKey', 'events.0.event.ns.db', 'events.0.event.ns.coll', 'events.0.event.operationType'],
  'dynamodb-stream-insert': dynamodb('INSERT', ['NewImage']),
  'dynamodb-stream-modify': dynamodb('MODIFY', ['NewImage', 'OldImage']),
  'dynamodb-stream-remove': dynamodb('REMOVE', ['OldImage']),
  'eventbridge-custom-event': [['version', '0'], 'id', 'detail-type', 'source', 'account', 'time', 'region', 'resources', 'detail'],
  'eventbridge-scheduled-event': [['version', '0'], 'id', ['detail-type', 'Scheduled Event'], ['source', 'aws.events'], 'account', 'time', 'region', 'resources.0', ['detail', {}]],
  'eventbridge-scheduler': ['scheduleArn', 'scheduledTime', 'executionId', 'attemptNumber'],
  'firehose-transform': ['invocationId', 'deliveryStreamArn', 'region', 'records.0.recordId', 'records.0.approximateArrivalTimestamp', 'records.0.data'],
  'iot-rule': ['topic', 'clientId', 'timestamp'],
  'kinesis-get-records': [
    ['Records.0.eventSource', 'aws:kinesis'], ['Records.0.eventName', 'aws:kinesis:record'], 'Records.0.eventID', 'Records.0.eventVersion',
    'Records.0.invokeIdentityArn', 'Records.0.awsRegion', 'Records.0.eventSourceARN', 'Records.0.kinesis.kinesisSchemaVersion',
    'Records.0.kinesis.partitionKey', 'Records.0.kinesis.sequenceNumber', 'Records.0.kinesis.data', 'Records.0.kinesis.approximateArrivalTimestamp',
  ],
  'lambda-function-url': [...http2, ['routeKey', '$default'], 'body'],
  'mq-activemq': [['eventSource', 'aws:mq'], 'eventSourceArn', 'messages.0.messageID', 'messages.0.messageType', 'messages.0.data', 'messages.0.destination.physicalName', 'messages.0.timestamp'],
  'mq-rabbitmq': [['eventSource', 'aws:rmq'], 'eventSourceArn', 'rmqMessagesByQueue'],
  'msk-record': [...kafka('aws:kafka'), 'eventSourceArn'],
  'rds-event-notification': sns,
  'rds-postgresql-invoke': ['operation', 'table', 'row.id'],
  's3-batch-operations': [['invocationSchemaVersion', '1.0'], 'invocationId', 'job.id', 'tasks.0.taskId', 'tasks.0.s3Key', 'tasks.0.s3VersionId', 'tasks.0.s3BucketArn'],
  's3-delete': [...s3, ['Records.0.eventName', 'ObjectRemoved:Delete']],
  's3-put': [...s3, ['Records.0.eventName', 'ObjectCreated:Put'], 'Records.0.s3.object.size', 'Records.0.s3.object.eTag'],
  'secretsmanager-rotation': ['SecretId', 'ClientRequestToken', ['Step', 'createSecret']],
  'self-managed-kafka-record': kafka('SelfManagedKafka'),
  'ses-receipt': [['Records.0.eventSource', 'aws:ses'], 'Records.0.ses.mail.messageId', 'Records.0.ses.mail.source', 'Records.0.ses.mail.destination.0', 'Records.0.ses.mail.commonHeaders.subject', 'Records.0.ses.receipt.recipients.0', 'Records.0.ses.receipt.spamVerdict.status', ['Records.0.ses.receipt.action.type', 'Lambda']],
  'sns-notification': sns,
  'sqs-receive-message': sqs,
  'sqs-receive-message-fifo': [...sqs, 'Records.0.attributes.MessageGroupId', 'Records.0.attributes.MessageDeduplicationId', 'Records.0.attributes.SequenceNumber'],
};
