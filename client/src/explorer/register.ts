/**
 * Registers the Lambda explorer: the tree view, its commands, the read-only configuration documents,
 * the `profile · region` status bar item and the context key behind the welcome view.
 */
import * as vscode from 'vscode';
import type { AwsContext } from '../aws/awsContext';
import { explorerCommands } from './commands';
import { CONFIG_SCHEME, ConfigurationDocuments } from './configurationView';
import { ExplorerModel } from './model';
import type { ExplorerNode } from './nodes';
import { ExplorerTreeProvider, VIEW_ID } from './treeProvider';

/** What the explorer needs from activate(). */
export interface ExplorerDeps {
  aws: AwsContext;
}

/** What other features use of the explorer. */
export interface Explorer {
  readonly provider: ExplorerTreeProvider;
  readonly model: ExplorerModel;
  readonly view: vscode.TreeView<ExplorerNode>;
  readonly configurations: ConfigurationDocuments;
}

/** Wires the explorer; everything it creates is disposed with the extension. */
export function registerExplorer(context: vscode.ExtensionContext, { aws }: ExplorerDeps): Explorer {
  const model = new ExplorerModel(aws, context.workspaceState);
  const provider = new ExplorerTreeProvider(model);
  const configurations = new ConfigurationDocuments(model);
  const view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: provider, showCollapseAll: true });
  const status = vscode.window.createStatusBarItem('lambdaLens.profile', vscode.StatusBarAlignment.Left, 10);
  status.name = 'Lambda Lens: AWS profile and region';
  status.command = 'lambdaLens.selectProfile';

  const sync = (): void => {
    const regions = aws.regions;
    const first = regions[0] ?? aws.session.defaultRegion;
    status.text = `$(cloud) ${aws.session.label} · ${first}${regions.length > 1 ? ` +${regions.length - 1}` : ''}`;
    status.tooltip = `Lambda Lens uses ${aws.session.source.type === 'environment' ? 'credentials from the environment' : `profile "${aws.session.label}"`} in ${regions.join(', ')}. Click to change the profile.`;
    status.show();
    void vscode.commands.executeCommand('setContext', 'lambdaLens.needsCredentials', model.needsCredentials);
  };
  sync();

  context.subscriptions.push(
    model,
    provider,
    configurations,
    view,
    status,
    vscode.window.registerFileDecorationProvider(provider),
    vscode.workspace.registerTextDocumentContentProvider(CONFIG_SCHEME, configurations),
    { dispose: aws.onDidChange(sync) },
    ...Object.entries(explorerCommands({ aws, model, configurations })).map(([id, handler]) => vscode.commands.registerCommand(id, handler)),
  );
  return { provider, model, view, configurations };
}
