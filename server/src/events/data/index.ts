/**
 * Every sample-event data file, listed explicitly so esbuild bundles them (nothing is read from disk
 * at run time). A test checks this list against the folder.
 */
import albRequest from './alb-request.json';
import apigatewayAuthorizerRequest from './apigateway-authorizer-request.json';
import apigatewayAuthorizerToken from './apigateway-authorizer-token.json';
import apigatewayAwsProxy from './apigateway-aws-proxy.json';
import apigatewayHttpApiAuthorizer from './apigateway-http-api-authorizer.json';
import apigatewayHttpApiProxy from './apigateway-http-api-proxy.json';
import apigatewayWebsocketConnect from './apigateway-websocket-connect.json';
import apigatewayWebsocketMessage from './apigateway-websocket-message.json';
import auroraMysqlInvoke from './aurora-mysql-invoke.json';
import cloudformationCustomResourceCreate from './cloudformation-custom-resource-create.json';
import cloudformationCustomResourceDelete from './cloudformation-custom-resource-delete.json';
import cloudformationCustomResourceUpdate from './cloudformation-custom-resource-update.json';
import cloudfrontOriginRequest from './cloudfront-origin-request.json';
import cloudfrontOriginResponse from './cloudfront-origin-response.json';
import cloudfrontViewerRequest from './cloudfront-viewer-request.json';
import cloudfrontViewerResponse from './cloudfront-viewer-response.json';
import cloudwatchAlarm from './cloudwatch-alarm.json';
import cloudwatchLogsSubscription from './cloudwatch-logs-subscription.json';
import codecommitPush from './codecommit-push.json';
import codepipelineJob from './codepipeline-job.json';
import cognitoCreateAuthChallenge from './cognito-create-auth-challenge.json';
import cognitoCustomMessage from './cognito-custom-message.json';
import cognitoDefineAuthChallenge from './cognito-define-auth-challenge.json';
import cognitoPostAuthentication from './cognito-post-authentication.json';
import cognitoPostConfirmation from './cognito-post-confirmation.json';
import cognitoPreAuthentication from './cognito-pre-authentication.json';
import cognitoPreSignup from './cognito-pre-signup.json';
import cognitoPreTokenGeneration from './cognito-pre-token-generation.json';
import cognitoUserMigration from './cognito-user-migration.json';
import cognitoVerifyAuthChallengeResponse from './cognito-verify-auth-challenge-response.json';
import configRuleChange from './config-rule-change.json';
import configRulePeriodic from './config-rule-periodic.json';
import documentdbChangeStream from './documentdb-change-stream.json';
import dynamodbStreamInsert from './dynamodb-stream-insert.json';
import dynamodbStreamModify from './dynamodb-stream-modify.json';
import dynamodbStreamRemove from './dynamodb-stream-remove.json';
import eventbridgeCustomEvent from './eventbridge-custom-event.json';
import eventbridgeScheduledEvent from './eventbridge-scheduled-event.json';
import eventbridgeScheduler from './eventbridge-scheduler.json';
import firehoseTransform from './firehose-transform.json';
import iotRule from './iot-rule.json';
import kinesisGetRecords from './kinesis-get-records.json';
import lambdaFunctionUrl from './lambda-function-url.json';
import mqActivemq from './mq-activemq.json';
import mqRabbitmq from './mq-rabbitmq.json';
import mskRecord from './msk-record.json';
import rdsEventNotification from './rds-event-notification.json';
import rdsPostgresqlInvoke from './rds-postgresql-invoke.json';
import s3BatchOperations from './s3-batch-operations.json';
import s3Delete from './s3-delete.json';
import s3Put from './s3-put.json';
import secretsmanagerRotation from './secretsmanager-rotation.json';
import selfManagedKafkaRecord from './self-managed-kafka-record.json';
import sesReceipt from './ses-receipt.json';
import snsNotification from './sns-notification.json';
import sqsReceiveMessageFifo from './sqs-receive-message-fifo.json';
import sqsReceiveMessage from './sqs-receive-message.json';

/** The raw data files, validated and typed by `../catalogue`. */
export const EVENT_DATA: readonly unknown[] = [
  albRequest,
  apigatewayAuthorizerRequest,
  apigatewayAuthorizerToken,
  apigatewayAwsProxy,
  apigatewayHttpApiAuthorizer,
  apigatewayHttpApiProxy,
  apigatewayWebsocketConnect,
  apigatewayWebsocketMessage,
  auroraMysqlInvoke,
  cloudformationCustomResourceCreate,
  cloudformationCustomResourceDelete,
  cloudformationCustomResourceUpdate,
  cloudfrontOriginRequest,
  cloudfrontOriginResponse,
  cloudfrontViewerRequest,
  cloudfrontViewerResponse,
  cloudwatchAlarm,
  cloudwatchLogsSubscription,
  codecommitPush,
  codepipelineJob,
  cognitoCreateAuthChallenge,
  cognitoCustomMessage,
  cognitoDefineAuthChallenge,
  cognitoPostAuthentication,
  cognitoPostConfirmation,
  cognitoPreAuthentication,
  cognitoPreSignup,
  cognitoPreTokenGeneration,
  cognitoUserMigration,
  cognitoVerifyAuthChallengeResponse,
  configRuleChange,
  configRulePeriodic,
  documentdbChangeStream,
  dynamodbStreamInsert,
  dynamodbStreamModify,
  dynamodbStreamRemove,
  eventbridgeCustomEvent,
  eventbridgeScheduledEvent,
  eventbridgeScheduler,
  firehoseTransform,
  iotRule,
  kinesisGetRecords,
  lambdaFunctionUrl,
  mqActivemq,
  mqRabbitmq,
  mskRecord,
  rdsEventNotification,
  rdsPostgresqlInvoke,
  s3BatchOperations,
  s3Delete,
  s3Put,
  secretsmanagerRotation,
  selfManagedKafkaRecord,
  sesReceipt,
  snsNotification,
  sqsReceiveMessageFifo,
  sqsReceiveMessage,
];
