/**
 * The work that runs in measurement worker threads (or in-thread when no worker bundle exists): walking
 * a folder with synchronous stats, and compressing files the way a zip writer does. Synchronous calls
 * are the fastest way to stat tens of thousands of files, and they never run on the server's main thread.
 */
import { closeSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import type { Stats } from 'node:fs';
import { constants, deflateRawSync } from 'node:zlib';
import type { Skipped } from './types';

/** zip's default compression (`zip -6`), the same deflate level zlib uses by default. */
export const ZIP_LEVEL = constants.Z_DEFAULT_COMPRESSION;

/** The files of a folder, in columns (cheap to post between threads). */
export interface WalkResult {
  /** Paths relative to the walked folder, `/`-separated. */
  readonly rel: string[];
  readonly sizes: number[];
  readonly mtimes: number[];
  /** Allocated 512-byte blocks: 0 for a file that is all holes (sparse). */
  readonly blocks: number[];
  readonly unreadable: Skipped[];
  readonly loops: string[];
}

/**
 * Walks `root` and lists its regular files. Symbolic links are followed; a folder reached a second
 * time (a loop, or two links to one folder) is listed in `loops` and not entered again. Anything that
 * cannot be read is listed in `unreadable`. Never throws.
 */
export function walkFolder(root: string): WalkResult {
  const out: WalkResult = { rel: [], sizes: [], mtimes: [], blocks: [], unreadable: [], loops: [] };
  const seen = new Set<string>();
  const rootStat = safeStat(root);
  if (!rootStat.stat?.isDirectory()) {
    out.unreadable.push({ path: '.', reason: rootStat.error ?? 'not a folder' });
    return out;
  }
  seen.add(`${rootStat.stat.dev}:${rootStat.stat.ino}`);
  const stack: Array<[string, string]> = [[root.endsWith('/') && root.length > 1 ? root.slice(0, -1) : root, '']];
  while (stack.length > 0) {
    const [dir, prefix] = stack.pop()!;
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      out.unreadable.push({ path: prefix || '.', reason: reasonOf(e) });
      continue;
    }
    for (const e of entries) {
      // Concatenation, not path.join: the walk is stat-bound and join normalizes every path again.
      const abs = `${dir}/${e.name}`;
      const rel = prefix + e.name;
      if (e.isFile()) {
        const s = safeStat(abs);
        if (s.stat) push(out, rel, s.stat);
        else out.unreadable.push({ path: rel, reason: s.error! });
        continue;
      }
      if (e.isDirectory() || e.isSymbolicLink()) {
        // Plain folders cannot form loops, but a link inside one can lead back to it: every folder is checked.
        const s = safeStat(abs);
        if (!s.stat) {
          out.unreadable.push({ path: rel, reason: s.error! });
        } else if (s.stat.isDirectory()) {
          const key = `${s.stat.dev}:${s.stat.ino}`;
          if (seen.has(key)) out.loops.push(rel);
          else {
            seen.add(key);
            stack.push([abs, `${rel}/`]);
          }
        } else if (s.stat.isFile()) push(out, rel, s.stat);
        else out.unreadable.push({ path: rel, reason: 'not a regular file (device, socket or pipe); a zip would not contain it' });
        continue;
      }
      out.unreadable.push({ path: rel, reason: 'not a regular file (device, socket or pipe); a zip would not contain it' });
    }
  }
  return out;
}

function push(out: WalkResult, rel: string, s: Stats): void {
  out.rel.push(rel);
  out.sizes.push(s.size);
  out.mtimes.push(s.mtimeMs);
  out.blocks.push(s.blocks);
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

/**
 * The size of `path`'s content once deflated at zip's default level, or the stored size when
 * deflating does not make it smaller (zip writers store such files). Returns -1 when unreadable.
 * `blocks === 0` for a large file means it is all holes, i.e. zeros: its size is computed, not read.
 */
export function compressedSize(path: string, size: number, blocks: number): number {
  try {
    if (blocks === 0 && size >= CHUNK) return Math.min(size, zerosDeflatedSize(size));
    if (size <= WHOLE_FILE_MAX) {
      const data = readFileSync(path);
      return Math.min(data.length, deflateRawSync(data, { level: ZIP_LEVEL }).length);
    }
    return Math.min(size, chunkedDeflatedSize(path));
  } catch {
    return -1;
  }
}

/**
 * Deflates a large file through a 1 MB window without holding it in memory. Chunks are compressed as
 * independent blocks sharing no dictionary, which costs a few bytes per megabyte (well under 0.1 %).
 */
function chunkedDeflatedSize(path: string): number {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.allocUnsafe(CHUNK);
    let total = 0;
    for (;;) {
      const n = readSync(fd, buf, 0, CHUNK, null);
      if (n <= 0) return total;
      total += deflateRawSync(buf.subarray(0, n), { level: ZIP_LEVEL }).length;
    }
  } finally {
    closeSync(fd);
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
