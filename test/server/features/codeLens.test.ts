/** LSP tier: bundle-size code lenses and limits/package-size from the bundled server over JSON-RPC. */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CodeLensRequest, HoverRequest } from 'vscode-languageserver-protocol/node';
import type { CodeLens } from 'vscode-languageserver-protocol/node';
import { BundleSizeBreakdown, WorkspaceTrusted } from '../../../server/src/protocol';
import { UNTRUSTED_ESBUILD } from '../../../server/src/measure/service';
import type { BundleSizeArgs } from '../../../server/src/protocol';
import { emptyFixture } from '../measure/fixtures';
import { esbuildProject } from '../measure/projects';
import { startServer } from '../../support/lspClient';
import type { TestServer } from '../../support/lspClient';
import { yaml } from '../../support/ruleTester';

const MB = 1024 * 1024;

const TEMPLATE = yaml`
  Transform: AWS::Serverless-2016-10-31
  Resources:
    Api:
      Type: AWS::Serverless::Function
      Properties:
        CodeUri: src/api/
        Handler: index.handler
        Runtime: nodejs22.x
    Renderer:
      Type: AWS::Serverless::Function
      Properties:
        PackageType: Image
        ImageUri: 123456789012.dkr.ecr.us-east-1.amazonaws.com/renderer:1
    Model:
      Type: AWS::Serverless::Function
      Properties:
        CodeUri: model/
        Handler: app.handler
        Runtime: python3.13
`;

/** A template with one esbuild function whose code is `codeUri`. */
const esbuildTemplate = (codeUri: string) => yaml`
  Transform: AWS::Serverless-2016-10-31
  Resources:
    Bundled:
      Type: AWS::Serverless::Function
      Properties:
        CodeUri: ${codeUri}
        Handler: app.handler
        Runtime: nodejs22.x
      Metadata:
        BuildMethod: esbuild
        BuildProperties:
          EntryPoints: [src/app.ts]
          External: ['@aws-sdk/*']
`;

describe('bundle-size code lenses over JSON-RPC', function () {
  const fx = emptyFixture('project');
  let server: TestServer;
  let uri: string;

  before(() => {
    // Random bytes do not compress, so the zipped size is known; 8 MB keeps the first measurement busy for a moment.
    fx.write('src/api/vendor.bin', randomBytes(8 * MB));
    fx.write('src/api/index.js', 'exports.handler = async () => ({ statusCode: 200 });\n');
    fx.write('src/api/lib/util.js', 'exports.ok = true;\n');
    fx.write('model/weights.bin', '');
    fx.write('model/requirements.txt', 'numpy==2.1.0\n');
    truncateSync(join(fx.root, 'model/weights.bin'), 251 * MB);
    writeFileSync(join(fx.root, 'template.yaml'), TEMPLATE);
    uri = pathToFileURL(join(fx.root, 'template.yaml')).href;
  });
  after(() => fx.cleanup());
  beforeEach(async () => (server = await startServer()));
  afterEach(async () => server.stop());

  const rawLenses = async () => (await server.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } })) as CodeLens[];
  const lenses = async () => (await rawLenses()).map((l) => ({ line: l.range.start.line, title: l.command!.title, command: l.command!.command }));

  /** Asks for lenses after each refresh the server requests, as an editor does, until `accept` holds. */
  const lensesWhen = async (accept: (titles: string[]) => boolean) => {
    for (;;) {
      const refreshed = server.nextCodeLensRefresh();
      const list = await rawLenses();
      if (accept(list.map((l) => l.command!.title))) return list;
      await refreshed;
    }
  };
  /** The first lens of `doc` once it no longer says "measuring...". */
  const settledLens = async (doc: string): Promise<CodeLens> => {
    for (;;) {
      const refreshed = server.nextCodeLensRefresh();
      const lens = ((await server.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: doc } })) as CodeLens[])[0]!;
      if (lens.command!.title !== 'measuring...') return lens;
      await refreshed;
    }
  };
  const measured = (titles: string[]) => !titles.includes('measuring...');

  it('shows "measuring..." first, then sizes against the limits on each function line after a refresh', async () => {
    server.open(uri, TEMPLATE);
    assert.deepEqual((await lenses()).map((l) => l.title), [
      'measuring...',
      'Package size: container image (PackageType Image): its size is not measurable locally',
      'measuring...',
    ]);
    await lensesWhen(measured);
    const [api, renderer, model] = await lenses();
    const apiBytes = 8 * MB + 52 + 19;
    assert.deepEqual(api, { line: 2, title: `code folder · 8 MB zipped · 8 MB unzipped (${Math.round((apiBytes / 262_144_000) * 100)} % of 250 MB) · 3 files`, command: 'lambdaLens.showBundleSize' });
    assert.equal(renderer!.line, 8);
    assert.match(model!.title, /^⚠ source only, dependencies not counted · \d+ KB zipped · 251 MB unzipped \(100 % of 250 MB\) · 2 files$/);
  });

  it('passes ids only to the client command, which fetches the breakdown with a request', async () => {
    server.open(uri, TEMPLATE);
    const list = await lensesWhen(measured);
    const args = list[0]!.command!.arguments![0] as BundleSizeArgs;
    assert.deepEqual(args, { functionId: 'Api', uri });
    const size = await server.connection.sendRequest(BundleSizeBreakdown.type, args);
    assert.equal(size?.code.basis, 'folder');
    assert.deepEqual(size?.code.largestFiles[0], { path: 'vendor.bin', bytes: 8 * MB });
    assert.equal(await server.connection.sendRequest(BundleSizeBreakdown.type, { functionId: 'Renderer', uri }), null);
    assert.equal(await server.connection.sendRequest(BundleSizeBreakdown.type, { functionId: 'Api', uri: 'file:///closed.yaml' }), null);
  });

  it('publishes limits/package-size once the measurement arrives, and watches the code folders', async () => {
    const diagnostics = server.nextDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'limits/package-size'), 20_000);
    server.open(uri, TEMPLATE);
    const found = (await diagnostics).filter((d) => d.code === 'limits/package-size');
    // Api: 8 MB zipped is too big for the console editor; Model: over 250 MB.
    assert.deepEqual(found.map((d) => [d.severity, d.range.start]), [[3, { line: 5, character: 15 }], [1, { line: 16, character: 15 }]]);
    assert.match(String(found[1]!.message), /^Model is at least 251 MB unzipped \(source only, dependencies not counted: .*model\), above Lambda's 250 MB/);
    const watched = server.custom.filter((n) => n.method === 'lambdaLens/watchCodeFolders').at(-1)?.params as { folders: string[] };
    assert.ok(watched.folders.includes(join(fx.root, 'src/api')), JSON.stringify(watched));
  });

  it('re-measures when the client reports a changed file, and refreshes the lenses', async () => {
    server.open(uri, TEMPLATE);
    assert.match((await lensesWhen(measured))[0]!.command!.title, / · 3 files$/);
    fx.write('src/api/lib/extra.js', 'exports.more = true;\n');
    await server.connection.sendNotification('lambdaLens/codeFilesChanged', { paths: [join(fx.root, 'src/api/lib/extra.js')] });
    const after = await lensesWhen((titles) => titles[0]!.endsWith(' · 4 files'));
    assert.match(after[0]!.command!.title, /^code folder · 8 MB zipped · 8 MB unzipped/);
  });

  it('stops watching (and caching) the code of a template once it is closed', async () => {
    fx.write('other/code/index.js', 'exports.handler = 1;\n');
    const other = pathToFileURL(join(fx.root, 'other/template.yaml')).href;
    const otherText = TEMPLATE.replace('src/api/', 'code/');
    const watched = () => (server.custom.filter((n) => n.method === 'lambdaLens/watchCodeFolders').at(-1)?.params as { folders: string[] } | undefined)?.folders ?? [];
    server.open(uri, TEMPLATE);
    await lensesWhen(measured);
    server.open(other, otherText);
    for (;;) {
      const refreshed = server.nextCodeLensRefresh();
      const titles = ((await server.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: other } })) as CodeLens[]).map((l) => l.command!.title);
      if (!titles.includes('measuring...')) break;
      await refreshed;
    }
    assert.ok(watched().includes(join(fx.root, 'src/api')) && watched().includes(join(fx.root, 'other/code')), JSON.stringify(watched()));
    const released = new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        if (!watched().includes(join(fx.root, 'src/api'))) {
          clearInterval(timer);
          resolve();
        }
      }, 20);
    });
    server.close(uri);
    await released;
    assert.deepEqual(watched().filter((f) => !f.endsWith('build')), [join(fx.root, 'other/code')]);
  });

  it('refuses code outside the workspace folder, naming it', async () => {
    await server.stop();
    const inner = join(fx.root, 'other');
    server = await startServer({ workspaceFolders: [inner] });
    const text = TEMPLATE.replace('src/api/', '../src/api/');
    const nested = pathToFileURL(join(inner, 'template.yaml')).href;
    server.open(nested, text);
    assert.equal((await settledLens(nested)).command!.title, `Package size: ../src/api/ resolves to ${join(fx.root, 'src/api')}, outside the workspace folder ${inner}: Lambda Lens measures only code inside it. Point the path at the function's own code, or open the folder that contains it`);
  });

  it('bundles an esbuild function with the project\'s esbuild: the lens says so and the breakdown names modules', async () => {
    esbuildProject(join(fx.root, 'bundled'));
    const bundledUri = pathToFileURL(join(fx.root, 'bundled.yaml')).href;
    server.open(bundledUri, esbuildTemplate('bundled/'));
    const lens = await settledLens(bundledUri);
    assert.match(lens.command!.title, /^esbuild bundle · [\d.]+ KB zipped · [\d.]+ KB unzipped \(0 % of 250 MB\) · 1 file$/);
    const size = await server.connection.sendRequest(BundleSizeBreakdown.type, lens.command!.arguments![0] as BundleSizeArgs);
    assert.deepEqual([size?.code.basis, size?.code.modules?.[0]?.name, size?.code.modules?.[0]?.importedBy], ['esbuild', 'prod-lib', 'src/app.ts']);
  });

  it('measures no esbuild function in Restricted Mode, and measures it once the workspace is trusted', async () => {
    await server.stop();
    server = await startServer({ initializationOptions: { trusted: false } });
    esbuildProject(join(fx.root, 'restricted'));
    const restrictedUri = pathToFileURL(join(fx.root, 'restricted.yaml')).href;
    const settled = async () => (await settledLens(restrictedUri)).command!.title;
    server.open(restrictedUri, esbuildTemplate('restricted/'));
    assert.equal(await settled(), `Package size: ${UNTRUSTED_ESBUILD}`);
    const refreshed = server.nextCodeLensRefresh();
    void server.connection.sendNotification(WorkspaceTrusted.type);
    await refreshed;
    assert.match(await settled(), /^esbuild bundle · [\d.]+ KB zipped · [\d.]+ KB unzipped \(0 % of 250 MB\) · 1 file$/);
  });

  it('says in the CodeUri hover what the package measured and on which basis', async () => {
    server.open(uri, TEMPLATE);
    await lensesWhen(measured);
    const h = await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 5, character: 10 } });
    const text = (h?.contents as { value: string }).value;
    assert.match(text, /^\*\*CodeUri\*\*/);
    assert.match(text, /\n\nPackage: code folder · 8 MB zipped · 8 MB unzipped \(3 % of 250 MB\) · \d files\n/);
  });

  it('shows no lens when lambdaLens.bundleSize.enabled is false', async () => {
    server.setSettings({ bundleSize: { enabled: false } });
    server.open(uri, TEMPLATE);
    await server.nextDiagnostics(uri);
    assert.deepEqual(await lenses(), []);
  });
});
