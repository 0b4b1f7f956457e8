/**
 * Folder measurements with a per-file cache: each file's compressed size is kept with the size and
 * mtime it was computed for, so a re-measure compresses only files that changed. A folder's file list
 * is kept too; changes reported through `invalidate` (the editor's file watcher) update just those
 * files, and a re-measure with nothing reported reuses the last result. A package may consist of
 * several folders (an npm build's source and each production dependency): each is a `FolderFiles`,
 * and `summarize` adds them up.
 */
import { promises as fs } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import { MEASURE_LIMITS } from '../config';
import type { Budget } from './limits';
import { MeasurePool } from './pool';
import { inside, OUT_OF_TIME } from './scan';
import { entryOverhead, archiveOverhead } from './zipFormat';
import { largestFiles, largestFolders } from './summary';
import type { CodeMeasurement, MeasureStats, Skipped } from './types';

/** Up to this many reported changes are applied one by one; more re-walk the folder. */
const TARGETED_MAX = 256;

interface FileEntry {
  size: number;
  mtime: number;
  blocks: number;
  /** Compressed size for (size, mtime); undefined until computed, negative when the file could not be read. */
  compressed: number | undefined;
}

/** The files of one walked folder with their sizes; `version` changes whenever they do. */
export interface FolderFiles {
  readonly root: string;
  readonly files: ReadonlyMap<string, Readonly<FileEntry>>;
  readonly skipped: readonly Skipped[];
  readonly skippedCount: number;
  readonly version: number;
}

interface FolderState extends FolderFiles {
  files: Map<string, FileEntry>;
  skipped: Skipped[];
  skippedCount: number;
  version: number;
  readonly exclude: ReadonlySet<string>;
  /** Paths reported changed since the last measure; 'all' forces a walk. */
  dirty: Set<string> | 'all';
  /** Set once every file's compressed size is known for this version. */
  compressedVersion: number;
}

export interface FolderOptions {
  /** Names skipped at the top of the folder. */
  readonly exclude?: readonly string[];
  /** Links are followed only inside this folder (default: the folder itself). */
  readonly linkBound?: string;
  /** Walk even when no change was reported since the last measure (no file watcher). */
  readonly rescan?: boolean;
  readonly signal?: AbortSignal;
}

let versions = 0;

export class FolderMeasurer {
  private readonly states = new Map<string, FolderState>();

  constructor(
    private readonly pool: MeasurePool,
    readonly stats: MeasureStats,
  ) {}

  /** Folders measured so far (absolute paths): what a file watcher should watch. */
  roots(): string[] {
    return [...new Set([...this.states.values()].map((s) => s.root))];
  }

  /** Marks files or folders as changed; the next measure of the folders containing them updates them. */
  invalidate(paths: readonly string[]): void {
    for (const state of this.states.values()) {
      for (const p of paths) {
        const rel = relative(state.root, p);
        if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) {
          // The folder itself (or one of its parents) changed: walk it again.
          if (rel === '' || relative(p, state.root).split(sep)[0] !== '..') state.dirty = 'all';
          continue;
        }
        const parts = rel.split(sep);
        if (state.exclude.has(parts[0]!)) continue;
        if (state.dirty !== 'all') state.dirty.add(parts.join('/'));
      }
    }
  }

  /** Forgets every folder that is not inside one of `roots`: no open template needs it any more. */
  retain(roots: readonly string[]): void {
    for (const [key, state] of this.states) if (!roots.some((r) => inside(r, state.root))) this.states.delete(key);
  }

  /**
   * The files of a folder with every compressed size known. Counts them against `budget` and rejects
   * with MeasureLimit past a bound; unchanged files are never read again.
   */
  async files(root: string, budget: Budget, opts: FolderOptions = {}): Promise<FolderFiles> {
    const state = await this.scan(root, budget, opts);
    budget.add(state.files.size, sumSizes(state));
    if (state.compressedVersion === state.version) return state;
    const missing: string[] = [];
    for (const [rel, f] of state.files) if (f.compressed === undefined) missing.push(rel);
    if (missing.length > 0) {
      const entries = missing.map((rel) => state.files.get(rel)!);
      const sizes = await this.pool.compress(missing.map((rel) => join(root, rel)), entries.map((e) => e.size), entries.map((e) => e.blocks), budget.deadline, opts.signal);
      this.stats.filesRead += missing.length;
      // Sizes given up on for time are left unknown, so the next measure computes them.
      entries.forEach((e, i) => (e.compressed = sizes[i] === OUT_OF_TIME ? undefined : sizes[i]));
      if (sizes.includes(OUT_OF_TIME)) budget.stop('time');
    }
    state.compressedVersion = state.version;
    return state;
  }

  /** Walks the folder and returns file count and unzipped bytes only: no file is read. */
  async unzipped(root: string, budget: Budget, opts: FolderOptions = {}): Promise<{ files: number; unzippedBytes: number }> {
    const state = await this.scan(root, budget, { ...opts, rescan: true });
    return { files: state.files.size, unzippedBytes: sumSizes(state) };
  }

  /** Newest modification time of any file in the folder (ms), 0 when empty. */
  async newestMtime(root: string, budget: Budget, opts: FolderOptions = {}): Promise<number> {
    const state = await this.scan(root, budget, opts);
    let newest = 0;
    for (const f of state.files.values()) if (f.mtime > newest) newest = f.mtime;
    return newest;
  }

  private async scan(root: string, budget: Budget, opts: FolderOptions): Promise<FolderState> {
    const exclude = [...(opts.exclude ?? [])].sort();
    const key = `${root}\0${exclude.join('/')}\0${opts.linkBound ?? ''}`;
    let state = this.states.get(key);
    if (!state || opts.rescan || state.dirty === 'all' || state.dirty.size > TARGETED_MAX) {
      const walk = await this.pool.walk(root, { exclude, ...(opts.linkBound ? { linkBound: opts.linkBound } : {}), maxFiles: MEASURE_LIMITS.maxFiles, maxBytes: MEASURE_LIMITS.maxBytes, deadline: budget.deadline, maxListed: MEASURE_LIMITS.maxListedSkipped }, opts.signal);
      this.stats.walks++;
      if (walk.stopped) budget.stop(walk.stopped, walk.bytes);
      const previous = state?.files;
      const files = new Map<string, FileEntry>();
      let changed = !state || walk.skippedCount !== state.skippedCount;
      for (let i = 0; i < walk.rel.length; i++) {
        const rel = walk.rel[i]!;
        const size = walk.sizes[i]!;
        const mtime = walk.mtimes[i]!;
        const old = previous?.get(rel);
        const same = old !== undefined && old.size === size && old.mtime === mtime;
        if (!same) changed = true;
        files.set(rel, { size, mtime, blocks: walk.blocks[i]!, compressed: same ? old.compressed : undefined });
      }
      if (previous && previous.size !== files.size) changed = true;
      const version = changed ? ++versions : state!.version;
      const compressedVersion = changed ? -1 : state!.compressedVersion;
      state = { root, files, skipped: walk.skipped, skippedCount: walk.skippedCount, version, exclude: new Set(exclude), dirty: new Set(), compressedVersion };
      this.states.set(key, state);
      return state;
    }
    if (state.dirty.size > 0) {
      const dirty = [...state.dirty];
      state.dirty = new Set();
      const applied = await applyChanges(state, dirty);
      if (applied === 'walk') return this.scan(root, budget, { ...opts, rescan: true });
      if (applied === 'changed') state.version = ++versions;
    }
    return state;
  }
}

/** Applies reported changes file by file; 'walk' when one of them needs a walk (a folder appeared). */
async function applyChanges(state: FolderState, dirty: readonly string[]): Promise<'changed' | 'same' | 'walk'> {
  let changed = false;
  for (const rel of dirty) {
    let stat;
    try {
      stat = await fs.lstat(join(state.root, rel));
    } catch {
      stat = undefined;
    }
    if (!stat) {
      // Deleted: the file, or everything below a deleted folder.
      if (state.files.delete(rel)) changed = true;
      const prefix = `${rel}/`;
      for (const k of state.files.keys()) {
        if (k.startsWith(prefix)) {
          state.files.delete(k);
          changed = true;
        }
      }
      continue;
    }
    // Folders, links and special files: only a walk knows where they lead and whether they count.
    if (!stat.isFile()) return 'walk';
    const old = state.files.get(rel);
    if (old && old.size === stat.size && old.mtime === stat.mtimeMs) continue;
    state.files.set(rel, { size: stat.size, mtime: stat.mtimeMs, blocks: stat.blocks, compressed: undefined });
    changed = true;
  }
  return changed ? 'changed' : 'same';
}

function sumSizes(state: FolderFiles): number {
  let n = 0;
  for (const f of state.files.values()) n += f.size;
  return n;
}

/** One folder of a package and where its files sit in the package (`''` or `node_modules/x/`). */
export interface FolderPart {
  readonly prefix: string;
  readonly files: FolderFiles;
}

/** The figures of a package made of folders: totals, a zip's size, largest entries, what was skipped. */
export function summarize(path: string, parts: readonly FolderPart[]): CodeMeasurement {
  const rel: string[] = [];
  const sizes: number[] = [];
  const skipped: Skipped[] = [];
  let skippedCount = 0;
  let unzipped = 0;
  let zipped = 0;
  const skip = (s: Skipped) => {
    skippedCount++;
    if (skipped.length < MEASURE_LIMITS.maxListedSkipped) skipped.push(s);
  };
  for (const part of parts) {
    for (const s of part.files.skipped) skip({ path: part.prefix + s.path, reason: s.reason });
    skippedCount += part.files.skippedCount - part.files.skipped.length;
    for (const [p, f] of part.files.files) {
      const name = part.prefix + p;
      if (f.compressed === undefined || f.compressed < 0) {
        skip({ path: name, reason: 'could not be read' });
        continue;
      }
      rel.push(name);
      sizes.push(f.size);
      unzipped += f.size;
      zipped += f.compressed + entryOverhead(name);
    }
  }
  zipped += archiveOverhead(rel.length, unzipped);
  return {
    kind: 'folder',
    path,
    files: rel.length,
    unzippedBytes: unzipped,
    zippedBytes: zipped,
    largestFolders: largestFolders(rel, sizes),
    largestFiles: largestFiles(rel, sizes),
    skipped,
    skippedCount,
  };
}
