/**
 * Live diagnostics: validate on open and on every change, at once when the document's last
 * validations were fast or the change came after a pause longer than one of them, and after a debounce
 * when changes come faster than validations finish (a newer change restarts the wait); publish
 * only for the version that is still current (a newer edit supersedes an older result), clear on close.
 * The validation on open checks everything and says nothing of what a keystroke costs (after an edit
 * only what changed is checked again): it is not counted, and until a change's validation has been
 * timed, changes are validated at once.
 */
import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { VALIDATION_DEBOUNCE } from '../config';
import type { ValidationOptions } from '../rules/types';
import type { Analyses } from './analyses';
import { toLspDiagnostic } from './convert';

export interface DiagnosticsFeature {
  /** Re-validates every open document (after a settings change). */
  revalidateAll(): void;
  /** Validates one document now, skipping the debounce. */
  validateNow(uri: string): void;
}

export function registerDiagnostics(
  connection: Connection,
  documents: TextDocuments<TextDocument>,
  analyses: Analyses,
  options: (uri: string) => ValidationOptions,
): DiagnosticsFeature {
  const timers = new Map<string, NodeJS.Timeout>();
  const published = new Map<string, { version: number; options: ValidationOptions }>();
  /** Milliseconds the last validations of each document took (a few, so one slow run does not decide alone). */
  const lastMs = new Map<string, number[]>();
  /** When each document last changed, to tell typing faster than validation from a pause. */
  const lastChange = new Map<string, number>();

  const publish = (uri: string, timed = true) => {
    timers.delete(uri);
    const doc = documents.get(uri);
    if (!doc) return;
    const version = doc.version;
    const current = options(uri);
    const last = published.get(uri);
    // Opening a document also reports it as changed: publish each (version, settings) once.
    if (last?.version === version && last.options === current) return;
    published.set(uri, { version, options: current });
    const started = performance.now();
    const template = analyses.model(doc);
    const list = analyses.diagnostics(doc, current);
    if (timed) lastMs.set(uri, [performance.now() - started, ...(lastMs.get(uri) ?? [])].slice(0, VALIDATION_DEBOUNCE.window));
    // A newer version may have arrived while validating: its own run will publish.
    if (documents.get(uri)?.version !== version) return;
    void connection.sendDiagnostics({ uri, version, diagnostics: list.map((d) => toLspDiagnostic(template, uri, d)) });
  };

  const schedule = (uri: string) => {
    clearTimeout(timers.get(uri));
    const now = performance.now();
    const pause = now - (lastChange.get(uri) ?? -Infinity);
    lastChange.set(uri, now);
    // A zero delay still lets the changes already received arrive first: only the newest is validated.
    timers.set(uri, setTimeout(() => publish(uri), validateAtOnce(lastMs.get(uri), pause) ? 0 : VALIDATION_DEBOUNCE.debounceMs));
  };

  documents.onDidOpen((e) => publish(e.document.uri, false));
  documents.onDidChangeContent((e) => schedule(e.document.uri));
  documents.onDidClose((e) => {
    clearTimeout(timers.get(e.document.uri));
    timers.delete(e.document.uri);
    published.delete(e.document.uri);
    lastMs.delete(e.document.uri);
    lastChange.delete(e.document.uri);
    analyses.forget(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  return {
    revalidateAll: () => {
      for (const doc of documents.all()) schedule(doc.uri);
    },
    validateNow: (uri) => publish(uri),
  };
}

/**
 * Whether a change that came `pause` milliseconds after the one before is validated at once, given
 * the milliseconds its document's last timed validations took (none yet: at once). Waiting pays only
 * when changes come faster than a validation takes: a burst then becomes one run.
 */
export function validateAtOnce(costs: readonly number[] | undefined, pause: number): boolean {
  if (!costs || costs.length === 0) return true;
  const cost = median(costs);
  return cost <= VALIDATION_DEBOUNCE.fastMs || pause > cost;
}

function median(xs: readonly number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}
