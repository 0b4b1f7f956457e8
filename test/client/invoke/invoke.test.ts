import assert from 'node:assert/strict';
import { CreateAliasCommand, PublishVersionCommand } from '@aws-sdk/client-lambda';
import { createClientFactory, type AwsClientFactory } from '../../../server/src/aws/clientFactory';
import { createSession } from '../../../server/src/aws/session';
import { explainInvokeError } from '../../../client/src/invoke/explain';
import { PayloadRejected, invokeFunction, listQualifiers } from '../../../client/src/invoke/invoke';
import { resultDocument, summaryLine } from '../../../client/src/invoke/result';
import { QUOTAS } from '../../../server/src/quotas';
import { generateEvent } from '../../../server/src/events/catalogue';
import { startLambdaApi, type LambdaApi } from '../../support/lambdaApi';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ENV = { AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test', AWS_CONFIG_FILE: '/nonexistent', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent' };

const HANDLER = `
exports.echo = async (event, ctx) => { console.log('received', JSON.stringify(event).length, 'bytes'); return { echo: event, fn: ctx.functionName }; };
exports.fail = async () => { console.log('about to fail'); throw new RangeError('order 42 has no lines'); };
exports.slow = async () => {
  require('fs').appendFileSync(process.env.COUNT_FILE, 'called\\n');
  await new Promise((r) => setTimeout(r, 1500));
  return { done: true };
};
`;

describe('invoke against the loopback Lambda API', function () {
  let api: LambdaApi;
  let factory: AwsClientFactory;
  const client = () => factory.createLambdaClient('us-east-1');
  const invokes = () => api.requests.filter((r) => r.operation === 'Invoke').length;
  const countFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'invoke-count-')), 'calls');
  /** How many times the slow handler has run. */
  const handlerRuns = (): number => (fs.existsSync(countFile) ? fs.readFileSync(countFile, 'utf8').split('\n').filter(Boolean).length : 0);
  /** A factory whose request timeout (300 ms) is far below the slow handler's 1.5 s, with retries allowed. */
  const impatient = () => createClientFactory(factory.session, { endpoint: api.endpoint, maxAttempts: 5, requestTimeoutMs: 300 });

  before(async function () {
    api = await startLambdaApi();
    const base = { Runtime: 'nodejs20.x', Role: 'arn:aws:iam::123456789012:role/r', files: { 'index.js': HANDLER } };
    api.addFunction({ ...base, FunctionName: 'orders-echo', Handler: 'index.echo' });
    api.addFunction({ ...base, FunctionName: 'orders-fail', Handler: 'index.fail' });
    api.addFunction({ ...base, FunctionName: 'orders-slow', Handler: 'index.slow', Timeout: 5, Environment: { Variables: { COUNT_FILE: countFile } } });
    factory = createClientFactory(createSession({ env: ENV }), { endpoint: api.endpoint, maxAttempts: 2, requestTimeoutMs: 10_000 });
  });
  after(async function () {
    factory.dispose();
    await api.close();
  });
  afterEach(() => api.faults.clear());

  it('echoes a catalogue event and reports a cold start, then a warm one', async function () {
    const payload = JSON.stringify(generateEvent('sqs-receive-message', { body: 'hello' }));
    const cold = await invokeFunction(client(), { functionName: 'orders-echo', payload, invocationType: 'RequestResponse' });
    assert.equal(cold.statusCode, 200);
    assert.equal(cold.functionError, undefined);
    assert.deepEqual(JSON.parse(cold.payload), { echo: JSON.parse(payload), fn: 'orders-echo' });
    assert.match(cold.log, /received \d+ bytes/);
    assert.ok(cold.report, 'REPORT line parsed');
    assert.ok(cold.report.durationMs >= 0);
    assert.ok(cold.report.billedDurationMs >= 1);
    assert.equal(cold.report.memorySizeMb, 128);
    assert.ok(cold.report.maxMemoryUsedMb > 0);
    assert.ok(cold.report.initDurationMs !== undefined && cold.report.initDurationMs > 0, 'Init Duration on a cold start');
    assert.match(summaryLine(cold), /^orders-echo · Status: 200 OK · Duration: [\d.]+ ms · Billed Duration: \d+ ms · Memory: \d+ MB used of 128 MB · Init Duration: [\d.]+ ms \(cold start\) · Version: \$LATEST$/);
    const warm = await invokeFunction(client(), { functionName: 'orders-echo', payload: '{"a":1}', invocationType: 'RequestResponse' });
    assert.equal(warm.report?.initDurationMs, undefined);
    const doc = resultDocument(warm);
    assert.match(doc, /^\/\/ orders-echo \(\$LATEST, RequestResponse\)\n\/\/ Status: 200 OK\n/);
    assert.match(doc, /\n\{\n {2}"echo": \{\n {4}"a": 1\n/);
  });

  it('surfaces a function error with its type and message', async function () {
    const o = await invokeFunction(client(), { functionName: 'orders-fail', payload: '{}', invocationType: 'RequestResponse' });
    assert.equal(o.statusCode, 200);
    assert.equal(o.functionError, 'Unhandled');
    assert.equal(o.errorType, 'RangeError');
    assert.equal(o.errorMessage, 'order 42 has no lines');
    assert.match(o.log, /about to fail/);
    assert.match(summaryLine(o), /Status: 200 Function error \(Unhandled\) · Error: RangeError: order 42 has no lines/);
  });

  it('queues an Event invocation (202) and dry-runs (204) without running the handler synchronously', async function () {
    const e = await invokeFunction(client(), { functionName: 'orders-echo', payload: '{"async":true}', invocationType: 'Event' });
    assert.equal(e.statusCode, 202);
    assert.equal(e.log, '');
    assert.match(summaryLine(e), /202 Accepted/);
    const d = await invokeFunction(client(), { functionName: 'orders-echo', payload: '{}', invocationType: 'DryRun' });
    assert.equal(d.statusCode, 204);
    assert.match(resultDocument(d), /Dry run/);
  });

  it('refuses an oversized or invalid payload without sending a request', async function () {
    const before = invokes();
    const bigAsync = JSON.stringify({ data: 'x'.repeat(QUOTAS.asyncPayloadBytes) });
    const e1 = await invokeFunction(client(), { functionName: 'orders-echo', payload: bigAsync, invocationType: 'Event' }).catch((x: unknown) => x);
    assert.ok(e1 instanceof PayloadRejected);
    assert.match(e1.message, /at most 1 MB \(1048576 bytes\) for asynchronous \(Event\) invocations\. Nothing was sent/);
    const bigSync = JSON.stringify({ data: 'x'.repeat(QUOTAS.syncPayloadBytes) });
    const e2 = await invokeFunction(client(), { functionName: 'orders-echo', payload: bigSync, invocationType: 'RequestResponse' }).catch((x: unknown) => x);
    assert.ok(e2 instanceof PayloadRejected);
    assert.match(e2.message, /at most 6 MB/);
    const e3 = await invokeFunction(client(), { functionName: 'orders-echo', payload: '{\n  "a": 1,\n  oops\n}', invocationType: 'RequestResponse' }).catch((x: unknown) => x);
    assert.ok(e3 instanceof PayloadRejected);
    assert.deepEqual([e3.problem.line, e3.problem.column], [3, 3]);
    assert.equal(invokes(), before, 'the server saw no Invoke request');
  });

  it('a payload just under the async limit is sent', async function () {
    const payload = JSON.stringify({ d: 'x'.repeat(QUOTAS.asyncPayloadBytes - 20) });
    assert.ok(Buffer.byteLength(payload) <= QUOTAS.asyncPayloadBytes);
    assert.equal((await invokeFunction(client(), { functionName: 'orders-echo', payload, invocationType: 'Event' })).statusCode, 202);
  });

  it('explains a missing function or qualifier', async function () {
    const e = await invokeFunction(client(), { functionName: 'orders-gone', payload: '{}', invocationType: 'RequestResponse' }).catch((x: unknown) => x);
    const c = explainInvokeError(e, factory.session.source, 'us-east-1', 'orders-gone', '$LATEST');
    assert.equal(c.summary, 'Function orders-gone not found in us-east-1');
    assert.match(c.detail, /Check the name, the qualifier/);
    const q = await invokeFunction(client(), { functionName: 'orders-echo', qualifier: 'nope', payload: '{}', invocationType: 'RequestResponse' }).catch((x: unknown) => x);
    assert.equal(explainInvokeError(q, factory.session.source, 'us-east-1', 'orders-echo', 'nope').summary, 'Function orders-echo:nope not found in us-east-1');
  });

  it('explains throttling after retries, access denied and expired credentials', async function () {
    api.faults.add({ kind: 'throttle', operation: 'Invoke', retryAfterSeconds: 0.01 });
    const own = createClientFactory(factory.session, { endpoint: api.endpoint, maxAttempts: 2 });
    const e = await invokeFunction(own.createLambdaClient('us-east-1'), { functionName: 'orders-echo', payload: '{}', invocationType: 'RequestResponse' }).catch((x: unknown) => x);
    own.dispose();
    const c = explainInvokeError(e, factory.session.source, 'us-east-1', 'orders-echo', '$LATEST');
    assert.equal(c.kind, 'throttled');
    assert.match(c.detail, /reserved concurrency or the account's concurrency in us-east-1 is used up/);
    api.faults.clear();
    api.faults.add({ kind: 'access-denied', operation: 'Invoke', times: 1 });
    const d = await invokeFunction(client(), { functionName: 'orders-echo', payload: '{}', invocationType: 'RequestResponse' }).catch((x: unknown) => x);
    const cd = explainInvokeError(d, factory.session.source, 'us-east-1', 'orders-echo', '$LATEST');
    assert.equal(cd.summary, 'Not allowed to invoke orders-echo');
    assert.match(cd.detail, /lambda:InvokeFunction/);
    api.faults.add({ kind: 'expired-token', operation: 'Invoke', times: 1 });
    const x = await invokeFunction(client(), { functionName: 'orders-echo', payload: '{}', invocationType: 'RequestResponse' }).catch((err: unknown) => err);
    const cx = explainInvokeError(x, factory.session.source, 'us-east-1', 'orders-echo', '$LATEST');
    assert.equal(cx.kind, 'expired-token');
    assert.match(cx.detail, /expired/);
  });

  it('lists $LATEST, aliases and versions as qualifiers, and invokes by alias', async function () {
    await client().send(new PublishVersionCommand({ FunctionName: 'orders-echo', Description: 'first' }));
    await client().send(new CreateAliasCommand({ FunctionName: 'orders-echo', Name: 'live', FunctionVersion: '1' }));
    const qs = await listQualifiers(client(), 'orders-echo');
    assert.deepEqual(qs.map((q) => `${q.kind}:${q.qualifier}`), ['latest:$LATEST', 'alias:live', 'version:1']);
    const o = await invokeFunction(client(), { functionName: 'orders-echo', qualifier: 'live', payload: '{}', invocationType: 'RequestResponse' });
    assert.equal(o.executedVersion, '1');
    assert.match(summaryLine(o), /^orders-echo:live · .* · Version: 1$/);
  });

  it('waits for a function that runs longer than the request timeout and runs it exactly once', async function () {
    const own = impatient();
    const runs = handlerRuns();
    const sent = invokes();
    const o = await invokeFunction(own.createLambdaClient('us-east-1'), { functionName: 'orders-slow', payload: '{}', invocationType: 'RequestResponse' });
    own.dispose();
    assert.deepEqual(JSON.parse(o.payload), { done: true });
    assert.equal(handlerRuns() - runs, 1, 'the handler ran once');
    assert.equal(invokes() - sent, 1, 'one Invoke request');
    assert.equal(o.requestId, o.report?.requestId);
  });

  it('ends an invoke with no answer after Timeout plus margin, says the function may still run, and never resends it', async function () {
    this.timeout(30_000);
    const own = impatient();
    api.faults.add({ kind: 'slow', operation: 'Invoke', delayMs: 5_000, times: 1 });
    const sent = invokes();
    const e = await invokeFunction(own.createLambdaClient('us-east-1'), { functionName: 'orders-slow', payload: '{}', invocationType: 'RequestResponse' }, undefined, { timeoutSec: 1, marginMs: 500 }).catch((x: unknown) => x);
    own.dispose();
    const c = explainInvokeError(e, factory.session.source, 'us-east-1', 'orders-slow', '$LATEST');
    assert.equal(c.summary, 'orders-slow: no answer in 2 s; the function may still be running');
    assert.match(c.detail, /did not send the request again, so it ran at most once/);
    assert.equal(invokes() - sent, 1, 'one Invoke request');
  });

  it('does not resend an invoke whose connection was reset mid-response', async function () {
    const own = impatient();
    api.faults.add({ kind: 'reset', operation: 'Invoke', times: 1 });
    const sent = invokes();
    const e = await invokeFunction(own.createLambdaClient('us-east-1'), { functionName: 'orders-echo', payload: '{}', invocationType: 'RequestResponse' }).catch((x: unknown) => x);
    own.dispose();
    const c = explainInvokeError(e, factory.session.source, 'us-east-1', 'orders-echo', '$LATEST');
    assert.equal(c.kind, 'reset');
    assert.match(c.detail, /may have run; it was not sent again/);
    assert.equal(invokes() - sent, 1);
  });

  it('resends a throttled invoke, which never ran', async function () {
    const own = impatient();
    api.faults.add({ kind: 'throttle', operation: 'Invoke', times: 1, retryAfterSeconds: 0.01 });
    const runs = handlerRuns();
    const sent = invokes();
    const o = await invokeFunction(own.createLambdaClient('us-east-1'), { functionName: 'orders-slow', payload: '{}', invocationType: 'RequestResponse' });
    own.dispose();
    assert.equal(o.statusCode, 200);
    assert.equal(invokes() - sent, 2, 'the throttled request and its retry');
    assert.equal(handlerRuns() - runs, 1);
  });
});
