/**
 * One model and one validation result per document version, shared by every feature (diagnostics,
 * code actions, hovers, code lenses). Nothing here knows about the LSP connection.
 */
import { updateTemplate } from '../template/incremental';
import type { Template } from '../template/model';
import { IncrementalValidation } from '../rules/incremental';
import type { Diagnostic, ValidationOptions } from '../rules/types';
import { WARM_UP } from '../config';

interface Entry {
  readonly version: number;
  readonly template: Template;
  /** Carried from version to version: after an edit only the checks whose inputs changed run again. */
  readonly validation: IncrementalValidation;
  diagnostics?: { readonly options: ValidationOptions; readonly list: Diagnostic[] };
}

export interface TextSource {
  readonly uri: string;
  readonly version: number;
  getText(): string;
}

export class Analyses {
  private readonly entries = new Map<string, Entry>();

  private warmed = false;

  /**
   * `warmUp` runs once, before the first validation of a document of at least `WARM_UP.resources`
   * resources (see features/warmUp.ts); it is given that validation's options and the document's
   * number of resources.
   */
  constructor(
    private readonly onRuleError: (ruleId: string, error: unknown) => void,
    private readonly warmUp: (options: ValidationOptions, resources: number) => void = () => undefined,
  ) {}

  /** The model of a document version, built on first use. */
  model(doc: TextSource): Template {
    const e = this.entries.get(doc.uri);
    if (e && e.version === doc.version) return e.template;
    // Typing inside one resource re-parses only that resource.
    const entry: Entry = { version: doc.version, template: updateTemplate(e?.template, doc.getText()), validation: e?.validation ?? new IncrementalValidation(this.onRuleError) };
    this.entries.set(doc.uri, entry);
    return entry.template;
  }

  /** Diagnostics of a document version under the given options, computed once per (version, options). */
  diagnostics(doc: TextSource, options: ValidationOptions): Diagnostic[] {
    const template = this.model(doc);
    const entry = this.entries.get(doc.uri)!;
    if (entry.diagnostics?.options === options) return entry.diagnostics.list;
    if (!this.warmed && template.resources.size >= WARM_UP.resources) {
      this.warmed = true;
      this.warmUp(options, template.resources.size);
    }
    const list = entry.validation.validate(template, options);
    entry.diagnostics = { options, list };
    return list;
  }

  forget(uri: string): void {
    this.entries.delete(uri);
  }
}
