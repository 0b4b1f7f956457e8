/**
 * Every AWS number Lambda Lens checks against, in one table. AWS changes these (the asynchronous
 * payload went from 256 KB to 1 MB in 2025); change them here and nowhere else.
 * Sources: https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html,
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/cloudformation-limits.html.
 */

export const LAMBDA_QUOTAS_URL = 'https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html';
/** "Configure Lambda function timeout": 900 s, and 5,400 s on Lambda Managed Instances for some invocations. */
export const LAMBDA_TIMEOUT_URL = 'https://docs.aws.amazon.com/lambda/latest/dg/configuration-timeout.html';
/** Lambda Managed Instances best practices: "The minimum supported function size is 2 GB and 1 vCPU". */
export const MANAGED_INSTANCES_URL = 'https://docs.aws.amazon.com/lambda/latest/dg/lambda-managed-instances-best-practices.html';
export const CLOUDFORMATION_QUOTAS_URL = 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/cloudformation-limits.html';

export const QUOTAS = {
  /** Function memory, MB, in steps of memoryStepMb. */
  memoryMb: { min: 128, max: 10_240 },
  /** Memory is set in whole steps of this many MB. */
  memoryStepMb: 1,
  /**
   * Memory of Lambda Managed Instances functions (a CapacityProviderConfig), MB: at least 2 GB
   * (MANAGED_INSTANCES_URL), at most 32 GB (the MemorySize range of the CreateFunction API).
   */
  managedInstancesMemoryMb: { min: 2_048, max: 32_768 },
  /** Function timeout, seconds. */
  timeoutSeconds: { min: 1, max: 900 },
  /**
   * Timeout of a Lambda Managed Instances function invoked only asynchronously or by event source
   * mappings other than Amazon MQ and DocumentDB, seconds (90 minutes; LAMBDA_TIMEOUT_URL).
   * Synchronous invocations keep timeoutSeconds.
   */
  managedInstancesTimeoutSeconds: { min: 1, max: 5_400 },
  /** Default Timeout when a function does not set one, seconds. */
  defaultTimeoutSeconds: 3,
  /** Default MemorySize when a function does not set one, MB. */
  defaultMemoryMb: 128,
  /** /tmp (EphemeralStorage.Size), MB. */
  ephemeralStorageMb: { min: 512, max: 10_240 },
  /** Default EphemeralStorage.Size when a function does not set one, MB. */
  defaultEphemeralStorageMb: 512,
  /** Architectures when a function names none. */
  defaultArchitectures: ['x86_64'],
  /** Sum of UTF-8 bytes of all environment variable keys and values. */
  environmentBytes: 4_096,
  /** Share of environmentBytes at which a warning is raised. */
  environmentWarnRatio: 0.9,
  /** Layers per function. */
  layersPerFunction: 5,
  /** Unzipped deployment package including layers, bytes (250 MB). */
  unzippedPackageBytes: 262_144_000,
  /** Container image code package, uncompressed with all its layers, bytes (10 GB). */
  containerImageBytes: 10 * 1024 ** 3,
  /** Zipped deployment package for direct upload, bytes (50 MB). */
  zippedDirectUploadBytes: 52_428_800,
  /** Largest package the console code editor opens, bytes (3 MB). */
  consoleEditorBytes: 3_145_728,
  /** Executions that must stay unreserved in an account. */
  unreservedConcurrencyMin: 100,
  /** Default account concurrency limit when the user does not set one. */
  defaultAccountConcurrency: 1_000,
  /** Total code storage per region, bytes (75 GB). */
  codeStorageBytes: 75 * 1024 ** 3,
  /** Invocation payloads, bytes. */
  syncPayloadBytes: 6 * 1024 * 1024,
  asyncPayloadBytes: 1024 * 1024,
  /** Name lengths. */
  functionNameMax: 64,
  descriptionMax: 256,
  handlerMax: 128,
} as const;

export const CLOUDFORMATION_QUOTAS = {
  /** Template body passed directly (not through S3), bytes. */
  templateBodyBytes: 51_200,
  /** Template stored in S3, bytes. */
  templateS3Bytes: 1_048_576,
  resources: 500,
  parameters: 200,
  outputs: 200,
  mappings: 200,
} as const;

/**
 * Lambda environment variable naming, from
 * https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html (key pattern in the
 * Environment API reference; reserved keys in "Defined runtime environment variables").
 */
export const LAMBDA_ENVIRONMENT = {
  keyPattern: /^[a-zA-Z][a-zA-Z0-9_]+$/,
  reservedKeys: [
    'AWS_REGION',
    'AWS_DEFAULT_REGION',
    'AWS_EXECUTION_ENV',
    'AWS_LAMBDA_FUNCTION_NAME',
    'AWS_LAMBDA_FUNCTION_MEMORY_SIZE',
    'AWS_LAMBDA_FUNCTION_VERSION',
    'AWS_LAMBDA_INITIALIZATION_TYPE',
    'AWS_LAMBDA_LOG_GROUP_NAME',
    'AWS_LAMBDA_LOG_STREAM_NAME',
    'AWS_ACCESS_KEY',
    'AWS_ACCESS_KEY_ID',
    'AWS_SECRET_ACCESS_KEY',
    'AWS_SESSION_TOKEN',
    'AWS_LAMBDA_RUNTIME_API',
    'LAMBDA_TASK_ROOT',
    'LAMBDA_RUNTIME_DIR',
    '_HANDLER',
    '_X_AMZN_TRACE_ID',
  ],
} as const;

/**
 * Function property shapes from the Lambda API reference
 * (https://docs.aws.amazon.com/lambda/latest/api/API_CreateFunction.html): the characters a
 * function name may use, and the runtimes whose inline code (Code.ZipFile / InlineCode) CloudFormation
 * packages (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-lambda-function-code.html).
 */
export const LAMBDA_SHAPES = {
  functionNamePattern: /^[a-zA-Z0-9_-]+$/,
  inlineCodeRuntimes: /^(nodejs|python)/,
} as const;

/**
 * Lambda in a VPC. Source: https://docs.aws.amazon.com/lambda/latest/dg/configuration-vpc.html
 * ("we recommend that you choose at least two subnets" in different Availability Zones for high availability).
 */
export const VPC_QUOTAS = {
  /** Availability Zones a VPC function's subnets should span. */
  recommendedAvailabilityZones: 2,
} as const;

/**
 * RDS Proxy: the port a proxy listens on for each engine family (fixed per family, not configurable).
 * Source: https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/rds-proxy-network-prereqs.html
 */
export const RDS_PROXY_QUOTAS = {
  portByEngineFamily: { MYSQL: 3_306, POSTGRESQL: 5_432, SQLSERVER: 1_433 },
  /** At or below this reserved concurrency a function's own connections stay few enough to go without a proxy. */
  directConnectionMaxConcurrency: 10,
} as const;

/**
 * Triggers: SQS, stream and schedule settings, API Gateway integration timeouts, log subscriptions.
 * Sources: https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-configure.html,
 * https://docs.aws.amazon.com/lambda/latest/dg/with-kinesis.html,
 * https://docs.aws.amazon.com/lambda/latest/API/API_CreateEventSourceMapping.html,
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html,
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/cloudwatch_limits_cwl.html.
 */
export const EVENT_QUOTAS = {
  /** SQS queue VisibilityTimeout when the queue does not set one, seconds. */
  sqsDefaultVisibilitySeconds: 30,
  /** Largest SQS VisibilityTimeout, seconds (12 hours). */
  sqsMaxVisibilitySeconds: 43_200,
  /** AWS guidance: queue visibility timeout at least this many times the function timeout. */
  sqsVisibilityTimeoutFactor: 6,
  /** SQS BatchSize bounds (standard queues). */
  sqsBatchSize: { min: 1, max: 10_000 },
  /**
   * ScalingConfig.MaximumConcurrency of an SQS event source mapping: concurrent invocations it may
   * drive. Source: https://docs.aws.amazon.com/lambda/latest/api/API_ScalingConfig.html.
   */
  sqsMaximumConcurrency: { min: 2, max: 1_000 },
  /** Default SQS BatchSize, and the most a FIFO queue or a mapping without a batching window may take. */
  sqsUnbatchedMax: 10,
  /** The shortest MaximumBatchingWindowInSeconds that allows a BatchSize above sqsUnbatchedMax, seconds. */
  sqsBatchingWindowMinSeconds: 1,
  /** Kinesis / DynamoDB Streams settings. */
  streamBatchSize: { min: 1, max: 10_000 },
  parallelizationFactor: { min: 1, max: 10 },
  maximumRetryAttempts: { min: -1, max: 10_000 },
  /** MaximumRecordAgeInSeconds: `maximumRecordAgeInfinite` or this range. */
  maximumRecordAgeSeconds: { min: 60, max: 604_800 },
  /** The MaximumRecordAgeInSeconds value that means no limit. */
  maximumRecordAgeInfinite: -1,
  tumblingWindowSeconds: { min: 0, max: 900 },
  maximumBatchingWindowSeconds: { min: 0, max: 300 },
  /** API Gateway REST integration timeout (raisable by quota request for regional and private APIs), seconds. */
  restApiIntegrationTimeoutSeconds: 29,
  /** HTTP API integration timeout (hard limit), seconds. */
  httpApiIntegrationTimeoutSeconds: 30,
  /** Subscription filters per log group. */
  subscriptionFiltersPerLogGroup: 2,
} as const;

/**
 * Lambda@Edge. Sources: https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cloudfront-limits.html#limits-lambda-at-edge,
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/lambda-at-edge-function-restrictions.html.
 */
export const EDGE_QUOTAS = {
  /** Memory of viewer-request / viewer-response functions, MB. */
  viewerMaxMemoryMb: 128,
  /** Timeout of viewer-request / viewer-response functions, seconds. */
  viewerMaxTimeoutSeconds: 5,
  /** Timeout of origin-request / origin-response functions, seconds. */
  originMaxTimeoutSeconds: 30,
  /** Largest /tmp an edge function may have, MB. */
  maxEphemeralStorageMb: 512,
} as const;

/**
 * Runtimes Lambda SnapStart supports: these families from these versions on (runtimes.ts reads the
 * versions). Source: https://docs.aws.amazon.com/lambda/latest/dg/snapstart.html ("Supported features
 * and limitations": Java 11 and later, Python 3.12 and later, .NET 8 and later).
 */
export const SNAPSTART_RUNTIMES = {
  url: 'https://docs.aws.amazon.com/lambda/latest/dg/snapstart.html',
  minimumVersions: { java: [11], python: [3, 12], dotnet: [8] },
} as const;

/**
 * Durable functions (DurableConfig). Source: https://docs.aws.amazon.com/lambda/latest/api/API_DurableConfig.html.
 */
export const DURABLE_QUOTAS = {
  url: 'https://docs.aws.amazon.com/lambda/latest/api/API_DurableConfig.html',
  /** ExecutionTimeout: how long one durable execution may run in total, seconds (up to 366 days). */
  executionTimeoutSeconds: { min: 1, max: 31_622_400 },
  /** RetentionPeriodInDays: how long the execution history is kept after it ends. */
  retentionPeriodDays: { min: 1, max: 90 },
} as const;

/**
 * Lambda advanced logging controls (LoggingConfig): log levels apply to JSON logs only.
 * Source: https://docs.aws.amazon.com/lambda/latest/dg/monitoring-cloudwatchlogs-log-level.html
 * and https://docs.aws.amazon.com/lambda/latest/api/API_LoggingConfig.html.
 */
export const LOGGING_CONFIG = {
  url: 'https://docs.aws.amazon.com/lambda/latest/dg/monitoring-cloudwatchlogs-log-level.html',
  /** LogFormat when LoggingConfig does not set one. */
  defaultLogFormat: 'Text',
  /** The only LogFormat that takes log levels. */
  levelsNeed: 'JSON',
  applicationLogLevels: ['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR', 'FATAL'],
  systemLogLevels: ['DEBUG', 'INFO', 'WARN'],
} as const;
