/**
 * Text edits that set a key in a map node, for quick fixes: replace the value when the key is there,
 * otherwise insert the key in the map's own style (block YAML, flow YAML or JSON) so the result parses.
 */
import type { MapNode } from '../template/ast';
import type { Template } from '../template/model';
import type { TextEdit } from './types';

/** A scalar to write: YAML is written bare, JSON quoted unless it is a number or boolean. */
export type ScalarText = string | number | boolean;

/** True when the document is JSON (JSON keys and values need quotes). */
export function isJson(t: Template): boolean {
  return t.text.trimStart().startsWith('{');
}

/** A scalar as it must be written in this document. */
export function scalarText(t: Template, value: ScalarText): string {
  return isJson(t) && typeof value === 'string' ? JSON.stringify(value) : String(value);
}

/** The edit that makes `map[key]` equal `value`. */
export function setKeyEdit(t: Template, map: MapNode, key: string, value: ScalarText): TextEdit {
  const existing = map.pairs.find((p) => p.key === key);
  if (existing) return { range: existing.value.range, newText: scalarText(t, value) };
  const json = isJson(t);
  const entry = `${json ? JSON.stringify(key) : key}: ${scalarText(t, value)}`;
  const first = map.pairs[0];
  if (!first) return { range: map.range, newText: `{ ${entry} }` };
  const start = first.keyRange.start;
  const flow = t.text[map.range.start] === '{';
  if (flow) return { range: { start, end: start }, newText: `${entry}, ` };
  // Block map: a new line above the first key, at the same column.
  const column = t.lines.positionAt(start).character;
  return { range: { start, end: start }, newText: `${entry}\n${' '.repeat(column)}` };
}
