/**
 * Read-only JSON documents of a function's GetFunction answer (without Code.Location, a presigned
 * URL), served from a virtual scheme so the editor cannot save them anywhere. Environment variable
 * values are masked; "Reveal Values" in the editor title shows them after asking.
 */
import * as vscode from 'vscode';
import type { FunctionDetails } from '../../../server/src/aws/lambdaApi';
import { configurationJson } from './configurationJson';
import type { ExplorerModel } from './model';
import type { FunctionTarget } from './nodes';

/** The virtual document scheme. */
export const CONFIG_SCHEME = 'lambdalens-config';

/** Serves and opens the configuration documents. */
export class ConfigurationDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly shown = new Map<string, { target: FunctionTarget; details: FunctionDetails; revealed: boolean }>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly model: ExplorerModel) {}

  provideTextDocumentContent(uri: vscode.Uri): string {
    const s = this.shown.get(uri.toString());
    return s ? configurationJson(s.details, s.revealed) : '{}';
  }

  /** Fetches the configuration and opens it, values masked, as a read-only JSON editor (`beside` the active one). */
  async show(t: FunctionTarget, beside = false): Promise<void> {
    const details = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: `Loading configuration of ${t.name}` }, () =>
      this.model.loadDetails(t.region, t),
    );
    const uri = vscode.Uri.from({ scheme: CONFIG_SCHEME, path: `/${t.region}/${t.name}.json` });
    this.shown.set(uri.toString(), { target: t, details, revealed: false });
    this.changed.fire(uri);
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.languages.setTextDocumentLanguage(doc, 'json');
    await vscode.window.showTextDocument(doc, { preview: true, ...(beside ? { viewColumn: vscode.ViewColumn.Beside } : {}) });
  }

  /** Shows the environment variable values of a configuration document, once the user confirms. */
  async reveal(uri: vscode.Uri | undefined, confirmed = false): Promise<boolean> {
    const s = uri && this.shown.get(uri.toString());
    if (!uri || !s) {
      void vscode.window.showInformationMessage('Open a configuration with "Show Configuration (JSON)" on a function in the Lambda explorer first.');
      return false;
    }
    const count = Object.keys(s.details.configuration.Environment?.Variables ?? {}).length;
    if (!confirmed) {
      const ok = await vscode.window.showWarningMessage(
        `Show the values of ${count} environment variable${count === 1 ? '' : 's'} of ${s.target.name}?`,
        { modal: true, detail: 'They may hold secrets (passwords, API keys). They stay in this read-only document only, until you close it.' },
        'Reveal Values',
      );
      if (ok !== 'Reveal Values') return false;
    }
    s.revealed = true;
    this.changed.fire(uri);
    return true;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
