/**
 * A function's CloudWatch logs in the editor: "Show Logs" opens the recent lines (or one
 * invocation's, by request id) as a read-only document; "Tail Logs" polls new lines into an output
 * channel, with its state in the status bar, until stopped.
 */
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import * as vscode from 'vscode';
import type { AwsContext } from '../aws/awsContext';
import { classifyAwsError } from '../../../server/src/aws/errors';
import { getRunSettings } from '../../../server/src/aws/lambdaApi';
import { formatLogLine, readLogs, type LogRead } from '../../../server/src/aws/logsApi';
import { LogTail, type TailState } from './tail';

/** URI scheme of the log documents. */
export const LOGS_SCHEME = 'lambda-lens-logs';

/** How far back "Show Logs" reads, and how many lines it keeps at most. */
export const SHOW_WINDOW_MS = 60 * 60_000;
export const SHOW_MAX_LINES = 2_000;

/** Whose logs: a function, and optionally one invocation. */
export interface LogsTarget {
  region: string;
  functionName: string;
  /** Only this invocation's lines (its request id). */
  requestId?: string;
  /** When the invocation was made, epoch ms: its lines are read from shortly before. */
  at?: number;
}

/** The log documents, the tail channel and the tail's status bar item. */
export class LogsView implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly docs = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly channel = vscode.window.createOutputChannel('Lambda Lens: Tail', 'log');
  private readonly status = vscode.window.createStatusBarItem('lambdaLens.tail', vscode.StatusBarAlignment.Left, 9);
  private tail: { target: LogsTarget; tail: LogTail; state: TailState } | undefined;

  constructor(private readonly aws: AwsContext) {
    this.status.name = 'Lambda Lens: log tail';
    this.status.command = 'lambdaLens.stopTailLogs';
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.docs.get(uri.toString()) ?? 'These logs are no longer loaded. Run Show Logs again.\n';
  }

  /** Opens the recent lines of the target; answers the document's text (for tests). */
  async show(t: LogsTarget): Promise<string | undefined> {
    let group: string;
    let read: LogRead;
    try {
      group = await this.logGroup(t);
      const start = t.at !== undefined ? t.at - 5 * 60_000 : Date.now() - SHOW_WINDOW_MS;
      read = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: `Reading logs of ${t.functionName}` }, () =>
        readLogs(this.logsClient(t.region), { logGroup: group, startTime: start, maxLines: SHOW_MAX_LINES, ...(t.requestId ? { filterPattern: `"${t.requestId}"` } : {}) }),
      );
    } catch (e) {
      const c = classifyAwsError(e, this.aws.session.source, t.region);
      void vscode.window.showErrorMessage(`Could not read the logs of ${t.functionName}: ${c.summary}. ${c.detail}`);
      return undefined;
    }
    const what = t.requestId ? `request ${t.requestId}` : `the last ${SHOW_WINDOW_MS / 60_000} min`;
    const header = `${group} (${t.region}) · ${what} · ${read.lines.length} line${read.lines.length === 1 ? '' : 's'}${read.truncated ? ` (the newest ${SHOW_MAX_LINES})` : ''}`;
    const body = !read.groupExists
      ? `The log group ${group} does not exist yet: the function has not run since it was created, or it logs elsewhere.`
      : read.lines.length
        ? read.lines.map(formatLogLine).join('\n')
        : t.requestId
          ? 'No lines yet: CloudWatch Logs can take a few seconds to receive them. Run Show Logs again.'
          : 'No lines in this window.';
    const text = `${header}\n\n${body}\n`;
    const uri = vscode.Uri.from({ scheme: LOGS_SCHEME, path: `/${t.region}/${t.functionName}${t.requestId ? ` ${t.requestId.slice(0, 8)}` : ''}.log` });
    this.docs.set(uri.toString(), text);
    this.changed.fire(uri);
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.languages.setTextDocumentLanguage(doc, 'log');
    await vscode.window.showTextDocument(doc, { preview: true, preserveFocus: false });
    return text;
  }

  /** Starts tailing the target's log group (stopping another tail); answers once the first poll is in. */
  async startTail(t: LogsTarget, intervalMs = 2_000): Promise<void> {
    this.stopTail();
    let group: string;
    try {
      group = await this.logGroup(t);
    } catch (e) {
      const c = classifyAwsError(e, this.aws.session.source, t.region);
      void vscode.window.showErrorMessage(`Could not tail the logs of ${t.functionName}: ${c.summary}. ${c.detail}`);
      return;
    }
    const client = this.logsClient(t.region);
    this.channel.clear();
    this.channel.appendLine(`Tailing ${group} (${t.region}) every ${intervalMs / 1000} s; click the status bar item to stop.`);
    this.channel.show(true);
    const tail = new LogTail(
      (since, signal) => readLogs(client, { logGroup: group, startTime: since, maxLines: SHOW_MAX_LINES }, signal),
      (lines) => this.channel.append(`${lines.map(formatLogLine).join('\n')}\n`),
      (s) => this.showState(t, s),
      intervalMs,
    );
    this.tail = { target: t, tail, state: { kind: 'tailing', lines: 0 } };
    await tail.poll();
  }

  /** Stops the tail, if one runs. */
  stopTail(): void {
    this.tail?.tail.stop();
    this.tail = undefined;
  }

  /** What the tail shows in the status bar: its target and state, if one runs. */
  get tailing(): { target: LogsTarget; state: TailState } | undefined {
    return this.tail && { target: this.tail.target, state: this.tail.state };
  }

  dispose(): void {
    this.stopTail();
    this.changed.dispose();
    this.channel.dispose();
    this.status.dispose();
  }

  private showState(t: LogsTarget, s: TailState): void {
    if (this.tail?.target === t) this.tail.state = s;
    if (s.kind === 'stopped') {
      this.status.hide();
      return;
    }
    this.status.text = s.kind === 'tailing' ? `$(pulse) Tailing ${t.functionName} · ${s.lines} lines` : `$(warning) Tailing ${t.functionName}`;
    this.status.tooltip = s.kind === 'tailing' ? `New log lines of ${t.functionName} appear in "Lambda Lens: Tail". Click to stop.` : `Tailing ${t.functionName}: ${s.reason}. Still trying; click to stop.`;
    this.status.show();
  }

  private logsClient(region: string): CloudWatchLogsClient {
    return this.aws.factory.client(CloudWatchLogsClient, region);
  }

  private async logGroup(t: LogsTarget): Promise<string> {
    const known = this.aws.functions.find(t.region, t.functionName)?.logGroup;
    return known ?? (await getRunSettings(this.aws.factory.createLambdaClient(t.region), t.functionName, undefined)).logGroup;
  }
}
