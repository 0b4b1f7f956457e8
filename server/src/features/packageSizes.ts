/**
 * Keeps package-size measurements for open templates: one measurement run per document, started when
 * the functions' code locations change (not on every keystroke), cancelled when the document closes,
 * redone for the affected documents when watched code files change. Rules and code lenses read the
 * results; while a function's first measurement is pending they see nothing (`undefined`).
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { locateFunctions } from '../measure/locate';
import { MeasureCancelled } from '../measure/pool';
import { SAM_BUILD_DIR, unmeasurableReason } from '../measure/service';
import type { PackageSizeService } from '../measure/service';
import type { FunctionSize } from '../measure/types';
import type { PackageSizeSource } from '../rules/types';
import type { Template } from '../template/model';

interface DocState {
  /** The code specs measured, as JSON: a new run starts only when they change. */
  key: string;
  /** Each function's spec as JSON: results survive a new run only for functions whose code did not move. */
  readonly specKeys: Map<string, string>;
  readonly templateDir: string;
  results: Map<string, FunctionSize>;
  /** A new object per result change, so cached diagnostics computed with the old one are recomputed. */
  source: PackageSizeSource;
  controller: AbortController | undefined;
  /** Set when files changed during a run: run again when it finishes. */
  again: boolean;
  template: Template;
}

export class PackageSizes {
  private readonly docs = new Map<string, DocState>();
  private announced = '';

  /**
   * @param onMeasured called with a document's uri whenever its measurements change.
   * @param onFolders called when the set of measured folders changes (for the client's watcher).
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
    const state: DocState = { key, specKeys, templateDir, results, source: sourceOf(results), controller: undefined, again: false, template };
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

  /** True while a run for the document is in progress. */
  pending(uri: string): boolean {
    return this.docs.get(uri)?.controller !== undefined;
  }

  /** Stops measuring for a closed document and forgets its results. */
  close(uri: string): void {
    this.docs.get(uri)?.controller?.abort();
    this.docs.delete(uri);
  }

  /** Stops everything (settings turned the feature off). */
  clear(): void {
    for (const uri of [...this.docs.keys()]) this.close(uri);
  }

  /** Watched files changed: re-measure every open template (unchanged files are not read again). */
  filesChanged(paths: readonly string[]): void {
    this.service.invalidate(paths);
    for (const [uri, state] of this.docs) {
      if (state.controller) state.again = true;
      else void this.run(uri, state);
    }
  }

  private async run(uri: string, state: DocState, rescan = false): Promise<void> {
    const controller = new AbortController();
    state.controller = controller;
    try {
      for (const lf of locateFunctions(state.template)) {
        const size = await this.service.measureFunction(state.templateDir, lf.spec, { signal: controller.signal, rescan });
        if (this.docs.get(uri) !== state) return;
        state.results.set(lf.spec.id, size);
      }
    } catch (e) {
      if (e instanceof MeasureCancelled || this.docs.get(uri) !== state) return;
      // Never an unhandled rejection in the server: the lens says what went wrong instead.
      const reason = `measuring failed (${e instanceof Error ? e.message : String(e)}); edit or reopen the template to retry`;
      for (const lf of locateFunctions(state.template)) {
        if (!state.results.has(lf.spec.id)) state.results.set(lf.spec.id, { status: 'unmeasurable', id: lf.spec.id, reason });
      }
    } finally {
      if (state.controller === controller) state.controller = undefined;
    }
    state.source = sourceOf(state.results);
    this.announceFolders();
    this.onMeasured(uri);
    if (state.again) {
      state.again = false;
      void this.run(uri, state);
    }
  }

  /** Tells the client which folders to watch: measured code, plus each template's sam build output. */
  private announceFolders(): void {
    const folders = new Set(this.service.watchedFolders());
    for (const state of this.docs.values()) folders.add(join(state.templateDir, SAM_BUILD_DIR));
    const key = [...folders].sort().join('\n');
    if (key === this.announced) return;
    this.announced = key;
    this.onFolders([...folders].sort());
  }
}

function sourceOf(results: ReadonlyMap<string, FunctionSize>): PackageSizeSource {
  return { get: (id) => results.get(id) };
}
