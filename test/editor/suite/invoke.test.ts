/**
 * Invoke inside a real VS Code: the loopback Lambda API runs as a child process with a real Node
 * handler, the extension is pointed at it through `lambdaLens.endpoint`, and the flow is driven
 * through the command argument that answers its quick picks (see InvokeArgs in client/src/invoke/flow.ts).
 */
import * as assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

const EXTENSION = 'lambda-lens.lambda-lens';
// A deployed name CloudFormation would give ThumbnailFunction of examples/app/template.yaml.
const FUNCTION = 'photos-ThumbnailFunction-1A2B3C4D5E6F';

interface Outcome {
  requestId?: string;
  statusCode: number;
  payload: string;
  functionError?: string;
  report?: { initDurationMs?: number };
}

async function until<T>(probe: () => T | undefined | Promise<T | undefined>, what: string, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function startApi(root: string): Promise<{ child: ChildProcess; endpoint: string }> {
  const seeds = [
    {
      FunctionName: FUNCTION, Runtime: 'nodejs20.x', Handler: 'index.handler', Role: 'arn:aws:iam::123456789012:role/r',
      files: { 'index.js': "exports.handler = async (event) => { console.log('thumbnail for', JSON.stringify(event).length, 'bytes'); return { echo: event }; };" },
    },
  ];
  const tsx = path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const child = spawn(process.execPath, [tsx, path.join(root, 'test', 'support', 'lambdaApi', 'serve.ts'), JSON.stringify(seeds)], {
    cwd: root,
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n')[0];
      if (out.includes('\n') && line) resolve({ child, endpoint: (JSON.parse(line) as { endpoint: string }).endpoint });
    });
    child.on('exit', (code) => reject(new Error(`the loopback Lambda API exited with ${code}`)));
  });
}

describe('invoke', function () {
  this.timeout(60_000);
  let api: { child: ChildProcess; endpoint: string };
  const config = () => vscode.workspace.getConfiguration('lambdaLens');

  before(async () => {
    const ext = vscode.extensions.getExtension(EXTENSION);
    assert.ok(ext, `${EXTENSION} is not loaded`);
    api = await startApi(ext.extensionPath);
    Object.assign(process.env, { AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test', AWS_REGION: 'us-east-1', AWS_CONFIG_FILE: '/nonexistent', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent' });
    delete process.env.AWS_PROFILE;
    await ext.activate();
    await config().update('regions', ['us-east-1'], vscode.ConfigurationTarget.Global);
    await config().update('endpoint', api.endpoint, vscode.ConfigurationTarget.Global);
  });

  after(async () => {
    api?.child.kill();
    await config().update('endpoint', undefined, vscode.ConfigurationTarget.Global);
    await config().update('regions', undefined, vscode.ConfigurationTarget.Global);
  });

  it('invokes with an S3 event filled from the template and shows the result document', async () => {
    const outcome = (await vscode.commands.executeCommand('lambdaLens.invoke', { functionName: FUNCTION, qualifier: '$LATEST', eventId: 's3-put', run: true })) as Outcome | undefined;
    assert.ok(outcome, 'the invocation returned no outcome');
    assert.equal(outcome.statusCode, 200);
    const record = (JSON.parse(outcome.payload) as { echo: { Records: Array<{ s3: { bucket: { name: string }; object: { key: string } } }> } }).echo.Records[0]!;
    assert.equal(record.s3.bucket.name, 'photos-uploads-dev-123456789012', 'bucket name from the template');
    assert.equal(record.s3.object.key, 'example.jpg', 'key matching the .jpg suffix filter');
    assert.ok(outcome.report?.initDurationMs !== undefined, 'cold start reported');
    const result = await until(() => vscode.window.visibleTextEditors.find((e) => e.document.uri.scheme === 'lambda-lens-invoke'), 'the result document');
    assert.match(result.document.getText(), new RegExp(`^// ${FUNCTION} \\(\\$LATEST, RequestResponse\\)\\n// Status: 200 OK\\n`));
  });

  it('opens an editable payload with CodeLenses, re-invokes edits, switches to Event and saves the event', async () => {
    const uri = (await vscode.commands.executeCommand('lambdaLens.invoke', { functionName: FUNCTION, qualifier: '$LATEST', eventId: 'sqs-receive-message', set: { body: 'first' } })) as vscode.Uri;
    assert.ok(uri instanceof vscode.Uri);
    const doc = await vscode.workspace.openTextDocument(uri);
    assert.equal((JSON.parse(doc.getText()) as { Records: Array<{ body: string }> }).Records[0]!.body, 'first');
    const lenses = await until(async () => {
      const l = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
      return l && l.length >= 3 ? l : undefined;
    }, 'the payload CodeLenses');
    assert.deepEqual(lenses.map((l) => l.command?.title), [`$(play) Invoke ${FUNCTION} (us-east-1)`, 'Invocation type: RequestResponse', 'Save event as...']);

    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, new vscode.Range(0, 0, doc.lineCount, 0), '{ "edited": true }\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const again = (await vscode.commands.executeCommand('lambdaLens.invokePayload', uri)) as Outcome;
    assert.deepEqual(JSON.parse(again.payload), { echo: { edited: true } });

    await vscode.commands.executeCommand('lambdaLens.chooseInvocationType', uri, 'Event');
    const lensesAfter = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
    assert.equal(lensesAfter[1]?.command?.title, 'Invocation type: Event');
    const queued = (await vscode.commands.executeCommand('lambdaLens.invokePayload', uri)) as Outcome;
    assert.equal(queued.statusCode, 202);

    const saved = (await vscode.commands.executeCommand('lambdaLens.saveEvent', uri, 'edited')) as vscode.Uri;
    assert.ok(saved && existsSync(saved.fsPath));
    assert.match(vscode.workspace.asRelativePath(saved), new RegExp(`^\\.lambda-lens/events/${FUNCTION}/edited\\.json$`));
    const fromSaved = (await vscode.commands.executeCommand('lambdaLens.invoke', { functionName: FUNCTION, qualifier: '$LATEST', savedEvent: 'edited', run: true })) as Outcome;
    assert.deepEqual(JSON.parse(fromSaved.payload), { echo: { edited: true } });
  });

  it('refuses a payload that is not JSON and puts the cursor on the mistake', async () => {
    const uri = (await vscode.commands.executeCommand('lambdaLens.invoke', { functionName: FUNCTION, qualifier: '$LATEST', payload: '{\n  "a": 1,\n  oops\n}\n' })) as vscode.Uri;
    const outcome = await vscode.commands.executeCommand('lambdaLens.invokePayload', uri);
    assert.equal(outcome, undefined);
    const editor = await until(() => vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString()), 'the payload editor');
    assert.deepEqual([editor.selection.active.line, editor.selection.active.character], [2, 2]);
  });

  it('refuses a bad command argument without invoking', async () => {
    assert.equal(await vscode.commands.executeCommand('lambdaLens.invoke', { functionName: 'not a name', run: true }), undefined);
    assert.equal(await vscode.commands.executeCommand('lambdaLens.invoke', { functionName: FUNCTION, qualifier: '$LATEST', payload: '{}', invocationType: 'Sometimes', run: true }), undefined);
    const ok = (await vscode.commands.executeCommand('lambdaLens.invoke', { functionName: FUNCTION, qualifier: '$LATEST', payload: '{}', invocationType: 'DryRun', run: true })) as Outcome;
    assert.equal(ok.statusCode, 204);
  });

  it('shows the lines of one invocation from CloudWatch Logs, by its request id', async function () {
    const outcome = (await vscode.commands.executeCommand('lambdaLens.invoke', { functionName: FUNCTION, qualifier: '$LATEST', payload: '{"n": 1}', run: true })) as Outcome;
    assert.ok(outcome.requestId);
    const text = (await vscode.commands.executeCommand('lambdaLens.showLogs', { region: 'us-east-1', functionName: FUNCTION, requestId: outcome.requestId, at: Date.now() - 5000 })) as string;
    assert.match(text, new RegExp(`^/aws/lambda/${FUNCTION} \\(us-east-1\\) · request ${outcome.requestId} · 4 lines\\n`));
    assert.match(text, new RegExp(`${outcome.requestId}\\tINFO\\tthumbnail for 7 bytes`));
    const doc = await until(() => vscode.window.visibleTextEditors.find((e) => e.document.uri.scheme === 'lambda-lens-logs'), 'the logs document');
    assert.equal(doc.document.getText(), text);
    const result = vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'lambda-lens-invoke');
    assert.ok(result, 'the result document is open');
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', result.uri);
    assert.deepEqual(lenses.map((l) => l.command?.title), [`$(output) Show logs of request ${outcome.requestId}`]);
  });

  it('tails new lines within seconds and stops', async function () {
    const ext = vscode.extensions.getExtension<{ logs: { tailing?: { state: { kind: string; lines?: number } } } }>(EXTENSION)!;
    const logs = (await ext.activate()).logs;
    await vscode.commands.executeCommand('lambdaLens.tailLogs', { region: 'us-east-1', functionName: FUNCTION }, 500);
    const before = await until(() => (logs.tailing?.state.kind === 'tailing' ? logs.tailing.state.lines : undefined), 'the tail to start');
    const t0 = Date.now();
    await vscode.commands.executeCommand('lambdaLens.invoke', { functionName: FUNCTION, qualifier: '$LATEST', payload: '{}', run: true });
    await until(() => ((logs.tailing?.state.lines ?? 0) >= (before ?? 0) + 4 ? true : undefined), 'the tail to show the new invocation');
    console.log(`    tail showed the new invocation's lines ${Date.now() - t0} ms after invoking`);
    await vscode.commands.executeCommand('lambdaLens.stopTailLogs');
    assert.equal(logs.tailing, undefined);
  });
});
