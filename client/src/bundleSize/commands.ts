/**
 * The bundle-size commands, id -> handler, in one table that matches package.json's
 * contributes.commands (a test checks both ways).
 */
import * as vscode from 'vscode';
import { SHOW_BUNDLE_SIZE_COMMAND } from '../../../server/src/protocol';
import type { BundleSizeArgs } from '../../../server/src/protocol';
import { breakdownRows, breakdownTitle } from './breakdown';

type Handler = (...args: unknown[]) => unknown;

export const BUNDLE_SIZE_COMMANDS: Readonly<Record<typeof SHOW_BUNDLE_SIZE_COMMAND, Handler>> = {
  'lambdaLens.showBundleSize': (args) => showBreakdown(args as BundleSizeArgs | undefined),
};

/** The breakdown a bundle-size CodeLens opens: a quick pick whose entries reveal in the Explorer. */
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

