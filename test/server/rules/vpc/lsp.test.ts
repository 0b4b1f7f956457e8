/** The vpc/ quick fixes through the bundled language server, as an editor applies them. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CodeActionRequest } from 'vscode-languageserver-protocol/node';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { startServer } from '../../../support/lspClient';
import type { TestServer } from '../../../support/lspClient';

const GOOD = readFileSync(join(__dirname, '../../../fixtures/network/good.yaml'), 'utf8');
const VPC_POLICY = '        - !Sub arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole\n';
const BROKEN = GOOD.replace(VPC_POLICY, '');

function applyEdits(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'yaml', 1, text), edits);
}

describe('vpc/ quick fixes over JSON-RPC', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startServer();
  });
  afterEach(async () => {
    await server.stop();
  });

  it('attaches AWSLambdaVPCAccessExecutionRole to the role, away from the diagnostic, and the template is clean again', async () => {
    assert.notEqual(BROKEN, GOOD);
    const u = 'file:///work/network/template.yaml';
    const opened = server.nextDiagnostics(u, (p) => p.diagnostics.length > 0);
    server.open(u, BROKEN);
    const diags = (await opened) as Diagnostic[];
    const roleLine = BROKEN.slice(0, BROKEN.indexOf('Role: !GetAtt ApiFunctionRole.Arn')).split('\n').length - 1;
    assert.deepEqual(diags.map((d) => [d.code, d.range.start.line, d.range.start.character]), [['vpc/eni-permissions', roleLine, 12]]);
    const [diag] = diags as [Diagnostic];
    const actions = (await server.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: u },
      range: diag.range,
      context: { diagnostics: [diag] },
    })) as CodeAction[];
    assert.deepEqual(actions.map((a) => a.title), ['Attach AWSLambdaVPCAccessExecutionRole to ApiFunctionRole', 'Disable vpc/eni-permissions for this line']);
    const edits = actions[0]!.edit!.changes![u]!;
    assert.ok(edits.every((e) => e.range.start.line < diag.range.start.line), 'the edit is in the role, above the function');
    const fixed = applyEdits(BROKEN, edits);
    const after = server.nextDiagnostics(u, (p) => p.version === 2);
    server.change(u, 2, fixed);
    assert.deepEqual(await after, []);
  });
});
