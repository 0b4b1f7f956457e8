/** The per-region function filter: a case-insensitive substring, or `/regex/flags`. */
import type { FunctionSummary } from '../../../server/src/aws/lambdaApi';

/** A parsed filter, or the reason the text is not one. */
export type ParsedFilter = { ok: true; text: string; test: (name: string) => boolean } | { ok: false; text: string; reason: string };

/** Parses filter text; `/…/` (with optional flags) is a regular expression, anything else a substring. */
export function parseFilter(text: string): ParsedFilter {
  const t = text.trim();
  const re = /^\/(.+)\/([a-z]*)$/.exec(t);
  if (re) {
    try {
      // Stateful flags would make test() skip matches between calls.
      const regex = new RegExp(re[1] ?? '', (re[2] ?? '').replace(/[gy]/g, ''));
      return { ok: true, text: t, test: (name) => regex.test(name) };
    } catch (e) {
      return { ok: false, text: t, reason: `Not a valid regular expression: ${(e as Error).message}` };
    }
  }
  const needle = t.toLowerCase();
  return { ok: true, text: t, test: (name) => name.toLowerCase().includes(needle) };
}

/** The functions whose name passes the filter. */
export function applyFilter(functions: readonly FunctionSummary[], filter: ParsedFilter | undefined): readonly FunctionSummary[] {
  if (!filter?.ok || filter.text === '') return functions;
  return functions.filter((f) => filter.test(f.name));
}

const NUMBER = new Intl.NumberFormat('en-US');

/** `1,234` */
export function formatCount(n: number): string {
  return NUMBER.format(n);
}
