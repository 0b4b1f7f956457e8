/**
 * esbuild functions measured as `sam build` would deploy them: bundled in memory with the esbuild the
 * project itself has installed (resolved from the code folder upwards, as `sam build` uses the
 * project's; ours is never used), then sized as a deflate zip of the output files. One incremental
 * esbuild context per function is kept while a template needs it, and it rebuilds only when a file of
 * the last bundle's input graph or the build properties changed.
 */
import { promises as fs } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { deflateRaw } from 'node:zlib';
import type { BuildContext, BuildOptions, BuildResult, Metafile } from 'esbuild';
import type { Budget } from './limits';
import { MeasureCancelled } from './pool';
import { inside, ZIP_LEVEL } from './scan';
import { largestFiles } from './summary';
import { heaviestModules } from './modules';
import { esbuildOptions, VIRTUAL_OUTDIR } from './esbuildOptions';
import { archiveOverhead, entryOverhead } from './zipFormat';
import type { CodeMeasurement, EsbuildProperties, MeasureStats, ModuleShare } from './types';

const deflate = promisify(deflateRaw);

/** The part of esbuild's API the measurement uses (any version with `context` or `build`). */
interface EsbuildApi {
  readonly version: string;
  build(options: BuildOptions): Promise<BuildResult>;
  context?(options: BuildOptions): Promise<BuildContext>;
}

/** A bundle's figures, or why there is none (no esbuild installed, a build error, a missing entry). */
export type BundleOutcome = { readonly measurement: CodeMeasurement & { readonly modules: readonly ModuleShare[] }; readonly esbuild: string } | { readonly problem: string };

interface Stamp {
  readonly size: number;
  readonly mtime: number;
}

interface BundleState {
  readonly key: string;
  readonly codeDir: string;
  readonly api: EsbuildApi;
  context: BuildContext | undefined;
  /** Absolute paths of the last bundle's inputs, with their size and mtime then. */
  inputs: Map<string, Stamp>;
  /** Folders whose changes can change the bundle: the code folder and the node_modules it reads. */
  roots: string[];
  outcome: BundleOutcome | undefined;
  dirty: boolean;
  /** Serializes builds: an esbuild context runs one rebuild at a time. */
  queue: Promise<unknown>;
}

/** Files whose change can change what imports resolve to, wherever they are. */
const RESOLUTION_FILES = new Set(['package.json', 'tsconfig.json', 'jsconfig.json']);

export class Bundler {
  private readonly states = new Map<string, BundleState>();

  constructor(private readonly stats: MeasureStats) {}

  /** Bundles (or reuses the last bundle of) a function's code folder with its build properties. */
  async measure(codeDir: string, props: EsbuildProperties, budget: Budget, opts: { rescan?: boolean; signal?: AbortSignal; uses?: Set<string> } = {}): Promise<BundleOutcome> {
    const built = await esbuildOptions(codeDir, props);
    if ('problem' in built) return built;
    const api = loadEsbuild(codeDir);
    if (!api) {
      return { problem: `no esbuild installed for ${codeDir}: install esbuild in the project (npm install --save-dev esbuild), as sam build needs it for BuildMethod esbuild; nothing was measured` };
    }
    const key = JSON.stringify([api.path, built.options]);
    let state = this.states.get(codeDir);
    if (state && state.key !== key) {
      void state.context?.dispose();
      state = undefined;
    }
    if (!state) {
      state = { key, codeDir, api: api.api, context: undefined, inputs: new Map(), roots: [codeDir], outcome: undefined, dirty: true, queue: Promise.resolve() };
      this.states.set(codeDir, state);
    }
    const s = state;
    opts.uses?.add(codeDir);
    const run = s.queue.then(async () => {
      const failed = s.outcome !== undefined && 'problem' in s.outcome;
      if (!s.dirty && s.outcome && opts.rescan && (failed || (await changedSince(s.inputs)))) s.dirty = true;
      if (s.dirty || !s.outcome) await this.build(s, built.options, budget, opts.signal);
      return s.outcome!;
    });
    s.queue = run.catch(() => undefined);
    const outcome = await run;
    for (const r of s.roots) opts.uses?.add(r);
    return outcome;
  }

  /** Marks bundles stale whose inputs (or any file deciding how imports resolve) changed. */
  invalidate(paths: readonly string[]): void {
    for (const s of this.states.values()) {
      if (s.dirty) continue;
      const failed = s.outcome !== undefined && 'problem' in s.outcome;
      s.dirty = paths.some((p) => (failed && s.roots.some((r) => inside(r, p))) || s.inputs.has(p) || (RESOLUTION_FILES.has(p.split(sep).at(-1)!) && s.roots.some((r) => inside(r, p))) || [...s.inputs.keys()].some((i) => inside(p, i) && i !== p));
    }
  }

  /** Disposes the contexts of code folders no longer inside one of `roots`. */
  retain(roots: readonly string[]): void {
    for (const [dir, s] of this.states) {
      if (roots.some((r) => inside(r, dir))) continue;
      void s.context?.dispose();
      this.states.delete(dir);
    }
  }

  dispose(): void {
    this.retain([]);
  }

  private async build(s: BundleState, options: BuildOptions, budget: Budget, signal: AbortSignal | undefined): Promise<void> {
    this.stats.bundles++;
    let result: BuildResult;
    try {
      result = await withDeadline(s, options, budget);
    } catch (e) {
      if (e instanceof Deadline) budget.stop('time');
      s.outcome = { problem: buildProblem(s.codeDir, e) };
      // A failed build reports no input graph: any change in the code folder may fix it.
      s.inputs = new Map();
      s.dirty = false;
      return;
    }
    if (signal?.aborted) throw new MeasureCancelled();
    const outdir = join(s.codeDir, VIRTUAL_OUTDIR);
    const names: string[] = [];
    const sizes: number[] = [];
    let zipped = 0;
    let unzipped = 0;
    for (const f of result.outputFiles ?? []) {
      const name = relative(outdir, f.path).split(sep).join('/');
      names.push(name);
      sizes.push(f.contents.length);
      unzipped += f.contents.length;
      if (unzipped > budget.limits.maxBytes) budget.stop('bytes', unzipped);
      const deflated = (await deflate(f.contents, { level: ZIP_LEVEL })).length;
      zipped += Math.min(deflated, f.contents.length) + entryOverhead(name);
    }
    zipped += archiveOverhead(names.length, unzipped);
    const metafile = result.metafile!;
    const inputs = inputsOf(metafile, s.codeDir);
    s.inputs = await stamps(inputs);
    s.roots = watchRoots(s.codeDir, inputs);
    s.outcome = {
      esbuild: s.api.version,
      measurement: {
        kind: 'bundle',
        path: s.codeDir,
        files: names.length,
        unzippedBytes: unzipped,
        zippedBytes: zipped,
        largestFolders: [],
        largestFiles: largestFiles(names, sizes),
        skipped: [],
        skippedCount: 0,
        modules: heaviestModules(metafile, s.codeDir),
      },
    };
    s.dirty = false;
  }
}

class Deadline extends Error {}

/** Builds (or rebuilds incrementally), giving up at the budget's deadline. */
async function withDeadline(s: BundleState, options: BuildOptions, budget: Budget): Promise<BuildResult> {
  const build = async () => {
    if (!s.api.context) return s.api.build(options);
    s.context ??= await s.api.context(options);
    return s.context.rebuild();
  };
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Deadline()), Math.max(0, budget.deadline - Date.now()));
  });
  try {
    return await Promise.race([build(), late]);
  } catch (e) {
    if (e instanceof Deadline) {
      // The build may still be running: drop the context so its process stops.
      void s.context?.dispose();
      s.context = undefined;
    }
    throw e;
  } finally {
    clearTimeout(timer);
  }
}

/** The esbuild package the project would use: resolved from the code folder upwards. */
function loadEsbuild(codeDir: string): { api: EsbuildApi; path: string } | undefined {
  const req = createRequire(join(codeDir, 'package.json'));
  let path: string;
  try {
    path = req.resolve('esbuild');
  } catch {
    return undefined;
  }
  try {
    const api = req(path) as EsbuildApi;
    return typeof api.build === 'function' ? { api, path } : undefined;
  } catch {
    return undefined;
  }
}

function buildProblem(codeDir: string, e: unknown): string {
  const errors = (e as { errors?: Array<{ text: string; location?: { file: string; line: number; column: number } | null }> }).errors;
  const first = errors?.[0];
  if (first) {
    const at = first.location ? ` (${first.location.file}:${first.location.line}:${first.location.column + 1})` : '';
    const more = errors.length > 1 ? ` and ${errors.length - 1} more error${errors.length > 2 ? 's' : ''}` : '';
    return `esbuild could not bundle ${codeDir}: ${first.text}${at}${more}. Fix the code and the size follows`;
  }
  return `esbuild could not bundle ${codeDir}: ${e instanceof Error ? e.message : String(e)}`;
}

/** Absolute paths of the files a bundle read (virtual modules left out). */
function inputsOf(metafile: Metafile | undefined, codeDir: string): string[] {
  if (!metafile) return [];
  return Object.keys(metafile.inputs).filter((p) => !/^[(<]|^[a-z]+:/i.test(p)).map((p) => resolve(codeDir, p));
}

async function stamps(paths: readonly string[]): Promise<Map<string, Stamp>> {
  const out = new Map<string, Stamp>();
  await Promise.all(paths.map(async (p) => {
    try {
      const st = await fs.stat(p);
      out.set(p, { size: st.size, mtime: st.mtimeMs });
    } catch {
      out.set(p, { size: -1, mtime: -1 });
    }
  }));
  return out;
}

async function changedSince(inputs: ReadonlyMap<string, Stamp>): Promise<boolean> {
  const now = await stamps([...inputs.keys()]);
  for (const [p, was] of inputs) {
    const is = now.get(p)!;
    if (is.size !== was.size || is.mtime !== was.mtime) return true;
  }
  return false;
}

/** The code folder, plus each node_modules folder outside it that the bundle read from. */
function watchRoots(codeDir: string, inputs: readonly string[]): string[] {
  const roots = new Set([codeDir]);
  for (const p of inputs) {
    if (inside(codeDir, p)) continue;
    const at = p.lastIndexOf(`${sep}node_modules${sep}`);
    roots.add(at >= 0 ? p.slice(0, at + `${sep}node_modules`.length) : dirname(p));
  }
  return [...roots];
}
