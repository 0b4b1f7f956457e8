/**
 * Registers invoke: the commands, the payload documents with their CodeLenses and editor-title button,
 * the read-only result documents and the log output channel.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { AwsContext } from '../aws/awsContext';
import { EventContextRequest } from '../../../server/src/protocol';
import { invokeCommands } from './commands';
import { InvokeFlow } from './flow';
import { PayloadDocuments } from './payloadDocuments';
import { RESULT_SCHEME, ResultView } from './resultView';

/** What invoke needs from activate(). */
export interface InvokeDeps {
  aws: AwsContext;
  /** The language client, once started: it answers which template defines a function. */
  server: Promise<LanguageClient>;
}

/** Wires invoke; everything it creates is disposed with the extension. */
export function registerInvoke(context: vscode.ExtensionContext, { aws, server }: InvokeDeps): InvokeFlow {
  const payloads = new PayloadDocuments(vscode.Uri.joinPath(context.globalStorageUri, 'payloads'));
  const results = new ResultView();
  const flow = new InvokeFlow(aws, payloads, results, context.globalState, async (p) => (await server).sendRequest(EventContextRequest.type, p));
  payloads.syncContextKey(vscode.window.activeTextEditor);
  context.subscriptions.push(
    payloads,
    results,
    vscode.languages.registerCodeLensProvider({ language: 'json' }, payloads),
    vscode.workspace.registerTextDocumentContentProvider(RESULT_SCHEME, results),
    vscode.languages.registerCodeLensProvider({ scheme: RESULT_SCHEME }, results),
    vscode.window.onDidChangeActiveTextEditor((e) => payloads.syncContextKey(e)),
    ...Object.entries(invokeCommands(flow)).map(([id, handler]) => vscode.commands.registerCommand(id, handler)),
  );
  return flow;
}
