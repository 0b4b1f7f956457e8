/**
 * Validation options per open document: the settings, "today", the template's path on disk and its
 * package measurements. The same object is returned until one of them changes, so the diagnostics
 * cached for a document version are reused rather than recomputed; a new (UTC) day is such a change,
 * since runtime lifecycle dates compare days.
 */
import { isDeepStrictEqual } from 'node:util';
import { fileURLToPath } from 'node:url';
import type { PackageSizeSource, ValidationOptions } from '../rules/types';
import { utcDay } from '../runtimes';
import type { Template } from '../template/model';
import { PackageSizes } from './packageSizes';
import { editorOptions } from './settings';
import type { ServerSettings } from './settings';

interface Entry {
  readonly base: ValidationOptions;
  readonly source: PackageSizeSource | undefined;
  readonly deployed: ValidationOptions['deployed'];
  readonly options: ValidationOptions;
}

export class DocumentOptions {
  private settings: ServerSettings;
  private base: ValidationOptions;
  private bundleSizes: boolean;
  private readonly entries = new Map<string, Entry>();
  private deployedOf: (uri: string) => ValidationOptions['deployed'] = () => undefined;

  /** `now` is read on every validation (injectable for tests). */
  constructor(
    private readonly sizes: PackageSizes,
    settings: ServerSettings,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.settings = settings;
    this.base = editorOptions(settings, now());
    this.bundleSizes = settings.bundleSizeEnabled;
  }

  /** True while `lambdaLens.bundleSize.enabled` is on. */
  get bundleSizeEnabled(): boolean {
    return this.bundleSizes;
  }

  /** Where a document's deployed stack comes from (the deployed view), for deployed/drift. */
  setDeployedSource(of: (uri: string) => ValidationOptions['deployed']): void {
    this.deployedOf = of;
  }

  /**
   * Takes new settings; false (and nothing changes) when they equal the ones in force, as the editor's
   * first answer after start-up usually does: the options stay the same objects, so no document is
   * validated again for them.
   */
  applySettings(settings: ServerSettings): boolean {
    if (isDeepStrictEqual(settings, this.settings)) return false;
    this.settings = settings;
    this.base = editorOptions(settings, this.now());
    this.bundleSizes = settings.bundleSizeEnabled;
    if (!this.bundleSizes) this.sizes.clear();
    return true;
  }

  /** Options for a document; also starts measuring its functions when their code locations changed. */
  for(uri: string, template: Template | undefined): ValidationOptions {
    if (this.bundleSizes && template) this.sizes.track(uri, template);
    const today = this.now();
    if (utcDay(today) !== utcDay(this.base.today)) this.base = editorOptions(this.settings, today);
    const source = this.bundleSizes ? this.sizes.source(uri) : undefined;
    const deployed = this.deployedOf(uri);
    const cached = this.entries.get(uri);
    if (cached && cached.base === this.base && cached.source === source && cached.deployed === deployed) return cached.options;
    const onDisk = PackageSizes.templateDir(uri) !== undefined;
    const options: ValidationOptions = {
      ...this.base,
      ...(onDisk ? { templatePath: fileURLToPath(uri) } : {}),
      ...(source ? { packageSizes: source } : {}),
      ...(deployed ? { deployed } : {}),
    };
    this.entries.set(uri, { base: this.base, source, deployed, options });
    return options;
  }

  forget(uri: string): void {
    this.entries.delete(uri);
  }
}
