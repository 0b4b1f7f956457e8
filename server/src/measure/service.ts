/**
 * The package-size service: finds a function's code on disk (the template's CodeUri / Code, or the
 * newer `sam build` output), measures it with its template-defined layers, and keeps per-file caches
 * so that re-measuring is cheap. Shared by the language server (rule and CodeLens) and the CLI.
 */
import { promises as fs } from 'node:fs';
import { join, resolve } from 'node:path';
import { FolderMeasurer } from './folders';
import { MeasureCancelled, MeasurePool } from './pool';
import type { PoolOptions } from './pool';
import { measureZipArchive } from './zipArchive';
import type { CodeMeasurement, CodeRef, FunctionCodeSpec, FunctionSize, LayerSize, LocatedMeasurement, MeasureStats } from './types';

/** Where `sam build` puts each function's and layer's built code, relative to the template's folder. */
export const SAM_BUILD_DIR = join('.aws-sam', 'build');

export interface MeasureOptions {
  readonly signal?: AbortSignal;
  /** Walk folders even when no change was reported since the last measure (no file watcher). */
  readonly rescan?: boolean;
}

type CodeResult = LocatedMeasurement | { readonly status: 'unmeasurable' | 'missing'; readonly reason: string; readonly path?: string };

export class PackageSizeService {
  readonly stats: MeasureStats = { filesRead: 0, walks: 0 };
  private readonly pool: MeasurePool;
  private readonly folders: FolderMeasurer;
  private readonly zips = new Map<string, { size: number; mtime: number; result: CodeMeasurement }>();

  constructor(opts: PoolOptions = {}) {
    this.pool = new MeasurePool(opts);
    this.folders = new FolderMeasurer(this.pool, this.stats);
  }

  /** Measures one function: its code and its template-defined layers. Rejects only with MeasureCancelled. */
  async measureFunction(templateDir: string, spec: FunctionCodeSpec, opts: MeasureOptions = {}): Promise<FunctionSize> {
    const code = await this.measureCode(templateDir, spec.id, spec.code, opts);
    if (!('kind' in code)) return { id: spec.id, ...code };
    const layers: LayerSize[] = [];
    const externalLayers: string[] = [];
    let layersUnzippedBytes = 0;
    for (const layer of spec.layers) {
      if (layer.kind === 'external') {
        externalLayers.push(layer.name);
        continue;
      }
      const r = await this.measureCode(templateDir, layer.id, layer.code, opts);
      if ('kind' in r) {
        layersUnzippedBytes += r.unzippedBytes;
        layers.push({ id: layer.id, result: r });
      } else layers.push({ id: layer.id, result: { problem: r.reason } });
    }
    return {
      status: 'measured',
      id: spec.id,
      code,
      layers,
      externalLayers,
      layersUnzippedBytes,
      totalUnzippedBytes: code.unzippedBytes + layersUnzippedBytes,
    };
  }

  /**
   * Measures one code location of a template: a folder or a .zip relative to `templateDir`, replaced by
   * `.aws-sam/build/<logicalId>` when that exists and is newer than every source file.
   */
  async measureCode(templateDir: string, logicalId: string, ref: CodeRef, opts: MeasureOptions = {}): Promise<CodeResult> {
    if (ref.kind !== 'path') return { status: 'unmeasurable', reason: unmeasurableReason(ref) };
    const path = resolve(templateDir, ref.path);
    const stat = await statOrUndefined(path);
    if (!stat) return { status: 'missing', path, reason: `${ref.path} does not exist (relative to the template's folder)` };
    try {
      const build = join(templateDir, SAM_BUILD_DIR, logicalId);
      const buildStat = await statOrUndefined(build);
      if (buildStat?.isDirectory()) {
        const sourceNewest = stat.isDirectory() ? Math.max(stat.mtimeMs, await this.folders.newestMtime(path, opts.signal)) : stat.mtimeMs;
        if (buildStat.mtimeMs > sourceNewest) return { ...(await this.folders.measure(build, opts.signal, opts.rescan)), source: 'build' };
      }
      if (stat.isDirectory()) return { ...(await this.folders.measure(path, opts.signal, opts.rescan)), source: 'template' };
      return { ...(await this.measureZip(path, stat.size, stat.mtimeMs)), source: 'template' };
    } catch (e) {
      if (e instanceof MeasureCancelled) throw e;
      return { status: 'unmeasurable', path, reason: e instanceof Error ? e.message : String(e) };
    }
  }

  /** Sizes of a folder (walked, compressed in workers, cached per file). */
  measureFolder(path: string, opts: MeasureOptions = {}): Promise<CodeMeasurement> {
    return this.folders.measure(path, opts.signal, opts.rescan);
  }

  /** Files and unzipped bytes of a folder: a walk, no file read. */
  unzippedOnly(path: string, signal?: AbortSignal): Promise<{ files: number; unzippedBytes: number }> {
    return this.folders.unzipped(path, signal);
  }

  /** Tells the service files or folders changed (from a file watcher); their next measure updates them. */
  invalidate(paths: readonly string[]): void {
    this.folders.invalidate(paths);
    for (const p of paths) this.zips.delete(p);
  }

  /** Folders measured so far: what a file watcher should watch. */
  watchedFolders(): string[] {
    return this.folders.roots();
  }

  dispose(): void {
    this.pool.dispose();
  }

  private async measureZip(path: string, size: number, mtime: number): Promise<CodeMeasurement> {
    const hit = this.zips.get(path);
    if (hit && hit.size === size && hit.mtime === mtime) return hit.result;
    const result = await measureZipArchive(path);
    this.zips.set(path, { size, mtime, result });
    return result;
  }
}

/** Why code that is not a local path cannot be measured (known without touching the disk). */
export function unmeasurableReason(ref: Exclude<CodeRef, { kind: 'path' }>): string {
  switch (ref.kind) {
    case 'image':
      return 'container image (PackageType Image): its size is not measurable locally';
    case 's3':
      return `code in S3 (${ref.location}): not measurable locally`;
    case 'inline':
      return 'inline code: no package to measure';
    case 'unknown':
      return ref.why;
  }
}

async function statOrUndefined(path: string) {
  try {
    return await fs.stat(path);
  } catch {
    return undefined;
  }
}
