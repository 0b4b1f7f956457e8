/**
 * The bundle-size client side: the breakdown a CodeLens click opens (fetched from the server: heaviest
 * modules, largest folders and files, layers, each with "Reveal in Explorer"), the file watchers on
 * the code the server measures, whose changes are forwarded so lenses refresh by themselves, and the
 * keeper that makes VS Code fetch the lenses of visible templates. In Restricted Mode the server
 * measures no esbuild function (that runs the project's esbuild) until the user trusts the workspace.
 */
import { basename, dirname } from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { BundleSizeBreakdown, CodeFilesChanged, WatchCodeFolders, WorkspaceTrusted } from '../../../server/src/protocol';
import { bundleSizeCommands } from './commands';
import type { LensKeeper } from './lensKeeper';

/** Changes are batched for this long: an `npm install` changes thousands of files at once. */
const FORWARD_DELAY_MS = 300;

export interface BundleSizeDeps {
  /** The language client, registered with before it starts so no early notification is missed. */
  readonly client: LanguageClient;
  readonly lenses: LensKeeper;
}

export function registerBundleSize(context: vscode.ExtensionContext, deps: BundleSizeDeps): void {
  context.subscriptions.push(
    ...Object.entries(bundleSizeCommands((args) => deps.client.sendRequest(BundleSizeBreakdown.type, args))).map(([id, handler]) => vscode.commands.registerCommand(id, handler)),
    forwardCodeChanges(deps.client),
    deps.lenses,
    vscode.workspace.onDidGrantWorkspaceTrust(() => void deps.client.sendNotification(WorkspaceTrusted.type)),
  );
}

/** Watches the folders and files the server names and reports changed paths back to it, batched. */
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
    // Each path is watched itself (a .zip, or a folder being replaced) and, for a folder, below it.
    const patterns = params.folders.flatMap((p) => [new vscode.RelativePattern(vscode.Uri.file(dirname(p)), escapeGlob(basename(p))), new vscode.RelativePattern(vscode.Uri.file(p), '**/*')]);
    watchers = patterns.map((pattern) => {
      const watcher = vscode.workspace.createFileSystemWatcher(pattern);
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

/** A file name as a glob matching only itself. */
function escapeGlob(name: string): string {
  return name.replace(/[[\]{}*?!]/g, (c) => `[${c}]`);
}
