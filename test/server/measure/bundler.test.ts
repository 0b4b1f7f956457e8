/**
 * esbuild functions measured by bundling in memory with the project's esbuild, checked against the
 * esbuild command line run as aws-lambda-builders runs it and against real zips of its output.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { existsSync, writeFileSync } from 'node:fs';
import { PackageSizeService, UNTRUSTED_ESBUILD } from '../../../server/src/measure/service';
import type { EsbuildProperties, FunctionSize, MeasuredSize } from '../../../server/src/measure/types';
import { emptyFixture } from './fixtures';
import { esbuildProject, infoZip, samEsbuildCli, within } from './projects';

function measured(r: FunctionSize): MeasuredSize {
  assert.equal(r.status, 'measured', r.status !== 'measured' ? r.reason : '');
  return r as MeasuredSize;
}

describe('measure/bundler: esbuild functions', function () {
  this.timeout(60_000);
  let service: PackageSizeService;
  let fx: ReturnType<typeof emptyFixture>;
  let code: string;
  const spec = (properties: EsbuildProperties) => ({ id: 'Fn', code: { kind: 'path' as const, path: 'fn', build: { kind: 'esbuild' as const, properties } }, layers: [] });
  const measure = async (properties: EsbuildProperties, rescan = false) => measured(await service.measureFunction(fx.root, spec(properties), { rescan }));

  beforeEach(() => {
    service = new PackageSizeService();
    fx = emptyFixture('project');
    code = join(fx.root, 'fn');
    esbuildProject(code);
  });
  afterEach(() => {
    service.dispose();
    fx.cleanup();
  });

  it("matches sam build's esbuild output for a TypeScript entry with SAM's defaults, and its zip", async () => {
    const r = await measure({ entryPoints: ['src/app.ts'], external: ['@aws-sdk/*'] });
    const out = join(fx.base, 'cli-out');
    const cli = samEsbuildCli(code, ['src/app.ts', '--target=es2020', '--format=cjs', '--minify', '--external:@aws-sdk/*'], out);
    assert.deepEqual([...cli.keys()], ['app.js']);
    assert.equal(r.code.basis, 'esbuild');
    assert.equal(r.code.kind, 'bundle');
    within(r.code.unzippedBytes, cli.get('app.js')!, 0.1);
    within(r.code.zippedBytes, infoZip(out, cli.keys(), join(fx.base, 'cli.zip')), 0.01);
    // The unused 2 MB devDependency and the external SDK are not in it.
    assert.ok(r.code.unzippedBytes < 100_000, String(r.code.unzippedBytes));
    assert.match(r.code.note!, /^bundled in memory with the project's esbuild 0\.\d+\.\d+, as sam build would$/);
  });

  it("runs nothing of the project in an untrusted workspace: the project's esbuild is not even loaded", async () => {
    const own = emptyFixture('untrusted');
    try {
      const marker = join(own.root, 'loaded');
      own.write('fn/src/app.js', 'exports.handler = async () => 1;\n');
      own.write('fn/node_modules/esbuild/package.json', JSON.stringify({ name: 'esbuild', version: '0.0.0-evil', main: 'index.js' }));
      own.write('fn/node_modules/esbuild/index.js', `require('node:fs').writeFileSync(${JSON.stringify(marker)}, 'ran');\n`);
      const props: EsbuildProperties = { entryPoints: ['src/app.js'] };
      const untrusted = await service.measureFunction(own.root, spec(props), { trusted: false });
      assert.deepEqual([untrusted.status, untrusted.status === 'measured' ? '' : untrusted.reason, existsSync(marker)], ['unmeasurable', UNTRUSTED_ESBUILD, false]);
      // Trusted, the same project's esbuild is loaded (and refused, having no build function).
      const trusted = await service.measureFunction(own.root, spec(props));
      assert.deepEqual([trusted.status, existsSync(marker)], ['unmeasurable', true]);
    } finally {
      own.cleanup();
    }
  });

  it('names the heaviest modules, with where a package is imported', async () => {
    const r = await measure({ entryPoints: ['src/app'], external: ['@aws-sdk/*'] });
    const [first, ...rest] = r.code.modules!;
    assert.deepEqual([first!.name, first!.importedBy, first!.file], ['prod-lib', 'src/app.ts', join(code, 'node_modules/prod-lib/index.js')]);
    assert.ok(rest.some((m) => m.name === 'src/lib/greet.ts' && m.importedBy === undefined));
    assert.ok(!r.code.modules!.some((m) => m.name === 'heavy-dev'));
  });

  it('honours Minify, Sourcemap, Format, OutExtension and a JavaScript entry, as the command line does', async () => {
    const props: EsbuildProperties = { entryPoints: ['src/other.js'], minify: false, sourcemap: true, format: 'esm', target: 'node20', outExtension: ['.js=.mjs'] };
    const r = await measure(props);
    const out = join(fx.base, 'cli-map');
    const cli = samEsbuildCli(code, ['src/other.js', '--sourcemap', '--format=esm', '--target=node20', '--out-extension:.js=.mjs'], out);
    assert.deepEqual(r.code.largestFiles.map((f) => f.path).sort(), [...cli.keys()].sort());
    assert.deepEqual([...cli.keys()].sort(), ['other.mjs', 'other.mjs.map']);
    let total = 0;
    for (const v of cli.values()) total += v;
    within(r.code.unzippedBytes, total, 0.1);
    within(r.code.zippedBytes, infoZip(out, cli.keys(), join(fx.base, 'map.zip')), 0.01);
  });

  it("leaves every package.json dependency out for External: ['./node_modules/*'], as sam build does", async () => {
    const all = await measure({ entryPoints: ['src/other.js'] });
    const none = await measure({ entryPoints: ['src/other.js'], external: ['./node_modules/*'] });
    assert.ok(none.code.unzippedBytes < 1000 && all.code.unzippedBytes > 20_000, `${none.code.unzippedBytes} / ${all.code.unzippedBytes}`);
  });

  it('rebundles only when a file of the input graph or the build properties change', async () => {
    const props: EsbuildProperties = { entryPoints: ['src/app.ts'], external: ['@aws-sdk/*'] };
    const first = await measure(props);
    assert.equal(service.stats.bundles, 1);
    // A file outside the graph changes: nothing to do.
    writeFileSync(join(code, 'README.md'), 'notes\n');
    service.invalidate([join(code, 'README.md')]);
    assert.equal((await measure(props)).code.unzippedBytes, first.code.unzippedBytes);
    assert.equal(service.stats.bundles, 1);
    // An input changes: one rebuild, and the size follows.
    writeFileSync(join(code, 'src/lib/greet.ts'), `export function greet(name: string): string {\n  return ${JSON.stringify('x'.repeat(5000))} + name;\n}\n`);
    service.invalidate([join(code, 'src/lib/greet.ts')]);
    const edited = await measure(props);
    assert.equal(service.stats.bundles, 2);
    assert.ok(edited.code.unzippedBytes > first.code.unzippedBytes + 4000);
    // Without a watcher (rescan), unchanged inputs are still not rebundled.
    await measure(props, true);
    assert.equal(service.stats.bundles, 2);
    // New build properties: a new bundle.
    const unminified = await measure({ ...props, minify: false });
    assert.equal(service.stats.bundles, 3);
    assert.ok(unminified.code.unzippedBytes > edited.code.unzippedBytes);
  });

  it('says to install esbuild when the project has none, and measures nothing', async () => {
    const bare = join(fx.root, 'bare');
    esbuildProject(bare, { esbuild: false });
    const r = await service.measureFunction(fx.root, { ...spec({ entryPoints: ['src/app.ts'] }), code: { kind: 'path', path: 'bare', build: { kind: 'esbuild', properties: { entryPoints: ['src/app.ts'] } } } });
    assert.ok(r.status === 'unmeasurable');
    assert.match(r.reason, /^no esbuild installed for .*bare: install esbuild in the project \(npm install --save-dev esbuild\), as sam build needs it for BuildMethod esbuild; nothing was measured$/);
  });

  it('reports build errors, a missing entry point and missing EntryPoints as sam build would refuse them', async () => {
    const unresolved = await service.measureFunction(fx.root, spec({ entryPoints: ['src/app.ts'] }));
    assert.ok(unresolved.status === 'unmeasurable');
    assert.match(unresolved.reason, /^esbuild could not bundle .*fn: Could not resolve "@aws-sdk\/client-s3" \(src\/app\.ts:1:26\)/);
    const missing = await service.measureFunction(fx.root, spec({ entryPoints: ['src/nope'] }));
    assert.ok(missing.status === 'unmeasurable');
    assert.match(missing.reason, /^entry point src\/nope does not exist in .*fn \(tried \.ts and \.js\)$/);
    const none = await service.measureFunction(fx.root, spec({ entryPoints: [] }));
    assert.ok(none.status === 'unmeasurable');
    assert.match(none.reason, /EntryPoints is missing or empty/);
  });

  it('recovers once a build error is fixed', async () => {
    const props: EsbuildProperties = { entryPoints: ['src/other.js'] };
    writeFileSync(join(code, 'src/other.js'), 'exports.handler = (;\n');
    const broken = await service.measureFunction(fx.root, spec(props));
    assert.equal(broken.status, 'unmeasurable');
    writeFileSync(join(code, 'src/other.js'), 'exports.handler = async () => 1;\n');
    service.invalidate([join(code, 'src/other.js')]);
    assert.equal((await service.measureFunction(fx.root, spec(props))).status, 'measured');
  });
});
