/**
 * The package-size service: finds a function's code on disk, decides how it becomes the deployed
 * package (the newer `sam build` output, an esbuild bundle, source plus production dependencies, a
 * CDK asset, or the folder or .zip as it is), measures it with its template-defined layers, and keeps
 * caches so that re-measuring is cheap. Shared by the language server (rule and CodeLens) and the CLI.
 */
import { promises as fs } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { Bundler } from './bundler';
import { FolderMeasurer, summarize } from './folders';
import type { FolderPart } from './folders';
import { Budget, MeasureLimit } from './limits';
import { dependencyManifests } from './manifests';
import { CLOSURE_FILES, productionClosure } from './npm';
import type { Closure } from './npm';
import { MeasureCancelled, MeasurePool } from './pool';
import type { PoolOptions } from './pool';
import { inside } from './scan';
import { measureZipArchive } from './zipArchive';
import type { BuildSpec, CodeMeasurement, CodeRef, FunctionCodeSpec, FunctionSize, LayerSize, LocatedMeasurement, MeasureStats, NotMeasured } from './types';

/** Where `sam build` puts each function's and layer's built code, relative to the template's folder. */
export const SAM_BUILD_DIR = join('.aws-sam', 'build');

/** What `sam build` leaves out when it copies a Node.js function's source. */
const NPM_SOURCE_EXCLUDES = ['node_modules', '.aws-sam', '.git'];

/** Why an esbuild function has no size in an untrusted workspace. */
export const UNTRUSTED_ESBUILD =
  "not measured in Restricted Mode: an esbuild function is measured by running the project's own esbuild, and this workspace is not trusted. Trust the workspace (Manage Workspace Trust) to see its size";

/** The folder code must lie in, and how messages name it. */
export interface Boundary {
  readonly path: string;
  /** `the workspace folder`, `the checked folder`, ... */
  readonly name: string;
}

export interface MeasureOptions {
  readonly signal?: AbortSignal;
  /** Walk folders even when no change was reported since the last measure (no file watcher). */
  readonly rescan?: boolean;
  /** Code paths resolving outside this folder are refused. */
  readonly boundary?: Boundary;
  /**
   * False in a workspace the user has not trusted: nothing of the project's own is run, so esbuild
   * functions (bundled with the project's esbuild package) are not measured. Default true.
   */
  readonly trusted?: boolean;
  /** Filled with the folders and files the measurement read: what to watch and keep cached. */
  readonly uses?: Set<string>;
  /** Bounds for this measurement (tests set small ones). */
  readonly limits?: ConstructorParameters<typeof Budget>[0];
}

type CodeResult = LocatedMeasurement | { readonly status: NotMeasured; readonly reason: string; readonly path?: string; readonly atLeastBytes?: number };

export class PackageSizeService {
  readonly stats: MeasureStats = { filesRead: 0, walks: 0, bundles: 0 };
  private readonly pool: MeasurePool;
  private readonly folders: FolderMeasurer;
  private readonly bundler: Bundler;
  private readonly zips = new Map<string, { size: number; mtime: number; result: CodeMeasurement }>();
  private readonly closures = new Map<string, Closure>();
  private readonly summaries = new Map<string, { key: string; result: CodeMeasurement }>();

  constructor(opts: PoolOptions = {}) {
    this.pool = new MeasurePool(opts);
    this.folders = new FolderMeasurer(this.pool, this.stats);
    this.bundler = new Bundler(this.stats);
  }

  /** Measures one function: its code and its template-defined layers. Rejects only with MeasureCancelled. */
  async measureFunction(templateDir: string, spec: FunctionCodeSpec, opts: MeasureOptions = {}): Promise<FunctionSize> {
    const budget = new Budget(opts.limits);
    const code = await this.measureCode(templateDir, spec.id, spec.code, opts, budget);
    if (!('kind' in code)) return { id: spec.id, ...code };
    const layers: LayerSize[] = [];
    const externalLayers: string[] = [];
    let layersUnzippedBytes = 0;
    for (const layer of spec.layers) {
      if (layer.kind === 'external') {
        externalLayers.push(layer.name);
        continue;
      }
      const r = await this.measureCode(templateDir, layer.id, layer.code, opts, budget);
      if ('kind' in r) {
        layersUnzippedBytes += r.unzippedBytes;
        layers.push({ id: layer.id, result: r });
      } else if (r.status === 'too-large') {
        // The budget counts the function's code and earlier layers too: what it saw is the whole lower bound.
        return { id: spec.id, status: 'too-large', reason: `layer ${layer.id}: ${r.reason}`, ...(r.atLeastBytes !== undefined ? { atLeastBytes: r.atLeastBytes } : {}) };
      } else layers.push({ id: layer.id, result: { problem: r.reason } });
    }
    return { status: 'measured', id: spec.id, code, layers, externalLayers, layersUnzippedBytes, totalUnzippedBytes: code.unzippedBytes + layersUnzippedBytes };
  }

  /**
   * Measures one code location of a template (a folder or a .zip relative to `templateDir`) the way it
   * will be deployed; `.aws-sam/build/<logicalId>` replaces it when that is newer than every source file.
   */
  async measureCode(templateDir: string, logicalId: string, ref: CodeRef, opts: MeasureOptions = {}, budget = new Budget(opts.limits)): Promise<CodeResult> {
    if (ref.kind !== 'path') return { status: 'unmeasurable', reason: unmeasurableReason(ref) };
    const path = resolve(templateDir, ref.path);
    const stat = await statOrUndefined(path);
    if (!stat) return { status: 'missing', path, reason: `${ref.path} does not exist (relative to the template's folder)` };
    const refused = await outsideBoundary(path, ref.path, opts.boundary);
    if (refused) return { status: 'unmeasurable', path, reason: refused };
    if (!stat.isDirectory() && !stat.isFile()) return { status: 'unmeasurable', path, reason: `${ref.path} is not a folder or a regular file (a pipe, socket or device); a package cannot be made of it` };
    try {
      if (ref.build.kind !== 'cdk-asset') {
        const built = await this.samBuild(templateDir, logicalId, path, stat, budget, opts);
        if (built) return built;
      }
      opts.uses?.add(path);
      if (stat.isFile()) return { ...(await this.measureZip(path, stat.size, stat.mtimeMs, budget)), basis: ref.build.kind === 'cdk-asset' ? 'cdk-asset' : 'zip', ...cdkNote(ref.build) };
      return await this.measureFolderAs(path, ref.build, budget, opts);
    } catch (e) {
      if (e instanceof MeasureCancelled) throw e;
      if (e instanceof MeasureLimit) return { status: 'too-large', path, reason: e.message, atLeastBytes: e.atLeastBytes };
      return { status: 'unmeasurable', path, reason: e instanceof Error ? e.message : String(e) };
    }
  }

  /** Sizes of a folder as it is (walked, compressed in workers, cached per file). */
  async measureFolder(path: string, opts: MeasureOptions = {}): Promise<CodeMeasurement> {
    return this.summary(path, [{ prefix: '', files: await this.folders.files(path, new Budget(opts.limits), opts) }]);
  }

  /** Files and unzipped bytes of a folder: a walk, no file read. */
  unzippedOnly(path: string, signal?: AbortSignal): Promise<{ files: number; unzippedBytes: number }> {
    return this.folders.unzipped(path, new Budget(), signal ? { signal } : {});
  }

  /** Tells the service files or folders changed (from a file watcher); their next measure updates them. */
  invalidate(paths: readonly string[]): void {
    this.folders.invalidate(paths);
    this.bundler.invalidate(paths);
    for (const p of paths) {
      this.zips.delete(p);
      if (CLOSURE_FILES.has(p.split(sep).at(-1)!)) for (const dir of this.closures.keys()) if (inside(dir, p)) this.closures.delete(dir);
    }
  }

  /** Drops caches (folders, bundles, archives) of everything outside `roots`: no open template needs them. */
  retain(roots: readonly string[]): void {
    this.folders.retain(roots);
    this.bundler.retain(roots);
    const kept = (p: string) => roots.some((r) => inside(r, p));
    for (const map of [this.zips, this.closures, this.summaries]) for (const p of map.keys()) if (!kept(p)) map.delete(p);
  }

  dispose(): void {
    this.bundler.dispose();
    this.pool.dispose();
  }

  /** The `sam build` output for the function when it is newer than every file of its source. */
  private async samBuild(templateDir: string, logicalId: string, path: string, stat: { isDirectory(): boolean; mtimeMs: number }, budget: Budget, opts: MeasureOptions): Promise<LocatedMeasurement | undefined> {
    const build = join(templateDir, SAM_BUILD_DIR, logicalId);
    const buildStat = await statOrUndefined(build);
    if (!buildStat?.isDirectory()) return undefined;
    const sourceNewest = stat.isDirectory() ? Math.max(stat.mtimeMs, await this.folders.newestMtime(path, new Budget(budget.limits), opts)) : stat.mtimeMs;
    if (buildStat.mtimeMs <= sourceNewest) return undefined;
    opts.uses?.add(path);
    opts.uses?.add(build);
    return { ...this.summary(build, [{ prefix: '', files: await this.folders.files(build, budget, opts) }]), basis: 'sam-build' };
  }

  private async measureFolderAs(path: string, build: BuildSpec, budget: Budget, opts: MeasureOptions): Promise<LocatedMeasurement | { status: 'unmeasurable'; path: string; reason: string }> {
    switch (build.kind) {
      case 'esbuild': {
        if (opts.trusted === false) return { status: 'unmeasurable', path, reason: UNTRUSTED_ESBUILD };
        const bundled = await this.bundler.measure(path, build.properties, budget, opts);
        if ('problem' in bundled) return { status: 'unmeasurable', path, reason: bundled.problem };
        budget.add(bundled.measurement.files, bundled.measurement.unzippedBytes);
        return { ...bundled.measurement, basis: 'esbuild', note: `bundled in memory with the project's esbuild ${bundled.esbuild}, as sam build would` };
      }
      case 'npm':
        return this.npmProduction(path, budget, opts);
      case 'cdk-asset':
        return { ...(await this.plainFolder(path, budget, opts)), basis: 'cdk-asset', ...cdkNote(build) };
      case 'as-is': {
        const folder = await this.plainFolder(path, budget, opts);
        // Only a build installs dependencies: content shipped as it is (a layer without BuildMethod) is complete.
        const manifests = build.runtime ? await dependencyManifests(path) : [];
        if (build.buildMethod === 'makefile') return { ...folder, basis: 'folder', partial: true, note: 'source only: built by your Makefile (BuildMethod makefile), whose output may differ; run sam build for the deployed size' };
        if (manifests.length === 0) return { ...folder, basis: 'folder' };
        return { ...folder, basis: 'folder', partial: true, note: `source only: dependencies in ${manifests.join(', ')} are not counted; run sam build for the full figure` };
      }
    }
  }

  private async plainFolder(path: string, budget: Budget, opts: MeasureOptions): Promise<CodeMeasurement> {
    return this.summary(path, [{ prefix: '', files: await this.folders.files(path, budget, opts) }]);
  }

  /** The source without node_modules, plus each production package as npm installed it. */
  private async npmProduction(path: string, budget: Budget, opts: MeasureOptions): Promise<LocatedMeasurement | { status: 'unmeasurable'; path: string; reason: string }> {
    let closure = opts.rescan ? undefined : this.closures.get(path);
    if (!closure) {
      closure = await productionClosure(path);
      this.closures.set(path, closure);
    }
    if (closure.kind === 'problem') return { status: 'unmeasurable', path, reason: closure.reason };
    if (closure.kind === 'no-manifest') return { ...(await this.plainFolder(path, budget, opts)), basis: 'folder' };
    const parts: FolderPart[] = [{ prefix: '', files: await this.folders.files(path, budget, { ...opts, exclude: NPM_SOURCE_EXCLUDES }) }];
    for (const pkg of closure.packages) {
      budget.checkTime();
      parts.push({ prefix: `${pkg}/`, files: await this.folders.files(join(path, pkg), budget, { ...opts, exclude: ['node_modules'], linkBound: path }) });
    }
    const count = closure.packages.length;
    const note = `source without node_modules, plus ${count} production ${count === 1 ? 'dependency' : 'dependencies'} (from the ${closure.from}), as sam build installs them; devDependencies are not counted`;
    return { ...this.summary(path, parts), basis: 'npm-production', note };
  }

  /** Sums the parts, reusing the last sum while none of them changed. */
  private summary(path: string, parts: readonly FolderPart[]): CodeMeasurement {
    const key = parts.map((p) => `${p.prefix}:${p.files.version}`).join('|');
    const hit = this.summaries.get(path);
    if (hit?.key === key) return hit.result;
    const result = summarize(path, parts);
    this.summaries.set(path, { key, result });
    return result;
  }

  private async measureZip(path: string, size: number, mtime: number, budget: Budget): Promise<CodeMeasurement> {
    const hit = this.zips.get(path);
    if (hit && hit.size === size && hit.mtime === mtime) {
      budget.add(hit.result.files, hit.result.unzippedBytes);
      return hit.result;
    }
    const result = await measureZipArchive(path, budget);
    this.zips.set(path, { size, mtime, result });
    return result;
  }
}

function cdkNote(build: BuildSpec): { note?: string } {
  if (build.kind !== 'cdk-asset') return {};
  return { note: build.bundled ? 'the CDK asset of the cloud assembly, bundled by CDK' : 'the CDK asset of the cloud assembly, as CDK uploads it' };
}

/** Why a code path is refused: it resolves (links followed) outside the boundary. */
async function outsideBoundary(path: string, written: string, boundary: Boundary | undefined): Promise<string | undefined> {
  if (!boundary) return undefined;
  const [real, bound] = await Promise.all([fs.realpath(path).catch(() => path), fs.realpath(boundary.path).catch(() => boundary.path)]);
  if (inside(bound, real)) return undefined;
  return `${written} resolves to ${real}, outside ${boundary.name} ${bound}: Lambda Lens measures only code inside it. Point the path at the function's own code, or open the folder that contains it`;
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
