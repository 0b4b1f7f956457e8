/**
 * Hostile and oversized code folders: measurement stays inside its bounds and answers quickly with a
 * clear result. Each case once hung or walked far too much: `CodeUri: /`, a link to `/` in the code
 * folder, a FIFO named code.zip, a FIFO appearing where a file was, huge trees, slow file systems.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compressedSize, UNREADABLE } from '../../../server/src/measure/scan';
import { PackageSizeService } from '../../../server/src/measure/service';
import type { BuildSpec, FunctionSize } from '../../../server/src/measure/types';
import { MEASURE_LIMITS } from '../../../server/src/config';
import { runCli } from '../../support/cli';
import { emptyFixture } from './fixtures';

const AS_IS: BuildSpec = { kind: 'as-is' };
const spec = (path: string) => ({ id: 'Fn', code: { kind: 'path' as const, path, build: AS_IS }, layers: [] });

function notMeasured(r: FunctionSize): Exclude<FunctionSize, { status: 'measured' }> {
  assert.notEqual(r.status, 'measured');
  return r as Exclude<FunctionSize, { status: 'measured' }>;
}

describe('measure: bounds against hostile code folders', function () {
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

  it('refuses CodeUri: / (outside the boundary) without walking anything', async () => {
    const r = notMeasured(await service.measureFunction(fx.root, spec('/'), { boundary: { path: fx.root, name: 'the workspace folder' } }));
    assert.equal(r.status, 'unmeasurable');
    assert.match(r.reason, /^\/ resolves to \/, outside the workspace folder .*: Lambda Lens measures only code inside it/);
    assert.equal(service.stats.walks, 0);
  });

  it('refuses a code folder that is a link leading out of the boundary', async () => {
    symlinkSync('/usr', join(fx.root, 'code'));
    const r = notMeasured(await service.measureFunction(fx.root, spec('code'), { boundary: { path: fx.root, name: 'the workspace folder' } }));
    assert.match(r.reason, /^code resolves to \/usr, outside the workspace folder/);
  });

  it('never follows a link to / inside the code folder, and says so', async () => {
    fx.write('src/index.js', 'exports.handler = 1;\n');
    symlinkSync('/', join(fx.root, 'src', 'root'));
    const started = Date.now();
    const r = await service.measureFunction(fx.root, spec('src'));
    assert.ok(Date.now() - started < 5_000);
    assert.ok(r.status === 'measured');
    assert.deepEqual([r.code.files, r.code.unzippedBytes], [1, 21]);
    assert.deepEqual(r.code.skipped, [{ path: 'root', reason: 'a link to a place outside the code folder; not followed' }]);
  });

  it('follows links that stay inside the code folder', async () => {
    fx.write('src/lib/a.js', 'a'.repeat(100));
    symlinkSync(join(fx.root, 'src', 'lib'), join(fx.root, 'src', 'alias'));
    const r = await service.measureFunction(fx.root, spec('src'));
    assert.ok(r.status === 'measured');
    // The second path to the same folder is reported once, not counted twice.
    assert.deepEqual([r.code.files, r.code.skippedCount], [1, 1]);
  });

  it('does not open a FIFO named code.zip (it would block forever)', async () => {
    execFileSync('mkfifo', [join(fx.root, 'code.zip')]);
    const r = notMeasured(await service.measureFunction(fx.root, spec('code.zip')));
    assert.match(r.reason, /^code\.zip is not a folder or a regular file \(a pipe, socket or device\)/);
  });

  it('`lambda-lens size` answers at once for a FIFO code.zip and CodeUri: /', () => {
    execFileSync('mkfifo', [join(fx.root, 'code.zip')]);
    writeFileSync(join(fx.root, 'template.yaml'), [
      'Transform: AWS::Serverless-2016-10-31',
      'Resources:',
      '  Fifo:',
      '    Type: AWS::Serverless::Function',
      '    Properties: { CodeUri: code.zip, Handler: a.b, Runtime: python3.13 }',
      '  Disk:',
      '    Type: AWS::Serverless::Function',
      '    Properties: { CodeUri: /, Handler: a.b, Runtime: python3.13 }',
      '',
    ].join('\n'));
    const started = Date.now();
    const r = runCli(['size', '--format', 'json'], fx.root);
    assert.ok(Date.now() - started < 10_000);
    assert.equal(r.code, 0, r.stderr);
    const notes = (JSON.parse(r.stdout) as Array<{ resource: string; note: string }>).map((s) => [s.resource, s.note.split(':')[0]]);
    assert.deepEqual(notes, [['Fifo', 'code.zip is not a folder or a regular file (a pipe, socket or device); a package cannot be made of it'], ['Disk', '/ resolves to /, outside the current folder ' + fx.root]]);
  });

  it('reads a FIFO that replaced a measured file as unreadable, without blocking', () => {
    execFileSync('mkfifo', [join(fx.root, 'late.js')]);
    assert.equal(compressedSize(join(fx.root, 'late.js'), 100, 1), UNREADABLE);
  });

  it('lists the first skipped entries by name and counts the rest', async () => {
    fx.write('src/index.js', 'x');
    for (let i = 0; i < 30; i++) execFileSync('mkfifo', [join(fx.root, 'src', `pipe-${String(i).padStart(2, '0')}`)]);
    const r = await service.measureFunction(fx.root, spec('src'));
    assert.ok(r.status === 'measured');
    assert.equal(r.code.skipped.length, MEASURE_LIMITS.maxListedSkipped);
    assert.equal(r.code.skippedCount, 30);
  });

  it('calls a package with too many files "too large to measure", with what it saw', async () => {
    for (let i = 0; i < 12; i++) fx.write(`src/f${i}.js`, 'x'.repeat(10));
    const r = notMeasured(await service.measureFunction(fx.root, spec('src'), { limits: { maxFiles: 10, maxBytes: 1e9, timeBudgetMs: 60_000 } }));
    assert.equal(r.status, 'too-large');
    assert.match(r.reason, /^too large to measure: more than 10 files\. Lambda Lens stopped there; check that CodeUri points at the function's own code/);
    assert.equal(r.atLeastBytes, 120);
  });

  it('stops at the byte cap, counting layers too', async () => {
    fx.write('src/a.bin', Buffer.alloc(600));
    fx.write('layer/b.bin', Buffer.alloc(600));
    const r = notMeasured(await service.measureFunction(fx.root, {
      id: 'Fn',
      code: { kind: 'path', path: 'src', build: AS_IS },
      layers: [{ kind: 'template', id: 'Deps', code: { kind: 'path', path: 'layer', build: AS_IS } }],
    }, { limits: { maxFiles: 100, maxBytes: 1000, timeBudgetMs: 60_000 } }));
    assert.equal(r.status, 'too-large');
    assert.match(r.reason, /^layer Deps: too large to measure: more than 1000 B unzipped/);
    assert.equal(r.atLeastBytes, 1200);
  });

  it('gives up with a clear message when the time budget is spent', async () => {
    for (let i = 0; i < 300; i++) fx.write(`src/d${i % 10}/f${i}.js`, 'y'.repeat(50));
    const r = notMeasured(await service.measureFunction(fx.root, spec('src'), { limits: { maxFiles: 1e6, maxBytes: 1e12, timeBudgetMs: -1 } }));
    assert.equal(r.status, 'too-large');
    assert.match(r.reason, /^too large to measure: measuring took longer than 0 s/);
  });

  it('measures again after a deleted tree (a later measure is not stuck on old bounds)', async () => {
    mkdirSync(join(fx.root, 'src'));
    for (let i = 0; i < 12; i++) fx.write(`src/f${i}.js`, 'x');
    const limits = { maxFiles: 10, maxBytes: 1e9, timeBudgetMs: 60_000 };
    assert.equal((await service.measureFunction(fx.root, spec('src'), { limits })).status, 'too-large');
    for (let i = 0; i < 6; i++) rmSync(join(fx.root, `src/f${i}.js`));
    const r = await service.measureFunction(fx.root, spec('src'), { limits, rescan: true });
    assert.ok(r.status === 'measured');
    assert.equal(r.code.files, 6);
  });
});
