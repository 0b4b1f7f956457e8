/**
 * Read-only JSON documents of a function's GetFunction answer (without Code.Location, a presigned
 * URL), served from a virtual scheme so the editor cannot save them anywhere.
 */
import * as vscode from 'vscode';
import type { ExplorerModel } from './model';
import type { FunctionTarget } from './nodes';

/** The virtual document scheme. */
export const CONFIG_SCHEME = 'lambdalens-config';

/** Serves and opens the configuration documents. */
export class ConfigurationDocuments implements vscode.TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();

  constructor(private readonly model: ExplorerModel) {}

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '{}';
  }

  /** Fetches the configuration and opens it as a read-only JSON editor. */
  async show(t: FunctionTarget): Promise<void> {
    const details = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: `Loading configuration of ${t.name}` }, () =>
      this.model.loadDetails(t.region, t),
    );
    const uri = vscode.Uri.from({ scheme: CONFIG_SCHEME, path: `/${t.region}/${t.name}.json` });
    const body = { Configuration: details.configuration, Concurrency: details.reservedConcurrency !== undefined ? { ReservedConcurrentExecutions: details.reservedConcurrency } : undefined, Tags: details.tags };
    this.texts.set(uri.toString(), `${JSON.stringify(body, null, 2)}\n`);
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.languages.setTextDocumentLanguage(doc, 'json');
    await vscode.window.showTextDocument(doc, { preview: true });
  }
}
