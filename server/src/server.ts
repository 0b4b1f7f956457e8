/**
 * Language server entry. The client starts it over IPC; other editors and the tests run it with
 * `--stdio`. This file only wires: capabilities in one literal, each request routed to a feature.
 */
import { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver/node';
import type { InitializeResult } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Analyses } from './features/analyses';
import { codeActions } from './features/codeActions';
import { registerDiagnostics } from './features/diagnostics';
import { hover } from './features/hover';
import { DEFAULT_SETTINGS, editorOptions, parseSettings } from './features/settings';
import type { ValidationOptions } from './rules/types';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const analyses = new Analyses((rule, error) => connection.console.error(`rule ${rule} failed: ${error instanceof Error ? error.stack : String(error)}`));

let options: ValidationOptions = editorOptions(DEFAULT_SETTINGS);
let pullConfiguration = false;

connection.onInitialize((params): InitializeResult => {
  pullConfiguration = params.capabilities.workspace?.configuration === true;
  const init = params.initializationOptions as { settings?: unknown } | undefined;
  if (init?.settings) options = editorOptions(parseSettings(init.settings));
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      codeActionProvider: { codeActionKinds: ['quickfix'] },
      hoverProvider: true,
    },
    serverInfo: { name: 'lambda-lens' },
  };
});

const diagnostics = registerDiagnostics(connection, documents, analyses, () => options);

async function refreshSettings(pushed?: unknown): Promise<void> {
  const raw = pullConfiguration ? await connection.workspace.getConfiguration('lambdaLens') : pushed;
  options = editorOptions(parseSettings(raw));
  diagnostics.revalidateAll();
}

connection.onInitialized(() => {
  if (pullConfiguration) void refreshSettings();
});
connection.onDidChangeConfiguration((change) => {
  const pushed = (change.settings as { lambdaLens?: unknown } | undefined)?.lambdaLens;
  void refreshSettings(pushed);
});

connection.onCodeAction((params) => {
  const doc = documents.get(params.textDocument.uri);
  return doc ? codeActions(analyses, doc, options, params) : [];
});
connection.onHover((params) => {
  const doc = documents.get(params.textDocument.uri);
  return doc ? hover(analyses.model(doc), params.position) : null;
});

documents.listen(connection);
connection.listen();
