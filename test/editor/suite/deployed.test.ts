/**
 * The deployed view inside a real VS Code: examples/app/samconfig.toml names stack `photos`, which the
 * loopback API serves (see environment.ts); its ThumbnailFunction was changed by hand. The template
 * shows the Invoke lens with the deployed name and the drift diagnostic with both values, the lens
 * invokes the deployed function with an S3 event filled from the template, and the explorer shows
 * the function's logical id.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { LambdaLensApi } from '../../../client/src/extension';
import { THUMBNAIL_FUNCTION } from './fixtures';
import { EXTENSION_ID, lensDiagnostics, lineOf, openExample, ruleOf, waitFor } from './helpers';

describe('deployed view', function () {
  this.timeout(90_000);

  it('shows the Invoke lens and the drift diagnostic on the app example, and the lens invokes the deployed function', async () => {
    const doc = await openExample('app/template.yaml');
    const line = lineOf(doc, 'ThumbnailFunction:');
    const lens = await waitFor(async () => {
      const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri);
      return lenses.find((l) => l.range.start.line === line && l.command?.title === `▷ Invoke ${THUMBNAIL_FUNCTION}`);
    }, 'the Invoke lens on ThumbnailFunction', 60_000);
    const drift = await waitFor(() => lensDiagnostics(doc.uri).find((d) => ruleOf(d) === 'deployed/drift'), 'a deployed/drift diagnostic');
    assert.equal(drift.severity, vscode.DiagnosticSeverity.Information);
    assert.equal(drift.range.start.line, lineOf(doc, 'MemorySize: 1769'));
    assert.equal(drift.message, `MemorySize: template 1769, deployed 3008 (${THUMBNAIL_FUNCTION}, stack photos).`);
    assert.equal(lensDiagnostics(doc.uri).filter((d) => ruleOf(d) === 'deployed/drift').length, 1, 'only the property changed by hand');

    const outcome = (await vscode.commands.executeCommand(lens.command!.command, ...(lens.command!.arguments ?? []))) as { statusCode: number; payload: string; functionError?: string };
    assert.equal(outcome.statusCode, 200);
    assert.equal(outcome.functionError, undefined);
    // The S3 event names the template's uploads bucket, resolved with the deployed Stage.
    assert.deepEqual(JSON.parse(outcome.payload), { resized: 'photos-uploads-dev-123456789012' });
  });

  it('opens the deployed configuration beside the template, values masked', async () => {
    const doc = await openExample('app/template.yaml');
    const compare = await waitFor(async () => {
      const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri);
      return lenses.find((l) => l.command?.title === 'Compare with deployed');
    }, 'the Compare with deployed lens');
    await vscode.commands.executeCommand(compare.command!.command, ...(compare.command!.arguments ?? []));
    const beside = await waitFor(() => vscode.window.visibleTextEditors.find((e) => e.document.uri.scheme === 'lambdalens-config'), 'the configuration editor');
    assert.equal(beside.viewColumn, vscode.ViewColumn.Two, 'beside the template');
    const text = beside.document.getText();
    assert.match(text, /"MemorySize": 3008/);
    assert.match(text, /"THUMBNAIL_BUCKET": "••••"/);
    assert.doesNotMatch(text, /photos-thumbnails-dev/);
  });

  it('shows the logical id of the deployed function in the Functions view', async () => {
    const api = vscode.extensions.getExtension<LambdaLensApi>(EXTENSION_ID)!.exports;
    const row = await waitFor(async () => {
      for (const region of (await api.explorer.getChildren()) ?? []) {
        for (const node of (await api.explorer.getChildren(region)) ?? []) {
          const item = await api.explorer.getTreeItem(node);
          if (item.label === THUMBNAIL_FUNCTION && String(item.description).startsWith('ThumbnailFunction · ')) return item;
        }
      }
      return undefined;
    }, 'the ThumbnailFunction row with its logical id');
    assert.match(String(row.contextValue), /\.template$/);
  });

  it('reveals the deployed function of the template function at the cursor in the Functions view', async () => {
    const api = vscode.extensions.getExtension<LambdaLensApi>(EXTENSION_ID)!.exports;
    const doc = await openExample('app/template.yaml');
    const editor = await vscode.window.showTextDocument(doc);
    const at = new vscode.Position(lineOf(doc, 'MemorySize: 1769'), 6);
    editor.selection = new vscode.Selection(at, at);
    await vscode.commands.executeCommand('lambdaLens.revealInExplorer');
    const selected = await waitFor(() => api.explorerView.selection[0], 'a selected row');
    assert.equal((await api.explorer.getTreeItem(selected)).label, THUMBNAIL_FUNCTION);
  });
});
