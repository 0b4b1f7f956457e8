/** LSP tier for the RDS Proxy rules: the IAMAuth quick fix and a hover, over a real JSON-RPC connection. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CodeActionRequest, HoverRequest } from 'vscode-languageserver-protocol/node';
import type { CodeAction, Hover, TextEdit } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { startServer } from '../support/lspClient';
import type { TestServer } from '../support/lspClient';

const GOOD = readFileSync(join(__dirname, '..', 'fixtures', 'network', 'good.yaml'), 'utf8');
const BAD = GOOD.replace('          IAMAuth: REQUIRED', '          IAMAuth: DISABLED');
const LINE = BAD.slice(0, BAD.indexOf('IAMAuth: DISABLED')).split('\n').length - 1;

describe('language server over JSON-RPC: RDS Proxy', function () {
  let server: TestServer;

  beforeEach(async () => {
    server = await startServer();
  });
  afterEach(async () => {
    await server.stop();
  });

  it('reports IAMAuth DISABLED on the value and fixes it back to a clean template', async () => {
    const u = 'file:///work/orders/template.yaml';
    const opened = server.nextDiagnostics(u, (p) => p.diagnostics.length > 0);
    server.open(u, BAD);
    const diags = await opened;
    assert.deepEqual(diags.map((d) => [d.code, d.severity, d.range.start.line, d.range.start.character]), [['rds-proxy/iam-auth', 2, LINE, 19]]);
    const actions = (await server.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: u },
      range: diags[0]!.range,
      context: { diagnostics: diags },
    })) as CodeAction[];
    assert.deepEqual(actions.map((a) => a.title), ['Set IAMAuth to REQUIRED (and RequireTLS to true)', 'Disable rds-proxy/iam-auth for this line']);
    const edits = actions[0]!.edit!.changes![u]! as TextEdit[];
    const fixed = TextDocument.applyEdits(TextDocument.create(u, 'yaml', 1, BAD), edits);
    assert.equal(fixed, GOOD);
    const after = server.nextDiagnostics(u, (p) => p.version === 2);
    server.change(u, 2, fixed);
    assert.deepEqual(await after, []);
  });

  it('explains IAMAuth on hover with its value and the rule', async () => {
    const u = 'file:///work/orders/hover.yaml';
    const opened = server.nextDiagnostics(u);
    server.open(u, BAD);
    await opened;
    const h = (await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri: u }, position: { line: LINE, character: 12 } })) as Hover;
    const text = (h.contents as { value: string }).value;
    assert.match(text, /\*\*IAMAuth\*\*/);
    assert.match(text, /Current value: `DISABLED`/);
    assert.match(text, /rds-proxy\/iam-auth/);
  });
});
