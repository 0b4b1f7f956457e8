import assert from 'node:assert/strict';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { createClientFactory, type AwsClientFactory } from '../../../server/src/aws/clientFactory';
import { readLogs, type LogLine } from '../../../server/src/aws/logsApi';
import { createSession } from '../../../server/src/aws/session';
import { invokeFunction } from '../../../client/src/invoke/invoke';
import { LogTail, type TailState } from '../../../client/src/logs/tail';
import { startLambdaApi, type LambdaApi } from '../../support/lambdaApi';

const ENV = { AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test', AWS_CONFIG_FILE: '/nonexistent', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent' };

describe('logs/tail against the loopback CloudWatch Logs', function () {
  let api: LambdaApi;
  let factory: AwsClientFactory;
  before(async function () {
    api = await startLambdaApi();
    api.addFunction({ FunctionName: 'ticker', files: { 'index.js': "exports.handler = async (e) => { console.log('tick', e.n); return e.n; };" } });
    factory = createClientFactory(createSession({ env: ENV }), { endpoint: api.endpoint, maxAttempts: 1, requestTimeoutMs: 5000 });
  });
  after(async function () {
    factory.dispose();
    await api.close();
  });

  it('hands on each new line once, poll after poll, and reports its state', async function () {
    const logs = factory.client(CloudWatchLogsClient, 'us-east-1');
    const lambda = factory.createLambdaClient('us-east-1');
    const seen: LogLine[] = [];
    const states: TailState[] = [];
    await invokeFunction(lambda, { functionName: 'ticker', payload: '{"n": 1}', invocationType: 'RequestResponse' });
    const tail = new LogTail((since, signal) => readLogs(logs, { logGroup: '/aws/lambda/ticker', startTime: since, maxLines: 500 }, signal), (l) => seen.push(...l), (s) => states.push(s), 60_000);
    await tail.poll();
    const ticks = () => seen.map((l) => /\ttick (\d+)$/.exec(l.message)?.[1]).filter(Boolean);
    assert.deepEqual(ticks(), ['1'], 'the last minute is shown at once');
    await tail.poll();
    assert.deepEqual(ticks(), ['1'], 'nothing twice');
    await invokeFunction(lambda, { functionName: 'ticker', payload: '{"n": 2}', invocationType: 'RequestResponse' });
    await invokeFunction(lambda, { functionName: 'ticker', payload: '{"n": 3}', invocationType: 'RequestResponse' });
    await tail.poll();
    assert.deepEqual(ticks(), ['1', '2', '3']);
    assert.equal(new Set(seen.map((l) => l.id)).size, seen.length);
    assert.deepEqual(states.at(-1), { kind: 'tailing', lines: seen.length });
    tail.stop();
    assert.deepEqual(states.at(-1), { kind: 'stopped' });
  });

  it('keeps tailing through a failed poll and says why', async function () {
    const states: TailState[] = [];
    const logs = factory.client(CloudWatchLogsClient, 'us-east-1');
    api.faults.add({ kind: 'throttle', operation: 'FilterLogEvents', times: 1, retryAfterSeconds: 0.01 });
    const tail = new LogTail((since, signal) => readLogs(logs, { logGroup: '/aws/lambda/ticker', startTime: since, maxLines: 500 }, signal), () => undefined, (s) => states.push(s), 60_000);
    await tail.poll();
    assert.equal(states.at(-1)?.kind, 'failing');
    await tail.poll();
    assert.equal(states.at(-1)?.kind, 'tailing');
    tail.stop();
  });
});
