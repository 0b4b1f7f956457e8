/**
 * LSP tier for navigation: the bundled server over JSON-RPC answers definition, references,
 * prepareRename / rename, document symbols and completion of reference names, in YAML and JSON.
 */
import assert from 'node:assert/strict';
import {
  CompletionRequest,
  DefinitionRequest,
  DocumentSymbolRequest,
  PrepareRenameRequest,
  ReferencesRequest,
  RenameRequest,
} from 'vscode-languageserver-protocol/node';
import type { CompletionItem, CompletionList, DocumentSymbol, Location, Position, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { startServer } from '../../support/lspClient';
import type { TestServer } from '../../support/lspClient';

const YAML = [
  'Transform: AWS::Serverless-2016-10-31', // 0
  'Parameters:',
  '  Stage:',
  '    Type: String',
  'Conditions:',
  '  IsProd: !Equals [!Ref Stage, prod]', // 5
  'Resources:',
  '  Jobs:',
  '    Type: AWS::SQS::Queue',
  '  Fn:',
  '    Type: AWS::Serverless::Function', // 10
  '    DependsOn: Jobs',
  '    Properties:',
  '      Handler: index.handler',
  '      Runtime: nodejs22.x',
  '      CodeUri: src/', // 15
  '      Environment:',
  '        Variables:',
  '          QUEUE: !Ref Jobs',
  '          ARN: !GetAtt Jobs.Arn',
  '          NAME: !Sub "${Jobs.QueueName}-${Stage}"', // 20
  '          MODE: !If [IsProd, a, b]',
  'Outputs:',
  '  Role:',
  '    Value: !GetAtt FnRole.Arn',
  '  Region:', // 25
  '    Value: !Ref AWS::Region',
  '',
].join('\n');

const JSON_TEMPLATE = [
  '{',
  '  "Resources": {',
  '    "Jobs": { "Type": "AWS::SQS::Queue" },',
  '    "Topic": {',
  '      "Type": "AWS::SNS::Topic",',
  '      "DependsOn": ["Jobs"],',
  '      "Properties": { "TopicName": { "Fn::GetAtt": ["Jobs", "QueueName"] }, "DisplayName": { "Fn::Sub": "${Jobs}" } }',
  '    }',
  '  }',
  '}',
  '',
].join('\n');

describe('navigation over JSON-RPC', function () {
  let server: TestServer;
  let n = 0;

  before(async () => {
    server = await startServer();
  });
  after(async () => {
    await server.stop();
  });

  async function open(text: string, ext = 'yaml'): Promise<string> {
    const u = `file:///work/nav-${++n}.${ext}`;
    const published = server.nextDiagnostics(u);
    server.open(u, text);
    await published;
    return u;
  }
  const at = (line: number, character: number): Position => ({ line, character });
  const text = (doc: string, r: Range) => TextDocument.create('x', 'yaml', 1, doc).getText(r);
  const col = (doc: string, line: number, needle: string) => doc.split('\n')[line]!.indexOf(needle);

  it('goes to the definition from Ref, GetAtt, Sub names, DependsOn, Condition and a SAM-generated id', async () => {
    const u = await open(YAML);
    const go = async (line: number, needle: string, offset = 1) => {
      const loc = (await server.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri: u }, position: at(line, col(YAML, line, needle) + offset) })) as Location | null;
      return loc ? [loc.range.start.line, loc.range.start.character, text(YAML, loc.range)] : null;
    };
    assert.deepEqual(await go(18, 'Jobs'), [7, 2, 'Jobs']);
    assert.deepEqual(await go(19, 'Jobs'), [7, 2, 'Jobs']);
    assert.deepEqual(await go(19, 'Arn'), [7, 2, 'Jobs']);
    assert.deepEqual(await go(20, 'Jobs'), [7, 2, 'Jobs']);
    assert.deepEqual(await go(20, 'Stage}'), [2, 2, 'Stage']);
    assert.deepEqual(await go(11, 'Jobs'), [7, 2, 'Jobs']);
    assert.deepEqual(await go(21, 'IsProd'), [5, 2, 'IsProd']);
    assert.deepEqual(await go(24, 'FnRole'), [9, 2, 'Fn']);
    assert.equal(await go(26, 'AWS::Region'), null);
  });

  it('finds every reference of a logical id, a parameter and a condition', async () => {
    const u = await open(YAML);
    const refs = async (line: number, character: number, includeDeclaration: boolean) =>
      ((await server.connection.sendRequest(ReferencesRequest.type, { textDocument: { uri: u }, position: at(line, character), context: { includeDeclaration } })) as Location[]).map((l) => [l.range.start.line, l.range.start.character]);
    assert.deepEqual(await refs(7, 3, true), [[7, 2], [11, 15], [18, 22], [19, 23], [20, 24]]);
    assert.deepEqual(await refs(2, 3, false), [[5, 24], [20, 42]]);
    assert.deepEqual(await refs(21, 22, true), [[5, 2], [21, 21]]);
  });

  it('renames a logical id in every reference form, and the names SAM derives from it', async () => {
    const u = await open(YAML);
    const prepared = (await server.connection.sendRequest(PrepareRenameRequest.type, { textDocument: { uri: u }, position: at(19, 26) })) as { range: Range; placeholder: string };
    assert.equal(text(YAML, prepared.range), 'Jobs');
    const apply = async (position: Position, newName: string) => {
      const edit = (await server.connection.sendRequest(RenameRequest.type, { textDocument: { uri: u }, position, newName })) as WorkspaceEdit;
      return TextDocument.applyEdits(TextDocument.create(u, 'yaml', 1, YAML), edit.changes![u] as TextEdit[]);
    };
    const renamed = await apply(at(19, 26), 'Work');
    assert.equal(renamed, YAML.replace('  Jobs:', '  Work:').replace('DependsOn: Jobs', 'DependsOn: Work').replace('!Ref Jobs', '!Ref Work').replace('Jobs.Arn', 'Work.Arn').replace('${Jobs.', '${Work.'));
    const fn = await apply(at(9, 3), 'Handler');
    assert.match(fn, /^ {2}Handler:$/m);
    assert.match(fn, /!GetAtt HandlerRole\.Arn/);
  });

  it('rejects renaming what cannot be renamed, and names that cannot be', async () => {
    const u = await open(YAML);
    const prepare = (position: Position) => server.connection.sendRequest(PrepareRenameRequest.type, { textDocument: { uri: u }, position });
    await assert.rejects(prepare(at(26, 18)), /pseudo parameter/);
    await assert.rejects(prepare(at(24, 20)), /SAM generates FnRole from Fn; rename Fn instead/);
    await assert.rejects(prepare(at(13, 8)), /Only a logical id, parameter or condition/);
    await assert.rejects(server.connection.sendRequest(RenameRequest.type, { textDocument: { uri: u }, position: at(7, 3), newName: 'my-queue' }), /ASCII letters and digits/);
    await assert.rejects(server.connection.sendRequest(RenameRequest.type, { textDocument: { uri: u }, position: at(7, 3), newName: 'Fn' }), /already declared/);
  });

  it('renames in JSON, quotes kept', async () => {
    const u = await open(JSON_TEMPLATE, 'json');
    const edit = (await server.connection.sendRequest(RenameRequest.type, { textDocument: { uri: u }, position: at(2, 6), newName: 'Work' })) as WorkspaceEdit;
    const renamed = TextDocument.applyEdits(TextDocument.create(u, 'json', 1, JSON_TEMPLATE), edit.changes![u] as TextEdit[]);
    assert.equal(renamed, JSON_TEMPLATE.replace('"Jobs": {', '"Work": {').replace('["Jobs"]', '["Work"]').replace('["Jobs", ', '["Work", ').replace('${Jobs}', '${Work}'));
  });

  it('outlines Parameters, Conditions, Resources and Outputs', async () => {
    const u = await open(YAML);
    const symbols = (await server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: u } })) as DocumentSymbol[];
    assert.deepEqual(symbols.map((s) => [s.name, s.children!.map((c) => c.name)]), [['Parameters', ['Stage']], ['Conditions', ['IsProd']], ['Resources', ['Jobs', 'Fn']], ['Outputs', ['Role', 'Region']]]);
    const fn = symbols[2]!.children![1]!;
    assert.equal(fn.detail, 'AWS::Serverless::Function');
    assert.deepEqual([fn.selectionRange.start.line, fn.range.start.line, fn.range.end.line], [9, 9, 21]);
  });

  describe('completion of reference names', () => {
    const complete = async (doc: string, line: string, ext = 'yaml') => {
      const lines = doc.split('\n');
      const i = lines.findIndex((l) => l.includes('@'));
      const character = lines[i]!.indexOf('@');
      const u = await open(doc.replace('@', line.includes('@') ? '' : line), ext);
      const r = (await server.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: u }, position: at(i, character + line.length) })) as CompletionItem[] | CompletionList | null;
      return (Array.isArray(r) ? r : (r?.items ?? [])).map((c) => c.label);
    };
    const yaml = YAML.replace('          MODE: !If [IsProd, a, b]', '          MORE: @');

    it('offers parameters, resources, SAM-generated ids and pseudo parameters after !Ref', async () => {
      const labels = await complete(yaml, '!Ref ');
      for (const l of ['Stage', 'Jobs', 'FnRole', 'AWS::Region']) assert.ok(labels.includes(l), `${l} in ${labels.join(', ')}`);
      assert.ok(!labels.includes('Fn'), 'a resource does not reference itself');
    });

    it('offers the attributes of the type after !GetAtt Id. and in a !Sub', async () => {
      assert.deepEqual((await complete(yaml, '!GetAtt Jobs.')).sort(), ['Arn', 'QueueName', 'QueueUrl']);
      assert.deepEqual((await complete(yaml, '!Sub "${Jobs.Q')).sort(), ['Arn', 'QueueName', 'QueueUrl']);
      assert.ok((await complete(yaml, '!GetAtt ')).includes('Jobs'));
    });

    it('offers conditions after !If', async () => {
      assert.deepEqual(await complete(yaml, '!If ['), ['IsProd']);
    });

    it('completes in JSON and flow YAML, replacing only the name typed so far', async () => {
      const json = JSON_TEMPLATE.replace('"${Jobs}"', '"${Jobs}", "Other": { "Ref": "@" }');
      assert.ok((await complete(json, 'Jo', 'json')).includes('Jobs'));
      const flowDoc = YAML.replace('          MODE: !If [IsProd, a, b]', '          MORE: { "Fn::GetAtt": [Jobs, @] }');
      assert.deepEqual((await complete(flowDoc, 'Qu')).sort(), ['Arn', 'QueueName', 'QueueUrl']);
    });
  });
});
