/**
 * Keeps package-size measurements for open templates: one measurement run per document, started when
 * the functions' code locations change (not on every keystroke), cancelled when the document closes,
 * redone for the affected documents when watched code files change. Rules and code lenses read the
 * results; while a function's first measurement is pending they see nothing (`undefined`).
 *
 * Measurements stay inside the template's workspace folder (or the template's own folder when it is in
 * none), and what the service caches and the client watches is exactly what open templates use.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { locateFunctions } from '../measure/locate';
import { MeasureCancelled } from '../measure/pool';
import { inside } from '../measure/scan';
import { SAM_BUILD_DIR, unmeasurableReason } from '../measure/service';
import type { Boundary, PackageSizeService } from '../measure/service';
import type { FunctionSize, MeasuredSize } from '../measure/types';
import type { PackageSizeSource } from '../rules/types';
import type { Template } from '../template/model';

interface DocState {
  /** The code specs measured, as JSON: a new run starts only when they change. */
  key: string;
  /** Each function's spec as JSON: results survive a new run only for functions whose code did not move. */
  readonly specKeys: Map<string, string>;
  readonly templateDir: string;
  readonly boundary: Boundary;
  results: Map<string, FunctionSize>;
  /** A new object per result change, so cached diagnostics computed with the old one are recomputed. */
  source: PackageSizeSource;
  controller: AbortController | undefined;
  /** Set when files changed during a run: run again when it finishes. */
  again: boolean;
  template: Template;
  /** Folders and files the last completed run read. */
  uses: ReadonlySet<string>;
  /** What the run in progress has read so far: kept cached too, so another run's release cannot drop it. */
  live: ReadonlySet<string>;
}

export class PackageSizes {
  private readonly docs = new Map<string, DocState>();
  private workspaceFolders: string[] = [];
  private trusted = true;
  private announced = '';

  /**
   * @param onMeasured called with a document's uri whenever its measurements change.
   * @param onFolders called when the set of measured folders and files changes (for the client's watcher).
   */
  constructor(
    private readonly service: PackageSizeService,
    private readonly onMeasured: (uri: string) => void,
    private readonly onFolders: (folders: string[]) => void,
  ) {}

  /** The template's folder for file URIs; undefined for unsaved documents, whose code cannot be located. */
  static templateDir(uri: string): string | undefined {
    if (!uri.startsWith('file:')) return undefined;
    try {
      return dirname(fileURLToPath(uri));
    } catch {
      return undefined;
    }
  }

  /** The editor's workspace folders (absolute paths); code of a template must lie in the one holding it. */
  setWorkspaceFolders(folders: readonly string[]): void {
    this.workspaceFolders = [...folders];
  }

  /**
   * Whether the workspace is trusted (the editor's Restricted Mode when not): untrusted, no code of the
   * project is run. Granting trust measures the open templates again.
   */
  setTrusted(trusted: boolean): void {
    if (trusted === this.trusted) return;
    this.trusted = trusted;
    for (const [uri, state] of this.docs) this.rerun(uri, state);
  }

  /** Starts measuring the document's functions if their code locations changed since the last run. */
  track(uri: string, template: Template): void {
    const templateDir = PackageSizes.templateDir(uri);
    if (!templateDir || !template.isTemplate) return;
    const old = this.docs.get(uri);
    // Validation, code actions and lenses all ask for the same model version: locate its code once.
    if (old?.template === template) return;
    const located = locateFunctions(template);
    const specKeys = new Map(located.map((f) => [f.spec.id, JSON.stringify(f.spec)]));
    const key = JSON.stringify([...specKeys]);
    if (old && old.key === key) {
      old.template = template;
      return;
    }
    old?.controller?.abort();
    const results = new Map<string, FunctionSize>();
    for (const [id, spec] of specKeys) {
      const kept = old?.specKeys.get(id) === spec ? old.results.get(id) : undefined;
      if (kept) results.set(id, kept);
    }
    // Images, S3 and inline code need no disk: known at once.
    for (const lf of located) {
      if (lf.spec.code.kind !== 'path') results.set(lf.spec.id, { status: 'unmeasurable', id: lf.spec.id, reason: unmeasurableReason(lf.spec.code) });
    }
    const state: DocState = { key, specKeys, templateDir, boundary: this.boundaryOf(templateDir), results, source: sourceOf(results), controller: undefined, again: false, template, uses: old?.uses ?? new Set(), live: new Set() };
    this.docs.set(uri, state);
    // A newly opened template walks its folders again: files may have changed while nothing watched them.
    void this.run(uri, state, !old);
  }

  /** Measurements of a document's functions for the rules; `get` is undefined while pending. */
  source(uri: string): PackageSizeSource | undefined {
    return this.docs.get(uri)?.source;
  }

  /** The measurement of one function, undefined while its first measurement is pending. */
  get(uri: string, id: string): FunctionSize | undefined {
    return this.docs.get(uri)?.results.get(id);
  }

  /** The measurement of one function when it is measured (the breakdown's data), else null. */
  measured(uri: string, id: string): MeasuredSize | null {
    const size = this.get(uri, id);
    return size?.status === 'measured' ? size : null;
  }

  /** True while a run for the document is in progress. */
  pending(uri: string): boolean {
    return this.docs.get(uri)?.controller !== undefined;
  }

  /** Stops measuring for a closed document, forgets its results and releases what only it used. */
  close(uri: string): void {
    this.docs.get(uri)?.controller?.abort();
    if (this.docs.delete(uri)) this.release();
  }

  /** Stops everything (settings turned the feature off). */
  clear(): void {
    for (const state of this.docs.values()) state.controller?.abort();
    this.docs.clear();
    this.release();
  }

  /** Watched files changed: re-measure the open templates that use them (unchanged files are not read again). */
  filesChanged(paths: readonly string[]): void {
    this.service.invalidate(paths);
    for (const [uri, state] of this.docs) {
      const affected = paths.some((p) => [...state.uses].some((u) => inside(u, p) || inside(p, u)) || inside(join(state.templateDir, SAM_BUILD_DIR), p));
      if (affected) this.rerun(uri, state);
    }
  }

  /** Measures a document again: now, or after the run in progress. */
  private rerun(uri: string, state: DocState): void {
    if (state.controller) state.again = true;
    else void this.run(uri, state);
  }

  private boundaryOf(templateDir: string): Boundary {
    const folder = this.workspaceFolders.filter((f) => inside(f, templateDir)).sort((a, b) => b.length - a.length)[0];
    return folder ? { path: folder, name: 'the workspace folder' } : { path: templateDir, name: "the template's folder (it is in no workspace folder)" };
  }

  private async run(uri: string, state: DocState, rescan = false): Promise<void> {
    const controller = new AbortController();
    state.controller = controller;
    const uses = new Set<string>();
    state.live = uses;
    try {
      for (const lf of locateFunctions(state.template)) {
        const size = await this.service.measureFunction(state.templateDir, lf.spec, { signal: controller.signal, rescan, boundary: state.boundary, uses, trusted: this.trusted });
        if (this.docs.get(uri) !== state) return;
        state.results.set(lf.spec.id, size);
      }
      state.uses = uses;
    } catch (e) {
      if (e instanceof MeasureCancelled || this.docs.get(uri) !== state) return;
      // Never an unhandled rejection in the server: the lens says what went wrong instead.
      const reason = `measuring failed (${e instanceof Error ? e.message : String(e)}); edit or reopen the template to retry`;
      for (const lf of locateFunctions(state.template)) {
        if (!state.results.has(lf.spec.id)) state.results.set(lf.spec.id, { status: 'unmeasurable', id: lf.spec.id, reason });
      }
    } finally {
      if (state.controller === controller) {
        state.controller = undefined;
        state.live = new Set();
      }
    }
    state.source = sourceOf(state.results);
    this.release();
    this.onMeasured(uri);
    if (state.again) {
      state.again = false;
      void this.run(uri, state);
    }
  }

  /**
   * Keeps cached only what open templates use, and tells the client which folders to watch: the
   * measured code (outermost folders only) plus each template's sam build output.
   */
  private release(): void {
    const used = new Set<string>();
    for (const state of this.docs.values()) for (const u of [...state.uses, ...state.live]) used.add(u);
    this.service.retain([...used]);
    const watched = new Set<string>();
    for (const state of this.docs.values()) for (const u of state.uses) watched.add(u);
    for (const state of this.docs.values()) watched.add(join(state.templateDir, SAM_BUILD_DIR));
    const outermost = [...watched].filter((u) => ![...watched].some((o) => o !== u && inside(o, u))).sort();
    const key = outermost.join('\n');
    if (key === this.announced) return;
    this.announced = key;
    this.onFolders(outermost);
  }
}

function sourceOf(results: ReadonlyMap<string, FunctionSize>): PackageSizeSource {
  return { get: (id) => results.get(id) };
}
