/**
 * The work that runs in measurement worker threads (or in-thread when no worker bundle exists): walking
 * a folder with synchronous stats, and compressing files the way a zip writer does. Synchronous calls
 * are the fastest way to stat tens of thousands of files, and they never run on the server's main thread.
 *
 * Both are bounded: a walk never follows a link out of the code folder, never opens anything but
 * folders and regular files, and stops at a file count, a byte count or a deadline; compression opens
 * files without blocking (a FIFO renamed into place cannot hang it) and stops at the deadline.
 */
import { closeSync, constants as fsConstants, fstatSync, openSync, readdirSync, readSync, realpathSync, statSync } from 'node:fs';
import type { Stats } from 'node:fs';
import { constants, deflateRawSync } from 'node:zlib';
import type { Skipped } from './types';

/** zip's default compression (`zip -6`), the same deflate level zlib uses by default. */
export const ZIP_LEVEL = constants.Z_DEFAULT_COMPRESSION;

/** Reasons shown for entries a walk does not count. */
export const SKIP_REASON = {
  special: 'not a regular file (device, socket or pipe); a zip would not contain it',
  outside: 'a link to a place outside the code folder; not followed',
  again: 'links to a folder already counted; followed once',
} as const;

export interface WalkOptions {
  /** Names skipped at the top of the walked folder (`node_modules` for an npm build's source). */
  readonly exclude?: readonly string[];
  /** Links are followed only to places inside this folder (default: the walked folder). */
  readonly linkBound?: string;
  readonly maxFiles: number;
  readonly maxBytes: number;
  /** Epoch milliseconds after which the walk stops. */
  readonly deadline: number;
  /** How many skipped entries to list by name; the rest are only counted. */
  readonly maxListed: number;
}

/** The files of a folder, in columns (cheap to post between threads). */
export interface WalkResult {
  /** Paths relative to the walked folder, `/`-separated. */
  readonly rel: string[];
  readonly sizes: number[];
  readonly mtimes: number[];
  /** Allocated 512-byte blocks: 0 for a file that is all holes (sparse). */
  readonly blocks: number[];
  readonly skipped: Skipped[];
  skippedCount: number;
  /** Set when the walk stopped at a bound before listing everything. */
  stopped?: 'files' | 'bytes' | 'time';
  bytes: number;
}

/**
 * Walks `root` and lists its regular files. Links are followed while they stay inside the link
 * bound; a folder reached a second time is not entered again. Anything not counted is listed (up to
 * `maxListed`) in `skipped`. Never throws.
 */
export function walkFolder(root: string, opts: WalkOptions): WalkResult {
  const out: WalkResult = { rel: [], sizes: [], mtimes: [], blocks: [], skipped: [], skippedCount: 0, bytes: 0 };
  const skip = (path: string, reason: string) => {
    out.skippedCount++;
    if (out.skipped.length < opts.maxListed) out.skipped.push({ path, reason });
  };
  const rootStat = safeStat(root);
  if (!rootStat.stat?.isDirectory()) {
    skip('.', rootStat.error ?? 'not a folder');
    return out;
  }
  const bound = realOrUndefined(opts.linkBound ?? root) ?? root;
  const exclude = new Set(opts.exclude ?? []);
  const seen = new Set<string>([`${rootStat.stat.dev}:${rootStat.stat.ino}`]);
  const stack: Array<[string, string]> = [[root.endsWith('/') && root.length > 1 ? root.slice(0, -1) : root, '']];
  let visited = 0;
  while (stack.length > 0) {
    const [dir, prefix] = stack.pop()!;
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      skip(prefix || '.', reasonOf(e));
      continue;
    }
    for (const e of entries) {
      if (prefix === '' && exclude.has(e.name)) continue;
      if ((++visited & 255) === 0 && Date.now() > opts.deadline) {
        out.stopped = 'time';
        return out;
      }
      // Concatenation, not path.join: the walk is stat-bound and join normalizes every path again.
      const abs = `${dir}/${e.name}`;
      const rel = prefix + e.name;
      if (e.isSymbolicLink() && !inside(bound, realOrUndefined(abs))) {
        // A dangling link has no real path: it is reported as such, not as leaving the folder.
        const s = safeStat(abs);
        skip(rel, s.stat ? SKIP_REASON.outside : s.error!);
        continue;
      }
      if (!e.isFile() && !e.isDirectory() && !e.isSymbolicLink()) {
        skip(rel, SKIP_REASON.special);
        continue;
      }
      const s = safeStat(abs);
      if (!s.stat) {
        skip(rel, s.error!);
      } else if (s.stat.isFile()) {
        push(out, rel, s.stat);
        if (out.rel.length > opts.maxFiles) out.stopped = 'files';
        else if (out.bytes > opts.maxBytes) out.stopped = 'bytes';
        if (out.stopped) return out;
      } else if (s.stat.isDirectory()) {
        // Plain folders cannot form loops, but a link inside one can lead back to it: every folder is checked.
        const key = `${s.stat.dev}:${s.stat.ino}`;
        if (seen.has(key)) skip(rel, SKIP_REASON.again);
        else {
          seen.add(key);
          stack.push([abs, `${rel}/`]);
        }
      } else skip(rel, SKIP_REASON.special);
    }
  }
  return out;
}

function push(out: WalkResult, rel: string, s: Stats): void {
  out.rel.push(rel);
  out.sizes.push(s.size);
  out.mtimes.push(s.mtimeMs);
  out.blocks.push(s.blocks);
  out.bytes += s.size;
}

function realOrUndefined(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}

/** True when `real` is `bound` or below it. */
export function inside(bound: string, real: string | undefined): boolean {
  if (real === undefined) return false;
  return real === bound || real.startsWith(bound.endsWith('/') ? bound : `${bound}/`);
}

function safeStat(path: string): { stat?: Stats; error?: string } {
  try {
    const stat = statSync(path, { throwIfNoEntry: false });
    return stat ? { stat } : { error: reasonOf({ code: 'ENOENT' }) };
  } catch (e) {
    return { error: reasonOf(e) };
  }
}

/** A short human reason for a file-system error. */
export function reasonOf(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'does not exist (a dangling symbolic link, or deleted while measuring)';
    case 'ELOOP':
      return 'symbolic link loop';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    default:
      return e instanceof Error ? e.message : String(e);
  }
}

/** Files above this size are compressed in chunks instead of being read whole. */
const WHOLE_FILE_MAX = 16 * 1024 * 1024;
const CHUNK = 1024 * 1024;

/** `compressedSize` results that are not sizes. */
export const UNREADABLE = -1;
export const OUT_OF_TIME = -2;

/**
 * The size of `path`'s content once deflated at zip's default level, or the stored size when
 * deflating does not make it smaller (zip writers store such files). Returns UNREADABLE when the file
 * cannot be read or is no longer a regular file, OUT_OF_TIME past the deadline. `blocks === 0` for a
 * large file means it is all holes, i.e. zeros: its size is computed, not read.
 */
export function compressedSize(path: string, size: number, blocks: number, deadline = Infinity): number {
  if (Date.now() > deadline) return OUT_OF_TIME;
  let fd: number;
  try {
    // Non-blocking: opening a FIFO for reading would otherwise wait for a writer forever.
    fd = openSync(path, fsConstants.O_RDONLY | fsConstants.O_NONBLOCK);
  } catch {
    return UNREADABLE;
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return UNREADABLE;
    if (blocks === 0 && size >= CHUNK) return Math.min(size, zerosDeflatedSize(size));
    if (stat.size <= WHOLE_FILE_MAX) {
      const data = Buffer.allocUnsafe(stat.size);
      let n = 0;
      while (n < data.length) {
        const r = readSync(fd, data, n, data.length - n, n);
        if (r <= 0) break;
        n += r;
      }
      const content = data.subarray(0, n);
      return Math.min(content.length, deflateRawSync(content, { level: ZIP_LEVEL }).length);
    }
    const chunked = chunkedDeflatedSize(fd, deadline);
    return chunked < 0 ? chunked : Math.min(stat.size, chunked);
  } catch {
    return UNREADABLE;
  } finally {
    closeSync(fd);
  }
}

/**
 * Deflates a large file through a 1 MB window without holding it in memory. Chunks are compressed as
 * independent blocks sharing no dictionary, which costs a few bytes per megabyte (well under 0.1 %).
 */
function chunkedDeflatedSize(fd: number, deadline: number): number {
  const buf = Buffer.allocUnsafe(CHUNK);
  let total = 0;
  for (;;) {
    if (Date.now() > deadline) return OUT_OF_TIME;
    const n = readSync(fd, buf, 0, CHUNK, null);
    if (n <= 0) return total;
    total += deflateRawSync(buf.subarray(0, n), { level: ZIP_LEVEL }).length;
  }
}

let zerosPerChunk: number | undefined;

/** Deflated size of `size` zero bytes: a run of zeros deflates to a constant size per chunk. */
export function zerosDeflatedSize(size: number): number {
  zerosPerChunk ??= deflateRawSync(Buffer.alloc(CHUNK), { level: ZIP_LEVEL }).length;
  const whole = Math.floor(size / CHUNK);
  const rest = size % CHUNK;
  return whole * zerosPerChunk + (rest > 0 ? deflateRawSync(Buffer.alloc(rest), { level: ZIP_LEVEL }).length : 0);
}
