import assert from 'node:assert/strict';
import {
  CreateAliasCommand,
  CreateEventSourceMappingCommand,
  CreateFunctionCommand,
  DeleteFunctionCommand,
  GetAccountSettingsCommand,
  GetFunctionCommand,
  GetFunctionConfigurationCommand,
  InvalidRequestContentException,
  InvokeCommand,
  LambdaClient,
  ListEventSourceMappingsCommand,
  ListFunctionsCommand,
  ListVersionsByFunctionCommand,
  PublishVersionCommand,
  RequestTooLargeException,
  ResourceNotFoundException,
  paginateListAliases,
  paginateListFunctions,
} from '@aws-sdk/client-lambda';
import { CloudFormationClient, DescribeStackEventsCommand, DescribeStacksCommand, paginateListStackResources } from '@aws-sdk/client-cloudformation';
import { PAYLOAD_LIMITS, startLambdaApi, type LambdaApi } from './index';
import { zipOf } from './zip';

const Role = 'arn:aws:iam::123456789012:role/r';
const dec = (u8: Uint8Array | undefined): string => new TextDecoder().decode(u8);
const errorOf = (p: Promise<unknown>): Promise<Error & { $metadata: { httpStatusCode?: number }; Type?: string }> =>
  p.then(
    () => assert.fail('expected the call to fail'),
    (e: unknown) => e as Error & { $metadata: { httpStatusCode?: number } },
  );

describe('loopback Lambda API with the real SDK', function () {
  let api: LambdaApi;
  let client: LambdaClient;
  const mk = (credentials = { accessKeyId: 'test', secretAccessKey: 'test' }, region = 'us-east-1', maxAttempts = 1): LambdaClient =>
    new LambdaClient({ endpoint: api.endpoint, region, credentials, maxAttempts });

  before(async function () {
    api = await startLambdaApi({ regions: ['us-east-1', 'eu-west-1'] });
    client = mk();
    const cjs = await zipOf({
      'index.js': `let calls = 0;
exports.handler = async (event, ctx) => { console.log('got', JSON.stringify(event)); console.error('to stderr'); return { echo: event, fn: ctx.functionName, env: process.env.GREETING, left: ctx.getRemainingTimeInMillis() > 0, calls: ++calls }; };
exports.boom = async () => { console.log('about to fail'); throw new TypeError('kaboom'); };
exports.slow = () => new Promise((r) => setTimeout(r, 10000));
exports.big = async () => 'x'.repeat(${PAYLOAD_LIMITS.syncBytes + 10});
exports.cb = (e, c, callback) => callback(null, 'via-callback');`,
    });
    const esm = await zipOf({ 'src/app.mjs': 'export const handler = async (e) => ({ esm: true, n: e.n * 2 });' });
    const specs: Array<[string, string, Buffer, Record<string, unknown>]> = [
      ['alpha', 'index.handler', cjs, { Environment: { Variables: { GREETING: 'hi' } } }],
      ['bravo', 'index.boom', cjs, {}],
      ['charlie', 'index.slow', cjs, { Timeout: 1 }],
      ['delta', 'src/app.handler', esm, {}],
      ['echo', 'index.cb', cjs, {}],
      ['foxtrot', 'missing.handler', cjs, {}],
      ['golf', 'index.big', cjs, {}],
    ];
    for (const [FunctionName, Handler, ZipFile, extra] of specs) {
      const r = await client.send(new CreateFunctionCommand({ FunctionName, Handler, Runtime: 'nodejs20.x', Role, Code: { ZipFile }, ...extra }));
      assert.equal(r.FunctionArn, `arn:aws:lambda:us-east-1:123456789012:function:${FunctionName}`);
      assert.equal(r.$metadata.httpStatusCode, 201);
    }
  });
  after(() => api.close());

  it('pages ListFunctions with MaxItems/NextMarker and works with paginateListFunctions', async function () {
    const first = await client.send(new ListFunctionsCommand({ MaxItems: 4 }));
    assert.equal(first.Functions?.length, 4);
    assert.ok(first.NextMarker);
    assert.equal(first.Functions?.[0]?.State, undefined, 'ListFunctions omits State');
    const pages: string[][] = [];
    for await (const p of paginateListFunctions({ client, pageSize: 4 }, {})) pages.push((p.Functions ?? []).map((f) => f.FunctionName ?? ''));
    assert.deepEqual(pages, [['alpha', 'bravo', 'charlie', 'delta'], ['echo', 'foxtrot', 'golf']]);
    const bad = await errorOf(client.send(new ListFunctionsCommand({ Marker: 'garbage' })));
    assert.equal(bad.name, 'InvalidParameterValueException');
    assert.equal(bad.$metadata.httpStatusCode, 400);
  });

  it('keeps regions apart behind one endpoint', async function () {
    api.addFunction({ FunctionName: 'only-in-eu' }, 'eu-west-1');
    const eu = await mk(undefined, 'eu-west-1').send(new ListFunctionsCommand({}));
    assert.deepEqual(eu.Functions?.map((f) => f.FunctionArn), ['arn:aws:lambda:eu-west-1:123456789012:function:only-in-eu']);
    const us = await client.send(new ListFunctionsCommand({}));
    assert.ok(!us.Functions?.some((f) => f.FunctionName === 'only-in-eu'));
  });

  it('answers GetFunction / GetFunctionConfiguration by name and by ARN, with a downloadable package', async function () {
    const g = await client.send(new GetFunctionCommand({ FunctionName: 'arn:aws:lambda:us-east-1:123456789012:function:alpha' }));
    assert.equal(g.Configuration?.Handler, 'index.handler');
    assert.equal(g.Configuration?.State, 'Active');
    assert.equal(g.Code?.RepositoryType, 'S3');
    const zip = Buffer.from(await (await fetch(g.Code?.Location ?? '')).arrayBuffer());
    assert.equal(zip.readUInt32LE(0), 0x04034b50, 'a zip archive');
    const c = await client.send(new GetFunctionConfigurationCommand({ FunctionName: 'alpha' }));
    assert.equal(c.Environment?.Variables?.GREETING, 'hi');
  });

  it('answers a missing function with the modeled ResourceNotFoundException', async function () {
    const e = await errorOf(client.send(new GetFunctionCommand({ FunctionName: 'nope' })));
    assert.ok(e instanceof ResourceNotFoundException, e.name);
    assert.equal(e.$metadata.httpStatusCode, 404);
    assert.equal(e.Type, 'User');
    assert.match(e.message, /Function not found: arn:aws:lambda:us-east-1:123456789012:function:nope/);
    assert.ok((await errorOf(client.send(new InvokeCommand({ FunctionName: 'nope' })))) instanceof ResourceNotFoundException);
  });

  it('runs the handler on Invoke, returns tail logs, and reports Init Duration on a cold start only', async function () {
    const r = await client.send(new InvokeCommand({ FunctionName: 'alpha', Payload: JSON.stringify({ a: 1 }), LogType: 'Tail' }));
    assert.equal(r.StatusCode, 200);
    assert.equal(r.FunctionError, undefined);
    assert.equal(r.ExecutedVersion, '$LATEST');
    assert.deepEqual(JSON.parse(dec(r.Payload)), { echo: { a: 1 }, fn: 'alpha', env: 'hi', left: true, calls: 1 });
    const log = Buffer.from(r.LogResult ?? '', 'base64').toString();
    assert.match(log, /^START RequestId: [0-9a-f-]{36} Version: \$LATEST\n/);
    assert.match(log, /\tINFO\tgot \{"a":1\}\n/);
    assert.match(log, /\tERROR\tto stderr\n/);
    assert.match(log, /\nEND RequestId: .*\nREPORT RequestId: .*Duration: [\d.]+ ms\tBilled Duration: \d+ ms\tMemory Size: 128 MB\tMax Memory Used: \d+ MB\tInit Duration: [\d.]+ ms/);
    const warm = await client.send(new InvokeCommand({ FunctionName: 'alpha', LogType: 'Tail' }));
    assert.equal(JSON.parse(dec(warm.Payload)).calls, 2, 'the second call reuses the warm environment');
    assert.doesNotMatch(Buffer.from(warm.LogResult ?? '', 'base64').toString(), /Init Duration/);
    const plain = await client.send(new InvokeCommand({ FunctionName: 'alpha' }));
    assert.equal(plain.LogResult, undefined);
  });

  it('reports unhandled errors, timeouts, ESM, callbacks, import errors and oversized responses', async function () {
    const b = await client.send(new InvokeCommand({ FunctionName: 'bravo', LogType: 'Tail' }));
    assert.equal(b.StatusCode, 200);
    assert.equal(b.FunctionError, 'Unhandled');
    const p = JSON.parse(dec(b.Payload));
    assert.equal(p.errorType, 'TypeError');
    assert.equal(p.errorMessage, 'kaboom');
    assert.ok(Array.isArray(p.trace));
    assert.match(Buffer.from(b.LogResult ?? '', 'base64').toString(), /ERROR\tInvoke Error \t\{"errorType":"TypeError"/);
    const t0 = Date.now();
    const c = await client.send(new InvokeCommand({ FunctionName: 'charlie' }));
    assert.equal(c.FunctionError, 'Unhandled');
    assert.match(JSON.parse(dec(c.Payload)).errorMessage, /Task timed out after 1.00 seconds/);
    assert.ok(Date.now() - t0 < 3000);
    assert.deepEqual(JSON.parse(dec((await client.send(new InvokeCommand({ FunctionName: 'delta', Payload: '{"n":21}' }))).Payload)), { esm: true, n: 42 });
    assert.equal(JSON.parse(dec((await client.send(new InvokeCommand({ FunctionName: 'echo' }))).Payload)), 'via-callback');
    const f = await client.send(new InvokeCommand({ FunctionName: 'foxtrot' }));
    assert.equal(f.FunctionError, 'Unhandled');
    assert.equal(JSON.parse(dec(f.Payload)).errorType, 'Runtime.ImportModuleError');
    const g = await client.send(new InvokeCommand({ FunctionName: 'golf' }));
    assert.equal(JSON.parse(dec(g.Payload)).errorType, 'Function.ResponseSizeTooLarge');
  });

  it('answers DryRun with 204, Event with 202, bad JSON and oversized payloads with modeled errors', async function () {
    assert.equal((await client.send(new InvokeCommand({ FunctionName: 'alpha', InvocationType: 'DryRun' }))).StatusCode, 204);
    const before = api.invocations.length;
    assert.equal((await client.send(new InvokeCommand({ FunctionName: 'delta', InvocationType: 'Event', Payload: '{"n":1}' }))).StatusCode, 202);
    const e = await errorOf(client.send(new InvokeCommand({ FunctionName: 'alpha', Payload: '{not json' })));
    assert.ok(e instanceof InvalidRequestContentException, e.name);
    assert.equal(e.$metadata.httpStatusCode, 400);
    const big = JSON.stringify({ x: 'y'.repeat(PAYLOAD_LIMITS.asyncBytes) });
    const tooBig = await errorOf(client.send(new InvokeCommand({ FunctionName: 'alpha', InvocationType: 'Event', Payload: big })));
    assert.ok(tooBig instanceof RequestTooLargeException, tooBig.name);
    for (let i = 0; api.invocations.length === before && i < 200; i++) await new Promise((r) => setTimeout(r, 10));
    assert.equal(api.invocations.at(-1)?.type, 'Event');
  });

  it('lists versions and aliases (paginated) and invokes by qualifier', async function () {
    assert.equal((await client.send(new PublishVersionCommand({ FunctionName: 'alpha' }))).Version, '1');
    for (const n of ['live', 'prod', 'stage']) await client.send(new CreateAliasCommand({ FunctionName: 'alpha', Name: n, FunctionVersion: '1' }));
    const names: string[] = [];
    for await (const p of paginateListAliases({ client, pageSize: 2 }, { FunctionName: 'alpha' })) names.push(...(p.Aliases ?? []).map((a) => a.Name ?? ''));
    assert.deepEqual(names, ['live', 'prod', 'stage']);
    const versions = await client.send(new ListVersionsByFunctionCommand({ FunctionName: 'alpha' }));
    assert.deepEqual(versions.Versions?.map((x) => x.Version), ['$LATEST', '1']);
    assert.equal((await client.send(new InvokeCommand({ FunctionName: 'alpha', Qualifier: 'prod' }))).ExecutedVersion, '1');
    assert.equal((await client.send(new InvokeCommand({ FunctionName: 'arn:aws:lambda:us-east-1:123456789012:function:alpha:live' }))).ExecutedVersion, '1');
  });

  it('lists event source mappings and answers account settings', async function () {
    await client.send(new CreateEventSourceMappingCommand({ FunctionName: 'alpha', EventSourceArn: 'arn:aws:sqs:us-east-1:123456789012:q', BatchSize: 5 }));
    const l = await client.send(new ListEventSourceMappingsCommand({ FunctionName: 'alpha' }));
    assert.equal(l.EventSourceMappings?.length, 1);
    assert.equal(l.EventSourceMappings?.[0]?.BatchSize, 5);
    assert.ok(l.EventSourceMappings?.[0]?.LastModified instanceof Date);
    const a = await client.send(new GetAccountSettingsCommand({}));
    assert.equal(a.AccountUsage?.FunctionCount, 7);
    assert.equal(a.AccountLimit?.ConcurrentExecutions, 1000);
  });

  it('verifies SigV4: wrong secret, unknown key, unserved region; logs who signed', async function () {
    const e1 = await errorOf(mk({ accessKeyId: 'test', secretAccessKey: 'WRONG' }).send(new ListFunctionsCommand({})));
    assert.equal(e1.name, 'InvalidSignatureException');
    assert.equal(e1.$metadata.httpStatusCode, 403);
    assert.equal((await errorOf(mk({ accessKeyId: 'AKIDUNKNOWN', secretAccessKey: 'x' }).send(new ListFunctionsCommand({})))).name, 'UnrecognizedClientException');
    assert.equal((await errorOf(mk(undefined, 'ap-south-1').send(new ListFunctionsCommand({})))).name, 'InvalidSignatureException');
    await mk({ accessKeyId: 'test', secretAccessKey: 'test', sessionToken: 'tok' } as never).send(new ListFunctionsCommand({ MaxItems: 1 }));
    const last = api.requests.at(-1);
    assert.equal(last?.operation, 'ListFunctions');
    assert.equal(last?.accessKeyId, 'test');
    assert.equal(last?.sessionToken, 'tok');
  });

  it('injects faults per region and per function', async function () {
    const remove = api.faults.add({ kind: 'access-denied', region: 'eu-west-1' });
    const denied = await errorOf(mk(undefined, 'eu-west-1').send(new ListFunctionsCommand({})));
    assert.equal(denied.name, 'AccessDeniedException');
    assert.match(denied.message, /not authorized to perform: lambda:ListFunctions/);
    await client.send(new ListFunctionsCommand({}));
    remove();
    api.faults.add({ kind: 'throttle', functionName: 'alpha', times: 1, retryAfterSeconds: 0.05 });
    const throttled = await errorOf(client.send(new GetFunctionConfigurationCommand({ FunctionName: 'alpha' })));
    assert.equal(throttled.name, 'TooManyRequestsException');
    assert.equal(throttled.$metadata.httpStatusCode, 429);
    await client.send(new GetFunctionConfigurationCommand({ FunctionName: 'alpha' }));
    api.faults.add({ kind: 'expired-token', operation: 'GetAccountSettings', times: 1 });
    assert.equal((await errorOf(client.send(new GetAccountSettingsCommand({})))).name, 'ExpiredTokenException');
    api.faults.add({ kind: 'server-error', times: 1 });
    assert.equal((await errorOf(client.send(new GetAccountSettingsCommand({})))).name, 'ServiceException');
    api.faults.add({ kind: 'slow', delayMs: 150, times: 1 });
    const t0 = performance.now();
    await client.send(new GetAccountSettingsCommand({}));
    assert.ok(performance.now() - t0 >= 140);
    api.faults.clear();
  });

  it('deletes functions', async function () {
    await client.send(new DeleteFunctionCommand({ FunctionName: 'foxtrot' }));
    assert.equal((await errorOf(client.send(new GetFunctionCommand({ FunctionName: 'foxtrot' })))).name, 'ResourceNotFoundException');
  });
});

describe('loopback CloudFormation with the real SDK', function () {
  let api: LambdaApi;
  const cfn = (secret = 'test') => new CloudFormationClient({ endpoint: api.endpoint, region: 'eu-west-1', credentials: { accessKeyId: 'test', secretAccessKey: secret }, maxAttempts: 1 });

  before(async function () {
    api = await startLambdaApi();
    api.stacks('eu-west-1').add({
      name: 'app',
      parameters: { Stage: 'prod', Secret: 'x' },
      noEcho: ['Secret'],
      pageSize: 2,
      resources: ['A', 'B', 'C', 'D', 'E'].map((id) => ({ logicalId: id, type: 'AWS::Lambda::Function', physicalId: `app-${id}` })),
    });
  });
  after(() => api.close());

  it('describes a stack with its parameters, NoEcho ones masked as CloudFormation does', async function () {
    const s = (await cfn().send(new DescribeStacksCommand({ StackName: 'app' }))).Stacks?.[0];
    assert.match(s?.StackId ?? '', /^arn:aws:cloudformation:eu-west-1:123456789012:stack\/app\//);
    assert.deepEqual(s?.Parameters?.map((p) => [p.ParameterKey, p.ParameterValue]), [['Stage', 'prod'], ['Secret', '****']]);
    assert.ok(s?.CreationTime instanceof Date);
  });

  it('pages ListStackResources with NextToken, and finds a stack by its ARN', async function () {
    const pages: number[] = [];
    const id = (await cfn().send(new DescribeStacksCommand({ StackName: 'app' }))).Stacks![0]!.StackId!;
    for await (const page of paginateListStackResources({ client: cfn() }, { StackName: id })) pages.push(page.StackResourceSummaries?.length ?? 0);
    assert.deepEqual(pages, [2, 2, 1]);
  });

  it('answers query-protocol XML errors: a missing stack, a bad signature, a throttled call', async function () {
    const missing = await errorOf(cfn().send(new DescribeStacksCommand({ StackName: 'nope' })));
    assert.deepEqual([missing.name, missing.message, missing.$metadata.httpStatusCode], ['ValidationError', 'Stack with id nope does not exist', 400]);
    assert.equal((await errorOf(cfn('wrong').send(new DescribeStacksCommand({ StackName: 'app' })))).name, 'InvalidSignatureException');
    api.faults.add({ kind: 'throttle', service: 'cloudformation', times: 1 });
    const throttled = await errorOf(cfn().send(new DescribeStackEventsCommand({ StackName: 'app' })));
    assert.deepEqual([throttled.name, throttled.$metadata.httpStatusCode], ['Throttling', 400]);
    const events = await cfn().send(new DescribeStackEventsCommand({ StackName: 'app' }));
    assert.equal(events.StackEvents?.[0]?.ResourceStatus, 'CREATE_COMPLETE', 'newest first: the stack completed');
  });
});
