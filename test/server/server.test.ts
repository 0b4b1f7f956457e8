/** LSP tier: the bundled server over a real JSON-RPC connection, as an editor drives it. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CodeActionRequest, HoverRequest } from 'vscode-languageserver-protocol/node';
import type { CodeAction, Diagnostic, Hover, TextEdit } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { startServer } from '../support/lspClient';
import type { TestServer } from '../support/lspClient';
import { yaml } from '../support/ruleTester';

const BAD = yaml`
  Transform: AWS::Serverless-2016-10-31
  Resources:
    Thumbnailer:
      Type: AWS::Serverless::Function
      Properties:
        Handler: index.handler
        Runtime: nodejs22.x
        CodeUri: src/
        MemorySize: 20480
`;
const GOOD = BAD.replace('MemorySize: 20480', 'MemorySize: 2048');

function applyEdits(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'yaml', 1, text), edits);
}

describe('language server over JSON-RPC', function () {
  let server: TestServer;
  let n = 0;
  const uri = () => `file:///work/template-${++n}.yaml`;

  beforeEach(async () => {
    server = await startServer();
  });
  afterEach(async () => {
    await server.stop();
  });

  it('publishes rule diagnostics on open with code, source, docs link and exact range', async () => {
    const u = uri();
    const wait = server.nextDiagnostics(u);
    server.open(u, BAD);
    const diags = await wait;
    assert.deepEqual(diags.map((d) => d.code), ['limits/memory-size']);
    const d = diags[0]!;
    assert.equal(d.source, 'lambda-lens');
    assert.equal(d.severity, 1);
    assert.deepEqual(d.range, { start: { line: 8, character: 18 }, end: { line: 8, character: 23 } });
    // The link opens the rule documentation shipped with the package at the rule's heading.
    const href = new URL(d.codeDescription!.href);
    assert.equal(href.protocol, 'file:');
    const line = Number(/^#L(\d+)$/.exec(href.hash)?.[1]);
    assert.equal(readFileSync(fileURLToPath(href), 'utf8').split('\n')[line - 1], '## limits/memory-size');
  });

  it('clears diagnostics when an edit fixes the template, and on close', async () => {
    const u = uri();
    const opened = server.nextDiagnostics(u, (p) => p.diagnostics.length > 0);
    server.open(u, BAD);
    await opened;
    const fixed = server.nextDiagnostics(u, (p) => p.version === 2);
    server.change(u, 2, GOOD);
    assert.deepEqual(await fixed, []);
    const closed = server.nextDiagnostics(u);
    server.close(u);
    assert.deepEqual(await closed, []);
  });

  it('never publishes results for a version after a newer one, and ends with the last version', async () => {
    const u = uri();
    const first = server.nextDiagnostics(u);
    server.open(u, GOOD);
    await first;
    const last = server.nextDiagnostics(u, (p) => p.version === 5);
    for (let v = 2; v <= 5; v++) server.change(u, v, v % 2 === 0 ? BAD : GOOD);
    assert.deepEqual(await last, []);
    // A fast document is validated as each change arrives: versions the server had when it validated,
    // in order (the opened version may be published again once the settings arrive).
    const versions = server.published.filter((p) => p.uri === u && p.version !== 1).map((p) => p.version!);
    assert.deepEqual(versions, [...new Set(versions)].sort((a, b) => a - b), `published versions ${versions.join(',')}`);
    assert.equal(versions.at(-1), 5);
  });

  it('publishes nothing for YAML that is not a template', async () => {
    const u = uri();
    const wait = server.nextDiagnostics(u);
    server.open(u, 'services:\n  web:\n    image: nginx\n    mem_limit: 99999\n');
    assert.deepEqual(await wait, []);
  });

  it('applies the lambdaLens.rules setting when it changes', async () => {
    const u = uri();
    const opened = server.nextDiagnostics(u, (p) => p.diagnostics.length > 0);
    server.open(u, BAD);
    await opened;
    const silenced = server.nextDiagnostics(u, (p) => p.diagnostics.length === 0);
    server.setSettings({ rules: { 'limits/memory-size': 'off' } });
    assert.deepEqual(await silenced, []);
    const warning = server.nextDiagnostics(u, (p) => p.diagnostics.length > 0);
    server.setSettings({ rules: { 'limits/memory-size': 'warning' } });
    assert.equal((await warning)[0]!.severity, 2);
  });

  it('offers a quick fix that removes the diagnostic, and a disable comment that silences it', async () => {
    const u = uri();
    const opened = server.nextDiagnostics(u, (p) => p.diagnostics.length > 0);
    server.open(u, BAD);
    const [diag] = (await opened) as [Diagnostic];
    const actions = (await server.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: u },
      range: diag.range,
      context: { diagnostics: [diag] },
    })) as CodeAction[];
    assert.deepEqual(actions.map((a) => a.title), ['Set MemorySize to 10240', 'Disable limits/memory-size for this line']);

    for (const [version, action] of [[2, actions[0]!], [3, actions[1]!]] as const) {
      const text = applyEdits(BAD, action.edit!.changes![u]!);
      const after = server.nextDiagnostics(u, (p) => p.version === version);
      server.change(u, version, text);
      assert.deepEqual(await after, [], action.title);
    }
  });

  it('explains a checked property on hover with its resolved value', async () => {
    const u = uri();
    const opened = server.nextDiagnostics(u);
    server.open(u, BAD);
    await opened;
    const h = (await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri: u }, position: { line: 8, character: 10 } })) as Hover;
    const text = (h.contents as { value: string }).value;
    assert.match(text, /128–10,240 MB/);
    assert.match(text, /Current value: `20480`/);
    assert.match(text, /docs\.aws\.amazon\.com\/lambda/);
  });
});
