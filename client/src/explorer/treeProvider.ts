/**
 * The one TreeDataProvider of the explorer: asks the model for children, turns presented nodes into
 * TreeItems, wraps long loads in cancellable progress, fills tooltips on hover, and badges deprecated
 * runtimes through a FileDecorationProvider.
 */
import * as vscode from 'vscode';
import { functionTooltip, present, type ItemView } from './present';
import type { ExplorerModel, LoadOptions } from './model';
import type { ExplorerNode } from './nodes';

/** The explorer view's id. */
export const VIEW_ID = 'lambdaLens.functions';
const BADGE_SCHEME = 'lambdalens-fn';

/** Tree data and badge decorations of the `lambdaLens.functions` view. */
export class ExplorerTreeProvider implements vscode.TreeDataProvider<ExplorerNode>, vscode.FileDecorationProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ExplorerNode | undefined>();
  private readonly decorationsChanged = new vscode.EventEmitter<vscode.Uri[]>();
  private readonly badges = new Map<string, { text: string; tooltip: string }>();
  private readonly unsubscribe: () => void;
  readonly onDidChangeTreeData = this.changed.event;
  readonly onDidChangeFileDecorations = this.decorationsChanged.event;

  constructor(private readonly model: ExplorerModel) {
    this.unsubscribe = model.onDidChange((node) => this.changed.fire(node));
  }

  getTreeItem(node: ExplorerNode): vscode.TreeItem {
    const view = present(node, this.model);
    const item = toTreeItem(view, node.id);
    // VS Code calls resolveTreeItem only while the tooltip is unset: leave it unset until details are in.
    if (node.kind === 'function' && !this.model.details(node.fn)) item.tooltip = undefined;
    if (node.kind === 'function' && view.badge) {
      const uri = vscode.Uri.from({ scheme: BADGE_SCHEME, path: `/${node.region}/${node.fn.name}` });
      this.badges.set(uri.toString(), view.badge);
      item.resourceUri = uri;
    }
    return item;
  }

  async getChildren(node?: ExplorerNode): Promise<ExplorerNode[]> {
    if (node) return this.model.children(node);
    const full = this.model.roots().filter((r) => this.model.needsFullLoad(r.region));
    if (full.length) return loadWithProgress(`Loading Lambda functions in ${full.map((r) => r.region).join(', ')}`, (opts) => this.model.children(undefined, opts));
    return vscode.window.withProgress({ location: { viewId: VIEW_ID } }, () => this.model.children(undefined));
  }

  getParent(node: ExplorerNode): ExplorerNode | undefined {
    return this.model.parentOf(node);
  }

  async resolveTreeItem(item: vscode.TreeItem, node: ExplorerNode, token: vscode.CancellationToken): Promise<vscode.TreeItem> {
    if (node.kind !== 'function' || item.tooltip !== undefined) return item;
    let details;
    try {
      details = await this.model.loadDetails(node.region, node.fn, abortOn(token).signal);
    } catch {
      // Without GetFunction the tooltip still shows everything but state and reserved concurrency.
    }
    item.tooltip = markdown(functionTooltip(node.fn, details, this.model.today));
    return item;
  }

  provideFileDecoration(uri: vscode.Uri): vscode.FileDecoration | undefined {
    if (uri.scheme !== BADGE_SCHEME) return undefined;
    const badge = this.badges.get(uri.toString());
    return badge ? new vscode.FileDecoration(badge.text, badge.tooltip, new vscode.ThemeColor('list.warningForeground')) : undefined;
  }

  dispose(): void {
    this.unsubscribe();
    this.changed.dispose();
    this.decorationsChanged.dispose();
  }
}

/** Runs a load that may list whole regions (a filter needs every function) under cancellable progress. */
export function loadWithProgress<T>(title: string, run: (opts: LoadOptions) => Promise<T>): Thenable<T> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, (progress, token) =>
    run({ signal: abortOn(token).signal, onProgress: (n) => progress.report({ message: `${n.toLocaleString('en-US')} loaded` }) }),
  );
}

function abortOn(token: vscode.CancellationToken): AbortController {
  const ac = new AbortController();
  if (token.isCancellationRequested) ac.abort();
  token.onCancellationRequested(() => ac.abort());
  return ac;
}

function markdown(text: string): vscode.MarkdownString {
  const m = new vscode.MarkdownString(text, true);
  m.supportHtml = false;
  return m;
}

const COLLAPSIBLE = {
  none: vscode.TreeItemCollapsibleState.None,
  collapsed: vscode.TreeItemCollapsibleState.Collapsed,
  expanded: vscode.TreeItemCollapsibleState.Expanded,
} as const;

function toTreeItem(view: ItemView, id: string): vscode.TreeItem {
  const item = new vscode.TreeItem(view.label, COLLAPSIBLE[view.collapsible]);
  item.id = id;
  item.description = view.description;
  if (view.tooltip) item.tooltip = markdown(view.tooltip);
  if (view.icon) item.iconPath = new vscode.ThemeIcon(view.icon.id, view.icon.color ? new vscode.ThemeColor(view.icon.color) : undefined);
  item.contextValue = view.contextValue;
  if (view.command) item.command = view.command;
  return item;
}
