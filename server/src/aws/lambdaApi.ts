/**
 * Typed Lambda calls the features use, returning compact plain data rather than SDK shapes so the
 * explorer can hold thousands of functions cheaply. Every call takes an AbortSignal.
 */
import {
  GetAccountSettingsCommand,
  GetFunctionCommand,
  GetFunctionConcurrencyCommand,
  GetFunctionConfigurationCommand,
  GetFunctionUrlConfigCommand,
  ListAliasesCommand,
  ListEventSourceMappingsCommand,
  ListFunctionsCommand,
  ListVersionsByFunctionCommand,
  type FunctionConfiguration,
  type LambdaClient,
} from '@aws-sdk/client-lambda';
import { collectPages } from './paging';

/** What the explorer keeps of one function from ListFunctions. */
export interface FunctionSummary {
  name: string;
  arn: string;
  runtime: string | undefined;
  handler: string | undefined;
  description: string;
  memoryMb: number;
  timeoutSec: number;
  codeSizeBytes: number;
  lastModified: string | undefined;
  packageType: string;
  architectures: string[];
  role: string | undefined;
  vpc: { vpcId: string | undefined; subnetCount: number; securityGroupCount: number } | undefined;
  layers: Array<{ arn: string; codeSizeBytes: number }>;
  environmentNames: string[];
  ephemeralStorageMb: number | undefined;
  /** Where its logs go: `LoggingConfig.LogGroup`, else `/aws/lambda/<name>`. */
  logGroup: string;
}

/** One page of ListFunctions. */
export interface FunctionPage {
  functions: FunctionSummary[];
  nextMarker: string | undefined;
}

/** GetFunction without the code location (a presigned URL that must not be shown or kept). */
export interface FunctionDetails {
  configuration: FunctionConfiguration;
  reservedConcurrency: number | undefined;
  tags: Record<string, string>;
}

/** GetAccountSettings, flattened. */
export interface AccountSummary {
  concurrencyLimit: number | undefined;
  unreservedConcurrency: number | undefined;
  codeStorageUsedBytes: number | undefined;
  codeStorageLimitBytes: number | undefined;
  functionCount: number | undefined;
}

/** Lambda's page cap for list operations. */
export const MAX_PAGE_SIZE = 50;

/** Keeps what the explorer shows of a configuration. */
export function summarize(c: FunctionConfiguration): FunctionSummary {
  const vpc = c.VpcConfig;
  const hasVpc = Boolean(vpc?.VpcId || vpc?.SubnetIds?.length);
  return {
    name: c.FunctionName ?? '',
    arn: c.FunctionArn ?? '',
    runtime: c.Runtime,
    handler: c.Handler,
    description: c.Description ?? '',
    memoryMb: c.MemorySize ?? 128,
    timeoutSec: c.Timeout ?? 3,
    codeSizeBytes: c.CodeSize ?? 0,
    lastModified: c.LastModified,
    packageType: c.PackageType ?? 'Zip',
    architectures: c.Architectures ?? ['x86_64'],
    role: c.Role,
    vpc: hasVpc ? { vpcId: vpc?.VpcId || undefined, subnetCount: vpc?.SubnetIds?.length ?? 0, securityGroupCount: vpc?.SecurityGroupIds?.length ?? 0 } : undefined,
    layers: (c.Layers ?? []).map((l) => ({ arn: l.Arn ?? '', codeSizeBytes: l.CodeSize ?? 0 })),
    environmentNames: Object.keys(c.Environment?.Variables ?? {}).sort(),
    ephemeralStorageMb: c.EphemeralStorage?.Size,
    logGroup: logGroupOf(c.FunctionName ?? '', c.LoggingConfig?.LogGroup),
  };
}

/** One page of functions in the client's region. */
export async function listFunctionsPage(client: LambdaClient, marker: string | undefined, signal?: AbortSignal, maxItems = MAX_PAGE_SIZE): Promise<FunctionPage> {
  const out = await client.send(new ListFunctionsCommand({ Marker: marker, MaxItems: maxItems }), { abortSignal: signal });
  return { functions: (out.Functions ?? []).map(summarize), nextMarker: out.NextMarker || undefined };
}

/** GetFunction, dropping Code (its Location is a short-lived presigned URL). */
export async function getFunctionDetails(client: LambdaClient, name: string, signal?: AbortSignal): Promise<FunctionDetails> {
  const out = await client.send(new GetFunctionCommand({ FunctionName: name }), { abortSignal: signal });
  return {
    configuration: out.Configuration ?? {},
    reservedConcurrency: out.Concurrency?.ReservedConcurrentExecutions,
    tags: out.Tags ?? {},
  };
}

/** A function's aliases: name -> version, up to `cap`. */
export function listAliases(client: LambdaClient, name: string, signal?: AbortSignal, cap = 200) {
  return collectPages('ListAliases', async (Marker) => {
    const out = await client.send(new ListAliasesCommand({ FunctionName: name, Marker, MaxItems: MAX_PAGE_SIZE }), { abortSignal: signal });
    return {
      items: (out.Aliases ?? []).map((a) => ({ name: a.Name ?? '', version: a.FunctionVersion ?? '', description: a.Description ?? '' })),
      next: out.NextMarker || undefined,
    };
  }, cap);
}

/** A function's versions ($LATEST first), up to `cap`. */
export function listVersions(client: LambdaClient, name: string, signal?: AbortSignal, cap = 200) {
  return collectPages('ListVersionsByFunction', async (Marker) => {
    const out = await client.send(new ListVersionsByFunctionCommand({ FunctionName: name, Marker, MaxItems: MAX_PAGE_SIZE }), { abortSignal: signal });
    return {
      items: (out.Versions ?? []).map((v) => ({ version: v.Version ?? '', description: v.Description ?? '', lastModified: v.LastModified })),
      next: out.NextMarker || undefined,
    };
  }, cap);
}

/** A function's event source mappings, up to `cap`. */
export function listEventSourceMappings(client: LambdaClient, name: string, signal?: AbortSignal, cap = 200) {
  return collectPages('ListEventSourceMappings', async (Marker) => {
    const out = await client.send(new ListEventSourceMappingsCommand({ FunctionName: name, Marker, MaxItems: MAX_PAGE_SIZE }), { abortSignal: signal });
    return {
      items: (out.EventSourceMappings ?? []).map((m) => ({
        uuid: m.UUID ?? '',
        source: m.EventSourceArn ?? m.SelfManagedEventSource?.Endpoints?.KAFKA_BOOTSTRAP_SERVERS?.join(',') ?? 'unknown source',
        state: m.State ?? '',
        batchSize: m.BatchSize,
      })),
      next: out.NextMarker || undefined,
    };
  }, cap);
}

/** The region's account settings. */
export async function getAccountSummary(client: LambdaClient, signal?: AbortSignal): Promise<AccountSummary> {
  const out = await client.send(new GetAccountSettingsCommand({}), { abortSignal: signal });
  return {
    concurrencyLimit: out.AccountLimit?.ConcurrentExecutions,
    unreservedConcurrency: out.AccountLimit?.UnreservedConcurrentExecutions,
    codeStorageUsedBytes: out.AccountUsage?.TotalCodeSize,
    codeStorageLimitBytes: out.AccountLimit?.TotalCodeSize,
    functionCount: out.AccountUsage?.FunctionCount,
  };
}

/** A function URL and who may call it. */
export interface FunctionUrl {
  url: string;
  /** `AWS_IAM`, or `NONE` for a public URL anyone can call. */
  authType: string;
}

/** The function's URL, or undefined when it has none (GetFunctionUrlConfig answers 404). */
export async function getFunctionUrl(client: LambdaClient, name: string, signal?: AbortSignal): Promise<FunctionUrl | undefined> {
  try {
    const out = await client.send(new GetFunctionUrlConfigCommand({ FunctionName: name }), { abortSignal: signal });
    return out.FunctionUrl ? { url: out.FunctionUrl, authType: out.AuthType ?? 'AWS_IAM' } : undefined;
  } catch (e) {
    if ((e as { name?: unknown }).name === 'ResourceNotFoundException') return undefined;
    throw e;
  }
}

/** What invoke needs to know before calling: the function's Timeout (s) and its log group. */
export async function getRunSettings(client: LambdaClient, name: string, qualifier: string | undefined, signal?: AbortSignal): Promise<{ timeoutSec: number; logGroup: string }> {
  const c = await client.send(new GetFunctionConfigurationCommand({ FunctionName: name, Qualifier: qualifier }), { abortSignal: signal });
  return { timeoutSec: c.Timeout ?? 3, logGroup: logGroupOf(c.FunctionName ?? name, c.LoggingConfig?.LogGroup) };
}

/** What a deployed function is configured with: GetFunctionConfiguration and its reserved concurrency. */
export interface DeployedConfiguration {
  configuration: FunctionConfiguration;
  reservedConcurrency: number | undefined;
}

/**
 * GetFunctionConfiguration plus GetFunctionConcurrency of $LATEST; undefined when Lambda has no such
 * function (deleted outside CloudFormation).
 */
export async function getDeployedConfiguration(client: LambdaClient, name: string, signal?: AbortSignal): Promise<DeployedConfiguration | undefined> {
  try {
    const configuration = await client.send(new GetFunctionConfigurationCommand({ FunctionName: name }), { abortSignal: signal });
    const concurrency = await client.send(new GetFunctionConcurrencyCommand({ FunctionName: name }), { abortSignal: signal });
    return { configuration, reservedConcurrency: concurrency.ReservedConcurrentExecutions };
  } catch (e) {
    if ((e as { name?: unknown }).name === 'ResourceNotFoundException') return undefined;
    throw e;
  }
}

/** A function's log group: `LoggingConfig.LogGroup` when set, else `/aws/lambda/<name>`. */
export function logGroupOf(functionName: string, configured: string | undefined): string {
  return configured || `/aws/lambda/${functionName}`;
}
