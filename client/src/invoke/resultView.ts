/**
 * Where an outcome is shown: a read-only result document (summary comments and the pretty-printed
 * payload), the decoded log tail in the "Lambda Lens: Invoke" output channel, and a notification.
 */
import * as vscode from 'vscode';
import type { InvokeOutcome } from './invoke';
import type { LogsTarget } from '../logs/logsView';
import type { PayloadTarget } from './payloadDocuments';
import { logText, resultDocument, staleDocument, summaryLine } from './result';

/** URI scheme of result documents. */
export const RESULT_SCHEME = 'lambda-lens-invoke';

/** Result documents and the log channel. */
export class ResultView implements vscode.TextDocumentContentProvider, vscode.CodeLensProvider {
  private readonly docs = new Map<string, string>();
  private readonly logsOf = new Map<string, LogsTarget>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  readonly channel = vscode.window.createOutputChannel('Lambda Lens: Invoke', 'log');

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.docs.get(uri.toString()) ?? '// This result is no longer available. Invoke again.\n';
  }

  /** Shows an outcome everywhere it belongs; resolves once the notification is shown (not dismissed). */
  async show(o: InvokeOutcome, region: string): Promise<vscode.Uri> {
    const uri = resultUri(o);
    this.docs.set(uri.toString(), resultDocument(o));
    this.logsOf.set(uri.toString(), logsTarget(o, region));
    this.changed.fire(uri);
    this.channel.append(logText(o, new Date()));
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true, preview: true });
    const line = summaryLine(o);
    const notify = o.functionError ? vscode.window.showErrorMessage : vscode.window.showInformationMessage;
    // "Show Logs" reads CloudWatch Logs for this invocation's request id: every line, not the 4 KB tail.
    void notify(line, 'Show Logs').then((choice) => {
      if (choice) void vscode.commands.executeCommand(SHOW_LOGS_COMMAND, logsTarget(o, region));
    });
    return uri;
  }

  /** A CodeLens on the result: the invocation's own lines in CloudWatch Logs. */
  provideCodeLenses(doc: vscode.TextDocument): vscode.CodeLens[] {
    const t = this.logsOf.get(doc.uri.toString());
    if (!t) return [];
    const title = t.requestId ? `$(output) Show logs of request ${t.requestId}` : '$(output) Show recent logs';
    return [new vscode.CodeLens(new vscode.Range(0, 0, 0, 0), { title, command: SHOW_LOGS_COMMAND, arguments: [t] })];
  }

  /** After a failed invoke: the target's previous result, if shown, says it is not current. */
  markStale(target: Pick<PayloadTarget, 'functionName' | 'qualifier'>, reason: string): void {
    const uri = resultUri(target);
    const previous = this.docs.get(uri.toString());
    if (previous === undefined) return;
    this.docs.set(uri.toString(), staleDocument(previous, reason, new Date()));
    this.changed.fire(uri);
  }

  dispose(): void {
    this.changed.dispose();
    this.channel.dispose();
  }
}

/** One document per function and qualifier, named so its tab says whose result it is. */
function resultUri(t: Pick<PayloadTarget, 'functionName' | 'qualifier'>): vscode.Uri {
  return vscode.Uri.from({ scheme: RESULT_SCHEME, path: `/${t.qualifier}/${t.functionName} result.jsonc` });
}

const SHOW_LOGS_COMMAND = 'lambdaLens.showLogs';

/** The logs of one invocation: by its request id, read from shortly before it was made. */
function logsTarget(o: InvokeOutcome, region: string): LogsTarget {
  return { region, functionName: o.functionName, ...(o.requestId ? { requestId: o.requestId } : {}), at: Date.now() - o.elapsedMs };
}
