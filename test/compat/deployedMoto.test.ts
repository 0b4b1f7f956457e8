/**
 * Compatibility tier for `lambda-lens deployed` against moto's server: a stack is created from a
 * template with CloudFormation (functions with inline ZipFile code, so moto needs neither Docker nor
 * S3), functions are then edited by hand with the Lambda API, and the command must name every
 * function's deployed name from samconfig.toml and report exactly the changed properties. Runs when
 * `moto_server` is installed; skipped otherwise.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CloudFormationClient, CreateStackCommand, ListStackResourcesCommand } from '@aws-sdk/client-cloudformation';
import { LambdaClient, PutFunctionConcurrencyCommand, UpdateFunctionConfigurationCommand } from '@aws-sdk/client-lambda';
import { main } from '../../server/src/cli';
import type { JsonDeployed } from '../../server/src/cli/deployed';
import { hasMoto, MOTO_ENV, MOTO_ROLE, startMoto, type Moto } from '../support/moto';

const TEMPLATE = `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Stage:
    Type: String
    Default: dev
Resources:
  OrdersApi:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.12
      Handler: index.handler
      Role: ${MOTO_ROLE}
      MemorySize: 512
      Timeout: 10
      Code:
        ZipFile: |
          def handler(event, context):
              return event
      Environment:
        Variables:
          STAGE: !Ref Stage
          TABLE: !Sub 'orders-\${Stage}'
          API_TOKEN: not-a-real-token
  Worker:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.12
      Handler: index.handler
      Role: ${MOTO_ROLE}
      Timeout: 60
      ReservedConcurrentExecutions: 5
      Code:
        ZipFile: |
          def handler(event, context):
              return None
  Reporter:
    Type: AWS::Lambda::Function
    Properties:
      FunctionName: !Sub 'orders-\${Stage}-reporter'
      Runtime: python3.12
      Handler: index.handler
      Role: ${MOTO_ROLE}
      Code:
        ZipFile: |
          def handler(event, context):
              return 1
`;

describe('lambda-lens deployed against moto_server', function () {
  this.timeout(120_000);
  let moto: Moto | undefined;
  let dir: string;
  let names: Record<string, string>;

  before(async function () {
    if (!hasMoto()) {
      console.log('      moto_server is not installed: the moto deployed tier is skipped');
      this.skip();
    }
    moto = await startMoto({ invoke: false });
    const config = { endpoint: moto.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'moto', secretAccessKey: 'moto' } };
    const cfn = new CloudFormationClient(config);
    await cfn.send(new CreateStackCommand({ StackName: 'orders-moto', TemplateBody: TEMPLATE, Parameters: [{ ParameterKey: 'Stage', ParameterValue: 'prod' }] }));
    // Read independently of the code under test: what moto named each function.
    const listed = await cfn.send(new ListStackResourcesCommand({ StackName: 'orders-moto' }));
    names = Object.fromEntries((listed.StackResourceSummaries ?? []).map((r) => [r.LogicalResourceId, r.PhysicalResourceId]));
    cfn.destroy();
    dir = mkdtempSync(join(tmpdir(), 'deployed-moto-'));
    writeFileSync(join(dir, 'template.yaml'), TEMPLATE);
    writeFileSync(join(dir, 'samconfig.toml'), 'version = 0.1\n\n[default.deploy.parameters]\nstack_name = "orders-moto"\nregion = "us-east-1"\nresolve_s3 = true\n');
  });

  after(async function () {
    await moto?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function deployed() {
    let stdout = '';
    let stderr = '';
    const code = await main(['deployed', '--endpoint', moto!.endpoint, '--format', 'json'], { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), cwd: dir, env: MOTO_ENV });
    return { code, stderr, report: stdout ? (JSON.parse(stdout) as JsonDeployed[]) : [] };
  }

  it('names every deployed function from samconfig.toml and sees no drift right after the deploy', async () => {
    const r = await deployed();
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(
      r.report.map((f) => [f.resource, f.functionName, f.stack, f.region, f.drift]),
      [
        ['OrdersApi', names.OrdersApi, 'orders-moto', 'us-east-1', []],
        ['Worker', names.Worker, 'orders-moto', 'us-east-1', []],
        ['Reporter', 'orders-prod-reporter', 'orders-moto', 'us-east-1', []],
      ],
    );
    assert.match(names.OrdersApi ?? '', /OrdersApi/);
  });

  it('reports exactly the properties changed by hand with the Lambda API', async () => {
    const lambda = new LambdaClient({ endpoint: moto!.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'moto', secretAccessKey: 'moto' } });
    await lambda.send(
      new UpdateFunctionConfigurationCommand({
        FunctionName: names.OrdersApi,
        MemorySize: 1024,
        Environment: { Variables: { STAGE: 'prod', TABLE: 'orders-prod', API_TOKEN: 'rotated-by-hand', DEBUG: 'true' } },
      }),
    );
    await lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: names.Worker, Timeout: 120 }));
    await lambda.send(new PutFunctionConcurrencyCommand({ FunctionName: names.Worker, ReservedConcurrentExecutions: 20 }));
    lambda.destroy();
    const r = await deployed();
    assert.equal(r.code, 1, r.stderr);
    assert.deepEqual(
      r.report.map((f) => [f.resource, f.functionName, f.drift]),
      [
        [
          'OrdersApi',
          names.OrdersApi,
          [
            { property: 'MemorySize', template: 512, deployed: 1024 },
            { property: 'Environment.Variables.API_TOKEN', template: '••••', deployed: '••••' },
            { property: 'Environment.Variables.DEBUG', template: null, deployed: 'true' },
          ],
        ],
        [
          'Worker',
          names.Worker,
          [
            { property: 'Timeout', template: 60, deployed: 120 },
            { property: 'ReservedConcurrentExecutions', template: 5, deployed: 20 },
          ],
        ],
        ['Reporter', 'orders-prod-reporter', []],
      ],
    );
    assert.doesNotMatch(JSON.stringify(r.report) + r.stderr, /rotated-by-hand|not-a-real-token/);
  });
});
