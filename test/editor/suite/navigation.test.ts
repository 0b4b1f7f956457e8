import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { lineOf, openExample, waitFor } from './helpers';

const APP = 'app/template.yaml';

/** The position of `text` in the document, `offset` characters in. */
function at(doc: vscode.TextDocument, text: string, offset = 0): vscode.Position {
  const line = lineOf(doc, text);
  return new vscode.Position(line, doc.lineAt(line).text.indexOf(text) + offset);
}

describe('navigation', () => {
  it('goes from !Ref PhotosTable to the resource through the definition provider', async () => {
    const doc = await openExample(APP);
    const found = await waitFor(async () => {
      const locations = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeDefinitionProvider', doc.uri, at(doc, '!Ref PhotosTable', 6));
      return locations.length > 0 ? locations : undefined;
    }, 'a definition of PhotosTable');
    assert.equal(found[0]!.range.start.line, lineOf(doc, '  PhotosTable:'));
  });

  it("completes the table's attributes after !GetAtt PhotosTable.", async () => {
    const doc = await openExample(APP);
    const editor = await vscode.window.showTextDocument(doc);
    const line = lineOf(doc, 'THUMBNAIL_WIDTH: !Ref ThumbnailWidth');
    await editor.edit((e) => e.insert(doc.lineAt(line).range.end, '\n          TABLE_STREAM: !GetAtt PhotosTable.'));
    try {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, doc.lineAt(line + 1).range.end, '.');
      const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
      assert.ok(labels.includes('Arn') && labels.includes('StreamArn'), labels.join(', '));
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });

  it('renames PhotosTable in its declaration and every reference', async () => {
    const doc = await openExample(APP);
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', doc.uri, at(doc, '  PhotosTable:', 3), 'PhotoIndex');
    const edits = edit.get(doc.uri);
    const references = doc.getText().split('\n').filter((l) => l.includes('!Ref PhotosTable')).length;
    assert.equal(edits.length, references + 1);
    assert.ok(edits.every((e) => doc.getText(e.range) === 'PhotosTable' && e.newText === 'PhotoIndex'));
  });
});
