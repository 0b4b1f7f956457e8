import assert from 'node:assert/strict';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { createClientFactory, type AwsClientFactory } from '../../../server/src/aws/clientFactory';
import { classifyAwsError } from '../../../server/src/aws/errors';
import { formatLogLine, readLogs } from '../../../server/src/aws/logsApi';
import { createSession } from '../../../server/src/aws/session';
import { invokeFunction } from '../../../client/src/invoke/invoke';
import { startLambdaApi, type LambdaApi } from '../../support/lambdaApi';

const ENV = { AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test', AWS_CONFIG_FILE: '/nonexistent', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent' };
const HANDLER = "exports.handler = async (event) => { console.log('order', event.id, 'shipped'); return 'ok'; };";

describe('aws/logsApi against the loopback CloudWatch Logs', function () {
  let api: LambdaApi;
  let factory: AwsClientFactory;
  const logs = () => factory.client(CloudWatchLogsClient, 'eu-west-1');

  before(async function () {
    api = await startLambdaApi();
    api.addFunction({ FunctionName: 'shipper', files: { 'index.js': HANDLER } }, 'eu-west-1');
    api.addFunction({ FunctionName: 'custom-group', files: { 'index.js': HANDLER }, LoggingConfig: { LogFormat: 'Text', LogGroup: '/shared/orders' } }, 'eu-west-1');
    factory = createClientFactory(createSession({ env: ENV }), { endpoint: api.endpoint, maxAttempts: 2, requestTimeoutMs: 5000 });
  });
  after(async function () {
    factory.dispose();
    await api.close();
  });

  it('reads what an invocation printed, by its request id, through the SDK', async function () {
    const started = Date.now();
    const lambda = factory.createLambdaClient('eu-west-1');
    const first = await invokeFunction(lambda, { functionName: 'shipper', payload: '{"id": 41}', invocationType: 'RequestResponse' });
    await invokeFunction(lambda, { functionName: 'shipper', payload: '{"id": 42}', invocationType: 'RequestResponse' });
    assert.ok(first.requestId);
    const mine = await readLogs(logs(), { logGroup: '/aws/lambda/shipper', startTime: started - 1000, filterPattern: `"${first.requestId}"`, maxLines: 100 });
    const text = mine.lines.map((l) => l.message);
    assert.ok(text.some((m) => m.endsWith(`${first.requestId}\tINFO\torder 41 shipped`)), text.join('\n'));
    assert.ok(!text.some((m) => m.includes('order 42')), 'only the lines of that request');
    assert.deepEqual(text.filter((m) => /^(START|END|REPORT) RequestId/.test(m)).map((m) => m.split(' ')[0]), ['START', 'END', 'REPORT']);
    assert.match(formatLogLine(mine.lines[0]!), /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} {2}START RequestId: /);
    const all = await readLogs(logs(), { logGroup: '/aws/lambda/shipper', startTime: started - 1000, maxLines: 100 });
    assert.ok(all.lines.length >= 8);
  });

  it('writes to the LoggingConfig log group, pages through many lines and keeps the newest', async function () {
    const started = Date.now();
    const lambda = factory.createLambdaClient('eu-west-1');
    for (let i = 0; i < 15; i++) await invokeFunction(lambda, { functionName: 'custom-group', payload: `{"id": ${i}}`, invocationType: 'RequestResponse' });
    const before = api.requests.filter((r) => r.operation === 'FilterLogEvents').length;
    const r = await readLogs(logs(), { logGroup: '/shared/orders', startTime: started - 1000, maxLines: 10 });
    assert.equal(api.requests.filter((q) => q.operation === 'FilterLogEvents').length - before, 2, '60 lines, 50 a page');
    assert.equal(r.lines.length, 10);
    assert.equal(r.truncated, true);
    assert.ok(r.lines.some((l) => l.message.includes('order 14 shipped')), 'the newest lines are kept');
  });

  it('says when a log group does not exist, and names a denied read', async function () {
    const missing = await readLogs(logs(), { logGroup: '/aws/lambda/never-ran', startTime: 0, maxLines: 10 });
    assert.deepEqual(missing, { lines: [], truncated: false, groupExists: false });
    api.faults.add({ kind: 'access-denied', operation: 'FilterLogEvents', times: 1 });
    const e = await readLogs(logs(), { logGroup: '/aws/lambda/shipper', startTime: 0, maxLines: 10 }).catch((x: unknown) => x);
    const c = classifyAwsError(e, factory.session.source, 'eu-west-1');
    assert.equal(c.kind, 'access-denied');
    assert.equal(c.call?.service, 'CloudWatchLogs');
    assert.equal(c.call?.operation, 'FilterLogEvents');
    assert.match(c.detail, /Ask for logs:FilterLogEvents permission in eu-west-1/);
  });
});
