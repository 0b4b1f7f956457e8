/** Extension entry: builds the few long-lived objects and registers each feature. */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { registerBundleSize } from './bundleSize/register';
import { registerDeployed } from './deployed/register';
import { createAwsContext } from './aws/vscodeAws';
import { registerExplorer } from './explorer/register';
import { registerInvoke } from './invoke/register';
import type { LogsView } from './logs/logsView';
import { registerLogs } from './logs/register';
import { startLanguageClient } from './languageClient';

let client: LanguageClient | undefined;

/** What activate() returns: `extensions.getExtension(id).exports`, used by the editor tests. */
export interface LambdaLensApi {
  /** The data provider of the Functions view. */
  readonly explorer: vscode.TreeDataProvider<unknown>;
  /** The logs feature, whose tail state the status bar shows. */
  readonly logs: Pick<LogsView, 'tailing'>;
}

export async function activate(context: vscode.ExtensionContext): Promise<LambdaLensApi> {
  // One "Lambda Lens" log for the language server and every failed AWS call.
  const log = vscode.window.createOutputChannel('Lambda Lens', { log: true });
  context.subscriptions.push(log);
  const aws = createAwsContext(context, log);
  const explorer = registerExplorer(context, { aws });
  const server = startLanguageClient(context, log);
  registerInvoke(context, { aws, server });
  registerDeployed(context, { aws, server, explorer });
  const logs = registerLogs(context, { aws });
  client = await server;
  registerBundleSize(context, { client });
  return { explorer: explorer.provider, logs };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
