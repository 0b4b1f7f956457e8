/**
 * The bundle-size commands, id -> handler, in one table that matches package.json's
 * contributes.commands (a test checks both ways).
 */
import * as vscode from 'vscode';
import { SHOW_BUNDLE_SIZE_COMMAND } from '../../../server/src/protocol';
import type { BundleSizeArgs } from '../../../server/src/protocol';
import type { MeasuredSize } from '../../../server/src/measure/types';
import { breakdownRows, breakdownTitle } from './breakdown';

type Handler = (...args: unknown[]) => unknown;

/** Asks the server for a function's full measurement (null when it is not measured any more). */
export type FetchBreakdown = (args: BundleSizeArgs) => Promise<MeasuredSize | null>;

export function bundleSizeCommands(fetch: FetchBreakdown): Readonly<Record<typeof SHOW_BUNDLE_SIZE_COMMAND, Handler>> {
  return {
    'lambdaLens.showBundleSize': (args) => showBreakdown(fetch, args as BundleSizeArgs | undefined),
  };
}

/** The breakdown a bundle-size CodeLens opens: a quick pick whose entries reveal in the Explorer. */
async function showBreakdown(fetch: FetchBreakdown, args: BundleSizeArgs | undefined): Promise<void> {
  if (!args?.uri || !args.functionId) {
    void vscode.window.showInformationMessage('Click a bundle-size CodeLens above a function to see its breakdown.');
    return;
  }
  let size: MeasuredSize | null;
  try {
    size = await fetch(args);
  } catch (e) {
    void vscode.window.showErrorMessage(`Lambda Lens could not get the breakdown of ${args.functionId}: ${e instanceof Error ? e.message : String(e)}`);
    return;
  }
  if (!size) {
    void vscode.window.showInformationMessage(`${args.functionId} has no measurement right now (its template was closed or its code changed); wait for the CodeLens to show a size and click it again.`);
    return;
  }
  const reveal: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('go-to-file'), tooltip: 'Reveal in Explorer' };
  const items = breakdownRows(size).map((row) => ({
    label: row.label,
    kind: row.kind === 'separator' ? vscode.QuickPickItemKind.Separator : vscode.QuickPickItemKind.Default,
    ...(row.description ? { description: row.description } : {}),
    ...(row.detail ? { detail: row.detail } : {}),
    ...(row.reveal ? { buttons: [reveal] } : {}),
    path: row.reveal,
  }));
  const pick = vscode.window.createQuickPick<(typeof items)[number]>();
  pick.title = breakdownTitle(size);
  pick.placeholder = 'Select an entry or use its button to reveal it in the Explorer';
  pick.matchOnDescription = true;
  pick.matchOnDetail = true;
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
