/**
 * Where an outcome is shown: a read-only result document (summary comments and the pretty-printed
 * payload), the decoded log tail in the "Lambda Lens: Invoke" output channel, and a notification.
 */
import * as vscode from 'vscode';
import type { InvokeOutcome } from './invoke';
import { logText, resultDocument, summaryLine } from './result';

/** URI scheme of result documents. */
export const RESULT_SCHEME = 'lambda-lens-invoke';

/** Result documents and the log channel. */
export class ResultView implements vscode.TextDocumentContentProvider {
  private readonly docs = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  readonly channel = vscode.window.createOutputChannel('Lambda Lens: Invoke', 'log');

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.docs.get(uri.toString()) ?? '// This result is no longer available. Invoke again.\n';
  }

  /** Shows an outcome everywhere it belongs; resolves once the notification is shown (not dismissed). */
  async show(o: InvokeOutcome): Promise<vscode.Uri> {
    // One document per function and qualifier, named so its tab says whose result it is.
    const uri = vscode.Uri.from({ scheme: RESULT_SCHEME, path: `/${o.qualifier}/${o.functionName} result.jsonc` });
    this.docs.set(uri.toString(), resultDocument(o));
    this.changed.fire(uri);
    this.channel.append(logText(o, new Date()));
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true, preview: true });
    const line = summaryLine(o);
    const notify = o.functionError ? vscode.window.showErrorMessage : vscode.window.showInformationMessage;
    void notify(line, 'Show Logs').then((choice) => {
      if (choice) this.channel.show(true);
    });
    return uri;
  }

  dispose(): void {
    this.changed.dispose();
    this.channel.dispose();
  }
}
