/**
 * An LSP client for the LSP test tier: spawns the bundled server (`node dist/server.js --stdio`)
 * and speaks JSON-RPC to it, the way an editor does.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';
import type { Diagnostic, ProtocolConnection, PublishDiagnosticsParams, TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol/node';
import type { InitializationOptions } from '../../server/src/protocol';

export const SERVER_JS = join(__dirname, '..', '..', 'dist', 'server.js');

export interface TestServer {
  readonly connection: ProtocolConnection;
  /** The server process's id (the benchmark reads its CPU time). */
  readonly pid: number;
  /** Every publishDiagnostics received, in order. */
  readonly published: PublishDiagnosticsParams[];
  open(uri: string, text: string, languageId?: string, version?: number): void;
  /** Sends the whole new text, or range edits as an editor does while typing. */
  change(uri: string, version: number, change: string | TextDocumentContentChangeEvent[]): void;
  close(uri: string): void;
  /** Resolves with the first publication for `uri` (after the call) that satisfies `accept`. */
  nextDiagnostics(uri: string, accept?: (d: PublishDiagnosticsParams) => boolean, timeoutMs?: number): Promise<Diagnostic[]>;
  /** Resolves at the next `workspace/codeLens/refresh` request from the server (after the call). */
  nextCodeLensRefresh(timeoutMs?: number): Promise<void>;
  /** Every Lambda Lens notification the server sent (`lambdaLens/watchCodeFolders`), in order. */
  readonly custom: Array<{ method: string; params: unknown }>;
  /** Changes the `lambdaLens` settings and tells the server, as an editor does. */
  setSettings(settings: Record<string, unknown>): void;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** `lambdaLens` settings answered to workspace/configuration requests. */
  readonly settings?: Record<string, unknown>;
  /** Folders opened as the workspace (absolute paths). */
  readonly workspaceFolders?: readonly string[];
  /** Node options for the server process (the start-up benchmark profiles it with `--cpu-prof`). */
  readonly execArgv?: readonly string[];
  /** The server bundle to run (default: dist/server.js). */
  readonly serverJs?: string;
  /** Sent as `initializationOptions` (the extension sends whether the workspace is trusted). */
  readonly initializationOptions?: InitializationOptions;
}

export async function startServer(opts: StartOptions = {}): Promise<TestServer> {
  const child: ChildProcess = spawn(process.execPath, [...(opts.execArgv ?? []), opts.serverJs ?? SERVER_JS, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const published: PublishDiagnosticsParams[] = [];
  const waiters: Array<{ uri: string; accept: (d: PublishDiagnosticsParams) => boolean; resolve: (d: Diagnostic[]) => void }> = [];
  let settings = opts.settings ?? {};
  connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
    published.push(p);
    for (let i = waiters.length - 1; i >= 0; i--) {
      const w = waiters[i]!;
      if (w.uri === p.uri && w.accept(p)) {
        waiters.splice(i, 1);
        w.resolve(p.diagnostics);
      }
    }
  });
  connection.onRequest('workspace/configuration', (params: { items: Array<{ section?: string }> }) =>
    params.items.map((i) => (i.section === 'lambdaLens' ? settings : null)),
  );
  connection.onRequest('client/registerCapability', () => null);
  const refreshWaiters: Array<() => void> = [];
  connection.onRequest('workspace/codeLens/refresh', () => {
    for (const w of refreshWaiters.splice(0)) w();
    return null;
  });
  const custom: Array<{ method: string; params: unknown }> = [];
  for (const method of ['lambdaLens/watchCodeFolders', 'lambdaLens/deployedTargets']) {
    connection.onNotification(method, (params: unknown) => {
      custom.push({ method, params });
    });
  }
  connection.listen();
  await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: null,
    capabilities: { workspace: { configuration: true, codeLens: { refreshSupport: true } }, textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true } } },
    workspaceFolders: opts.workspaceFolders?.map((f) => ({ uri: pathToFileURL(f).toString(), name: f })) ?? null,
    ...(opts.initializationOptions ? { initializationOptions: opts.initializationOptions } : {}),
  });
  await connection.sendNotification(InitializedNotification.type, {});

  return {
    connection,
    pid: child.pid!,
    published,
    custom,
    nextCodeLensRefresh(timeoutMs = 20_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no codeLens refresh within ${timeoutMs} ms`)), timeoutMs);
        refreshWaiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    },
    open(uri, text, languageId = uri.endsWith('.json') ? 'json' : 'yaml', version = 1) {
      void connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version, text } });
    },
    change(uri, version, change) {
      const contentChanges = typeof change === 'string' ? [{ text: change }] : change;
      void connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges });
    },
    close(uri) {
      void connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    },
    nextDiagnostics(uri, accept = () => true, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms`)), timeoutMs);
        waiters.push({ uri, accept, resolve: (d) => { clearTimeout(timer); resolve(d); } });
      });
    },
    setSettings(next) {
      settings = next;
      void connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { lambdaLens: next } });
    },
    async stop() {
      await connection.sendRequest(ShutdownRequest.type);
      await connection.sendNotification(ExitNotification.type);
      connection.dispose();
      await new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', () => resolve())));
    },
  };
}
