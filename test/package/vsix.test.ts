import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import yauzl from 'yauzl';

const ROOT = join(__dirname, '..', '..');
const MAX_BYTES = 3 * 1024 * 1024;
const run = promisify(execFile);

interface Manifest {
  name: string;
  version: string;
  main: string;
  icon: string;
  contributes: { grammars: { path: string }[] };
}

/** Names of the entries of a zip archive, read with yauzl. */
async function entriesOf(file: string): Promise<string[]> {
  const zip = await yauzl.openPromise(file, { lazyEntries: true });
  try {
    const names: string[] = [];
    for await (const entry of zip.eachEntry()) names.push(entry.fileName);
    return names;
  } finally {
    zip.close();
  }
}

/** What may ship: the bundles, the grammar, images, the manifest and the documents VS Code shows. */
const SHIPPABLE = [
  /^extension\.vsixmanifest$/,
  /^\[Content_Types\]\.xml$/,
  /^extension\/package\.json$/,
  /^extension\/(readme|changelog)\.md$/,
  /^extension\/LICENSE\.txt$/,
  /^extension\/dist\/(extension|server|measureWorker|schemaDocs|schemaShapes)\.js$/,
  /^extension\/syntaxes\/[\w.-]+\.tmLanguage\.json$/,
  /^extension\/(images|docs\/images)\/[\w.-]+\.(png|jpg)$/,
  /^extension\/docs\/rules\.md$/,
];

describe('npm run package', function () {
  this.timeout(120_000);
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Manifest;
  const dir = mkdtempSync(join(tmpdir(), 'lambda-lens-vsix-'));
  const vsix = join(dir, `${manifest.name}-${manifest.version}.vsix`);
  let entries: string[] = [];

  before(async () => {
    await run('npm', ['run', 'package', '--', '--out', vsix], { cwd: ROOT });
    entries = await entriesOf(vsix);
  });

  // The package script leaves production bundles in dist/; the other tiers expect the development build.
  after(async () => {
    await run('node', ['esbuild.mjs'], { cwd: ROOT });
    rmSync(dir, { recursive: true, force: true });
  });

  it('builds a vsix under 3 MB', () => {
    assert.ok(statSync(vsix).size < MAX_BYTES, `${statSync(vsix).size} bytes`);
  });

  it('ships only what runs: bundles, grammar, images and documents', () => {
    const unexpected = entries.filter((name) => !SHIPPABLE.some((rx) => rx.test(name)));
    assert.deepEqual(unexpected, []);
  });

  it('carries no esbuild: package sizes are bundled with the esbuild of the user\'s project', async () => {
    const zip = await yauzl.openPromise(vsix, { lazyEntries: true });
    try {
      for await (const entry of zip.eachEntry()) {
        if (entry.fileName !== 'extension/dist/server.js') continue;
        const chunks: Buffer[] = [];
        for await (const chunk of await zip.openReadStreamPromise(entry)) chunks.push(chunk as Buffer);
        // esbuild's JS API names this variable when it locates its binary; a bundled copy would contain it.
        assert.ok(!Buffer.concat(chunks).includes('ESBUILD_BINARY_PATH'), 'dist/server.js contains an esbuild API');
      }
    } finally {
      zip.close();
    }
  });

  it('ships every file the manifest points at', () => {
    const wanted = [manifest.main, manifest.icon, ...manifest.contributes.grammars.map((g) => g.path), 'dist/server.js', 'dist/measureWorker.js', 'dist/schemaDocs.js', 'dist/schemaShapes.js'];
    for (const file of wanted) {
      const name = `extension/${file.replace(/^\.\//, '')}`;
      assert.ok(entries.includes(name), `${name} missing from ${entries.join(', ')}`);
    }
    assert.ok(entries.includes('extension/readme.md') && entries.includes('extension/changelog.md') && entries.includes('extension/LICENSE.txt'));
    // Diagnostic and hover links open the rule documentation beside dist/.
    assert.ok(entries.includes('extension/docs/rules.md'), 'docs/rules.md ships for rule links');
  });
});
