/**
 * The client's deployed loader against the loopback API: it loads the stacks the server names with
 * the explorer's AWS context, sends them back, maps deployed names to template functions, and calls
 * nothing while no credentials are configured.
 */
import assert from 'node:assert/strict';
import { AwsContext } from '../../../client/src/aws/awsContext';
import { DeployedLoader } from '../../../client/src/deployed/loader';
import type { DeployedStacks, DeployedTargets } from '../../../server/src/protocol';
import { LOOPBACK_ENV, ORDERS_NAMES, seedOrdersStack } from '../../support/deployedStack';
import { startLambdaApi, type LambdaApi } from '../../support/lambdaApi';

const TARGETS: DeployedTargets.Params = {
  templates: [
    {
      uri: 'file:///work/orders/template.yaml',
      key: '/orders-prod',
      target: { stack: 'orders-prod', region: undefined, source: 'samconfig.toml', nestedPath: [] },
      functions: [{ logicalId: 'OrdersApi', line: 12, character: 2 }, { logicalId: 'Worker', line: 28, character: 2 }, { logicalId: 'NotDeployed', line: 40, character: 2 }],
    },
  ],
};

describe('deployed/loader', function () {
  this.timeout(20_000);
  let api: LambdaApi;
  const contexts: AwsContext[] = [];
  before(async () => {
    api = await startLambdaApi();
    seedOrdersStack(api);
  });
  after(async () => {
    for (const c of contexts) c.dispose();
    await api.close();
  });
  const context = (env: Record<string, string>) => {
    const aws = AwsContext.fromEnv({ profile: undefined, regions: [], client: { endpoint: api.endpoint } }, { ...env, AWS_REGION: 'us-east-1' });
    contexts.push(aws);
    return aws;
  };

  it('loads each targeted stack once, in the profile region when the target names none, and sends it to the server', async () => {
    const sent: DeployedStacks.Params[] = [];
    const loader = new DeployedLoader(context(LOOPBACK_ENV), (p) => sent.push(p));
    const before = api.requests.length;
    await loader.setTargets(TARGETS);
    assert.deepEqual(sent.at(-1)?.stacks.map((e) => [e.key, e.region, e.stack?.name, Object.keys(e.stack?.functions ?? {})]), [['/orders-prod', 'us-east-1', 'orders-prod', ['OrdersApi', 'Worker']]]);
    assert.deepEqual(loader.functionOf('us-east-1', ORDERS_NAMES.Worker), {
      uri: TARGETS.templates[0]!.uri, logicalId: 'Worker', line: 28, character: 2, region: 'us-east-1', functionName: ORDERS_NAMES.Worker,
      arn: `arn:aws:lambda:us-east-1:123456789012:function:${ORDERS_NAMES.Worker}`, stack: 'orders-prod',
    });
    assert.equal(loader.functionAt(TARGETS.templates[0]!.uri, 20)?.logicalId, 'OrdersApi', 'the function whose logical id is nearest above the cursor');
    const calls = api.requests.length - before;
    await loader.setTargets(TARGETS);
    assert.equal(api.requests.length - before, calls, 'the same targets load nothing again');
    await loader.reload(loader.keysOf(TARGETS.templates[0]!.uri));
    assert.ok(api.requests.length - before > calls, 'a save reloads the stack');
  });

  it('calls no AWS API and sends nothing until credentials are configured', async () => {
    const sent: DeployedStacks.Params[] = [];
    const aws = context({ AWS_CONFIG_FILE: '/nonexistent', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent' });
    const loader = new DeployedLoader(aws, (p) => sent.push(p));
    const before = api.requests.length;
    await loader.setTargets(TARGETS);
    await loader.reload();
    assert.equal(api.requests.length, before);
    assert.equal(loader.canLoad, false);
    assert.deepEqual(sent.flatMap((p) => p.stacks), []);
  });

  it('sends why a stack could not be loaded, and maps nothing for it', async () => {
    const sent: DeployedStacks.Params[] = [];
    const loader = new DeployedLoader(context(LOOPBACK_ENV), (p) => sent.push(p));
    const missing = { templates: [{ ...TARGETS.templates[0]!, key: 'us-east-1/orders-gone', target: { ...TARGETS.templates[0]!.target, stack: 'orders-gone', region: 'us-east-1' } }] };
    await loader.setTargets(missing);
    assert.match(sent.at(-1)?.stacks[0]?.error ?? '', /^Stack orders-gone \(samconfig\.toml\) in us-east-1: Stack "orders-gone" does not exist in us-east-1\./);
    assert.deepEqual(loader.functions(), []);
    assert.match(loader.errorOf(TARGETS.templates[0]!.uri) ?? '', /does not exist/);
  });
});
