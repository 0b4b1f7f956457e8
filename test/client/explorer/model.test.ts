import assert from 'node:assert/strict';
import { AwsContext, type AwsSettings } from '../../../client/src/aws/awsContext';
import { ExplorerModel } from '../../../client/src/explorer/model';
import type { ExplorerNode, FunctionNode, RegionNode } from '../../../client/src/explorer/nodes';
import { present } from '../../../client/src/explorer/present';
import { startLambdaApi, type LambdaApi } from '../../support/lambdaApi';
import { MemoryStore } from '../../support/memoryStore';
import { TWO_PROFILES, writeAwsFiles, type TempAwsFiles } from '../../support/awsProfiles';

const labels = (nodes: ExplorerNode[]): string[] =>
  nodes.map((n) => (n.kind === 'function' ? n.fn.name : n.kind === 'error' ? `error:${n.error.kind}` : n.kind === 'message' ? `message:${n.label}` : n.kind));

describe('explorer/model against the loopback Lambda API', function () {
  let api: LambdaApi;
  let files: TempAwsFiles;
  const contexts: AwsContext[] = [];
  const settings = (over: Partial<AwsSettings> = {}): AwsSettings => ({
    profile: 'dev',
    regions: ['us-east-1'],
    client: { endpoint: api.endpoint, maxAttempts: 3, requestTimeoutMs: 2000 },
    ...over,
  });
  const model = (over: Partial<AwsSettings> = {}, store = new MemoryStore()) => {
    const aws = AwsContext.fromEnv(settings(over), files.env);
    contexts.push(aws);
    return new ExplorerModel(aws, store, () => new Date('2026-11-27T00:00:00Z'));
  };
  const region = (m: ExplorerModel, name: string): RegionNode => {
    const r = m.roots().find((n) => n.region === name);
    assert.ok(r, `region ${name} is shown`);
    return r;
  };

  before(async function () {
    api = await startLambdaApi({ credentials: TWO_PROFILES.serverKeys });
    files = writeAwsFiles(TWO_PROFILES.config, TWO_PROFILES.credentials);
    for (let i = 0; i < 120; i++) api.addFunction({ FunctionName: `fn-${String(i).padStart(3, '0')}` });
    const worker = api.addFunction(
      {
        FunctionName: 'vpc-worker',
        Runtime: 'python3.12',
        MemorySize: 1024,
        Timeout: 30,
        CodeSize: 3 * 1024 * 1024,
        VpcConfig: { VpcId: 'vpc-0abc', SubnetIds: ['subnet-1', 'subnet-2'], SecurityGroupIds: ['sg-1'] },
        Layers: [
          { Arn: 'arn:aws:lambda:eu-west-1:123456789012:layer:shared-deps:4', CodeSize: 2048 },
          { Arn: 'arn:aws:lambda:eu-west-1:123456789012:layer:otel:12', CodeSize: 4096 },
        ],
        Environment: { Variables: { DB_PASSWORD: 'hunter2', TABLE: 'orders' } },
        reservedConcurrency: 25,
        urlAuthType: 'NONE',
      },
      'eu-west-1',
    );
    api.addFunction({ FunctionName: 'legacy', Runtime: 'nodejs16.x' }, 'eu-west-1');
    // A stream ARN ends in a timestamp with colons of its own; the row names the table.
    api.region('eu-west-1').mappings.push({
      UUID: 'm-1',
      BatchSize: 100,
      EventSourceArn: 'arn:aws:dynamodb:eu-west-1:123456789012:table/orders/stream/2024-05-01T10:00:00.000',
      FunctionArn: worker.FunctionArn,
      LastModified: 0,
      State: 'Enabled',
    });
  });
  after(async function () {
    for (const c of contexts) c.dispose();
    await api.close();
    files.remove();
  });
  afterEach(() => api.faults.clear());

  it('shows 120 functions as 50 + "Load more" + 50 + "Load more" + 20', async function () {
    const m = model();
    const r = region(m, 'us-east-1');
    let kids = await m.children(r);
    assert.deepEqual([kids[0]?.kind, kids.filter((k) => k.kind === 'function').length, kids.at(-1)?.kind], ['account', 50, 'loadMore']);
    assert.equal(present(r, m).description, '50+ functions');
    await m.loadMore('us-east-1');
    kids = await m.children(r);
    assert.deepEqual([kids.filter((k) => k.kind === 'function').length, kids.at(-1)?.kind], [100, 'loadMore']);
    await m.loadMore('us-east-1');
    kids = await m.children(r);
    assert.deepEqual([kids.filter((k) => k.kind === 'function').length, kids.at(-1)?.kind], [120, 'function']);
    assert.equal(present(r, m).description, '120 functions');
    const lists = api.requests.filter((q) => q.operation === 'ListFunctions' && q.accessKeyId === 'AKIDDEV');
    assert.ok(lists.length >= 3);
  });

  it('narrows by a substring or /regex/ filter, counts matches, and keeps the filter in the store', async function () {
    const store = new MemoryStore();
    const m = model({}, store);
    const r = region(m, 'us-east-1');
    assert.equal(m.needsFullLoad('us-east-1'), false);
    const progress: number[] = [];
    // A filter needs every function: setting one loads them all before the region is redrawn.
    await m.setFilter('us-east-1', 'fn-11', { onProgress: (n) => progress.push(n) });
    assert.equal(m.needsFullLoad('us-east-1'), false);
    const kids = await m.children(r);
    assert.deepEqual(labels(kids).slice(1), ['fn-110', 'fn-111', 'fn-112', 'fn-113', 'fn-114', 'fn-115', 'fn-116', 'fn-117', 'fn-118', 'fn-119']);
    assert.deepEqual(progress, [100, 120]);
    assert.equal(present(r, m).description, '10 of 120 · fn-11');
    assert.equal(present(r, m).contextValue, 'region.filtered');

    const again = model({}, store);
    const r2 = region(again, 'us-east-1');
    assert.deepEqual(labels(await again.children(r2)).slice(1, 3), ['fn-110', 'fn-111'], 'the filter survives a restart');

    const bad = await m.setFilter('us-east-1', '/fn-(/');
    assert.equal(bad.ok, false);
    await m.setFilter('us-east-1', '/^fn-00[0-4]$/');
    assert.deepEqual(labels(await m.children(r)).slice(1), ['fn-000', 'fn-001', 'fn-002', 'fn-003', 'fn-004']);
    assert.equal(present(r, m).description, '5 of 120 · /^fn-00[0-4]$/');
    await m.setFilter('us-east-1', 'no-such-function');
    assert.deepEqual(labels(await m.children(r)), ['account', 'message:No function matches no-such-function']);
    await m.setFilter('us-east-1', '');
    assert.equal((await m.children(r)).filter((k) => k.kind === 'function').length, 50);
    assert.equal(present(r, m).description, '120 functions');
  });

  it('pages filtered matches 50 at a time', async function () {
    const m = model();
    const r = region(m, 'us-east-1');
    await m.setFilter('us-east-1', 'fn-');
    assert.deepEqual([(await m.children(r)).filter((k) => k.kind === 'function').length, (await m.children(r)).at(-1)?.kind], [50, 'loadMore']);
    await m.loadMore('us-east-1');
    await m.loadMore('us-east-1');
    const kids = await m.children(r);
    assert.deepEqual([kids.filter((k) => k.kind === 'function').length, kids.at(-1)?.kind], [120, 'function']);
  });

  it('signs with the selected profile and rebuilds the tree when the profile changes', async function () {
    const m = model({ regions: [] });
    assert.deepEqual(m.roots().map((r) => r.id), ['dev/eu-west-1']);
    await m.children(region(m, 'eu-west-1'));
    assert.equal(api.requests.at(-1)?.accessKeyId, 'AKIDDEV');
    let changed = 0;
    m.onDidChange((n) => {
      if (n === undefined) changed++;
    });
    m.aws.update(settings({ profile: 'prod', regions: [] }));
    assert.equal(changed, 1);
    assert.deepEqual(m.roots().map((r) => r.id), ['prod/us-west-2'], 'the prod profile brings its own region');
    assert.deepEqual(labels(await m.children(region(m, 'us-west-2'))), ['account', 'message:No functions in us-west-2']);
    assert.equal(api.requests.at(-1)?.accessKeyId, 'AKIDPROD');
    m.aws.update(settings({ profile: 'prod', regions: ['eu-west-1', 'us-east-1'] }));
    assert.deepEqual(m.roots().map((r) => r.id), ['prod/eu-west-1', 'prod/us-east-1']);
  });

  it('shows an error node in a failing region while another lists its functions', async function () {
    api.faults.add({ kind: 'access-denied', region: 'eu-west-1' });
    const m = model({ regions: ['eu-west-1', 'us-east-1'] });
    const [eu, us] = await Promise.all([m.children(region(m, 'eu-west-1')), m.children(region(m, 'us-east-1'))]);
    assert.deepEqual(labels(eu), ['error:access-denied']);
    const view = present(eu[0] as ExplorerNode, m);
    assert.equal(view.label, 'Access denied in eu-west-1');
    assert.match(view.tooltip, /lambda:ListFunctions/);
    assert.equal(present(region(m, 'eu-west-1'), m).description, 'Access denied in eu-west-1');
    assert.equal(us.filter((k) => k.kind === 'function').length, 50);

    const requests = api.requests.length;
    assert.deepEqual(labels(await m.children(region(m, 'eu-west-1'))), ['error:access-denied']);
    assert.equal(api.requests.length, requests, 'redrawing a failed region sends nothing');
    api.faults.clear();
    await m.refresh('eu-west-1');
    assert.deepEqual(labels(await m.children(region(m, 'eu-west-1'))).slice(0, 2), ['account', 'legacy']);
  });

  it('loads each region with the roots and never fires a change while a region fetches its children', async function () {
    const m = model({ regions: ['us-east-1', 'eu-west-1'] });
    const fired: Array<string | undefined> = [];
    m.onDidChange((n) => fired.push(n?.id));
    const roots = await m.children(undefined);
    assert.deepEqual(roots.map((r) => present(r, m).description), ['50+ functions', '2 functions'], 'counts are known when the rows are drawn');
    const before = api.requests.length;
    const kids = await m.children(region(m, 'us-east-1'));
    await Promise.all([m.children(kids[0]!), m.children(region(m, 'eu-west-1'))]);
    await new Promise((r) => setTimeout(r, 20));
    assert.deepEqual(fired, [], 'expanding fires nothing');
    assert.equal(api.requests.filter((q, i) => i >= before && q.operation === 'ListFunctions').length, 0, 'expanding lists nothing again');
    await m.loadMore('us-east-1');
    assert.deepEqual(fired, ['dev/us-east-1'], 'Load more fires once, after its page is in');
    assert.equal(present(region(m, 'us-east-1'), m).description, '100+ functions');
  });

  it('recovers from throttling without showing an error', async function () {
    api.faults.add({ kind: 'throttle', region: 'us-east-1', times: 1, retryAfterSeconds: 0.05 });
    const m = model();
    const kids = await m.children(region(m, 'us-east-1'));
    assert.equal(kids.filter((k) => k.kind === 'function').length, 50);
    assert.ok(api.requests.some((q) => q.status === 429));
  });

  it('ends a slow load in a timeout error node', async function () {
    api.faults.add({ kind: 'slow', delayMs: 500, region: 'us-east-1' });
    const m = model({ client: { endpoint: api.endpoint, maxAttempts: 1, requestTimeoutMs: 100 } });
    const kids = await m.children(region(m, 'us-east-1'));
    assert.deepEqual(labels(kids), ['error:timeout']);
    assert.equal(present(kids[0] as ExplorerNode, m).label, 'Timed out: ListFunctions in us-east-1');
  });

  it('offers `aws sso login --profile X` when the SSO session has expired', async function () {
    const m = model({ profile: 'sso-dev', regions: [] });
    const kids = await m.children(region(m, 'eu-central-1'));
    assert.deepEqual(labels(kids), ['error:sso-expired']);
    const view = present(kids[0] as ExplorerNode, m);
    assert.equal(view.label, 'SSO session for "sso-dev" has expired');
    assert.deepEqual(view.command?.arguments, ['aws sso login --profile sso-dev']);
    assert.equal(view.command?.command, 'lambdaLens.runInTerminal');
  });

  it('shows no regions without credentials (the welcome view takes over)', function () {
    const empty = writeAwsFiles('', '');
    try {
      const aws = AwsContext.fromEnv(settings({ profile: undefined }), empty.env);
      contexts.push(aws);
      const m = new ExplorerModel(aws, new MemoryStore());
      assert.equal(m.needsCredentials, true);
      assert.deepEqual(m.roots(), []);
    } finally {
      empty.remove();
    }
  });

  it('shows account settings under the region', async function () {
    const m = model({ regions: ['eu-west-1'] });
    const account = (await m.children(region(m, 'eu-west-1')))[0] as ExplorerNode;
    assert.equal(present(account, m).label, 'Account');
    const rows = (await m.children(account)).map((n) => (n.kind === 'detail' ? `${n.label}: ${n.description}` : n.kind));
    assert.deepEqual(rows, ['Concurrency limit: 1,000', 'Unreserved concurrency: 1,000', 'Code storage: 3 MB of 75 GB (0.0%)', 'Functions: 2']);
  });

  it('describes a VPC function with layers in its tooltip, and adds state and reserved concurrency once loaded', async function () {
    const m = model({ regions: ['eu-west-1'] });
    const fn = (await m.children(region(m, 'eu-west-1'))).find((n): n is FunctionNode => n.kind === 'function' && n.fn.name === 'vpc-worker');
    assert.ok(fn);
    const view = present(fn, m);
    assert.equal(view.label, 'vpc-worker');
    assert.equal(view.description, 'python3.12 · 1024 MB · 30 s');
    assert.equal(view.icon?.id, 'symbol-namespace');
    assert.match(view.tooltip, /`arn:aws:lambda:eu-west-1:123456789012:function:vpc-worker`/);
    assert.match(view.tooltip, /\| Code size \| 3 MB of 50 MB zipped \(6%\); unzipped limit 250 MB with layers \|/);
    assert.match(view.tooltip, /\| VPC \| vpc\\-0abc · 2 subnets · 1 security group \|/);
    assert.match(view.tooltip, /\| Layers \| 2: shared\\-deps:4, otel:12 \|/);
    assert.match(view.tooltip, /\| Architectures \| x86_64 \|/);
    assert.match(view.tooltip, /\| Reserved concurrency \| … \|/);
    await m.loadDetails('eu-west-1', fn.fn);
    const loaded = present(fn, m).tooltip;
    assert.match(loaded, /\| Reserved concurrency \| 25 \|/);
    assert.match(loaded, /\| State \| Active \|/);

    const fired: Array<ExplorerNode | undefined> = [];
    m.onDidChange((n) => fired.push(n));
    const again = (await m.children(region(m, 'eu-west-1'))).find((n) => n.kind === 'function' && n.fn.name === 'vpc-worker');
    assert.equal(again, fn, 'the tree gets the same node object back, so change events can name it');
    m.refreshFunction(fn);
    assert.deepEqual(fired, [fn]);
    assert.match(present(fn, m).tooltip, /\| Reserved concurrency \| … \|/);
  });

  it('badges a deprecated runtime and lists details lazily, environment names without values', async function () {
    const m = model({ regions: ['eu-west-1'] });
    const fns = (await m.children(region(m, 'eu-west-1'))).filter((n): n is FunctionNode => n.kind === 'function');
    const legacy = present(fns.find((f) => f.fn.name === 'legacy') as FunctionNode, m);
    assert.equal(legacy.contextValue, 'function.deprecated');
    assert.match(legacy.badge?.tooltip ?? '', /Runtime nodejs16\.x is deprecated since 2024-06-12\..*Move to nodejs/);
    assert.equal(present(fns.find((f) => f.fn.name === 'vpc-worker') as FunctionNode, m).badge, undefined);

    const worker = fns.find((f) => f.fn.name === 'vpc-worker') as FunctionNode;
    const before = api.requests.length;
    const groups = await m.children(worker);
    assert.equal(api.requests.length, before, 'groups appear without a request');
    assert.deepEqual(groups.map((g) => present(g, m).label), ['Configuration', 'Function URL', 'Aliases', 'Versions', 'Event source mappings', 'Layers', 'Environment variables']);
    const rows = async (i: number) => (await m.children(groups[i] as ExplorerNode)).map((n) => (n.kind === 'detail' ? `${n.label}=${n.description}` : n.kind));
    assert.ok((await rows(0)).includes('Reserved concurrency=25'));
    assert.deepEqual(await rows(2), ['none='], 'an empty group says none');
    assert.match((await rows(3)).join(), /^\$LATEST=\d{4}-\d\d-\d\dT/);
    assert.deepEqual(await rows(4), ['orders=Enabled · batch 100']);
    assert.deepEqual(await rows(5), ['shared-deps:4=2 KB', 'otel:12=4 KB']);
    assert.deepEqual(await rows(6), ['DB_PASSWORD=', 'TABLE=']);
    assert.ok(!JSON.stringify(await m.children(groups[6] as ExplorerNode)).includes('hunter2'));
  });

  it('shows a function URL with its auth type, a copy action and a warning for a public one', async function () {
    const m = model({ regions: ['eu-west-1'] });
    const fns = (await m.children(region(m, 'eu-west-1'))).filter((n): n is FunctionNode => n.kind === 'function');
    const urlRows = async (name: string) => {
      const groups = await m.children(fns.find((f) => f.fn.name === name) as FunctionNode);
      return m.children(groups.find((g) => g.kind === 'detailGroup' && g.group === 'functionUrl') as ExplorerNode);
    };
    const [open] = await urlRows('vpc-worker');
    const view = present(open as ExplorerNode, m);
    assert.match(view.label, /^https:\/\/[0-9a-f]{32}\.lambda-url\.eu-west-1\.on\.aws\/$/);
    assert.equal(view.description, 'auth NONE · public');
    assert.equal(view.contextValue, 'functionUrl', 'the copy action shows on it');
    assert.equal(view.icon?.id, 'warning');
    assert.match(view.tooltip, /anyone on the internet can call/);
    assert.deepEqual((await urlRows('legacy')).map((n) => (n.kind === 'detail' ? n.label : n.kind)), ['none']);
  });
  it('shows the logical id of a function an open template deploys, and finds a function past the shown rows to reveal it', async () => {
    const m = model();
    const changes: Array<ExplorerNode | undefined> = [];
    m.onDidChange((n) => changes.push(n));
    m.setTemplateLookup((r, name) => (r === 'us-east-1' && name === 'fn-117' ? { logicalId: 'OrdersApi', uri: 'file:///w/orders/template.yaml' } : undefined));
    assert.deepEqual(changes, [undefined], 'a new mapping redraws the tree');
    const node = await m.revealable('us-east-1', 'fn-117');
    assert.equal(node?.fn.name, 'fn-117');
    assert.equal(m.parentOf(node!), region(m, 'us-east-1'));
    const view = present(node!, m);
    assert.match(view.description, /^OrdersApi · nodejs20\.x · 128 MB/);
    assert.equal(view.contextValue, 'function.deprecated.template', 'nodejs20.x is deprecated on the test date');
    assert.match(view.tooltip, /OrdersApi in orders\/template\\\.yaml$/);
    assert.ok(labels(await m.children(region(m, 'us-east-1'))).includes('fn-117'), 'the region shows enough rows to include it');
    assert.equal(present((await m.children(region(m, 'us-east-1'))).find((n) => n.kind === 'function' && n.fn.name === 'fn-000')!, m).contextValue, 'function.deprecated');
    assert.equal(await m.revealable('us-east-1', 'no-such-function'), undefined);
  });
});
