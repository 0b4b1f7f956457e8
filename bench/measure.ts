/**
 * Package-size measurement on a node_modules-like tree of 30,000 files / ~300 MB, generated in a
 * temporary folder and removed afterwards. Compares a cold measure with `du -sb` (stat-bound) and
 * with `zip -qr` (real compression), then times re-measures: nothing changed, one file changed.
 * Targets: unzipped-only <= 1.5 x du; zipped <= 0.6 x zip -qr (two cores); warm <= 50 ms; one file <= 100 ms.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { PackageSizeService } from '../server/src/measure/service';
import type { CodeMeasurement } from '../server/src/measure/types';
import { prng, randomBytes, sourceText } from '../test/server/measure/fixtures';
import { median } from './stats';

const FILES = 30_000;
const PACKAGES = 600;
const TARGET_BYTES = 300 * 1024 * 1024;

/** Writes the tree: source-like text files (sizes skewed like npm packages) and 3 % binaries. */
function generate(root: string): { files: number; bytes: number } {
  const rand = prng(42);
  // A 4 MB pool of source-like text; files take distinct slices of it, so they compress like code.
  const pool = Buffer.from(sourceText(rand, 4 * 1024 * 1024));
  const average = TARGET_BYTES / FILES;
  let bytes = 0;
  for (let i = 0; i < FILES; i++) {
    const pkg = `node_modules/${i % 7 === 0 ? '@scope/' : ''}pkg-${i % PACKAGES}`;
    const sub = ['lib', 'dist', 'src/internal', 'lib/util/deep'][Math.floor(rand() * 4)]!;
    const dir = join(root, pkg, sub);
    mkdirSync(dir, { recursive: true });
    // Exponential sizes around the average: many small files, a few large ones.
    const size = Math.max(64, Math.min(pool.length - 1, Math.round(-Math.log(1 - rand()) * average)));
    let content: Buffer;
    if (rand() < 0.03) {
      content = randomBytes(rand, size);
    } else {
      const start = Math.floor(rand() * (pool.length - size));
      content = pool.subarray(start, start + size);
    }
    writeFileSync(join(dir, `file-${i}.js`), content);
    bytes += size;
  }
  return { files: FILES, bytes };
}

interface Timing {
  /** Elapsed milliseconds. */
  readonly wall: number;
  /** CPU milliseconds (user + system, all threads): comparable even when other work shares the cores. */
  readonly cpu: number;
}

/** Runs a command through bash's `time`, which reports the child's CPU time as well. */
function timeCommand(args: readonly string[], cwd?: string): Timing {
  const quoted = args.map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const r = spawnSync('bash', ['-c', `TIMEFORMAT='%R %U %S'; time ${quoted} > /dev/null`], { cwd, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr}`);
  const [real, user, sys] = r.stderr.trim().split('\n').at(-1)!.split(' ').map(Number) as [number, number, number];
  return { wall: real * 1000, cpu: (user + sys) * 1000 };
}

async function timeAsync(fn: () => Promise<unknown>): Promise<Timing> {
  const cpu = process.cpuUsage();
  const t = performance.now();
  await fn();
  const used = process.cpuUsage(cpu);
  return { wall: performance.now() - t, cpu: (used.user + used.system) / 1000 };
}

const round = (n: number) => Math.round(n * 10) / 10;

export async function benchMeasure(): Promise<Record<string, unknown>> {
  const base = mkdtempSync(join(tmpdir(), 'lambda-lens-bench-measure-'));
  const root = join(base, 'code');
  try {
    const tree = generate(root);
    // Everything is measured with the tree in the page cache, as right after `npm install`.
    timeCommand(['du', '-sb', root]);
    const du = medianTiming([0, 1, 2].map(() => timeCommand(['du', '-sb', root])));

    // Nothing cached. `withWorkerStart` includes starting the worker thread, which the language
    // server pays once per session; the other runs find the worker started (on a one-file folder).
    const small = join(base, 'small');
    mkdirSync(small);
    writeFileSync(join(small, 'index.js'), 'exports.handler = async () => 1;\n');
    const withStart: Timing[] = [];
    const unzippedRuns: Timing[] = [];
    for (let i = 0; i < 3; i++) {
      const service = new PackageSizeService();
      withStart.push(await timeAsync(() => service.unzippedOnly(root)));
      service.dispose();
      const started = new PackageSizeService();
      await started.unzippedOnly(small);
      unzippedRuns.push(await timeAsync(() => started.unzippedOnly(root)));
      started.dispose();
    }
    const unzippedOnly = medianTiming(unzippedRuns);
    const unzippedOnlyWithWorkerStart = medianTiming(withStart);

    const zipPath = join(base, 'out.zip');
    const zip = timeCommand(['zip', '-qr', zipPath, '.'], root);
    const zipBytes = statSync(zipPath).size;
    rmSync(zipPath);

    // A fresh service with no cached file; its workers are started (by a one-file folder) as in an editor session.
    const fresh = new PackageSizeService();
    await fresh.measureFolder(small);
    let measured: CodeMeasurement | undefined;
    const cold = await timeAsync(async () => (measured = await fresh.measureFolder(root)));
    if (!measured) throw new Error('no measurement');

    const warmReported = median(await sequence(5, async () => (await timeAsync(() => fresh.measureFolder(root))).wall));
    const warmRescan = median(await sequence(5, async () => (await timeAsync(() => fresh.measureFolder(root, { rescan: true }))).wall));

    const oneFile: number[] = [];
    const oneFileRescan: number[] = [];
    for (let i = 0; i < 5; i++) {
      const file = join(root, 'node_modules/pkg-1/lib', `touched-${i}.js`);
      writeFileSync(file, `module.exports = ${i};\n`.repeat(200));
      oneFile.push((await timeAsync(async () => {
        fresh.invalidate([file]);
        await fresh.measureFolder(root);
      })).wall);
      writeFileSync(file, `module.exports = ${i + 1};\n`.repeat(100));
      oneFileRescan.push((await timeAsync(() => fresh.measureFolder(root, { rescan: true }))).wall);
    }
    fresh.dispose();

    const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
    return {
      // Other processes on the machine share the two cores: wall-clock ratios move with them, CPU ratios less.
      loadAverage: loadavg().map((l) => Math.round(l * 10) / 10),
      tree: { files: tree.files, bytes: tree.bytes, measuredFiles: measured.files, measuredBytes: measured.unzippedBytes },
      du: fmtTiming(du),
      unzippedOnly: fmtTiming(unzippedOnly),
      unzippedOnlyWithWorkerStart: fmtTiming(unzippedOnlyWithWorkerStart),
      unzippedOnlyVsDu: { wall: ratio(unzippedOnly.wall, du.wall), cpu: ratio(unzippedOnly.cpu, du.cpu) },
      zipQr: fmtTiming(zip),
      coldZipped: fmtTiming(cold),
      coldZippedVsZipQr: { wall: ratio(cold.wall, zip.wall), cpu: ratio(cold.cpu, zip.cpu) },
      zippedEstimateBytes: measured.zippedBytes,
      zipQrBytes: zipBytes,
      // zip -qr also stores folder entries and timestamp/uid extra fields: its archive is a little larger.
      estimateVsZipQr: Math.round((measured.zippedBytes / zipBytes) * 1000) / 1000,
      warmNothingReportedMs: round(warmReported),
      warmFullRescanMs: round(warmRescan),
      oneFileReportedMs: round(median(oneFile)),
      oneFileFullRescanMs: round(median(oneFileRescan)),
      targets: { unzippedOnlyVsDu: 1.5, coldZippedVsZipQr: 0.6, warmMs: 50, oneFileMs: 100 },
    };
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
}

function medianTiming(xs: readonly Timing[]): Timing {
  return { wall: median(xs.map((x) => x.wall)), cpu: median(xs.map((x) => x.cpu)) };
}

function fmtTiming(t: Timing): { wallMs: number; cpuMs: number } {
  return { wallMs: round(t.wall), cpuMs: round(t.cpu) };
}

async function sequence<T>(n: number, fn: () => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < n; i++) out.push(await fn());
  return out;
}
