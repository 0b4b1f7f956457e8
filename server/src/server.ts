/**
 * Language server entry. The client starts it over IPC; other editors and the tests run it with
 * `--stdio`. This file only wires: capabilities in one literal, each request routed to a feature.
 */
import { CodeLensRefreshRequest, createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver/node';
import type { InitializeResult } from 'vscode-languageserver/node';
import { fileURLToPath } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Analyses } from './features/analyses';
import { codeActions } from './features/codeActions';
import { codeLenses } from './features/codeLens';
import { completion } from './features/completion';
import { registerDiagnostics } from './features/diagnostics';
import { hover } from './features/hover';
import { definition, documentSymbols, findReferences, prepareRename, rename } from './features/navigation';
import { PackageSizes } from './features/packageSizes';
import { DocumentOptions } from './features/documentOptions';
import { DEFAULT_SETTINGS, parseSettings } from './features/settings';
import { PackageSizeService } from './measure/service';
import { answerEventContext } from './features/eventContext';
import { DeployedView } from './features/deployedView';
import { warmUp } from './features/warmUp';
import { BundleSizeBreakdown, CodeFilesChanged, DeployedRefresh, DeployedStacks, DeployedTargets, EventContextRequest, WatchCodeFolders, WorkspaceTrusted } from './protocol';
import type { InitializationOptions } from './protocol';
import type { ValidationOptions } from './rules/types';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const ruleFailed = (rule: string, error: unknown) => connection.console.error(`rule ${rule} failed: ${error instanceof Error ? error.stack : String(error)}`);
const analyses = new Analyses(ruleFailed, (options, resources) => warmUp(options, resources, ruleFailed));

let pullConfiguration = false;
let workspaceFolders: string[] = [];
let codeLensRefresh = false;
let workspaceFolderEvents = false;

connection.onInitialize((params): InitializeResult => {
  pullConfiguration = params.capabilities.workspace?.configuration === true;
  setWorkspaceFolders(params.workspaceFolders);
  codeLensRefresh = params.capabilities.workspace?.codeLens?.refreshSupport === true;
  workspaceFolderEvents = params.capabilities.workspace?.workspaceFolders === true;
  const init = params.initializationOptions as InitializationOptions | undefined;
  if (init?.settings) applySettings(init.settings);
  sizes.setTrusted(init?.trusted !== false);
  return {
    capabilities: {
      // Saves refresh the deployed view: a saved template may name another stack or function.
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      codeActionProvider: { codeActionKinds: ['quickfix'] },
      hoverProvider: true,
      definitionProvider: true,
      referencesProvider: true,
      renameProvider: { prepareProvider: true },
      documentSymbolProvider: true,
      completionProvider: { triggerCharacters: [' ', '.', '{'] },
      codeLensProvider: { resolveProvider: false },
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'lambda-lens' },
  };
});

/** The workspace folders on disk: where event contexts are looked up and package code may lie. */
function setWorkspaceFolders(folders: readonly { uri: string }[] | null | undefined): void {
  workspaceFolders = (folders ?? []).filter((f) => f.uri.startsWith('file:')).map((f) => fileURLToPath(f.uri));
  sizes.setWorkspaceFolders(workspaceFolders);
}

const measurements = new PackageSizeService();
const sizes = new PackageSizes(
  measurements,
  (uri) => {
    diagnostics.validateNow(uri);
    if (codeLensRefresh) void connection.sendRequest(CodeLensRefreshRequest.type);
  },
  (folders) => void connection.sendNotification(WatchCodeFolders.type, { folders }),
);

const docOptions = new DocumentOptions(sizes, DEFAULT_SETTINGS);
const optionsFor = (uri: string): ValidationOptions => {
  const doc = documents.get(uri);
  return docOptions.for(uri, doc && analyses.model(doc));
};

const diagnostics = registerDiagnostics(connection, documents, analyses, optionsFor);

const refreshLenses = (): void => {
  if (codeLensRefresh) void connection.sendRequest(CodeLensRefreshRequest.type);
};
const deployed = new DeployedView(
  DEFAULT_SETTINGS.deployed,
  () => workspaceFolders,
  (p) => void connection.sendNotification(DeployedTargets.type, p),
  (uris) => {
    for (const uri of uris) diagnostics.validateNow(uri);
    refreshLenses();
  },
);
docOptions.setDeployedSource((uri) => deployed.stackFor(uri));
const trackDeployed = (): void => {
  for (const d of documents.all()) void deployed.track(d.uri, analyses.model(d));
};

/** Applies settings; false when they equal the ones in force (nothing to redo). */
function applySettings(raw: unknown): boolean {
  const settings = parseSettings(raw);
  deployed.applySettings(settings.deployed);
  return docOptions.applySettings(settings);
}

async function refreshSettings(pushed?: unknown): Promise<void> {
  // The first pull after initialize usually answers what is already in force: no second validation.
  if (!applySettings(pullConfiguration ? await connection.workspace.getConfiguration('lambdaLens') : pushed)) return;
  diagnostics.revalidateAll();
  trackDeployed();
  refreshLenses();
}

connection.onInitialized(() => {
  if (pullConfiguration) void refreshSettings();
  if (workspaceFolderEvents) {
    connection.workspace.onDidChangeWorkspaceFolders(() => void connection.workspace.getWorkspaceFolders().then(setWorkspaceFolders));
  }
});
connection.onDidChangeConfiguration((change) => {
  const pushed = (change.settings as { lambdaLens?: unknown } | undefined)?.lambdaLens;
  void refreshSettings(pushed);
});

connection.onCodeAction((params) => {
  const doc = documents.get(params.textDocument.uri);
  return doc ? codeActions(analyses, doc, optionsFor(doc.uri), params) : [];
});
connection.onCompletion((params) => {
  const doc = documents.get(params.textDocument.uri);
  return doc ? completion(analyses.model(doc), params.position) : [];
});
connection.onDefinition((params) => {
  const doc = documents.get(params.textDocument.uri);
  return doc ? definition(analyses.model(doc), doc.uri, params.position) : null;
});
connection.onReferences((params) => {
  const doc = documents.get(params.textDocument.uri);
  return doc ? findReferences(analyses.model(doc), doc.uri, params.position, params.context.includeDeclaration) : [];
});
connection.onPrepareRename((params) => {
  const doc = documents.get(params.textDocument.uri);
  return doc ? prepareRename(analyses.model(doc), params.position) : null;
});
connection.onRenameRequest((params) => {
  const doc = documents.get(params.textDocument.uri);
  return doc ? rename(analyses.model(doc), doc.uri, params.position, params.newName) : null;
});
connection.onDocumentSymbol((params) => {
  const doc = documents.get(params.textDocument.uri);
  return doc ? documentSymbols(analyses.model(doc)) : [];
});
connection.onHover((params) => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc) return null;
  const model = analyses.model(doc);
  return deployed.hover(doc.uri, model, params.position, hover(model, params.position, docOptions.bundleSizeEnabled ? (id) => sizes.get(doc.uri, id) : undefined));
});

connection.onCodeLens((params) => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc) return [];
  const model = analyses.model(doc);
  return [...(docOptions.bundleSizeEnabled ? codeLenses(sizes, doc.uri, model) : []), ...deployed.lenses(doc.uri, model)];
});
documents.onDidOpen((e) => void deployed.track(e.document.uri, analyses.model(e.document)));
documents.onDidSave((e) => void deployed.track(e.document.uri, analyses.model(e.document)));
connection.onNotification(DeployedStacks.type, (p) => deployed.applyStacks(p));
connection.onNotification(DeployedRefresh.type, trackDeployed);
connection.onNotification(WorkspaceTrusted.type, () => sizes.setTrusted(true));
connection.onRequest(BundleSizeBreakdown.type, (params) => sizes.measured(params.uri, params.functionId));
connection.onNotification(CodeFilesChanged.type, (params) => {
  if (docOptions.bundleSizeEnabled && Array.isArray(params?.paths)) sizes.filesChanged(params.paths.filter((p) => typeof p === 'string'));
});
connection.onRequest(EventContextRequest.type, (p) =>
  answerEventContext(p, documents.all().map((d) => ({ uri: d.uri, model: async () => analyses.model(d) })), workspaceFolders),
);
documents.onDidClose((e) => {
  sizes.close(e.document.uri);
  deployed.forget(e.document.uri);
  docOptions.forget(e.document.uri);
});
connection.onShutdown(() => measurements.dispose());

documents.listen(connection);
connection.listen();
