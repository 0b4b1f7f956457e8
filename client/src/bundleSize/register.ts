/**
 * The bundle-size client side: the breakdown a CodeLens click opens (largest folders and files,
 * layers, each with "Reveal in Explorer"), and the file watchers on the code folders the server
 * measures, whose changes are forwarded so lenses refresh by themselves.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CodeFilesChanged, SHOW_BUNDLE_SIZE_COMMAND, WatchCodeFolders } from '../../../server/src/protocol';
import type { BundleSizeArgs } from '../../../server/src/protocol';
import { breakdownRows, breakdownTitle } from './breakdown';

/** Changes are batched for this long: an `npm install` changes thousands of files at once. */
const FORWARD_DELAY_MS = 300;

export interface BundleSizeDeps {
  readonly client: LanguageClient;
}

export function registerBundleSize(context: vscode.ExtensionContext, deps: BundleSizeDeps): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(SHOW_BUNDLE_SIZE_COMMAND, (args: BundleSizeArgs) => showBreakdown(args)),
    forwardCodeChanges(deps.client),
  );
}

async function showBreakdown(args: BundleSizeArgs | undefined): Promise<void> {
  if (!args?.size) {
    void vscode.window.showInformationMessage('Click a bundle-size CodeLens above a function to see its breakdown.');
    return;
  }
  const reveal: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('go-to-file'), tooltip: 'Reveal in Explorer' };
  const items = breakdownRows(args).map((row) => ({
    label: row.label,
    kind: row.kind === 'separator' ? vscode.QuickPickItemKind.Separator : vscode.QuickPickItemKind.Default,
    ...(row.description ? { description: row.description } : {}),
    ...(row.detail ? { detail: row.detail } : {}),
    ...(row.reveal ? { buttons: [reveal] } : {}),
    path: row.reveal,
  }));
  const pick = vscode.window.createQuickPick<(typeof items)[number]>();
  pick.title = breakdownTitle(args);
  pick.placeholder = 'Select an entry or use its button to reveal it in the Explorer';
  pick.matchOnDescription = true;
  pick.items = items;
  const revealPath = (path: string | undefined) => {
    if (path) void vscode.commands.executeCommand('revealInExplorer', vscode.Uri.file(path));
  };
  pick.onDidTriggerItemButton((e) => revealPath(e.item.path));
  pick.onDidAccept(() => {
    revealPath(pick.selectedItems[0]?.path);
    pick.hide();
  });
  pick.onDidHide(() => pick.dispose());
  pick.show();
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
      void client.sendNotification(CodeFilesChanged.method, { paths } satisfies CodeFilesChanged.Params);
    }, FORWARD_DELAY_MS);
  };
  const listener = client.onNotification(WatchCodeFolders.method, (params: WatchCodeFolders.Params) => {
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
