/**
 * `lambda-lens deployed` against the loopback API: CloudFormation in the query protocol with XML
 * answers, Lambda in REST-JSON, both through the real SDK over HTTP; edits "by hand" go through
 * UpdateFunctionConfiguration like the console's.
 */
import assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LambdaClient, UpdateFunctionConfigurationCommand, type UpdateFunctionConfigurationCommandInput } from '@aws-sdk/client-lambda';
import { main } from '../../../server/src/cli';
import type { JsonDeployed } from '../../../server/src/cli/deployed';
import { LOOPBACK_ENV, ORDERS_NAMES, ordersProject, seedOrdersStack } from '../../support/deployedStack';
import { startLambdaApi, type LambdaApi } from '../../support/lambdaApi';
import { runCli } from '../../support/cli';

describe('lambda-lens deployed', function () {
  this.timeout(30_000);
  let api: LambdaApi;
  let dir: string;

  beforeEach(async () => {
    api = await startLambdaApi();
    seedOrdersStack(api);
    dir = ordersProject();
  });
  afterEach(async () => {
    await api.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function run(args: string[], env: Record<string, string> = LOOPBACK_ENV) {
    let stdout = '';
    let stderr = '';
    const code = await main(['deployed', ...args, '--endpoint', api.endpoint], { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), cwd: dir, env });
    return { code, stdout, stderr, json: () => JSON.parse(stdout) as JsonDeployed[] };
  }

  const edit = (input: UpdateFunctionConfigurationCommandInput) =>
    new LambdaClient({ endpoint: api.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } }).send(new UpdateFunctionConfigurationCommand(input));

  it('names every function from samconfig.toml and finds no drift when nothing was changed', async () => {
    const r = await run(['--format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(r.json(), [
      { file: 'template.yaml', resource: 'OrdersApi', functionName: ORDERS_NAMES.OrdersApi, region: 'us-east-1', stack: 'orders-prod', drift: [] },
      { file: 'template.yaml', resource: 'Worker', functionName: ORDERS_NAMES.Worker, region: 'us-east-1', stack: 'orders-prod', drift: [] },
    ]);
    // Stage=prod came from DescribeStacks: with the Default (dev) MemorySize would read 512.
    assert.deepEqual(new Set(api.requests.map((q) => q.operation)), new Set(['DescribeStacks', 'ListStackResources', 'DescribeStackEvents', 'GetFunctionConfiguration', 'GetFunctionConcurrency']));
  });

  it('reports exactly the properties changed by hand, with credential-looking values hidden', async () => {
    await edit({ FunctionName: ORDERS_NAMES.OrdersApi, MemorySize: 2048, Environment: { Variables: { STAGE: 'prod', TABLE: 'orders-prod-OrdersTable-ABC', DB_PASSWORD: 'letmein', DEBUG: 'true' } } });
    await edit({ FunctionName: ORDERS_NAMES.Worker, Timeout: 30 });
    const r = await run(['--format', 'json']);
    assert.equal(r.code, 1, r.stderr);
    assert.deepEqual(r.json().map((f) => [f.resource, f.drift]), [
      [
        'OrdersApi',
        [
          { property: 'MemorySize', template: 1024, deployed: 2048 },
          { property: 'Environment.Variables.DB_PASSWORD', template: '••••', deployed: '••••' },
          { property: 'Environment.Variables.DEBUG', template: null, deployed: 'true' },
        ],
      ],
      ['Worker', [{ property: 'Timeout', template: 10, deployed: 30 }]],
    ]);
    const text = await run([]);
    assert.equal(text.code, 1);
    assert.match(text.stdout, /template\.yaml:17:19 {2}MemorySize: template 1024, deployed 2048/);
    assert.match(text.stdout, /Environment\.Variables\.DEBUG: template not set, deployed "true"/);
    assert.match(text.stdout, /2 functions, 2 with drift\.\n$/);
    for (const out of [r.stdout, text.stdout, text.stderr]) assert.doesNotMatch(out, /letmein|hunter2/);
  });

  it('says a function was changed outside CloudFormation when only what the template cannot show moved', async () => {
    await edit({ FunctionName: ORDERS_NAMES.Worker, Description: 'edited in the console' });
    const worker = (await run(['--format', 'json'])).json().find((f) => f.resource === 'Worker')!;
    assert.deepEqual(worker.drift.map((d) => [d.property, d.template]), [['LastModified', null]]);
    assert.match((await run([])).stdout, /changed outside CloudFormation at \d{4}-\d\d-\d\dT/);
  });

  it('reports a function deleted outside CloudFormation', async () => {
    api.region('us-east-1').delete(ORDERS_NAMES.Worker);
    const r = await run(['--format', 'json']);
    assert.equal(r.code, 1);
    assert.deepEqual(r.json().find((f) => f.resource === 'Worker')?.drift, [{ property: 'FunctionName', template: ORDERS_NAMES.Worker, deployed: null }]);
    assert.match((await run([])).stdout, /deleted outside CloudFormation: Lambda has no function "orders-prod-Worker-9Q8R7S"/);
  });

  it('reads every page of ListStackResources', async () => {
    await api.close();
    api = await startLambdaApi();
    seedOrdersStack(api, 'us-east-1', { pageSize: 2 });
    const r = await run(['--format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.json().length, 2);
    assert.equal(api.requests.filter((q) => q.operation === 'ListStackResources').length, 3);
  });

  it('retries CloudFormation throttling and still answers', async () => {
    api.faults.add({ kind: 'throttle', service: 'cloudformation', operation: 'DescribeStacks', times: 2 });
    const r = await run(['--format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(api.requests.filter((q) => q.operation === 'DescribeStacks').length, 3);
  });

  it('exits 2 with the IAM action when CloudFormation denies access but Lambda does not', async () => {
    api.faults.add({ kind: 'access-denied', service: 'cloudformation' });
    const r = await run([]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /template\.yaml: Stack orders-prod \(samconfig\.toml\) in us-east-1: Access denied in us-east-1\. .*Ask for cloudformation:DescribeStacks permission in us-east-1\./);
    assert.equal(r.stdout, '0 functions, 0 with drift.\n');
  });

  it('exits 2 when the stack does not exist or no stack is known', async () => {
    writeFileSync(join(dir, 'samconfig.toml'), 'version = 0.1\n[default.deploy.parameters]\nstack_name = "orders-gone"\n');
    const gone = await run([]);
    assert.equal(gone.code, 2);
    assert.match(gone.stderr, /Stack "orders-gone" does not exist in eu-central-1\. Check the stack name/);
    rmSync(join(dir, 'samconfig.toml'));
    const none = await run([]);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /No stack is known for this template: no samconfig\.toml .* Pass --stack <name>\./);
  });

  it('takes --stack, --region and --config-env over the defaults', async () => {
    writeFileSync(join(dir, 'samconfig.toml'), 'version = 0.1\n[default.deploy.parameters]\nstack_name = "orders-dev"\n[prod.global.parameters]\nstack_name = "orders-prod"\nregion = "us-east-1"\n');
    assert.equal((await run(['--config-env', 'prod', '--format', 'json'])).json()[0]?.stack, 'orders-prod');
    const flagged = await run(['template.yaml', '--stack', 'orders-prod', '--region', 'us-east-1', '--format', 'json']);
    assert.equal(flagged.code, 0, flagged.stderr);
    assert.equal(flagged.json()[1]?.functionName, ORDERS_NAMES.Worker);
    assert.equal((await run(['--region', 'nowhere'])).code, 2);
  });

  it('notes templates found in a folder without a stack, and uses the environment when samconfig names an unknown profile', async () => {
    mkdirSync(join(dir, 'fixtures'));
    writeFileSync(join(dir, 'fixtures', 'template.yaml'), 'Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n');
    writeFileSync(join(dir, 'samconfig.toml'), 'version = 0.1\n[default.deploy.parameters]\nstack_name = "orders-prod"\nregion = "us-east-1"\nprofile = "default"\n');
    const r = await run(['--format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.json().length, 2);
    assert.match(r.stderr, /fixtures\/template\.yaml: No stack is known for this template/);
    assert.equal((await run(['fixtures/template.yaml'])).code, 2, 'a template named on the command line must have a stack');
  });

  it('exits 2 without credentials, before calling AWS', async () => {
    const r = await run([], { AWS_CONFIG_FILE: '/nonexistent', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent' });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /No AWS credentials: .*Pass --profile <name>/);
    assert.equal(api.requests.length, 0);
  });

  it('follows a nested application into its own stack and template', async () => {
    mkdirSync(join(dir, 'billing'));
    writeFileSync(join(dir, 'template.yaml'), `Transform: AWS::Serverless-2016-10-31\nResources:\n  Billing:\n    Type: AWS::Serverless::Application\n    Properties:\n      Location: ./billing/template.yaml\n`);
    writeFileSync(join(dir, 'billing', 'template.yaml'), `Transform: AWS::Serverless-2016-10-31\nResources:\n  Invoicer:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: app.handler\n      Runtime: python3.13\n      MemorySize: 256\n`);
    api.addFunction({ FunctionName: 'orders-prod-Billing-1-Invoicer-Z', Runtime: 'python3.13', Handler: 'app.handler', MemorySize: 256, LastModified: '2020-01-01T00:00:00.000+0000' });
    const nested = api.stacks('us-east-1').add({ name: 'orders-prod-Billing-1', resources: [{ logicalId: 'Invoicer', type: 'AWS::Lambda::Function', physicalId: 'orders-prod-Billing-1-Invoicer-Z' }], completedAt: new Date('2020-01-02T00:00:00Z') });
    api.stacks('us-east-1').add({ name: 'orders-prod', resources: [{ logicalId: 'Billing', type: 'AWS::CloudFormation::Stack', physicalId: nested.id }] });
    const r = await run(['--format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(r.json(), [{ file: join('billing', 'template.yaml'), resource: 'Invoicer', functionName: 'orders-prod-Billing-1-Invoicer-Z', region: 'us-east-1', stack: 'orders-prod-Billing-1', drift: [] }]);
    // The nested template alone maps to the nested stack through the parent's samconfig.
    assert.equal((await run(['billing/template.yaml', '--format', 'json'])).json()[0]?.stack, 'orders-prod-Billing-1');
  });

  it('runs from the bundled CLI with the documented usage', () => {
    const r = runCli(['deployed', '--help'], dir);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^Usage: lambda-lens deployed \[templates\.\.\.\]/);
    assert.match(r.stdout, /Exit codes: 0 no drift, 1 drift, 2 errors/);
  });
});
