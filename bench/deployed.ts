/**
 * Deployed-view benchmark: a loopback stack of 200 functions (ListStackResources paged at 100) with
 * a nested stack of 50 more, loaded through the real SDK the way the CLI and the editor load it,
 * then every template function compared with its deployed configuration. Figures: load time and
 * requests per stack read, and the drift comparison time for all 250 functions.
 */
import { createClientFactory } from '../server/src/aws/clientFactory';
import { createSession } from '../server/src/aws/session';
import { functionDrift } from '../server/src/deployed/drift';
import { loadDeployedStack } from '../server/src/deployed/load';
import { functionsOf } from '../server/src/template/functions';
import { buildTemplate } from '../server/src/template/model';
import { startLambdaApi, type LambdaApi } from '../test/support/lambdaApi';

const TOP = 200;
const NESTED = 50;
const ROUNDS = 5;

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
};

/** A SAM template of `n` functions with parameters, Globals and environment variables. */
function template(n: number, prefix: string): string {
  const fns = Array.from({ length: n }, (_, i) => `  ${prefix}${i}:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: index.handler\n      MemorySize: !If [IsProd, 1024, 512]\n      Environment:\n        Variables:\n          STAGE: !Ref Stage\n          TABLE: !Ref Table\n`).join('');
  return `Transform: AWS::Serverless-2016-10-31\nParameters:\n  Stage: { Type: String, Default: dev }\nConditions:\n  IsProd: !Equals [!Ref Stage, prod]\nGlobals:\n  Function:\n    Runtime: nodejs22.x\n    Timeout: 10\nResources:\n  Table: { Type: AWS::DynamoDB::Table }\n${fns}`;
}

function seed(api: LambdaApi): void {
  const deployed = (name: string) => ({ FunctionName: name, Runtime: 'nodejs22.x', MemorySize: 1024, Timeout: 10, LastModified: '2026-01-01T00:00:00.000+0000', Environment: { Variables: { STAGE: 'prod', TABLE: 'app-Table-1' } } });
  const stacks = api.stacks('us-east-1');
  for (let i = 0; i < NESTED; i++) api.addFunction(deployed(`app-Child-N${i}`));
  const child = stacks.add({ name: 'app-Child', parameters: { Stage: 'prod' }, completedAt: new Date('2026-01-02T00:00:00Z'), resources: [{ logicalId: 'Table', type: 'AWS::DynamoDB::Table', physicalId: 'app-Table-1' }, ...Array.from({ length: NESTED }, (_, i) => ({ logicalId: `N${i}`, type: 'AWS::Lambda::Function', physicalId: `app-Child-N${i}` }))] });
  for (let i = 0; i < TOP; i++) api.addFunction(deployed(`app-F${i}`));
  stacks.add({
    name: 'app',
    parameters: { Stage: 'prod' },
    completedAt: new Date('2026-01-02T00:00:00Z'),
    resources: [
      { logicalId: 'Table', type: 'AWS::DynamoDB::Table', physicalId: 'app-Table-1' },
      { logicalId: 'Child', type: 'AWS::CloudFormation::Stack', physicalId: child.id },
      ...Array.from({ length: TOP }, (_, i) => ({ logicalId: `F${i}`, type: 'AWS::Lambda::Function', physicalId: `app-F${i}` })),
    ],
  });
}

/** Runs the benchmark and answers its figures. */
export async function benchDeployed(): Promise<Record<string, unknown>> {
  const api = await startLambdaApi();
  seed(api);
  const factory = createClientFactory(createSession({ env: { AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test', AWS_CONFIG_FILE: '/nonexistent', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent' } }), { endpoint: api.endpoint });
  try {
    await loadDeployedStack(factory, 'app', 'us-east-1');
    const loads: number[] = [];
    let requests = 0;
    let stack;
    for (let r = 0; r < ROUNDS; r++) {
      const before = api.requests.length;
      const t = performance.now();
      stack = await loadDeployedStack(factory, 'app', 'us-east-1');
      loads.push(performance.now() - t);
      requests = api.requests.length - before;
    }
    const top = buildTemplate(template(TOP, 'F'));
    const child = buildTemplate(template(NESTED, 'N'));
    const compares: number[] = [];
    let drifted = 0;
    for (let r = 0; r < ROUNDS; r++) {
      const t = performance.now();
      drifted = 0;
      for (const [tpl, st] of [[top, stack!], [child, stack!.nested.Child!]] as const) {
        for (const f of functionsOf(tpl)) if (functionDrift(tpl, f, st.functions[f.id]!, st).length > 0) drifted++;
      }
      compares.push(performance.now() - t);
    }
    return {
      functions: TOP + NESTED,
      stacks: 2,
      loadMsMedian: Math.round(median(loads)),
      requestsPerLoad: requests,
      driftCompareMsMedian: +median(compares).toFixed(1),
      functionsWithDrift: drifted,
    };
  } finally {
    factory.dispose();
    await api.close();
  }
}
