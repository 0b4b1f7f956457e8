/**
 * What a hover says about each property a rule checks: the limit or rule in one sentence (numbers from
 * the quota table), the rules involved, and the AWS documentation.
 */
import { LIMIT_TEXT } from '../measure/format';
import { CLOUDFORMATION_QUOTAS, CLOUDFORMATION_QUOTAS_URL, DURABLE_QUOTAS, EDGE_QUOTAS, EVENT_QUOTAS, LAMBDA_QUOTAS_URL, LAMBDA_TIMEOUT_URL, LOGGING_CONFIG, MANAGED_INSTANCES_URL, QUOTAS, RDS_PROXY_QUOTAS, SNAPSTART_RUNTIMES } from '../quotas';
import { RUNTIME_DATA, snapStartRuntimesText } from '../runtimes';

export interface HoverEntry {
  readonly sentence: string;
  readonly rules: readonly string[];
  readonly url: string;
}

const n = (x: number) => x.toLocaleString('en-US');
const PORTS = RDS_PROXY_QUOTAS.portByEngineFamily;
const LAMBDA_CONFIG = 'https://docs.aws.amazon.com/lambda/latest/dg/configuration-function-common.html';
const VPC = 'https://docs.aws.amazon.com/lambda/latest/dg/configuration-vpc.html';
const SQS = 'https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-configure.html';
const PROXY = 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/rds-proxy.html';
const EDGE = 'https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/lambda-at-edge-function-restrictions.html';
const SCHEDULE = 'https://docs.aws.amazon.com/scheduler/latest/UserGuide/schedule-types.html';
const RUNTIMES = 'https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html';
const STREAMS = 'https://docs.aws.amazon.com/lambda/latest/dg/with-kinesis.html';

/** Keyed by property name; the hover applies wherever that key appears inside a resource or Globals. */
export const HOVERS: Readonly<Record<string, HoverEntry>> = {
  MemorySize: {
    sentence: `Lambda memory is ${n(QUOTAS.memoryMb.min)}–${n(QUOTAS.memoryMb.max)} MB in ${QUOTAS.memoryStepMb} MB steps (default ${QUOTAS.defaultMemoryMb} MB), ${n(QUOTAS.managedInstancesMemoryMb.min)}–${n(QUOTAS.managedInstancesMemoryMb.max)} MB on Lambda Managed Instances; CPU scales with it. Lambda@Edge viewer functions are limited to ${EDGE_QUOTAS.viewerMaxMemoryMb} MB.`,
    rules: ['limits/memory-size', 'edge/viewer-limits'],
    url: LAMBDA_QUOTAS_URL,
  },
  Timeout: {
    sentence: `A function runs ${QUOTAS.timeoutSeconds.min}–${n(QUOTAS.timeoutSeconds.max)} seconds at most (default ${QUOTAS.defaultTimeoutSeconds} s); on Lambda Managed Instances up to ${n(QUOTAS.managedInstancesTimeoutSeconds.max)} s when only asynchronous invocations and event source mappings (not Amazon MQ or DocumentDB) invoke it. API Gateway callers give up after ${EVENT_QUOTAS.restApiIntegrationTimeoutSeconds} s (REST) or ${EVENT_QUOTAS.httpApiIntegrationTimeoutSeconds} s (HTTP API) unless the integration is asynchronous or streams; an SQS queue's visibility timeout should be at least ${EVENT_QUOTAS.sqsVisibilityTimeoutFactor} times this.`,
    rules: ['limits/timeout', 'events/api-timeout', 'events/sqs-visibility-timeout', 'edge/viewer-limits'],
    url: LAMBDA_TIMEOUT_URL,
  },
  EphemeralStorage: {
    sentence: `/tmp is ${n(QUOTAS.ephemeralStorageMb.min)}–${n(QUOTAS.ephemeralStorageMb.max)} MB.`,
    rules: ['limits/ephemeral-storage'],
    url: LAMBDA_QUOTAS_URL,
  },
  Environment: {
    sentence: `All environment variables together (UTF-8 bytes of keys and values, Globals included) may not exceed ${n(QUOTAS.environmentBytes)} bytes; keys start with a letter, contain letters, digits and underscores, and may not be reserved names.`,
    rules: ['limits/environment-size', 'limits/environment-keys', 'security/secret-in-environment'],
    url: LAMBDA_QUOTAS_URL,
  },
  Layers: {
    sentence: `A function may use at most ${QUOTAS.layersPerFunction} layers (Globals layers count); function and layers together stay under ${LIMIT_TEXT.unzipped} unzipped.`,
    rules: ['limits/layers', 'limits/package-size'],
    url: LAMBDA_QUOTAS_URL,
  },
  ReservedConcurrentExecutions: {
    sentence: `Reserved concurrency is taken from the account limit, which must keep at least ${QUOTAS.unreservedConcurrencyMin} executions unreserved.`,
    rules: ['limits/reserved-concurrency'],
    url: 'https://docs.aws.amazon.com/lambda/latest/dg/configuration-concurrency.html',
  },
  Runtime: {
    sentence: `Runtimes are deprecated on a published schedule; after the create-block and update-block dates functions on them can no longer be created or updated. Lambda Lens's runtime data was taken on ${RUNTIME_DATA.retrieved}: a newer version of a known family is a warning, not an error.`,
    rules: ['runtime/deprecated', 'runtime/zip-needs-handler'],
    url: RUNTIMES,
  },
  Handler: {
    sentence: `A zip-packaged function needs a Handler (at most ${QUOTAS.handlerMax} characters) and a Runtime; image functions take neither.`,
    rules: ['runtime/zip-needs-handler', 'limits/names', 'limits/image-package'],
    url: LAMBDA_CONFIG,
  },
  FunctionName: {
    sentence: `Function names are at most ${QUOTAS.functionNameMax} characters of letters, digits, hyphens and underscores.`,
    rules: ['limits/names'],
    url: LAMBDA_QUOTAS_URL,
  },
  CodeUri: {
    sentence: `The deployment package is ${LIMIT_TEXT.zipped} zipped for direct upload and ${LIMIT_TEXT.unzipped} unzipped including layers.`,
    rules: ['limits/package-size'],
    url: LAMBDA_QUOTAS_URL,
  },
  InlineCode: {
    sentence: 'Inline code works only with Node.js and Python runtimes and zip packages.',
    rules: ['limits/inline-code'],
    url: LAMBDA_CONFIG,
  },
  PackageType: {
    sentence: 'Image functions take ImageUri (and optional ImageConfig) instead of Handler, Runtime and Layers.',
    rules: ['limits/image-package'],
    url: 'https://docs.aws.amazon.com/lambda/latest/dg/images-create.html',
  },
  VpcConfig: {
    sentence: 'A function in a VPC needs subnets in at least two Availability Zones, security groups, ENI permissions, and a NAT gateway or VPC endpoints to reach AWS services.',
    rules: ['vpc/incomplete-config', 'vpc/single-subnet', 'vpc/mixed-vpcs', 'vpc/eni-permissions', 'vpc/no-internet-egress'],
    url: VPC,
  },
  VisibilityTimeout: {
    sentence: `For a Lambda event source, the queue visibility timeout must be at least the function timeout; AWS recommends ${EVENT_QUOTAS.sqsVisibilityTimeoutFactor} times it.`,
    rules: ['events/sqs-visibility-timeout'],
    url: SQS,
  },
  BatchSize: {
    sentence: `SQS batches take ${n(EVENT_QUOTAS.sqsBatchSize.min)}–${n(EVENT_QUOTAS.sqsBatchSize.max)} records (above ${EVENT_QUOTAS.sqsUnbatchedMax} only with a batching window, at most ${EVENT_QUOTAS.sqsUnbatchedMax} for FIFO); streams ${n(EVENT_QUOTAS.streamBatchSize.min)}–${n(EVENT_QUOTAS.streamBatchSize.max)}.`,
    rules: ['events/sqs-batching', 'events/stream-settings'],
    url: SQS,
  },
  ScheduleExpression: {
    sentence: 'rate(N unit) (EventBridge rules: a singular unit for 1 and plural otherwise; Scheduler takes either); cron() with six fields and exactly one of day-of-month or day-of-week as ?; Scheduler also takes at().',
    rules: ['events/schedule-expression'],
    url: SCHEDULE,
  },
  Schedule: {
    sentence: 'rate(N unit) with a singular unit for 1; cron() with six fields and exactly one of day-of-month or day-of-week as ?.',
    rules: ['events/schedule-expression'],
    url: SCHEDULE,
  },
  MaximumConcurrency: {
    sentence: `An SQS event source mapping drives ${EVENT_QUOTAS.sqsMaximumConcurrency.min}–${n(EVENT_QUOTAS.sqsMaximumConcurrency.max)} concurrent invocations at most (ScalingConfig).`,
    rules: ['events/sqs-batching'],
    url: SQS,
  },
  StartingPosition: {
    sentence: 'Kinesis and DynamoDB stream triggers need a StartingPosition: TRIM_HORIZON or LATEST (Kinesis also AT_TIMESTAMP); SQS takes none.',
    rules: ['events/stream-settings', 'events/sqs-batching'],
    url: STREAMS,
  },
  ParallelizationFactor: {
    sentence: `Concurrent batches per stream shard: ${EVENT_QUOTAS.parallelizationFactor.min}–${EVENT_QUOTAS.parallelizationFactor.max}.`,
    rules: ['events/stream-settings'],
    url: STREAMS,
  },
  MaximumRecordAgeInSeconds: {
    sentence: `Records older than this are discarded: ${EVENT_QUOTAS.maximumRecordAgeInfinite} (never) or ${EVENT_QUOTAS.maximumRecordAgeSeconds.min}–${n(EVENT_QUOTAS.maximumRecordAgeSeconds.max)} seconds.`,
    rules: ['events/stream-settings'],
    url: STREAMS,
  },
  MaximumBatchingWindowInSeconds: {
    sentence: `Lambda waits up to ${EVENT_QUOTAS.maximumBatchingWindowSeconds.max} seconds to fill a batch; SQS batches above ${EVENT_QUOTAS.sqsUnbatchedMax} need at least ${EVENT_QUOTAS.sqsBatchingWindowMinSeconds} s, and FIFO queues take no window.`,
    rules: ['events/sqs-batching', 'events/stream-settings'],
    url: SQS,
  },
  ScheduleExpressionTimezone: {
    sentence: 'EventBridge Scheduler evaluates cron() and at() in this IANA time zone (e.g. Europe/Paris).',
    rules: ['events/schedule-expression'],
    url: SCHEDULE,
  },
  TimeoutInMillis: {
    sentence: `API Gateway waits ${EVENT_QUOTAS.restApiIntegrationTimeoutSeconds} s for a REST integration by default (raisable by quota request for regional and private APIs) and at most ${EVENT_QUOTAS.httpApiIntegrationTimeoutSeconds} s for an HTTP API.`,
    rules: ['events/api-timeout'],
    url: 'https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html',
  },
  CapacityProviderConfig: {
    sentence: `The function runs on Lambda Managed Instances: ${n(QUOTAS.managedInstancesMemoryMb.min)}–${n(QUOTAS.managedInstancesMemoryMb.max)} MB, up to ${n(QUOTAS.managedInstancesTimeoutSeconds.max)} s for asynchronous and event-source-mapping invocations, networking from the capacity provider (no VpcConfig), no provisioned concurrency.`,
    rules: ['limits/memory-size', 'limits/timeout', 'limits/incompatible-settings'],
    url: MANAGED_INSTANCES_URL,
  },
  FunctionScalingConfig: {
    sentence: 'Execution environments of a Lambda Managed Instances function: needs a CapacityProviderConfig.',
    rules: ['limits/incompatible-settings'],
    url: MANAGED_INSTANCES_URL,
  },
  TenancyConfig: {
    sentence: 'Tenant isolation gives each tenant id its own execution environments; it supports no provisioned concurrency, SnapStart, function URLs or triggers other than API Gateway.',
    rules: ['limits/incompatible-settings'],
    url: 'https://docs.aws.amazon.com/lambda/latest/dg/tenant-isolation.html',
  },
  SnapStart: {
    sentence: `SnapStart (ApplyOn: PublishedVersions) supports ${snapStartRuntimesText()}, and not tenant-isolated functions.`,
    rules: ['limits/incompatible-settings'],
    url: SNAPSTART_RUNTIMES.url,
  },
  VersionDeletionPolicy: {
    sentence: 'Whether the version SAM publishes for AutoPublishAlias is kept when it is replaced; needs AutoPublishAlias.',
    rules: ['limits/incompatible-settings'],
    url: 'https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-resource-function.html',
  },
  DurableConfig: {
    sentence: `A durable execution runs at most ${n(DURABLE_QUOTAS.executionTimeoutSeconds.max)} s (ExecutionTimeout) and its history is kept ${DURABLE_QUOTAS.retentionPeriodDays.min}–${DURABLE_QUOTAS.retentionPeriodDays.max} days (RetentionPeriodInDays).`,
    rules: ['limits/durable-config'],
    url: DURABLE_QUOTAS.url,
  },
  LoggingConfig: {
    sentence: `ApplicationLogLevel (${LOGGING_CONFIG.applicationLogLevels.join(', ')}) and SystemLogLevel (${LOGGING_CONFIG.systemLogLevels.join(', ')}) apply to LogFormat ${LOGGING_CONFIG.levelsNeed} only; LogFormat defaults to ${LOGGING_CONFIG.defaultLogFormat}.`,
    rules: ['limits/logging-config'],
    url: LOGGING_CONFIG.url,
  },
  IAMAuth: {
    sentence: 'With IAMAuth REQUIRED clients authenticate with IAM (rds-db:connect) over TLS while the proxy keeps the database credentials in Secrets Manager.',
    rules: ['rds-proxy/iam-auth'],
    url: PROXY,
  },
  EngineFamily: {
    sentence: 'The proxy engine family must match its target: MYSQL (mysql, mariadb, aurora-mysql), POSTGRESQL (postgres, aurora-postgresql), SQLSERVER.',
    rules: ['rds-proxy/engine-family'],
    url: PROXY,
  },
  RequireTLS: {
    sentence: 'Clients must connect to the proxy over TLS; IAM authentication (IAMAuth REQUIRED) only works with it on.',
    rules: ['rds-proxy/iam-auth'],
    url: PROXY,
  },
  VpcSubnetIds: {
    sentence: 'An RDS Proxy (or proxy endpoint) is reachable only from inside the VPC of these subnets; functions using it need subnets in that VPC.',
    rules: ['rds-proxy/vpc-mismatch', 'rds-proxy/function-not-in-vpc'],
    url: PROXY,
  },
  VpcSecurityGroupIds: {
    sentence: `The proxy's security groups must allow the engine port (MySQL ${PORTS.MYSQL}, PostgreSQL ${PORTS.POSTGRESQL}, SQL Server ${PORTS.SQLSERVER}) from the functions' security groups.`,
    rules: ['rds-proxy/security-group-ingress'],
    url: PROXY,
  },
  AssociatedRoles: {
    sentence: 'A role associated for Lambda lets the database call functions: only PostgreSQL and Aurora can, and the role needs lambda:InvokeFunction and a network path to Lambda.',
    rules: ['rds/lambda-invoke-engine', 'rds/lambda-invoke-permission'],
    url: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/PostgreSQL-Lambda.html',
  },
  EventCategories: {
    sentence: 'RDS event categories depend on the SourceType (db-instance, db-cluster, db-proxy, ...); RDS publishes only to standard, not FIFO, SNS topics.',
    rules: ['rds/event-subscription'],
    url: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_Events.Messages.html',
  },
  LambdaFunctionAssociations: {
    sentence: `Lambda@Edge takes a published version (not $LATEST or an alias); viewer triggers allow ${EDGE_QUOTAS.viewerMaxMemoryMb} MB and ${EDGE_QUOTAS.viewerMaxTimeoutSeconds} s, origin triggers ${EDGE_QUOTAS.originMaxTimeoutSeconds} s; no environment variables, VPC or layers.`,
    rules: ['edge/version-required', 'edge/viewer-limits', 'edge/unsupported-config', 'edge/role-trust'],
    url: EDGE,
  },
  AuthType: {
    sentence: 'A function URL with AuthType NONE is public: anyone with the URL can invoke the function.',
    rules: ['security/function-url-public'],
    url: 'https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html',
  },
  Principal: {
    sentence: 'A resource-based permission for a service principal should name SourceArn or SourceAccount, and never "*".',
    rules: ['security/permission-principal'],
    url: 'https://docs.aws.amazon.com/lambda/latest/dg/permissions-function-services.html',
  },
  Resources: {
    sentence: `A CloudFormation template holds at most ${CLOUDFORMATION_QUOTAS.resources} resources.`,
    rules: ['limits/template-size'],
    url: CLOUDFORMATION_QUOTAS_URL,
  },
};
