/** Measuring functions as a template describes them: zips as is, layers, `sam build` output, unmeasurable code. */
import assert from 'node:assert/strict';
import { mkdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import yazl from 'yazl';
import { createWriteStream } from 'node:fs';
import { PackageSizeService } from '../../../server/src/measure/service';
import type { BuildSpec, FunctionSize } from '../../../server/src/measure/types';
import { emptyFixture, prng, sourceText } from './fixtures';

const AS_IS: BuildSpec = { kind: 'as-is' };

async function writeZip(path: string, entries: Record<string, string>): Promise<void> {
  const zip = new yazl.ZipFile();
  for (const [name, text] of Object.entries(entries)) zip.addBuffer(Buffer.from(text), name);
  zip.addEmptyDirectory('empty/');
  zip.end();
  await new Promise<void>((resolve, reject) => zip.outputStream.pipe(createWriteStream(path)).on('close', resolve).on('error', reject));
}

function measured(r: FunctionSize) {
  assert.equal(r.status, 'measured', r.status !== 'measured' ? r.reason : '');
  return r as Extract<FunctionSize, { status: 'measured' }>;
}

describe('measure/service: functions and their layers', () => {
  let service: PackageSizeService;
  let fx: ReturnType<typeof emptyFixture>;
  beforeEach(() => {
    service = new PackageSizeService();
    fx = emptyFixture('project');
  });
  afterEach(() => {
    service.dispose();
    fx.cleanup();
  });

  it('measures an existing .zip exactly from its central directory', async () => {
    const text = sourceText(prng(2), 30_000);
    const zipPath = join(fx.root, 'dist', 'fn.zip');
    mkdirSync(join(fx.root, 'dist'));
    await writeZip(zipPath, { 'index.js': text, 'lib/util.js': 'exports.x = 1;\n' });
    const r = measured(await service.measureFunction(fx.root, { id: 'Fn', code: { kind: 'path', path: 'dist/fn.zip', build: AS_IS }, layers: [] }));
    assert.equal(r.code.kind, 'zip');
    assert.equal(r.code.files, 2);
    assert.equal(r.code.unzippedBytes, 30_000 + 15);
    assert.equal(r.code.zippedBytes, statSync(zipPath).size);
    assert.deepEqual(r.code.largestFolders, [{ path: 'lib', bytes: 15 }]);
  });

  it('says what is wrong with a file that is not a zip archive', async () => {
    fx.write('code.zip', 'not a zip');
    const r = await service.measureFunction(fx.root, { id: 'Fn', code: { kind: 'path', path: 'code.zip', build: AS_IS }, layers: [] });
    assert.ok(r.status === 'unmeasurable');
    assert.match(r.reason, /not a readable zip archive/);
  });

  it('adds template-defined layers and names external ones without counting them', async () => {
    fx.write('src/app.js', 'x'.repeat(1000));
    fx.write('layers/deps/nodejs/node_modules/lib/index.js', 'y'.repeat(5000));
    const r = measured(await service.measureFunction(fx.root, {
      id: 'Fn',
      code: { kind: 'path', path: 'src', build: AS_IS },
      layers: [
        { kind: 'template', id: 'Deps', code: { kind: 'path', path: 'layers/deps', build: AS_IS } },
        { kind: 'external', name: 'arn:aws:lambda:us-east-1:123456789012:layer:shared:3' },
        { kind: 'template', id: 'Gone', code: { kind: 'path', path: 'layers/gone', build: AS_IS } },
      ],
    }));
    assert.equal(r.code.unzippedBytes, 1000);
    assert.equal(r.layersUnzippedBytes, 5000);
    assert.equal(r.totalUnzippedBytes, 6000);
    assert.deepEqual(r.externalLayers, ['arn:aws:lambda:us-east-1:123456789012:layer:shared:3']);
    assert.deepEqual(r.layers.map((l) => [l.id, 'problem' in l.result ? l.result.problem : l.result.unzippedBytes]), [
      ['Deps', 5000],
      ['Gone', 'layers/gone does not exist (relative to the template\'s folder)'],
    ]);
  });

  it('measures .aws-sam/build/<LogicalId> when it is newer than the source, and the source otherwise', async () => {
    fx.write('src/app.ts', 'export const handler = 1;\n'.repeat(100));
    fx.write('.aws-sam/build/Fn/app.js', 'exports.handler=1;');
    const build = join(fx.root, '.aws-sam/build/Fn');
    const spec = { id: 'Fn', code: { kind: 'path' as const, path: 'src', build: AS_IS }, layers: [] };
    const past = new Date(Date.now() - 60_000);
    utimesSync(join(fx.root, 'src/app.ts'), past, past);
    utimesSync(join(fx.root, 'src'), past, past);
    const built = measured(await service.measureFunction(fx.root, spec));
    assert.deepEqual([built.code.basis, built.code.path, built.code.unzippedBytes], ['sam-build', build, 18]);

    // Editing the source after the build makes the build stale.
    utimesSync(build, past, new Date(Date.now() - 120_000));
    writeFileSync(join(fx.root, 'src/app.ts'), 'export const handler = 2;\n');
    service.invalidate([join(fx.root, 'src/app.ts')]);
    const source = measured(await service.measureFunction(fx.root, spec));
    assert.deepEqual([source.code.basis, source.code.unzippedBytes], ['folder', 26]);
  });

  it('labels images, S3 code, inline code and missing folders instead of measuring them', async () => {
    const reasons = await Promise.all([
      { kind: 'image' as const },
      { kind: 's3' as const, location: 's3://bucket/key.zip' },
      { kind: 'inline' as const },
      { kind: 'path' as const, path: 'nowhere', build: AS_IS },
    ].map(async (code) => {
      const r = await service.measureFunction(fx.root, { id: 'Fn', code, layers: [] });
      return r.status === 'measured' ? 'measured' : `${r.status}: ${r.reason}`;
    }));
    assert.deepEqual(reasons, [
      'unmeasurable: container image (PackageType Image): its size is not measurable locally',
      'unmeasurable: code in S3 (s3://bucket/key.zip): not measurable locally',
      'unmeasurable: inline code: no package to measure',
      'missing: nowhere does not exist (relative to the template\'s folder)',
    ]);
  });
});
