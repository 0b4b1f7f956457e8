/**
 * Makes sure VS Code actually fetches the bundle-size lenses of visible templates. VS Code's CodeLens
 * controller debounces each fetch and drops the pending one when the editor text loses focus; nothing
 * fetches again until the text is focused or edited, or the provider reports a change. A template
 * opened and left at once (the Problems panel, the terminal, the explorer) then showed no lens at all,
 * neither "measuring..." nor the measurement that followed. The keeper notes which visible documents
 * have been fetched since the provider last changed (or since they became visible) and, until they
 * are, reports the change again once a second, for a bounded time.
 */
import * as vscode from 'vscode';
import type { CodeLensProviderShape, LanguageClient, Middleware } from 'vscode-languageclient/node';
import { CodeLensRequest } from 'vscode-languageclient/node';

/** Between two re-reports of a change while a visible document has not been fetched. */
const RETRY_MS = 1000;
/** A document not fetched after this long is left alone (e.g. CodeLens is turned off in the editor). */
const GIVE_UP_MS = 30_000;

export class LensKeeper implements vscode.Disposable {
  /** Documents waiting for a fetch: when they started waiting, and the change count then. */
  private readonly waiting = new Map<string, { since: number; change: number }>();
  /** Counts changes, so a fetch that started before a change does not end the wait for it. */
  private changes = 0;
  private readonly disposables: vscode.Disposable[] = [];
  private timer: NodeJS.Timeout | undefined;
  private client: LanguageClient | undefined;
  /** True while the keeper itself reports a change: that is not a new change to wait for. */
  private refiring = false;
  private readonly subscribed = new WeakSet<CodeLensProviderShape>();

  /** Client middleware that tells the keeper when VS Code has fetched a document's lenses. */
  readonly middleware: Pick<Middleware, 'provideCodeLenses'> = {
    provideCodeLenses: async (document, token, next) => {
      const started = this.changes;
      const lenses = await next(document, token);
      const uri = document.uri.toString();
      const wait = this.waiting.get(uri);
      if (!token.isCancellationRequested && wait && wait.change <= started) this.waiting.delete(uri);
      return lenses;
    },
  };

  /** Starts watching once the client runs (its CodeLens provider exists only then). */
  attach(client: LanguageClient): void {
    this.client = client;
    this.disposables.push(vscode.window.onDidChangeVisibleTextEditors((editors) => this.waitFor(editors.filter((e) => !this.waiting.has(e.document.uri.toString())))));
    this.waitFor(vscode.window.visibleTextEditors);
  }

  dispose(): void {
    clearInterval(this.timer);
    for (const d of this.disposables) d.dispose();
  }

  /** The client's CodeLens provider for a document, subscribed to once: a change means every visible document waits again. */
  private providerFor(document: vscode.TextDocument): CodeLensProviderShape | undefined {
    const provider = this.client?.getFeature(CodeLensRequest.method).getProvider(document);
    if (provider && !this.subscribed.has(provider)) {
      this.subscribed.add(provider);
      this.disposables.push(provider.provider?.onDidChangeCodeLenses?.(() => {
        if (!this.refiring) this.waitFor(vscode.window.visibleTextEditors);
      }) ?? new vscode.Disposable(() => undefined));
    }
    return provider;
  }

  private waitFor(editors: readonly vscode.TextEditor[]): void {
    const now = Date.now();
    const change = ++this.changes;
    for (const e of editors) if (this.providerFor(e.document)) this.waiting.set(e.document.uri.toString(), { since: now, change });
    if (this.waiting.size > 0) this.timer ??= setInterval(() => this.retry(), RETRY_MS);
  }

  private retry(): void {
    const now = Date.now();
    const visible = new Set(vscode.window.visibleTextEditors.map((e) => e.document.uri.toString()));
    for (const [uri, wait] of this.waiting) if (!visible.has(uri) || now - wait.since > GIVE_UP_MS) this.waiting.delete(uri);
    if (this.waiting.size === 0) {
      clearInterval(this.timer);
      this.timer = undefined;
      return;
    }
    const doc = vscode.window.visibleTextEditors.find((e) => this.waiting.has(e.document.uri.toString()))?.document;
    const provider = doc && this.providerFor(doc);
    if (!provider) return;
    this.refiring = true;
    try {
      provider.onDidChangeCodeLensEmitter.fire();
    } finally {
      this.refiring = false;
    }
  }
}
