/**
 * LSP tier for the specification features: the bundled server over JSON-RPC publishes the schema
 * findings of issue 10's template, applies a schema quick fix, completes and documents from the data.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { CodeActionRequest, CompletionRequest, HoverRequest, InsertTextFormat } from 'vscode-languageserver-protocol/node';
import type { CodeAction, CompletionItem, CompletionList, Diagnostic, Hover } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { startServer } from '../../support/lspClient';
import type { TestServer } from '../../support/lspClient';
import { WHY_FINDINGS, WHY_TEMPLATE } from '../schema/why';

const WHY = readFileSync(WHY_TEMPLATE, 'utf8');

/** A template being typed: the cursor positions below point into it. */
const TYPING = [
  'Transform: AWS::Serverless-2016-10-31',
  'Resources:',
  '  Fn:',
  '    Type: AWS::Serverless::Function',
  '    Properties:',
  '      Tracing: ',
  '      Events:',
  '        Jobs:',
  '          Type: SQS',
  '          Properties:',
  '            Ba',
  '  Sub:',
  '    Type: AWS::SNS::Subscription',
  '    Properties:',
  '      ',
  '  Q:',
  '    Type: AWS::SQS::Qu',
  '',
].join('\n');

describe('specification features over JSON-RPC', function () {
  let server: TestServer;
  let n = 0;
  const uri = () => `file:///work/schema-${++n}.yaml`;

  beforeEach(async () => {
    server = await startServer();
  });
  afterEach(async () => {
    await server.stop();
  });

  async function open(text: string): Promise<[string, Diagnostic[]]> {
    const u = uri();
    const published = server.nextDiagnostics(u);
    server.open(u, text);
    return [u, await published];
  }

  async function complete(u: string, line: number, character: number): Promise<CompletionItem[]> {
    const r = (await server.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: u }, position: { line, character } })) as CompletionItem[] | CompletionList | null;
    return Array.isArray(r) ? r : (r?.items ?? []);
  }

  it('reports each mistake of a new user at its own line with its rule', async () => {
    const [, diagnostics] = await open(WHY);
    assert.deepEqual(diagnostics.map((d) => [d.range.start.line + 1, d.range.start.character + 1, d.code]), WHY_FINDINGS);
  });

  it('renames a misspelt property with the quick fix, and the finding goes away', async () => {
    const [u, diagnostics] = await open(WHY);
    const diag = diagnostics.find((d) => d.code === 'schema/unknown-property')!;
    const actions = (await server.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: u }, range: diag.range, context: { diagnostics: [diag] } })) as CodeAction[];
    assert.equal(actions[0]!.title, 'Change to MemorySize');
    const fixed = TextDocument.applyEdits(TextDocument.create(u, 'yaml', 1, WHY), actions[0]!.edit!.changes![u]!);
    const after = server.nextDiagnostics(u, (p) => p.version === 2);
    server.change(u, 2, fixed);
    assert.ok(!(await after).some((d) => d.code === 'schema/unknown-property' && d.range.start.line === 9));
  });

  it('completes allowed values, SAM event properties, required properties first, and resource types', async () => {
    const [u] = await open(TYPING);
    assert.deepEqual((await complete(u, 5, 15)).map((i) => i.label), ['Active', 'PassThrough', 'Disabled']);
    const batch = (await complete(u, 10, 14)).find((i) => i.label === 'BatchSize');
    assert.ok(batch, 'SQS event properties');
    const subscription = (await complete(u, 14, 6)).sort((a, b) => a.sortText!.localeCompare(b.sortText!));
    assert.deepEqual(subscription.slice(0, 2).map((i) => i.label), ['Protocol', 'TopicArn']);
    assert.match(String((subscription[0]!.documentation as { value: string }).value), /\w/);
    const types = (await complete(u, 16, 22)).map((i) => i.label);
    assert.ok(types.includes('AWS::SQS::Queue') && types.length > 1500);
  });

  it('offers a snippet with the required keys of a nested structure', async () => {
    const [u] = await open(TYPING.replace('    Type: AWS::SQS::Qu', '    Type: AWS::SQS::Queue\n    Properties:\n      '));
    const redrive = (await complete(u, 18, 6)).find((i) => i.label === 'RedrivePolicy');
    assert.ok(redrive);
    const fn = (await open('Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      \n'))[0];
    const code = (await complete(fn, 4, 6)).find((i) => i.label === 'Code')!;
    assert.equal(code.sortText![0], '0');
    const vpc = (await complete(fn, 4, 6)).find((i) => i.label === 'TracingConfig')!;
    assert.equal(vpc.insertText, 'TracingConfig: ');
    const eph = (await complete(fn, 4, 6)).find((i) => i.label === 'EphemeralStorage')!;
    assert.equal(eph.insertTextFormat, InsertTextFormat.Snippet);
    assert.equal(eph.insertText, 'EphemeralStorage:\n  Size: $1');
  });

  it('documents resource types and properties on hover, keeping the Lambda hovers', async () => {
    const [u] = await open(WHY);
    const at = async (line: number, character: number) => ((await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri: u }, position: { line, character } })) as Hover | null)?.contents as { value: string } | undefined;
    assert.match((await at(29, 12))!.value, /\*\*AWS::SQS::Queue\*\*[\s\S]*aws-resource-sqs-queue\.html/);
    assert.match((await at(31, 8))!.value, /\*\*VisibilityTimeout\*\*/);
    assert.match((await at(27, 13))!.value, /\*\*Path\*\* — a string, required/);
    assert.match((await at(6, 8))!.value, /Runtimes are deprecated/);
  });
});
