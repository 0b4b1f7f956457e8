/** Extension entry: builds the few long-lived objects and registers each feature. */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { LensKeeper } from './bundleSize/lensKeeper';
import { registerBundleSize } from './bundleSize/register';
import { registerDeployed } from './deployed/register';
import { createAwsContext } from './aws/vscodeAws';
import { registerExplorer } from './explorer/register';
import { registerInvoke } from './invoke/register';
import type { LogsView } from './logs/logsView';
import { registerLogs } from './logs/register';
import { createLanguageClient } from './languageClient';

let client: LanguageClient | undefined;

/** What activate() returns: `extensions.getExtension(id).exports`, used by the editor tests. */
export interface LambdaLensApi {
  /** The data provider of the Functions view. */
  readonly explorer: vscode.TreeDataProvider<unknown>;
  /** The Functions view, whose selection "Reveal in Functions View" sets. */
  readonly explorerView: vscode.TreeView<unknown>;
  /** The logs feature, whose tail state the status bar shows. */
  readonly logs: Pick<LogsView, 'tailing'>;
}

export async function activate(context: vscode.ExtensionContext): Promise<LambdaLensApi> {
  // One "Lambda Lens" log for the language server and every failed AWS call.
  const log = vscode.window.createOutputChannel('Lambda Lens', { log: true });
  context.subscriptions.push(log);
  const aws = createAwsContext(context, log);
  const explorer = registerExplorer(context, { aws });
  const lenses = new LensKeeper();
  const languageClient = createLanguageClient(context, log, lenses.middleware, vscode.workspace.isTrusted);
  client = languageClient;
  // Registered before the client starts, so the server's first notifications reach them.
  registerBundleSize(context, { client: languageClient, lenses });
  const server = languageClient.start().then(() => {
    lenses.attach(languageClient);
    return languageClient;
  });
  registerInvoke(context, { aws, server });
  registerDeployed(context, { aws, client: languageClient, server, explorer });
  const logs = registerLogs(context, { aws });
  await server;
  return { explorer: explorer.provider, explorerView: explorer.view, logs };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
