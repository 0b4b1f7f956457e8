/** Folder measurement against real zip writers: exact unzipped bytes, zipped within 1 %, caching, odd files. */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import yazl from 'yazl';
import { PackageSizeService } from '../../../server/src/measure/service';
import { MeasureCancelled } from '../../../server/src/measure/pool';
import { QUOTAS } from '../../../server/src/quotas';
import { codeTree, emptyFixture, sum } from './fixtures';
import type { Fixture } from './fixtures';

/** Zips the files with yazl at zlib's default level, without extra fields, and returns the archive size. */
async function yazlSize(f: Fixture): Promise<number> {
  const zip = new yazl.ZipFile();
  for (const rel of [...f.files.keys()].sort()) {
    zip.addBuffer(readFileSync(join(f.root, rel)), rel, { compress: true, forceDosTimestamp: true });
  }
  zip.end();
  let size = 0;
  for await (const chunk of zip.outputStream) size += (chunk as Buffer).length;
  return size;
}

/** Zips the files with Info-ZIP (`zip -X -D`, no extra fields or folder entries) and returns the archive size. */
function infoZipSize(f: Fixture & { base: string }): number {
  const out = join(f.base, 'out.zip');
  execFileSync('zip', ['-q', '-X', '-D', out, '-@'], { cwd: f.root, input: [...f.files.keys()].sort().join('\n') });
  return statSync(out).size;
}

function within(actual: number, expected: number, share: number): void {
  const off = Math.abs(actual - expected) / expected;
  assert.ok(off <= share, `${actual} vs ${expected}: off by ${(off * 100).toFixed(2)} %`);
}

describe('measure/folders: measuring a code folder', function () {
  let service: PackageSizeService;
  beforeEach(() => (service = new PackageSizeService()));
  afterEach(() => service.dispose());

  it('runs compression in worker threads from the bundled worker', () => {
    assert.equal((service as unknown as { pool: { threaded: boolean } }).pool.threaded, true);
  });

  it('counts every regular file and its exact bytes, skipping the loop, the FIFO and the dangling link', async () => {
    const f = codeTree();
    try {
      const m = await service.measureFolder(f.root);
      assert.equal(m.files, f.files.size);
      assert.equal(m.unzippedBytes, sum(f.files));
      assert.deepEqual(m.skipped.map((u) => u.path).sort(), ['dangling', 'fifo', 'node_modules/loop']);
      assert.equal(m.skippedCount, 3);
      assert.match(m.skipped.find((u) => u.path === 'dangling')!.reason, /dangling symbolic link/);
      assert.match(m.skipped.find((u) => u.path === 'fifo')!.reason, /not a regular file/);
      assert.match(m.skipped.find((u) => u.path === 'node_modules/loop')!.reason, /already counted/);
    } finally {
      f.cleanup();
    }
  });

  it('estimates the zipped size within 1 % of archives written by yazl and by Info-ZIP', async () => {
    const f = codeTree(7);
    try {
      const m = await service.measureFolder(f.root);
      within(m.zippedBytes, await yazlSize(f), 0.01);
      within(m.zippedBytes, infoZipSize(f), 0.01);
      // Compressible text must really have been compressed, random bytes stored.
      assert.ok(m.zippedBytes < m.unzippedBytes * 0.6);
    } finally {
      f.cleanup();
    }
  });

  it('lists the five largest folders and files, biggest first', async () => {
    const f = emptyFixture();
    try {
      f.write('a/big.bin', Buffer.alloc(5000, 1));
      f.write('a/b/mid.bin', Buffer.alloc(3000, 1));
      f.write('c/one.bin', Buffer.alloc(100, 1));
      f.write('top.bin', Buffer.alloc(4000, 1));
      const m = await service.measureFolder(f.root);
      assert.deepEqual(m.largestFolders, [{ path: 'a', bytes: 8000 }, { path: 'a/b', bytes: 3000 }, { path: 'c', bytes: 100 }]);
      assert.deepEqual(m.largestFiles.map((e) => e.path), ['a/big.bin', 'top.bin', 'a/b/mid.bin', 'c/one.bin']);
    } finally {
      f.cleanup();
    }
  });

  it('measures an empty folder as an empty archive', async () => {
    const f = emptyFixture();
    try {
      const m = await service.measureFolder(f.root);
      assert.deepEqual([m.files, m.unzippedBytes, m.zippedBytes], [0, 0, 22]);
    } finally {
      f.cleanup();
    }
  });

  it('re-reads only the file reported changed, and only changed files on a full rescan', async () => {
    const f = codeTree(3);
    try {
      const first = await service.measureFolder(f.root);
      assert.equal(service.stats.filesRead, f.files.size);
      const again = await service.measureFolder(f.root);
      assert.equal(again, first, 'nothing reported changed: the last result is reused');
      assert.equal(service.stats.filesRead, f.files.size);

      const changed = join(f.root, 'node_modules/beta/lib/part2.js');
      writeFileSync(changed, 'module.exports = 1;\n');
      f.files.set('node_modules/beta/lib/part2.js', 20);
      service.invalidate([changed]);
      const walks = service.stats.walks;
      const after = await service.measureFolder(f.root);
      assert.equal(service.stats.filesRead, f.files.size + 1);
      assert.equal(service.stats.walks, walks, 'a reported change needs no walk');
      assert.equal(after.unzippedBytes, sum(f.files));

      // Without a report (no file watcher), a rescan walks but still reads only the changed file.
      const other = join(f.root, 'index.js');
      writeFileSync(other, 'exports.handler = async () => 1;\n');
      utimesSync(other, new Date(), new Date(Date.now() + 5000));
      f.files.set('index.js', 33);
      const rescanned = await service.measureFolder(f.root, { rescan: true });
      assert.equal(service.stats.filesRead, f.files.size + 2);
      assert.equal(service.stats.walks, walks + 1);
      assert.equal(rescanned.unzippedBytes, sum(f.files));
    } finally {
      f.cleanup();
    }
  });

  it('picks up new and deleted files reported by a watcher', async () => {
    const f = emptyFixture();
    try {
      f.write('a.js', 'a');
      await service.measureFolder(f.root);
      f.write('b.js', 'bb');
      service.invalidate([join(f.root, 'b.js')]);
      assert.equal((await service.measureFolder(f.root)).files, 2);
      execFileSync('rm', [join(f.root, 'a.js')]);
      service.invalidate([join(f.root, 'a.js')]);
      const m = await service.measureFolder(f.root);
      assert.deepEqual([m.files, m.unzippedBytes], [1, 2]);
    } finally {
      f.cleanup();
    }
  });

  it('measures a 250 MB+ sparse tree without reading its zeros, quickly', async function () {
    const f = emptyFixture();
    try {
      f.write('handler.js', 'exports.handler = async () => 1;\n');
      f.write('vendor/model.bin', '');
      f.write('vendor/weights.bin', '');
      truncateSync(join(f.root, 'vendor/model.bin'), 200 * 1024 * 1024);
      truncateSync(join(f.root, 'vendor/weights.bin'), 60 * 1024 * 1024);
      f.files.set('vendor/model.bin', 200 * 1024 * 1024);
      f.files.set('vendor/weights.bin', 60 * 1024 * 1024);
      const started = Date.now();
      const m = await service.measureFolder(f.root);
      assert.ok(Date.now() - started < 3000, `took ${Date.now() - started} ms`);
      assert.equal(m.unzippedBytes, sum(f.files));
      assert.ok(m.unzippedBytes > QUOTAS.unzippedPackageBytes);
      // Zeros deflate about 1000:1.
      assert.ok(m.zippedBytes > 100_000 && m.zippedBytes < 1_000_000, String(m.zippedBytes));
    } finally {
      f.cleanup();
    }
  });

  it('stops when cancelled', async () => {
    const f = codeTree(5);
    try {
      const controller = new AbortController();
      const pending = service.measureFolder(f.root, { signal: controller.signal });
      controller.abort();
      await assert.rejects(pending, MeasureCancelled);
      // The service is still usable afterwards.
      assert.equal((await service.measureFolder(f.root)).files, f.files.size);
    } finally {
      f.cleanup();
    }
  });
});
