/**
 * Compatibility tier: the explorer's listings, paging, details and invoke through the real SDK
 * against moto's server, a second implementation of the Lambda API, so differences between it and
 * the project's loopback server show up here. Runs when `moto_server` is on PATH; skipped otherwise.
 * moto runs Lambda handlers in Docker unless told not to; `use_docker` is turned off through its
 * /moto-api/config, so Invoke echoes the payload instead of running the code.
 */
import assert from 'node:assert/strict';
import { CreateFunctionCommand } from '@aws-sdk/client-lambda';
import yazl from 'yazl';
import { AwsContext } from '../../client/src/aws/awsContext';
import { FunctionListCache } from '../../client/src/aws/functionList';
import { ExplorerModel } from '../../client/src/explorer/model';
import type { ExplorerNode, FunctionNode } from '../../client/src/explorer/nodes';
import { present } from '../../client/src/explorer/present';
import { invokeFunction } from '../../client/src/invoke/invoke';
import { createClientFactory, type AwsClientFactory } from '../../server/src/aws/clientFactory';
import type { AwsCallFailure } from '../../server/src/aws/failure';
import { createSession } from '../../server/src/aws/session';
import { MemoryStore } from '../support/memoryStore';
import { hasMoto, MOTO_ENV, MOTO_ROLE, startMoto, type Moto } from '../support/moto';

const ENV = MOTO_ENV;
const ROLE = MOTO_ROLE;

async function zip(source: string): Promise<Buffer> {
  const z = new yazl.ZipFile();
  z.addBuffer(Buffer.from(source), 'index.js');
  z.end();
  const chunks: Buffer[] = [];
  for await (const c of z.outputStream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

describe('compatibility with moto_server', function () {
  this.timeout(120_000);
  let moto: Moto | undefined;
  let endpoint: string;
  let factory: AwsClientFactory;
  const failures: AwsCallFailure[] = [];
  const contexts: AwsContext[] = [];

  before(async function () {
    if (!hasMoto()) {
      console.log('      moto_server is not installed: the moto tier is skipped');
      this.skip();
    }
    moto = await startMoto();
    endpoint = moto.endpoint;
    factory = createClientFactory(createSession({ env: ENV }), { endpoint, maxAttempts: 2, requestTimeoutMs: 10_000 }, { onFailure: (f) => failures.push(f) });
    const code = await zip("exports.handler = async (e) => ({ got: e });");
    const us = factory.createLambdaClient('us-east-1');
    for (let i = 0; i < 55; i++) {
      await us.send(new CreateFunctionCommand({ FunctionName: `orders-${String(i).padStart(2, '0')}`, Runtime: 'nodejs22.x', Role: ROLE, Handler: 'index.handler', Code: { ZipFile: code }, Timeout: 7, MemorySize: 256 }));
    }
    await factory.createLambdaClient('eu-west-1').send(
      new CreateFunctionCommand({ FunctionName: 'billing', Runtime: 'python3.13', Role: ROLE, Handler: 'app.handler', Code: { ZipFile: code }, Environment: { Variables: { DB_PASSWORD: 'hunter2', TABLE: 'bills' } } }),
    );
  });

  after(async function () {
    factory?.dispose();
    for (const c of contexts) c.dispose();
    await moto?.stop();
  });

  it('lists every function through the SDK, however the endpoint pages them', async function () {
    const cache = new FunctionListCache(factory);
    const first = await cache.loadNextPage('us-east-1');
    // Lambda caps a page at 50; moto 5 ignores MaxItems and answers all 55 at once. Both must list.
    assert.ok([50, 55].includes(first.functions.length), `first page of ${first.functions.length}`);
    const all = await cache.loadAll('us-east-1');
    assert.deepEqual([all.functions.length, all.complete], [55, true]);
    assert.equal(all.functions[54]?.name, 'orders-54');
    assert.deepEqual([all.functions[0]?.timeoutSec, all.functions[0]?.memoryMb, all.functions[0]?.logGroup], [7, 256, '/aws/lambda/orders-00']);
  });

  it('shows regions, functions and details in the explorer, and an operation moto lacks as not implemented', async function () {
    const aws = new AwsContext({ profile: undefined, regions: ['us-east-1', 'eu-west-1'], client: { endpoint, maxAttempts: 2, requestTimeoutMs: 10_000 } }, () => factory.session, { onFailure: (f) => failures.push(f) });
    contexts.push(aws);
    const m = new ExplorerModel(aws, new MemoryStore());
    const roots = await m.children(undefined);
    assert.deepEqual(roots.map((r) => present(r, m).description), ['55 functions', '1 function'], 'moto answers all 55 in one page');
    const us = await m.children(roots[0]!);
    // The explorer still shows 50 rows at a time, whatever the page size was.
    assert.deepEqual([us[0]?.kind, us.filter((n) => n.kind === 'function').length, us.at(-1)?.kind], ['account', 50, 'loadMore']);
    await m.loadMore('us-east-1');
    assert.equal((await m.children(roots[0]!)).filter((n) => n.kind === 'function').length, 55);

    // moto serves no GetAccountSettings: the Account node says so; the functions keep working.
    const account = await m.children(us[0]!);
    assert.equal(account[0]?.kind, 'error');
    assert.match(present(account[0] as ExplorerNode, m).label, /^HTTP 404 from GetAccountSettings at http:\/\/127\.0\.0\.1:\d+$/);

    const eu = await m.children(roots[1]!);
    const billing = eu.find((n): n is FunctionNode => n.kind === 'function' && n.fn.name === 'billing')!;
    const groups = await m.children(billing);
    const rows = async (group: string) =>
      (await m.children(groups.find((g) => g.kind === 'detailGroup' && g.group === group)!)).map((n) => (n.kind === 'detail' ? `${n.label}=${n.description}` : n.kind));
    assert.ok((await rows('configuration')).includes('Runtime=python3.13'));
    assert.deepEqual(await rows('environment'), ['DB_PASSWORD=', 'TABLE=']);
    assert.deepEqual(await rows('functionUrl'), ['none=']);
    assert.deepEqual(await rows('aliases'), ['none=']);
    assert.match((await rows('versions')).join(), /^\$LATEST=/);
    assert.ok(failures.some((f) => f.operation === 'GetAccountSettings' && f.reason === 'not-implemented'), 'the failure was logged');
  });

  it('invokes through the SDK: RequestResponse (Timeout asked of the API), Event, and a missing function', async function () {
    const c = factory.createLambdaClient('us-east-1');
    const o = await invokeFunction(c, { functionName: 'orders-03', payload: '{"order": 3}', invocationType: 'RequestResponse' });
    assert.equal(o.statusCode, 200);
    assert.equal(o.functionError, undefined);
    assert.deepEqual(JSON.parse(o.payload), { order: 3 }, 'moto without Docker echoes the payload');
    assert.ok(o.requestId);
    assert.equal((await invokeFunction(c, { functionName: 'orders-03', payload: '{}', invocationType: 'Event' })).statusCode, 202);
    const missing = await invokeFunction(c, { functionName: 'no-such-function', payload: '{}', invocationType: 'RequestResponse' }).catch((e: unknown) => e);
    assert.equal((missing as Error).name, 'ResourceNotFoundException');
  });
});
