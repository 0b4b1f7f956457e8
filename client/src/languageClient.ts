/**
 * Starts the Lambda Lens language server (dist/server.js) over IPC for YAML and JSON documents and
 * `*.template` files; the server itself decides by content whether a document is a template.
 */
import * as path from 'node:path';
import type * as vscode from 'vscode';
import { LanguageClient, TransportKind } from 'vscode-languageclient/node';
import type { LanguageClientOptions, Middleware, ServerOptions } from 'vscode-languageclient/node';
import type { InitializationOptions } from '../../server/src/protocol';

export const CLIENT_ID = 'lambdaLens';

/** Documents the server is given; it ignores the ones that are not templates. */
export const DOCUMENT_SELECTOR = [
  { scheme: 'file', language: 'yaml' },
  { scheme: 'file', language: 'json' },
  { scheme: 'untitled', language: 'yaml' },
  { scheme: 'untitled', language: 'json' },
  { scheme: 'file', pattern: '**/*.template' },
];

/**
 * The client for dist/server.js, not started yet: handlers registered before `start()` see the
 * server's first messages (a notification sent while starting would otherwise be dropped). Its
 * messages go to `log`, the extension's one "Lambda Lens" channel. `trusted` is the workspace's trust
 * when the server starts (the server runs no project code in Restricted Mode).
 */
export function createLanguageClient(context: vscode.ExtensionContext, log: vscode.LogOutputChannel, middleware: Middleware, trusted: boolean): LanguageClient {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    synchronize: { configurationSection: 'lambdaLens' },
    diagnosticCollectionName: 'lambda-lens',
    initializationOptions: { trusted } satisfies InitializationOptions,
    outputChannel: log,
    middleware,
  };
  return new LanguageClient(CLIENT_ID, 'Lambda Lens', serverOptions, clientOptions);
}
