/**
 * Loads what is deployed for a stack through the one client factory (the explorer's credentials,
 * profile, region, endpoint, deadlines and logging): DescribeStacks for parameter values,
 * ListStackResources for logical -> physical ids, the last completion time from its events, every
 * function's configuration and reserved concurrency, and the same for nested stacks.
 */
import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import type { FunctionConfiguration } from '@aws-sdk/client-lambda';
import { parseArn } from '../arn';
import type { AwsClientFactory } from '../aws/clientFactory';
import { describeStack, lastCompletedAt, listStackResources } from '../aws/cloudFormationApi';
import { classifyAwsError } from '../aws/errors';
import { getDeployedConfiguration } from '../aws/lambdaApi';
import { QUOTAS } from '../quotas';
import type { DeployedConfig, DeployedFunction, DeployedStack } from './types';

/** Nested stacks are followed this deep, and at most this many stacks are read in all. */
const MAX_DEPTH = 5;
const MAX_STACKS = 50;
/** Functions read at once: keeps a 200-function stack from bursting into Lambda's rate limits. */
const PARALLEL = 4;

/** Resource types that are a nested stack once deployed (SAM turns an Application into a Stack). */
const NESTED_TYPES: ReadonlySet<string> = new Set(['AWS::CloudFormation::Stack']);

/** The configuration fields a template can describe, from GetFunctionConfiguration. */
export function deployedConfig(c: FunctionConfiguration, reservedConcurrency: number | undefined): DeployedConfig {
  return {
    arn: c.FunctionArn ?? '',
    packageType: c.PackageType ?? 'Zip',
    runtime: c.Runtime,
    handler: c.Handler,
    memorySize: c.MemorySize ?? QUOTAS.defaultMemoryMb,
    timeout: c.Timeout ?? QUOTAS.defaultTimeoutSeconds,
    architectures: c.Architectures ?? [...QUOTAS.defaultArchitectures],
    ephemeralStorage: c.EphemeralStorage?.Size ?? QUOTAS.defaultEphemeralStorageMb,
    layers: (c.Layers ?? []).map((l) => l.Arn ?? ''),
    environment: { ...(c.Environment?.Variables ?? {}) },
    subnetIds: [...(c.VpcConfig?.SubnetIds ?? [])],
    securityGroupIds: [...(c.VpcConfig?.SecurityGroupIds ?? [])],
    reservedConcurrency,
    lastModified: c.LastModified,
  };
}

/** Runs `fn` over `items`, at most `limit` at a time. */
async function eachLimited<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await fn(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/**
 * Everything deployed for `stack` (a name or ARN) in `region`. Throws when the stack itself cannot
 * be read (missing, access denied, throttled past retries); a function or nested stack that cannot
 * be read is recorded with its reason and the rest is still loaded.
 */
export async function loadDeployedStack(factory: AwsClientFactory, stack: string, region: string, signal?: AbortSignal): Promise<DeployedStack> {
  const budget = { stacks: 0 };
  return loadOne(factory, stack, region, 0, budget, signal);
}

async function loadOne(factory: AwsClientFactory, stack: string, region: string, depth: number, budget: { stacks: number }, signal: AbortSignal | undefined): Promise<DeployedStack> {
  budget.stacks++;
  const cfn = factory.client(CloudFormationClient, region);
  const summary = await describeStack(cfn, stack, region, signal);
  const [resources, completedAt] = await Promise.all([listStackResources(cfn, summary.id, signal), lastCompletedAt(cfn, summary, signal)]);
  const out: DeployedStack = {
    name: summary.name,
    id: summary.id,
    region,
    account: parseArn(summary.id)?.account ?? '',
    parameters: summary.parameters,
    completedAt,
    resources: Object.fromEntries(resources.map((r) => [r.logicalId, { physicalId: r.physicalId, type: r.type }])),
    functions: {},
    nested: {},
    nestedErrors: {},
  };
  const lambda = factory.createLambdaClient(region);
  const functions = resources.filter((r) => r.type === 'AWS::Lambda::Function' && r.physicalId);
  await eachLimited(functions, PARALLEL, async (r) => {
    const fn: DeployedFunction = { logicalId: r.logicalId, name: r.physicalId, config: undefined };
    try {
      const d = await getDeployedConfiguration(lambda, r.physicalId, signal);
      if (d) fn.config = deployedConfig(d.configuration, d.reservedConcurrency);
    } catch (e) {
      if (signal?.aborted) throw e;
      const c = classifyAwsError(e, factory.session.source, region);
      fn.error = `${c.summary}. ${c.detail}`;
    }
    out.functions[r.logicalId] = fn;
  });
  for (const r of resources.filter((x) => NESTED_TYPES.has(x.type) && x.physicalId)) {
    if (depth + 1 > MAX_DEPTH || budget.stacks >= MAX_STACKS) {
      out.nestedErrors[r.logicalId] = `Not read: nested stacks are followed ${MAX_DEPTH} levels deep and ${MAX_STACKS} stacks in all.`;
      continue;
    }
    try {
      out.nested[r.logicalId] = await loadOne(factory, r.physicalId, region, depth + 1, budget, signal);
    } catch (e) {
      if (signal?.aborted) throw e;
      out.nestedErrors[r.logicalId] = describeLoadError(e, factory, region);
    }
  }
  return out;
}

/** One line for a stack that could not be loaded: what happened, why, what to do. */
export function describeLoadError(e: unknown, factory: Pick<AwsClientFactory, 'session'>, region: string): string {
  if (e instanceof Error && e.name === 'StackNotFoundError') {
    return `${e.message} Check the stack name (samconfig.toml stack_name, the lambdaLens.deployed.stacks setting or --stack) and the region.`;
  }
  const c = classifyAwsError(e, factory.session.source, region);
  return `${c.summary}. ${c.detail}`;
}
