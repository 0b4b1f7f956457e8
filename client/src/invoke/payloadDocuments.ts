/**
 * Payload documents: one editable JSON file per function and qualifier in the extension's storage
 * (`payloads/<region>/<qualifier>/<function>.json`, so the editor tab names the function), so edits
 * survive and re-invoking is one click.
 * The path names the target; the invocation type is kept per document. CodeLenses on the first line
 * invoke, switch the invocation type and save the event; a context key shows the editor-title button.
 */
import path from 'node:path';
import * as vscode from 'vscode';
import type { InvocationType } from './guards';

/** The function a payload document invokes. */
export interface PayloadTarget {
  region: string;
  functionName: string;
  qualifier: string;
}

/** Context key true while a payload document is the active editor (shows the Invoke button). */
export const PAYLOAD_CONTEXT_KEY = 'lambdaLens.payloadEditor';

const SAFE = /^[A-Za-z0-9$._-]+$/;

/** Payload files, their targets and invocation types, and the CodeLenses on them. */
export class PayloadDocuments implements vscode.CodeLensProvider {
  private readonly types = new Map<string, InvocationType>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(private readonly root: vscode.Uri) {}

  /** The target of a payload document, or undefined for any other document. */
  targetOf(uri: vscode.Uri): PayloadTarget | undefined {
    if (uri.scheme !== this.root.scheme) return undefined;
    const rel = path.relative(this.root.fsPath, uri.fsPath);
    const parts = rel.split(path.sep);
    if (parts.length !== 3 || rel.startsWith('..') || !parts[2]!.endsWith('.json')) return undefined;
    return { region: parts[0]!, qualifier: parts[1]!, functionName: parts[2]!.slice(0, -'.json'.length) };
  }

  invocationType(uri: vscode.Uri): InvocationType {
    return this.types.get(uri.toString()) ?? 'RequestResponse';
  }

  setInvocationType(uri: vscode.Uri, type: InvocationType): void {
    this.types.set(uri.toString(), type);
    this.changed.fire();
  }

  /** Writes `text` to the target's payload file and opens it in an editor. */
  async open(target: PayloadTarget, text: string, type: InvocationType = 'RequestResponse'): Promise<vscode.TextEditor> {
    for (const part of [target.region, target.functionName, target.qualifier]) {
      if (!SAFE.test(part)) throw new Error(`"${part}" cannot name a payload file`);
    }
    const uri = vscode.Uri.joinPath(this.root, target.region, target.qualifier, `${target.functionName}.json`);
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, '..'));
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open) {
      // The document is already open: replace its text so unsaved edits are not silently lost on disk.
      const editor = await vscode.window.showTextDocument(open, { preview: false });
      await editor.edit((b) => b.replace(new vscode.Range(0, 0, open.lineCount, 0), text));
      await open.save();
      this.setInvocationType(uri, type);
      return editor;
    }
    await vscode.workspace.fs.writeFile(uri, Buffer.from(text, 'utf8'));
    this.setInvocationType(uri, type);
    const doc = await vscode.workspace.openTextDocument(uri);
    return vscode.window.showTextDocument(doc, { preview: false });
  }

  provideCodeLenses(doc: vscode.TextDocument): vscode.CodeLens[] {
    const target = this.targetOf(doc.uri);
    if (!target) return [];
    const top = new vscode.Range(0, 0, 0, 0);
    const type = this.invocationType(doc.uri);
    const name = `${target.functionName}${target.qualifier !== '$LATEST' ? `:${target.qualifier}` : ''}`;
    return [
      new vscode.CodeLens(top, { title: `$(play) Invoke ${name} (${target.region})`, command: 'lambdaLens.invokePayload', arguments: [doc.uri] }),
      new vscode.CodeLens(top, { title: `Invocation type: ${type}`, command: 'lambdaLens.chooseInvocationType', arguments: [doc.uri] }),
      new vscode.CodeLens(top, { title: 'Save event as...', command: 'lambdaLens.saveEvent', arguments: [doc.uri] }),
    ];
  }

  /** Keeps the context key in step with the active editor. */
  syncContextKey(editor: vscode.TextEditor | undefined): void {
    void vscode.commands.executeCommand('setContext', PAYLOAD_CONTEXT_KEY, Boolean(editor && this.targetOf(editor.document.uri)));
  }

  dispose(): void {
    this.changed.dispose();
  }
}
