/**
 * npm functions: the source without node_modules plus the production dependency closure, from the
 * lockfile or the installed tree, checked against the files a test lists independently and a real zip.
 */
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { productionClosure } from '../../../server/src/measure/npm';
import { PackageSizeService } from '../../../server/src/measure/service';
import type { FunctionSize, MeasuredSize } from '../../../server/src/measure/types';
import { emptyFixture } from './fixtures';
import { filesUnder, infoZip, installPackage, within, write } from './projects';

/**
 * prod: a -> c@2 (nested under a), b -> c@1 (hoisted), optional o; dev: d -> e (dev only) and d -> c.
 * `p` is installed but needed by nobody (an extraneous leftover): it does not ship either.
 */
function npmTree(root: string): void {
  write(root, 'package.json', JSON.stringify({ name: 'fn', dependencies: { a: '1', b: '1' }, optionalDependencies: { o: '1', missing: '1' }, devDependencies: { d: '1' } }));
  write(root, 'index.js', "exports.handler = async () => require('a');\n");
  write(root, 'lib/util.js', 'module.exports = 42;\n'.repeat(50));
  installPackage(root, 'node_modules/a', 'a', 30_000, 1, { c: '2' });
  installPackage(root, 'node_modules/a/node_modules/c', 'c', 8_000, 2);
  installPackage(root, 'node_modules/b', 'b', 12_000, 3, { c: '1' });
  installPackage(root, 'node_modules/c', 'c', 5_000, 4);
  installPackage(root, 'node_modules/o', 'o', 3_000, 5);
  installPackage(root, 'node_modules/d', 'd', 900_000, 6, { e: '1', c: '1' });
  installPackage(root, 'node_modules/e', 'e', 400_000, 7);
  installPackage(root, 'node_modules/p', 'p', 100_000, 8);
  write(root, 'node_modules/a/README.md', '# a\n'.repeat(100));
}

const PROD = ['node_modules/a', 'node_modules/a/node_modules/c', 'node_modules/b', 'node_modules/c', 'node_modules/o'];

/** What npm's lock says for the tree above (lockfileVersion 3). */
function lockfile(root: string): void {
  write(root, 'package-lock.json', JSON.stringify({
    name: 'fn',
    lockfileVersion: 3,
    packages: {
      '': { name: 'fn' },
      'node_modules/a': { version: '1.0.0' },
      'node_modules/a/node_modules/c': { version: '2.0.0' },
      'node_modules/b': { version: '1.0.0' },
      'node_modules/c': { version: '1.0.0' },
      'node_modules/o': { version: '1.0.0', optional: true },
      'node_modules/missing': { version: '1.0.0', optional: true },
      'node_modules/d': { version: '1.0.0', dev: true },
      'node_modules/e': { version: '1.0.0', dev: true },
      'node_modules/p': { version: '1.0.0', extraneous: true, dev: true },
    },
  }));
}

/** The files `sam build` ships, listed independently: the source without node_modules, plus each prod package minus its own node_modules. */
function shipped(root: string): Map<string, number> {
  const files = filesUnder(root, (rel) => rel === 'node_modules');
  for (const pkg of PROD) for (const [rel, size] of filesUnder(join(root, pkg), (r) => r === 'node_modules')) files.set(`${pkg}/${rel}`, size);
  return files;
}

function measured(r: FunctionSize): MeasuredSize {
  assert.equal(r.status, 'measured', r.status !== 'measured' ? r.reason : '');
  return r as MeasuredSize;
}

describe('measure/npm: source plus production dependencies', function () {
  let service: PackageSizeService;
  let fx: ReturnType<typeof emptyFixture>;
  let code: string;
  const spec = { id: 'Fn', code: { kind: 'path' as const, path: 'fn', build: { kind: 'npm' as const } }, layers: [] };

  beforeEach(() => {
    service = new PackageSizeService();
    fx = emptyFixture('project');
    code = join(fx.root, 'fn');
    npmTree(code);
  });
  afterEach(() => {
    service.dispose();
    fx.cleanup();
  });

  it('resolves the closure from the installed tree: nested and hoisted, optional, never dev', async () => {
    assert.deepEqual(await productionClosure(code), { kind: 'packages', packages: PROD, from: 'installed tree' });
  });

  it('reads the closure from package-lock.json when there is one', async () => {
    lockfile(code);
    assert.deepEqual(await productionClosure(code), { kind: 'packages', packages: PROD, from: 'lockfile' });
  });

  for (const withLock of [false, true]) {
    it(`matches the shipped files within 2 % unzipped and 1 % zipped (${withLock ? 'lockfile' : 'installed tree'})`, async () => {
      if (withLock) lockfile(code);
      const r = measured(await service.measureFunction(fx.root, spec));
      const files = shipped(code);
      let bytes = 0;
      for (const v of files.values()) bytes += v;
      assert.equal(r.code.basis, 'npm-production');
      assert.equal(r.code.files, files.size);
      within(r.code.unzippedBytes, bytes, 0.02);
      within(r.code.zippedBytes, infoZip(code, files.keys(), join(fx.base, 'fn.zip')), 0.01);
      // 1.3 MB of devDependencies are left out; the largest folder is a production package.
      assert.ok(r.code.unzippedBytes < 200_000, String(r.code.unzippedBytes));
      assert.equal(r.code.largestFolders[0]!.path, 'node_modules');
      assert.match(r.code.note!, new RegExp(`^source without node_modules, plus 5 production dependencies \\(from the ${withLock ? 'lockfile' : 'installed tree'}\\), as sam build installs them; devDependencies are not counted$`));
    });
  }

  it('says to run npm install when node_modules is missing or a dependency is not installed', async () => {
    rmSync(join(code, 'node_modules/b'), { recursive: true });
    const one = await service.measureFunction(fx.root, spec);
    assert.ok(one.status === 'unmeasurable');
    assert.match(one.reason, /^b \(needed by package\.json\) is not installed in .*fn: run npm install$/);
    rmSync(join(code, 'node_modules'), { recursive: true });
    service.invalidate([join(code, 'package.json')]);
    const none = await service.measureFunction(fx.root, spec);
    assert.ok(none.status === 'unmeasurable');
    assert.match(none.reason, /has dependencies in package\.json but no node_modules folder: run npm install/);
  });

  it('measures a function without package.json as its folder', async () => {
    rmSync(join(code, 'package.json'));
    rmSync(join(code, 'node_modules'), { recursive: true });
    const r = measured(await service.measureFunction(fx.root, spec));
    assert.deepEqual([r.code.basis, r.code.files], ['folder', 2]);
  });

  it('recomputes the closure when package.json changes', async () => {
    const before = measured(await service.measureFunction(fx.root, spec));
    write(code, 'package.json', JSON.stringify({ name: 'fn', dependencies: { b: '1' } }));
    service.invalidate([join(code, 'package.json')]);
    const after = measured(await service.measureFunction(fx.root, spec));
    assert.ok(after.code.unzippedBytes < before.code.unzippedBytes - 30_000);
    assert.match(after.code.note!, /plus 2 production dependencies/);
  });
});
