/** Extension entry: builds the few long-lived objects and registers each feature. */
import type * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { LensKeeper } from './bundleSize/lensKeeper';
import { registerBundleSize } from './bundleSize/register';
import { createAwsContext } from './aws/vscodeAws';
import { registerExplorer } from './explorer/register';
import { registerInvoke } from './invoke/register';
import { createLanguageClient } from './languageClient';

let client: LanguageClient | undefined;

/** What activate() returns: `extensions.getExtension(id).exports`, used by the editor tests. */
export interface LambdaLensApi {
  /** The data provider of the Functions view. */
  readonly explorer: vscode.TreeDataProvider<unknown>;
}

export async function activate(context: vscode.ExtensionContext): Promise<LambdaLensApi> {
  const aws = createAwsContext(context);
  const explorer = registerExplorer(context, { aws });
  registerInvoke(context, { aws });
  const lenses = new LensKeeper();
  client = createLanguageClient(context, lenses.middleware);
  registerBundleSize(context, { client, lenses });
  await client.start();
  lenses.attach(client);
  return { explorer };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
