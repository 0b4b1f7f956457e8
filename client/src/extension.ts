/** Extension entry: builds the few long-lived objects and registers each feature. */
import type * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { createAwsContext } from './aws/vscodeAws';
import { registerExplorer } from './explorer/register';
import { registerInvoke } from './invoke/register';
import { startLanguageClient } from './languageClient';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const aws = createAwsContext(context);
  registerExplorer(context, { aws });
  registerInvoke(context, { aws });
  client = await startLanguageClient(context);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
