import assert from 'node:assert/strict';
import { GetAccountSettingsCommand, InvokeCommand } from '@aws-sdk/client-lambda';
import { withLimits } from '../../../server/src/aws/callScope';
import { createClientFactory, type AwsClientFactory } from '../../../server/src/aws/clientFactory';
import { classifyAwsError } from '../../../server/src/aws/errors';
import { callFailureOf, formatFailure, type AwsCallFailure } from '../../../server/src/aws/failure';
import { getAccountSummary, listAliases } from '../../../server/src/aws/lambdaApi';
import { createSession } from '../../../server/src/aws/session';
import { FunctionListCache } from '../../../client/src/aws/functionList';
import { startLambdaApi, type LambdaApi } from '../../support/lambdaApi';
import { freePort } from '../../support/ports';

const ENV = { AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test', AWS_CONFIG_FILE: '/nonexistent', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent' };
const session = createSession({ env: ENV });


describe('aws/clientFactory: bounded calls against loopback faults', function () {
  let api: LambdaApi;
  const failures: AwsCallFailure[] = [];
  const factories: AwsClientFactory[] = [];
  const factory = (over: { requestTimeoutMs?: number; maxAttempts?: number; deadlineMs?: number; maxResponseBytes?: number; endpoint?: string } = {}): AwsClientFactory => {
    const f = createClientFactory(session, { endpoint: api.endpoint, requestTimeoutMs: 500, maxAttempts: 3, ...over }, { onFailure: (x) => failures.push(x) });
    factories.push(f);
    return f;
  };
  /** Runs `fn`, expecting it to fail; answers the error and how long it took. */
  const failing = async (fn: () => Promise<unknown>): Promise<{ error: unknown; ms: number }> => {
    const t0 = performance.now();
    const error = await fn().then(
      () => assert.fail('expected a failure'),
      (e: unknown) => e,
    );
    return { error, ms: performance.now() - t0 };
  };

  before(async function () {
    api = await startLambdaApi();
    for (let i = 0; i < 120; i++) api.addFunction({ FunctionName: `fn-${String(i).padStart(3, '0')}` });
  });
  after(async function () {
    for (const f of factories) f.dispose();
    await api.close();
  });
  afterEach(() => {
    api.faults.clear();
    failures.length = 0;
  });

  it('ends a body that stalls after its headers with a timeout within the attempt timeout', async function () {
    api.faults.add({ kind: 'stall-body', operation: 'GetAccountSettings' });
    const { error, ms } = await failing(() => getAccountSummary(factory({ maxAttempts: 1 }).createLambdaClient('us-east-1')));
    const c = classifyAwsError(error, session.source, 'us-east-1');
    assert.equal(c.kind, 'timeout', String(error));
    assert.match(c.detail, /within 0\.5 s \(HTTP 200 headers, then the body stopped\)/);
    assert.ok(ms < 2_000, `named after ${ms} ms`);
    console.log(`      stalled body: "${c.summary}" after ${Math.round(ms)} ms (attempt timeout 500 ms)`);
  });

  it('fits the retries of a stalled call inside one total deadline', async function () {
    api.faults.add({ kind: 'stall-body', operation: 'GetAccountSettings' });
    const { error, ms } = await failing(() => getAccountSummary(factory({ maxAttempts: 5, requestTimeoutMs: 400, deadlineMs: 1_000 }).createLambdaClient('us-east-1')));
    const f = callFailureOf(error);
    assert.equal(f?.reason, 'deadline');
    assert.match(String((error as Error).message), /^No answer from GetAccountSettings at http:\/\/127\.0\.0\.1:\d+ within 1 s \(\d attempts?\)\.$/);
    assert.ok(ms < 1_600, `deadline 1 s, failed after ${ms} ms`);
    console.log(`      5 attempts x 400 ms under a 1 s deadline: failed after ${Math.round(ms)} ms, ${f?.attempts} attempts`);
  });

  it('names a connection reset mid-response as a reset, not a timeout', async function () {
    api.faults.add({ kind: 'reset', operation: 'GetAccountSettings' });
    const { error, ms } = await failing(() => getAccountSummary(factory({ maxAttempts: 2 }).createLambdaClient('us-east-1')));
    const c = classifyAwsError(error, session.source, 'us-east-1');
    assert.equal(c.kind, 'reset', String(error));
    assert.equal(c.summary, 'Connection reset: GetAccountSettings in us-east-1');
    assert.equal(c.call?.attempts, 2, 'a read is retried after a reset');
    console.log(`      reset: "${c.summary}" after ${Math.round(ms)} ms`);
  });

  it('names a refused connection as refused', async function () {
    const port = await freePort();
    const { error, ms } = await failing(() => getAccountSummary(factory({ endpoint: `http://127.0.0.1:${port}`, maxAttempts: 2 }).createLambdaClient('us-east-1')));
    const c = classifyAwsError(error, session.source, 'us-east-1');
    assert.equal(c.kind, 'refused', String(error));
    assert.equal(c.call?.attempts, 2);
    // Refused means nothing was sent: even an at-most-once call (Invoke) may try again.
    const once = await failing(() => withLimits({ retry: 'at-most-once' }, () => getAccountSummary(factory({ endpoint: `http://127.0.0.1:${port}`, maxAttempts: 3 }).createLambdaClient('us-east-1'))));
    assert.equal(callFailureOf(once.error)?.attempts, 3);
    assert.match(c.detail, new RegExp(`Connection refused by http://127\\.0\\.0\\.1:${port}`));
    console.log(`      refused: "${c.summary}" after ${Math.round(ms)} ms`);
  });

  it('refuses a 100 MB body without reading it whole', async function () {
    api.faults.add({ kind: 'huge-body', operation: 'GetAccountSettings', bytes: 100 * 1024 * 1024 });
    global.gc?.();
    const before = process.memoryUsage().rss;
    const { error, ms } = await failing(() => getAccountSummary(factory({ maxAttempts: 1, requestTimeoutMs: 10_000 }).createLambdaClient('us-east-1')));
    const grown = process.memoryUsage().rss - before;
    const c = classifyAwsError(error, session.source, 'us-east-1');
    assert.equal(c.kind, 'too-large', String(error));
    assert.match(c.detail, /larger than 7 MB/);
    assert.ok(grown < 64 * 1024 * 1024, `RSS grew ${grown} bytes`);
    console.log(`      100 MB body: "${c.summary}" after ${Math.round(ms)} ms, RSS +${(grown / 1024 / 1024).toFixed(1)} MB`);
  });

  it('reports an HTML error page as the HTTP status of the operation, not a deserialization error', async function () {
    api.faults.add({ kind: 'html', operation: 'GetAccountSettings', status: 404 });
    const { error } = await failing(() => getAccountSummary(factory().createLambdaClient('us-east-1')));
    const c = classifyAwsError(error, session.source, 'us-east-1');
    assert.equal(c.kind, 'not-implemented');
    assert.match(c.summary, /^HTTP 404 from GetAccountSettings at http:\/\/127\.0\.0\.1:\d+$/);
    assert.doesNotMatch(`${c.summary} ${c.detail}`, /Deserialization|SyntaxError|Unexpected token/);
  });

  it('stops a listing whose NextMarker repeats, and one whose markers cycle', async function () {
    api.faults.add({ kind: 'repeat-marker', operation: 'ListFunctions' });
    const cache = new FunctionListCache(factory());
    const repeat = await failing(() => cache.loadAll('us-east-1'));
    assert.match(String((repeat.error as Error).message), /ListFunctions returned a page marker it had already returned \(after 2 pages\)/);
    api.faults.clear();
    api.faults.add({ kind: 'cycle-marker', operation: 'ListAliases' });
    const cycle = await failing(() => listAliases(factory().createLambdaClient('us-east-1'), 'fn-000', undefined, 10_000));
    assert.match(String((cycle.error as Error).message), /ListAliases returned a page marker it had already returned \(after 3 pages\)/);
    const requests = api.requests.filter((r) => r.operation === 'ListFunctions' || r.operation === 'ListAliases').length;
    assert.ok(requests < 10, `${requests} list requests`);
  });

  it('logs every failed operation once with its facts and no secrets', async function () {
    api.faults.add({ kind: 'access-denied', operation: 'GetAccountSettings' });
    await failing(() => getAccountSummary(factory().createLambdaClient('eu-west-1')));
    assert.equal(failures.length, 1);
    const line = formatFailure(failures[0]!);
    assert.match(line, /^Lambda\.GetAccountSettings failed in eu-west-1 at http:\/\/127\.0\.0\.1:\d+ status=403 code=AccessDeniedException requestId=[0-9a-f-]{36} attempts=1 elapsed=\d+ms: User: /);
    assert.doesNotMatch(line, /secret|test:test|Signature=/i);
  });

  it('retries an at-most-once call only when it was throttled, never after a timeout', async function () {
    // After a throttle the adaptive rate limiter slows the retry: a roomy deadline keeps that out of the test.
    const client = factory({ maxAttempts: 4, deadlineMs: 20_000 }).createLambdaClient('us-east-1');
    api.faults.add({ kind: 'throttle', operation: 'GetAccountSettings', times: 1, retryAfterSeconds: 0.01 });
    const ok = await withLimits({ retry: 'at-most-once' }, () => client.send(new GetAccountSettingsCommand({})));
    assert.equal(ok.$metadata.attempts, 2);
    api.faults.add({ kind: 'stall-body', operation: 'GetAccountSettings' });
    const before = api.requests.length;
    const { error } = await failing(() => withLimits({ retry: 'at-most-once' }, () => client.send(new GetAccountSettingsCommand({}))));
    assert.equal(classifyAwsError(error, session.source).kind, 'timeout');
    assert.equal(api.requests.length - before, 1, 'sent once');
    const other = await failing(() => withLimits({ retry: 'at-most-once' }, () => client.send(new InvokeCommand({ FunctionName: 'nope' }))));
    assert.equal((other.error as Error).name, 'ResourceNotFoundException');
  });
});
