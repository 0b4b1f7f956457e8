/**
 * A SAM project deployed on the loopback API, for the deployed tiers (CLI, LSP, editor): the
 * template, its samconfig.toml, and a stack whose functions sit in the Lambda store, deployed before
 * "now" so a test's edits by hand come after the stack's last deploy.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DeployedConfig, DeployedStack } from '../../server/src/deployed/types';
import type { LambdaApi } from './lambdaApi';

export const ORDERS_TEMPLATE = `Transform: AWS::Serverless-2016-10-31
Parameters:
  Stage:
    Type: String
    Default: dev
Conditions:
  IsProd: !Equals [!Ref Stage, prod]
Globals:
  Function:
    Runtime: nodejs20.x
    Timeout: 10
Resources:
  OrdersApi:
    Type: AWS::Serverless::Function
    Properties:
      Handler: index.handler
      MemorySize: !If [IsProd, 1024, 512]
      Environment:
        Variables:
          STAGE: !Ref Stage
          TABLE: !Ref OrdersTable
          DB_PASSWORD: hunter2
      Events:
        Get:
          Type: HttpApi
          Properties:
            Path: /orders
            Method: GET
  Worker:
    Type: AWS::Serverless::Function
    Properties:
      Handler: worker.handler
      ReservedConcurrentExecutions: 5
      Events:
        Jobs:
          Type: SQS
          Properties:
            Queue: !GetAtt JobsQueue.Arn
  JobsQueue:
    Type: AWS::SQS::Queue
  OrdersTable:
    Type: AWS::DynamoDB::Table
`;

export const ORDERS_NAMES = { OrdersApi: 'orders-prod-OrdersApi-1X2Y3Z', Worker: 'orders-prod-Worker-9Q8R7S' } as const;

/** Deployed an hour ago; the functions were last changed by that deploy. */
const DEPLOYED_AT = new Date(Date.now() - 3_600_000);
const BEFORE_DEPLOY = new Date(DEPLOYED_AT.getTime() - 30_000).toISOString().replace('Z', '+0000');

/** Seeds stack `orders-prod` (Stage=prod) and its two functions, as deployed from ORDERS_TEMPLATE. */
export function seedOrdersStack(api: LambdaApi, region = 'us-east-1', extra: { pageSize?: number } = {}): void {
  api.addFunction(
    {
      FunctionName: ORDERS_NAMES.OrdersApi,
      Runtime: 'nodejs20.x',
      Handler: 'index.handler',
      MemorySize: 1024,
      Timeout: 10,
      LastModified: BEFORE_DEPLOY,
      Environment: { Variables: { STAGE: 'prod', TABLE: 'orders-prod-OrdersTable-ABC', DB_PASSWORD: 'hunter2' } },
      files: { 'index.js': 'exports.handler = async (event) => { console.log("orders got", JSON.stringify(event).length, "bytes"); return { orders: [], path: event.rawPath ?? null }; };' },
    },
    region,
  );
  api.addFunction({ FunctionName: ORDERS_NAMES.Worker, Runtime: 'nodejs20.x', Handler: 'worker.handler', Timeout: 10, LastModified: BEFORE_DEPLOY, reservedConcurrency: 5 }, region);
  api.stacks(region).add({
    name: 'orders-prod',
    parameters: { Stage: 'prod' },
    createdAt: new Date(DEPLOYED_AT.getTime() - 120_000),
    completedAt: DEPLOYED_AT,
    ...extra,
    resources: [
      { logicalId: 'OrdersApi', type: 'AWS::Lambda::Function', physicalId: ORDERS_NAMES.OrdersApi },
      { logicalId: 'OrdersApiRole', type: 'AWS::IAM::Role', physicalId: 'orders-prod-OrdersApiRole-1AB' },
      { logicalId: 'Worker', type: 'AWS::Lambda::Function', physicalId: ORDERS_NAMES.Worker },
      { logicalId: 'WorkerRole', type: 'AWS::IAM::Role', physicalId: 'orders-prod-WorkerRole-2CD' },
      { logicalId: 'JobsQueue', type: 'AWS::SQS::Queue', physicalId: 'https://sqs.us-east-1.amazonaws.com/123456789012/orders-prod-JobsQueue-X' },
      { logicalId: 'OrdersTable', type: 'AWS::DynamoDB::Table', physicalId: 'orders-prod-OrdersTable-ABC' },
    ],
  });
}

/** A project folder with the template and a samconfig.toml naming `orders-prod`. */
export function ordersProject(samconfig = '[default.deploy.parameters]\nstack_name = "orders-prod"\nregion = "us-east-1"\n'): string {
  const dir = mkdtempSync(join(tmpdir(), 'deployed-'));
  mkdirSync(join(dir, 'src'));
  writeFileSync(join(dir, 'template.yaml'), ORDERS_TEMPLATE);
  writeFileSync(join(dir, 'samconfig.toml'), `version = 0.1\n${samconfig}`);
  return dir;
}

/** Credentials the loopback API accepts, in an environment without config files. */
export const LOOPBACK_ENV = { AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test', AWS_REGION: 'eu-central-1', AWS_CONFIG_FILE: '/nonexistent', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent' };

/** A deployed stack as the loader returns it, for tests that need no API: functions by logical id. */
export function stackState(functions: Record<string, Partial<DeployedConfig> & { name: string; deleted?: boolean }>, extra: Partial<DeployedStack> = {}): DeployedStack {
  const base: DeployedConfig = {
    arn: '', packageType: 'Zip', runtime: 'nodejs22.x', handler: 'index.handler', memorySize: 128, timeout: 3, architectures: ['x86_64'], ephemeralStorage: 512,
    layers: [], environment: {}, subnetIds: [], securityGroupIds: [], reservedConcurrency: undefined, lastModified: '2024-01-01T00:00:00.000+0000',
  };
  const entries = Object.entries(functions).map(([id, { name, deleted, ...config }]) => [id, { logicalId: id, name, config: deleted ? undefined : { ...base, ...config } }] as const);
  return {
    name: 'app', id: 'arn:aws:cloudformation:us-east-1:123456789012:stack/app/1', region: 'us-east-1', account: '123456789012', parameters: {}, completedAt: Date.parse('2024-01-02T00:00:00Z'),
    resources: Object.fromEntries(entries.map(([id, f]) => [id, { physicalId: f.name, type: 'AWS::Lambda::Function' }])),
    functions: Object.fromEntries(entries), nested: {}, nestedErrors: {}, ...extra,
  };
}
