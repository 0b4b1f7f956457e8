import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { lensDiagnostics, lineOf, openExample, ruleOf, waitFor } from './helpers';

const BROKEN = 'broken/template.yaml';

describe('diagnostics and quick fixes', () => {
  afterEach(async () => {
    // Put the example back the way it was for the next test.
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('reports the broken example through vscode.languages.getDiagnostics', async () => {
    const doc = await openExample(BROKEN);
    const diagnostics = await waitFor(() => {
      const found = lensDiagnostics(doc.uri);
      return found.some((d) => ruleOf(d) === 'limits/memory-size') ? found : undefined;
    }, 'a limits/memory-size diagnostic');
    const memory = diagnostics.find((d) => ruleOf(d) === 'limits/memory-size');
    assert.ok(memory);
    assert.equal(memory.range.start.line, lineOf(doc, 'MemorySize: 16384'));
    assert.equal(memory.severity, vscode.DiagnosticSeverity.Error);
    assert.match(memory.message, /16384/);
  });

  it('removes the diagnostic when its quick fix is applied', async () => {
    const doc = await openExample(BROKEN);
    const memory = await waitFor(() => lensDiagnostics(doc.uri).find((d) => ruleOf(d) === 'limits/memory-size'), 'a limits/memory-size diagnostic');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, memory.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.isPreferred && a.edit);
    assert.ok(fix?.edit, `no preferred quick fix among: ${actions.map((a) => a.title).join(', ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.match(doc.lineAt(memory.range.start.line).text, /MemorySize: 10240/);
    await waitFor(() => !lensDiagnostics(doc.uri).some((d) => ruleOf(d) === 'limits/memory-size'), 'the limits/memory-size diagnostic to go away');
  });

  it("links the rule code to the rule's section of the documentation shipped with the extension", async () => {
    const doc = await openExample(BROKEN);
    const memory = await waitFor(() => lensDiagnostics(doc.uri).find((d) => ruleOf(d) === 'limits/memory-size'), 'a limits/memory-size diagnostic');
    assert.ok(typeof memory.code === 'object', 'the code carries a link');
    const target = memory.code.target;
    assert.equal(target.scheme, 'file');
    // What the Problems panel and the hover do on a click: open the target through the opener.
    await vscode.commands.executeCommand('vscode.open', target);
    const editor = await waitFor(() => {
      const e = vscode.window.activeTextEditor;
      return e?.document.uri.path.endsWith('/docs/rules.md') ? e : undefined;
    }, 'docs/rules.md to open');
    assert.equal(editor.document.lineAt(editor.selection.active.line).text, '## limits/memory-size');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('explains the checked value in a hover', async () => {
    const doc = await openExample(BROKEN);
    const line = lineOf(doc, 'MemorySize: 16384');
    const position = new vscode.Position(line, doc.lineAt(line).text.indexOf('16384') + 1);
    const text = await waitFor(async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, position);
      const all = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
      return all.includes('limits/memory-size') ? all : undefined;
    }, 'a Lambda Lens hover on MemorySize');
    assert.match(text, /10,?240/);
  });
});
