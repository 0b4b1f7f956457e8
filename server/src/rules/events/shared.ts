/** Pieces the trigger and edge rules share: effective numbers with their defaults. */
import { get } from '../../template/ast';
import type { MapNode } from '../../template/ast';
import type { FunctionView } from '../../template/functions';
import type { Template } from '../../template/model';
import { resolveNumbers } from '../../template/resolve';
import type { Candidate } from '../../template/resolve';

/** A known number and where it was written; `at` undefined when it is the default. */
export interface Effective {
  readonly value: number;
  readonly candidate: (Candidate & { value: number }) | undefined;
}

/**
 * The known values of `key` in `props`, or the default when the key is absent. Unknown values
 * (a parameter without Default, an import) give nothing, so rules stay silent.
 */
export function effectiveNumbers(t: Template, props: MapNode | undefined, key: string, fallback: number): Effective[] {
  const node = get(props, key);
  if (node === undefined) return [{ value: fallback, candidate: undefined }];
  return resolveNumbers(t, node).map((c) => ({ value: c.value, candidate: c }));
}

/** The largest known Timeout of a function (the default when unset); undefined when unknown. */
export function maxTimeout(t: Template, f: FunctionView, fallback: number): Effective | undefined {
  const all = effectiveNumbers(t, f.props, 'Timeout', fallback);
  return all.reduce<Effective | undefined>((a, b) => (a === undefined || b.value > a.value ? b : a), undefined);
}
