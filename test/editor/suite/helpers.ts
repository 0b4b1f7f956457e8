/** Shared steps of the editor suite: find the extension, open example files, poll for results. */
import * as vscode from 'vscode';

/** `publisher.name` from package.json. */
export const EXTENSION_ID = 'lambda-lens.lambda-lens';

/** Polls `probe` until it returns something other than undefined/false; fails naming `what`. */
export async function waitFor<T>(probe: () => Thenable<T | undefined> | T | undefined, what: string, timeoutMs = 30_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The URI of a file in the opened copy of examples/, given as `folder/file`. */
export function exampleUri(relative: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the editor tier opens a copy of examples/ as its workspace; none is open');
  return vscode.Uri.joinPath(folder.uri, ...relative.split('/'));
}

/** Opens an example file in an editor and returns its document. */
export async function openExample(relative: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(exampleUri(relative));
  await vscode.window.showTextDocument(doc);
  return doc;
}

/** The diagnostics Lambda Lens publishes for a document (other sources left out). */
export function lensDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'lambda-lens');
}

/** The rule id of a diagnostic (its `code`, plain or with a docs link). */
export function ruleOf(d: vscode.Diagnostic): string | undefined {
  const code = typeof d.code === 'object' ? d.code.value : d.code;
  return code === undefined ? undefined : String(code);
}

/** The 0-based line of the first line of `doc` containing `text`. */
export function lineOf(doc: vscode.TextDocument, text: string): number {
  const line = doc.getText().split('\n').findIndex((l) => l.includes(text));
  if (line < 0) throw new Error(`"${text}" not found in ${doc.uri.fsPath}`);
  return line;
}
