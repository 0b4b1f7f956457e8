/** Pieces the trigger and edge rules share: effective numbers with their defaults, and key insertion. */
import { get } from '../../template/ast';
import type { MapNode, Range } from '../../template/ast';
import type { FunctionView } from '../../template/functions';
import type { Template } from '../../template/model';
import { resolveNumbers } from '../../template/resolve';
import type { Candidate } from '../../template/resolve';
import type { Fix, TextEdit } from '../types';

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

/**
 * An edit adding `key: value` as the first entry of `map` (block or flow YAML, or JSON), or a new
 * `Properties` map under `resourceNode` when the resource has none.
 */
export function insertKeyEdit(text: string, map: MapNode | undefined, resourceNode: MapNode, key: string, value: string): TextEdit | undefined {
  const json = text.trimStart().startsWith('{');
  if (map) {
    const first = map.pairs[0];
    const flow = text[map.range.start] === '{';
    if (!first) return flow ? { range: at(map.range.start + 1), newText: json ? `"${key}": ${value}` : ` ${key}: ${value} ` } : undefined;
    if (flow || json) return { range: at(first.keyRange.start), newText: json ? `"${key}": ${value}, ` : `${key}: ${value}, ` };
    const indent = columnOf(text, first.keyRange.start);
    return { range: at(first.keyRange.start), newText: `${key}: ${value}\n${' '.repeat(indent)}` };
  }
  const type = resourceNode.pairs.find((p) => p.key === 'Type');
  if (!type || json || text[resourceNode.range.start] === '{') return undefined;
  const indent = columnOf(text, type.keyRange.start);
  const pad = ' '.repeat(indent);
  return { range: at(type.value.range.end), newText: `\n${pad}Properties:\n${pad}  ${key}: ${value}` };
}

function at(offset: number): Range {
  return { start: offset, end: offset };
}

function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

/** A fix replacing a string value (or the parameter Default it came from), keeping its quote style. */
export function stringFix(text: string, c: Candidate, value: string): Fix {
  const range = c.via[0] ?? c.at;
  const quote = text[range.start];
  const newText = quote === '"' ? JSON.stringify(value) : quote === "'" ? `'${value}'` : value;
  return { title: `Change to ${value}`, edits: [{ range, newText }] };
}
