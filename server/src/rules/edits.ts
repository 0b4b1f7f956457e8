/**
 * Text edits that add keys and list items to a template without re-serialising it: the new text is
 * written in the style of its surroundings (YAML block, YAML flow, or JSON), so a quick fix leaves the
 * rest of the document byte for byte as it was and the result still parses.
 */
import type { MapNode, Pair, SeqNode } from '../template/ast';
import type { Template } from '../template/model';
import type { TextEdit } from './types';

/** A value to write: a plain string, `!Ref id`, `!Sub text`, or a list of those. */
export type EditScalar = string | { readonly ref: string } | { readonly sub: string };
export type EditValue = EditScalar | readonly EditScalar[];

type Style = 'block' | 'flow' | 'json';

/** True when the document is JSON (its first character opens an object). */
export function isJsonText(text: string): boolean {
  return text.trimStart().startsWith('{');
}

/** Inserts `key: value` as the next sibling of `pair` in the map that holds it. */
export function insertPairAfter(t: Template, pair: Pair, key: string, value: EditValue): TextEdit {
  const style = styleAt(t, pair.keyRange.start);
  const end = pair.value.range.end;
  if (style === 'block') {
    const at = lineEnd(t.text, end);
    const indent = ' '.repeat(column(t.text, pair.keyRange.start));
    return { range: { start: at, end: at }, newText: `\n${indent}${blockPair(key, value, indent)}` };
  }
  const newline = style === 'json' && lineOf(t, pair.keyRange.start) !== lineOf(t, previousContent(t.text, pair.keyRange.start));
  const sep = newline ? `,\n${' '.repeat(column(t.text, pair.keyRange.start))}` : ', ';
  return { range: { start: end, end }, newText: `${sep}${flowPair(key, value, style)}` };
}

/** Inserts `key: value` as the first entry of `map`. */
export function insertPairFirst(t: Template, map: MapNode, key: string, value: EditValue): TextEdit | undefined {
  const first = map.pairs[0];
  if (!first) return undefined;
  const style = styleAt(t, first.keyRange.start);
  const start = first.keyRange.start;
  if (style === 'block') {
    const lineStart = t.text.lastIndexOf('\n', start - 1) + 1;
    if (t.text.slice(lineStart, start).trim() !== '') return undefined;
    const indent = t.text.slice(lineStart, start);
    return { range: { start: lineStart, end: lineStart }, newText: `${indent}${blockPair(key, value, indent)}\n` };
  }
  const newline = style === 'json' && lineOf(t, start) !== lineOf(t, previousContent(t.text, start));
  const sep = newline ? `,\n${' '.repeat(column(t.text, start))}` : ', ';
  return { range: { start, end: start }, newText: `${flowPair(key, value, style)}${sep}` };
}

/** Appends an item to a sequence, block or flow. */
export function appendListItem(t: Template, seq: SeqNode, value: EditScalar): TextEdit | undefined {
  const last = seq.items[seq.items.length - 1];
  const open = t.text[seq.range.start] === '[';
  if (!open) {
    if (!last) return undefined;
    const dash = t.text.lastIndexOf('-', last.range.start);
    const at = lineEnd(t.text, last.range.end);
    return { range: { start: at, end: at }, newText: `\n${' '.repeat(column(t.text, dash))}- ${yamlScalar(value)}` };
  }
  const style: Style = isJsonText(t.text) ? 'json' : 'flow';
  const text = style === 'json' ? jsonScalar(value) : yamlScalar(value);
  if (!last) return { range: { start: seq.range.start + 1, end: seq.range.start + 1 }, newText: text };
  return { range: { start: last.range.end, end: last.range.end }, newText: `, ${text}` };
}

/** Replaces a value node's text with `value`, written in the style found there. */
export function replaceWith(t: Template, range: { start: number; end: number }, value: EditValue): TextEdit {
  const style: Style = isJsonText(t.text) ? 'json' : 'flow';
  return { range, newText: style === 'json' ? jsonValue(value) : flowValue(value) };
}

function styleAt(t: Template, offset: number): Style {
  if (isJsonText(t.text)) return 'json';
  const prev = t.text[previousContent(t.text, offset)];
  return prev === '{' || prev === ',' ? 'flow' : 'block';
}

function blockPair(key: string, value: EditValue, indent: string): string {
  if (!isList(value)) return `${key}: ${yamlScalar(value)}`;
  return `${key}:${value.map((v) => `\n${indent}  - ${yamlScalar(v)}`).join('')}`;
}

function flowPair(key: string, value: EditValue, style: Style): string {
  return style === 'json' ? `${JSON.stringify(key)}: ${jsonValue(value)}` : `${key}: ${flowValue(value)}`;
}

function flowValue(value: EditValue): string {
  return isList(value) ? `[${value.map((v) => yamlScalar(v)).join(', ')}]` : yamlScalar(value);
}

function jsonValue(value: EditValue): string {
  return isList(value) ? `[${value.map(jsonScalar).join(', ')}]` : jsonScalar(value);
}

function yamlScalar(v: EditScalar): string {
  if (typeof v === 'string') return /^[A-Za-z0-9_./-]+$/.test(v) ? v : `'${v.replace(/'/g, "''")}'`;
  if ('ref' in v) return `!Ref ${v.ref}`;
  return `!Sub '${v.sub.replace(/'/g, "''")}'`;
}

function jsonScalar(v: EditScalar): string {
  if (typeof v === 'string') return JSON.stringify(v);
  return 'ref' in v ? `{ "Ref": ${JSON.stringify(v.ref)} }` : `{ "Fn::Sub": ${JSON.stringify(v.sub)} }`;
}

function isList(v: EditValue): v is readonly EditScalar[] {
  return Array.isArray(v);
}

function previousContent(text: string, offset: number): number {
  let i = offset - 1;
  while (i >= 0 && /\s/.test(text[i]!)) i--;
  return i;
}

function lineEnd(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  const end = nl === -1 ? text.length : nl;
  return text[end - 1] === '\r' ? end - 1 : end;
}

function column(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

function lineOf(t: Template, offset: number): number {
  return t.lines.positionAt(offset).line;
}
