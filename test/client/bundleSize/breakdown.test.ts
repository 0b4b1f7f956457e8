/** The breakdown a bundle-size CodeLens opens, from a real measurement of a generated folder. */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { breakdownRows, breakdownTitle } from '../../../client/src/bundleSize/breakdown';
import { PackageSizeService } from '../../../server/src/measure/service';
import { emptyFixture } from '../../server/measure/fixtures';
import { esbuildProject } from '../../server/measure/projects';

describe('bundle-size breakdown', () => {
  it('lists folders and files with sizes and shares, layers, external layers and skipped entries, each revealable', async () => {
    const fx = emptyFixture('project');
    const service = new PackageSizeService();
    try {
      fx.write('src/node_modules/big/index.js', 'a'.repeat(6000));
      fx.write('src/handler.js', 'b'.repeat(2000));
      fx.write('layer/python/lib.py', 'c'.repeat(2000));
      const size = await service.measureFunction(fx.root, {
        id: 'Api',
        code: { kind: 'path', path: 'src', build: { kind: 'as-is' } },
        layers: [{ kind: 'template', id: 'Libs', code: { kind: 'path', path: 'layer', build: { kind: 'as-is' } } }, { kind: 'external', name: 'arn:aws:lambda:us-east-1:123456789012:layer:x:1' }],
      });
      assert.ok(size.status === 'measured');
      assert.match(breakdownTitle(size), /^Api \(code folder\): \d+ B zipped · 10 KB unzipped with layers \(0 % of 250 MB\) · 3 files$/);
      const src = join(fx.root, 'src');
      assert.deepEqual(breakdownRows(size).map((r) => [r.kind, r.label, r.description ?? '', r.reveal ?? '']), [
        ['separator', 'Function code (code folder)', '', ''],
        ['entry', `$(package) ${src}`, `8 KB unzipped · ${formatZipped(size.code.zippedBytes)} zipped · 2 files`, src],
        ['entry', '$(folder) node_modules/', '6 KB · 60 %', join(src, 'node_modules')],
        ['entry', '$(folder) node_modules/big/', '6 KB · 60 %', join(src, 'node_modules/big')],
        ['entry', '$(file) node_modules/big/index.js', '6 KB · 60 %', join(src, 'node_modules/big/index.js')],
        ['entry', '$(file) handler.js', '2 KB · 20 %', join(src, 'handler.js')],
        ['separator', 'Layers', '', ''],
        ['entry', '$(layers) Libs', '2 KB unzipped · 20 %', join(fx.root, 'layer')],
        ['entry', '$(cloud) arn:aws:lambda:us-east-1:123456789012:layer:x:1', 'external layer: not counted', ''],
      ]);
    } finally {
      service.dispose();
      fx.cleanup();
    }
  });
});

describe('bundle-size breakdown of an esbuild function', () => {
  it('names the basis, the output file, and the heaviest modules with where packages are imported', async () => {
    const fx = emptyFixture('project');
    const service = new PackageSizeService();
    try {
      esbuildProject(join(fx.root, 'fn'));
      const size = await service.measureFunction(fx.root, { id: 'Api', code: { kind: 'path', path: 'fn', build: { kind: 'esbuild', properties: { entryPoints: ['src/app.ts'], external: ['@aws-sdk/*'] } } }, layers: [] });
      assert.ok(size.status === 'measured');
      assert.match(breakdownTitle(size), /^Api \(esbuild bundle\): [\d.]+ KB zipped · [\d.]+ KB unzipped \(0 % of 250 MB\) · 1 file$/);
      const rows = breakdownRows(size).map((r) => [r.kind, r.label, r.detail ?? '', r.reveal ?? '']);
      const code = join(fx.root, 'fn');
      assert.deepEqual(rows.slice(0, 6), [
        ['separator', 'Function code (esbuild bundle)', '', ''],
        ['entry', `$(package) ${code}`, size.code.note, code],
        ['entry', '$(file) app.js', '', code],
        ['separator', 'Heaviest modules in the bundle', '', ''],
        ['entry', '$(library) prod-lib', 'imported by src/app.ts', join(code, 'node_modules/prod-lib/index.js')],
        ['entry', '$(file-code) src/app.ts', '', join(code, 'src/app.ts')],
      ]);
      assert.match(breakdownRows(size)[4]!.description!, /^[\d.]+ KB · 9\d % of the bundle$/);
    } finally {
      service.dispose();
      fx.cleanup();
    }
  });
});

function formatZipped(bytes: number): string {
  return bytes >= 1024 ? `${Math.round(bytes / 1024)} KB` : `${bytes} B`;
}
