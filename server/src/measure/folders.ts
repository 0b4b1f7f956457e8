/**
 * Folder measurements with a per-file cache: each file's compressed size is kept with the size and
 * mtime it was computed for, so a re-measure compresses only files that changed. A folder's file list
 * is kept too; changes reported through `invalidate` (the editor's file watcher) update just those
 * files, and a re-measure with nothing reported reuses the last result.
 */
import { promises as fs } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import { MeasurePool } from './pool';
import { entryOverhead, archiveOverhead } from './zipFormat';
import { largestFiles, largestFolders } from './summary';
import type { CodeMeasurement, MeasureStats, Skipped } from './types';

/** Up to this many reported changes are applied one by one; more re-walk the folder. */
const TARGETED_MAX = 256;

interface FileEntry {
  size: number;
  mtime: number;
  blocks: number;
  /** Compressed size for (size, mtime); undefined until computed, -1 when the file could not be read. */
  compressed: number | undefined;
}

interface FolderState {
  readonly root: string;
  files: Map<string, FileEntry>;
  unreadable: Skipped[];
  loops: string[];
  /** Paths reported changed since the last measure; 'all' forces a walk. */
  dirty: Set<string> | 'all';
  last: CodeMeasurement | undefined;
}

export class FolderMeasurer {
  private readonly states = new Map<string, FolderState>();

  constructor(
    private readonly pool: MeasurePool,
    readonly stats: MeasureStats,
  ) {}

  /** Folders measured so far (absolute paths): what a file watcher should watch. */
  roots(): string[] {
    return [...this.states.keys()];
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
        if (state.dirty !== 'all') state.dirty.add(rel.split(sep).join('/'));
      }
    }
  }

  /** Forgets everything about a folder, so the next measure walks and compresses it from scratch. */
  forget(root: string): void {
    this.states.delete(root);
  }

  /** Walks the folder and returns file count and unzipped bytes only: no file is read. */
  async unzipped(root: string, signal?: AbortSignal): Promise<{ files: number; unzippedBytes: number }> {
    const state = await this.scan(root, signal, true);
    let bytes = 0;
    for (const f of state.files.values()) bytes += f.size;
    return { files: state.files.size, unzippedBytes: bytes };
  }

  /** Newest modification time of any file in the folder (ms), 0 when empty. */
  async newestMtime(root: string, signal?: AbortSignal): Promise<number> {
    const state = await this.scan(root, signal, false);
    let newest = 0;
    for (const f of state.files.values()) if (f.mtime > newest) newest = f.mtime;
    return newest;
  }

  /**
   * Measures a folder. `rescan` walks it even when no change was reported (for callers without a
   * file watcher); unchanged files are still not read again.
   */
  async measure(root: string, signal?: AbortSignal, rescan = false): Promise<CodeMeasurement> {
    const state = await this.scan(root, signal, rescan);
    if (state.last) return state.last;
    const missing: string[] = [];
    for (const [rel, f] of state.files) if (f.compressed === undefined) missing.push(rel);
    if (missing.length > 0) {
      const entries = missing.map((rel) => state.files.get(rel)!);
      const sizes = await this.pool.compress(
        missing.map((rel) => join(root, rel)),
        entries.map((e) => e.size),
        entries.map((e) => e.blocks),
        signal,
      );
      this.stats.filesRead += missing.length;
      entries.forEach((e, i) => (e.compressed = sizes[i]));
    }
    state.last = summarize(state);
    return state.last;
  }

  private async scan(root: string, signal: AbortSignal | undefined, rescan: boolean): Promise<FolderState> {
    let state = this.states.get(root);
    if (!state || rescan || state.dirty === 'all' || state.dirty.size > TARGETED_MAX) {
      const walk = await this.pool.walk(root, signal);
      this.stats.walks++;
      const previous = state?.files;
      const files = new Map<string, FileEntry>();
      for (let i = 0; i < walk.rel.length; i++) {
        const rel = walk.rel[i]!;
        const size = walk.sizes[i]!;
        const mtime = walk.mtimes[i]!;
        const old = previous?.get(rel);
        const same = old !== undefined && old.size === size && old.mtime === mtime;
        files.set(rel, { size, mtime, blocks: walk.blocks[i]!, compressed: same ? old.compressed : undefined });
      }
      const changed = !state || !sameFiles(previous!, files) || state.unreadable.length !== walk.unreadable.length;
      state = { root, files, unreadable: walk.unreadable, loops: walk.loops, dirty: new Set(), last: changed ? undefined : state!.last };
      this.states.set(root, state);
      return state;
    }
    if (state.dirty.size > 0) {
      const dirty = [...state.dirty];
      state.dirty = new Set();
      if (await this.applyChanges(state, dirty)) state.last = undefined;
      else return this.scan(root, signal, true);
    }
    return state;
  }

  /** Applies reported changes file by file; false when one of them needs a walk (a folder appeared). */
  private async applyChanges(state: FolderState, dirty: readonly string[]): Promise<boolean> {
    for (const rel of dirty) {
      let stat;
      try {
        stat = await fs.stat(join(state.root, rel));
      } catch {
        stat = undefined;
      }
      if (!stat) {
        // Deleted: the file, or everything below a deleted folder.
        state.files.delete(rel);
        const prefix = `${rel}/`;
        for (const k of state.files.keys()) if (k.startsWith(prefix)) state.files.delete(k);
        continue;
      }
      if (!stat.isFile()) return false;
      const old = state.files.get(rel);
      if (old && old.size === stat.size && old.mtime === stat.mtimeMs) continue;
      state.files.set(rel, { size: stat.size, mtime: stat.mtimeMs, blocks: stat.blocks, compressed: undefined });
    }
    return true;
  }
}

function sameFiles(a: Map<string, FileEntry>, b: Map<string, FileEntry>): boolean {
  if (a.size !== b.size) return false;
  for (const [k, f] of b) if (f.compressed === undefined || !a.has(k)) return false;
  return true;
}

function summarize(state: FolderState): CodeMeasurement {
  const rel: string[] = [];
  const sizes: number[] = [];
  const unreadable = [...state.unreadable];
  let unzipped = 0;
  let zipped = 0;
  for (const [path, f] of state.files) {
    if (f.compressed === undefined || f.compressed < 0) {
      unreadable.push({ path, reason: 'could not be read' });
      continue;
    }
    rel.push(path);
    sizes.push(f.size);
    unzipped += f.size;
    zipped += f.compressed + entryOverhead(path);
  }
  zipped += archiveOverhead(rel.length, unzipped);
  return {
    kind: 'folder',
    path: state.root,
    files: rel.length,
    unzippedBytes: unzipped,
    zippedBytes: zipped,
    largestFolders: largestFolders(rel, sizes),
    largestFiles: largestFiles(rel, sizes),
    unreadable,
    loops: state.loops,
  };
}
