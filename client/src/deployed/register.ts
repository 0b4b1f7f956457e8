/**
 * Registers the deployed view in the editor: answers the language server's stack targets with the
 * loaded stacks, refreshes them on save, on "Refresh Deployed State" and on a timer no more often
 * than `lambdaLens.deployed.refreshIntervalMinutes`, and wires the commands of the template lenses
 * and the explorer (invoke, compare, reveal, open in template).
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { AwsContext } from '../aws/awsContext';
import type { Explorer } from '../explorer/register';
import { DeployedRefresh, DeployedStacks, DeployedTargets } from '../../../server/src/protocol';
import { deployedCommands } from './commands';
import { DeployedLoader } from './loader';

/** What the deployed view needs from activate(). */
export interface DeployedDeps {
  aws: AwsContext;
  /** The language client, before it starts: the server's first targets must reach the handler. */
  client: LanguageClient;
  /** The same client once started, for sending. */
  server: Promise<LanguageClient>;
  explorer: Explorer;
}

/** Minutes between timed refreshes when the setting says nothing; 0 turns the timer off. */
const DEFAULT_INTERVAL_MINUTES = 5;

/** Wires the deployed view; everything it creates is disposed with the extension. */
export function registerDeployed(context: vscode.ExtensionContext, { aws, client, server, explorer }: DeployedDeps): DeployedLoader {
  const loader = new DeployedLoader(aws, (p) => void server.then((c) => c.sendNotification(DeployedStacks.type, p)));
  context.subscriptions.push(client.onNotification(DeployedTargets.type, (p) => void loader.setTargets(p)));
  const syncContext = (): void => {
    const uri = vscode.window.activeTextEditor?.document.uri.toString();
    void vscode.commands.executeCommand('setContext', 'lambdaLens.deployedTemplate', uri !== undefined && loader.functions().some((f) => f.uri === uri));
  };

  let timer: NodeJS.Timeout | undefined;
  const schedule = (): void => {
    clearInterval(timer);
    const minutes = vscode.workspace.getConfiguration('lambdaLens').get<number>('deployed.refreshIntervalMinutes', DEFAULT_INTERVAL_MINUTES);
    timer = minutes > 0 ? setInterval(() => void loader.reload(), Math.max(1, minutes) * 60_000) : undefined;
  };
  schedule();

  const refresh = async (): Promise<void> => {
    // The server looks for the stacks again (a samconfig may have changed); then every stack is read.
    (await server).sendNotification(DeployedRefresh.type);
    await loader.reload();
  };

  // The tree is redrawn only when the mapping changed: a redraw while a region loads costs a reload.
  let shown = '';
  const redraw = (): void => {
    const now = JSON.stringify(loader.functions().map((f) => [f.region, f.functionName, f.logicalId, f.uri]));
    if (now !== shown) {
      shown = now;
      explorer.model.setTemplateLookup((region, name) => loader.functionOf(region, name));
    }
    syncContext();
  };

  context.subscriptions.push(
    { dispose: loader.onDidChange(redraw) },
    { dispose: () => clearInterval(timer) },
    { dispose: () => loader.dispose() },
    vscode.window.onDidChangeActiveTextEditor(syncContext),
    vscode.workspace.onDidSaveTextDocument((doc) => {
      const keys = loader.keysOf(doc.uri.toString());
      if (keys.length) void loader.reload(keys);
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('lambdaLens.deployed.refreshIntervalMinutes')) schedule();
    }),
    ...Object.entries(deployedCommands({ loader, explorer, refresh })).map(([id, handler]) => vscode.commands.registerCommand(id, handler)),
  );
  return loader;
}
