/**
 * LSP tier: the deployed view from the bundled server over JSON-RPC. The server finds the stack of
 * an open template in its samconfig.toml and says so; the stack is loaded from the loopback API the
 * way the client loads it and sent back; the server answers with deployed/drift diagnostics and the
 * "▷ Invoke <deployed name>" code lenses.
 */
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LambdaClient, UpdateFunctionConfigurationCommand } from '@aws-sdk/client-lambda';
import { CodeLensRequest, HoverRequest, type CodeLens } from 'vscode-languageserver-protocol/node';
import { createClientFactory } from '../../../server/src/aws/clientFactory';
import { createSession } from '../../../server/src/aws/session';
import { loadDeployedStack } from '../../../server/src/deployed/load';
import { DeployedStacks, type DeployedTargets } from '../../../server/src/protocol';
import { LOOPBACK_ENV, ORDERS_NAMES, ORDERS_TEMPLATE, ordersProject, seedOrdersStack } from '../../support/deployedStack';
import { startLambdaApi, type LambdaApi } from '../../support/lambdaApi';
import { startServer, type TestServer } from '../../support/lspClient';

describe('deployed view over JSON-RPC', function () {
  this.timeout(30_000);
  let api: LambdaApi;
  let server: TestServer;
  let dir: string;
  let uri: string;

  beforeEach(async () => {
    api = await startLambdaApi();
    seedOrdersStack(api);
    dir = ordersProject();
    uri = pathToFileURL(join(dir, 'template.yaml')).href;
    server = await startServer({ workspaceFolders: [dir] });
  });
  afterEach(async () => {
    await server.stop();
    await api.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const targets = async (): Promise<DeployedTargets.Params> => {
    const end = Date.now() + 10_000;
    for (;;) {
      const found = server.custom.filter((c) => c.method === 'lambdaLens/deployedTargets').at(-1);
      if (found) return found.params as DeployedTargets.Params;
      if (Date.now() > end) throw new Error('no deployedTargets notification');
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const lenses = async () => ((await server.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } })) as CodeLens[]).map((l) => `${l.range.start.line}: ${l.command?.title}`);
  const load = () => loadDeployedStack(createClientFactory(createSession({ env: LOOPBACK_ENV }), { endpoint: api.endpoint }), 'orders-prod', 'us-east-1');

  it('says which stack an open template is, then shows drift and Invoke lenses for what the client loaded', async () => {
    server.open(uri, ORDERS_TEMPLATE);
    const t = await targets();
    assert.deepEqual(t.templates.map((x) => [x.uri, x.key, x.target.source, x.functions.map((f) => `${f.logicalId}@${f.line}`)]), [[uri, 'us-east-1/orders-prod', 'samconfig.toml', ['OrdersApi@12', 'Worker@28']]]);
    assert.deepEqual((await lenses()).filter((l) => !/measuring|Package size|MB/.test(l)), [], 'nothing deployed is shown before the client loaded the stack');

    await new LambdaClient({ endpoint: api.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } }).send(
      new UpdateFunctionConfigurationCommand({ FunctionName: ORDERS_NAMES.OrdersApi, MemorySize: 2048 }),
    );
    const drift = server.nextDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'deployed/drift'));
    void server.connection.sendNotification(DeployedStacks.type, { stacks: [{ key: 'us-east-1/orders-prod', region: 'us-east-1', stack: await load() }] });
    const found = (await drift).filter((d) => d.code === 'deployed/drift');
    assert.deepEqual(found.map((d) => [d.range.start.line, d.range.start.character, d.severity, d.message]), [
      [16, 18, 3, 'MemorySize: template 1024, deployed 2048 (orders-prod-OrdersApi-1X2Y3Z, stack orders-prod).'],
    ]);
    const shown = (await lenses()).filter((l) => /Invoke|Compare/.test(l));
    assert.deepEqual(shown, ['12: ▷ Invoke orders-prod-OrdersApi-1X2Y3Z', '12: Compare with deployed', '28: ▷ Invoke orders-prod-Worker-9Q8R7S', '28: Compare with deployed']);
    const hover = await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 16, character: 8 } });
    const text = (hover?.contents as { value: string }).value;
    assert.match(text, /^\*\*MemorySize\*\* — /, 'the property hover comes first');
    assert.match(text, /\*\*Deployed\*\* as `orders-prod-OrdersApi-1X2Y3Z` \(stack orders-prod, us-east-1\)\n\n\| \| template \| deployed \|\n\|---\|---\|---\|\n\| MemorySize \| 1024 \| 2048 \|$/);
    const invoke = ((await server.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } })) as CodeLens[]).find((l) => l.command?.command === 'lambdaLens.invokeDeployed');
    assert.deepEqual(invoke?.command?.arguments, [{ region: 'us-east-1', functionName: ORDERS_NAMES.OrdersApi, logicalId: 'OrdersApi', uri, eventId: 'apigateway-http-api-proxy' }]);
  });

  it('shows why the stack could not be loaded above the first function, and no drift', async () => {
    server.open(uri, ORDERS_TEMPLATE);
    await targets();
    const error = 'Access denied in us-east-1. Ask for cloudformation:DescribeStacks permission in us-east-1.';
    const refreshed = server.nextCodeLensRefresh();
    void server.connection.sendNotification(DeployedStacks.type, { stacks: [{ key: 'us-east-1/orders-prod', region: 'us-east-1', error }] });
    await refreshed;
    assert.deepEqual((await lenses()).filter((l) => /Deployed/.test(l)), ['12: $(warning) Deployed: Access denied in us-east-1']);
    assert.equal(server.published.filter((p) => p.uri === uri).flatMap((p) => p.diagnostics).filter((d) => d.code === 'deployed/drift').length, 0);
  });
});
