/**
 * Explorer benchmark: a loopback Lambda API with 2,000 functions, listed through the real SDK.
 * Measures time to the first 50 items shown, time to load all, filter time over 2,000, and the heap
 * held by the tree data. Targets: first page <= 300 ms, filter <= 20 ms.
 */
import v8 from 'node:v8';
import vm from 'node:vm';
import { AwsContext } from '../client/src/aws/awsContext';
import { ExplorerModel } from '../client/src/explorer/model';
import type { RegionNode } from '../client/src/explorer/nodes';
import { present } from '../client/src/explorer/present';
import { startLambdaApi } from '../test/support/lambdaApi';
import { MemoryStore } from '../test/support/memoryStore';

const FUNCTIONS = 2_000;
const RUNTIMES = ['nodejs20.x', 'python3.12', 'java21', 'nodejs16.x', 'provided.al2023', 'ruby3.3', 'dotnet8'];

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

const heapAfterGc = (): number => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
};

/** Runs the explorer benchmark and answers its figures. */
export async function benchExplorer(): Promise<Record<string, unknown>> {
  const api = await startLambdaApi();
  for (let i = 0; i < FUNCTIONS; i++) {
    api.addFunction({
      FunctionName: `svc-${['orders', 'billing', 'users', 'search'][i % 4]}-${String(i).padStart(4, '0')}`,
      Runtime: RUNTIMES[i % RUNTIMES.length],
      MemorySize: 128 * (1 + (i % 8)),
      Timeout: 3 + (i % 30),
      CodeSize: 1024 * (i % 5000),
      Environment: { Variables: { TABLE: 'orders', STAGE: 'prod', LOG_LEVEL: 'info' } },
      ...(i % 3 === 0 ? { VpcConfig: { VpcId: 'vpc-0abc', SubnetIds: ['subnet-1', 'subnet-2'], SecurityGroupIds: ['sg-1'] } } : {}),
      ...(i % 5 === 0 ? { Layers: [{ Arn: `arn:aws:lambda:us-east-1:123456789012:layer:shared:${i % 9}`, CodeSize: 4096 }] } : {}),
    });
  }
  const env = { AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test', AWS_CONFIG_FILE: '/nonexistent', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent' };
  const aws = AwsContext.fromEnv({ profile: undefined, regions: ['us-east-1'], client: { endpoint: api.endpoint } }, env);
  try {
    // One warm-up round trip so connection set-up and SDK lazy loading are not counted as paging.
    const warm = new ExplorerModel(aws, new MemoryStore());
    await warm.children(warm.roots()[0]);
    await warm.refresh();
    warm.dispose();

    const heapBefore = heapAfterGc();
    const model = new ExplorerModel(aws, new MemoryStore());
    const region = model.roots()[0] as RegionNode;
    let t = performance.now();
    const first = await model.children(region);
    for (const n of first) present(n, model);
    const firstPageMs = performance.now() - t;

    t = performance.now();
    await aws.functions.loadAll('us-east-1');
    while (model.regionDescription('us-east-1').includes('+')) await model.loadMore('us-east-1');
    const all = await model.children(region);
    for (const n of all) present(n, model);
    const loadAllMs = performance.now() - t;
    const heapTree = heapAfterGc() - heapBefore;

    const timeFilter = async (text: string): Promise<{ ms: number; matches: string }> => {
      const runs: number[] = [];
      for (let i = 0; i < 15; i++) {
        const s = performance.now();
        await model.setFilter('us-east-1', text);
        const kids = await model.children(region);
        for (const n of kids) present(n, model);
        runs.push(performance.now() - s);
      }
      return { ms: median(runs), matches: model.regionDescription('us-east-1') };
    };
    const substring = await timeFilter('billing-01');
    const regex = await timeFilter('/^svc-(orders|users)-0[0-4]/');
    await model.setFilter('us-east-1', '');
    model.dispose();

    const round = (n: number): number => Math.round(n * 10) / 10;
    return {
      functions: FUNCTIONS,
      firstPageMs: round(firstPageMs),
      firstPageTargetMs: 300,
      loadAllMs: round(loadAllMs),
      listRequests: api.requests.filter((r) => r.operation === 'ListFunctions').length,
      filterSubstringMs: round(substring.ms),
      filterSubstringResult: substring.matches,
      filterRegexMs: round(regex.ms),
      filterRegexResult: regex.matches,
      filterTargetMs: 20,
      treeDataHeapMB: round(heapTree / (1024 * 1024)),
      treeDataBytesPerFunction: Math.round(heapTree / FUNCTIONS),
    };
  } finally {
    aws.dispose();
    await api.close();
  }
}
