/**
 * The bundle-size client side: the breakdown a CodeLens click opens (largest folders and files,
 * layers, each with "Reveal in Explorer"), and the file watchers on the code folders the server
 * measures, whose changes are forwarded so lenses refresh by themselves.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CodeFilesChanged, WatchCodeFolders } from '../../../server/src/protocol';
import { BUNDLE_SIZE_COMMANDS } from './commands';

/** Changes are batched for this long: an `npm install` changes thousands of files at once. */
const FORWARD_DELAY_MS = 300;

export interface BundleSizeDeps {
  readonly client: LanguageClient;
}

export function registerBundleSize(context: vscode.ExtensionContext, deps: BundleSizeDeps): void {
  context.subscriptions.push(
    ...Object.entries(BUNDLE_SIZE_COMMANDS).map(([id, handler]) => vscode.commands.registerCommand(id, handler)),
    forwardCodeChanges(deps.client),
  );
}

/** Watches the folders the server names and reports changed paths back to it, batched. */
function forwardCodeChanges(client: LanguageClient): vscode.Disposable {
  let watchers: vscode.Disposable[] = [];
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const changed = (uri: vscode.Uri) => {
    pending.add(uri.fsPath);
    timer ??= setTimeout(() => {
      timer = undefined;
      const paths = [...pending];
      pending.clear();
      void client.sendNotification(CodeFilesChanged.type, { paths });
    }, FORWARD_DELAY_MS);
  };
  const listener = client.onNotification(WatchCodeFolders.type, (params) => {
    for (const w of watchers) w.dispose();
    watchers = params.folders.map((folder) => {
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(folder), '**/*'));
      watcher.onDidCreate(changed);
      watcher.onDidChange(changed);
      watcher.onDidDelete(changed);
      return watcher;
    });
  });
  return new vscode.Disposable(() => {
    listener.dispose();
    clearTimeout(timer);
    for (const w of watchers) w.dispose();
  });
}
