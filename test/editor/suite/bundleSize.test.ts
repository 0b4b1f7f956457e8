import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { lineOf, openExample, waitFor } from './helpers';

describe('bundle-size CodeLens', () => {
  it('shows the measured package size above a function of the app example', async () => {
    const doc = await openExample('app/template.yaml');
    const line = lineOf(doc, 'ThumbnailFunction:');
    const lens = await waitFor(async () => {
      const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri);
      return lenses.find((l) => l.range.start.line === line && /zipped/.test(l.command?.title ?? ''));
    }, 'a measured bundle-size lens on ThumbnailFunction');
    assert.match(lens.command?.title ?? '', /^code folder · [\d.]+ (B|KB|MB) zipped · [\d.]+ (B|KB|MB) unzipped \(\d+ % of 250 MB\) · 1 file$/);
    assert.equal(lens.command?.command, 'lambdaLens.showBundleSize');
  });
});
