/** Registers the logs feature: Show Logs, Tail Logs and its status bar item, the log documents. */
import * as vscode from 'vscode';
import type { AwsContext } from '../aws/awsContext';
import { logsCommands } from './commands';
import { LOGS_SCHEME, LogsView } from './logsView';

/** What logs need from activate(). */
export interface LogsDeps {
  aws: AwsContext;
}

/** Wires logs; everything it creates is disposed with the extension. */
export function registerLogs(context: vscode.ExtensionContext, { aws }: LogsDeps): LogsView {
  const view = new LogsView(aws);
  context.subscriptions.push(
    view,
    vscode.workspace.registerTextDocumentContentProvider(LOGS_SCHEME, view),
    // A tail of another profile's functions would sign with credentials no longer chosen.
    { dispose: aws.onDidChange((c) => c.session && view.stopTail()) },
    ...Object.entries(logsCommands(view, () => aws.regions)).map(([id, handler]) => vscode.commands.registerCommand(id, handler)),
  );
  return view;
}
