import assert from 'node:assert/strict';
import { createClientFactory, type AwsClientFactory } from '../../../server/src/aws/clientFactory';
import { classifyAwsError } from '../../../server/src/aws/errors';
import { FunctionListCache } from '../../../client/src/aws/functionList';
import { getAccountSummary, getFunctionDetails, listAliases, listEventSourceMappings, listVersions } from '../../../server/src/aws/lambdaApi';
import { createSession } from '../../../server/src/aws/session';
import { startLambdaApi, type LambdaApi } from '../../support/lambdaApi';

const ENV = { AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test', AWS_CONFIG_FILE: '/nonexistent', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent' };

describe('aws/lambdaApi and aws/functionList against the loopback Lambda API', function () {
  let api: LambdaApi;
  let factory: AwsClientFactory;
  before(async function () {
    api = await startLambdaApi();
    for (let i = 0; i < 120; i++) api.addFunction({ FunctionName: `fn-${String(i).padStart(3, '0')}` });
    api.addFunction({ FunctionName: 'solo', Environment: { Variables: { SECRET: 'x', A: 'y' } }, reservedConcurrency: 7 }, 'eu-west-1');
    factory = createClientFactory(createSession({ env: ENV }), { endpoint: api.endpoint, maxAttempts: 4, requestTimeoutMs: 2000 });
  });
  after(async function () {
    factory.dispose();
    await api.close();
  });
  afterEach(() => api.faults.clear());

  it('loads 120 functions a page of 50 at a time', async function () {
    const cache = new FunctionListCache(factory);
    assert.deepEqual([(await cache.loadNextPage('us-east-1')).functions.length, cache.get('us-east-1').complete], [50, false]);
    assert.equal((await cache.loadNextPage('us-east-1')).functions.length, 100);
    const last = await cache.loadNextPage('us-east-1');
    assert.deepEqual([last.functions.length, last.complete], [120, true]);
    assert.equal(last.functions[119]?.name, 'fn-119');
    assert.equal(api.requests.filter((r) => r.operation === 'ListFunctions').length, 3);
  });

  it('shares one request between concurrent loads of the same page', async function () {
    const cache = new FunctionListCache(factory);
    const before = api.requests.length;
    await Promise.all([cache.loadNextPage('us-east-1'), cache.loadNextPage('us-east-1')]);
    assert.equal(api.requests.length - before, 1);
  });

  // Throttling turns on the adaptive rate limiter of a client, so these tests use clients of their own.
  const freshFactory = (maxAttempts: number) => createClientFactory(factory.session, { endpoint: api.endpoint, maxAttempts });

  it('recovers from throttling with retries (adaptive retry honours Retry-After)', async function () {
    api.faults.add({ kind: 'throttle', operation: 'ListFunctions', times: 1, retryAfterSeconds: 0.05 });
    const own = freshFactory(4);
    const cache = new FunctionListCache(own);
    const page = await cache.loadNextPage('us-east-1');
    assert.equal(page.functions.length, 50);
    assert.deepEqual(api.requests.slice(-2).map((r) => r.status), [429, 200]);
    own.dispose();
  });

  it('gives up on endless throttling with an error that says to wait and refresh', async function () {
    api.faults.add({ kind: 'throttle', retryAfterSeconds: 0.01 });
    const own = freshFactory(2);
    const e = await new FunctionListCache(own).loadNextPage('us-east-1').catch((x: unknown) => x);
    own.dispose();
    const c = classifyAwsError(e, factory.session.source, 'us-east-1');
    assert.equal(c.kind, 'throttled');
    assert.match(c.detail, /refresh/);
  });

  it('classifies access denied and expired tokens per region', async function () {
    api.faults.add({ kind: 'access-denied', region: 'eu-west-1' });
    const denied = await new FunctionListCache(factory).loadNextPage('eu-west-1').catch((x: unknown) => x);
    const c = classifyAwsError(denied, factory.session.source, 'eu-west-1');
    assert.equal(c.kind, 'access-denied');
    assert.match(c.summary, /Access denied in eu-west-1/);
    assert.match(c.detail, /lambda:ListFunctions/);
    api.faults.clear();
    api.faults.add({ kind: 'expired-token', times: 1 });
    const expired = await getAccountSummary(factory.createLambdaClient('us-east-1')).catch((x: unknown) => x);
    assert.equal(classifyAwsError(expired, factory.session.source).kind, 'expired-token');
  });

  it('ends a request that gets no answer with a timeout error', async function () {
    const slowFactory = createClientFactory(factory.session, { endpoint: api.endpoint, maxAttempts: 1, requestTimeoutMs: 100 });
    api.faults.add({ kind: 'slow', delayMs: 400, times: 1 });
    const e = await getAccountSummary(slowFactory.createLambdaClient('us-east-1')).catch((x: unknown) => x);
    slowFactory.dispose();
    const c = classifyAwsError(e, factory.session.source, 'us-east-1');
    assert.equal(c.kind, 'timeout', String(e));
    assert.match(c.detail, /lambdaLens.requestTimeoutMs/);
  });

  it('cancels a load through its AbortSignal', async function () {
    api.faults.add({ kind: 'slow', delayMs: 300, times: 1 });
    const ac = new AbortController();
    const p = new FunctionListCache(factory).loadNextPage('us-east-1', ac.signal);
    setImmediate(() => ac.abort());
    const c = classifyAwsError(await p.catch((x: unknown) => x), factory.session.source);
    assert.equal(c.kind, 'cancelled');
  });

  it('reads details without the code location, and aliases, versions, mappings and account settings', async function () {
    const client = factory.createLambdaClient('eu-west-1');
    const d = await getFunctionDetails(client, 'solo');
    assert.equal(d.reservedConcurrency, 7);
    assert.equal(d.configuration.FunctionName, 'solo');
    assert.ok(!('Code' in d));
    assert.deepEqual((await listVersions(client, 'solo')).items.map((v) => v.version), ['$LATEST']);
    assert.deepEqual((await listAliases(client, 'solo')).items, []);
    assert.deepEqual((await listEventSourceMappings(client, 'solo')).items, []);
    const account = await getAccountSummary(client);
    assert.equal(account.functionCount, 1);
    assert.equal(account.concurrencyLimit, 1000);
  });
});
